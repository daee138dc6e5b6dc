//! Which file a thread is working on, so that a panic (a bug in miniweave) can name it. A
//! guard marks the file for as long as it lives; if it is dropped while its thread unwinds
//! from a panic, it records the file in [`take_panicked_file`]'s slot (the innermost guard
//! first, which names the most precise file). `Session` turns the panic into an internal
//! error naming that file.

use std::cell::RefCell;
use std::sync::Mutex;

thread_local! {
    static CURRENT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

static PANICKED_IN: Mutex<Option<String>> = Mutex::new(None);

/// Marks `name` (a file as diagnostics name it) as what this thread works on.
#[must_use = "the file is marked while the guard lives"]
pub fn working_on(name: &str) -> Guard {
    CURRENT.with(|c| c.borrow_mut().push(name.to_string()));
    let guard = Guard;
    // A failpoint for the test of internal errors (tests/it/hostile.rs), in development
    // builds only: there is no other way to make the compiler panic on purpose.
    if cfg!(debug_assertions) && std::env::var("MINIWEAVE_PANIC_ON").is_ok_and(|f| f == name) {
        panic!("a panic asked for by MINIWEAVE_PANIC_ON");
    }
    guard
}

pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let name = CURRENT.with(|c| c.borrow_mut().pop());
        if std::thread::panicking() {
            let mut slot = PANICKED_IN.lock().unwrap_or_else(|e| e.into_inner());
            if slot.is_none() {
                *slot = name;
            }
        }
    }
}

/// The file the last panic happened in, if a guard saw it; clears the slot.
pub fn take_panicked_file() -> Option<String> {
    PANICKED_IN.lock().unwrap_or_else(|e| e.into_inner()).take()
}
