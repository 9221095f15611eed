//! Reading one unit's file: from disk (the plan reader's checks: a regular
//! file under the size cap), or from a git ref of the repository that holds
//! the manifest, straight from the object store (no checkout). Git is read
//! with gix, read-only: nothing a repository configures is run.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use gix::ObjectId;

use crate::load::{self, MAX_FILE_BYTES};
use crate::text::sanitize_line;

/// A unit's file as read.
#[derive(Debug)]
pub struct Read {
    pub text: String,
    /// The commit it was read at (a `ref` unit).
    pub commit: Option<ObjectId>,
    /// The day of that commit: the unit's reporting date when its file has
    /// no `meta.as_of` (the history's rule).
    pub committed: Option<NaiveDate>,
}

/// The file of a `path` unit: relative paths are from the manifest's folder.
pub fn resolve(folder: &Path, path: &Path) -> PathBuf {
    // A manifest in the current folder: its units' paths as written.
    if path.is_absolute() || folder == Path::new(".") {
        path.to_path_buf()
    } else {
        folder.join(path)
    }
}

/// Reads a `path` unit's file; `Err` says why in one line.
pub fn read_path(path: &Path) -> Result<Read, String> {
    let text = load::read(path).map_err(|err| err.to_string())?;
    Ok(Read {
        text,
        commit: None,
        committed: None,
    })
}

/// Opens the repository that holds the manifest's folder, for `ref` units.
pub fn open_repository(folder: &Path) -> Result<gix::ThreadSafeRepository, String> {
    let folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    gix::discover(&folder)
        .map(gix::Repository::into_sync)
        .map_err(|_| {
            format!(
                "{}: not in a git repository, so a unit's `ref` cannot be read",
                sanitize_line(&folder.display().to_string())
            )
        })
}

/// Reads `file` in the tree of the commit `reference` points to.
pub fn read_ref(repo: &gix::Repository, reference: &str, file: &str) -> Result<Read, String> {
    let shown = sanitize_line(reference);
    let no_ref = || format!("no ref `{shown}` in the repository (has it been fetched?)");
    let mut found = repo.find_reference(reference).map_err(|_| no_ref())?;
    let commit = found
        .peel_to_id()
        .map_err(|_| no_ref())?
        .object()
        .and_then(|object| object.peel_to_commit())
        .map_err(|err| {
            format!(
                "`{shown}`: not a commit ({})",
                sanitize_line(&err.to_string())
            )
        })?;
    let committed = commit.time().ok().and_then(day_of);
    let blob = blob_at(repo, commit.id, file)?
        .ok_or_else(|| format!("`{shown}` has no file `{}`", sanitize_line(file)))?;
    let text = read_blob(repo, blob, &format!("{shown}:{}", sanitize_line(file)))?;
    Ok(Read {
        text,
        commit: Some(commit.id),
        committed,
    })
}

/// The blob of `file` at `commit`; `None` when the commit has no such file.
pub fn blob_at(
    repo: &gix::Repository,
    commit: ObjectId,
    file: &str,
) -> Result<Option<ObjectId>, String> {
    let broken = |err: &dyn std::fmt::Display| {
        format!("commit {commit}: {}", sanitize_line(&err.to_string()))
    };
    let tree = repo
        .find_commit(commit)
        .map_err(|err| broken(&err))?
        .tree()
        .map_err(|err| broken(&err))?;
    let entry = tree
        .lookup_entry(file.split('/'))
        .map_err(|err| broken(&err))?;
    Ok(entry
        .filter(|entry| entry.mode().is_blob())
        .map(|entry| entry.object_id()))
}

/// A blob as text: its size is read from the object's header first, so a
/// blob over the plan's cap is never inflated.
pub fn read_blob(repo: &gix::Repository, blob: ObjectId, shown: &str) -> Result<String, String> {
    let header = repo
        .find_header(blob)
        .map_err(|_| format!("{shown}: the object is missing or corrupt"))?;
    if header.size() > MAX_FILE_BYTES {
        return Err(format!(
            "{shown}: {} bytes is more than the {MAX_FILE_BYTES} a plan may have",
            header.size()
        ));
    }
    let data = repo
        .find_blob(blob)
        .map_err(|_| format!("{shown}: the object is missing or corrupt"))?
        .take_data();
    String::from_utf8(data).map_err(|_| format!("{shown}: the file is not valid UTF-8"))
}

/// The committer's day, at the committer's offset.
pub fn day_of(time: gix::date::Time) -> Option<NaiveDate> {
    let offset = chrono::FixedOffset::east_opt(time.offset)?;
    chrono::DateTime::from_timestamp(time.seconds, 0)
        .map(|at| at.with_timezone(&offset).date_naive())
}
