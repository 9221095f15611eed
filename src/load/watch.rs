//! Watching a plan file for saves.
//!
//! Editors save in several ways (write in place, truncate and write, write a
//! temporary file and rename it over, delete and create). A watch on the file
//! itself goes deaf after the first rename, so the file's directory is watched
//! and events are filtered by name. Events are debounced with
//! `notify-debouncer-mini`, which blocks while nothing happens (the "full"
//! debouncer wakes 20 times a second even when idle).
//!
//! Opening or reading the file also raises inotify events; those are dropped
//! before debouncing, or the app's own reload would trigger the next one.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventHandler, EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{Config, DebounceEventResult, Debouncer, new_debouncer_opt};

/// How long the directory must be quiet before a batch of events is reported:
/// long enough to merge the steps of one save, short enough to feel live.
pub const DEBOUNCE: Duration = Duration::from_millis(120);

/// A running watch; dropping it stops watching.
pub struct FileWatch {
    _debouncer: Debouncer<ChangesOnly>,
}

impl std::fmt::Debug for FileWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FileWatch")
    }
}

/// Where a watched name lives: its directory (as watched) and its file name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Target {
    dir: PathBuf,
    name: OsString,
}

impl Target {
    fn of(path: &Path) -> Option<Target> {
        let name = path.file_name()?.to_owned();
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
            _ => PathBuf::from("."),
        };
        // Events name paths under the directory as watched; a canonical
        // directory makes the comparison independent of how the path was given.
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        Some(Target { dir, name })
    }

    fn matches(&self, path: &Path) -> bool {
        path.file_name() == Some(self.name.as_os_str()) && path.parent() == Some(self.dir.as_path())
    }
}

/// Calls `on_change` (on the watcher's thread) after each debounced batch of
/// events that touched `path`: written, truncated, renamed over, deleted or
/// created. When `path` is a symbolic link, its target's directory is watched
/// too, so saves through the link and to the target are both seen.
///
/// `on_change` receives `Err` with a one-line reason when the watch itself
/// fails (for instance the directory was removed).
pub fn watch<F>(path: &Path, mut on_change: F) -> notify::Result<FileWatch>
where
    F: FnMut(Result<(), String>) + Send + 'static,
{
    let mut targets: Vec<Target> = Target::of(path).into_iter().collect();
    if let Some(resolved) = std::fs::canonicalize(path)
        .ok()
        .and_then(|p| Target::of(&p))
        && !targets.contains(&resolved)
    {
        targets.push(resolved);
    }
    if targets.is_empty() {
        return Err(notify::Error::path_not_found().add_path(path.to_owned()));
    }
    let watched = targets.clone();
    let handler = move |result: DebounceEventResult| match result {
        Ok(events) => {
            if events
                .iter()
                .any(|event| watched.iter().any(|t| t.matches(&event.path)))
            {
                on_change(Ok(()));
            }
        }
        Err(err) => on_change(Err(err.to_string())),
    };
    let config = Config::default()
        .with_timeout(DEBOUNCE)
        .with_batch_mode(true);
    let mut debouncer = new_debouncer_opt::<_, ChangesOnly>(config, handler)?;
    let mut dirs: Vec<&Path> = Vec::new();
    for target in &targets {
        if !dirs.contains(&target.dir.as_path()) {
            debouncer
                .watcher()
                .watch(&target.dir, RecursiveMode::NonRecursive)?;
            dirs.push(&target.dir);
        }
    }
    Ok(FileWatch {
        _debouncer: debouncer,
    })
}

/// The platform watcher with reads dropped: opening, reading and closing a
/// file unchanged are not changes.
struct ChangesOnly(RecommendedWatcher);

fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

impl notify::Watcher for ChangesOnly {
    fn new<F: EventHandler>(mut event_handler: F, config: notify::Config) -> notify::Result<Self> {
        let filter = move |event: notify::Result<notify::Event>| match &event {
            Ok(e) if !is_change(&e.kind) => {}
            _ => event_handler.handle_event(event),
        };
        RecommendedWatcher::new(filter, config).map(ChangesOnly)
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        self.0.watch(path, recursive_mode)
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.0.unwatch(path)
    }

    fn configure(&mut self, option: notify::Config) -> notify::Result<bool> {
        self.0.configure(option)
    }

    fn kind() -> notify::WatcherKind {
        RecommendedWatcher::kind()
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod tests;
