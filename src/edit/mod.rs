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
pub use lock::{LOCK_TIMEOUT, lock_path};

use crate::load::{self, Options, ReadError};
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
}

/// One update of one item, addressed as CAMPAIGN/ITEM.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub campaign: String,
    pub item: String,
    pub change: Option<Change>,
    /// Sets the note (in a table of translations, the interface language's entry).
    pub note: Option<String>,
    /// Appends a history point at this date, replacing one of the same date.
    pub record: Option<NaiveDate>,
}

/// What was written.
#[derive(Debug)]
pub struct Saved {
    /// The real file written (symlinks resolved).
    pub path: PathBuf,
    pub new_source: String,
    /// One line, e.g. "clear-water/yangtze-outfalls: done 110 → 111".
    pub summary: String,
    /// `new_source` as the loader read it when validating the change, so a
    /// caller can show it without parsing it again.
    pub validated: Validated,
}

/// How the change was checked, and what the check read.
#[derive(Debug)]
pub enum Validated {
    /// The whole new text, parsed.
    Whole(load::Loaded),
    /// Only the part that changed (the item, or its campaign), re-read
    /// against what the caller knew ([`Known`]); `baseline` describes the
    /// new text.
    Reread {
        patch: load::Patch,
        baseline: load::Baseline,
    },
    /// The file already held the figures asked for: nothing was written.
    Unchanged,
}

/// What a caller that keeps the file loaded knows of it: the text it last
/// read, its plan and that load's baseline. While the file on disk still holds that
/// text, the campaign's section is taken from the baseline (no lexing of
/// the whole file) and the change is checked by re-reading that campaign
/// alone (no parse of the whole file).
#[derive(Clone, Copy)]
pub struct Known<'a> {
    pub source: &'a str,
    pub plan: &'a crate::model::Plan,
    pub baseline: &'a load::Baseline,
}

/// How many times the edit is re-applied when the file changes between the
/// read and the rename (a writer that does not take the lock, such as an editor).
const ATTEMPTS: usize = 3;

/// Applies `edit` to the plan at `path` and writes it back.
pub fn apply(path: &Path, edit: &Edit, options: Options) -> Result<Saved, EditError> {
    apply_known(path, edit, options, None)
}

/// [`apply`], for a caller that keeps the file loaded (see [`Known`]).
pub fn apply_known(
    path: &Path,
    edit: &Edit,
    options: Options,
    known: Option<Known<'_>>,
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
    // The rename would replace a read-only file: respect its mode, as editors do.
    if !writable(&target) {
        return Err(ReadError::PermissionDenied { path: shown }.into());
    }
    let _lock =
        lock::acquire(&target, metadata_mode(&metadata), LOCK_TIMEOUT).map_err(
            |err| match err {
                lock::LockError::TimedOut { lock } => EditError::LockTimeout {
                    path: shown.clone(),
                    lock: crate::text::sanitize_line(&lock.display().to_string()),
                    waited: LOCK_TIMEOUT,
                },
                lock::LockError::Io { lock, source } => EditError::Io {
                    path: crate::text::sanitize_line(&lock.display().to_string()),
                    action: "take the lock",
                    source,
                },
            },
        )?;
    save::remove_stale_temps(&target);
    for _ in 0..ATTEMPTS {
        let before = fs::metadata(&target).map_err(|err| read_error(&shown, err))?;
        let source = load::read(&target)?;
        let known = known.filter(|known| known.source == source);
        let (new_source, summary, validated) = match known.and_then(|k| edited_known(k, edit)) {
            Some(done) => done,
            None => edited(&source, edit, options, &shown)?,
        };
        let saved = Saved {
            path: target.clone(),
            new_source,
            summary,
            validated,
        };
        if saved.new_source == source {
            return Ok(saved);
        }
        let io_error = |(action, source): save::StepError| EditError::Io {
            path: shown.clone(),
            action,
            source,
        };
        let prepared = save::prepare(&target, &saved.new_source, &before).map_err(io_error)?;
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

/// The known text with the edit made, the summary line, and the item (or
/// its campaign) re-read. `None` for anything else, errors included: `edited` then does
/// it all on the whole file and words any error.
fn edited_known(known: Known<'_>, edit: &Edit) -> Option<(String, String, Validated)> {
    let lang = Lang::from_env();
    let item = known
        .baseline
        .item_section_of(known.plan, &edit.campaign, &edit.item);
    let planned = match item.and_then(|item| planned_in_item(known.source, item, edit, lang)) {
        Some(planned) => planned,
        None => {
            let section = known.baseline.section_of(known.plan, &edit.campaign)?;
            planned_in_sections(known.source, [section], edit, lang)?
        }
    };
    let new_source = splice::apply(known.source, planned.splices);
    if new_source == known.source {
        return Some((new_source, planned.summary, Validated::Unchanged));
    }
    let mut baseline = known.baseline.clone();
    let patch = baseline.reread(known.plan, known.source, &new_source)?;
    let validated = Validated::Reread { patch, baseline };
    Some((new_source, planned.summary, validated))
}

/// The file's text with the edit made, the summary line, and the new text
/// as loaded; refused when the file or the result does not validate.
fn edited(
    source: &str,
    edit: &Edit,
    options: Options,
    shown: &str,
) -> Result<(String, String, Validated), EditError> {
    // The common path lexes the file once, parses the campaign's section
    // with toml_edit, and parses the result once.
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let bom = &source[..source.len() - body.len()];
    let lang = Lang::from_env();
    let sections = section::campaign_sections(body, &edit.campaign);
    if let Some(planned) = planned_in_sections(body, sections, edit, lang) {
        return validated(source, bom, body, planned, options, shown);
    }
    let planned = match toml_edit::Document::parse(body) {
        Ok(document) => change::plan(body, document.as_table(), edit, lang),
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
/// `body`. `None` when that does not work out for any reason (an error
/// included): the whole file is then parsed, which gives the same result
/// and words the error the same way.
fn planned_in_sections(
    body: &str,
    sections: impl IntoIterator<Item = std::ops::Range<usize>>,
    edit: &Edit,
    lang: Lang,
) -> Option<change::Planned> {
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
        let mut planned = change::plan(text, document.as_table(), edit, lang).ok()?;
        for splice in &mut planned.splices {
            splice.range = splice.range.start + section.start..splice.range.end + section.start;
        }
        return Some(planned);
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
    lang: Lang,
) -> Option<change::Planned> {
    let text = body.get(item.clone())?;
    let document = toml_edit::Document::parse(text).ok()?;
    let mut planned = change::plan_in_item(text, document.as_table(), edit, lang)?;
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
) -> Result<(String, String, Validated), EditError> {
    let new_source = format!("{bom}{}", splice::apply(body, planned.splices));
    let loaded = load::parse(&new_source, options);
    if let Some(error) = loaded.errors().next() {
        return Err(already_invalid(source, options, shown).unwrap_or_else(|| {
            EditError::WouldBeInvalid {
                headline: error.headline(&new_source, shown),
            }
        }));
    }
    Ok((new_source, planned.summary, Validated::Whole(loaded)))
}

/// The original is validated only when something fails, to tell "the file
/// was already wrong" from "this change would make it wrong".
fn already_invalid(source: &str, options: Options, shown: &str) -> Option<EditError> {
    load::parse(source, options)
        .errors()
        .next()
        .map(|error| EditError::FileInvalid {
            headline: error.headline(source, shown),
        })
}

fn metadata_mode(metadata: &fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode()
}

fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `path` is a NUL-terminated string that outlives the call.
    unsafe { libc::access(path.as_ptr(), libc::W_OK) == 0 }
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
