//! The project's file-system events, coalesced into batches of changed paths: what
//! `miniweave watch` and the Node API's `watch` (through `miniweave serve`) feed a session.
//!
//! notify is used directly, with a quiet window of our own rather than notify's debouncers:
//! the debouncers enable notify's FSEvents backend, which links Apple frameworks that cannot
//! be linked when cross-building for macOS (issue 14); notify's kqueue backend needs none. A
//! session only needs the set of changed paths (both ends of a rename are paths), so the
//! window simply waits until the events have been quiet for a few milliseconds, which also
//! coalesces an editor's write-rename-chmod save into one batch.
//!
//! The project folder is watched itself, each folder in it recursively except installed
//! packages (`node_modules` is watched one level deep: a package installed or removed),
//! dot-folders and the output, which never triggers an update.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

/// Events this long apart end a batch: long enough to pair an editor's save burst, short
/// against a build.
const QUIET: Duration = Duration::from_millis(15);

/// A burst this large (`npm install`, `git checkout`) is taken as "everything may have
/// changed": the session re-reads the sources instead of following each path.
const BURST: usize = 2000;

pub enum Message {
    Changed(Vec<PathBuf>),
    /// The watcher lost events (a queue overflow): read everything again.
    Lost,
    Stop,
}

/// What one batch holds: the changed paths (sorted, without the output), and whether a stop
/// was asked for while it gathered.
pub struct Batch {
    pub changed: Vec<PathBuf>,
    pub stopping: bool,
}

pub struct ProjectWatcher {
    watcher: RecommendedWatcher,
    messages: Receiver<Message>,
    sender: Sender<Message>,
    root: PathBuf,
    out: PathBuf,
    watched: Vec<PathBuf>,
}

impl ProjectWatcher {
    /// Watches `root` (its output folder `out` excluded).
    pub fn new(root: &Path, out: &Path) -> Result<Self, String> {
        let (sender, messages) = mpsc::channel();
        let events = sender.clone();
        let watcher = notify::recommended_watcher(move |result: notify::Result<Event>| {
            let message = match result {
                Ok(event) if event.need_rescan() => Message::Lost,
                Ok(event) if event.kind.is_access() => return,
                Ok(event) => Message::Changed(event.paths),
                Err(_) => Message::Lost,
            };
            let _ = events.send(message);
        })
        .map_err(|e| format!("cannot watch the project: {e}"))?;
        let mut this =
            ProjectWatcher { watcher, messages, sender, root: root.into(), out: out.into(), watched: Vec::new() };
        this.watch_project().map_err(|e| format!("cannot watch `{}`: {e}", root.display()))?;
        Ok(this)
    }

    /// A handle that ends the watch: sending [`Message::Stop`] makes the next batch the last.
    pub fn stopper(&self) -> Sender<Message> {
        self.sender.clone()
    }

    /// Waits for the next batch: the first event, then every event until they have been
    /// quiet for [`QUIET`]. `None` when the watcher is gone. `src_dir` stands for "read
    /// everything again" after lost events or a huge burst.
    pub fn next_batch(&mut self, src_dir: &Path) -> Option<Batch> {
        let first = self.messages.recv().ok()?;
        let mut changed = Vec::new();
        let mut stopping = false;
        let mut lost = false;
        let mut take = |message: Message| match message {
            Message::Changed(paths) => changed.extend(paths),
            Message::Lost => lost = true,
            Message::Stop => stopping = true,
        };
        take(first);
        loop {
            match self.messages.recv_timeout(QUIET) {
                Ok(message) => take(message),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        let out = &self.out;
        changed.retain(|p| !p.starts_with(out) && !p.components().any(|c| c.as_os_str() == ".git"));
        changed.sort();
        changed.dedup();
        self.watch_new_folders(&changed);
        if lost || changed.len() > BURST {
            changed = vec![src_dir.to_path_buf()];
        }
        Some(Batch { changed, stopping })
    }

    /// A folder created at the top of the project is watched too.
    fn watch_new_folders(&mut self, changed: &[PathBuf]) {
        for dir in changed.iter().filter(|p| p.parent() == Some(self.root.as_path()) && p.is_dir()) {
            if self.watched.contains(dir) {
                continue;
            }
            // The first `npm install` creates node_modules: its packages, one level deep.
            let mode = if dir.file_name().is_some_and(|n| n == "node_modules") {
                Some(RecursiveMode::NonRecursive)
            } else {
                (!skipped(dir, &self.out)).then_some(RecursiveMode::Recursive)
            };
            if let Some(mode) = mode {
                let _ = self.watcher.watch(dir, mode);
                self.watched.push(dir.clone());
            }
        }
    }

    fn watch_project(&mut self) -> notify::Result<()> {
        let (root, out) = (self.root.clone(), self.out.clone());
        self.watcher.watch(&root, RecursiveMode::NonRecursive)?;
        let Ok(entries) = std::fs::read_dir(&root) else { return Ok(()) };
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_dir() {
                continue;
            }
            if path.file_name().is_some_and(|n| n == "node_modules") {
                // A package installed or removed shows here; a lockfile change at the root too.
                self.watcher.watch(&path, RecursiveMode::NonRecursive)?;
            } else if !skipped(&path, &out) {
                if out.starts_with(&path) && path != out {
                    // The output sits inside this folder: watch its other entries one by one.
                    self.watcher.watch(&path, RecursiveMode::NonRecursive)?;
                    for inner in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                        let inner = inner.path();
                        if inner.is_dir() && !out.starts_with(&inner) && !skipped(&inner, &out) {
                            self.watcher.watch(&inner, RecursiveMode::Recursive)?;
                        }
                    }
                } else {
                    self.watcher.watch(&path, RecursiveMode::Recursive)?;
                }
            }
            self.watched.push(path);
        }
        Ok(())
    }
}

/// Installed packages, dot-folders and the output are not watched recursively.
fn skipped(dir: &Path, out: &Path) -> bool {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.starts_with('.') || matches!(name.as_str(), "node_modules" | "miniprogram_npm") || dir == out
}
