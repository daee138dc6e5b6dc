// wx[name](...) with a name chosen at run time (Vant's link mixin: wx[linkType]({ url })): the adapter when this program has it, else the platform's own function of that name (LANGUAGE.md §4; the compiler warns in the project's own code)
// needs:
api.__get = function (name) {
  var own = __mwHost[name];
  return api[name] || (typeof own == 'function' ? own.bind(__mwHost) : own);
};
