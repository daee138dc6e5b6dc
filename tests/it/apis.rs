//! The platform API: `wx.*` keeps WeChat's meaning on every target; what Alipay documentedly
//! lacks is an error naming the API and the target (a warning and a run-time stub with
//! `--gaps warn`), what Weibo may lack a warning and a guarded call; other platforms' API
//! objects are errors outside their `#if` branch; all of it scope-aware; and only the
//! adapters used are emitted.

use miniweave::Target;

use crate::support::{lines, one_page, read, showcase, try_build};

fn page_with_script(script: &str) -> tempfile::TempDir {
    one_page(&format!("<template><view>x</view></template>\n<script>\n{script}\n</script>\n"))
}

#[test]
fn an_api_a_target_lacks_is_an_error_naming_both() {
    let dir = page_with_script("Page({ onLoad() { wx.openChannelsActivity({}) } })");
    let alipay = lines(&try_build(dir.path(), &[Target::Alipay]).unwrap_err());
    assert!(
        alipay.iter().any(|l| l.starts_with(
            "src/pages/index/index.mini:3:19: error[script::api]: Alipay has no `wx.openChannelsActivity`"
        )),
        "{alipay:#?}"
    );
    try_build(dir.path(), &[Target::Wechat]).unwrap();
}

/// Runs `call` (JavaScript using `api`, the emitted API runtime, and `log`) under Node with an
/// empty host object; what it logged.
fn run_api_runtime(runtime: &std::path::Path, host: &str, call: &str) -> String {
    let script = format!(
        "global.{host} = {{}}; const out = []; console.error = (m) => out.push(m); const log = (m) => out.push(m);\n\
         const api = require({runtime:?});\n{call}\nsetTimeout(() => process.stdout.write(out.join('\\n')), 10);"
    );
    let output = std::process::Command::new("node").arg("-e").arg(script).output().expect("node runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn an_unverified_or_tolerated_gap_is_a_warning_and_a_stub_that_fails_the_call() {
    let dir = page_with_script("Page({ onLoad() { wx.openChannelsActivity({ fail(r) { console.log(r.errMsg) } }) } })");
    let out = dir.path().join("dist");
    // Weibo's API list is inferred (PLATFORMS.md §7.1): a warning and a guard in any mode.
    let report =
        miniweave::build(&miniweave::BuildOptions::new(dir.path()).targets([Target::Weibo]).out_dir(&out)).unwrap();
    let warnings = lines(&report.warnings);
    assert!(
        warnings.iter().any(|l| l.contains("warning[script::api]: Weibo may have no `wx.openChannelsActivity`")),
        "{warnings:#?}"
    );
    let vue = read(out.join("weibo/src/pages/index/index.vue"));
    assert!(vue.contains("__gap(\"openChannelsActivity\", \"Weibo\", 0)"), "{vue}");
    // Alipay documents its API: an error, unless the team ports step by step.
    let options = miniweave::BuildOptions::new(dir.path()).targets([Target::Alipay]).out_dir(&out);
    assert!(miniweave::build(&options).is_err());
    let report = miniweave::build(&options.gaps(miniweave::GapPolicy::Warn)).unwrap();
    assert!(lines(&report.warnings).iter().any(|l| l.contains("Alipay may have no `wx.openChannelsActivity`")));
    assert!(read(out.join("alipay/pages/index/index.js")).contains("__gap(\"openChannelsActivity\", \"Alipay\", 0)"));
    // The stub logs the gap and fails the call the WeChat way.
    let logged = run_api_runtime(
        &out.join("alipay/miniweave_runtime/api.js"),
        "my",
        "api.__gap('openChannelsActivity', 'Alipay', 0)({ fail: (r) => log('fail ' + r.errMsg), complete: () => log('complete') });\n\
         api.__gap('getWeRunData', 'Alipay', 0)().catch((r) => log('rejected ' + r.errMsg));",
    );
    assert_eq!(
        logged.lines().collect::<Vec<_>>(),
        [
            "[miniweave] wx.openChannelsActivity is not available on Alipay",
            "[miniweave] wx.getWeRunData is not available on Alipay",
            "fail openChannelsActivity:fail wx.openChannelsActivity is not available on Alipay",
            "complete",
            "rejected getWeRunData:fail wx.getWeRunData is not available on Alipay",
        ],
        "{logged}"
    );
}

#[test]
fn other_platforms_objects_need_their_branch() {
    let dir = page_with_script("Page({ onLoad() { my.alert({ content: 'hi' }) } })");
    let wechat = lines(&try_build(dir.path(), &[Target::Wechat]).unwrap_err());
    assert!(
        wechat
            .iter()
            .any(|l| l.contains("error[script::api]: `my` is Alipay's API object, and this is the WeChat build")),
        "{wechat:#?}"
    );
    try_build(dir.path(), &[Target::Alipay]).unwrap();
    let branched = page_with_script("Page({ onLoad() {\n// #if alipay\nmy.alert({ content: 'hi' })\n// #endif\n} })");
    try_build(branched.path(), &Target::ALL).unwrap();
}

#[test]
fn mapping_is_scope_aware_and_values_of_wx_are_the_platforms_object() {
    let local = page_with_script(
        "function f(wx) { return wx.showToast() }\nconst my = { alert() {} }\nmy.alert()\nPage({ f })",
    );
    let out = try_build(local.path(), &[Target::Alipay, Target::Wechat]).unwrap();
    let js = read(out.join("alipay/pages/index/index.js"));
    assert!(
        js.contains("wx.showToast()") && !js.contains("__mwApi") && !js.contains("_api"),
        "a local wx is not the API:\n{js}"
    );
    // `wx` as a value is the nearest there is, the platform's own object, with a warning.
    let value = page_with_script("const api = wx\nPage({ api })");
    let out = value.path().join("dist");
    let report =
        miniweave::build(&miniweave::BuildOptions::new(value.path()).targets([Target::Alipay]).out_dir(&out)).unwrap();
    let found = lines(&report.warnings);
    assert!(found.iter().any(|l| l.contains("this use of `wx` becomes Alipay's `my`")), "{found:#?}");
    assert!(read(out.join("alipay/pages/index/index.js")).contains("const api = my"));
}

#[test]
fn properties_and_synchronous_calls_map_to_the_host_object() {
    let dir = page_with_script(
        "Page({ onLoad() { const p = wx.env.USER_DATA_PATH; const s = wx.getStorageInfoSync(); wx.getStorageSync('k') } })",
    );
    let out = try_build(dir.path(), &[Target::Alipay]).unwrap();
    let ali = read(out.join("alipay/pages/index/index.js"));
    assert!(ali.contains("my.env.USER_DATA_PATH") && ali.contains("__mwApi.getStorageInfoSync()"), "{ali}");
    assert!(ali.contains(".getStorageSync('k')"), "an adapter (Alipay takes {{ key }}):\n{ali}");
    // Weibo's bridged API has no `env` as far as any source says (PLATFORMS.md §7.1): a
    // guarded read, which gives Weibo's own `wbx.env` if it turns out to exist.
    let out = try_build(dir.path(), &[Target::Weibo]).unwrap();
    assert!(read(out.join("weibo/src/pages/index/index.vue")).contains("__gap(\"env\", \"Weibo\", 0).USER_DATA_PATH"));
    let sync = page_with_script("Page({ onLoad() { wx.getStorageInfoSync() } })");
    let out = try_build(sync.path(), &[Target::Weibo]).unwrap();
    assert!(read(out.join("weibo/src/pages/index/index.vue")).contains("wbx.getStorageInfoSync()"));
}

#[test]
fn only_the_adapters_a_program_calls_are_emitted() {
    let s = showcase();
    let api = s.file("alipay", "miniweave_runtime/api.js");
    for used in
        ["api.showToast", "api.showModal", "api.request", "api.setStorageSync", "api.getStorageSync", "api.navigateTo"]
    {
        assert!(api.contains(used), "{used} missing");
    }
    for unused in ["api.getLocation", "api.uploadFile", "api.scanCode"] {
        assert!(!api.contains(unused), "{unused} emitted but never called");
    }
    assert!(
        !crate::support::files_under(&s.target("wechat")).iter().any(|f| f.contains("miniweave_runtime/api")),
        "WeChat needs no API runtime"
    );
}

#[test]
fn an_api_chosen_at_run_time_uses_the_adapter_or_the_platforms_own_with_a_warning() {
    let dir = page_with_script("Page({ go(kind) { wx[kind]({ url: '/pages/index/index' }) } })");
    let out = dir.path().join("dist");
    let report =
        miniweave::build(&miniweave::BuildOptions::new(dir.path()).targets(Target::ALL).out_dir(&out)).unwrap();
    let warnings: Vec<String> = report.warnings.iter().map(|d| d.to_string()).collect();
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "src/pages/index/index.mini:3:19: warning[script::dynamic-api]: `wx[…]` chooses the API at run time"
        )),
        "{warnings:#?}"
    );
    let ali = read(out.join("alipay/pages/index/index.js"));
    assert!(ali.contains("__mwApi.__get(kind)({"), "{ali}");
    // The getter: this program's adapter when there is one, else `my`'s own function.
    let runtime = out.join("alipay/miniweave_runtime/api.js");
    let script = format!(
        "global.my = {{ navigateTo(o) {{ return 'my:' + o.url + ':' + (this === my) }} }}; const api = require({:?}); console.log(api.__get('navigateTo')({{ url: '/x' }}))",
        runtime.display().to_string()
    );
    let output = std::process::Command::new("node").args(["-e", &script]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "my:/x:true",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(read(out.join("wechat/pages/index/index.js")).contains("wx[kind]({"));
}

#[test]
fn an_api_two_targets_lack_is_one_diagnostic_with_the_if_that_fits_and_the_counterpart() {
    let dir = page_with_script("Page({ pay() { wx.requestPayment({}) } })");
    let all = try_build(dir.path(), &Target::ALL).unwrap_err();
    let at_call: Vec<&miniweave::Diagnostic> =
        all.iter().filter(|d| d.to_string().starts_with("src/pages/index/index.mini:3:16:")).collect();
    assert_eq!(at_call.len(), 1, "{:#?}", lines(&all));
    let d = at_call[0];
    assert_eq!(d.message, "Alipay has no `wx.requestPayment`, and Weibo may have none");
    let help = d.help.as_deref().unwrap();
    assert!(help.contains("`// #if wechat`"), "{help}");
    assert!(help.contains("Alipay's counterpart: `my.tradePay({ tradeNO })`"), "{help}");
    // Built for Alipay alone, the fitting branch is `#if !alipay`, and the counterpart stays.
    let alipay = try_build(dir.path(), &[Target::Alipay]).unwrap_err();
    let help = alipay.iter().find_map(|d| d.help.clone()).unwrap();
    assert!(help.contains("`// #if !alipay`") && help.contains("my.tradePay"), "{help}");
}
