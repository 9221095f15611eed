//! Why a history could not be read: each says what and where, in one line.

use crate::text::sanitize_line;

/// What stops [`super::read`]. A file that is invalid at some revision is
/// not an error: that revision is kept with `valid: false`.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{path}: not in a git work tree (history is read from the commits of the file)")]
    NotInGit { path: String },
    #[error("{path}: the repository at {repo} has no work tree (a bare repository)")]
    NoWorkTree { path: String, repo: String },
    #[error("{path}: outside the work tree of {work_tree}")]
    OutsideWorkTree { path: String, work_tree: String },
    #[error("{path}: not in the working copy and never committed")]
    NeverCommitted { path: String },
    /// `--since` with a file only in the working copy: nothing to compare with.
    #[error("{path}: never committed, so --since has no revision to compare with")]
    NoCommits { path: String },
    /// The working copy exists but could not be read.
    #[error(transparent)]
    WorkingCopy(#[from] crate::load::ReadError),
    /// The repository could not be read (a missing or corrupt object).
    #[error("{repo}: {what}: {message}")]
    Git {
        repo: String,
        what: String,
        message: String,
    },
    /// `--since REV` names nothing in the repository.
    #[error("`{rev}`: no such commit, branch or tag in {repo}")]
    UnknownRevision { rev: String, repo: String },
    /// `--since` names a revision or a date before every valid revision of
    /// the file: nothing to compare with.
    #[error("{path}: no valid revision {before}, so --since has nothing to compare with")]
    NothingBefore { path: String, before: String },
}

/// A repository that could not be read: what was being read, and why.
pub(super) fn git_error(
    repo: &gix::Repository,
    what: &str,
    err: impl std::fmt::Display,
) -> HistoryError {
    HistoryError::Git {
        repo: sanitize_line(&repo.git_dir().display().to_string()),
        what: what.to_owned(),
        message: sanitize_line(&err.to_string()),
    }
}
