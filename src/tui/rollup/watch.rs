//! Every path unit's file watched for saves with one watcher: one inotify
//! instance for the whole roll-up (a user often has only 128), a watch on
//! each unit's folder inside it, events filtered by file name (editors
//! save by rename, so the file itself is not watched). A save is told with
//! the unit's place once its first events have come in ([`GRACE`]) and
//! leave the file whole (a rename over it, a close after writing); a save
//! that starts by truncating is told once its folder is quiet
//! ([`DEBOUNCE`]), so a half-written file is not read. The plan's own
//! watch (`load::watch`) waits the same way.

use std::collections::{BTreeSet, HashMap};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, Flag};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the first events of a save are gathered before it is told: a
/// rename raises two or three in a row (the plan's watch waits as long).
const GRACE: Duration = crate::load::watch::GRACE;

/// How long a save that left the file half-written must be quiet.
const DEBOUNCE: Duration = crate::load::watch::DEBOUNCE;

/// A running watch; dropping it stops watching.
pub struct UnitsWatch {
    _watcher: RecommendedWatcher,
}

/// Watches the files `(place, path)`; `on_save` hears each save of one of
/// them with its place (on a thread of the watch's own).
pub fn watch_units(
    files: &[(usize, PathBuf)],
    on_save: impl FnMut(usize) + Send + 'static,
) -> notify::Result<UnitsWatch> {
    let mut places: HashMap<(PathBuf, OsString), Vec<usize>> = HashMap::new();
    for (at, path) in files {
        let resolved = std::fs::canonicalize(path).ok();
        for path in std::iter::once(path.as_path()).chain(resolved.as_deref()) {
            if let Some(key) = key_of(path) {
                let known = places.entry(key).or_default();
                if !known.contains(at) {
                    known.push(*at);
                }
            }
        }
    }
    let dirs: BTreeSet<PathBuf> = places.keys().map(|(dir, _)| dir.clone()).collect();
    let (sender, saves) = channel();
    let handler = move |event: notify::Result<notify::Event>| {
        let whole = event
            .as_ref()
            .map_or(true, |e| crate::load::watch::settles(&e.kind));
        for at in saved(event, &places) {
            let _ = sender.send((at, whole));
        }
    };
    let mut watcher = RecommendedWatcher::new(handler, notify::Config::default())?;
    for dir in &dirs {
        // A unit's folder that cannot be watched leaves that unit to `r`.
        let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
    }
    std::thread::Builder::new()
        .name("units-watch".into())
        .spawn(move || merge(&saves, on_save))
        .map_err(|err| notify::Error::generic(&err.to_string()))?;
    Ok(UnitsWatch { _watcher: watcher })
}

/// A file's folder (canonical, as events name it) and name.
fn key_of(path: &Path) -> Option<(PathBuf, OsString)> {
    let name = path.file_name()?.to_owned();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    Some((std::fs::canonicalize(&dir).unwrap_or(dir), name))
}

/// The places of the units one raw event says were saved: reads are not
/// saves; an overflow (events lost) or an event on a unit's folder itself
/// counts as a save of every unit it may hide.
fn saved(
    event: notify::Result<notify::Event>,
    places: &HashMap<(PathBuf, OsString), Vec<usize>>,
) -> Vec<usize> {
    let Ok(event) = event else {
        return Vec::new();
    };
    let every = || places.values().flatten().copied().collect();
    if event.flag() == Some(Flag::Rescan) {
        return every();
    }
    let read = matches!(event.kind, EventKind::Access(kind)
        if kind != AccessKind::Close(AccessMode::Write));
    if read {
        return Vec::new();
    }
    let mut found = Vec::new();
    for path in &event.paths {
        let on_dir = places.iter().filter(|((dir, _), _)| dir == path);
        found.extend(on_dir.flat_map(|(_, at)| at.iter().copied()));
        if let Some(at) = key_of_event(path).and_then(|key| places.get(&key)) {
            found.extend(at.iter().copied());
        }
    }
    found
}

/// An event's path as a key: its folder is already canonical.
fn key_of_event(path: &Path) -> Option<(PathBuf, OsString)> {
    Some((path.parent()?.to_owned(), path.file_name()?.to_owned()))
}

/// Tells each save once its first events are in: what comes within
/// [`GRACE`] of the first is merged, each unit told once; when one of
/// them left a file half-written, not before [`DEBOUNCE`] of quiet.
fn merge(saves: &Receiver<(usize, bool)>, mut on_save: impl FnMut(usize)) {
    let wait = |whole: bool| Instant::now() + if whole { GRACE } else { DEBOUNCE };
    while let Ok((first, whole)) = saves.recv() {
        let mut saved = BTreeSet::from([first]);
        let mut settled = whole;
        let mut until = wait(settled);
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match saves.recv_timeout(left) {
                Ok((at, whole)) => {
                    saved.insert(at);
                    settled &= whole;
                    // Half-written: told once quiet, as it is then.
                    if !settled {
                        until = wait(false);
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    saved.into_iter().for_each(&mut on_save);
                    return;
                }
            }
        }
        saved.into_iter().for_each(&mut on_save);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_events_of_one_save_tell_each_unit_once() {
        let (tx, rx) = channel();
        for event in [(3, true), (3, true), (1, true), (3, false)] {
            tx.send(event).unwrap();
        }
        drop(tx);
        let mut told = Vec::new();
        merge(&rx, |at| told.push(at));
        assert_eq!(told, [1, 3]);
    }

    #[test]
    fn a_half_written_file_is_told_only_once_its_folder_is_quiet() {
        let (tx, rx) = channel();
        let (told_tx, told) = channel();
        std::thread::spawn(move || merge(&rx, |at| told_tx.send(at).unwrap()));
        let start = Instant::now();
        tx.send((5, false)).unwrap();
        assert_eq!(told.recv_timeout(Duration::from_secs(5)), Ok(5));
        assert!(start.elapsed() >= DEBOUNCE, "{:?}", start.elapsed());
        tx.send((6, true)).unwrap();
        assert_eq!(told.recv_timeout(Duration::from_secs(5)), Ok(6));
    }
}
