// App(o): WBox's app.js exports its options object (PLATFORMS.md §6.1, §7.1 src/app.js); onLaunch runs once, before the first onShow even if WBox never calls it
// needs:
rt.app = function a(o) {
  const { onLaunch, onShow } = o;
  let done;
  // Assumption (WBox): it calls the exported hooks (its sample shows onShow/onHide, not
  // onLaunch); `this` is the options object, which getApp() returns, whatever WBox binds.
  o.onLaunch = (q) => done || ((done = 1), onLaunch && onLaunch.call(o, q));
  o.onShow = (q) => (o.onLaunch(q), onShow && onShow.call(o, q));
  return (a.o = o);
};
