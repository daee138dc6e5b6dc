//! The properties miniweave's fuzz targets check, one function per target, each taking the
//! fuzzer's bytes and panicking when a property fails (which is how a fuzzer learns of it).
//! `fuzz/` (cargo-fuzz, nightly) calls them from libFuzzer; [`smoke`] runs each from a fixed
//! seed on stable Rust as part of the test suite (tests/it/fuzz_smoke.rs).
//!
//! Properties, beyond "no panic": every diagnostic renders (with any line length), the same
//! input gives the same result, and for whole projects, output lands only under the output
//! folder, a failed build writes nothing, and two builds write the same bytes. Time and
//! memory per input are bounded by the limits (docs/language.md, "Limits") and checked
//! through the sizes they bound, not wall-clock time.

mod mutate;
mod project;

use std::sync::Arc;

use miniweave_compiler::Diagnostic;
use miniweave_compiler::config::{self, ConfigKind};
use miniweave_compiler::diagnostics::{RenderStyle, render};
use miniweave_compiler::script::{self, parse};
use miniweave_compiler::sfc::{self, ScriptLang};
use miniweave_compiler::source::SourceFile;
use miniweave_compiler::style::{self, Located};
use miniweave_compiler::template::expr::{MustacheKind, parse_mustache};
use miniweave_compiler::template::lower::scan_diagnostics;
use miniweave_compiler::template::scanner::scan;

pub use mutate::{Rng, mutate};
pub use project::project;

/// A fuzz target: its name (as `cargo fuzz run` takes it) and its check.
pub type FuzzTarget = (&'static str, fn(&[u8]));

/// The fuzz targets.
pub const TARGETS: &[FuzzTarget] = &[
    ("wxml", wxml),
    ("expression", expression),
    ("mini_file", mini_file),
    ("config", config),
    ("style", style),
    ("script", script),
    ("project", project),
];

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

fn file(name: &str, text: &str) -> Arc<SourceFile> {
    SourceFile::new(name, format!("/fuzz/{name}"), text.to_string())
}

/// Every diagnostic renders, and says where it is when it names a file. As many as a build
/// shows (`DEFAULT_MAX_DIAGNOSTICS`): rendering one costs up to its line's length.
fn rendered(diagnostics: &[Diagnostic]) {
    for d in diagnostics.iter().take(miniweave::DEFAULT_MAX_DIAGNOSTICS) {
        let shown = render(d, RenderStyle::Plain);
        assert!(shown.contains(d.code.as_ref()), "a rendered diagnostic names its code: {shown}");
        if let Some((name, line, column)) = d.location() {
            assert!(shown.starts_with(&format!("{name}:{line}:{column}:")), "{shown}");
        }
        // An excerpt of a long line, never the line: rendering stays linear.
        let own = d.message.len() + d.help.as_ref().map_or(0, String::len);
        assert!(
            shown.len() < 20_000 + own * 4,
            "{}: {} bytes rendered ({} lines, message {} bytes, labels {:?}): {}",
            d.code,
            shown.len(),
            shown.lines().count(),
            d.message.len(),
            d.labels.iter().map(|l| (l.span.start, l.span.end, l.message.len())).collect::<Vec<_>>(),
            shown.chars().take(300).collect::<String>()
        );
    }
}

/// A template: scanned, its problems located and rendered.
pub fn wxml(data: &[u8]) {
    let text = text(data);
    let f = file("page.wxml", &text);
    let first = scan(&text);
    let second = scan(&text);
    assert_eq!(first.problems.len(), second.problems.len(), "the same template scans the same");
    rendered(&scan_diagnostics(&first.problems, &f, 0));
}

/// A `{{ }}` expression, both kinds.
pub fn expression(data: &[u8]) {
    let text = text(data);
    for kind in [MustacheKind::Value, MustacheKind::TemplateData] {
        let a = parse_mustache(&text, 0, kind).map(|e| format!("{e:?}")).map_err(|e| format!("{e:?}"));
        let b = parse_mustache(&text, 0, kind).map(|e| format!("{e:?}")).map_err(|e| format!("{e:?}"));
        assert_eq!(a, b, "the same expression parses the same");
    }
}

/// A `.mini` file split into its blocks.
pub fn mini_file(data: &[u8]) {
    let f = file("page.mini", &text(data));
    if let Err(diagnostics) = sfc::split(&f) {
        assert!(!diagnostics.is_empty(), "a failed split says why");
        rendered(&diagnostics);
    }
}

/// A config, as each kind of config file.
pub fn config(data: &[u8]) {
    let text = text(data);
    let f = file("app.json", &text);
    for kind in [ConfigKind::App, ConfigKind::Unit, ConfigKind::Sitemap, ConfigKind::Project] {
        let (_, diagnostics) = config::parse(&text, 0, &f, kind);
        rendered(&diagnostics);
    }
    if let Err(diagnostics) = config::parse_project(&text, &f) {
        rendered(&diagnostics);
    }
}

/// A stylesheet through the style pass.
pub fn style(data: &[u8]) {
    let text = text(data);
    let f = file("app.wxss", &text);
    let parsed = style::parse(&text, &Located::new(f.clone(), 0), None);
    let again = style::parse(&text, &Located::new(f, 0), None);
    assert_eq!(parsed.diagnostics.len(), again.diagnostics.len(), "the same stylesheet parses the same");
    rendered(&parsed.diagnostics);
}

/// A script, as JavaScript and as TypeScript.
pub fn script(data: &[u8]) {
    let text = text(data);
    let f = file("util.js", &text);
    for lang in [ScriptLang::Js, ScriptLang::Ts] {
        if let Err(errors) = parse(&text, lang) {
            assert!(!errors.is_empty());
            rendered(&script::syntax_diagnostics(&errors, &f));
        }
    }
}

/// The fixtures' sources and the committed corpus of the repository at `repo`, as seeds:
/// the files a fuzzer starts from (no images, nothing over 64 KB).
pub fn seeds(repo: &std::path::Path) -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for dir in ["fixtures/showcase/src", "fixtures/showcase-native", "fixtures/size-placement", "fuzz/corpus"] {
        collect(&repo.join(dir), &mut seeds);
    }
    seeds
}

fn collect(dir: &std::path::Path, into: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    // The same order everywhere, so a seed number means the same run.
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() && name != "node_modules" && name != "dist" {
            collect(&path, into);
        } else if path.is_file() && !name.ends_with(".png") {
            if let Ok(bytes) = std::fs::read(&path) {
                if bytes.len() < 64 << 10 {
                    into.push(bytes);
                }
            }
        }
    }
}

/// Runs every target over `rounds` mutations of `seeds` (files' bytes), from a fixed RNG
/// seed: the stable smoke run. Returns how many inputs each target saw.
pub fn smoke(seeds: &[Vec<u8>], rounds: usize, seed: u64, only: Option<&str>) -> Vec<(&'static str, usize)> {
    let mut rng = Rng::new(seed);
    let mut counts = Vec::new();
    for (name, target) in TARGETS.iter().filter(|(n, _)| only.is_none_or(|o| o == *n)) {
        let rounds = if *name == "project" { rounds / 20 } else { rounds };
        for _ in 0..rounds {
            let input = mutate(&seeds[rng.below(seeds.len())], seeds, &mut rng);
            target(&input);
        }
        counts.push((*name, rounds));
    }
    counts
}
