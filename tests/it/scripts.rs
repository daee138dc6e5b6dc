//! Scripts as users see them: a module graph mixing ES modules, CommonJS, TypeScript, JSON,
//! aliases and npm packages runs alike on every target (run by Node, the way each platform
//! loads modules), source maps lead back to the line the user wrote, and release builds are
//! minified.

use std::path::Path;
use std::process::Command;

use miniweave::{BuildOptions, Target, build};

use crate::support::{project, read, stderr, stdout};

/// The project: `utils/entry.ts` reaches every kind of module; the page calls it.
fn module_graph() -> tempfile::TempDir {
    project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>\n<script>\nApp({})\n</script>\n"),
        (
            "src/pages/index/index.mini",
            "<template><view>{{answer}}</view></template>\n<script>\nimport { answer } from '../../utils/entry'\n\nPage({ data: { answer: answer() } })\n</script>\n",
        ),
        (
            "src/utils/entry.ts",
            "import greet from 'esm-compiled'\nimport build from 'mini-field'\nimport flavour from 'conditional'\nimport data from './data.json'\nimport * as legacy from './legacy'\nimport { double } from '@/utils/math'\nimport { mixed } from './mixed'\nconst required = require('./legacy')\n\nexport function answer(): string {\n  const parts: string[] = [greet(), build, flavour, data.name, legacy.value, String(double(21)), required.value, mixed, process.env.PLATFORM as string]\n  return parts.join(',')\n}\n",
        ),
        ("src/utils/math.js", "export const double = (n) => n * 2\n"),
        ("src/utils/legacy.js", "exports.value = 'legacy'\n"),
        (
            "src/utils/mixed.js",
            "import { double } from './math'\nconst legacy = require('./legacy')\nexport const mixed = legacy.value + double(1)\n",
        ),
        ("src/utils/data.json", "{ \"name\": \"json\" }\n"),
        // Compiled from ES modules by a bundler: its default export is `exports.default`.
        (
            "node_modules/esm-compiled/package.json",
            "{ \"name\": \"esm-compiled\", \"version\": \"1.0.0\", \"main\": \"index.js\" }",
        ),
        (
            "node_modules/esm-compiled/index.js",
            "\"use strict\";\nObject.defineProperty(exports, \"__esModule\", { value: true });\nexports.default = function greet() { return \"hello\"; };\n",
        ),
        // The `miniprogram` field names the folder built for mini-programs.
        (
            "node_modules/mini-field/package.json",
            "{ \"name\": \"mini-field\", \"version\": \"1.0.0\", \"main\": \"index.js\", \"miniprogram\": \"dist\" }",
        ),
        ("node_modules/mini-field/index.js", "module.exports = 'node-build'\n"),
        ("node_modules/mini-field/dist/index.js", "module.exports = 'mini-build'\n"),
        // `exports` conditions: `miniprogram` wins over `import` and `default`.
        (
            "node_modules/conditional/package.json",
            "{ \"name\": \"conditional\", \"version\": \"1.0.0\", \"exports\": { \".\": { \"miniprogram\": \"./mp.js\", \"import\": \"./esm.mjs\", \"default\": \"./cjs.js\" } } }",
        ),
        ("node_modules/conditional/cjs.js", "module.exports = 'cjs'\n"),
        ("node_modules/conditional/esm.mjs", "export default 'esm'\n"),
        ("node_modules/conditional/mp.js", "export default 'mini'\n"),
    ])
}

/// Where a target's emitted scripts are (Weibo keeps them under `src/`).
fn script_root(out: &Path, target: Target) -> std::path::PathBuf {
    match target {
        Target::Weibo => out.join("weibo/src"),
        _ => out.join(target.name()),
    }
}

/// Runs `answer()` from an emitted `utils/entry.js` the way the target loads it: CommonJS
/// `require` on WeChat and Alipay, ES-module `import` on Weibo.
fn run_answer(entry: &Path, target: Target) -> String {
    let mut node = Command::new("node");
    match target {
        Target::Weibo => node.args([
            "--experimental-default-type=module",
            "--input-type=module",
            "-e",
            &format!("import {{ answer }} from {:?}; console.log(answer())", entry.display().to_string()),
        ]),
        _ => node.args(["-e", &format!("console.log(require({:?}).answer())", entry.display().to_string())]),
    };
    let output = node.output().expect("node runs");
    assert!(output.status.success(), "{target:?}: {}", stderr(&output));
    stdout(&output).trim().to_string()
}

#[test]
fn a_mixed_module_graph_computes_the_same_answer_on_every_target() {
    let dir = module_graph();
    let out = dir.path().join("dist");
    build(&BuildOptions::new(dir.path()).targets(Target::ALL).out_dir(&out)).unwrap();
    for target in Target::ALL {
        let root = script_root(&out, target);
        assert_eq!(
            run_answer(&root.join("utils/entry.js"), target),
            format!("hello,mini-build,mini,json,legacy,42,legacy,legacy2,{}", target.name()),
            "{target:?}"
        );
        // Only the build each package made for mini-programs is shipped.
        let npm = root.join("miniprogram_npm");
        assert!(npm.join("mini-field/index.js").is_file() && npm.join("conditional/mp.js").is_file());
        assert!(!npm.join("conditional/cjs.js").exists() && !npm.join("conditional/esm.mjs").exists());
    }
}

/// The original (1-based line, 0-based column) Node's own source-map reader finds for a
/// generated position.
fn original_position(map: &Path, line: usize, column: usize) -> (String, usize) {
    let script = format!(
        "const {{ SourceMap }} = require('node:module'); const map = new SourceMap(JSON.parse(require('fs').readFileSync({:?}, 'utf8'))); const e = map.findEntry({}, {}); console.log(e.originalSource + ' ' + (e.originalLine + 1));",
        map.display().to_string(),
        line - 1,
        column
    );
    let output = Command::new("node").args(["-e", &script]).output().expect("node runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let (source, line) = text.trim().rsplit_once(' ').unwrap();
    (source.to_string(), line.parse().unwrap())
}

#[test]
fn source_maps_lead_back_to_the_line_in_the_mini_file_and_the_ts_file() {
    let dir = module_graph();
    let out = dir.path().join("dist");
    build(&BuildOptions::new(dir.path()).targets([Target::Wechat]).out_dir(&out)).unwrap();
    for (emitted, needle, source, line) in [
        ("pages/index/index.js", "Page(", "src/pages/index/index.mini", 5),
        ("utils/entry.js", "parts.join", "src/utils/entry.ts", 12),
    ] {
        let path = out.join("wechat").join(emitted);
        let code = read(&path);
        assert!(code.ends_with(&format!("//# sourceMappingURL={}.map\n", path.file_name().unwrap().to_string_lossy())));
        let (n, text) = code.lines().enumerate().find(|(_, l)| l.contains(needle)).unwrap();
        let column = text.find(needle).unwrap();
        assert_eq!(original_position(&path.with_extension("js.map"), n + 1, column), (source.to_string(), line));
    }
    // npm code gets no map: it would lead into node_modules, which users do not edit.
    assert!(!out.join("wechat/miniprogram_npm/mini-field/index.js.map").exists());
}

#[test]
fn release_builds_are_minified_without_maps_and_still_run() {
    let dir = module_graph();
    let out = dir.path().join("dist");
    build(&BuildOptions::new(dir.path()).targets(Target::ALL).out_dir(&out).release(true)).unwrap();
    let entry = out.join("wechat/utils/entry.js");
    let code = read(&entry);
    assert!(code.lines().count() <= 2 && !code.contains("sourceMappingURL"), "{code}");
    assert!(!out.join("wechat/utils/entry.js.map").exists());
    assert_eq!(run_answer(&entry, Target::Wechat), "hello,mini-build,mini,json,legacy,42,legacy,legacy2,wechat");
    assert!(run_answer(&out.join("weibo/src/utils/entry.js"), Target::Weibo).ends_with(",weibo"));
}

#[test]
fn circular_imports_work_as_commonjs_allows_on_every_target() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/index/index\"] }</config>"),
        (
            "src/pages/index/index.mini",
            "<template><view>x</view></template>\n<script>\nimport { answer } from '../../utils/entry'\nPage({ data: { a: answer() } })\n</script>\n",
        ),
        ("src/utils/entry.js", "import { ping } from './a'\nexport function answer() { return ping(3) }\n"),
        // a and b import each other; each uses the other only when called.
        (
            "src/utils/a.js",
            "import { pong } from './b'\nexport function ping(n) { return n === 0 ? 'a' : pong(n - 1) }\n",
        ),
        (
            "src/utils/b.js",
            "import { ping } from './a'\nexport function pong(n) { return n === 0 ? 'b' : ping(n - 1) }\n",
        ),
    ]);
    let out = dir.path().join("dist");
    build(&BuildOptions::new(dir.path()).targets(Target::ALL).out_dir(&out)).unwrap();
    for target in Target::ALL {
        assert_eq!(run_answer(&script_root(&out, target).join("utils/entry.js"), target), "b", "{target:?}");
    }
}

#[test]
fn alipay_ships_only_the_component_fields_a_program_may_use() {
    // `a` gives literal options with observers; `b` gives options built by code from a helper
    // module that writes `relations`; nothing names pageLifetimes, moved or export.
    let dir = project(&[
        (
            "src/app.mini",
            "<config>{ \"pages\": [\"pages/index/index\"], \"usingComponents\": { \"a\": \"/components/a/a\", \"b\": \"/components/b/b\" } }</config>\n",
        ),
        ("src/pages/index/index.mini", "<template><a/><b/></template>\n"),
        (
            "src/components/a/a.mini",
            "<template><view/></template>\n<script>\nComponent({ data: { n: 1 }, observers: { n() {} } })\n</script>\n",
        ),
        (
            "src/components/b/b.mini",
            "<template><view/></template>\n<script>\nimport { make } from '../../utils/make'\nComponent(make({}))\n</script>\n",
        ),
        (
            "src/utils/make.js",
            "export function make(o) { const r = Object.assign({}, o); r.relations = {}; return r }\n",
        ),
    ]);
    let out = dir.path().join("dist");
    build(&BuildOptions::new(dir.path()).targets([Target::Alipay]).out_dir(&out)).unwrap();
    let runtime = read(out.join("alipay/miniweave_runtime/component.js"));
    for part in ["rt.moreObservers = ", "rt.moreRelations = "] {
        assert!(runtime.contains(part), "{part} missing:\n{runtime}");
    }
    for part in ["rt.morePageLifetimes", "rt.moreMoved", "rt.moreExport"] {
        assert!(!runtime.contains(part), "{part} shipped:\n{runtime}");
    }
}
