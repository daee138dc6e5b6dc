// Behavior(o): the definition itself; component() and page() flatten behaviors in order (PLATFORMS.md §6.3 behaviors row)
// needs:
rt.behavior = function (o) {
  return o;
};
