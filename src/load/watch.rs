//! Watching a plan file for saves.
//!
//! Editors save in several ways (write in place, truncate and write, write a
//! temporary file and rename it over, delete and create). A watch on the file
//! itself goes deaf after the first rename, so the file's directory is watched
//! and events are filtered by name.
//!
//! A save whose first events leave the file whole (a rename over it, a
//! close after writing) is reported after a [`GRACE`] of a few milliseconds,
//! and what follows until the directory has been quiet for [`DEBOUNCE`] is
//! merged into one more report: a save by rename is on screen at once. A
//! save that starts by truncating is reported once quiet, as before, so a
//! half-written file is never read. The thread that merges blocks while nothing
//! happens; nothing wakes up while idle.
//!
//! Opening or reading the file also raises inotify events; those are dropped,
//! or the app's own reload would trigger the next one.
//!
//! The watch is on the directory's inode: when the directory itself is
//! renamed away or removed (a re-clone, a deploy that swaps directories) it
//! goes deaf, and when the kernel's queue overflows events are lost. Both
//! are reported as [`Notice::Rewatch`]: reload now and watch again.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, Flag, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the directory must be quiet after a reported event before the
/// next one is reported at once: long enough to merge the steps of one
/// save into one more report.
pub const DEBOUNCE: Duration = Duration::from_millis(120);

/// How long the first events of a save are gathered before it is reported
/// at once: a rename raises two or three in a row, and a truncate-and-write
/// after it (reading between them would show a half-written file) comes
/// within microseconds.
pub const GRACE: Duration = Duration::from_millis(15);

/// A running watch; dropping it stops watching.
pub struct FileWatch {
    // Dropping the watcher drops its sender: the merging thread then ends.
    _watcher: RecommendedWatcher,
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

/// Calls `on_change` (on a thread of the watch's own) when a save touches
/// `path` (see [`Notice`]): at its first event, and once more for what
/// follows it. When `path` is a symbolic link, its target's directory is
/// watched too, so saves through the link and to the target are both seen.
pub fn watch<F>(path: &Path, on_change: F) -> notify::Result<FileWatch>
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
    let (sender, notices) = channel();
    let watched = targets.clone();
    let handler = move |event: notify::Result<notify::Event>| {
        let settled = event.as_ref().map_or(true, |e| settles(&e.kind));
        if let Some(notice) = notice_of(event, &watched) {
            let _ = sender.send((notice, settled));
        }
    };
    let mut watcher = RecommendedWatcher::new(handler, notify::Config::default())?;
    let mut dirs: Vec<&Path> = Vec::new();
    for target in &targets {
        if !dirs.contains(&target.dir.as_path()) {
            watcher.watch(&target.dir, RecursiveMode::NonRecursive)?;
            dirs.push(&target.dir);
        }
    }
    std::thread::Builder::new()
        .name("file-watch".into())
        .spawn(move || merge(&notices, on_change))
        .map_err(|err| notify::Error::generic(&err.to_string()))?;
    Ok(FileWatch { _watcher: watcher })
}

/// What one raw event says about the watched files, if anything: reads are
/// not changes; an event on a watched directory itself, or an overflow (a
/// rescan), asks for a new watch.
fn notice_of(event: notify::Result<notify::Event>, watched: &[Target]) -> Option<Notice> {
    let event = match event {
        Ok(event) => event,
        Err(err) => return Some(Notice::Failed(err.to_string())),
    };
    if event.flag() == Some(Flag::Rescan) {
        return Some(Notice::Rewatch);
    }
    if !is_change(&event.kind) {
        return None;
    }
    let on_dir = |path: &PathBuf| watched.iter().any(|t| &t.dir == path);
    if event.paths.iter().any(on_dir) {
        return Some(Notice::Rewatch);
    }
    let on_file = |path: &PathBuf| watched.iter().any(|t| t.matches(path));
    event.paths.iter().any(on_file).then_some(Notice::Changed)
}

/// Reports a save at once when its first events, those within [`GRACE`],
/// all leave the file whole (a rename over it, a close after writing);
/// otherwise (a truncate, then writes) once [`DEBOUNCE`] passes quiet. What
/// comes after a report until then is merged into one more (a `Rewatch`
/// outranks a `Changed`). Blocks while nothing comes; ends when the watch
/// is dropped.
fn merge(notices: &Receiver<(Notice, bool)>, mut on_change: impl FnMut(Notice)) {
    while let Ok((mut first, mut settled)) = notices.recv() {
        let grace = std::time::Instant::now() + GRACE;
        loop {
            let left = grace.saturating_duration_since(std::time::Instant::now());
            match notices.recv_timeout(left) {
                Ok((next, whole)) => {
                    first = stronger(first, next);
                    settled &= whole;
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return on_change(first),
            }
        }
        let mut pending = None;
        if settled {
            on_change(first);
        } else {
            pending = Some(first);
        }
        loop {
            match notices.recv_timeout(DEBOUNCE) {
                Ok((notice, _)) => {
                    pending = Some(match pending {
                        Some(before) => stronger(before, notice),
                        None => notice,
                    });
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    pending.into_iter().for_each(&mut on_change);
                    return;
                }
            }
        }
        pending.into_iter().for_each(&mut on_change);
    }
}

/// An event after which the file is whole: renamed over, closed after
/// writing, removed (or the directory's own: reload now). The roll-up's
/// watch of its units reads them by the same rule.
pub fn settles(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Modify(ModifyKind::Name(_))
            | EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Remove(_)
            | EventKind::Other
    )
}

/// Of two notices merged, the one to act on: a new watch covers a reload.
fn stronger(a: Notice, b: Notice) -> Notice {
    match (&a, &b) {
        (Notice::Rewatch, _) | (Notice::Failed(_), Notice::Changed) => a,
        _ => b,
    }
}

fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod tests;
