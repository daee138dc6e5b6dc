//! The lock a build holds on a target's output folder while it writes it:
//! `<outDir>/.miniweave/<target>.lock`, locked with flock(2), which the kernel releases if
//! the holder dies. Two builds into one folder (two terminals, a watch session and a
//! `build --release`) take turns instead of both reading and replacing the manifest; the
//! second one says whom it waits for, or with `--no-wait` fails at once. The holder writes
//! its process id and command line into the file, for that message.

use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::Path;

use crate::write::hint;

/// Takes the lock for `target` under `out_dir`; dropping the file releases it. The file is
/// left in place: removing it would let a third writer lock a new file while the second
/// still holds the old one.
pub fn lock_target(out_dir: &Path, target: &str, wait: bool) -> Result<fs::File, String> {
    let folder = out_dir.join(".miniweave");
    fs::create_dir_all(&folder).map_err(|e| format!("cannot create `{}`: {e}{}", folder.display(), hint(&e)))?;
    let path = folder.join(format!("{target}.lock"));
    let mut file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| format!("cannot open `{}`: {e}{}", path.display(), hint(&e)))?;
    let cannot = |e: io::Error| format!("cannot lock `{}`: {e}{}", path.display(), hint(&e));
    if !try_lock(&file).map_err(cannot)? {
        let holder = holder(&mut file);
        let shown = out_dir.join(target);
        if !wait {
            return Err(format!(
                "`{}` is being written by {holder}; not waiting (--no-wait): try again when it is done",
                shown.display()
            ));
        }
        eprintln!("miniweave: waiting for {holder} to finish writing `{}`", shown.display());
        lock(&file).map_err(cannot)?;
    }
    // Best effort: the record only words the message another writer may print.
    let me = format!("{} {}", std::process::id(), std::env::args().collect::<Vec<_>>().join(" "));
    let _ = file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(me.as_bytes()));
    Ok(file)
}

/// Who holds the lock, as its record says: `process 1234 (miniweave watch)`, or "another
/// process" when the record is missing or its process is gone (the record is from an earlier
/// writer, and the holder is something else).
fn holder(file: &mut fs::File) -> String {
    let mut record = String::new();
    let _ = file.rewind().and_then(|()| file.read_to_string(&mut record));
    let (pid, command) = record.split_once(' ').unwrap_or((record.as_str(), ""));
    match pid.trim().parse::<u32>() {
        Ok(pid) if alive(pid) => {
            let program = command.split_whitespace().next().and_then(|p| Path::new(p).file_name());
            let words: Vec<&str> = command.split_whitespace().skip(1).take(2).collect();
            match program {
                Some(name) => format!("process {pid} ({} {})", name.to_string_lossy(), words.join(" ")),
                None => format!("process {pid}"),
            }
        }
        _ => "another process".to_string(),
    }
}

#[cfg(unix)]
fn alive(pid: u32) -> bool {
    // SAFETY: signal 0 only asks whether the process exists.
    unsafe { libc::kill(pid as libc::pid_t, 0) == 0 }
}

#[cfg(windows)]
fn alive(pid: u32) -> bool {
    windows::alive(pid)
}

/// flock(2) without waiting: whether the lock was taken.
#[cfg(unix)]
fn try_lock(file: &fs::File) -> io::Result<bool> {
    use std::os::fd::AsRawFd;
    loop {
        // SAFETY: the descriptor is open for as long as `file` lives.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(true);
        }
        let e = io::Error::last_os_error();
        match e.kind() {
            io::ErrorKind::Interrupted => continue,
            io::ErrorKind::WouldBlock => return Ok(false),
            _ => return Err(e),
        }
    }
}

/// flock(2), waiting, as std's `File::lock` does on Unix (which needs Rust 1.89, above the
/// MSRV; LockFileEx below on Windows).
#[cfg(unix)]
fn lock(file: &fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    loop {
        // SAFETY: the descriptor is open for as long as `file` lives.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// LockFileEx on the whole file, as std's `File::try_lock` does on Windows.
#[cfg(windows)]
fn try_lock(file: &fs::File) -> io::Result<bool> {
    windows::lock_file(file, true)
}

#[cfg(windows)]
fn lock(file: &fs::File) -> io::Result<()> {
    windows::lock_file(file, false).map(|_| ())
}

#[cfg(windows)]
mod windows {
    use std::fs;
    use std::io;
    use std::os::windows::io::AsRawHandle;

    use windows_sys::Win32::Foundation::{CloseHandle, ERROR_LOCK_VIOLATION, STILL_ACTIVE};
    use windows_sys::Win32::Storage::FileSystem::{LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, LockFileEx};
    use windows_sys::Win32::System::IO::OVERLAPPED;
    use windows_sys::Win32::System::Threading::{GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION};

    /// Whether the lock was taken (always, unless `immediately` and another process has it).
    pub fn lock_file(file: &fs::File, immediately: bool) -> io::Result<bool> {
        let flags = LOCKFILE_EXCLUSIVE_LOCK | if immediately { LOCKFILE_FAIL_IMMEDIATELY } else { 0 };
        // SAFETY: a zeroed OVERLAPPED (offset 0) is valid; the handle lives as long as `file`.
        let done = unsafe {
            let mut overlapped: OVERLAPPED = std::mem::zeroed();
            LockFileEx(file.as_raw_handle() as _, flags, 0, u32::MAX, u32::MAX, &mut overlapped)
        };
        if done != 0 {
            return Ok(true);
        }
        let e = io::Error::last_os_error();
        if immediately && e.raw_os_error() == Some(ERROR_LOCK_VIOLATION as i32) { Ok(false) } else { Err(e) }
    }

    pub fn alive(pid: u32) -> bool {
        // SAFETY: the handle is checked and closed; only its exit code is read.
        unsafe {
            let process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
            if process.is_null() {
                return false;
            }
            let mut code = 0u32;
            let running = GetExitCodeProcess(process, &mut code) != 0 && code == STILL_ACTIVE as u32;
            CloseHandle(process);
            running
        }
    }
}
