// Class names computed at run time in a component's template get the component's prefix,
// as its stylesheet's do (targets/src/common/class_scope.rs); SJS runs in the render layer.
// An external class of the component (in `external`) is what the parent passed instead; a
// component that lets global class rules in (`shared`) keeps each name as written too.
export default {
  c: function (value, prefix, external, shared) {
    var words = (value == null ? '' : String(value)).split(' '), out = [], w;
    for (var i = 0; i < words.length; i++) {
      w = words[i];
      if (!w) continue;
      if (external && external[w] !== undefined) out.push(external[w]);
      else out.push(shared ? prefix + '-' + w + ' ' + w : prefix + '-' + w);
    }
    return out.join(' ');
  }
};
