//! Runs the real binary in a pseudo-terminal of a fixed size and keeps a
//! vt100 model of its screen, to wait for text, send keys and check how the
//! terminal is left.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Long enough for a debug build on a busy machine; tests wait for text, so
/// a passing run takes far less.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// What the reader thread has seen.
struct Seen {
    parser: vt100::Parser,
    bytes: usize,
    closed: bool,
    /// Everything the app wrote, to look for escape sequences.
    output: Vec<u8>,
}

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    input: Option<File>,
    seen: Arc<(Mutex<Seen>, Condvar)>,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

/// How the process ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    Code(u32),
    Signal(String),
}

/// How to start the binary.
pub struct Options<'a> {
    /// Another program than `campaigns` (a test binary running itself).
    pub program: Option<&'a Path>,
    pub size: (u16, u16),
    pub args: &'a [&'a str],
    pub env: &'a [(&'a str, &'a str)],
    pub cwd: Option<&'a Path>,
    /// Whether the pty becomes the controlling terminal (then closing it also
    /// sends SIGHUP). Without it only the tty's POLLHUP tells of the close.
    pub controlling: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            program: None,
            size: (120, 40),
            args: &[],
            env: &[],
            cwd: None,
            controlling: true,
        }
    }
}

/// Copies the pty fixture plan into a fresh directory (each test edits its own).
pub fn plan_in_tempdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    std::fs::copy(fixture(), &path).unwrap();
    (dir, path)
}

pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pty/campaigns.toml")
}

impl Pty {
    pub fn spawn(options: Options<'_>) -> Pty {
        let (columns, rows) = options.size;
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let program = match options.program {
            Some(program) => program.to_owned(),
            None => crate::binary::path(),
        };
        let mut command = CommandBuilder::new(program);
        command.args(options.args);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command.env_remove("LC_ALL");
        command.env_remove("NO_COLOR");
        command.env_remove("VISUAL");
        command.env_remove("EDITOR");
        command.env("XDG_CONFIG_HOME", crate::binary::no_config_home());
        for (key, value) in options.env {
            command.env(key, value);
        }
        if let Some(cwd) = options.cwd {
            command.cwd(cwd);
        }
        command.set_controlling_tty(options.controlling);
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let master = pair.master;
        let fd = master.as_raw_fd().expect("a unix pty");
        // Our own descriptors of the master: the crate's writer sends EOF when
        // dropped, which would reach the app as keys.
        // SAFETY: `dup` returns a new descriptor that the File then owns.
        let input = unsafe { File::from_raw_fd(libc::dup(fd)) };
        let output = unsafe { File::from_raw_fd(libc::dup(fd)) };
        let seen = Arc::new((
            Mutex::new(Seen {
                parser: vt100::Parser::new(
                    std::num::NonZeroU16::new(rows).unwrap(),
                    std::num::NonZeroU16::new(columns).unwrap(),
                    0,
                ),
                bytes: 0,
                closed: false,
                output: Vec::new(),
            }),
            Condvar::new(),
        ));
        let stop = Arc::new(AtomicBool::new(false));
        let reader = {
            let seen = Arc::clone(&seen);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || read_screen(output, &seen, &stop))
        };
        Pty {
            child,
            master: Some(master),
            input: Some(input),
            seen,
            stop,
            reader: Some(reader),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Seen> {
        self.seen.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("a running child") as i32
    }

    /// Sends bytes as typed keys.
    pub fn send(&mut self, keys: &str) {
        let input = self.input.as_mut().expect("the pty is open");
        input.write_all(keys.as_bytes()).unwrap();
        input.flush().unwrap();
    }

    /// The screen as text, rows joined by newlines.
    pub fn contents(&self) -> String {
        self.lock().parser.screen().contents()
    }

    /// How many bytes the app has written so far.
    pub fn bytes(&self) -> usize {
        self.lock().bytes
    }

    /// Whether the app ever queried the cursor position (it must not: the
    /// answer times out on slow links).
    pub fn asked_cursor(&self) -> bool {
        self.wrote(b"\x1b[6n")
    }

    /// Whether the app ever wrote `sequence`.
    pub fn wrote(&self, sequence: &[u8]) -> bool {
        self.lock()
            .output
            .windows(sequence.len())
            .any(|w| w == sequence)
    }

    /// The process state letter from /proc (`S` sleeping, `T` stopped...).
    pub fn state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap();
        stat[stat.rfind(')').unwrap() + 2..].chars().next().unwrap()
    }

    pub fn alternate_screen(&self) -> bool {
        self.lock().parser.screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        self.lock().parser.screen().hide_cursor()
    }

    /// Reads the screen model: the cursor, cells and their attributes.
    pub fn with_screen<T>(&self, read: impl FnOnce(&vt100::Screen) -> T) -> T {
        read(self.lock().parser.screen())
    }

    /// Waits until `found` holds for the screen's text; panics with the
    /// screen after `PATIENCE`. Returns how long it took.
    pub fn wait_until(&self, what: &str, found: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        let (lock, changed) = &*self.seen;
        let mut seen = lock.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let text = seen.parser.screen().contents();
            if found(&text) {
                return start.elapsed();
            }
            let left = PATIENCE.saturating_sub(start.elapsed());
            if left.is_zero() || seen.closed {
                drop(seen);
                panic!("waited for {what}; the screen shows:\n{text}");
            }
            seen = changed
                .wait_timeout(seen, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Waits until `holds` is true of the pty (checked every 10 ms); panics
    /// after `PATIENCE`.
    pub fn wait_state(&self, what: &str, holds: impl Fn(&Pty) -> bool) {
        let start = Instant::now();
        while !holds(self) {
            if start.elapsed() > PATIENCE {
                panic!("waited for {what}; the screen shows:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits for `text` to appear on the screen.
    pub fn wait_for(&self, text: &str) -> Duration {
        self.wait_until(&format!("`{text}`"), |screen| screen.contains(text))
    }

    /// Waits for `text` to leave the screen.
    pub fn wait_gone(&self, text: &str) -> Duration {
        self.wait_until(&format!("`{text}` to go"), |screen| !screen.contains(text))
    }

    /// Waits until no byte has arrived for `quiet`: the app is idle.
    pub fn settle(&self, quiet: Duration) {
        let mut last = self.bytes();
        loop {
            std::thread::sleep(quiet);
            let now = self.bytes();
            if now == last {
                return;
            }
            last = now;
        }
    }

    /// Waits for the process to end; `None` if it is still running after
    /// `limit`. Gives how it ended and the time taken.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<(Ended, Duration)> {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let ended = match status.signal() {
                    Some(signal) => Ended::Signal(signal.to_owned()),
                    None => Ended::Code(status.exit_code()),
                };
                let took = start.elapsed();
                self.wait_drained();
                return Some((ended, took));
            }
            if start.elapsed() > limit {
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits until the reader has seen everything the ended process wrote
    /// (the master reads end of file once the last slave descriptor closes).
    fn wait_drained(&self) {
        let start = Instant::now();
        let (lock, changed) = &*self.seen;
        let mut seen = lock.lock().unwrap_or_else(PoisonError::into_inner);
        while !seen.closed && self.reader.is_some() {
            let left = PATIENCE.saturating_sub(start.elapsed());
            if left.is_zero() {
                return;
            }
            seen = changed
                .wait_timeout(seen, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Closes every descriptor of the master side, as when an SSH link drops.
    pub fn close(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.input = None;
        self.master = None;
    }

    /// Resizes the terminal (the app gets SIGWINCH); the screen model takes
    /// the new size too, except a size of 0 (a pty may be 0×0, the model may
    /// not), which leaves the model as it was.
    pub fn resize(&mut self, (columns, rows): (u16, u16)) {
        let master = self.master.as_ref().expect("the pty is open");
        master
            .resize(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        if let (Some(rows), Some(columns)) = (
            std::num::NonZeroU16::new(rows),
            std::num::NonZeroU16::new(columns),
        ) {
            self.lock().parser.set_size(rows, columns);
        }
    }

    /// Resizes the terminal the app sees but not the screen model, for sizes
    /// the model could not hold (65 535 × 65 535): what lands outside the
    /// model's size is dropped.
    pub fn resize_pty_only(&mut self, (columns, rows): (u16, u16)) {
        let master = self.master.as_ref().expect("the pty is open");
        master
            .resize(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Sends a signal to the app.
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill takes a pid and a signal number.
        assert_eq!(unsafe { libc::kill(self.pid(), signal) }, 0);
    }

    /// CPU time (user + system, in clock ticks) the app has used so far.
    pub fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap();
        // Fields after the command name, which is in parentheses.
        let rest = &stat[stat.rfind(')').unwrap() + 2..];
        let fields: Vec<&str> = rest.split(' ').collect();
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.close();
    }
}

fn read_screen(mut output: File, seen: &(Mutex<Seen>, Condvar), stop: &AtomicBool) {
    let mut buffer = [0u8; 64 * 1024];
    let fd = output.as_raw_fd();
    let (lock, changed) = seen;
    while !stop.load(Ordering::SeqCst) {
        let mut ready = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // A short timeout only so that `close` can stop this test thread.
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut ready, 1, 20) } <= 0 {
            continue;
        }
        match output.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let mut seen = lock.lock().unwrap_or_else(PoisonError::into_inner);
                seen.parser.process(&buffer[..n]);
                seen.bytes += n;
                seen.output.extend_from_slice(&buffer[..n]);
                changed.notify_all();
            }
        }
    }
    lock.lock().unwrap_or_else(PoisonError::into_inner).closed = true;
    changed.notify_all();
}
