//! The API runtimes. Alipay's adapters, assembled by the compiler exactly as a program using
//! all of them gets them, against a recording `my` whose answers follow Alipay's typings and
//! docs; typed against @mini-types/alipay; the snippets' format, syntax and size budget.
//! Weibo's calling-convention adapters against a recording `wbx`.

use crate::support::run_validator;

#[test]
fn alipay_api_adapters_behave_as_wechats_api_and_type_check() {
    let dir = tempfile::tempdir().unwrap();
    let module = dir.path().join("api.js");
    std::fs::write(&module, miniweave_targets::alipay::full_api_runtime()).unwrap();
    for script in ["runtime/alipay-api.test.js", "runtime/alipay-api-types.test.js"] {
        let (ok, report) = run_validator(script, &[module.as_os_str()]);
        assert!(ok, "{script}: {report}");
    }
    let (ok, report) = run_validator("runtime/snippets.test.js", &[]);
    assert!(ok, "{report}");
}

#[test]
fn weibo_api_adapters_keep_wechats_calling_convention() {
    let (ok, report) = run_validator("runtime/weibo-api.test.js", &[]);
    assert!(ok, "{report}");
}
