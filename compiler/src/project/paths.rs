//! Logical paths: relative to the source root, `/`-separated, never escaping it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    Empty,
    /// `..` climbed above the source root.
    Escapes,
    /// A backslash, a drive letter or another form a mini-program path never takes.
    Malformed,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PathError::Empty => "the path is empty",
            PathError::Escapes => "the path leads outside the source root",
            PathError::Malformed => "the path is malformed: write `/`-separated relative paths",
        })
    }
}

/// The folder of a logical path (`pages/home` for `pages/home/home`).
pub fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Resolves `written` (a path in a source file) against the logical folder `from_dir`:
/// `/`-rooted paths start at the source root, others at `from_dir`.
pub fn resolve(from_dir: &str, written: &str) -> Result<String, PathError> {
    if written.is_empty() {
        return Err(PathError::Empty);
    }
    if written.contains('\\') || written.contains(':') || written.contains('\0') {
        return Err(PathError::Malformed);
    }
    let (base, rest) = match written.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (from_dir, written),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for part in rest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(PathError::Escapes);
                }
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return Err(PathError::Empty);
    }
    Ok(parts.join("/"))
}

/// `a/b` relative to folder `from_dir`, as a `./`- or `../`-prefixed relative path.
pub fn relative(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = from.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let ups = from.len() - common;
    let mut out = if ups == 0 { String::from("./") } else { "../".repeat(ups) };
    out.push_str(&to_parts[common..].join("/"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_stays_inside() {
        assert_eq!(resolve("pages/home", "../../components/card/card"), Ok("components/card/card".into()));
        assert_eq!(resolve("pages/home", "/components/card/card"), Ok("components/card/card".into()));
        assert_eq!(resolve("pages/home", "./item.wxml"), Ok("pages/home/item.wxml".into()));
        assert_eq!(resolve("pages/home", "../../../etc/passwd"), Err(PathError::Escapes));
        assert_eq!(resolve("", "C:\\x"), Err(PathError::Malformed));
        assert_eq!(relative("pages/home", "utils/format.js"), "../../utils/format.js");
        assert_eq!(relative("pages", "pages/a.js"), "./a.js");
        assert_eq!(dir_of("app"), "");
    }
}
