// wx.request -> my.request: header->headers, status->statusCode, headers->header; HTTP errors (error 19) still succeed (PLATFORMS.md §6.4 #1; ALI mini/api/基础API/网络/my.request.md)
// needs: _core
api.request = function (o) {
  return __mwCall('request', o, function (s, f, o) {
    var h = { 'content-type': 'application/json' }, k, j = o.dataType == null || o.dataType == 'json';
    for (k in o.header) h[k.toLowerCase()] = String(o.header[k]);
    function ok(r) {
      var d = r.data;
      if (j && typeof d == 'string') try { d = JSON.parse(d); } catch (x) {}
      s({ data: d, statusCode: r.status || r.statusCode, header: r.headers || r.header || {} });
    }
    return my.request({
      url: o.url, method: o.method, data: o.data, headers: h, timeout: o.timeout,
      dataType: o.responseType == 'arraybuffer' ? 'arraybuffer' : 'text',
      success: ok,
      fail: function (e) { if (e && e.error == 19 && e.status) ok(e); else f(e); }
    });
  });
};
