//! Source maps that tools resolve: the emitters name sources by their path in the project
//! (`src/pages/home/home.mini`), and a tool reads `sources` relative to the map file. So
//! before writing, each map gets a `sourceRoot` that leads from its folder in the output back
//! to the project root (`../../../../`), wherever `outDir` is.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use miniweave_targets::Emitted;

/// `to` relative to the folder `from` (both absolute), `/`-separated, ending with `/`.
fn relative_dir(from: &Path, to: &Path) -> String {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for c in &to[common..] {
        out.push(c.as_os_str());
    }
    let text = out.to_string_lossy().replace('\\', "/");
    if text.is_empty() { String::new() } else { format!("{text}/") }
}

/// Sets `sourceRoot` in every `.map` of `emitted`, written to `target_dir`, so its sources
/// resolve to the files under `root`. The emitters write no `sourceRoot`, so the key is put
/// first in the object's text, without parsing a map that may be large.
pub fn anchor(emitted: &mut Emitted, target_dir: &Path, root: &Path) {
    for (path, file) in emitted.files.iter_mut().filter(|(p, _)| p.ends_with(".map")) {
        let dir = match path.rsplit_once('/') {
            Some((dir, _)) => target_dir.join(dir),
            None => target_dir.to_path_buf(),
        };
        let Some(rest) = file.bytes.strip_prefix(b"{") else { continue };
        if rest.trim_ascii_start().starts_with(b"}") || rest.windows(12).any(|w| w == b"\"sourceRoot\"") {
            continue;
        }
        let Ok(value) = serde_json::to_string(&relative_dir(&dir, root)) else { continue };
        let mut bytes = format!("{{\"sourceRoot\":{value},").into_bytes();
        bytes.extend_from_slice(rest);
        file.bytes = Arc::new(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::relative_dir;
    use std::path::Path;

    #[test]
    fn leads_from_the_map_folder_to_the_project() {
        assert_eq!(relative_dir(Path::new("/p/dist/wechat/pages/a"), Path::new("/p")), "../../../../");
        assert_eq!(relative_dir(Path::new("/out/wechat"), Path::new("/p")), "../../p/");
    }
}
