//! `campaigns rollover YEAR`: the next year's plan drafted from this one,
//! every comment and the layout kept (toml_edit edits values in place):
//! `meta.as_of` at the year's first day; campaign and task dates moved into
//! the year; each task by its [`Fate`]: a finished one left out, an
//! unfinished one carried as its remainder with `follows` naming its own
//! path (last year's task of the same id), a count of the closed year back
//! to 0. Indicators keep their levels: a level stands until the next
//! reading. Last year's figures (history, 销号) stay in last year's
//! revision, not in the draft.

mod comments;
mod dates;
mod fate;
mod tasks;

use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item, Table};

use crate::model::{ItemPath, Plan, Text};
pub use fate::Fate;

/// What the draft changed, in the order of the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Rolled {
    AsOf {
        from: Option<NaiveDate>,
        to: NaiveDate,
    },
    CampaignDates {
        campaign: String,
        name: Text,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    },
    Task {
        path: ItemPath,
        name: Text,
        done: f64,
        total: Option<f64>,
        fate: Fate,
    },
    /// A `follows` that named a task now left out, taken away.
    FollowsDropped { path: ItemPath, named: ItemPath },
    /// A comment kept beside a value the draft rewrote that names the
    /// closed year (`meta.as_of`, `water start`, `water/outfalls due`).
    StaleComment { place: String, comment: String },
}

/// The draft's text and what it changed.
#[derive(Clone, Debug)]
pub struct Rollover {
    pub text: String,
    pub changes: Vec<Rolled>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RolloverError {
    #[error("the plan reports on {as_of}: a rollover goes into a later year than {year}")]
    NotLater { as_of: NaiveDate, year: i32 },
    #[error("the file does not parse as TOML: {0}")]
    Syntax(String),
    #[error("the campaigns and tasks must be written as [[campaign]] and [[campaign.task]] tables")]
    Layout,
}

/// Drafts the plan for `year` from `source`, whose loaded plan is `plan`.
pub fn roll_over(source: &str, plan: &Plan, year: i32) -> Result<Rollover, RolloverError> {
    if let Some(as_of) = plan
        .meta
        .as_of
        .filter(|d| chrono::Datelike::year(d) >= year)
    {
        return Err(RolloverError::NotLater { as_of, year });
    }
    let (bom, body) = match source.strip_prefix('\u{FEFF}') {
        Some(body) => ("\u{FEFF}", body),
        None => ("", source),
    };
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|err: toml_edit::TomlError| RolloverError::Syntax(err.to_string()))?;
    // As written, for the comments kept beside what the draft rewrites.
    let source = doc.clone();
    let mut changes = Vec::new();
    let to = dates::new_year(year);
    if let Some(meta) = doc.get_mut("meta").and_then(Item::as_table_mut) {
        dates::write(meta, "as_of", to);
    }
    changes.push(Rolled::AsOf {
        from: plan.meta.as_of,
        to,
    });
    if let Some(item) = doc.get_mut("campaign") {
        let tables = item.as_array_of_tables_mut().ok_or(RolloverError::Layout)?;
        if tables.len() != plan.campaigns.len() {
            return Err(RolloverError::Layout);
        }
        let left_out = tasks::left_out(plan, year);
        for (table, campaign) in tables.iter_mut().zip(&plan.campaigns) {
            if let Some(change) = campaign_dates(table, year) {
                changes.push(Rolled::CampaignDates {
                    campaign: campaign.id.clone(),
                    name: campaign.name.clone(),
                    start: change.0,
                    end: change.1,
                });
            }
            tasks::roll_tasks(table, campaign, year, &left_out, &mut changes)?;
        }
    }
    changes.extend(comments::stale_comments(&source, &doc, year - 1));
    Ok(Rollover {
        text: format!("{bom}{}", line_ends_of(body, doc.to_string())),
        changes,
    })
}

/// toml_edit writes `\n`: a file whose lines all end in `\r\n` gets them back.
fn line_ends_of(source: &str, text: String) -> String {
    let crlf = source.matches("\r\n").count();
    if crlf > 0 && crlf == source.matches('\n').count() {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text
    }
}

/// Moves a campaign's dates into `year`: a campaign of the closed year
/// becomes the same period of the new one; one that ran on starts with the
/// year. Gives the new dates when any moved.
fn campaign_dates(table: &mut Table, year: i32) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let (start, end) = (dates::read(table, "start"), dates::read(table, "end"));
    let next = dates::new_year(year);
    let yearly =
        start.is_some_and(|s| s >= dates::new_year(year - 1)) && end.is_some_and(|e| e < next);
    let new_start = start.map(|s| {
        if yearly {
            dates::in_year(s, year)
        } else {
            s.max(next)
        }
    });
    let new_end = end.map(|e| dates::moved_into(e, year));
    if (new_start, new_end) == (start, end) {
        return None;
    }
    if let Some(date) = new_start {
        dates::write(table, "start", date);
    }
    if let Some(date) = new_end {
        dates::write(table, "end", date);
    }
    Some((new_start, new_end))
}

#[cfg(test)]
#[path = "rollover_tests.rs"]
mod tests;
