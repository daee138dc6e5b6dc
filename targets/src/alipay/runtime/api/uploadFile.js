// wx.uploadFile -> my.uploadFile, sending both name and legacy fileName; fileType defaults to 'image' for the IDE (PLATFORMS.md §6.4 #2; ALI mini/api/基础API/网络/my.uploadFile.md)
// needs: _core
api.uploadFile = function (o) {
  return __mwCall('uploadFile', o, function (s, f, o) {
    var a = __mwArgs(o, s, f);
    a.fileName = o.name;
    a.fileType = a.fileType || 'image';
    return my.uploadFile(a);
  });
};
