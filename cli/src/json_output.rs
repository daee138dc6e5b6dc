//! `--message-format json`: what `build` and `check` say, as one JSON object per line on
//! stdout, for CI annotations and editors. Each diagnostic is
//! `{"reason":"diagnostic","code","severity","message","file","path","line","column",
//! "endLine","endColumn","label","help"}` (lines and columns 1-based, columns in characters);
//! the last line is `{"reason":"build-finished","success","exitCode","errors","warnings",
//! "omitted","message"?,"targets":[{"target","files","bytes","written"}]}`.

use std::process::ExitCode;

use miniweave::{BuildError, BuildReport, Diagnostics, diagnostics_json};
use serde_json::{Map, Value, json};

fn print_diagnostics(diagnostics: &Diagnostics) {
    for record in diagnostics_json(diagnostics) {
        let mut line = Map::new();
        line.insert("reason".into(), json!("diagnostic"));
        if let Value::Object(fields) = json!(record) {
            line.extend(fields);
        }
        println!("{}", Value::Object(line));
    }
}

/// Prints a build's outcome as JSON lines; the exit code (warnings fail with `deny_warnings`).
pub fn finish(result: &Result<BuildReport, BuildError>, deny_warnings: bool) -> ExitCode {
    let empty = Diagnostics::new();
    let (diagnostics, report) = match result {
        Ok(report) => (&report.warnings, Some(report)),
        Err(BuildError::Project(d)) => (d, None),
        Err(BuildError::Partial { diagnostics, report, .. }) => (diagnostics, Some(&**report)),
        Err(_) => (&empty, None),
    };
    print_diagnostics(diagnostics);
    let warnings = diagnostics.warnings().count();
    let code = match result {
        Ok(_) if deny_warnings && warnings > 0 => 1,
        Ok(_) => 0,
        Err(e) => e.exit_code(),
    };
    let targets: Vec<Value> = report
        .map(|r| {
            r.targets
                .iter()
                .map(|t| json!({ "target": t.target, "files": t.files, "bytes": t.bytes, "written": t.written }))
                .collect()
        })
        .unwrap_or_default();
    let mut line = json!({
        "reason": "build-finished",
        "success": code == 0,
        "exitCode": code,
        "errors": diagnostics.errors().count(),
        "warnings": warnings,
        "omitted": diagnostics.omitted(),
        "targets": targets,
    });
    if let Err(e) = result {
        line["message"] = json!(e.to_string());
    }
    println!("{line}");
    ExitCode::from(code as u8)
}
