// A style attribute computed at run time (style="height: {{h}}rpx"): rpx becomes vw, 750rpx = 100vw, as the compiler converts static styles (LANGUAGE.md §5)
// needs:
rt.rpx = {
  __rpx(s) {
    return String(s == null ? '' : s).replace(/(^|[^\w.])(-?\d*\.?\d+)rpx\b/gi, (m, b, n) => b + Math.round(n / 7.5 * 1e5) / 1e5 + 'vw');
  }
};
