//! The one write-back path, used by the app's `+`/`-`/`u` and by
//! `campaigns set`: lock, read what is on disk now, take it as loaded (the
//! caller's document while it still holds that text, else a load of it),
//! change one value, check the result, replace the file atomically. Every
//! byte other than the changed value stays as it was.
//!
//! toml_edit parses the item's section, or its campaign's (keeping spans),
//! to find the value; the edit is then a splice of the original text at
//! that span, so comments, layout and line endings (CRLF included, which
//! toml_edit's own printer turns into LF) are untouched. The result is
//! checked by re-reading the part that changed, else by loading it whole:
//! one whole parse to load, at most one to check, nothing else.

mod change;
mod edited;
mod error;
mod literal;
mod locate;
mod lock;
mod point_lines;
mod record_note;
pub mod rollover;
mod save;
mod splice;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use error::EditError;
pub use literal::parse_figure;
pub use lock::{LOCK_TIMEOUT, lock_path};

use crate::load::{self, Document, Options, ReadError};
use crate::model::Lang;
use save::Stamp;

/// A new figure for a task or an indicator.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A task's `done`.
    SetDone(f64),
    /// Add to a task's `done` (may be negative), counted from the file as it is now.
    AddDone(f64),
    /// An indicator's `value`: a number, or a water class (I..劣V, Ⅰ..Ⅴ).
    SetValue(String),
    /// Undo: the figure (a task's `done` or an indicator's `value`) back
    /// to `to`, refused unless the file still holds `from`, what the write
    /// being undone left there.
    Restore { to: String, from: String },
}

/// When a history point is recorded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Record {
    At(NaiveDate),
    /// At the reporting date of the file as it is when written: `--as-of`,
    /// else its `meta.as_of`, else today.
    ReportingDate,
}

/// One update of one item, addressed as CAMPAIGN/ITEM.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub campaign: String,
    pub item: String,
    pub change: Option<Change>,
    /// Sets the note: a plain string, or in a table of translations the
    /// entry of `lang`.
    pub note: Option<String>,
    /// The language of the note: the caller's (`--lang`, the screen's).
    pub lang: Lang,
    /// Appends a history point, replacing one of the same date.
    pub record: Option<Record>,
}

/// What was written.
#[derive(Debug)]
pub struct Saved {
    /// The real file written (symlinks resolved).
    pub path: PathBuf,
    /// One line, e.g. "clear-water/yangtze-outfalls: done 110 → 111".
    pub summary: String,
    pub written: Written,
    /// What the caller should tell beside the summary: a point recorded
    /// into a `history` listed in `assumed` is shown as assumed.
    pub note: Option<String>,
}

/// The file as the edit left it, as the loader read it when validating
/// the change, so that a caller can show it without parsing it again.
#[derive(Debug)]
pub enum Written {
    /// The whole new text, loaded (under the path the caller gave).
    Whole(Document),
    /// Only the part that changed (the item, or its campaign), re-read
    /// against the caller's document: take it in with
    /// [`Document::take`] and `text`.
    Reread { reread: load::Reread, text: String },
    /// The file already held the figures asked for: nothing was written.
    Unchanged { text: String },
}

impl Written {
    /// The text now in the file.
    pub fn text(&self) -> &str {
        match self {
            Written::Whole(document) => document.text(),
            Written::Reread { text, .. } | Written::Unchanged { text } => text,
        }
    }
}

/// How many times the edit is re-applied when the file changes between the
/// read and the rename (a writer that does not take the lock, such as an editor).
const ATTEMPTS: usize = 3;

/// Applies `edit` to the plan at `path` and writes it back: the one
/// write-back path, for the screen's `+` and for `campaigns set`.
///
/// `document` is what a caller that keeps the file loaded has of it; while
/// the file on disk still holds its text, the change is made on it and
/// checked by re-reading what changed, and what was written is told against
/// it. Without one, or when the file has changed since, the file is loaded
/// here, under the lock, by the loader the screen uses.
pub fn apply(
    path: &Path,
    edit: &Edit,
    options: Options,
    document: Option<&Document>,
) -> Result<Saved, EditError> {
    apply_within(path, edit, options, document, LOCK_TIMEOUT)
}

/// [`apply`], waiting at most `wait` for another writer's lock: the screen
/// asks first with no wait at all, so that it never blocks on one.
pub fn apply_within(
    path: &Path,
    edit: &Edit,
    options: Options,
    document: Option<&Document>,
    wait: std::time::Duration,
) -> Result<Saved, EditError> {
    let shown = crate::text::sanitize_line(&path.display().to_string());
    let target = writable_target(path, &shown)?;
    let _lock = locked(&target, wait, &shown)?;
    save::remove_stale_temps(&target);
    for _ in 0..ATTEMPTS {
        let before = fs::metadata(&target).map_err(|err| read_error(&shown, err))?;
        let source = load::read(&target)?;
        let (summary, written, note) = match document.filter(|d| d.text() == source) {
            Some(document) => {
                let (summary, written) = edited::edited(document, edit, &shown)?;
                let note = record_note::assumed_history(document, edit);
                (summary, written, note)
            }
            None => {
                let loaded = edited::loaded(path, source, options, &shown)?;
                let (summary, written) = edited::edited(&loaded, edit, &shown)?;
                let note = record_note::assumed_history(&loaded, edit);
                (summary, written.apart_from(loaded), note)
            }
        };
        let saved = Saved {
            path: target.clone(),
            summary,
            written,
            note,
        };
        if matches!(saved.written, Written::Unchanged { .. }) {
            return Ok(saved);
        }
        let io_error = |(action, source): save::StepError| EditError::Io {
            path: shown.clone(),
            action,
            source,
        };
        let prepared = save::prepare(&target, saved.written.text(), &before).map_err(io_error)?;
        let now = fs::metadata(&target).map_err(|err| read_error(&shown, err))?;
        if Stamp::of(&now) != Stamp::of(&before) {
            // Written behind the lock's back: start again from the new content.
            continue;
        }
        prepared.commit(&target).map_err(io_error)?;
        return Ok(saved);
    }
    Err(EditError::Conflict { path: shown })
}

impl Written {
    /// What was written, told without the document of `loaded`, which only
    /// this edit has: a re-read is taken into it, which makes it whole.
    fn apart_from(self, mut loaded: Document) -> Written {
        match self {
            Written::Reread { reread, text } => {
                loaded.take(reread, text);
                Written::Whole(loaded)
            }
            other => other,
        }
    }
}

/// The real file `path` names (symlinks resolved: renaming over a link
/// would replace the link with a file), once it is known to be a regular
/// file this process may replace.
fn writable_target(path: &Path, shown: &str) -> Result<PathBuf, EditError> {
    let target = fs::canonicalize(path).map_err(|err| read_error(shown, err))?;
    let metadata = fs::metadata(&target).map_err(|err| read_error(shown, err))?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory { path: shown.into() }.into());
    }
    if !metadata.is_file() {
        return Err(ReadError::NotAFile { path: shown.into() }.into());
    }
    // The rename would replace a read-only file: respect its mode, as vim's
    // W10 does, even for root, whom access(2) lets write anything.
    let mode = metadata_mode(&metadata);
    if mode & 0o222 == 0 {
        return Err(EditError::ReadOnly {
            path: shown.into(),
            mode: mode & 0o7777,
        });
    }
    if !writable(&target) {
        return Err(ReadError::PermissionDenied { path: shown.into() }.into());
    }
    Ok(target)
}

/// The advisory lock on `target`, waiting at most `wait` for another writer.
fn locked(target: &Path, wait: std::time::Duration, shown: &str) -> Result<lock::Lock, EditError> {
    lock::acquire(target, wait).map_err(|err| match err {
        lock::LockError::TimedOut { lock } => EditError::LockTimeout {
            path: shown.into(),
            lock: crate::text::sanitize_line(&lock.display().to_string()),
            waited: wait,
        },
        lock::LockError::Io { lock, source } => EditError::Io {
            path: crate::text::sanitize_line(&lock.display().to_string()),
            action: "take the lock",
            source,
        },
    })
}

fn metadata_mode(metadata: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode()
}

/// Whether this process may write `path`, as the kernel decides (root
/// included): `access(2)`.
fn writable(path: &Path) -> bool {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
}

fn read_error(shown: &str, err: io::Error) -> EditError {
    let path = shown.to_owned();
    match err.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound { path }.into(),
        io::ErrorKind::PermissionDenied => ReadError::PermissionDenied { path }.into(),
        _ => ReadError::Io { path, source: err }.into(),
    }
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
