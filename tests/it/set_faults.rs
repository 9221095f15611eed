//! `campaigns set` when the file system or another writer gets in the way:
//! a full disk, a file size limit, a read-only directory, the file replaced
//! between and during updates, the lock held by a live process and by a
//! dead one. Each asserts the exit code, the message, the time taken and
//! the file's bytes (untouched on a refusal).
//!
//! Some faults need root (mounting a tmpfs, a read-only bind mount, an
//! immutable directory); as root, permissions alone do not stop a writer.
//! Each test says on stderr which way it made its fault.

use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const PLAN: &str = "\u{FEFF}# faults — keep this comment\r\n[meta]\r\ntitle = \"故障\"\r\nas_of = 2024-12-31\r\n\r\n[[campaign]]\r\nid = \"c\"\r\nname = \"C\"\r\n\r\n[[campaign.task]]\r\nid = \"t\"\r\nname = \"T\"\r\ndone = 3 # the figure\r\ntotal = 10\r\n";

fn binary() -> PathBuf {
    crate::binary::path()
}

struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn outcome(command: &mut Command) -> Outcome {
    let started = Instant::now();
    let output = command.output().unwrap();
    Outcome {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        elapsed: started.elapsed(),
    }
}

fn set_command(path: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(binary());
    command.env("XDG_CONFIG_HOME", crate::binary::no_config_home());
    command
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .arg("set")
        .arg(path)
        .arg("c/t")
        .args(args);
    command
}

fn set(path: &Path, args: &[&str]) -> Outcome {
    outcome(&mut set_command(path, args))
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn c_path(path: &Path) -> CString {
    CString::new(path.as_os_str().as_bytes()).unwrap()
}

/// A mount made for one test, unmounted when dropped.
struct Mount(PathBuf);

impl Mount {
    fn run(args: &[&str]) -> bool {
        Command::new("mount")
            .args(args)
            .output()
            .is_ok_and(|output| output.status.success())
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Names in `dir` other than the plan and its lock file: temporary files
/// left behind.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------
// A full disk.

/// Fills the file system holding `dir` until a write fails.
fn fill(dir: &Path) {
    use std::io::Write;
    let mut filler = fs::File::create(dir.join("filler")).unwrap();
    let block = [0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    // Leave not even a partial block.
    while filler.write_all(&block[..1]).is_ok() {}
}

/// The plan on a 64 KiB tmpfs filled to the last byte: the temporary file
/// cannot be written, the plan stays as it was, no temporary file is left.
#[test]
fn disk_full() {
    let dir = tempfile::tempdir().unwrap();
    let mount_point = dir.path().join("small");
    fs::create_dir(&mount_point).unwrap();
    let mount_arg = mount_point.to_str().unwrap();
    if !Mount::run(&["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount_arg]) {
        // Without mount (not root, or no CAP_SYS_ADMIN), `file_size_limit`
        // below makes the same write fail through RLIMIT_FSIZE.
        eprintln!("note: cannot mount a tmpfs here; the full disk is simulated by file_size_limit");
        file_size_limit_refuses(dir.path());
        return;
    }
    let _mount = Mount(mount_point.clone());
    eprintln!("note: a full disk made with a 64 KiB tmpfs at {mount_arg}");
    let path = mount_point.join("campaigns.toml");
    fs::write(&path, PLAN).unwrap();
    fill(&mount_point);
    let result = set(&path, &["--add", "1", "--note", "written on a full disk"]);
    assert_eq!(result.code, Some(2), "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("could not write the temporary file: No space left on device"),
        "{}",
        result.stderr
    );
    assert!(result.stdout.is_empty(), "{}", result.stdout);
    assert!(
        result.elapsed < Duration::from_secs(5),
        "{:?}",
        result.elapsed
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), PLAN);
    assert_eq!(leftovers(&mount_point), Vec::<String>::new());
    // Room again: the same update goes through.
    fs::remove_file(mount_point.join("filler")).unwrap();
    let result = set(&path, &["--add", "1"]);
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        PLAN.replace("done = 3 #", "done = 4 #")
    );
}

/// The run under `ulimit -f 0` with SIGXFSZ ignored: every write to a
/// regular file fails with EFBIG.
fn limited_set(path: &Path, stderr_file: Option<&Path>) -> Outcome {
    let script = "trap '' XFSZ; ulimit -f 0; exec \"$0\" set \"$1\" c/t --add 1";
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .arg(binary())
        .arg(path)
        .env_remove("LANG")
        .env("XDG_CONFIG_HOME", crate::binary::no_config_home());
    if let Some(file) = stderr_file {
        command.stderr(fs::File::create(file).unwrap());
    }
    outcome(&mut command)
}

fn file_size_limit_refuses(dir: &Path) {
    let path = dir.join("campaigns.toml");
    fs::write(&path, PLAN).unwrap();
    let result = limited_set(&path, None);
    assert_eq!(result.code, Some(2), "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("could not write the temporary file: File too large"),
        "{}",
        result.stderr
    );
    assert!(
        result.elapsed < Duration::from_secs(5),
        "{:?}",
        result.elapsed
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), PLAN);
    assert_eq!(leftovers(dir), Vec::<String>::new());
}

/// RLIMIT_FSIZE (no root needed): the write of the temporary file fails.
#[test]
fn file_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    file_size_limit_refuses(dir.path());
}

/// Found here: with stderr on a file the limit also stops, `eprintln!`
/// panicked (exit 101) after the refusal. Now the message is dropped and
/// the exit code still says "could not run".
#[test]
fn a_failing_stderr_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    fs::write(&path, PLAN).unwrap();
    let result = limited_set(&path, Some(&dir.path().join("stderr.log")));
    assert_eq!(result.code, Some(2));
    assert_eq!(fs::read_to_string(&path).unwrap(), PLAN);
    assert_eq!(
        fs::metadata(dir.path().join("stderr.log")).unwrap().len(),
        0
    );
}

// ---------------------------------------------------------------------------
// A read-only directory.

/// The directory cannot take a new file. As root, permissions do not stop
/// a writer: a read-only bind mount does, else an immutable directory
/// (chattr +i); as another user, mode 555 does.
#[test]
fn read_only_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir(&plans).unwrap();
    let path = plans.join("campaigns.toml");
    fs::write(&path, PLAN).unwrap();
    let plans_arg = plans.to_str().unwrap();

    let mut _mount = None;
    let mut immutable = false;
    let (how, says) = if !is_root() {
        fs::set_permissions(&plans, fs::Permissions::from_mode(0o555)).unwrap();
        ("mode 555", "could not take the lock: Permission denied")
    } else if Mount::run(&["--bind", plans_arg, plans_arg]) {
        _mount = Some(Mount(plans.clone()));
        assert!(Mount::run(&["-o", "remount,bind,ro", plans_arg]));
        // access(W_OK) answers EROFS first.
        ("a read-only bind mount", "permission denied")
    } else if Command::new("chattr")
        .args(["+i", plans_arg])
        .status()
        .is_ok_and(|status| status.success())
    {
        immutable = true;
        (
            "chattr +i",
            "could not take the lock: Operation not permitted",
        )
    } else {
        // Root, and neither works: nothing stops the write. Say so, and
        // check that it is then simply written.
        eprintln!("note: root without mount or chattr: a read-only directory cannot be made");
        let result = set(&path, &["--add", "1"]);
        assert_eq!(result.code, Some(0), "{}", result.stderr);
        return;
    };
    eprintln!("note: the read-only directory is made with {how}");
    let result = set(&path, &["--add", "1"]);
    if immutable {
        let _ = Command::new("chattr").args(["-i", plans_arg]).status();
    }
    assert_eq!(result.code, Some(2), "{how}: {}", result.stderr);
    assert!(result.stderr.contains(says), "{how}: {}", result.stderr);
    assert!(
        result.elapsed < Duration::from_secs(5),
        "{:?}",
        result.elapsed
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), PLAN);
    assert_eq!(leftovers(&plans), Vec::<String>::new());
    fs::set_permissions(&plans, fs::Permissions::from_mode(0o755)).unwrap_or(());
}

// ---------------------------------------------------------------------------
// The file replaced.

/// A second update after the file was replaced (an editor saves by rename)
/// applies to the new content: nothing of the old file comes back.
#[test]
fn file_replaced_between_two_updates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    fs::write(&path, PLAN).unwrap();
    let first = set(&path, &["--add", "1"]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    assert_eq!(first.stdout, "c/t: done 3 → 4\n");

    // Replaced by rename, as vim and `sed -i` do: a new inode.
    let replacement = PLAN
        .replace("done = 3 # the figure", "done = 50 # set by hand")
        .replace("# faults", "# edited in vim");
    let staged = dir.path().join("staged");
    fs::write(&staged, &replacement).unwrap();
    fs::rename(&staged, &path).unwrap();

    let second = set(&path, &["--add", "1"]);
    assert_eq!(second.code, Some(0), "{}", second.stderr);
    assert_eq!(second.stdout, "c/t: done 50 → 51\n");
    assert!(second.elapsed < Duration::from_secs(5));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        replacement.replace("done = 50 #", "done = 51 #")
    );
}

/// The file replaced again and again while updates run: each update
/// applies to one whole version (or, when the file keeps changing under
/// it, refuses with exit 1), and the file is always one valid version.
#[test]
fn file_replaced_while_updates_are_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    let version = |k: usize| PLAN.replace("# faults", &format!("# version {k}"));
    fs::write(&path, version(0)).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let replacer = {
        let (dir, path, stop) = (dir.path().to_owned(), path.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut k = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                k += 1;
                let staged = dir.join("staged");
                fs::write(&staged, version(k)).unwrap();
                fs::rename(&staged, &path).unwrap();
                std::thread::sleep(Duration::from_micros(300));
            }
            k
        })
    };
    let started = Instant::now();
    let (mut written, mut refused) = (0, 0);
    for _ in 0..20 {
        let result = set(&path, &["--add", "1"]);
        match result.code {
            Some(0) => written += 1,
            Some(1) => {
                assert!(
                    result.stderr.contains("the file kept changing"),
                    "{}",
                    result.stderr
                );
                refused += 1;
            }
            other => panic!("exit {other:?}: {}", result.stderr),
        }
        let now = fs::read_to_string(&path).unwrap();
        let loaded = campaigns::load::parse(&now, options());
        assert!(loaded.plan.is_some(), "not valid:\n{now}");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let versions = replacer.join().unwrap();
    eprintln!("{written} written, {refused} refused, {versions} versions");
    assert!(started.elapsed() < Duration::from_secs(60));
    // Once the file holds still, the update goes onto its last version.
    let result = set(&path, &["--add", "1"]);
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        version(versions).replace("done = 3 #", "done = 4 #")
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

fn options() -> campaigns::load::Options {
    campaigns::load::Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

// ---------------------------------------------------------------------------
// The lock.

/// Another process holding the plan's lock (as a `set` or the app does
/// while it writes). Forked so that the lock belongs to a different
/// process; the child only calls async-signal-safe functions.
struct LockHolder {
    pid: libc::pid_t,
}

impl LockHolder {
    fn start(lock: &Path) -> LockHolder {
        let lock = c_path(lock);
        let mut pipe = [0; 2];
        // SAFETY: a two-element array for the two descriptors.
        assert_eq!(unsafe { libc::pipe(pipe.as_mut_ptr()) }, 0);
        // SAFETY: the child calls only open, flock, write, pause and _exit,
        // all async-signal-safe, on memory prepared before the fork.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork failed");
        if pid == 0 {
            unsafe {
                let fd = libc::open(lock.as_ptr(), libc::O_RDWR | libc::O_CREAT, 0o644);
                if fd < 0 || libc::flock(fd, libc::LOCK_EX) != 0 {
                    libc::_exit(1);
                }
                libc::write(pipe[1], b"L".as_ptr().cast(), 1);
                loop {
                    libc::pause();
                }
            }
        }
        let mut byte = 0u8;
        // SAFETY: reads one byte into `byte`.
        let read = unsafe { libc::read(pipe[0], (&raw mut byte).cast(), 1) };
        unsafe {
            libc::close(pipe[0]);
            libc::close(pipe[1]);
        }
        assert_eq!((read, byte), (1, b'L'), "the lock holder did not start");
        LockHolder { pid }
    }

    /// SIGKILL, then reap: the kernel drops its lock with it.
    fn kill(self) {
        // SAFETY: our own child, not yet reaped.
        unsafe {
            libc::kill(self.pid, libc::SIGKILL);
            let mut status = 0;
            libc::waitpid(self.pid, &mut status, 0);
        }
        std::mem::forget(self);
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        // SAFETY: as in `kill`.
        unsafe {
            libc::kill(self.pid, libc::SIGKILL);
            let mut status = 0;
            libc::waitpid(self.pid, &mut status, 0);
        }
    }
}

/// A live process holds the lock: `set` waits the lock timeout (5 s),
/// then refuses with exit 1 and leaves the file alone.
#[test]
fn lock_held_by_a_live_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    fs::write(&path, PLAN).unwrap();
    let holder = LockHolder::start(&campaigns::edit::lock_path(&path));
    let result = set(&path, &["--add", "1"]);
    drop(holder);
    assert_eq!(result.code, Some(1), "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("another update is still being written (lock ")
            && result.stderr.contains("held for more than 5 s); try again"),
        "{}",
        result.stderr
    );
    let timeout = campaigns::edit::LOCK_TIMEOUT;
    assert!(
        result.elapsed >= timeout && result.elapsed < timeout + Duration::from_secs(10),
        "{:?}",
        result.elapsed
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), PLAN);
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

/// The holder is killed (a `set` or the app crashed mid-write): its lock
/// died with it, so the next `set` goes through at once.
#[test]
fn lock_held_by_a_dead_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    fs::write(&path, PLAN).unwrap();
    let lock = campaigns::edit::lock_path(&path);
    LockHolder::start(&lock).kill();
    assert!(lock.exists());
    let result = set(&path, &["--add", "1"]);
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert_eq!(result.stdout, "c/t: done 3 → 4\n");
    assert!(
        result.elapsed < Duration::from_secs(3),
        "{:?}",
        result.elapsed
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        PLAN.replace("done = 3 #", "done = 4 #")
    );
}
