// getApp(): the options object App() exported (PLATFORMS.md §6.1)
// needs: app
rt.getApp = function () {
  return rt.app.o;
};
