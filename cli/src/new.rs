//! `miniweave new [DIR]`: a small app that builds on every target with no warnings, to start
//! from. The files are embedded (cli/src/templates/basic/), written only into an empty or new
//! folder, so nothing of the user's is ever overwritten.

use std::fs;
use std::path::Path;

/// The basic template: (path, text).
const BASIC: &[(&str, &str)] = &[
    ("miniweave.json", include_str!("templates/basic/miniweave.json")),
    ("src/app.mini", include_str!("templates/basic/app.mini")),
    ("src/pages/index/index.mini", include_str!("templates/basic/index.mini")),
    ("src/components/counter/counter.mini", include_str!("templates/basic/counter.mini")),
    (".gitignore", "dist/\nnode_modules/\n"),
];

/// Writes the template into `dir`; the message to print, or why not.
pub fn create(dir: &Path) -> Result<String, String> {
    if dir.exists() && fs::read_dir(dir).map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?.next().is_some()
    {
        return Err(format!("`{}` is not empty: give a new or empty folder", dir.display()));
    }
    for (path, text) in BASIC {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
        }
        fs::write(&file, text).map_err(|e| format!("cannot write `{}`: {e}", file.display()))?;
    }
    let shown = dir.display();
    Ok(format!(
        "created a miniweave app in {shown}\n\nnext:\n  cd {shown}\n  miniweave build        # dist/wechat, dist/alipay, dist/weibo\n\nthen open dist/wechat in WeChat DevTools (or dist/alipay in Alipay's IDE) and edit src/."
    ))
}
