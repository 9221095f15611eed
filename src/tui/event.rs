//! Everything the review screen reacts to, on one channel.
//!
//! Each source has a thread that blocks until something happens, so an idle
//! screen costs no wakeup at all: the input thread waits in crossterm's
//! `event::read`, the hangup thread in `poll(2)` on the tty, the signal thread
//! in signal-hook's pipe, and the file watcher in notify's inotify read.

use std::fs::File;
use std::io::IsTerminal;
use std::os::fd::{AsFd, BorrowedFd};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

use crossterm::event::{self as input, KeyEvent, KeyEventKind, MouseEvent};
use rustix::event::{PollFd, PollFlags};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

mod reader;

pub use reader::{HistoryRead, Request, Shown};

use super::terminal;
use crate::edit;
use crate::load;
use crate::load::watch::{self, FileWatch, Notice};

/// Something the event loop must handle.
#[derive(Debug)]
pub enum Event {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text pasted while bracketed paste is on: never keys.
    Paste(String),
    /// A mouse event (only arrives with mouse capture on).
    Mouse(MouseEvent),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The plan file was saved, replaced or removed.
    FileChanged,
    /// The watch may have gone deaf (its directory was replaced, or events
    /// were lost): watch the path again and reload.
    Rewatch,
    /// Time to try again to watch a path whose watch is lost.
    RetryWatch,
    /// A save that had to wait for another writer's lock has ended.
    SaveEnded(Box<Result<edit::Saved, edit::EditError>>),
    /// The file's git history was read (see `Events::read_history`).
    HistoryRead(Box<HistoryRead>),
    /// The comparison set aside at a load, compared by the history reader
    /// with the figures of that load (`Shown::load`).
    Recompared {
        load: u64,
        comparison: Box<crate::history::compare::Comparison>,
    },
    /// The file watch failed (the reason); live reload may have stopped.
    WatchFailed(String),
    /// Reading the terminal failed (the reason): nothing more will arrive.
    InputFailed(String),
    /// SIGTERM, SIGINT or SIGQUIT (the signal number): restore and leave.
    Terminate(i32),
    /// SIGTSTP: give the terminal back and stop until continued.
    Suspend,
    /// SIGCONT: the process runs again; the terminal may have been reset.
    Continued,
}

/// The receiving end of the channel, and the handles that keep its sources
/// alive.
pub struct Events {
    rx: Receiver<Event>,
    tx: Sender<Event>,
    input: Arc<Gate>,
    watch: Option<FileWatch>,
    /// Files watched besides the one (the roll-up's fetch record).
    also: Vec<FileWatch>,
    history: reader::Reader,
}

impl Events {
    /// Starts the input, hangup and signal threads. `mouse` tells whether
    /// mouse events are wanted.
    pub fn start(mouse: bool) -> std::io::Result<Events> {
        let (tx, rx) = channel();
        watch_hangup()?;
        watch_signals(tx.clone())?;
        let input = Arc::new(Gate::default());
        read_input(tx.clone(), Arc::clone(&input), mouse)?;
        Ok(Events {
            rx,
            history: reader::Reader::new(tx.clone()),
            tx,
            input,
            watch: None,
            also: Vec::new(),
        })
    }

    /// Watches `path` for saves; a failure is returned so the caller can say
    /// that live reload is off (`r` still works).
    pub fn watch_file(&mut self, path: &Path) -> Result<(), String> {
        let tx = self.tx.clone();
        // The old watch goes first: a new one on the same directory would
        // otherwise share its inotify watch and stop with it.
        self.watch = None;
        let watch = watch::watch(path, move |notice| {
            let _ = tx.send(match notice {
                Notice::Changed => Event::FileChanged,
                Notice::Rewatch => Event::Rewatch,
                Notice::Failed(reason) => Event::WatchFailed(reason),
            });
        })
        .map_err(|err| err.to_string())?;
        self.watch = Some(watch);
        Ok(())
    }

    /// Watches one more file as long as these events run; a change to it
    /// is a `FileChanged` too.
    pub fn watch_also(&mut self, path: &Path) -> Result<(), String> {
        let tx = self.tx.clone();
        let watch = watch::watch(path, move |notice| {
            let _ = tx.send(match notice {
                Notice::Changed | Notice::Rewatch => Event::FileChanged,
                Notice::Failed(reason) => Event::WatchFailed(reason),
            });
        })
        .map_err(|err| err.to_string())?;
        self.also.push(watch);
        Ok(())
    }

    /// Stops watching (a watch that failed hears nothing more).
    pub fn unwatch(&mut self) {
        self.watch = None;
    }

    /// Runs a save that must wait for another writer's lock on a thread of
    /// its own, so the screen keeps taking keys; it ends as `SaveEnded`.
    /// The file is read afresh there: the other writer changes it.
    pub fn save_waiting(&self, path: PathBuf, request: edit::Edit, options: load::Options) {
        let tx = self.tx.clone();
        thread::spawn(move || {
            let ended = edit::apply(&path, &request, options, None);
            let _ = tx.send(Event::SaveEnded(Box::new(ended)));
        });
    }

    /// Reads the git history of the file on a thread of its own (1 000
    /// commits take a while), one read at a time: a newer request cancels
    /// the read under way. It ends as `HistoryRead`, so the screen never
    /// waits for it.
    pub fn read_history(&self, request: Request) {
        self.history.request(request);
    }

    /// Sends `RetryWatch` after `delay`, to try again to watch a path whose
    /// directory is gone: the app's only timer, and it runs only while the
    /// watch is lost.
    pub fn retry_watch_after(&self, delay: Duration) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            std::thread::sleep(delay);
            let _ = tx.send(Event::RetryWatch);
        });
    }

    /// Blocks until the next event; `None` when every source is gone.
    pub fn next(&self) -> Option<Event> {
        self.rx.recv().ok()
    }

    /// Takes the next event if one is already waiting (to merge a burst of
    /// events into one draw).
    pub fn try_next(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }

    /// Stops reading the terminal, so that a program run in the foreground
    /// (the editor) gets every key. Returns once the input thread has parked.
    pub fn pause_input(&self) {
        self.input.pause();
    }

    /// Lets the input thread read the terminal again.
    pub fn resume_input(&self) {
        self.input.resume();
    }

    /// Drops the job-control signals that reached the whole foreground group
    /// while a child ran (Ctrl-Z or Ctrl-C typed in the editor were meant
    /// for it, not for the review screen); other events stay, in order.
    pub fn forget_child_signals(&self) {
        let kept: Vec<Event> = std::iter::from_fn(|| self.try_next())
            .filter(|event| {
                !matches!(
                    event,
                    Event::Suspend | Event::Continued | Event::Terminate(SIGINT | SIGQUIT)
                )
            })
            .collect();
        for event in kept {
            let _ = self.tx.send(event);
        }
    }
}

/// Lets the event loop park the input thread, which is otherwise blocked in
/// `event::read` and would race the editor for every key.
#[derive(Default)]
struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum GateState {
    #[default]
    Reading,
    PauseAsked,
    Parked,
    Stopped,
}

impl Gate {
    fn lock(&self) -> std::sync::MutexGuard<'_, GateState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn set(&self, state: GateState) {
        *self.lock() = state;
        self.changed.notify_all();
    }

    fn pause(&self) {
        {
            let mut state = self.lock();
            if *state != GateState::Reading {
                return;
            }
            *state = GateState::PauseAsked;
        }
        // `event::read` cannot be interrupted, but crossterm wakes it with a
        // resize event on SIGWINCH; the thread then sees the request and parks.
        // Failing to raise it leaves the reader where it is: nothing to undo.
        let _ = signal_hook::low_level::raise(SIGWINCH);
        let mut state = self.lock();
        while *state == GateState::PauseAsked {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    fn resume(&self) {
        let mut state = self.lock();
        if matches!(*state, GateState::PauseAsked | GateState::Parked) {
            *state = GateState::Reading;
            self.changed.notify_all();
        }
    }

    /// Called by the input thread between reads: parks while a pause is asked
    /// for or in force.
    fn wait_until_reading(&self) {
        let mut state = self.lock();
        if *state == GateState::PauseAsked {
            *state = GateState::Parked;
            self.changed.notify_all();
        }
        while *state == GateState::Parked {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }
}

fn read_input(tx: Sender<Event>, gate: Arc<Gate>, mouse: bool) -> std::io::Result<()> {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                gate.wait_until_reading();
                let event = match input::read() {
                    Ok(event) => event,
                    Err(_) if terminal::hung_up() => terminal::exit_on_hangup(),
                    Err(err) => {
                        gate.set(GateState::Stopped);
                        let _ = tx.send(Event::InputFailed(err.to_string()));
                        return;
                    }
                };
                let event = match event {
                    input::Event::Key(key) if key.kind != KeyEventKind::Release => Event::Key(key),
                    input::Event::Mouse(event) if mouse => Event::Mouse(event),
                    input::Event::Resize(columns, rows) => Event::Resize(columns, rows),
                    input::Event::Paste(text) => Event::Paste(text),
                    _ => continue,
                };
                if tx.send(event).is_err() {
                    gate.set(GateState::Stopped);
                    return;
                }
            }
        })
        .map(drop)
}

/// The terminal crossterm reads: standard input when it is a terminal, else
/// `/dev/tty`.
fn open_tty() -> std::io::Result<Option<File>> {
    if std::io::stdin().is_terminal() {
        return Ok(None);
    }
    File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map(Some)
}

/// Exits with code 129 as soon as the terminal hangs up. crossterm 0.29's
/// reader spins at full CPU on a closed terminal when SIGHUP never comes
/// (crossterm#793); `poll(2)` with no requested events still reports POLLHUP
/// and POLLERR, and blocks without waking until then.
fn watch_hangup() -> std::io::Result<()> {
    let tty = open_tty()?;
    thread::Builder::new()
        .name("hangup".into())
        .spawn(move || {
            let stdin = std::io::stdin();
            let fd: BorrowedFd<'_> = tty.as_ref().map_or(stdin.as_fd(), AsFd::as_fd);
            loop {
                let mut watched = [PollFd::new(&fd, PollFlags::empty())];
                match rustix::event::poll(&mut watched, None) {
                    Ok(_) => {}
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(_) => return,
                }
                let revents = watched[0].revents();
                if revents.intersects(PollFlags::HUP | PollFlags::ERR) {
                    terminal::exit_on_hangup();
                }
                if revents.contains(PollFlags::NVAL) {
                    // Not a terminal we can watch: nothing to catch here.
                    return;
                }
            }
        })
        .map(drop)
}

/// SIGHUP exits at once without touching the terminal; the others become
/// events. (Ctrl-C in raw mode is a key, not SIGINT.)
fn watch_signals(tx: Sender<Event>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let event = match signal {
                    SIGHUP => terminal::exit_on_hangup(),
                    SIGTSTP => Event::Suspend,
                    SIGCONT => Event::Continued,
                    other => Event::Terminate(other),
                };
                if tx.send(event).is_err() {
                    return;
                }
            }
        })
        .map(drop)
}
