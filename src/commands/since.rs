//! `report --since REV|DATE`: the baseline found in the git history of the
//! file and loaded whole, for `report::since` to compare with.

use std::path::Path;

use chrono::NaiveDate;

use campaigns::history::{self, HistoryError, Since};
use campaigns::load::{self, Document};
use campaigns::text::sanitize_line;

/// The baseline revision's commit and the file as it was there; `None`
/// when no valid revision is at or before what `since` names (not an
/// error: the report says so).
pub type Found = Option<(String, Document)>;

/// Reads the history of `file` and loads the baseline `since` picks.
/// `current_as_of` is the reporting date of the current figures; `today`
/// dates the working copy, as `campaigns history` does.
pub fn baseline(
    file: &Path,
    since: &Since,
    current_as_of: NaiveDate,
    today: NaiveDate,
) -> Result<Found, HistoryError> {
    let history = history::read(file, history::Options { today })?;
    // Only the working copy: a DATE would find nothing and a REV no commit
    // of the file, which reads as if the file had no past at all.
    if history.revisions.iter().all(|r| r.commit.is_none()) {
        return Err(HistoryError::NoCommits {
            path: sanitize_line(&file.display().to_string()),
        });
    }
    let Some(index) = history.baseline(since, current_as_of)? else {
        return Ok(None);
    };
    let revision = &history.revisions[index];
    let (Some(commit), Some(committed)) = (&revision.commit, revision.committed) else {
        // `baseline` picks commits only for a REV or a DATE.
        return Ok(None);
    };
    // The day it was committed stands for today there, as in the history.
    let options = load::Options {
        as_of: None,
        today: committed.date_naive(),
    };
    match history.load(index, options)? {
        Some(document) => Ok(Some((commit.clone(), document))),
        // It loaded while the history was read: only a repository changed
        // under us gets here.
        None => Err(HistoryError::Git {
            repo: sanitize_line(&file.display().to_string()),
            what: format!("the baseline {}", revision.short()),
            message: "no longer loads".to_owned(),
        }),
    }
}

/// What was asked, as the report says it: the date, or the revision as typed.
pub fn asked(since: &Since) -> String {
    match since {
        Since::Date(day) => day.format("%Y-%m-%d").to_string(),
        Since::Rev(rev) => rev.clone(),
        Since::LastReport => String::new(),
    }
}
