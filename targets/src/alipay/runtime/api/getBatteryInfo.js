// wx.getBatteryInfo -> my.getBatteryInfo, same arguments and result (@mini-types/my lib.my.d.ts getBatteryInfo)
// needs: _core
api.getBatteryInfo = __mwSame('getBatteryInfo');
