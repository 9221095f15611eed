//! The edit made on a loaded document: planned on the item's own section,
//! else on its campaign's, else on the whole file; then checked by
//! re-reading what changed, else by loading the whole new text. The
//! document is the only reader of the file's dates and of where its parts
//! are written.

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;

use super::change::{self, Planned};
use super::{Edit, EditError, Record, Written, locate, splice};
use crate::load::{self, Document, Invalid, Opened, Options};
use crate::model::Lang;
use crate::text::sanitize_line;

/// Loads `text`, read from `path`, as the screen does; a file with errors
/// is never updated (an edit may replace the very value that is wrong), so
/// it is refused with its first error.
pub(super) fn loaded(
    path: &Path,
    text: String,
    options: Options,
    shown: &str,
) -> Result<Document, EditError> {
    match Opened::parse(path, text, options) {
        Opened::Valid(document) => Ok(document),
        Opened::Invalid(invalid) => Err(file_invalid(&invalid, shown)),
    }
}

fn file_invalid(invalid: &Invalid, shown: &str) -> EditError {
    let first = invalid.diagnostics.iter().find(|d| d.is_error());
    EditError::FileInvalid {
        headline: first.map_or_else(String::new, |error| {
            error.headline(&invalid.text, shown, Lang::En)
        }),
    }
}

/// The document's text with the edit made: the summary line and what was
/// written, as `document` describes it (a re-read is against it).
pub(super) fn edited(
    document: &Document,
    edit: &Edit,
    shown: &str,
) -> Result<(String, Written), EditError> {
    let record = edit.record.map(|record| match record {
        Record::At(date) => date,
        Record::ReportingDate => document.as_of(),
    });
    let planned = planned(document, edit, record, shown)?;
    let source = document.text();
    let text = splice::apply(source, planned.splices);
    let written = if text == source {
        Written::Unchanged { text }
    } else {
        validated(document, text, shown)?
    };
    Ok((planned.summary, written))
}

/// The splices, in the document's text: on the item's own section (a
/// campaign of 100 000 tasks is too big a section to hand to toml_edit),
/// else on its campaign's, which holds all of it, refusals included; on
/// the whole file only when the campaign has no section of its own.
fn planned(
    document: &Document,
    edit: &Edit,
    record: Option<NaiveDate>,
    shown: &str,
) -> Result<Planned, EditError> {
    change::asks_for_something(edit)?;
    // The document knows every campaign: an unknown one needs no parse.
    let campaigns = &document.plan().campaigns;
    if !campaigns.iter().any(|c| c.id == edit.campaign) {
        let ids: Vec<&str> = campaigns.iter().map(|c| c.id.as_str()).collect();
        return Err(locate::unknown_campaign(&edit.campaign, &ids));
    }
    let source = document.text();
    let item = document.item_section_of(&edit.campaign, &edit.item);
    if let Some(planned) = item.and_then(|item| planned_in_item(source, item, edit, record)) {
        return Ok(planned);
    }
    let section = document.section_of(&edit.campaign);
    if let Some(planned) = section.and_then(|s| planned_in_section(source, s, edit, record)) {
        return planned;
    }
    planned_in_whole(source, edit, record, shown)
}

/// The edit planned on the item's own section, its splices moved to where
/// that section is in `source`; `None` when anything is amiss.
pub(super) fn planned_in_item(
    source: &str,
    item: Range<usize>,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Option<Planned> {
    let text = source.get(item.clone())?;
    let document = toml_edit::Document::parse(text).ok()?;
    let planned = change::plan_in_item(text, document.as_table(), edit, record)?;
    Some(moved(planned, item.start))
}

/// The edit planned on the campaign's section, or why it is refused there;
/// `None` when the section does not read alone or does not hold it.
pub(super) fn planned_in_section(
    source: &str,
    section: Range<usize>,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Option<Result<Planned, EditError>> {
    let text = source.get(section.clone())?;
    let document = toml_edit::Document::parse(text).ok()?;
    let campaigns = document.get("campaign").map(locate::tables);
    let holds = campaigns
        .unwrap_or_default()
        .iter()
        .any(|node| node.str("id") == Some(edit.campaign.as_str()));
    if !holds {
        return None;
    }
    let planned = change::plan(text, document.as_table(), edit, record);
    Some(planned.map(|planned| moved(planned, section.start)))
}

/// The edit planned on the whole file (a byte-order mark is not TOML): for
/// a refusal, and for a file whose campaigns are not all `[[campaign]]`
/// sections of their own.
pub(super) fn planned_in_whole(
    source: &str,
    edit: &Edit,
    record: Option<NaiveDate>,
    shown: &str,
) -> Result<Planned, EditError> {
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    load::count_whole_parse();
    let document = toml_edit::Document::parse(body).map_err(|err| EditError::FileInvalid {
        headline: format!("{}: {}", sanitize_line(shown), sanitize_line(err.message())),
    })?;
    let planned = change::plan(body, document.as_table(), edit, record)?;
    Ok(moved(planned, source.len() - body.len()))
}

fn moved(mut planned: Planned, by: usize) -> Planned {
    for splice in &mut planned.splices {
        splice.range = splice.range.start + by..splice.range.end + by;
    }
    planned
}

/// `text` checked: re-read where it differs from the document when that
/// part can be read alone, else loaded whole, which words the error.
fn validated(document: &Document, text: String, shown: &str) -> Result<Written, EditError> {
    if let Some(reread) = document.reread(&text) {
        return Ok(Written::Reread { reread, text });
    }
    match Opened::parse(document.path(), text, document.options()) {
        Opened::Valid(document) => Ok(Written::Whole(document)),
        Opened::Invalid(invalid) => {
            let first = invalid.diagnostics.iter().find(|d| d.is_error());
            Err(EditError::WouldBeInvalid {
                headline: first.map_or_else(String::new, |error| {
                    error.headline(&invalid.text, shown, Lang::En)
                }),
            })
        }
    }
}
