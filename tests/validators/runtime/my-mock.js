// A recording mock of Alipay's `my`, shared by the runtime tests (alipay-api.test.js) and the
// Alipay component-model judge (../alipay/component-model.js).
// Each mock method records its argument and answers as the real API does (result shapes per
// @mini-types/my 3.0.14 lib.my.d.ts and AlipayDocs/open-docs mini/api/**): callbacks are called
// asynchronously, failures are `{ error: number, errorMessage: string }`, calls without callbacks
// return a Promise; storage is kept in `mock.store`.
//
//   const mock = require('./my-mock').createMy();
//   global.my = mock.my; mock.reset(); mock.next('request', { ok: {...} }); mock.lastCall('request')
'use strict';

const assert = require('node:assert/strict');

function createMy() {
  const SYNC = new Set([
    'setStorageSync', 'getStorageSync', 'removeStorageSync', 'clearStorageSync', 'getStorageInfoSync',
    'getSystemInfoSync', 'getWindowInfo', 'canIUse', 'nextTick', 'showSharePanel',
  ]);

  let calls = [];
  let store = {};
  let once = {};
  let canIUse = new Set();

  const sysInfo = () => ({
    app: 'alipay', brand: 'Apple', model: 'iPhone14,5', pixelRatio: 3, platform: 'iOS', system: '16.1',
    version: '10.5.36', language: 'zh-Hans', screenWidth: 1170, screenHeight: 2532,
    screen: { width: 390, height: 844 }, windowWidth: 390, windowHeight: 709, statusBarHeight: 47,
    titleBarHeight: 44, fontSizeSetting: 16, storage: '128 GB', currentBattery: '80%',
  });

  // Default answers: (arg) => { ok: result } | { err: error } for asynchronous APIs, a value for sync ones.
  const answers = {
    request: () => ({ ok: { data: '{"a":1}', status: 200, headers: { 'content-type': 'application/json' } } }),
    uploadFile: () => ({ ok: { data: 'uploaded', statusCode: 200, header: { server: 'x' } } }),
    downloadFile: () => ({ ok: { apFilePath: 'https://resource/apml1.png' } }),
    showToast: () => ({ ok: {} }),
    hideToast: () => ({ ok: {} }),
    showLoading: () => ({ ok: {} }),
    hideLoading: () => ({ ok: {} }),
    confirm: () => ({ ok: { confirm: true } }),
    alert: () => ({ ok: {} }),
    showModal: () => ({ ok: { confirm: true } }),
    showActionSheet: () => ({ ok: { index: 1, success: true } }),
    setStorage: (a) => { store[a.key] = a.data; return { ok: {} }; },
    getStorage: (a) => ({ ok: { data: a.key in store ? store[a.key] : null } }),
    removeStorage: (a) => { delete store[a.key]; return { ok: { success: true } }; },
    clearStorage: () => { store = {}; return { ok: { success: true } }; },
    getStorageInfo: () => ({ ok: { keys: Object.keys(store), currentSize: 1, limitSize: 10240 } }),
    setStorageSync: (a) => { store[a.key] = a.data; return { success: true }; },
    getStorageSync: (a) => ({ data: a.key in store ? store[a.key] : null }),
    removeStorageSync: (a) => { delete store[a.key]; return { success: true }; },
    clearStorageSync: () => { store = {}; return { success: true }; },
    getStorageInfoSync: () => ({ keys: Object.keys(store), currentSize: 1, limitSize: 10240 }),
    getSystemInfoSync: () => sysInfo(),
    getWindowInfo: () => ({ pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 709, statusBarHeight: 47, safeArea: {} }),
    navigateTo: () => ({ ok: { eventChannel: { emit() {} } } }),
    redirectTo: () => ({ ok: {} }),
    switchTab: () => ({ ok: {} }),
    reLaunch: () => ({ ok: {} }),
    navigateBack: () => ({ ok: {} }),
    setNavigationBar: () => ({ ok: {} }),
    setClipboard: () => ({ ok: { success: true } }),
    getClipboard: () => ({ ok: { text: 'copied' } }),
    makePhoneCall: () => ({ ok: { success: true } }),
    previewImage: () => ({ ok: {} }),
    chooseImage: () => ({ ok: { apFilePaths: ['https://resource/a.jpg', 'https://resource/b.jpg'] } }),
    scan: () => ({ ok: { code: 'CODE', qrCode: 'CODE', scanType: 'qrCode', rawData: 'Q09ERQ==', imageChannel: 'camera', result: 'CODE' } }),
    getAuthCode: () => ({ ok: { authCode: 'AUTH', authErrorScopes: {}, authSuccessScopes: ['auth_base'] } }),
    pageScrollTo: () => ({ ok: {} }),
    getNetworkType: () => ({ ok: { networkAvailable: true, networkType: 'WIFI' } }),
    getLocation: () => ({ ok: { longitude: '116.404', latitude: '39.915', accuracy: '65', horizontalAccuracy: '65' } }),
    showShareMenu: () => ({ ok: { success: true } }),
    hideShareMenu: () => ({ ok: {} }),
    hideBackHome: () => ({ ok: {} }),
    saveImageToPhotosAlbum: () => ({ ok: { success: true } }),
    saveImage: () => ({ ok: {} }),
    getScreenBrightness: () => ({ ok: { success: true, brightness: 0.5 } }),
    setScreenBrightness: () => ({ ok: { success: true } }),
    getImageInfo: (a) => ({ ok: { width: 10, height: 20, path: a.src, type: 'png', orientation: 'up' } }),
    getBatteryInfo: () => ({ ok: { level: 80, isCharging: false } }),
    hideKeyboard: () => ({ ok: { success: true } }),
    canIUse: (name) => canIUse.has(name),
    nextTick: null, // absent: not declared in @mini-types/my 3.0.14
  };
  const SAME = [
    'stopPullDownRefresh', 'startPullDownRefresh', 'vibrateShort', 'vibrateLong', 'showNavigationBarLoading',
    'hideNavigationBarLoading', 'setTabBarBadge', 'removeTabBarBadge', 'showTabBarRedDot', 'hideTabBarRedDot',
    'showTabBar', 'hideTabBar', 'setTabBarStyle', 'setTabBarItem', 'setKeepScreenOn', 'setBackgroundColor',
    'navigateToMiniProgram', 'navigateBackMiniProgram',
  ];
  for (const n of SAME) answers[n] = () => ({ ok: {} });

  const my = { SDKVersion: '2.9.10', isIDE: false };
  const tasks = [];
  for (const [name, answer] of Object.entries(answers)) {
    if (!answer) continue;
    my[name] = function (arg) {
      const record = { name, arg };
      calls.push(record);
      const a = (once[name] && once[name].shift()) || answer;
      if (SYNC.has(name)) return a(arg);
      const result = a(arg || {});
      const cb = arg && (arg.success || arg.fail || arg.complete);
      record.callbacks = !!cb;
      let task;
      if (name === 'request' || name === 'uploadFile' || name === 'downloadFile') {
        task = { abort() { task.aborted = true; }, onProgressUpdate() {} };
        tasks.push(task);
      }
      if (!cb) {
        const p = result.err ? Promise.reject(result.err) : Promise.resolve(result.ok);
        p.catch(() => {});
        return p;
      }
      setTimeout(() => {
        if (result.err) { if (arg.fail) arg.fail(result.err); }
        else if (arg.success) arg.success(result.ok);
        if (arg.complete) arg.complete(result.err || result.ok);
      }, 0);
      return task;
    };
  }
  function reset() {
    calls = [];
    once = {};
    canIUse = new Set(['showModal', 'showShareMenu', 'saveImageToPhotosAlbum', 'getWindowInfo']);
  }
  /** Make the next call of my[name] answer with this (a function of the argument or a plain answer). */
  function next(name, answer) {
    (once[name] = once[name] || []).push(typeof answer === 'function' ? answer : () => answer);
  }
  function lastCall(name) {
    const found = calls.filter((c) => c.name === name);
    assert.ok(found.length, `my.${name} was called (calls: ${calls.map((c) => c.name).join(', ') || 'none'})`);
    return found[found.length - 1];
  }

  return {
    my,
    SYNC,
    SAME,
    tasks,
    sysInfo,
    reset,
    next,
    lastCall,
    /** Every my.* call since the last reset(): { name, arg, callbacks }. */
    get calls() { return calls; },
    set calls(v) { calls = v; },
    /** The storage behind the storage APIs (assignable). */
    get store() { return store; },
    set store(v) { store = v; },
    /** The names my.canIUse answers true for (reset() restores the default set). */
    get canIUse() { return canIUse; },
  };
}

module.exports = { createMy };
