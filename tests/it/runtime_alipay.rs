//! Alipay's API adapters, assembled by the compiler exactly as a program using all of them
//! gets them, against a recording `my` whose answers follow Alipay's typings and docs; typed
//! against @mini-types/alipay; and the snippets' format, syntax and size budget.

use std::process::Command;

use crate::support::repo;

fn node(script: &str, args: &[&std::path::Path]) -> (bool, String) {
    let output = Command::new("node")
        .arg(repo().join("tests/validators/runtime").join(script))
        .args(args)
        .output()
        .expect("node runs");
    (
        output.status.success(),
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)),
    )
}

#[test]
fn alipay_api_adapters_behave_as_wechats_api_and_type_check() {
    let dir = tempfile::tempdir().unwrap();
    let module = dir.path().join("api.js");
    std::fs::write(&module, miniweave_targets::alipay::full_api_runtime()).unwrap();
    let (ok, report) = node("alipay-api.test.js", &[&module]);
    assert!(ok, "{report}");
    let (ok, report) = node("alipay-api-types.test.js", &[&module]);
    assert!(ok, "{report}");
    let (ok, report) = node("snippets.test.js", &[]);
    assert!(ok, "{report}");
}
