//! Conditional-compilation markers are comments of the file's own language (issue 9, item
//! 10): marker-like text in a string, such as GLSL's `#ifdef` in a three.js shader, is text.

use miniweave::{BuildOptions, Target, build, render_diagnostics};

use crate::support::{judge_output, one_page, read};

/// A fragment shader as three.js apps write it: GLSL's own preprocessor, and GLSL comments
/// that look like miniweave's markers.
const SHADER: &str = "`#ifdef GL_ES
precision mediump float;
#endif
// #if weibo
uniform float time;
/* #endif */
#ifndef PI
#define PI 3.14159
#endif
void main() { gl_FragColor = vec4(${RED}, 0.0, 0.0, 1.0); }
`";

#[test]
fn shader_text_in_a_template_literal_survives_on_every_target() {
    let page = format!(
        "<template>\n  <view class=\"shader\" data-note=\"<!-- #endif -->\">{{{{length}}}}</view>\n</template>\n\
         <script>\nconst RED = '1.0'\nconst fs = {SHADER}\nconst note = '// #if alipay'\n\
         // #if alipay\nconst where = 'alipay'\n// #else\nconst where = 'elsewhere'\n// #endif\n\
         Page({{ data: {{ length: fs.length, note, where }} }})\n</script>\n\
         <style>\n.shader::after {{ content: \"/* #if weibo */\"; }}\n</style>\n"
    );
    let dir = one_page(&page);
    let out = dir.path().join("dist");
    let report = match build(&BuildOptions::new(dir.path()).targets(Target::ALL).out_dir(&out)) {
        Ok(report) => report,
        Err(miniweave::BuildError::Project(d)) => panic!("{}", render_diagnostics(&d, false)),
        Err(other) => panic!("{other}"),
    };
    // Not even a "marker not alone on its line" warning: none of that text is a comment.
    assert!(report.warnings.is_empty(), "{}", render_diagnostics(&report.warnings, false));
    for target in Target::ALL {
        let script = match target {
            Target::Weibo => out.join("weibo/src/pages/index/index.vue"),
            _ => out.join(target.name()).join("pages/index/index.js"),
        };
        let code = read(&script);
        assert!(code.contains(SHADER), "{target:?}: the shader text is not verbatim in:\n{code}");
        assert!(code.contains("'// #if alipay'") || code.contains("\"// #if alipay\""), "{target:?}:\n{code}");
        // The real markers around them still choose a branch.
        let alipay = code.contains("'alipay'") || code.contains("\"alipay\"");
        assert_eq!(alipay, target == Target::Alipay, "{target:?}:\n{code}");
        let (ok, report) = judge_output(target.name(), &out.join(target.name()));
        assert!(ok, "{target:?}: {report}");
    }
    let wxml = read(out.join("wechat/pages/index/index.wxml"));
    assert!(wxml.contains("<!-- #endif -->"), "an attribute value keeps its text:\n{wxml}");
    let wxss = read(out.join("wechat/pages/index/index.wxss"));
    assert!(wxss.contains("/* #if weibo */"), "a CSS string keeps its text:\n{wxss}");
}
