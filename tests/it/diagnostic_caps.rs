//! A build with thousands of problems reports a bounded number (issue 15): at most 50 of one
//! file and 200 in all unless `--max-diagnostics` says otherwise, then one "and N more" line;
//! `--message-format json` gives the same diagnostics as JSON lines for CI and editors.

use serde_json::Value;

use crate::support::{miniweave, project, stderr, stdout};

/// Page `a` has 300 located errors (images climbing out of the project), page `b` one.
fn many_errors() -> tempfile::TempDir {
    let images: String = (0..300).map(|i| format!("<image src=\"../../../../x{i}.png\" />\n")).collect();
    project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/a/a\", \"pages/b/b\"] }</config>\n<script>App({})</script>\n"),
        ("src/pages/a/a.mini", &format!("<template>\n{images}</template>\n<script>Page({{}})</script>\n")),
        (
            "src/pages/b/b.mini",
            "<template>\n<image src=\"../../../../y.png\" />\n</template>\n<script>Page({})</script>\n",
        ),
    ])
}

fn headers(text: &str, file: &str) -> usize {
    text.lines().filter(|l| l.starts_with(file) && l.contains(": error[")).count()
}

#[test]
fn fifty_per_file_then_one_line_for_the_rest() {
    let dir = many_errors();
    let out = miniweave(&["build", "--color", "never", "--target", "wechat"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert_eq!(headers(&said, "src/pages/a/a.mini:"), 50, "{}", &said[..said.len().min(2000)]);
    assert_eq!(headers(&said, "src/pages/b/b.mini:"), 1, "the other file is still reported");
    assert!(said.contains("and 250 more diagnostics not shown (--max-diagnostics N shows more, 0 all)"), "{said}");
    assert!(said.len() < 200_000, "{} bytes of errors", said.len());

    let out = miniweave(&["build", "--color", "never", "--target", "wechat", "--max-diagnostics", "0"], dir.path());
    let said = stderr(&out);
    assert_eq!(headers(&said, "src/pages/a/a.mini:"), 300);
    assert!(!said.contains("more diagnostics not shown"));

    let out = miniweave(&["build", "--color", "never", "--target", "wechat", "--max-diagnostics", "10"], dir.path());
    let said = stderr(&out);
    assert_eq!(headers(&said, "src/pages/a/a.mini:") + headers(&said, "src/pages/b/b.mini:"), 10);
    assert!(said.contains("and 291 more diagnostics"), "{said}");
}

#[test]
fn message_format_json_prints_one_line_per_diagnostic_and_a_last_line() {
    let dir = many_errors();
    let out = miniweave(&["check", "--message-format", "json", "--target", "wechat"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    let (last, diagnostics) = lines.split_last().unwrap();
    assert_eq!(diagnostics.len(), 51);
    let first = &diagnostics[0];
    assert_eq!(first["reason"], "diagnostic");
    assert_eq!(first["code"], "project::outside-path");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "src/pages/a/a.mini");
    assert_eq!(first["line"], 2);
    assert_eq!(first["column"], 13);
    assert!(first["message"].as_str().unwrap().contains("leads outside the project"));
    assert!(first["help"].is_string());
    assert_eq!(last["reason"], "build-finished");
    assert_eq!(last["success"], false);
    assert_eq!(last["exitCode"], 1);
    assert_eq!(last["errors"], 51);
    assert_eq!(last["omitted"], 250);
    assert!(stderr(&out).is_empty(), "nothing for people on stderr: {}", stderr(&out));
}

#[test]
fn message_format_json_of_a_clean_build_names_what_was_written() {
    let dir = project(&[
        ("src/app.mini", "<config>{ \"pages\": [\"pages/a/a\"] }</config>\n<script>App({})</script>\n"),
        ("src/pages/a/a.mini", "<template><view>hi</view></template>\n<script>Page({})</script>\n"),
    ]);
    let out = miniweave(&["build", "--message-format", "json", "--target", "wechat,alipay"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let last: Value = serde_json::from_str(stdout(&out).lines().last().unwrap()).unwrap();
    assert_eq!(last["success"], true);
    let targets: Vec<&str> =
        last["targets"].as_array().unwrap().iter().map(|t| t["target"].as_str().unwrap()).collect();
    assert_eq!(targets, ["wechat", "alipay"]);
    assert!(last["targets"][0]["written"].as_u64().unwrap() > 0);
}
