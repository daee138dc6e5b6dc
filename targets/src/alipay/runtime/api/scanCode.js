// wx.scanCode -> my.scan: onlyFromCamera->hideAlbum, code->result; error 10 -> fail cancel (PLATFORMS.md §6.4 #29; ALI mini/api/基础API/设备/扫码/my.scan.md)
// needs: _core
api.scanCode = function (o) {
  return __mwCall('scanCode', o, function (s, f, o) {
    return my.scan({
      hideAlbum: !!o.onlyFromCamera, scanType: o.scanType,
      success: function (r) {
        s({ result: r.code != null ? r.code : r.result, scanType: r.scanType, rawData: r.rawData });
      },
      fail: function (e) { f(e && e.error == 10 ? { error: 10, errorMessage: 'cancel' } : e); }
    });
  });
};
