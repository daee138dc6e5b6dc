// Component(o)/Page(o) as the compiler rewrites them (LANGUAGE.md §4): records the options for the component()/page() call of the same .vue module (libraries such as @vant/weapp call Component() inside their own helper)
// needs:
rt.register = function r(o) {
  r.o = o;
};
