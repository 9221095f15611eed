//! The file's git history, read off the screen's thread one read at a
//! time: a newer request cancels the read under way (it stops before its
//! next revision, its partial history dropped) and waits for it to end; a
//! request still waiting is replaced by the newer, never queued behind it.
//! So at most one reader thread runs, and it exists only while there is
//! something to read: an idle screen has none.
//!
//! The reader also compares the history with the figures shown (it parses
//! the shown text again, off the screen's thread), so that on a large plan
//! neither the first frame nor a key waits for the comparison.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use super::Event;
use crate::history::compare::Comparison;
use crate::history::{self, Cancel, History, Since, Stopped};
use crate::load::{self, Document, Opened};
use crate::model::PlanStatus;
use crate::tui::changes::{Absent, Arrived, Baselined};
use crate::tui::reclaim;

/// One history read to do.
pub struct Request {
    pub path: PathBuf,
    pub options: history::Options,
    /// Which read this is: only the newest one is shown.
    pub generation: u64,
    /// The baseline to compare with (`--since`, or the commit `b` / `B`
    /// stepped to).
    pub since: Since,
    /// The figures shown, to compare with here; `None`: the screen compares.
    pub shown: Option<Shown>,
    /// A history already read (the `--since` check before the terminal was
    /// set up): compared, not read again.
    pub read: Option<History>,
}

/// The figures shown, as their text and how it was loaded.
pub struct Shown {
    /// Shared with the screen's document: the screen never copies it.
    pub text: Arc<String>,
    pub options: load::Options,
    /// Which load of the screen this text is (see `Event::Recompared`).
    pub load: u64,
    /// The comparison of the figures shown before, to compare with this
    /// text first: the rows get their changes back before the history.
    pub redo: Option<Comparison>,
}

/// What the reader sends back.
#[derive(Debug)]
pub struct HistoryRead {
    pub generation: u64,
    pub arrived: Arrived,
}

/// Starts reads, one at a time.
pub struct Reader {
    tx: Sender<Event>,
    state: Arc<Mutex<State>>,
    /// The last thread started: it may still be on its way out.
    thread: Mutex<Option<JoinHandle<()>>>,
}

#[derive(Default)]
struct State {
    /// The read under way, when a thread runs.
    running: Option<Cancel>,
    /// The next read, when one waits for the running one to stop.
    waiting: Option<Request>,
}

impl Reader {
    pub fn new(tx: Sender<Event>) -> Reader {
        Reader {
            tx,
            state: Arc::default(),
            thread: Mutex::default(),
        }
    }

    /// Reads as `request` says, after the read under way (cancelled now)
    /// ends; it ends as `Event::HistoryRead`.
    pub fn request(&self, mut request: Request) {
        let mut state = lock(&self.state);
        if let Some(replaced) = state.waiting.take() {
            keep_redo(&mut request, replaced);
        }
        state.waiting = Some(request);
        if let Some(running) = &state.running {
            running.cancel();
            return;
        }
        state.running = Some(Cancel::default());
        drop(state);
        let mut thread = self.thread.lock().unwrap_or_else(PoisonError::into_inner);
        // The last thread has nothing left to read: let it end before
        // another starts, so that two never overlap.
        if let Some(ended) = thread.take() {
            let _ = ended.join();
        }
        let (tx, shared) = (self.tx.clone(), Arc::clone(&self.state));
        let spawned = std::thread::Builder::new()
            .name("history".into())
            .spawn(move || serve(&tx, &shared));
        match spawned {
            Ok(spawned) => *thread = Some(spawned),
            // Without a thread the read is done here: slower, never lost.
            Err(_) => serve(&self.tx, &self.state),
        }
    }
}

/// A waiting request that never ran may carry the comparison the screen
/// set aside: the request that replaces it takes it over.
fn keep_redo(request: &mut Request, replaced: Request) {
    let redo = replaced.shown.and_then(|shown| shown.redo);
    if let (Some(shown), Some(redo)) = (request.shown.as_mut(), redo)
        && shown.redo.is_none()
    {
        shown.redo = Some(redo);
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Reads request after request until none waits.
fn serve(tx: &Sender<Event>, state: &Mutex<State>) {
    let _ended = Ended(state);
    loop {
        let (request, cancel) = {
            let mut state = lock(state);
            let Some(request) = state.waiting.take() else {
                state.running = None;
                return;
            };
            let cancel = Cancel::default();
            state.running = Some(cancel.clone());
            (request, cancel)
        };
        let generation = request.generation;
        let arrived = read(request, &cancel, tx, |redo| pass_on(state, redo));
        // Outside git nothing was loaded: no trim then, which would hold
        // the allocator's locks while the screen takes in a reload.
        let absent = matches!(&arrived, Some(Arrived::Read { read, .. })
            if matches!(read.as_ref(), Err(err) if Absent::from_error(err) == Absent::NotInGit));
        if let Some(arrived) = arrived.filter(|_| !cancel.is_cancelled()) {
            let _ = tx.send(Event::HistoryRead(Box::new(HistoryRead {
                generation,
                arrived,
            })));
        }
        // What the read loaded and let go (every revision's plan, a
        // cancelled read's partial history) goes back to the system.
        if !absent {
            reclaim::trim_heap();
        }
    }
}

/// A comparison set aside that a cancelled read did not send goes to the
/// request waiting (it compares it with the newer figures), unless that
/// one has its own.
fn pass_on(state: &Mutex<State>, redo: Comparison) {
    let mut state = lock(state);
    if let Some(shown) = state.waiting.as_mut().and_then(|r| r.shown.as_mut())
        && shown.redo.is_none()
    {
        shown.redo = Some(redo);
    }
}

/// Says that no read runs when the thread ends, even by a panic (else
/// every later request would wait for it forever).
struct Ended<'s>(&'s Mutex<State>);

impl Drop for Ended<'_> {
    fn drop(&mut self) {
        // A thread that returned has said so already, under the lock.
        if std::thread::panicking() {
            lock(self.0).running = None;
        }
    }
}

/// One read and its comparison; `None` when cancelled (a comparison set
/// aside and not sent then goes to `pass_on`).
fn read(
    request: Request,
    cancel: &Cancel,
    tx: &Sender<Event>,
    pass_on: impl FnOnce(Comparison),
) -> Option<Arrived> {
    let Request {
        path,
        options,
        since,
        mut shown,
        read,
        ..
    } = request;
    if let Some(shown) = shown.as_mut()
        && let Some(redo) = shown.redo.take()
        && let Some(redo) = recompare(&path, shown, redo, cancel, tx)
    {
        pass_on(redo);
        return None;
    }
    let read = match read {
        Some(history) => Ok(history),
        None => history::read_unless_cancelled(&path, options, cancel),
    };
    let history = match read {
        Ok(history) => history,
        Err(Stopped::Cancelled) => return None,
        Err(Stopped::Failed(err)) => {
            let read = Box::new(Err(err));
            return Some(Arrived::Read {
                read,
                rev_baseline: None,
            });
        }
    };
    let rev_baseline = match &since {
        Since::Rev(_) => history.baseline(&since, options.today).ok().flatten(),
        _ => None,
    };
    // Parsed only now that the revisions' plans are freed: the two would
    // otherwise be in memory at once.
    let parsed = shown.and_then(|shown| {
        let text = Arc::unwrap_or_clone(shown.text);
        parse(&path, text, shown.options)
    });
    let Some((document, status)) = parsed.filter(|_| !cancel.is_cancelled()) else {
        let read = Box::new(Ok(history));
        return (!cancel.is_cancelled()).then_some(Arrived::Read { read, rev_baseline });
    };
    let baselined = Baselined::new(history, &since, rev_baseline, document.plan(), &status);
    Some(Arrived::Compared {
        baselined: Box::new(baselined),
        since,
    })
}

/// Compares `redo` with the figures shown and sends it back at once (the
/// rows get their changes before the history is read); the plan parsed for
/// it is let go before the history is read. Gives it back unsent when the
/// read is cancelled: newer figures wait.
fn recompare(
    path: &Path,
    shown: &Shown,
    mut redo: Comparison,
    cancel: &Cancel,
    tx: &Sender<Event>,
) -> Option<Comparison> {
    if cancel.is_cancelled() {
        return Some(redo);
    }
    let (document, status) = parse(path, String::clone(&shown.text), shown.options)?;
    redo.compare(document.plan(), &status);
    if cancel.is_cancelled() {
        return Some(redo);
    }
    let comparison = Box::new(redo);
    let _ = tx.send(Event::Recompared {
        load: shown.load,
        comparison,
    });
    None
}

/// The figures of `text` and their statuses, when it loads.
fn parse(path: &Path, text: String, options: load::Options) -> Option<(Document, PlanStatus)> {
    let document = Opened::parse(path, text, options).into_document()?;
    let status = PlanStatus::compute(document.plan(), document.as_of());
    Some((document, status))
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
