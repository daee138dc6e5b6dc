//! Output paths.

/// `path` with its extension replaced (`a/b.ts` → `a/b.js`).
pub fn with_ext(path: &str, ext: &str) -> String {
    let (dir, name) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    if dir.is_empty() { format!("{stem}.{ext}") } else { format!("{dir}/{stem}.{ext}") }
}

/// Whether `path`'s extension is one of `extensions` (compared case-insensitively).
pub fn has_ext(path: &str, extensions: &[&str]) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(_, ext)| extensions.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(with_ext("utils/a.ts", "js"), "utils/a.js");
        assert_eq!(with_ext("a.b.css", "wxss"), "a.b.wxss");
        assert!(has_ext("img/A.PNG", &["png"]));
        assert!(!has_ext("README", &["png"]));
    }
}
