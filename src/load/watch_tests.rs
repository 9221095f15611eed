use std::fs;
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use super::*;

/// Generous: the debounce is 120 ms, a loaded CI machine may be slow.
const SEEN: Duration = Duration::from_secs(5);
/// How long to wait to be sure nothing was reported: several debounce periods.
const QUIET: Duration = Duration::from_millis(600);

struct Fixture {
    dir: tempfile::TempDir,
    path: PathBuf,
    events: Receiver<Notice>,
    _watch: FileWatch,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    fs::write(&path, "done = 1\n").unwrap();
    let (tx, events) = channel();
    let watch = watch(&path, move |change| {
        let _ = tx.send(change);
    })
    .unwrap();
    Fixture {
        dir,
        path,
        events,
        _watch: watch,
    }
}

impl Fixture {
    /// A save is reported, and then at most once more. The debounce merges
    /// the steps of one save into one report, but on a loaded machine (the
    /// test threads run side by side on two cores) the watcher's threads
    /// can run more than the debounce period apart and report twice; the
    /// screen then compares the bytes and skips the second. More than two
    /// would be a save reported over and over.
    fn assert_reported(&self, what: &str) {
        match self.events.recv_timeout(SEEN) {
            Ok(Notice::Changed) => {}
            Ok(other) => panic!("{what}: {other:?} instead of a change"),
            Err(_) => panic!("{what}: no change reported within {SEEN:?}"),
        }
        match self.events.recv_timeout(QUIET) {
            Err(RecvTimeoutError::Timeout) | Ok(Notice::Changed) => {}
            other => panic!("{what}: unexpected report {other:?}"),
        }
        self.assert_quiet(what);
    }

    fn assert_quiet(&self, what: &str) {
        match self.events.recv_timeout(QUIET) {
            Err(RecvTimeoutError::Timeout) => {}
            other => panic!("{what}: unexpected report {other:?}"),
        }
    }
}

#[test]
fn write_in_place_is_reported() {
    let f = fixture();
    let mut file = fs::OpenOptions::new().append(true).open(&f.path).unwrap();
    file.write_all(b"total = 2\n").unwrap();
    drop(file);
    f.assert_reported("write in place");
}

#[test]
fn truncate_and_write_is_reported() {
    let f = fixture();
    fs::write(&f.path, "done = 2\n").unwrap();
    f.assert_reported("truncate and write");
}

#[test]
fn temp_and_rename_is_reported_and_the_watch_survives_it() {
    let f = fixture();
    for round in 0..3 {
        let temp = f.dir.path().join(".campaigns.toml.tmp");
        fs::write(&temp, format!("done = {round}\n")).unwrap();
        fs::rename(&temp, &f.path).unwrap();
        f.assert_reported(&format!("rename over, round {round}"));
    }
}

#[test]
fn delete_and_create_is_reported() {
    let f = fixture();
    fs::remove_file(&f.path).unwrap();
    fs::write(&f.path, "done = 3\n").unwrap();
    f.assert_reported("delete and create");
}

#[test]
fn delete_alone_is_reported() {
    let f = fixture();
    fs::remove_file(&f.path).unwrap();
    f.assert_reported("delete");
}

#[test]
fn reading_the_file_is_not_a_change() {
    let f = fixture();
    let mut text = String::new();
    fs::File::open(&f.path)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, "done = 1\n");
    f.assert_quiet("read");
}

#[test]
fn other_files_in_the_directory_are_ignored() {
    let f = fixture();
    fs::write(f.dir.path().join("notes.txt"), "x").unwrap();
    fs::write(f.dir.path().join("campaigns.toml.bak"), "x").unwrap();
    f.assert_quiet("other files");
    fs::write(&f.path, "done = 4\n").unwrap();
    f.assert_reported("the file after other files");
}

#[test]
fn a_relative_path_is_watched_in_the_current_directory_form() {
    // `Target::of` gives a bare name the directory ".", canonicalised.
    let target = Target::of(Path::new("campaigns.toml")).unwrap();
    assert_eq!(target.dir, fs::canonicalize(".").unwrap());
    assert!(target.matches(&target.dir.join("campaigns.toml")));
    assert!(!target.matches(&target.dir.join("campaigns.toml.swp")));
}

#[cfg(unix)]
#[test]
fn a_symlink_is_followed_to_its_target_directory() {
    let f = fixture();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("plan.toml");
    std::os::unix::fs::symlink(&f.path, &link).unwrap();
    let (tx, events) = channel();
    let _watch = watch(&link, move |change| {
        let _ = tx.send(change);
    })
    .unwrap();
    // A save to the target by rename, as an editor opened on the target does.
    let temp = f.dir.path().join("tmp");
    fs::write(&temp, "done = 9\n").unwrap();
    fs::rename(&temp, &f.path).unwrap();
    assert_eq!(events.recv_timeout(SEEN), Ok(Notice::Changed));
}

/// Waits for a `Rewatch` among what is reported (the file's own events may
/// come first, in the same batch or just before).
fn assert_rewatch(events: &Receiver<Notice>, what: &str) {
    let deadline = std::time::Instant::now() + SEEN;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok(Notice::Rewatch) => return,
            Ok(_) => continue,
            Err(_) => panic!("{what}: no Rewatch within {SEEN:?}"),
        }
    }
}

#[test]
fn the_directory_renamed_away_asks_for_a_new_watch() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("plan");
    fs::create_dir(&dir).unwrap();
    let path = dir.join("campaigns.toml");
    fs::write(&path, "done = 1\n").unwrap();
    let (tx, events) = channel();
    let _watch = watch(&path, move |notice| {
        let _ = tx.send(notice);
    })
    .unwrap();
    // A deploy swaps directories: the old one goes, a new one takes its name.
    fs::rename(&dir, parent.path().join("plan.old")).unwrap();
    fs::create_dir(&dir).unwrap();
    fs::write(&path, "done = 2\n").unwrap();
    assert_rewatch(&events, "directory renamed away");
}

#[test]
fn the_directory_removed_asks_for_a_new_watch() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("plan");
    fs::create_dir(&dir).unwrap();
    let path = dir.join("campaigns.toml");
    fs::write(&path, "done = 1\n").unwrap();
    let (tx, events) = channel();
    let _watch = watch(&path, move |notice| {
        let _ = tx.send(notice);
    })
    .unwrap();
    fs::remove_dir_all(&dir).unwrap();
    assert_rewatch(&events, "directory removed");
}

/// A save by rename (vim, `sed -i`) is reported at once, not after the
/// whole debounce: the screen shows it within 100 ms. What follows the
/// first event is merged, so a save is still reported at most twice.
#[test]
fn a_save_by_rename_is_reported_within_100_ms() {
    let f = fixture();
    let mut waits = Vec::new();
    for round in 0..10 {
        let temp = f.dir.path().join(format!(".campaigns.toml.{round}~"));
        fs::write(&temp, format!("done = {round}\n")).unwrap();
        let saved = std::time::Instant::now();
        fs::rename(&temp, &f.path).unwrap();
        match f.events.recv_timeout(SEEN) {
            Ok(Notice::Changed) => waits.push(saved.elapsed()),
            other => panic!("round {round}: {other:?}"),
        }
        // Whatever else this save raised is merged into at most one more.
        match f.events.recv_timeout(QUIET) {
            Err(RecvTimeoutError::Timeout) | Ok(Notice::Changed) => {}
            other => panic!("round {round}: unexpected report {other:?}"),
        }
        f.assert_quiet(&format!("round {round}"));
    }
    waits.sort();
    let median = waits[waits.len() / 2];
    assert!(median < Duration::from_millis(100), "{waits:?}");
}
