//! The advisory lock every writer of a plan holds: `flock` on a lock file
//! beside it. The kernel drops the lock when the process ends, however it
//! ends, so a crash never leaves a lock that blocks the next writer; the
//! lock file itself may stay and is harmless.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another one before giving up.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(5);

/// Held while the plan is read, changed and written; dropping it unlocks.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

pub enum LockError {
    TimedOut { lock: PathBuf },
    Io { lock: PathBuf, source: io::Error },
}

/// The lock file of `target`: `.NAME.lock` in the same directory.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.lock"))
}

/// Waits up to `timeout` for the lock of `target`. `mode` is the plan's
/// permission bits, so that whoever may write the plan may also lock it.
pub fn acquire(target: &Path, mode: u32, timeout: Duration) -> Result<Lock, LockError> {
    let lock = lock_path(target);
    let io_error = |source| LockError::Io {
        lock: lock.clone(),
        source,
    };
    let file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(mode & 0o666)
        .open(&lock)
    {
        Ok(file) => file,
        // Someone else's lock file we may not write: flock needs only read.
        Err(err) if err.kind() == io::ErrorKind::PermissionDenied && lock.exists() => {
            File::open(&lock).map_err(io_error)?
        }
        Err(err) => return Err(io_error(err)),
    };
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        // `flock(LOCK_EX | LOCK_NB)` on Unix.
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(err)) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(TryLockError::Error(err)) => return Err(io_error(err)),
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(LockError::TimedOut { lock });
        }
        // Jitter keeps waiting writers from retrying in step.
        let jitter = Duration::from_micros(u64::from(jitter_micros()));
        std::thread::sleep((pause + jitter).min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Up to a millisecond, different in each process and each call.
fn jitter_micros() -> u32 {
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    (clock ^ std::process::id().wrapping_mul(2_654_435_761)) % 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_then_times_out() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("campaigns.toml");
        let first = acquire(&target, 0o644, LOCK_TIMEOUT).ok().unwrap();
        let started = Instant::now();
        let second = acquire(&target, 0o644, Duration::from_millis(150));
        assert!(matches!(second, Err(LockError::TimedOut { .. })));
        assert!(started.elapsed() >= Duration::from_millis(150));
        drop(first);
        assert!(acquire(&target, 0o644, Duration::from_millis(150)).is_ok());
        assert!(dir.path().join(".campaigns.toml.lock").exists());
    }
}
