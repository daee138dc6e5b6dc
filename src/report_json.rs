//! Reports, diagnostics and build failures as JSON data, for programs rather than people:
//! the Node API (through `miniweave serve`) and editors get file, line, column and message
//! as fields, never as text to parse. Field names are camelCase, as JavaScript expects.

use serde::Serialize;
use serde_json::{Value, json};

use crate::{BuildError, BuildReport, Diagnostic, Diagnostics};

/// One diagnostic as data. Lines and columns are 1-based, columns in characters (as the
/// rendered form shows them).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticRecord {
    /// `template::unclosed-tag`: what `warnings.ignore` matches.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    pub message: String,
    /// The file as the rendered diagnostic names it (relative to the project).
    pub file: Option<String>,
    /// The same file's absolute path.
    pub path: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    /// The text under the primary span.
    pub label: Option<String>,
    /// What to write instead.
    pub help: Option<String>,
}

impl From<&Diagnostic> for DiagnosticRecord {
    fn from(d: &Diagnostic) -> Self {
        let primary = d.labels.first();
        let position = |offset: usize| d.file.as_ref().map(|f| f.line_col(offset));
        let start = primary.and_then(|l| position(l.span.start)).or_else(|| d.file.as_ref().map(|_| (1, 1)));
        let end = primary.and_then(|l| position(l.span.end));
        DiagnosticRecord {
            code: d.code.to_string(),
            severity: d.severity.to_string(),
            message: d.message.clone(),
            file: d.file.as_ref().map(|f| f.name().to_string()),
            path: d.file.as_ref().map(|f| f.path().display().to_string()),
            line: start.map(|(line, _)| line),
            column: start.map(|(_, column)| column),
            end_line: end.map(|(line, _)| line),
            end_column: end.map(|(_, column)| column),
            label: primary.map(|l| l.message.clone()).filter(|m| !m.is_empty()),
            help: d.help.clone(),
        }
    }
}

/// Every diagnostic of a list as data.
pub fn diagnostics_json(diagnostics: &Diagnostics) -> Vec<DiagnosticRecord> {
    diagnostics.iter().map(DiagnosticRecord::from).collect()
}

impl BuildReport {
    /// `{ targets: [{ target, outDir, files, bytes, runtimeBytes, written, unchanged, removed,
    /// restored, writtenFiles, removedFiles, size, millis }], warnings: [diagnostic],
    /// omittedDiagnostics, notices, millis }`.
    pub fn to_json(&self) -> Value {
        json!({
            "targets": self.targets,
            "warnings": diagnostics_json(&self.warnings),
            "omittedDiagnostics": self.warnings.omitted(),
            "notices": self.notices,
            "millis": self.millis,
        })
    }
}

impl BuildError {
    /// `{ kind, message, exitCode, diagnostics, omittedDiagnostics, failed?, report? }`: `kind` is `project`
    /// (errors everywhere, nothing written), `partial` (the targets in `failed` kept their
    /// output; `report` is what the others wrote), `usage` or `io`.
    pub fn to_json(&self) -> Value {
        let (kind, diagnostics) = match self {
            BuildError::Project(d) => ("project", Some(d)),
            BuildError::Partial { diagnostics, .. } => ("partial", Some(diagnostics)),
            BuildError::Usage(_) => ("usage", None),
            BuildError::Io { .. } => ("io", None),
        };
        let mut value = json!({
            "kind": kind,
            "message": self.to_string(),
            "exitCode": self.exit_code(),
            "diagnostics": diagnostics.map(diagnostics_json).unwrap_or_default(),
            "omittedDiagnostics": diagnostics.map_or(0, Diagnostics::omitted),
        });
        if let BuildError::Partial { failed, report, .. } = self {
            value["failed"] = json!(failed);
            value["report"] = report.to_json();
        }
        value
    }
}
