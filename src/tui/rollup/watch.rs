//! Every path unit's file watched for saves with one watcher: one inotify
//! instance for the whole roll-up (a user often has only 128), a watch on
//! each unit's folder inside it, events filtered by file name (editors
//! save by rename, so the file itself is not watched). A save is told with
//! the unit's place once its first events have come in ([`GRACE`]); the
//! reader merges what comes after into its next read.

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
        for at in saved(event, &places) {
            let _ = sender.send(at);
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
/// [`GRACE`] of the first is merged, each unit told once.
fn merge(saves: &Receiver<usize>, mut on_save: impl FnMut(usize)) {
    while let Ok(first) = saves.recv() {
        let mut saved = BTreeSet::from([first]);
        let until = Instant::now() + GRACE;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match saves.recv_timeout(left) {
                Ok(at) => {
                    saved.insert(at);
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
