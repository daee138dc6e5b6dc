// Class names computed at run time in a component's template get the component's prefix,
// as its stylesheet's do (targets/src/common/class_scope.rs); SJS runs in the render layer.
// An external class of the component (in `external`) is what the parent passed instead.
export default {
  c: function (value, prefix, external) {
    var words = (value == null ? '' : String(value)).split(' '), out = [], w;
    for (var i = 0; i < words.length; i++) {
      w = words[i];
      if (!w) continue;
      out.push(external && external[w] !== undefined ? external[w] : prefix + '-' + w);
    }
    return out.join(' ');
  }
};
