//! Minifying runtime modules in release builds. They are assembled from plain JavaScript
//! snippets (not the user's modules, which go through the full pipeline), so they are parsed,
//! minified and printed as one unit; the snippets are written in ES2017, so nothing is lowered.

use swc_core::common::sync::Lrc;
use swc_core::common::{FileName, GLOBALS, Globals, Mark, SourceMap};
use swc_core::ecma::ast::{EsVersion, Pass, Program};
use swc_core::ecma::codegen::text_writer::JsWriter;
use swc_core::ecma::codegen::{Config as CodegenConfig, Emitter};
use swc_core::ecma::minifier::option::{CompressOptions, ExtraOptions, MangleOptions, MinifyOptions, TopLevelOptions};
use swc_core::ecma::parser::{EsSyntax, Syntax, parse_file_as_module};
use swc_core::ecma::transforms::base::{fixer::fixer, resolver};

use super::hygiene_check::hygiene_where_needed;

/// `code` minified, or as it is if it does not parse (the snippets' own tests catch that).
pub fn minify_source(code: &str) -> String {
    // A runtime module's top-level names are its own: they may be renamed and dropped.
    let options = MinifyOptions {
        compress: Some(CompressOptions { top_level: Some(TopLevelOptions { functions: true }), ..Default::default() }),
        mangle: Some(MangleOptions { top_level: Some(true), ..Default::default() }),
        ..Default::default()
    };
    minify_with(code, &options)
}

/// A runtime view script (Alipay's `scope.sjs`) minified: comments and white space dropped,
/// local names shortened, and nothing else. SJS is a subset of JavaScript (no compressor
/// output such as `void 0` tricks or rewritten statements is known to be accepted by every
/// base library), so the code is left as written apart from its spelling.
pub fn minify_view_script(code: &str) -> String {
    let options = MinifyOptions { compress: None, mangle: Some(MangleOptions::default()), ..Default::default() };
    minify_with(code, &options)
}

fn minify_with(code: &str, options: &MinifyOptions) -> String {
    let cm: Lrc<SourceMap> = Default::default();
    let fm = cm.new_source_file(Lrc::new(FileName::Anon), code.to_string());
    let Ok(module) =
        parse_file_as_module(&fm, Syntax::Es(EsSyntax::default()), EsVersion::Es2017, None, &mut Vec::new())
    else {
        return code.to_string();
    };
    let program = GLOBALS.set(&Globals::new(), || {
        let unresolved = Mark::new();
        let top_level = Mark::new();
        let mut program = Program::Module(module);
        resolver(unresolved, top_level, false).process(&mut program);
        let extra = ExtraOptions { unresolved_mark: unresolved, top_level_mark: top_level, mangle_name_cache: None };
        let mut program = swc_core::ecma::minifier::optimize(program, cm.clone(), None, None, options, &extra);
        hygiene_where_needed(&mut program, code.len());
        fixer(None).process(&mut program);
        program
    });
    let mut buf = Vec::new();
    {
        let mut emitter = Emitter {
            cfg: CodegenConfig::default().with_target(EsVersion::Es2017).with_minify(true),
            cm: cm.clone(),
            comments: None,
            wr: JsWriter::new(cm, "\n", &mut buf, None),
        };
        if emitter.emit_program(&program).is_err() {
            return code.to_string();
        }
    }
    let mut out = String::from_utf8(buf).unwrap_or_else(|_| code.to_string());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_code_shrinks_and_keeps_its_exports() {
        let code = "var api = exports;\n// a comment\nfunction helperWithALongName(value) {\n  return value + 1;\n}\napi.next = helperWithALongName;\n";
        let out = minify_source(code);
        assert!(out.len() < code.len() && out.contains(".next="), "{out}");
        assert!(!out.contains("comment") && !out.contains("helperWithALongName"), "{out}");
    }

    #[test]
    fn view_scripts_lose_comments_and_long_local_names_only() {
        let code = "// why\nexport default {\n  c: function (value, prefix) {\n    var words = String(value).split(' ');\n    return words.length ? prefix + '-' + words[0] : '';\n  }\n};\n";
        let out = minify_view_script(code);
        assert!(out.len() < code.len() && out.starts_with("export default{c:function("), "{out}");
        assert!(!out.contains("why") && !out.contains("words") && out.contains(".split(\" \")"), "{out}");
    }
}
