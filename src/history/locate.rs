//! Finding the repository that holds a file, and the file's path in it.

use std::path::{Component, Path, PathBuf};

use super::HistoryError;
use crate::text::sanitize_line;

/// A file placed in its repository.
pub(super) struct Located {
    pub repo: gix::Repository,
    /// The file's path from the work tree's root, `/`-separated as git
    /// writes it.
    pub in_repo: String,
    /// The file as the caller named it, for reading the working copy.
    pub on_disk: PathBuf,
}

/// The repository whose work tree holds `file` (which need not exist: a
/// file deleted from the working copy still has its history).
pub(super) fn locate(file: &Path) -> Result<Located, HistoryError> {
    let shown = || sanitize_line(&file.display().to_string());
    let name = file
        .file_name()
        .ok_or_else(|| HistoryError::NotInGit { path: shown() })?;
    let parent = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // The directory is resolved (symlinks, `..`) so that its place under
    // the work tree can be read off; the file itself is not, as git
    // tracks a link as a link.
    let directory = parent
        .canonicalize()
        .map_err(|_| HistoryError::NotInGit { path: shown() })?;
    let repo = gix::discover(&directory).map_err(|_| HistoryError::NotInGit { path: shown() })?;
    let Some(work_tree) = repo.workdir() else {
        return Err(HistoryError::NoWorkTree {
            path: shown(),
            repo: sanitize_line(&repo.git_dir().display().to_string()),
        });
    };
    let work_tree = work_tree
        .canonicalize()
        .unwrap_or_else(|_| work_tree.to_path_buf());
    let outside = || HistoryError::OutsideWorkTree {
        path: shown(),
        work_tree: sanitize_line(&work_tree.display().to_string()),
    };
    let below = directory.strip_prefix(&work_tree).map_err(|_| outside())?;
    let mut parts = Vec::new();
    for component in below.join(name).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str().ok_or_else(outside)?.to_owned()),
            Component::CurDir => {}
            _ => return Err(outside()),
        }
    }
    // Inside `.git` itself nothing is tracked.
    if parts.first().is_some_and(|first| first == ".git") {
        return Err(outside());
    }
    Ok(Located {
        repo,
        in_repo: parts.join("/"),
        on_disk: file.to_path_buf(),
    })
}
