// wx.hideKeyboard -> my.hideKeyboard, same arguments and result (@mini-types/my lib.my.d.ts hideKeyboard)
// needs: _core
api.hideKeyboard = __mwSame('hideKeyboard');
