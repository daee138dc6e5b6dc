//! Parses keyed by content.
//!
//! The frontend runs once per target (conditional compilation makes each target's text
//! differ), but a file without conditional code has the same preprocessed bytes on every
//! target: keying each parse by the hash of those bytes parses it once and shares the result
//! (ARCHITECTURE.md "One `Project` per target"). Results must not name a file: the same bytes
//! may come from two files, so parses report spans, and callers attach the file.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use xxhash_rust::xxh3::xxh3_128;

/// What was parsed: part of the key, so a template and a script with equal bytes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParseKind {
    Template,
    Config,
    ScriptJs,
    ScriptTs,
    Style,
}

type Key = (ParseKind, u128);

/// A thread-safe map from (kind, content hash) to a shared parse result.
#[derive(Default)]
pub struct ParseCache {
    entries: Mutex<HashMap<Key, Arc<dyn Any + Send + Sync>>>,
    /// Keys asked for since the last [`ParseCache::sweep`].
    used: Mutex<std::collections::HashSet<Key>>,
}

impl ParseCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// The cached result for `text`, computing it with `parse` on a miss. Two threads that
    /// miss at once both parse; the results are equal, so either may win.
    pub fn get_or_parse<T, F>(&self, kind: ParseKind, text: &str, parse: F) -> Arc<T>
    where
        T: Send + Sync + 'static,
        F: FnOnce(&str) -> T,
    {
        let key = (kind, xxh3_128(text.as_bytes()));
        self.used.lock().unwrap_or_else(|e| e.into_inner()).insert(key);
        if let Some(hit) = self.lookup::<T>(&key) {
            return hit;
        }
        let value = Arc::new(parse(text));
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.insert(key, value.clone());
        value
    }

    fn lookup<T: Send + Sync + 'static>(&self, key: &Key) -> Option<Arc<T>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.get(key).cloned().and_then(|v| v.downcast::<T>().ok())
    }

    /// Drops every entry not asked for since the previous sweep: a session that keeps the
    /// cache across builds sweeps after each, so edited-away texts do not pile up.
    pub fn sweep(&self) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.retain(|k, _| used.contains(k));
        used.clear();
    }

    pub fn len(&self) -> usize {
        self.entries.lock().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn equal_bytes_parse_once_per_kind() {
        let cache = ParseCache::new();
        let calls = AtomicUsize::new(0);
        let parse = |t: &str| {
            calls.fetch_add(1, Ordering::SeqCst);
            t.len()
        };
        assert_eq!(*cache.get_or_parse(ParseKind::Template, "<view/>", parse), 7);
        assert_eq!(*cache.get_or_parse(ParseKind::Template, "<view/>", parse), 7);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        cache.get_or_parse(ParseKind::Style, "<view/>", parse);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }
}
