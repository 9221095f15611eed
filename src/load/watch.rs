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
//!
//! The watch is on the directory's inode: when the directory itself is
//! renamed away or removed (a re-clone, a deploy that swaps directories) it
//! goes deaf, and when the kernel's queue overflows events are lost. Both
//! are reported as [`Notice::Rewatch`]: reload now and watch again.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, Flag};
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

/// What a watch tells its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The file was written, truncated, renamed over, deleted or created.
    Changed,
    /// The watched directory was renamed away or removed, or events were
    /// lost to an overflow: the file may have changed unseen, and this
    /// watch may hear nothing more. Reload, and watch the path again.
    Rewatch,
    /// The watch itself failed (a one-line reason).
    Failed(String),
}

/// Calls `on_change` (on the watcher's thread) after each debounced batch of
/// events that touched `path` (see [`Notice`]). When `path` is a symbolic
/// link, its target's directory is watched too, so saves through the link
/// and to the target are both seen.
pub fn watch<F>(path: &Path, mut on_change: F) -> notify::Result<FileWatch>
where
    F: FnMut(Notice) + Send + 'static,
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
            // Events on a watched directory itself (ChangesOnly also turns
            // an overflow into one) come before those on the file.
            if events
                .iter()
                .any(|event| watched.iter().any(|t| t.dir == event.path))
            {
                on_change(Notice::Rewatch);
            } else if events
                .iter()
                .any(|event| watched.iter().any(|t| t.matches(&event.path)))
            {
                on_change(Notice::Changed);
            }
        }
        Err(err) => on_change(Notice::Failed(err.to_string())),
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

/// The platform watcher with reads dropped (opening, reading and closing a
/// file unchanged are not changes), and an overflow, which names no path,
/// passed on as an event on every watched directory.
struct ChangesOnly {
    watcher: RecommendedWatcher,
    dirs: Arc<Mutex<Vec<PathBuf>>>,
}

fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

impl notify::Watcher for ChangesOnly {
    fn new<F: EventHandler>(mut event_handler: F, config: notify::Config) -> notify::Result<Self> {
        let dirs = Arc::new(Mutex::new(Vec::<PathBuf>::new()));
        let watched = Arc::clone(&dirs);
        let filter = move |event: notify::Result<notify::Event>| match event {
            Ok(e) if e.flag() == Some(Flag::Rescan) => {
                // The debouncer keys events by path: give it the directories.
                let dirs = watched.lock().unwrap_or_else(PoisonError::into_inner);
                let mut lost = notify::Event::new(EventKind::Other).set_flag(Flag::Rescan);
                lost.paths = dirs.clone();
                event_handler.handle_event(Ok(lost));
            }
            Ok(e) if !is_change(&e.kind) => {}
            event => event_handler.handle_event(event),
        };
        let watcher = RecommendedWatcher::new(filter, config)?;
        Ok(ChangesOnly { watcher, dirs })
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        self.watcher.watch(path, recursive_mode)?;
        let mut dirs = self.dirs.lock().unwrap_or_else(PoisonError::into_inner);
        dirs.push(path.to_owned());
        Ok(())
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.watcher.unwatch(path)?;
        let mut dirs = self.dirs.lock().unwrap_or_else(PoisonError::into_inner);
        dirs.retain(|dir| dir != path);
        Ok(())
    }

    fn configure(&mut self, option: notify::Config) -> notify::Result<bool> {
        self.watcher.configure(option)
    }

    fn kind() -> notify::WatcherKind {
        RecommendedWatcher::kind()
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod tests;
