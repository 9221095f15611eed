//! The advisory lock every writer of a plan holds: `flock` on the plan file
//! itself. Nothing is left beside it (no `.NAME.lock` for `git status` to
//! show, none to be planted as a symlink), and the kernel drops the lock
//! when the process ends, however it ends, so a crash never blocks the next
//! writer.
//!
//! Every write replaces the file by a rename, so a writer that waited may
//! wake holding the lock of a file that is no longer the plan: it then
//! locks the file now at the path, until the two agree.

use std::fs::{File, TryLockError};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
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

/// What a writer locks: the plan file itself.
pub fn lock_path(target: &Path) -> PathBuf {
    target.to_owned()
}

/// Waits up to `timeout` for the lock of `target`, a canonical path (no
/// symlink is followed: the last component is opened with `O_NOFOLLOW`).
pub fn acquire(target: &Path, timeout: Duration) -> Result<Lock, LockError> {
    let io_error = |source| LockError::Io {
        lock: target.to_owned(),
        source,
    };
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        // flock needs only a descriptor open for reading.
        let file = File::options()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(target)
            .map_err(io_error)?;
        match file.try_lock() {
            Ok(()) if still_the_plan(&file, target).map_err(io_error)? => {
                return Ok(Lock { _file: file });
            }
            // Replaced while we waited: lock the file there now, at once.
            Ok(()) => continue,
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(err)) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(TryLockError::Error(err)) => return Err(io_error(err)),
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(LockError::TimedOut {
                lock: target.to_owned(),
            });
        }
        // Jitter keeps waiting writers from retrying in step.
        let jitter = Duration::from_micros(u64::from(jitter_micros()));
        std::thread::sleep((pause + jitter).min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

/// Whether `file` is still the one at `target` (not renamed over since it
/// was opened).
fn still_the_plan(file: &File, target: &Path) -> io::Result<bool> {
    let (held, now) = (file.metadata()?, std::fs::symlink_metadata(target)?);
    Ok(held.dev() == now.dev() && held.ino() == now.ino())
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
    fn a_second_holder_waits_then_times_out_and_nothing_is_left_beside_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("campaigns.toml");
        std::fs::write(&target, "x").unwrap();
        let first = acquire(&target, LOCK_TIMEOUT).ok().unwrap();
        let started = Instant::now();
        let second = acquire(&target, Duration::from_millis(150));
        assert!(matches!(second, Err(LockError::TimedOut { .. })));
        assert!(started.elapsed() >= Duration::from_millis(150));
        drop(first);
        assert!(acquire(&target, Duration::from_millis(150)).is_ok());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_waiter_follows_the_plan_when_it_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("campaigns.toml");
        std::fs::write(&target, "old").unwrap();
        let first = acquire(&target, LOCK_TIMEOUT).ok().unwrap();
        let waiter = {
            let target = target.clone();
            std::thread::spawn(move || acquire(&target, LOCK_TIMEOUT).is_ok())
        };
        std::thread::sleep(Duration::from_millis(50));
        // The holder writes by rename, then lets go of the old file's lock.
        let new = dir.path().join("new");
        std::fs::write(&new, "new").unwrap();
        std::fs::rename(&new, &target).unwrap();
        drop(first);
        assert!(waiter.join().unwrap());
    }

    #[test]
    fn a_symlink_at_the_path_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::write(&elsewhere, "x").unwrap();
        let link = dir.path().join("campaigns.toml");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        assert!(matches!(
            acquire(&link, Duration::from_millis(10)),
            Err(LockError::Io { .. })
        ));
    }
}
