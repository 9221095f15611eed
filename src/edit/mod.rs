//! The one write-back path, used by the app and by `campaigns set`: lock,
//! re-read, change one value of what is on disk now, validate, replace the
//! file atomically. Every byte other than the changed value stays as it was.
//!
//! toml_edit parses the campaign's section (keeping spans) to find the value;
//! the edit is then a splice of the original text at that span, so comments,
//! layout and line endings (CRLF included, which toml_edit's own printer
//! turns into LF) are untouched. Lexing the file finds that section, so a
//! big file is never parsed whole by toml_edit; the parsed section lives
//! only inside `apply`.

mod change;
mod error;
mod literal;
mod locate;
mod lock;
mod save;
mod section;
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
/// `document` is what a caller that keeps the file loaded has of it: while
/// the file on disk still holds its text, the item's section is taken from
/// it (no lexing of the whole file) and the change is checked by re-reading
/// that item alone (no parse of the whole file).
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
    // Renaming over a symlink would replace the link with a file.
    let target = fs::canonicalize(path).map_err(|err| read_error(&shown, err))?;
    let metadata = fs::metadata(&target).map_err(|err| read_error(&shown, err))?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory { path: shown }.into());
    }
    if !metadata.is_file() {
        return Err(ReadError::NotAFile { path: shown }.into());
    }
    // The rename would replace a read-only file: respect its mode, as vim's
    // W10 does, even for root, whom access(2) lets write anything.
    let mode = metadata_mode(&metadata);
    if mode & 0o222 == 0 {
        return Err(EditError::ReadOnly {
            path: shown,
            mode: mode & 0o7777,
        });
    }
    if !writable(&target) {
        return Err(ReadError::PermissionDenied { path: shown }.into());
    }
    let _lock = lock::acquire(&target, wait).map_err(|err| match err {
        lock::LockError::TimedOut { lock } => EditError::LockTimeout {
            path: shown.clone(),
            lock: crate::text::sanitize_line(&lock.display().to_string()),
            waited: wait,
        },
        lock::LockError::Io { lock, source } => EditError::Io {
            path: crate::text::sanitize_line(&lock.display().to_string()),
            action: "take the lock",
            source,
        },
    })?;
    save::remove_stale_temps(&target);
    for _ in 0..ATTEMPTS {
        let before = fs::metadata(&target).map_err(|err| read_error(&shown, err))?;
        let source = load::read(&target)?;
        let known = document.filter(|document| document.text() == source);
        let (summary, written) = match known.and_then(|document| edited_known(document, edit)) {
            Some(done) => done,
            None => {
                let (new_source, summary, loaded) = edited(&source, edit, options, &shown)?;
                let written = if new_source == source {
                    Written::Unchanged { text: new_source }
                } else {
                    // `edited` refuses a text with errors, so this is a document.
                    match load::Opened::from_loaded(path, new_source, loaded, options) {
                        load::Opened::Valid(document) => Written::Whole(document),
                        load::Opened::Invalid(_) => {
                            return Err(EditError::Conflict { path: shown });
                        }
                    }
                };
                (summary, written)
            }
        };
        let saved = Saved {
            path: target.clone(),
            summary,
            written,
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

/// The document's text with the edit made, re-read: the summary line and
/// what was written. `None` for anything else, errors included: `edited`
/// then does it all on the whole file and words any error.
fn edited_known(document: &Document, edit: &Edit) -> Option<(String, Written)> {
    let record = edit.record.map(|record| match record {
        Record::At(date) => date,
        Record::ReportingDate => document.as_of(),
    });
    let source = document.text();
    let item = document.item_section_of(&edit.campaign, &edit.item);
    let planned = match item.and_then(|item| planned_in_item(source, item, edit, record)) {
        Some(planned) => planned,
        None => {
            let section = document.section_of(&edit.campaign)?;
            planned_in_sections(source, [section], edit, record)?.0
        }
    };
    let text = splice::apply(source, planned.splices);
    if text == source {
        return Some((planned.summary, Written::Unchanged { text }));
    }
    let reread = document.reread(&text)?;
    Some((planned.summary, Written::Reread { reread, text }))
}

/// The file's text with the edit made, the summary line, and the new text
/// as loaded; refused when the file or the result does not validate.
fn edited(
    source: &str,
    edit: &Edit,
    options: Options,
    shown: &str,
) -> Result<(String, String, load::Loaded), EditError> {
    // The common path lexes the file once, parses the campaign's section
    // with toml_edit, and parses the result once.
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let bom = &source[..source.len() - body.len()];
    let record = edit.record.map(|record| match record {
        Record::At(date) => date,
        Record::ReportingDate => options.reporting_date(meta_as_of(source, body, options)),
    });
    let sections = section::campaign_sections(body, &edit.campaign);
    if let Some((planned, section)) = planned_in_sections(body, sections, edit, record) {
        // An edit may replace the very value that is wrong (`done = -1`):
        // a file with errors is never updated, so its campaign is checked.
        if section_has_errors(&body[section], options)
            && let Some(invalid) = already_invalid(source, options, shown)
        {
            return Err(invalid);
        }
        return validated(source, bom, body, planned, options, shown);
    }
    if let Some(invalid) = already_invalid(source, options, shown) {
        return Err(invalid);
    }
    let planned = match toml_edit::Document::parse(body) {
        Ok(document) => change::plan(body, document.as_table(), edit, record),
        Err(err) => Err(EditError::FileInvalid {
            headline: format!(
                "{}: {}",
                crate::text::sanitize_line(shown),
                crate::text::sanitize_line(err.message())
            ),
        }),
    };
    let planned = planned.map_err(|err| already_invalid(source, options, shown).unwrap_or(err))?;
    validated(source, bom, body, planned, options, shown)
}

/// The edit planned on the campaign's own section (the first of
/// `sections` that holds it), its splices moved to where that section is in
/// `body`, and that section. `None` when that does not work out for any
/// reason (an error included): the whole file is then parsed, which gives
/// the same result and words the error the same way.
fn planned_in_sections(
    body: &str,
    sections: impl IntoIterator<Item = std::ops::Range<usize>>,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Option<(change::Planned, std::ops::Range<usize>)> {
    for section in sections {
        let text = body.get(section.clone())?;
        let document = toml_edit::Document::parse(text).ok()?;
        let campaigns = document.get("campaign").map(locate::tables);
        let holds = campaigns
            .unwrap_or_default()
            .iter()
            .any(|node| node.str("id") == Some(edit.campaign.as_str()));
        if !holds {
            continue;
        }
        let mut planned = change::plan(text, document.as_table(), edit, record).ok()?;
        for splice in &mut planned.splices {
            splice.range = splice.range.start + section.start..splice.range.end + section.start;
        }
        return Some((planned, section));
    }
    None
}

/// The edit planned on the item's own section (a campaign of 100 000 tasks
/// is too big a section to hand to toml_edit), its splices moved to where
/// that section is in `body`.
fn planned_in_item(
    body: &str,
    item: std::ops::Range<usize>,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Option<change::Planned> {
    let text = body.get(item.clone())?;
    let document = toml_edit::Document::parse(text).ok()?;
    let mut planned = change::plan_in_item(text, document.as_table(), edit, record)?;
    for splice in &mut planned.splices {
        splice.range = splice.range.start + item.start..splice.range.end + item.start;
    }
    Some(planned)
}

/// The spliced text, once `load::parse` accepts it.
fn validated(
    source: &str,
    bom: &str,
    body: &str,
    planned: change::Planned,
    options: Options,
    shown: &str,
) -> Result<(String, String, load::Loaded), EditError> {
    let new_source = format!("{bom}{}", splice::apply(body, planned.splices));
    let loaded = load::parse(&new_source, options);
    if let Some(error) = loaded.errors().next() {
        return Err(already_invalid(source, options, shown).unwrap_or_else(|| {
            EditError::WouldBeInvalid {
                headline: error.headline(&new_source, shown, Lang::En),
            }
        }));
    }
    Ok((new_source, planned.summary, loaded))
}

/// Whether one `[[campaign]]` section, read alone under a stand-in
/// `[meta]`, has errors: the edited campaign's own check, at the cost of
/// its section rather than of the whole file.
fn section_has_errors(section: &str, options: Options) -> bool {
    let alone = format!("[meta]\ntitle = \"-\"\n{section}");
    load::parse(&alone, options).errors().next().is_some()
}

/// The original's first error, if it has one: to tell "the file was
/// already wrong" from "this change would make it wrong".
fn already_invalid(source: &str, options: Options, shown: &str) -> Option<EditError> {
    load::parse(source, options)
        .errors()
        .next()
        .map(|error| EditError::FileInvalid {
            headline: error.headline(source, shown, Lang::En),
        })
}

/// The file's `meta.as_of`, read from its `[meta]` section alone (a
/// `[meta]` written otherwise, with dotted keys or inline, is found by a
/// whole parse).
fn meta_as_of(source: &str, body: &str, options: Options) -> Option<NaiveDate> {
    match section::meta_section(body) {
        Some(meta) => section::as_of_in_meta(&body[meta]),
        None => load::parse(source, options).plan?.meta.as_of,
    }
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
