//! Parses keyed by content.
//!
//! The frontend runs once per target (conditional compilation makes each target's text
//! differ), but a file without conditional code has the same preprocessed bytes on every
//! target: keying each parse by the hash of those bytes parses it once and shares the result
//! (ARCHITECTURE.md "One `Project` per target"). Results must not name a file: the same bytes
//! may come from two files, so parses report spans, and callers attach the file.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

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

type Key = (ParseKind, TypeId, u128);

/// One parse, filled by the first target to ask for it; the others wait for it rather than
/// parse the same bytes at the same time (targets load in parallel: three copies of a 10 MB
/// script's syntax tree at once would triple the build's peak memory).
type Slot = Arc<OnceLock<Arc<dyn Any + Send + Sync>>>;

#[derive(Default)]
pub struct ParseCache {
    entries: Mutex<HashMap<Key, Slot>>,
    used: Mutex<std::collections::HashSet<Key>>,
}

impl ParseCache {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get_or_parse<T, F>(&self, kind: ParseKind, text: &str, parse: F) -> Arc<T>
    where
        T: Send + Sync + 'static,
        F: FnOnce(&str) -> T,
    {
        let key = (kind, TypeId::of::<T>(), xxh3_128(text.as_bytes()));
        self.used.lock().unwrap_or_else(|e| e.into_inner()).insert(key);
        let slot = self.entries.lock().unwrap_or_else(|e| e.into_inner()).entry(key).or_default().clone();
        let value = slot.get_or_init(move || Arc::new(parse(text)));
        // The key holds T's type, so the slot holds a T.
        value.clone().downcast::<T>().expect("a parse cache slot holds its key's type")
    }

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
