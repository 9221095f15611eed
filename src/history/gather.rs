//! The revisions taken in newest first: each loaded (`readings`), its
//! items' points gathered (`items`), and the newest valid one's own
//! `history` arrays kept (`written`).

use std::path::Path;

use chrono::NaiveDate;
use gix::ObjectId;

use super::items::{At, Items, Progress};
use super::point::{ItemHistory, Point, PointFrom};
use super::readings::{Content, Reader};
use super::revision::Revision;
use super::written;

/// What the revisions taken in so far gave.
pub(super) struct Gather<'p> {
    /// How many revisions there are: indexes count from the oldest.
    count: usize,
    reader: Reader<'p>,
    items: Items,
    written: Option<Vec<(String, Vec<Point>)>>,
    /// Newest first until `finish`.
    revisions: Vec<Revision>,
    blobs: Vec<Option<ObjectId>>,
}

/// What `Gather::finish` hands back: revisions oldest first, each item's
/// points, and each revision's blob.
pub(super) struct Gathered {
    pub revisions: Vec<Revision>,
    pub items: Vec<ItemHistory>,
    pub blobs: Vec<Option<ObjectId>>,
    /// Each valid revision's campaigns and their progress.
    pub progress: Vec<Progress>,
}

impl<'p> Gather<'p> {
    pub fn new(file: &'p Path, count: usize) -> Gather<'p> {
        Gather {
            count,
            reader: Reader::new(file),
            items: Items::default(),
            written: None,
            revisions: Vec::with_capacity(count),
            blobs: Vec::with_capacity(count),
        }
    }

    /// Takes in the next older revision: `content` is the file there, and
    /// `today` the day its reporting date falls back to.
    pub fn take(
        &mut self,
        mut revision: Revision,
        blob: Option<ObjectId>,
        content: Content,
        today: NaiveDate,
    ) {
        let index = self.count - 1 - self.revisions.len();
        if let Content::Unread(why) = content {
            revision.unread = Some(why);
        }
        if let Some(document) = self.reader.load(content, today) {
            let at = At {
                index,
                commit: revision.commit.as_deref(),
                from: match revision.commit {
                    Some(_) => PointFrom::Commit,
                    None => PointFrom::WorkingCopy,
                },
            };
            self.items.add(&at, document);
            if self.written.is_none() {
                self.written = Some(written::written(document));
            }
            revision.as_of = Some(document.as_of());
            revision.valid = true;
        }
        self.revisions.push(revision);
        self.blobs.push(blob);
    }

    pub fn finish(mut self) -> Gathered {
        self.revisions.reverse();
        self.blobs.reverse();
        let finished = self.items.finish(self.written.unwrap_or_default());
        Gathered {
            revisions: self.revisions,
            items: finished.items,
            blobs: self.blobs,
            progress: finished.progress,
        }
    }
}
