//! The history reader: a newer request cancels the read under way and
//! replaces the one waiting; only the newest is read and sent, compared
//! with the figures shown; a comparison set aside comes back first.

use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use super::*;
use crate::history::compare::Baseline;
use crate::history::read_tests::{options, repository};

/// The text the screen shows: HEAD's, with the task's `done` at 10.
fn shown_text(path: &std::path::Path) -> String {
    let head = std::fs::read_to_string(path).unwrap();
    head.replace("done = 4", "done = 10")
}

fn request(path: &std::path::Path, generation: u64, redo: Option<Comparison>) -> Request {
    Request {
        path: path.to_path_buf(),
        options: options(),
        generation,
        since: Since::LastReport,
        shown: Some(Shown {
            text: shown_text(path).into(),
            options: load::Options {
                as_of: None,
                today: options().today,
            },
            load: generation,
            redo,
        }),
        read: None,
    }
}

fn events(rx: &Receiver<Event>) -> Vec<Event> {
    rx.try_iter().collect()
}

/// A comparison of the shown figures with themselves: nothing moved.
fn comparison_with_itself(path: &std::path::Path) -> Comparison {
    let document = Opened::parse(
        path,
        shown_text(path),
        request(path, 0, None).shown.unwrap().options,
    )
    .into_document()
    .unwrap();
    let status = PlanStatus::compute(document.plan(), document.as_of());
    let baseline = Baseline::of_plan(document.plan(), &status, Some("abc"));
    Comparison::new(baseline, document.plan(), &status)
}

#[test]
fn requests_while_a_read_runs_cancel_it_and_only_the_newest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    let (tx, rx) = channel();
    let reader = Reader::new(tx);
    // A read under way (its thread is this test).
    let running = Cancel::default();
    lock(&reader.state).running = Some(running.clone());
    for generation in 1..=4 {
        reader.request(request(&path, generation, None));
        assert!(running.is_cancelled());
    }
    assert!(reader.thread.lock().unwrap().is_none(), "no second thread");
    let waiting = lock(&reader.state).waiting.as_ref().map(|r| r.generation);
    assert_eq!(waiting, Some(4), "the newest replaced the others");
    // The running read ends, and its thread reads what waits.
    serve(&reader.tx, &reader.state);
    let events = events(&rx);
    assert_eq!(events.len(), 1, "{events:?}");
    let Event::HistoryRead(read) = &events[0] else {
        panic!("{events:?}");
    };
    assert_eq!(read.generation, 4);
    let Arrived::Compared { baselined, since } = &read.arrived else {
        panic!("{:?}", read.arrived);
    };
    assert_eq!(*since, Since::LastReport);
    // Compared with the figures shown, 10, against the last report's 3.
    let keys: Vec<&str> = baselined.changes().iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["c/t"]);
    assert!(lock(&reader.state).running.is_none());
}

#[test]
fn a_comparison_set_aside_is_compared_first_and_survives_a_newer_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    let (tx, rx) = channel();
    let reader = Reader::new(tx);
    lock(&reader.state).running = Some(Cancel::default());
    let redo = comparison_with_itself(&path);
    reader.request(request(&path, 1, Some(redo)));
    // The newer request carries none: it takes the waiting one's over.
    reader.request(request(&path, 2, None));
    serve(&reader.tx, &reader.state);
    let events = events(&rx);
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(
        matches!(&events[0], Event::Recompared { load: 2, comparison } if comparison.changes().is_empty()),
        "{events:?}"
    );
    assert!(matches!(&events[1], Event::HistoryRead(read) if read.generation == 2));
}

#[test]
fn a_read_runs_on_a_thread_of_its_own_that_ends_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 3);
    let (tx, rx) = channel();
    let reader = Reader::new(tx);
    reader.request(request(&path, 7, None));
    let event = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    assert!(matches!(&event, Event::HistoryRead(read) if read.generation == 7));
    let thread = reader.thread.lock().unwrap().take().unwrap();
    assert_eq!(thread.thread().name(), Some("history"));
    thread.join().unwrap();
    assert!(lock(&reader.state).running.is_none());
}

#[test]
fn a_history_read_already_is_compared_not_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 3);
    let history = history::read(&path, options()).unwrap();
    // Gone from disk: only the history handed in can be compared.
    std::fs::remove_dir_all(dir.path().join(".git")).unwrap();
    let (tx, rx) = channel();
    let mut handed = request(&path, 1, None);
    handed.read = Some(history);
    let cancel = Cancel::default();
    let arrived = read(handed, &cancel, &tx, drop).unwrap();
    assert!(matches!(arrived, Arrived::Compared { .. }), "{arrived:?}");
    assert!(events(&rx).is_empty());
}

#[test]
fn a_comparison_set_aside_goes_on_to_the_newer_request_when_its_read_is_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    let (tx, rx) = channel();
    let state = Mutex::new(State::default());
    // A newer request waits, and the read under way is cancelled.
    state.lock().unwrap().waiting = Some(request(&path, 2, None));
    let cancel = Cancel::default();
    cancel.cancel();
    let redo = comparison_with_itself(&path);
    let older = request(&path, 1, Some(redo));
    let arrived = read(older, &cancel, &tx, |redo| pass_on(&state, redo));
    assert!(arrived.is_none());
    assert!(events(&rx).is_empty(), "nothing sent for older figures");
    let waiting = state.into_inner().unwrap().waiting.unwrap();
    assert!(waiting.shown.unwrap().redo.is_some(), "passed on");
}
