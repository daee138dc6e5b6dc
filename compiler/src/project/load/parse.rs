//! Preprocessing and parsing one piece of source (a file, or a `.mini` block) for one
//! target. Parses go through the content-keyed cache, so a text without conditional code
//! is parsed once for all targets; diagnostics are attached to the file afterwards.

use std::sync::Arc;

use crate::breadcrumb::working_on;
use crate::cache::{ParseCache, ParseKind};
use crate::condcomp::{CommentSyntax, Conditions, preprocess};
use crate::config::{self, ConfigDoc, ConfigKind};
use crate::diagnostics::Diagnostic;
use crate::ir::{StyleSheet, Template};
use crate::script::comments::SendComments;
use crate::script::{self, Env, ParseResult, Prepared, blank_outside, syntax_diagnostics};
use crate::sfc::ScriptLang;
use crate::source::{SourceFile, Span};
use crate::target::Target;
use crate::template::lower::{LowerInput, lower, scan_diagnostics};
use crate::template::scanner::{Scan, scan};

/// What a script's parse gives the loader besides its prepared tree: comments and text for
/// the source maps.
pub struct ParsedText {
    pub comments: SendComments,
    pub text: Arc<str>,
    pub start_pos: swc_core::common::BytePos,
}

pub struct Parsers<'a> {
    pub cache: &'a ParseCache,
    pub conditions: Conditions<'a>,
    pub target: Target,
    pub release: bool,
}

impl Parsers<'_> {
    /// The text of `span` in `file` with conditional compilation applied.
    fn preprocess(
        &self,
        file: &Arc<SourceFile>,
        span: Span,
        syntax: CommentSyntax,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        let text = file.slice(span);
        let (out, found) = preprocess(text, span.start, syntax, &self.conditions, file);
        diags.extend(found);
        out.into_owned()
    }

    pub fn template(&self, file: &Arc<SourceFile>, span: Span, diags: &mut Vec<Diagnostic>) -> Option<Template> {
        let _file = working_on(file.name());
        let text = self.preprocess(file, span, CommentSyntax::Html, diags);
        let scanned: Arc<Scan> = self.cache.get_or_parse(ParseKind::Template, &text, scan);
        diags.extend(scan_diagnostics(&scanned.problems, file, span.start));
        let document = scanned.document.as_ref()?;
        let input = LowerInput { file, base: span.start, text: &text, target: self.target };
        let (template, found) = lower(document, &input);
        diags.extend(found);
        Some(template)
    }

    pub fn config(
        &self,
        file: &Arc<SourceFile>,
        span: Span,
        kind: ConfigKind,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<ConfigDoc> {
        let _file = working_on(file.name());
        let text = self.preprocess(file, span, CommentSyntax::Script, diags);
        let (doc, found) = config::parse(&text, span.start, file, kind);
        diags.extend(found);
        doc
    }

    /// A script (the whole file, or a `.mini` block at `span`), parsed and prepared for this
    /// target. Sources in npm packages take no conditional-compilation markers.
    pub fn script(
        &self,
        file: &Arc<SourceFile>,
        span: Span,
        lang: ScriptLang,
        npm: bool,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(ParsedText, Prepared)> {
        let _file = working_on(file.name());
        let block =
            if npm { file.slice(span).to_string() } else { self.preprocess(file, span, CommentSyntax::Script, diags) };
        let text = if span == whole(file) { block } else { blank_outside(file.text(), span, &block) };
        let kind = match lang {
            ScriptLang::Js => ParseKind::ScriptJs,
            ScriptLang::Ts => ParseKind::ScriptTs,
        };
        let cached: Arc<ParseResult> = self.cache.get_or_parse(kind, &text, |t| script::parse(t, lang));
        // The syntax tree stays in the cache: `prepare` makes the target's own copy (a second
        // copy per target would cost a 10 MB script hundreds of MB).
        let parsed = match &*cached {
            Ok(p) => p,
            Err(errors) => {
                diags.extend(syntax_diagnostics(errors, file));
                return None;
            }
        };
        let env = Env {
            node_env: if self.release { "production" } else { "development" },
            platform: self.target.name(),
            defines: self.conditions.defines,
        };
        let prepared = script::prepare(parsed, &env);
        let rest =
            ParsedText { comments: parsed.comments.clone(), text: parsed.text.clone(), start_pos: parsed.start_pos };
        Some((rest, prepared))
    }

    /// A stylesheet: preprocessed, then parsed (RUST-STACK.md §5).
    pub fn style(&self, file: &Arc<SourceFile>, span: Span, diags: &mut Vec<Diagnostic>) -> StyleSheet {
        let _file = working_on(file.name());
        let text = self.preprocess(file, span, CommentSyntax::Css, diags);
        let located = crate::style::Located::new(file.clone(), span.start);
        let parsed = crate::style::parse(&text, &located, Some(self.cache));
        diags.extend(parsed.diagnostics);
        StyleSheet { file: file.clone(), text, base: span.start, css: parsed.css.map(Arc::new), located }
    }

    /// A view script (`.wxs`): preprocessed, kept as written.
    pub fn view_script(&self, file: &Arc<SourceFile>, diags: &mut Vec<Diagnostic>) -> String {
        self.preprocess(file, Span::new(0, file.text().len()), CommentSyntax::Script, diags)
    }
}

/// The whole of a file.
pub fn whole(file: &SourceFile) -> Span {
    Span::new(0, file.text().len())
}
