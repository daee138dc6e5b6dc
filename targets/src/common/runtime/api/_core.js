// Shared helpers: WeChat's calling convention (callbacks or promise, always asynchronous; errMsg) over the host API object __mwHost (Alipay's my, Weibo's wbx), which the module header names (PLATFORMS.md §6.4 preamble)
// needs:
function __mwFail(name, e) {
  var r = {}, k, m = e;
  if (e && typeof e == 'object') {
    for (k in e) r[k] = e[k];
    // Alipay says errorMessage/error; a WeChat-like host (Weibo) may already say errMsg.
    m = e instanceof Error ? e.message : e.errorMessage || (e.errMsg ? String(e.errMsg).replace(/^[^:]*:fail ?/, '') : e.error != null ? 'error ' + e.error : '');
  }
  r.errMsg = name + ':fail' + (m ? ' ' + m : '');
  return r;
}
function __mwCall(name, o, invoke) {
  o = o || {};
  var cb = o.success || o.fail || o.complete, sync = 1, done, ok, no, p, t;
  if (!cb) p = new Promise(function (a, b) { ok = a; no = b; });
  function end(r, fn, settle) {
    if (done) return;
    done = 1;
    function run() {
      if (!cb) return settle(r);
      if (fn) fn(r);
      if (o.complete) o.complete(r);
    }
    if (sync) setTimeout(run, 0);
    else run();
  }
  try {
    t = invoke(function (r) {
      r = r || {};
      r.errMsg = name + ':ok';
      end(r, o.success, ok);
    }, function (e) {
      end(__mwFail(name, e), o.fail, no);
    }, o);
  } catch (e) {
    if (done) throw e;
    end(__mwFail(name, e), o.fail, no);
  }
  sync = 0;
  return cb ? t : p;
}
function __mwArgs(o, s, f) {
  var a = {}, k;
  for (k in o) a[k] = o[k];
  a.success = s;
  a.fail = f;
  delete a.complete;
  return a;
}
function __mwSame(name) {
  return function (o) {
    return __mwCall(name, o, function (s, f, o) {
      return __mwHost[name](__mwArgs(o, s, f));
    });
  };
}
