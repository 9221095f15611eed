//! The figures over time, read from the git history of the file: the
//! commits that touched it, first parent first from HEAD (as
//! `git log --first-parent -- FILE` lists them), each loaded with the
//! project's own loader, and the uncommitted working copy as the newest
//! revision when it differs from HEAD.
//!
//! - [`read`] gives a [`History`] ([`read_unless_cancelled`] stops at the
//!   next revision once its [`Cancel`] is pulled): its [`Revision`]s oldest first (invalid
//!   ones kept, `valid: false`, with no figures), and per item
//!   (`campaign/item`) the [`Point`]s where its figure or status changed or it first
//!   appeared, with the item's own `history` array merged in (every
//!   revision's point kept: a same-date correction is a second point of
//!   that date); [`History::reported`] orders them by reporting date for
//!   the screen and every history report.
//! - [`History::baseline`] picks the revision to compare with ([`Since`]):
//!   by default the last report: the newest reporting date before the
//!   current one, resolved as a DATE is; or the newest valid revision at or
//!   before a commit, or the one reporting on or nearest before a date;
//!   [`compare`] compares the figures shown with it.
//! - [`History::load`] loads the file at one revision, for the figures a
//!   history does not keep (a campaign's roll-up at the baseline).
//!
//! Git is read with gix, read-only; the `git` command line is the tests'
//! oracle only. Each revision is dated by its `meta.as_of`, else by the day
//! it was committed (the loader's rule with that day as today; `--as-of`
//! does not apply to the past).

mod baseline;
pub mod compare;
mod error;
mod gather;
mod items;
mod locate;
mod order;
mod point;
#[cfg(test)]
pub(crate) mod read_tests;
mod readings;
mod rename;
mod revision;
mod select;
mod walk;
mod written;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, FixedOffset, NaiveDate, Offset};

pub use baseline::{Since, last_report};
pub use error::HistoryError;
pub use order::Reported;
pub use point::{ItemHistory, Point, PointFrom};
pub use revision::{Boundary, Revision, Unread, short_commit};
pub use select::UnknownItem;

use error::git_error;
use gather::Gather;
use items::Progress;
use readings::Content;

/// How to read a history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The working copy's reporting date when it has no `meta.as_of`.
    pub today: NaiveDate,
}

/// The history of one file.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    /// The file as the caller named it.
    pub file: PathBuf,
    /// Its path in the repository, `/`-separated.
    pub path_in_repo: String,
    /// Oldest first; the working copy, when it differs from HEAD, last.
    pub revisions: Vec<Revision>,
    /// In the order of the newest valid revision, then the items it no
    /// longer has.
    pub items: Vec<ItemHistory>,
    /// Why the history stops before the file's first commit; `None` when
    /// it reaches it.
    pub boundary: Option<Boundary>,
    /// Where the repository is, for [`History::load`] and [`Since::Rev`].
    git_dir: PathBuf,
    /// The blob of each revision (`None`: the working copy, or deleted).
    blobs: Vec<Option<gix::ObjectId>>,
    /// Each valid revision (index) with its campaigns' roll-up progress.
    progress: Vec<Progress>,
}

/// Stops a read that a newer one supersedes: the reader looks at it
/// between revisions, so it ends within one revision's load. Clones share
/// one flag.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Asks the read to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    fn check(&self) -> Result<(), Stopped> {
        if self.is_cancelled() {
            Err(Stopped::Cancelled)
        } else {
            Ok(())
        }
    }
}

/// Why [`read_unless_cancelled`] gave no history.
#[derive(Debug)]
pub enum Stopped {
    /// It could not be read.
    Failed(HistoryError),
    /// Its [`Cancel`] was pulled; what it had read is dropped.
    Cancelled,
}

impl From<HistoryError> for Stopped {
    fn from(err: HistoryError) -> Stopped {
        Stopped::Failed(err)
    }
}

/// Reads the history of `file` (a path as given on the command line).
pub fn read(file: &Path, options: Options) -> Result<History, HistoryError> {
    read_checking(file, options, || Ok(()))
}

/// Reads as [`read`] does, but stops before the next revision once
/// `cancel` is pulled.
pub fn read_unless_cancelled(
    file: &Path,
    options: Options,
    cancel: &Cancel,
) -> Result<History, Stopped> {
    read_checking(file, options, || cancel.check())
}

/// The read, with `go_on` asked before each revision is loaded (and after
/// the walk, and at the end): its error stops the read.
fn read_checking<E: From<HistoryError>>(
    file: &Path,
    options: Options,
    mut go_on: impl FnMut() -> Result<(), E>,
) -> Result<History, E> {
    let located = locate::locate(file)?;
    let repo = &located.repo;
    let walked = walk::walk(repo, &located.in_repo)?;
    go_on()?;
    let working = working_copy(&located.on_disk, repo, walked.at_head)?;
    if walked.touches.is_empty() && working.is_none() {
        let path = crate::text::sanitize_line(&file.display().to_string());
        return Err(HistoryError::NeverCommitted { path }.into());
    }

    // Newest first: the order the walk found them in, and the one in which
    // a pack's deltas resolve from bases already decoded (git stores the
    // newest whole). Indexes count from the oldest.
    let count = walked.touches.len() + usize::from(working.is_some());
    let mut gather = Gather::new(file, count);
    if let Some(content) = working {
        let revision = Revision {
            commit: None,
            committed: None,
            as_of: None,
            valid: false,
            deleted: false,
            unread: None,
        };
        gather.take(revision, None, content, options.today);
    }
    for touch in &walked.touches {
        go_on()?;
        let committed = touch.time.map(committed);
        let content = match touch.blob {
            // A date that cannot be read costs its revision.
            Some(_) if committed.is_none() => Content::Unread(Unread::BadDate),
            Some(blob) => Content::of_blob(repo, blob),
            None => Content::Deleted,
        };
        let revision = Revision {
            commit: Some(touch.commit.to_string()),
            committed,
            as_of: None,
            valid: false,
            deleted: touch.blob.is_none(),
            unread: None,
        };
        let today = committed.map_or(options.today, |time| time.date_naive());
        gather.take(revision, touch.blob, content, today);
    }
    go_on()?;
    let gathered = gather.finish();
    Ok(History {
        file: file.to_path_buf(),
        path_in_repo: located.in_repo.clone(),
        revisions: gathered.revisions,
        items: gathered.items,
        boundary: walked.boundary,
        git_dir: repo.git_dir().to_path_buf(),
        blobs: gathered.blobs,
        progress: gathered.progress,
    })
}

/// The working copy when it differs from HEAD's; `None` when it is the
/// same or the file is not in the working copy.
fn working_copy(
    path: &Path,
    repo: &gix::Repository,
    at_head: Option<gix::ObjectId>,
) -> Result<Option<Content>, HistoryError> {
    let max = crate::load::MAX_FILE_BYTES;
    // The loader words why (a directory, a FIFO, a device, permission
    // denied, …); it looks at the type before it opens anything.
    let refused = || {
        crate::load::read(path).err().map_or_else(
            || git_error(repo, "the working copy", "could not be read"),
            HistoryError::WorkingCopy,
        )
    };
    if let Err(err) = std::fs::symlink_metadata(path)
        && err.kind() == std::io::ErrorKind::NotFound
    {
        return Ok(None);
    }
    // Links followed: a FIFO would block in open(2), and a link to
    // /dev/zero would never end.
    match std::fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() => return Err(refused()),
        Ok(metadata) if metadata.len() > max => {
            let bytes = metadata.len();
            return Ok(Some(Content::Unread(Unread::TooLarge { bytes })));
        }
        Ok(_) => {}
        Err(_) => return Err(refused()),
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(max + 1).read_to_end(&mut bytes))
        .map_err(|_| refused())?;
    if bytes.len() as u64 > max {
        // Grew while it was read: counted as far as the cap.
        let bytes = bytes.len() as u64;
        return Ok(Some(Content::Unread(Unread::TooLarge { bytes })));
    }
    let id = gix::objs::compute_hash(repo.object_hash(), gix::objs::Kind::Blob, &bytes)
        .map_err(|err| git_error(repo, "the working copy", err))?;
    if Some(id) == at_head {
        return Ok(None);
    }
    Ok(Some(Content::from_bytes(bytes)))
}

/// A commit's time at the committer's offset (UTC when the offset is not
/// one a clock can have).
fn committed(time: gix::date::Time) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(time.offset).unwrap_or(chrono::Utc.fix());
    DateTime::from_timestamp(time.seconds, 0)
        .unwrap_or_default()
        .with_timezone(&offset)
}
