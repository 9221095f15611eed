//! The history as JSON: the shape of issue 14, keys in this order, oldest
//! first, dates `YYYY-MM-DD`, commit times RFC 3339; absent values `null`.
//!
//! ```text
//! { "file", "revisions": [ { "commit", "committed", "as_of", "valid", "deleted", "unread"? } ],
//!   "items": { "campaign/item": [ { "commit", "as_of", "done" | "value", "status", "from",
//!     "correction"?, "assumed"?, "marked"? } ] },
//!   "boundary": null | { "kind": "shallow" | "renamed", "commit", "from"? },
//!   "removed": { "campaign/item": { "commit", "as_of" } } }
//! ```
//! Beyond the issue's keys: `deleted` (the commit deleted the file),
//! `unread` (only on a revision whose file was not read at all:
//! `too-large`, `bad-object` or `bad-date`),
//! `from` (`commit`, `working-copy`, or `history`: the item's own
//! `history` array), `assumed` and `marked` (only when not empty; the
//! report's convention: the item's fields not from the source there, and
//! the point's keys shown with `*`), `boundary` (why the history stops before the file's
//! first commit) and `removed` (items no longer in the newest valid
//! revision, and the revision from which they are gone).

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use crate::history::{Boundary, History, Reported, Revision};
use crate::model::Figure;
use crate::report::cells::{json_level, json_number};
use crate::report::marks;
use crate::text::sanitize_line;

#[derive(Serialize)]
struct HistoryJson<'a> {
    file: String,
    revisions: Vec<RevisionJson<'a>>,
    items: Items<'a>,
    boundary: Option<BoundaryJson<'a>>,
    removed: Removed<'a>,
}

#[derive(Serialize)]
struct RevisionJson<'a> {
    commit: Option<&'a str>,
    committed: Option<String>,
    as_of: Option<String>,
    valid: bool,
    deleted: bool,
    /// Why the file was not read at all; left out when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    unread: Option<&'static str>,
}

#[derive(Serialize)]
struct PointJson<'a> {
    commit: Option<&'a str>,
    as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    done: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
    status: &'static str,
    from: &'static str,
    /// A same-date correction of an earlier revision's point: only then.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    correction: bool,
    /// The item's fields not from the source, as the report's items say;
    /// left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    assumed: Vec<&'static str>,
    /// The point's keys whose figures rest on an assumed value (shown with
    /// `*`), as the report's items say; left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    marked: Vec<&'static str>,
}

#[derive(Serialize)]
struct BoundaryJson<'a> {
    kind: &'static str,
    commit: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
}

#[derive(Serialize)]
struct RemovedJson<'a> {
    commit: Option<&'a str>,
    as_of: Option<String>,
}

/// The items in the history's order (a JSON object keeps what it is given),
/// each item's points in reporting order.
struct Items<'a>(&'a History);

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let history = self.0;
        let mut map = serializer.serialize_map(Some(history.items.len()))?;
        for item in &history.items {
            let reported = history.reported(item);
            let points: Vec<PointJson> = reported.iter().map(point_json).collect();
            map.serialize_entry(&item.key, &points)?;
        }
        map.end()
    }
}

struct Removed<'a>(&'a History);

impl Serialize for Removed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let history = self.0;
        let mut map = serializer.serialize_map(None)?;
        for item in &history.items {
            let Some(revision) = item.removed.and_then(|i| history.revisions.get(i)) else {
                continue;
            };
            let removed = RemovedJson {
                commit: revision.commit.as_deref(),
                as_of: revision.as_of.map(date),
            };
            map.serialize_entry(&item.key, &removed)?;
        }
        map.end()
    }
}

pub fn render(history: &History) -> String {
    let json = HistoryJson {
        file: sanitize_line(&history.file.display().to_string()),
        revisions: history.revisions.iter().map(revision_json).collect(),
        items: Items(history),
        boundary: history.boundary.as_ref().map(boundary_json),
        removed: Removed(history),
    };
    // Plain structs of strings and numbers cannot fail to serialise; the
    // fallback keeps the output valid JSON all the same.
    let mut out = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "null".to_owned());
    out.push('\n');
    out
}

fn revision_json(revision: &Revision) -> RevisionJson<'_> {
    RevisionJson {
        commit: revision.commit.as_deref(),
        committed: revision.committed.map(|time| time.to_rfc3339()),
        as_of: revision.as_of.map(date),
        valid: revision.valid,
        deleted: revision.deleted,
        unread: revision.unread.map(|why| why.as_str()),
    }
}

fn point_json(reported: &Reported) -> PointJson<'_> {
    let point = &reported.point;
    let (done, value) = match point.figure {
        Figure::Done(done) => (Some(json_number(done)), None),
        Figure::Value(value) => (None, Some(json_level(value))),
    };
    PointJson {
        commit: point.commit.as_deref(),
        as_of: date(point.as_of),
        done,
        value,
        status: point.status.as_str(),
        from: point.from.as_str(),
        correction: reported.corrects,
        assumed: point.assumed.fields().map(|field| field.as_str()).collect(),
        marked: marks::point_marked(point),
    }
}

fn boundary_json(boundary: &Boundary) -> BoundaryJson<'_> {
    BoundaryJson {
        kind: boundary.kind(),
        commit: boundary.commit(),
        from: match boundary {
            Boundary::Renamed { from, .. } => Some(sanitize_line(from)),
            Boundary::Shallow { .. } => None,
        },
    }
}

fn date(day: chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}
