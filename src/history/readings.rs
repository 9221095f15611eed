//! Loading the file at each revision, one after the other (newest first),
//! with the project's own loader: a whole load for the first, then the
//! re-read of what changed since the last valid revision loaded where it
//! can (`Document::reread`), and a whole load where it cannot. What comes out is what a whole load of that
//! revision gives (`tests/it/history.rs` checks it against `git show`).

use std::path::Path;

use chrono::NaiveDate;

use super::revision::Unread;
use crate::load::{self, Document, Opened};

/// The file at one revision, as bytes.
pub(super) enum Content {
    Text(String),
    /// Not UTF-8: invalid.
    Unreadable,
    /// Not read at all, for this reason: invalid.
    Unread(Unread),
    /// The revision deleted the file.
    Deleted,
}

impl Content {
    pub fn from_bytes(bytes: Vec<u8>) -> Content {
        if bytes.len() as u64 > load::MAX_FILE_BYTES {
            return Content::Unread(Unread::TooLarge {
                bytes: bytes.len() as u64,
            });
        }
        String::from_utf8(bytes).map_or(Content::Unreadable, Content::Text)
    }

    /// The file at a revision, from its blob. The size is read from the
    /// object's header, so a blob over the loader's cap is never inflated;
    /// a blob missing or corrupt costs its revision, not the history.
    pub fn of_blob(repo: &gix::Repository, blob: gix::ObjectId) -> Content {
        match repo.find_header(blob) {
            Ok(header) if header.size() > load::MAX_FILE_BYTES => {
                Content::Unread(Unread::TooLarge {
                    bytes: header.size(),
                })
            }
            Ok(_) => repo
                .find_blob(blob)
                .map_or(Content::Unread(Unread::BadObject), |mut blob| {
                    Content::from_bytes(blob.take_data())
                }),
            Err(_) => Content::Unread(Unread::BadObject),
        }
    }
}

/// Loads revision after revision, keeping the last valid one to re-read
/// the next against.
pub(super) struct Reader<'p> {
    path: &'p Path,
    last_valid: Option<Document>,
}

impl<'p> Reader<'p> {
    pub fn new(path: &'p Path) -> Reader<'p> {
        Reader {
            path,
            last_valid: None,
        }
    }

    /// Loads `content`; `today` is the day the revision's reporting date
    /// falls back to when it has no `meta.as_of`. The document when valid.
    pub fn load(&mut self, content: Content, today: NaiveDate) -> Option<&Document> {
        let Content::Text(text) = content else {
            return None;
        };
        let options = load::Options { as_of: None, today };
        if self.reread(&text, options) || self.whole(text, options) {
            self.last_valid.as_ref()
        } else {
            None
        }
    }

    /// Re-reads `text` against the last valid revision. Only when that one
    /// has its own `meta.as_of`: without it, its reporting date is the day
    /// of that revision, not of this one (a re-read keeps the date).
    fn reread(&mut self, text: &str, options: load::Options) -> bool {
        let Some(document) = self.last_valid.as_mut() else {
            return false;
        };
        if document.plan().meta.as_of.is_none() {
            return false;
        }
        // The same text again (a mode change, a revert of an invalid edit).
        if document.text() == text {
            return true;
        }
        let Some(reread) = document.reread(text) else {
            return false;
        };
        // A change of `meta` that dropped `as_of` leaves the re-read's date
        // behind: load it whole.
        let _replaced = document.take(reread, text.to_owned());
        if document.plan().meta.as_of.is_none() {
            return self.whole(text.to_owned(), options);
        }
        true
    }

    fn whole(&mut self, text: String, options: load::Options) -> bool {
        match Opened::parse(self.path, text, options) {
            Opened::Valid(document) => {
                self.last_valid = Some(document);
                true
            }
            Opened::Invalid(_) => false,
        }
    }
}
