//! `miniweave new [DIR] [--template basic|native|ts]`: a small app that builds on every target
//! with no warnings, to start from: `.mini` files (basic), the same in TypeScript with a
//! `tsconfig.json` for miniprogram-api-typings (ts), or WeChat's own four files per page
//! (native). The files are embedded (cli/src/templates/), written only into an empty or new
//! folder, so nothing of the user's is ever overwritten.

use std::fs;
use std::path::Path;

const GITIGNORE: &str = "dist/\nnode_modules/\n";

/// The basic template: (path, text).
const BASIC: &[(&str, &str)] = &[
    ("miniweave.json", include_str!("templates/basic/miniweave.json")),
    ("src/app.mini", include_str!("templates/basic/app.mini")),
    ("src/pages/index/index.mini", include_str!("templates/basic/index.mini")),
    ("src/components/counter/counter.mini", include_str!("templates/basic/counter.mini")),
    (".gitignore", GITIGNORE),
];

/// The basic app in TypeScript: `<script lang="ts">`, a typed module, and what editors and
/// `npx tsc` need for WeChat's API types (a devDependency on miniprogram-api-typings).
const TS: &[(&str, &str)] = &[
    ("miniweave.json", include_str!("templates/basic/miniweave.json")),
    ("src/app.mini", include_str!("templates/ts/app.mini")),
    ("src/pages/index/index.mini", include_str!("templates/ts/index.mini")),
    ("src/components/counter/counter.mini", include_str!("templates/ts/counter.mini")),
    ("src/utils/format.ts", include_str!("templates/ts/format.ts")),
    ("tsconfig.json", include_str!("templates/ts/tsconfig.json")),
    ("package.json", include_str!("templates/ts/package.json")),
    (".gitignore", GITIGNORE),
];

/// A native WeChat project: what WeChat DevTools creates, in miniweave's folder layout.
const NATIVE: &[(&str, &str)] = &[
    ("project.config.json", "{\n  \"miniprogramRoot\": \"miniprogram/\",\n  \"compileType\": \"miniprogram\"\n}\n"),
    ("miniprogram/app.json", include_str!("templates/native/app.json")),
    ("miniprogram/app.js", "App({})\n"),
    ("miniprogram/app.wxss", "page {\n  background: #f7f7f7;\n}\n"),
    ("miniprogram/pages/index/index.json", "{}\n"),
    ("miniprogram/pages/index/index.wxml", include_str!("templates/native/index.wxml")),
    ("miniprogram/pages/index/index.js", include_str!("templates/native/index.js")),
    ("miniprogram/pages/index/index.wxss", include_str!("templates/native/index.wxss")),
    (".gitignore", GITIGNORE),
];

/// Where a new project's miniweave.json finds its schema (its `"$schema"`). A copy beside it,
/// not a URL: miniweave has no published home yet and no npm package whose node_modules path
/// could be named, and a local file works offline. `miniweave schema` refreshes it.
pub const SCHEMA_FILE: &str = "miniweave.schema.json";

/// The files of a template by name; one with miniweave.json gets the schema its `"$schema"`
/// names, as this miniweave derives it.
pub fn template(name: &str) -> Vec<(&'static str, String)> {
    let files = match name {
        "native" => NATIVE,
        "ts" => TS,
        _ => BASIC,
    };
    let mut out: Vec<(&str, String)> = files.iter().map(|(path, text)| (*path, text.to_string())).collect();
    if files.iter().any(|(path, _)| *path == "miniweave.json") {
        out.push((SCHEMA_FILE, miniweave::miniweave_json_schema()));
    }
    out
}

/// Writes the template's files into `dir`; the message to print, or why not.
pub fn create(dir: &Path, files: Vec<(&str, String)>) -> Result<String, String> {
    if dir.exists() && fs::read_dir(dir).map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?.next().is_some()
    {
        return Err(format!("`{}` is not empty: give a new or empty folder", dir.display()));
    }
    for (path, text) in &files {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
        }
        fs::write(&file, text).map_err(|e| format!("cannot write `{}`: {e}", file.display()))?;
    }
    let shown = dir.display();
    let types = if files.iter().any(|(path, _)| *path == "tsconfig.json") {
        "\n\nfor WeChat's API types in your editor and `npx tsc`: npm install"
    } else {
        ""
    };
    Ok(format!(
        "created a miniweave app in {shown}\n\nnext:\n  cd {shown}\n  miniweave build        # dist/wechat, dist/alipay, dist/weibo\n\nthen open dist/wechat in WeChat DevTools (or dist/alipay in Alipay's IDE) and edit src/.{types}"
    ))
}
