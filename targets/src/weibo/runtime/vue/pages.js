// getCurrentPages(): WBox's wbx.getCurrentPagesSync() (PLATFORMS.md §7.1 page script), else none
// needs:
rt.pages = function () {
  return typeof wbx != 'undefined' && wbx.getCurrentPagesSync ? wbx.getCurrentPagesSync() : [];
};
