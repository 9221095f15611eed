//! What an item's figure was over time.

use chrono::NaiveDate;

use crate::model::{Assumed, Field, Figure, Status};

/// One item (`campaign/item`) over the revisions.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemHistory {
    /// `campaign/item`, the ids the file gives them.
    pub key: String,
    /// Its name in the newest revision that has it: a removed item is
    /// named by it, not by its ids.
    pub name: Option<crate::model::Text>,
    /// Each revision where the figure or the status changed or the item
    /// first appeared (in commit order), merged by date with the item's own
    /// `history` array; [`History::reported`](super::History::reported)
    /// gives them in the order they are shown.
    pub points: Vec<Point>,
    /// The revision (index into `History::revisions`) from which the item
    /// is no longer in the file: removed, or renamed to another id. `None`
    /// while it is in the newest valid revision.
    pub removed: Option<usize>,
    /// Oldest first, each revision from which the item was not in the file
    /// (until its next point, if any): `removed` is the last of them.
    pub gone: Vec<usize>,
}

/// One point of an item's history.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Index into `History::revisions`; `None` for a point written in the
    /// file's `history` array.
    pub revision: Option<usize>,
    /// The revision's commit; `None` for the working copy and for a point
    /// of the `history` array.
    pub commit: Option<String>,
    /// The revision's reporting date, or the date the array gives.
    pub as_of: NaiveDate,
    pub figure: Figure,
    /// The figure is a lower bound there (`approx`): what is worked out
    /// from it (a change) is only approximate.
    pub at_least: bool,
    /// The item's status at `as_of`.
    pub status: Status,
    pub from: PointFrom,
    /// The item's assumed fields there: in the revision, or for a written
    /// point in the newest valid revision.
    pub assumed: Assumed,
    /// Whether the status rests on an assumed value.
    pub status_assumed: bool,
}

impl Point {
    /// Whether the figure is not from the source: an assumed `done` or
    /// `value` in a revision, a point of an assumed `history` array.
    pub fn figure_assumed(&self) -> bool {
        let field = match (self.from, self.figure) {
            (PointFrom::Written, _) => Field::History,
            (_, Figure::Done(_)) => Field::Done,
            (_, Figure::Value(_)) => Field::Value,
        };
        self.assumed.contains(field)
    }
}

/// Where a point comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointFrom {
    /// A commit.
    Commit,
    /// The uncommitted working copy.
    WorkingCopy,
    /// The item's `history` array in the newest valid revision.
    Written,
}

impl PointFrom {
    /// `commit`, `working-copy` or `history`, as JSON and CSV write it.
    pub fn as_str(self) -> &'static str {
        match self {
            PointFrom::Commit => "commit",
            PointFrom::WorkingCopy => "working-copy",
            PointFrom::Written => "history",
        }
    }
}
