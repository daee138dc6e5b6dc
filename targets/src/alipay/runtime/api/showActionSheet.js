// wx.showActionSheet -> my.showActionSheet: itemList->items, alertText->title, index->tapIndex, index -1 -> fail cancel (PLATFORMS.md §6.4 #9)
// needs: _core
api.showActionSheet = function (o) {
  return __mwCall('showActionSheet', o, function (s, f, o) {
    return my.showActionSheet({
      items: o.itemList, title: o.alertText,
      success: function (r) {
        if (r.index < 0) f({ errorMessage: 'cancel' });
        else s({ tapIndex: r.index });
      },
      fail: f
    });
  });
};
