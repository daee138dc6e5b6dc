//! `miniweave serve`: the Node API's engine. One long-lived process speaks a versioned JSON
//! protocol on stdin and stdout (the way esbuild's Node API drives its binary), so the
//! command line and the API run the same code. docs/node-api.md describes the protocol:
//!
//! - the first line out is `{"protocol":1,"version":"…"}`;
//! - a request is one line `{"id":N,"method":"build"|"check"|"watch"|"stop","params":{…}}`;
//! - each request gets one response `{"id":N,"ok":true,"report":{…}}` or
//!   `{"id":N,"ok":false,"error":{…}}` (reports and errors as in `report_json.rs`);
//! - a watch (its id is the request's) then sends `{"event":"update","watch":N,…}` per
//!   update and `{"event":"stopped","watch":N}` when `stop` ends it.
//!
//! Requests run on threads of their own, so a long build does not hold up a `stop`. When
//! stdin closes (the Node process is gone) every watch stops and the process exits.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Instant;

use miniweave::{BuildError, BuildOptions, BuildReport, GapPolicy, Session, Target};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::watcher::{Message, ProjectWatcher};

/// Bumped when a request or a message changes incompatibly; the Node side checks it.
pub const PROTOCOL: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    id: u64,
    method: String,
    #[serde(default)]
    params: Value,
}

/// The options of `build`, `check` and `watch`: `BuildOptions` in camelCase. Paths are
/// absolute (the Node side resolves them against its working directory).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Params {
    project: PathBuf,
    #[serde(default)]
    targets: Option<Vec<Target>>,
    #[serde(default)]
    out_dir: Option<PathBuf>,
    #[serde(default)]
    release: bool,
    #[serde(default)]
    define: serde_json::Map<String, Value>,
    #[serde(default)]
    gaps: Option<GapPolicy>,
    #[serde(default)]
    max_diagnostics: Option<usize>,
}

impl Params {
    fn options(self, write: bool) -> BuildOptions {
        let mut o = BuildOptions::new(self.project).release(self.release);
        if !write {
            o = o.check_only();
        }
        o.targets = self.targets;
        o.out_dir = self.out_dir;
        o.defines = self.define.into_iter().collect();
        o.gaps = self.gaps;
        o.max_diagnostics = self.max_diagnostics;
        o
    }
}

/// stdout, shared by every thread: one message per line, written whole.
#[derive(Clone)]
struct Out(Arc<Mutex<std::io::Stdout>>);

impl Out {
    fn send(&self, message: &Value) {
        let mut line = message.to_string();
        line.push('\n');
        let mut out = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // The reader is gone when this fails; stdin's end stops the process soon after.
        let _ = out.write_all(line.as_bytes()).and_then(|()| out.flush());
    }

    fn respond(&self, id: u64, result: &Result<BuildReport, BuildError>) {
        self.send(&with_result(json!({ "id": id }), result));
    }

    fn fail(&self, id: u64, message: String) {
        let error = BuildError::Usage(message);
        self.send(&json!({ "id": id, "ok": false, "error": error.to_json() }));
    }
}

/// `ok` and `report`, or `ok: false` and `error`, added to a message.
fn with_result(mut message: Value, result: &Result<BuildReport, BuildError>) -> Value {
    match result {
        Ok(report) => {
            message["ok"] = json!(true);
            message["report"] = report.to_json();
        }
        Err(error) => {
            message["ok"] = json!(false);
            message["error"] = error.to_json();
        }
    }
    message
}

type Watches = Arc<Mutex<HashMap<u64, Sender<Message>>>>;

pub fn run() -> ExitCode {
    let out = Out(Arc::new(Mutex::new(std::io::stdout())));
    out.send(&json!({ "protocol": PROTOCOL, "version": env!("CARGO_PKG_VERSION") }));
    let watches: Watches = Arc::default();
    let mut threads: Vec<JoinHandle<()>> = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let request: Request = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                // Without an id the request cannot be answered: say so on stderr.
                eprintln!("miniweave serve: a request that is not protocol {PROTOCOL} JSON: {e}");
                continue;
            }
        };
        let id = request.id;
        if request.method == "stop" {
            let watch = request.params.get("watch").and_then(Value::as_u64);
            let stopper = watch.and_then(|w| watches.lock().unwrap_or_else(|e| e.into_inner()).remove(&w));
            match stopper {
                Some(stopper) => {
                    let _ = stopper.send(Message::Stop);
                    out.send(&json!({ "id": id, "ok": true }));
                }
                None => out.fail(id, format!("no watch {} is running", watch.unwrap_or_default())),
            }
            continue;
        }
        let params = match serde_json::from_value::<Params>(request.params) {
            Ok(p) => p,
            Err(e) => {
                out.fail(id, format!("invalid options for `{}`: {e}", request.method));
                continue;
            }
        };
        let (out, watches) = (out.clone(), watches.clone());
        let thread = match request.method.as_str() {
            "build" => std::thread::spawn(move || out.respond(id, &miniweave::build(&params.options(true)))),
            "check" => std::thread::spawn(move || out.respond(id, &miniweave::build(&params.options(false)))),
            "watch" => std::thread::spawn(move || watch(id, params.options(true), &out, &watches)),
            other => {
                out.fail(id, format!("unknown method `{other}`: build, check, watch or stop"));
                continue;
            }
        };
        threads.push(thread);
        threads.retain(|t| !t.is_finished());
    }
    // stdin closed: stop the watches, let running builds finish their writes.
    for (_, stopper) in watches.lock().unwrap_or_else(|e| e.into_inner()).drain() {
        let _ = stopper.send(Message::Stop);
    }
    for thread in threads {
        let _ = thread.join();
    }
    ExitCode::SUCCESS
}

/// A watch: the first build answers the request, each update is an event.
fn watch(id: u64, options: BuildOptions, out: &Out, watches: &Watches) {
    let mut session = match Session::open(options) {
        Ok(s) => s,
        Err(e) => return out.respond(id, &Err(e)),
    };
    let root = session.root().to_path_buf();
    let mut watcher = match ProjectWatcher::new(&root, session.out_dir()) {
        Ok(w) => w,
        Err(message) => return out.fail(id, message),
    };
    watches.lock().unwrap_or_else(|e| e.into_inner()).insert(id, watcher.stopper());
    // Registered before the answer: a `stop` sent right after it finds the watch.
    out.respond(id, session.result());
    while let Some(batch) = watcher.next_batch(&session.src_dir()) {
        if !batch.changed.is_empty() {
            let started = Instant::now();
            let result = session.update(&batch.changed);
            let millis = started.elapsed().as_secs_f64() * 1000.0;
            let message = json!({
                "event": "update",
                "watch": id,
                "changed": relative(&batch.changed, &root),
                "millis": millis,
                "finishedAt": epoch_millis(),
            });
            out.send(&with_result(message, result));
        }
        if batch.stopping {
            break;
        }
    }
    out.send(&json!({ "event": "stopped", "watch": id }));
}

/// Now, in milliseconds since the Unix epoch: lets a client measure how long an update took
/// to reach it (the same clock on the same machine).
fn epoch_millis() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

fn relative(paths: &[PathBuf], root: &Path) -> Vec<String> {
    paths.iter().map(|p| p.strip_prefix(root).unwrap_or(p).to_string_lossy().replace('\\', "/")).collect()
}
