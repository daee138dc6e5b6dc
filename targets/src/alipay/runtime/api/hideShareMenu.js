// wx.hideShareMenu -> my.hideShareMenu, same arguments (menus ignored) (ALI mini/api/基础API/分享/my.hideShareMenu.md)
// needs: _core
api.hideShareMenu = __mwSame('hideShareMenu');
