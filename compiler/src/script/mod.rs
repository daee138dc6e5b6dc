//! The script frontend: JavaScript and TypeScript through swc.
//!
//! Each module is parsed on its own `SourceMap` (swc's positions are global to a map, so a
//! map per module keeps the arithmetic to "minus the file's start"). TypeScript goes through
//! `strip`; only `.ts` sources do (RUST-STACK.md §2.6: `strip` is costly on long `const`
//! chains). Parse errors become diagnostics at their position in the original file.

use std::sync::Arc;

use swc_core::common::comments::SingleThreadedComments;
use swc_core::common::sync::Lrc;
use swc_core::common::{FileName, GLOBALS, Globals, Mark, SourceMap, Spanned};
use swc_core::ecma::ast::{EsVersion, Module, Pass, Program};
use swc_core::ecma::codegen::text_writer::JsWriter;
use swc_core::ecma::codegen::{Config as CodegenConfig, Emitter};
use swc_core::ecma::parser::{EsSyntax, Syntax, TsSyntax, parse_file_as_module};
use swc_core::ecma::transforms::base::fixer::fixer;
use swc_core::ecma::transforms::base::hygiene::hygiene;
use swc_core::ecma::transforms::base::resolver;
use swc_core::ecma::transforms::typescript::strip;

use crate::diagnostics::Diagnostic;
use crate::sfc::ScriptLang;
use crate::source::{SourceFile, Span};

/// A script, as the frontend hands it to the backends: JavaScript with ES module syntax.
#[derive(Debug, Clone)]
pub struct Script {
    pub file: Arc<SourceFile>,
    pub lang: ScriptLang,
    pub code: String,
}

/// A syntax error, relative to the compiled text.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

/// The result of compiling one text: JavaScript, or its syntax errors. It names no file, so
/// it can be cached by content and shared by every file and target with the same text.
pub type Compiled = Result<String, Vec<SyntaxError>>;

/// Compiles (preprocessed) `text`, which starts at byte `base` of `file`.
pub fn compile(text: &str, base: usize, file: &Arc<SourceFile>, lang: ScriptLang) -> Result<Script, Vec<Diagnostic>> {
    bind(&compile_text(text, lang), base, file, lang)
}

/// Attaches a compiled text to its file: the script, or diagnostics at file positions.
pub fn bind(
    compiled: &Compiled,
    base: usize,
    file: &Arc<SourceFile>,
    lang: ScriptLang,
) -> Result<Script, Vec<Diagnostic>> {
    match compiled {
        Ok(code) => Ok(Script { file: file.clone(), lang, code: code.clone() }),
        Err(errors) => Err(errors
            .iter()
            .map(|e| {
                Diagnostic::error("script::syntax", format!("the script does not parse: {}", e.message))
                    .at(file, e.span.shift(base), e.message.clone())
                    .help("fix the syntax here: scripts are JavaScript, or TypeScript with lang=\"ts\" (a .ts file)")
            })
            .collect()),
    }
}

/// Compiles one script text to JavaScript.
pub fn compile_text(text: &str, lang: ScriptLang) -> Compiled {
    // swc drops a byte-order mark before parsing; account for it so offsets stay true.
    let (text, base) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 3),
        None => (text, 0),
    };
    let cm: Lrc<SourceMap> = Default::default();
    let fm = cm.new_source_file(Lrc::new(FileName::Anon), text.to_string());
    let offset = |pos: swc_core::common::BytePos| (pos.0.saturating_sub(fm.start_pos.0)) as usize + base;
    let syntax = match lang {
        ScriptLang::Ts => Syntax::Typescript(TsSyntax { decorators: true, ..Default::default() }),
        ScriptLang::Js => Syntax::Es(EsSyntax { decorators: true, ..Default::default() }),
    };
    let comments = SingleThreadedComments::default();
    let mut recovered = Vec::new();
    let parsed = parse_file_as_module(&fm, syntax, EsVersion::latest(), Some(&comments), &mut recovered);
    let mut errors: Vec<_> = recovered;
    let module = match parsed {
        Ok(m) => m,
        Err(e) => {
            errors.insert(0, e);
            Module::default()
        }
    };
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|e| {
                let span = e.span();
                SyntaxError { span: Span::new(offset(span.lo), offset(span.hi)), message: e.kind().msg().to_string() }
            })
            .collect());
    }
    let code = GLOBALS.set(&Globals::new(), || {
        let unresolved_mark = Mark::new();
        let top_level_mark = Mark::new();
        let mut program = Program::Module(module);
        let is_ts = lang == ScriptLang::Ts;
        (resolver(unresolved_mark, top_level_mark, is_ts)).process(&mut program);
        if is_ts {
            strip(unresolved_mark, top_level_mark).process(&mut program);
        }
        hygiene().process(&mut program);
        fixer(Some(&comments)).process(&mut program);
        print(&cm, &program, &comments)
    });
    Ok(code)
}

fn print(cm: &Lrc<SourceMap>, program: &Program, comments: &SingleThreadedComments) -> String {
    let mut buf = Vec::new();
    {
        let mut emitter = Emitter {
            cfg: CodegenConfig::default().with_target(EsVersion::Es2017),
            cm: cm.clone(),
            comments: Some(comments),
            wr: JsWriter::new(cm.clone(), "\n", &mut buf, None),
        };
        // Writing into a Vec cannot fail.
        let _ = emitter.emit_program(program);
    }
    String::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Arc<SourceFile> {
        SourceFile::new("a.ts", "/a.ts", text)
    }

    #[test]
    fn strips_types_and_keeps_modules() {
        let text = "import { f } from './f';\ninterface A { x: number }\nexport const a: A = { x: f() as number };\n";
        let s = compile(text, 0, &file(text), ScriptLang::Ts).unwrap();
        assert!(
            s.code.contains("import { f } from './f'") || s.code.contains("import { f } from \"./f\""),
            "{}",
            s.code
        );
        assert!(!s.code.contains("interface"), "{}", s.code);
        assert!(s.code.contains("export const a = {"), "{}", s.code);
    }

    #[test]
    fn syntax_errors_point_into_the_file() {
        let text = "<template></template>\n<script>\nPage({\n  onLoad() { this.setData({ a: 1 }\n})\n</script>";
        let f = file(text);
        let start = text.find("<script>").unwrap() + 8;
        let end = text.find("</script>").unwrap();
        let errors = compile(&text[start..end], start, &f, ScriptLang::Js).unwrap_err();
        let (line, _) = errors[0].location().map(|l| (l.1, l.2)).unwrap();
        assert!((4..=5).contains(&line), "{:?}", errors[0]);
        assert_eq!(errors[0].code, "script::syntax");
    }
}
