#!/usr/bin/env node
// Behaviour test of miniweave's Alipay API adapters (targets/src/alipay/runtime/api/*.js).
//
//   node tests/validators/runtime/alipay-api.test.js <assembled-api.js>
//
// <assembled-api.js> is a CommonJS module assembled from ALL snippets (the compiler's own
// assembler in the Rust tests; tests/validators/lib/assemble-runtime.js by hand:
//   node tests/validators/lib/assemble-runtime.js alipay api --out /tmp/api.js && node tests/validators/runtime/alipay-api.test.js /tmp/api.js).
// A recording mock of Alipay's `my` is installed as a global before the module is loaded. Each mock
// method records its argument and answers as the real API does (result shapes per @mini-types/my
// 3.0.14 lib.my.d.ts and AlipayDocs/open-docs mini/api/**): callbacks are called asynchronously,
// failures are `{ error: number, errorMessage: string }`, calls without callbacks return a Promise.
// For every adapter the test checks the Alipay call (name, argument shape) and the WeChat-shaped
// result in callback style and in promise style, and a failure path for every asynchronous one.
// Plain node:assert; prints one summary line; exits non-zero on any failure.
'use strict';

const assert = require('node:assert/strict');
const path = require('path');

const modulePath = process.argv[2];
if (!modulePath) {
  console.error('usage: node alipay-api.test.js <assembled-api.js>');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The mock `my` (shared with the component-model judge: ./my-mock.js).

const mock = require('./my-mock').createMy();
const { my, SYNC, SAME, reset, next, lastCall, sysInfo } = mock;

global.my = my;
const api = require(path.resolve(modulePath));
// Record which adapters the tests call (the module's own internal uses included).
const used = new Set();
const adapters = Object.keys(api).filter((k) => typeof api[k] === 'function');
for (const n of adapters) {
  const fn = api[n];
  api[n] = function () { used.add(n); return fn.apply(this, arguments); };
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** assert that `actual` has every key of `expected` (recursively for plain objects); undefined = absent. */
function like(actual, expected, where = 'value') {
  assert.ok(actual !== null && typeof actual === 'object', `${where} is an object, got ${actual}`);
  for (const [k, v] of Object.entries(expected)) {
    if (v === undefined) assert.ok(actual[k] === undefined, `${where}.${k} is absent, got ${JSON.stringify(actual[k])}`);
    else if (v && typeof v === 'object' && !Array.isArray(v)) like(actual[k], v, `${where}.${k}`);
    else assert.deepEqual(actual[k], v, `${where}.${k}`);
  }
}

/** Call api[wx](opts + success/fail/complete); resolve with { seq, ret } once complete ran. */
function withCallbacks(wx, opts) {
  return new Promise((resolve, reject) => {
    const seq = [];
    let ret;
    const timer = setTimeout(() => reject(new Error(`${wx}: complete never called (seq ${seq.map((s) => s[0])})`)), 2000);
    ret = api[wx](Object.assign({}, opts, {
      success(r) { seq.push(['success', r]); },
      fail(e) { seq.push(['fail', e]); },
      complete(r) {
        seq.push(['complete', r]);
        clearTimeout(timer);
        setTimeout(() => resolve({ seq, ret }), 5);
      },
    }));
    if (seq.length) reject(new Error(`${wx}: ${seq[0][0]} called synchronously; WeChat callbacks are asynchronous`));
  });
}

async function expectOk(wx, opts, result) {
  const { seq, ret } = await withCallbacks(wx, opts);
  assert.deepEqual(seq.map((s) => s[0]), ['success', 'complete'], `${wx}: success then complete`);
  assert.equal(seq[0][1], seq[1][1], `${wx}: complete gets the success result`);
  assert.equal(seq[0][1].errMsg, `${wx}:ok`);
  if (result) like(seq[0][1], result, `${wx} result`);
  return { res: seq[0][1], ret };
}

async function expectFail(wx, opts, errMsg, extra) {
  const { seq } = await withCallbacks(wx, opts);
  assert.deepEqual(seq.map((s) => s[0]), ['fail', 'complete'], `${wx}: fail then complete`);
  assert.equal(seq[0][1], seq[1][1]);
  assert.equal(seq[0][1].errMsg, errMsg);
  if (extra) like(seq[0][1], extra, `${wx} failure`);
  return seq[0][1];
}

async function expectResolve(wx, opts, result) {
  const p = api[wx](opts);
  assert.ok(p instanceof Promise, `${wx} without callbacks returns a Promise`);
  const r = await p;
  assert.equal(r.errMsg, `${wx}:ok`);
  if (result) like(r, result, `${wx} promise result`);
  return r;
}

async function expectReject(wx, opts, errMsg, extra) {
  const p = api[wx](opts);
  assert.ok(p instanceof Promise, `${wx} without callbacks returns a Promise`);
  let caught;
  await p.then(() => assert.fail(`${wx} should reject`), (e) => { caught = e; });
  assert.equal(caught.errMsg, errMsg);
  if (extra) like(caught, extra, `${wx} rejection`);
  return caught;
}

const FAIL = { err: { error: 12, errorMessage: 'boom' } };

/**
 * The common checks for an asynchronous adapter: callback style, promise style, and the Alipay
 * failure `{ error: 12, errorMessage: 'boom' }` turned into `<wx>:fail boom` (both styles).
 */
async function asyncAdapter(wx, opts, myName, myArg, result, { failure = true } = {}) {
  reset();
  await expectOk(wx, opts, result);
  if (myArg) like(lastCall(myName).arg, myArg, `my.${myName} argument`);
  if (!SYNC.has(myName)) assert.ok(lastCall(myName).callbacks, `my.${myName} gets callbacks`);
  reset();
  await expectResolve(wx, opts, result);
  if (myArg) like(lastCall(myName).arg, myArg, `my.${myName} argument`);
  if (!failure) return;
  reset();
  next(myName, FAIL);
  await expectFail(wx, opts, `${wx}:fail boom`, { error: 12, errorMessage: 'boom' });
  reset();
  next(myName, FAIL);
  await expectReject(wx, opts, `${wx}:fail boom`, { error: 12, errorMessage: 'boom' });
}

/** Fire-and-forget UI calls succeed once issued; the failure path is the Alipay call throwing. */
async function throwingAlipay(wx, opts, myName) {
  reset();
  const saved = my[myName];
  my[myName] = () => { throw new TypeError(`my.${myName} is not a function`); };
  try {
    await expectFail(wx, opts, `${wx}:fail my.${myName} is not a function`);
    await expectReject(wx, opts, `${wx}:fail my.${myName} is not a function`);
  } finally {
    my[myName] = saved;
  }
}

// ---------------------------------------------------------------------------------------------
// Tests.

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('_core: callbacks are asynchronous even when the client answers synchronously; user errors stay uncaught', async () => {
  reset();
  const saved = my.navigateTo;
  my.navigateTo = (a) => { a.success({}); }; // a client answering synchronously
  let failed = false;
  let ran = false;
  try {
    const err = await new Promise((resolve) => {
      process.once('uncaughtException', resolve);
      api.navigateTo({ url: '/p', success() { ran = true; throw new Error('user bug'); }, fail() { failed = true; } });
      assert.equal(ran, false, 'success not called before navigateTo returns');
    });
    assert.equal(err.message, 'user bug');
  } finally {
    my.navigateTo = saved;
  }
  assert.equal(failed, false, 'a throwing success callback is not turned into a fail');
  // an Alipay call that throws synchronously becomes a fail
  my.navigateTo = () => { throw new Error('bridge down'); };
  try {
    await expectReject('navigateTo', { url: '/p' }, 'navigateTo:fail bridge down');
  } finally {
    my.navigateTo = saved;
  }
});

test('request', async () => {
  const opts = { url: 'https://x.test/a', method: 'POST', data: { q: 1 }, header: { 'X-Token': 't', 'Content-Type': 'application/x-www-form-urlencoded' }, timeout: 5000 };
  const myArg = {
    url: 'https://x.test/a', method: 'POST', data: { q: 1 }, timeout: 5000, dataType: 'text',
    headers: { 'x-token': 't', 'content-type': 'application/x-www-form-urlencoded' }, header: undefined,
  };
  await asyncAdapter('request', opts, 'request', myArg, { data: { a: 1 }, statusCode: 200, header: { 'content-type': 'application/json' }, status: undefined, headers: undefined });
  // default content-type, string header values, callback style returns the RequestTask
  reset();
  const { ret } = await expectOk('request', { url: 'https://x.test/b', header: { n: 5 } });
  like(lastCall('request').arg, { headers: { 'content-type': 'application/json', n: '5' } });
  assert.equal(typeof ret.abort, 'function', 'callback style returns the task');
  // dataType other than json: no parse; arraybuffer
  reset();
  await expectOk('request', { url: 'https://x.test/c', dataType: 'text' }, { data: '{"a":1}' });
  reset();
  next('request', { ok: { data: new ArrayBuffer(2), status: 200, headers: {} } });
  const ab = await expectResolve('request', { url: 'https://x.test/d', responseType: 'arraybuffer' });
  assert.ok(ab.data instanceof ArrayBuffer);
  like(lastCall('request').arg, { dataType: 'arraybuffer' });
  // body that is not JSON stays a string (WeChat does not fail)
  reset();
  next('request', { ok: { data: 'plain', status: 200, headers: {} } });
  await expectResolve('request', { url: 'https://x.test/e' }, { data: 'plain' });
  // newer clients: statusCode/header in the result
  reset();
  next('request', { ok: { data: '[]', statusCode: 201, header: { a: 'b' } } });
  await expectResolve('request', { url: 'https://x.test/f' }, { data: [], statusCode: 201, header: { a: 'b' } });
  // HTTP error status (Alipay error 19 with status) is a success on WeChat
  reset();
  next('request', { err: { error: 19, errorMessage: 'http status error', status: 404, data: '{"e":1}', headers: { x: 'y' } } });
  await expectResolve('request', { url: 'https://x.test/g' }, { statusCode: 404, data: { e: 1 }, header: { x: 'y' } });
  // error 19 without a status stays a failure
  reset();
  next('request', { err: { error: 19, errorMessage: 'http status error' } });
  await expectReject('request', { url: 'https://x.test/h' }, 'request:fail http status error', { error: 19 });
});

test('uploadFile', async () => {
  const opts = { url: 'https://x.test/up', filePath: 'https://resource/a.jpg', name: 'file', header: { a: 'b' }, formData: { k: 'v' } };
  await asyncAdapter('uploadFile', opts, 'uploadFile',
    { url: 'https://x.test/up', filePath: 'https://resource/a.jpg', name: 'file', fileName: 'file', fileType: 'image', header: { a: 'b' }, formData: { k: 'v' }, complete: undefined },
    { data: 'uploaded', statusCode: 200, header: { server: 'x' } });
  reset();
  const { ret } = await expectOk('uploadFile', opts);
  assert.equal(typeof ret.abort, 'function', 'callback style returns the UploadTask');
});

test('downloadFile', async () => {
  await asyncAdapter('downloadFile', { url: 'https://x.test/f.png', header: { a: 'b' } }, 'downloadFile',
    { url: 'https://x.test/f.png', header: { a: 'b' } },
    { tempFilePath: 'https://resource/apml1.png', statusCode: 200, apFilePath: undefined });
  reset();
  next('downloadFile', { ok: { apFilePath: 'https://resource/old', tempFilePath: 'https://resource/new', headers: { h: '1' }, header: { h: '1' } } });
  await expectResolve('downloadFile', { url: 'https://x.test/g' }, { tempFilePath: 'https://resource/new', header: { h: '1' } });
});

test('showToast', async () => {
  await asyncAdapter('showToast', { title: 'Done', icon: 'error', duration: 2000 }, 'showToast',
    { content: 'Done', type: 'fail', duration: 2000, title: undefined, icon: undefined }, {}, { failure: false });
  reset();
  await expectResolve('showToast', { title: 'Hi' });
  like(lastCall('showToast').arg, { content: 'Hi', type: 'success', duration: 1500 });
  reset();
  await expectResolve('showToast', { title: 'Hi', icon: 'none' });
  like(lastCall('showToast').arg, { type: 'none' });
  // icon loading -> my.showLoading, hidden after duration
  reset();
  await expectResolve('showToast', { title: 'Wait', icon: 'loading', duration: 20 });
  like(lastCall('showLoading').arg, { content: 'Wait' });
  assert.ok(!mock.calls.some((c) => c.name === 'showToast'));
  await new Promise((r) => setTimeout(r, 40));
  lastCall('hideLoading');
  await throwingAlipay('showToast', { title: 'x' }, 'showToast');
});

test('hideToast / hideLoading (toast and loading mix, noConflict)', async () => {
  await asyncAdapter('hideToast', {}, 'hideToast', {}, {}, { failure: false });
  lastCall('hideLoading');
  reset();
  await expectResolve('hideToast', { noConflict: true });
  assert.ok(!mock.calls.some((c) => c.name === 'hideLoading'));
  await asyncAdapter('hideLoading', {}, 'hideLoading', {}, {}, { failure: false });
  lastCall('hideToast');
  reset();
  await expectResolve('hideLoading', { noConflict: true });
  assert.ok(!mock.calls.some((c) => c.name === 'hideToast'));
  reset();
  assert.ok(api.hideToast() instanceof Promise, 'no argument at all: promise');
  await throwingAlipay('hideToast', {}, 'hideToast');
  await throwingAlipay('hideLoading', {}, 'hideLoading');
});

test('showLoading', async () => {
  await asyncAdapter('showLoading', { title: 'Loading', mask: true }, 'showLoading', { content: 'Loading', title: undefined, mask: undefined }, {}, { failure: false });
  await throwingAlipay('showLoading', { title: 'x' }, 'showLoading');
});

test('showModal', async () => {
  // my.confirm when my.showModal is unavailable
  const opts = { title: 'T', content: 'C', confirmText: 'Yes', cancelText: 'No' };
  const noShowModal = () => mock.canIUse.delete('showModal');
  for (const style of ['callback', 'promise']) {
    reset(); noShowModal();
    const r = style === 'callback' ? (await expectOk('showModal', opts)).res : await expectResolve('showModal', opts);
    like(r, { confirm: true, cancel: false });
    like(lastCall('confirm').arg, { title: 'T', content: 'C', confirmButtonText: 'Yes', cancelButtonText: 'No', confirmText: undefined });
    reset(); noShowModal();
    next('confirm', { ok: { confirm: false } });
    const r2 = style === 'callback' ? (await expectOk('showModal', opts)).res : await expectResolve('showModal', opts);
    like(r2, { confirm: false, cancel: true });
  }
  // showCancel: false -> my.alert
  reset(); noShowModal();
  await expectResolve('showModal', { title: 'T', content: 'C', showCancel: false, confirmText: 'OK' }, { confirm: true, cancel: false });
  like(lastCall('alert').arg, { title: 'T', content: 'C', buttonText: 'OK' });
  assert.ok(!mock.calls.some((c) => c.name === 'confirm'));
  // failure
  reset(); noShowModal();
  next('confirm', FAIL);
  await expectFail('showModal', opts, 'showModal:fail boom', { error: 12 });
  reset(); noShowModal();
  next('alert', FAIL);
  await expectReject('showModal', { showCancel: false }, 'showModal:fail boom');
  // my.showModal when canIUse('showModal'): same argument names
  await asyncAdapter('showModal', { title: 'T', content: 'C', editable: true, placeholderText: 'P' }, 'showModal',
    { title: 'T', content: 'C', editable: true, placeholderText: 'P' }, { confirm: true, cancel: false });
  reset();
  next('showModal', { ok: { confirm: true, content: 'typed' } });
  await expectResolve('showModal', { editable: true }, { confirm: true, cancel: false, content: 'typed' });
});

test('showActionSheet', async () => {
  await asyncAdapter('showActionSheet', { itemList: ['a', 'b'], alertText: 'Pick', itemColor: '#000' }, 'showActionSheet',
    { items: ['a', 'b'], title: 'Pick', itemList: undefined, itemColor: undefined }, { tapIndex: 1, index: undefined });
  reset();
  next('showActionSheet', { ok: { index: -1, success: true } });
  await expectFail('showActionSheet', { itemList: ['a'] }, 'showActionSheet:fail cancel');
  reset();
  next('showActionSheet', { ok: { index: -1, success: true } });
  await expectReject('showActionSheet', { itemList: ['a'] }, 'showActionSheet:fail cancel');
});

test('storage, synchronous', async () => {
  reset();
  mock.store = {};
  assert.equal(api.setStorageSync('k', { v: 1 }), undefined);
  assert.deepEqual(lastCall('setStorageSync').arg, { key: 'k', data: { v: 1 } });
  assert.deepEqual(api.getStorageSync('k'), { v: 1 });
  assert.deepEqual(lastCall('getStorageSync').arg, { key: 'k' });
  assert.equal(api.getStorageSync('missing'), '', 'missing key -> empty string');
  next('getStorageSync', { APDataStorage: 'legacy' });
  assert.equal(api.getStorageSync('old'), 'legacy', 'legacy APDataStorage field');
  api.setStorageSync('zero', 0);
  assert.equal(api.getStorageSync('zero'), 0);
  next('setStorageSync', { success: false, error: 15, errorMessage: 'exceed' });
  assert.throws(() => api.setStorageSync('big', 'x'), { message: 'setStorageSync:fail exceed' });
  assert.equal(api.removeStorageSync('k'), undefined);
  assert.deepEqual(lastCall('removeStorageSync').arg, { key: 'k' });
  assert.equal(api.getStorageSync('k'), '');
  api.setStorageSync('a', 1);
  assert.deepEqual(api.getStorageInfoSync(), { keys: ['zero', 'a'], currentSize: 1, limitSize: 10240 });
  assert.equal(api.clearStorageSync(), undefined);
  lastCall('clearStorageSync');
  assert.deepEqual(mock.store, {});
});

test('storage, asynchronous', async () => {
  mock.store = {};
  await asyncAdapter('setStorage', { key: 'k', data: 'v' }, 'setStorage', { key: 'k', data: 'v' }, {});
  mock.store = { k: 'v' };
  await asyncAdapter('getStorage', { key: 'k' }, 'getStorage', { key: 'k' }, { data: 'v' });
  reset();
  await expectFail('getStorage', { key: 'nope' }, 'getStorage:fail data not found');
  reset();
  await expectReject('getStorage', { key: 'nope' }, 'getStorage:fail data not found');
  mock.store = { k: 'v' };
  await asyncAdapter('removeStorage', { key: 'k' }, 'removeStorage', { key: 'k' }, {});
  await asyncAdapter('getStorageInfo', {}, 'getStorageInfo', {}, { keys: [], limitSize: 10240 });
  mock.store = { a: 1 };
  await asyncAdapter('clearStorage', {}, 'clearStorage', {}, {});
  assert.deepEqual(mock.store, {});
});

test('getSystemInfoSync / getSystemInfo / getWindowInfo / getDeviceInfo', async () => {
  reset();
  const r = api.getSystemInfoSync();
  like(r, { platform: 'ios', system: 'iOS 16.1', screenWidth: 390, screenHeight: 844, windowHeight: 709, SDKVersion: '2.9.10', language: 'zh_CN', brand: 'Apple', model: 'iPhone14,5', pixelRatio: 3 });
  next('getSystemInfoSync', Object.assign(sysInfo(), { platform: 'Android', system: '13', screenWidth: 1080, windowHeight: 0, language: 'en' }));
  like(api.getSystemInfoSync(), { platform: 'android', system: 'Android 13', screenWidth: 390, windowHeight: 844 - 47 - 44, language: 'en' });
  next('getSystemInfoSync', Object.assign(sysInfo(), { platform: 'iPhone OS' }));
  like(api.getSystemInfoSync(), { platform: 'ios' });
  my.isIDE = true;
  try { like(api.getSystemInfoSync(), { platform: 'devtools' }); } finally { my.isIDE = false; }
  await asyncAdapter('getSystemInfo', {}, 'getSystemInfoSync', null, { platform: 'ios', SDKVersion: '2.9.10', screenWidth: 390 }, { failure: false });
  await throwingAlipay('getSystemInfo', {}, 'getSystemInfoSync');
  reset();
  like(api.getWindowInfo(), { windowWidth: 390, statusBarHeight: 47 });
  lastCall('getWindowInfo');
  mock.canIUse.delete('getWindowInfo');
  like(api.getWindowInfo(), { windowWidth: 390, screenWidth: 390, pixelRatio: 3 });
  lastCall('getSystemInfoSync');
  like(api.getDeviceInfo(), { brand: 'Apple', model: 'iPhone14,5', platform: 'ios', system: 'iOS 16.1' });
});

test('navigation: navigateTo, redirectTo, switchTab, reLaunch, navigateBack', async () => {
  const { res } = await (async () => { reset(); return expectOk('navigateTo', { url: '/pages/a', events: { e() {} } }); })();
  assert.equal(typeof res.eventChannel.emit, 'function', 'eventChannel passed through');
  await asyncAdapter('navigateTo', { url: '/pages/a?x=1' }, 'navigateTo', { url: '/pages/a?x=1', complete: undefined }, {});
  await asyncAdapter('redirectTo', { url: '/pages/b' }, 'redirectTo', { url: '/pages/b' }, {});
  await asyncAdapter('switchTab', { url: '/pages/c' }, 'switchTab', { url: '/pages/c' }, {});
  await asyncAdapter('reLaunch', { url: '/pages/d' }, 'reLaunch', { url: '/pages/d' }, {});
  await asyncAdapter('navigateBack', { delta: 2 }, 'navigateBack', { delta: 2 }, {});
  reset();
  assert.ok(api.navigateBack() instanceof Promise);
  await new Promise((r) => setTimeout(r, 5));
});

test('setNavigationBarTitle / setNavigationBarColor -> my.setNavigationBar', async () => {
  await asyncAdapter('setNavigationBarTitle', { title: 'Home' }, 'setNavigationBar', { title: 'Home' }, {});
  await asyncAdapter('setNavigationBarColor', { frontColor: '#ffffff', backgroundColor: '#ff0000', animation: { duration: 1 } }, 'setNavigationBar',
    { frontColor: '#ffffff', backgroundColor: '#ff0000', animation: undefined }, {});
});

test('clipboard', async () => {
  await asyncAdapter('setClipboardData', { data: 'hello' }, 'setClipboard', { text: 'hello', data: undefined }, {});
  await asyncAdapter('getClipboardData', {}, 'getClipboard', {}, { data: 'copied', text: undefined });
});

test('makePhoneCall', async () => {
  await asyncAdapter('makePhoneCall', { phoneNumber: '10086' }, 'makePhoneCall', { number: '10086', phoneNumber: undefined }, {});
});

test('previewImage', async () => {
  await asyncAdapter('previewImage', { urls: ['u1', 'u2', 'u3'], current: 'u2' }, 'previewImage', { urls: ['u1', 'u2', 'u3'], current: 1 }, {});
  reset();
  await expectResolve('previewImage', { urls: ['u1'] });
  like(lastCall('previewImage').arg, { current: 0 });
});

test('chooseImage', async () => {
  await asyncAdapter('chooseImage', { count: 2, sizeType: ['compressed'], sourceType: ['album'] }, 'chooseImage',
    { count: 2, sizeType: ['compressed'], sourceType: ['album'] },
    { tempFilePaths: ['https://resource/a.jpg', 'https://resource/b.jpg'], tempFiles: [{ path: 'https://resource/a.jpg' }, { path: 'https://resource/b.jpg' }], apFilePaths: undefined });
  reset();
  next('chooseImage', { ok: { apFilePaths: ['x'], tempFilePaths: ['t'], tempFiles: [{ path: 't', size: 9 }] } });
  await expectResolve('chooseImage', {}, { tempFilePaths: ['t'], tempFiles: [{ path: 't', size: 9 }] });
  reset();
  next('chooseImage', { err: { error: 11, errorMessage: '用户取消操作' } });
  await expectReject('chooseImage', {}, 'chooseImage:fail cancel', { error: 11 });
});

test('scanCode -> my.scan', async () => {
  await asyncAdapter('scanCode', { onlyFromCamera: true, scanType: ['qrCode'] }, 'scan', { hideAlbum: true, scanType: ['qrCode'], onlyFromCamera: undefined },
    { result: 'CODE', scanType: 'qrCode', rawData: 'Q09ERQ==', code: undefined });
  reset();
  next('scan', { err: { error: 10, errorMessage: '用户取消' } });
  await expectFail('scanCode', {}, 'scanCode:fail cancel', { error: 10 });
});

test('login -> my.getAuthCode', async () => {
  await asyncAdapter('login', {}, 'getAuthCode', { scopes: 'auth_base' }, { code: 'AUTH', authCode: undefined });
  reset();
  assert.ok(api.login() instanceof Promise);
  await new Promise((r) => setTimeout(r, 5));
});

test('pageScrollTo', async () => {
  await asyncAdapter('pageScrollTo', { scrollTop: 100 }, 'pageScrollTo', { scrollTop: 100, duration: 300 }, {});
  reset();
  await expectResolve('pageScrollTo', { selector: '#a', duration: 0 });
  like(lastCall('pageScrollTo').arg, { selector: '#a', duration: 0 });
});

test('getNetworkType', async () => {
  await asyncAdapter('getNetworkType', {}, 'getNetworkType', {}, { networkType: 'wifi', networkAvailable: undefined });
  for (const [alipay, wechat, available] of [['NOTREACHABLE', 'none', false], ['WWAN', '3g', true], ['4G', '4g', true], ['UNKNOWN', 'unknown', true], ['WIFI', 'none', false]]) {
    reset();
    next('getNetworkType', { ok: { networkAvailable: available, networkType: alipay } });
    await expectResolve('getNetworkType', {}, { networkType: wechat });
  }
});

test('getLocation (GCJ-02 -> WGS-84 unless type gcj02)', async () => {
  reset();
  const { res } = await expectOk('getLocation', {});
  // reference: coordtransform gcj02towgs84(116.404, 39.915)
  assert.ok(Math.abs(res.longitude - 116.39775550083061) < 1e-9, `longitude ${res.longitude}`);
  assert.ok(Math.abs(res.latitude - 39.91359571849836) < 1e-9, `latitude ${res.latitude}`);
  like(res, { accuracy: 65, horizontalAccuracy: 65 });
  assert.equal(lastCall('getLocation').arg.type, undefined, 'WeChat type is not Alipay type');
  await asyncAdapter('getLocation', { type: 'gcj02' }, 'getLocation', { type: undefined }, { latitude: 39.915, longitude: 116.404, accuracy: 65 });
  // outside China: no shift
  reset();
  next('getLocation', { ok: { longitude: '2.35', latitude: '48.85', accuracy: '10' } });
  await expectResolve('getLocation', {}, { latitude: 48.85, longitude: 2.35, accuracy: 10, horizontalAccuracy: 10 });
  // round trip with the forward transform is within ~2 m
  const fwd = (lng, lat) => {
    const a = 6378245, ee = 0.00669342162296594323, PI = Math.PI;
    const x = lng - 105, y = lat - 35;
    let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    dLat += (20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2 / 3 + (20 * Math.sin(y * PI) + 40 * Math.sin(y / 3 * PI)) * 2 / 3 + (160 * Math.sin(y / 12 * PI) + 320 * Math.sin(y * PI / 30)) * 2 / 3;
    let dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    dLng += (20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2 / 3 + (20 * Math.sin(x * PI) + 40 * Math.sin(x / 3 * PI)) * 2 / 3 + (150 * Math.sin(x / 12 * PI) + 300 * Math.sin(x / 30 * PI)) * 2 / 3;
    const rad = lat / 180 * PI; let m = Math.sin(rad); m = 1 - ee * m * m; const s = Math.sqrt(m);
    return [lng + dLng * 180 / (a / s * Math.cos(rad) * PI), lat + dLat * 180 / (a * (1 - ee) / (m * s) * PI)];
  };
  for (const [lng, lat] of [[121.4737, 31.2304], [113.2644, 23.1291], [104.0665, 30.5728]]) {
    const [glng, glat] = fwd(lng, lat);
    reset();
    next('getLocation', { ok: { longitude: String(glng), latitude: String(glat), accuracy: '5' } });
    const w = await expectResolve('getLocation', {});
    assert.ok(Math.abs(w.longitude - lng) < 2e-5 && Math.abs(w.latitude - lat) < 2e-5, `round trip ${lng},${lat} -> ${w.longitude},${w.latitude}`);
  }
});

test('showShareMenu -> my.showShareMenu (no-op success when absent)', async () => {
  await asyncAdapter('showShareMenu', { withShareTicket: true }, 'showShareMenu', {}, {});
  reset();
  mock.canIUse.delete('showShareMenu');
  await expectResolve('showShareMenu', {});
  assert.equal(mock.calls.filter((c) => c.name !== 'canIUse').length, 0, 'nothing else called, in particular not my.showSharePanel');
  reset();
  next('showShareMenu', { ok: { success: false, error: 3, errorMessage: 'no' } });
  await expectReject('showShareMenu', {}, 'showShareMenu:fail no', { error: 3 });
  await asyncAdapter('hideShareMenu', {}, 'hideShareMenu', {}, {});
});

test('hideHomeButton -> my.hideBackHome', async () => {
  await asyncAdapter('hideHomeButton', {}, 'hideBackHome', {}, {});
});

test('saveImageToPhotosAlbum (my.saveImage on old clients)', async () => {
  await asyncAdapter('saveImageToPhotosAlbum', { filePath: 'https://resource/a.jpg' }, 'saveImageToPhotosAlbum', { filePath: 'https://resource/a.jpg' }, {});
  reset();
  mock.canIUse.delete('saveImageToPhotosAlbum');
  await expectResolve('saveImageToPhotosAlbum', { filePath: 'https://resource/a.jpg' });
  like(lastCall('saveImage').arg, { url: 'https://resource/a.jpg', filePath: undefined });
});

test('screen brightness renames', async () => {
  await asyncAdapter('getScreenBrightness', {}, 'getScreenBrightness', {}, { value: 0.5, brightness: undefined });
  await asyncAdapter('setScreenBrightness', { value: 0.3 }, 'setScreenBrightness', { brightness: 0.3, value: undefined }, {});
});

test('same-name APIs: only the calling convention is adapted', async () => {
  await asyncAdapter('getImageInfo', { src: 'https://x/a.png' }, 'getImageInfo', { src: 'https://x/a.png' }, { width: 10, height: 20, path: 'https://x/a.png' });
  await asyncAdapter('getBatteryInfo', {}, 'getBatteryInfo', {}, { level: 80, isCharging: false });
  await asyncAdapter('hideKeyboard', {}, 'hideKeyboard', {}, {});
  for (const n of SAME) await asyncAdapter(n, { index: 0, text: '1' }, n, { index: 0, text: '1' }, {});
});

test('nextTick', async () => {
  reset();
  let ran = 0;
  api.nextTick(() => { ran++; });
  assert.equal(ran, 0, 'deferred');
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(ran, 1, 'setTimeout fallback ran');
  my.nextTick = (cb) => { mock.calls.push({ name: 'nextTick' }); cb(); };
  try {
    api.nextTick(() => { ran++; });
    assert.equal(ran, 2);
    lastCall('nextTick');
  } finally {
    delete my.nextTick;
  }
});

test('canIUse', async () => {
  reset();
  assert.equal(api.canIUse('scanCode'), true, 'adapted API');
  assert.equal(api.canIUse('showModal'), true);
  assert.equal(api.canIUse('getWeRunData'), false);
  assert.deepEqual(mock.calls.filter((c) => c.name === 'canIUse').map((c) => c.arg), ['getWeRunData']);
});

// ---------------------------------------------------------------------------------------------
// Runner.

(async () => {
  let passed = 0;
  const failures = [];
  for (const t of tests) {
    try {
      mock.calls = [];
      await t.fn();
      const stray = mock.calls.filter((c) => !SYNC.has(c.name) && c.callbacks === false);
      assert.deepEqual(stray.map((c) => c.name), [], 'Alipay calls made without callbacks (their promise could reject unhandled)');
      passed++;
    } catch (e) {
      failures.push(t.name);
      console.error(`FAIL ${t.name}\n  ${(e && e.stack) || e}`);
    }
  }
  // Every adapter in the module was called by some test above.
  const untested = adapters.filter((n) => !used.has(n));
  if (untested.length) {
    failures.push('coverage');
    console.error(`FAIL coverage: no test calls ${untested.join(', ')}`);
  }
  console.log(`alipay-api: ${passed}/${tests.length} tests passed, ${adapters.length} adapters` + (failures.length ? `; FAILED: ${failures.join(', ')}` : ''));
  process.exit(failures.length ? 1 : 0);
})();
