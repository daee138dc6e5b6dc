//! swc's helpers (object spread and rest, class fields, private fields) are bound in the
//! module format of the file that uses them (issue 9, item 11): a native WeChat page written
//! in CommonJS must not get ES `import` lines on WeChat or Alipay, where it would not load.

use std::path::Path;
use std::process::Command;

use miniweave::{BuildOptions, Target, build, render_diagnostics};

use crate::support::{judge_output, project, repo, run_validator, stderr, stdout};

/// A native WeChat project whose app, page and utility are CommonJS and need helpers.
fn commonjs_project() -> tempfile::TempDir {
    project(&[
        ("project.config.json", "{ \"compileType\": \"miniprogram\", \"appid\": \"wx0123456789abcdef\" }\n"),
        ("app.json", "{ \"pages\": [\"pages/x/x\"] }\n"),
        ("app.js", "App({ globalData: { ...{ theme: 'light' } } })\n"),
        (
            "utils/util.js",
            "function plus(o, n) {\n  const { a, ...rest } = o\n  return a + rest.b + n\n}\nmodule.exports = { plus }\n",
        ),
        ("pages/x/x.json", "{}\n"),
        ("pages/x/x.wxml", "<view>{{total}}</view>\n"),
        (
            "pages/x/x.js",
            "\"use strict\";\nconst util = require('../../utils/util.js')\nconst base = { a: 1 }\n\
             class Counter {\n  static start = 10\n  #n = 0\n  inc() { return ++this.#n }\n}\n\
             async function load() {\n  await null\n  return { ...base, b: 2 }\n}\n\
             Page({\n  data: { total: 0 },\n  async onLoad() {\n    const r = await load()\n    const c = new Counter()\n    c.inc()\n\
             \x20   this.setData({ total: r.a + r.b + util.plus({ ...r }, 1) + Counter.start + c.inc() })\n  },\n})\n",
        ),
    ])
}

/// 1 + 2 + (1 + 2 + 1) + 10 + 2.
const TOTAL: &str = "19";

/// Loads an emitted WeChat or Alipay folder in Node the way the device does: every `.js`
/// file must parse as a CommonJS module body (no `import`/`export` statement), then `app.js`
/// and the page are `require`d with the platform's globals, the page's `onLoad` runs, and
/// its data is printed. Alipay uses the component-model judge's world
/// (tests/validators/alipay/world.js); WeChat a minimal `Page()`/`App()`.
const LOAD_PAGE: &str = r#"
const fs = require('fs'), path = require('path');
const [target, root, validators, page] = process.argv.slice(1);
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p); else if (p.endsWith('.js')) files.push(p);
  }
})(root);
const bad = [];
for (const f of files) {
  try { new Function('exports', 'require', 'module', '__filename', '__dirname', fs.readFileSync(f, 'utf8')); }
  catch (e) { bad.push(`${path.relative(root, f)}: ${e.message}`); }
}
if (bad.length) { console.error(`not CommonJS:\n${bad.join('\n')}`); process.exit(1); }
(async () => {
  let data;
  if (target === 'alipay') {
    const { createWorld } = require(path.join(validators, 'alipay/world.js'));
    const world = createWorld(root);
    world.install();
    world.launch();
    const inst = world.openPage(page);
    await world.settle();
    if (world.problems.length) throw new Error(world.problems.join('\n'));
    data = inst.data;
  } else {
    let app = null, options = null;
    Object.assign(globalThis, {
      wx: {}, App: (o) => { app = o; }, getApp: () => app, Page: (o) => { options = o; }, getCurrentPages: () => [],
    });
    require(path.join(root, 'app.js'));
    require(path.join(root, `${page}.js`));
    if (!app || !options) throw new Error('App() or Page() was not called');
    const inst = Object.assign(Object.create(options), {
      data: JSON.parse(JSON.stringify(options.data || {})),
      setData(d) { Object.assign(this.data, d); },
    });
    await (options.onLoad && options.onLoad.call(inst, {}));
    data = inst.data;
  }
  console.log(JSON.stringify(data));
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
"#;

fn load_page(target: Target, root: &Path) -> String {
    let validators = repo().join("tests/validators");
    let output = Command::new("node")
        .args(["-e", LOAD_PAGE, target.name()])
        .arg(root)
        .arg(&validators)
        .arg("pages/x/x")
        .output()
        .expect("node runs");
    assert!(output.status.success(), "{target:?} ({}): {}", root.display(), stderr(&output));
    stdout(&output).trim().to_string()
}

#[test]
fn commonjs_pages_needing_helpers_load_on_every_target() {
    for release in [false, true] {
        let dir = commonjs_project();
        let out = dir.path().join("dist");
        let options = BuildOptions::new(dir.path()).targets(Target::ALL).out_dir(&out).release(release);
        if let Err(e) = build(&options) {
            match e {
                miniweave::BuildError::Project(d) => panic!("{}", render_diagnostics(&d, false)),
                other => panic!("{other}"),
            }
        }
        for target in [Target::Wechat, Target::Alipay] {
            let root = out.join(target.name());
            let page = std::fs::read_to_string(root.join("pages/x/x.js")).unwrap();
            assert!(page.contains("miniweave_runtime/swc.js"), "the page uses the helpers:\n{page}");
            assert_eq!(load_page(target, &root), format!("{{\"total\":{TOTAL}}}"), "{target:?}, release {release}");
        }
        // Weibo's WBox projects are ES modules throughout: its judge loads them as such,
        // opens every page and runs its `onLoad`.
        let (ok, report) = run_validator("weibo/run.js", &[out.join("weibo").as_os_str()]);
        assert!(ok, "release {release}: {report}");
        for target in Target::ALL {
            let (ok, report) = judge_output(target.name(), &out.join(target.name()));
            assert!(ok, "{target:?}, release {release}: {report}");
        }
    }
}
