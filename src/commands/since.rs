//! `--since REV|DATE`, for `report` and for the screen: the baseline found
//! in the git history of the file (`History::baseline`, one rule for both),
//! or the one error line both say before anything else is done.

use std::path::Path;

use chrono::NaiveDate;

use campaigns::history::compare::Baseline;
use campaigns::history::{self, History, HistoryError, Since};
use campaigns::text::sanitize_line;

use super::{COULD_NOT_RUN, to_stderr};

/// Reads the history of `file` and takes the figures at the baseline
/// `since` names. `current_as_of` is the reporting date of the current
/// figures; `today` dates the working copy, as `campaigns history` does.
pub fn baseline(
    file: &Path,
    since: &Since,
    current_as_of: NaiveDate,
    today: NaiveDate,
) -> Result<Baseline, HistoryError> {
    let history = history::read(file, history::Options { today })?;
    baseline_in(&history, file, since, current_as_of)
}

/// The figures at the baseline `since` names in `history` (of `file`).
fn baseline_in(
    history: &History,
    file: &Path,
    since: &Since,
    current_as_of: NaiveDate,
) -> Result<Baseline, HistoryError> {
    let index = history.baseline(since, current_as_of)?;
    index
        .and_then(|index| Baseline::at(history, index))
        .ok_or_else(|| HistoryError::NothingBefore {
            path: sanitize_line(&file.display().to_string()),
            before: "before this one".to_owned(),
        })
}

/// The baseline, or the error said on stderr (`campaigns: …`) with the
/// exit code: the same line for the screen and for `report`.
pub fn baseline_or_exit(
    file: &Path,
    since: &Since,
    current_as_of: NaiveDate,
    today: NaiveDate,
) -> Result<Baseline, u8> {
    baseline(file, since, current_as_of, today).map_err(|err| {
        to_stderr(&format!("campaigns: {err}"));
        COULD_NOT_RUN
    })
}

/// The screen's `--since`: checked before the terminal is touched, so a
/// REV or DATE that finds nothing exits 2 with the line `report` says.
/// Gives the history it read, for the screen to take rather than read again.
pub fn check_for_screen(
    file: &Path,
    since: &Since,
    today: NaiveDate,
) -> Result<Option<History>, u8> {
    if *since == Since::LastReport {
        return Ok(None);
    }
    let say = |err: HistoryError| {
        to_stderr(&format!("campaigns: {err}"));
        COULD_NOT_RUN
    };
    let history = history::read(file, history::Options { today }).map_err(say)?;
    // A REV or a DATE does not depend on the current figures' date.
    baseline_in(&history, file, since, today).map_err(say)?;
    Ok(Some(history))
}

/// What was asked, as the report says it: the date, or the revision as typed.
pub fn asked(since: &Since) -> String {
    match since {
        Since::Date(day) => day.format("%Y-%m-%d").to_string(),
        Since::Rev(rev) => rev.clone(),
        Since::LastReport => String::new(),
    }
}
