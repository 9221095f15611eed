//! A revision of the file: one commit that touched it, or the working copy.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// One revision of the file, as the history lists them (oldest first).
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    /// The commit, as 40 hex digits; `None` for the uncommitted working copy.
    pub commit: Option<String>,
    /// When it was committed, at the committer's offset; `None` for the
    /// working copy, and for a commit whose date cannot be read (that
    /// revision is invalid).
    pub committed: Option<DateTime<FixedOffset>>,
    /// Its reporting date: `meta.as_of`, else the day it was committed (the
    /// working copy: today), the loader's rule with that day as today.
    /// `None` when the file does not load at this revision.
    pub as_of: Option<NaiveDate>,
    /// Whether the file loads without errors here; an invalid revision has
    /// no figures.
    pub valid: bool,
    /// The commit deleted the file (it is listed, as `git log` lists it).
    pub deleted: bool,
    /// Why the file was not read at all here; `None` when it was (a file
    /// that is read and does not load is invalid for its own errors).
    pub unread: Option<Unread>,
}

/// Why a revision's file was not read: each costs that revision, never
/// the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unread {
    /// More bytes than a plan may have (the loader's cap); never inflated.
    TooLarge { bytes: u64 },
    /// Its object is missing from the repository or corrupt.
    BadObject,
    /// The commit's date cannot be read.
    BadDate,
}

impl Unread {
    /// `too-large`, `bad-object` or `bad-date`, as the JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Unread::TooLarge { .. } => "too-large",
            Unread::BadObject => "bad-object",
            Unread::BadDate => "bad-date",
        }
    }
}

impl Revision {
    /// The commit as [`short_commit`] writes it, or `working copy`.
    pub fn short(&self) -> &str {
        self.commit.as_deref().map_or("working copy", short_commit)
    }
}

/// How every screen, report and message names a commit: its first 7 hex
/// digits, as `git log --oneline` shows it.
pub fn short_commit(commit: &str) -> &str {
    commit.get(..7).unwrap_or(commit)
}

/// Why the history stops before the file's first commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Boundary {
    /// A shallow clone: `commit` is the oldest commit here, its parents
    /// were not fetched.
    Shallow { commit: String },
    /// `commit` renamed the file from `from`; what came before is under
    /// the old name and is not followed.
    Renamed { commit: String, from: String },
}

impl Boundary {
    /// `shallow` or `renamed`, as the JSON and CSV write it.
    pub fn kind(&self) -> &'static str {
        match self {
            Boundary::Shallow { .. } => "shallow",
            Boundary::Renamed { .. } => "renamed",
        }
    }

    pub fn commit(&self) -> &str {
        match self {
            Boundary::Shallow { commit } | Boundary::Renamed { commit, .. } => commit,
        }
    }
}
