//! `report --yoy`: the git history of the file read for the same period
//! last year. A file git does not hold is no error: its own `history`
//! points serve; a repository that cannot be read is, as for `--since`.

use std::path::Path;

use chrono::NaiveDate;

use campaigns::history::compare::YearOnYear;
use campaigns::history::{self, HistoryError};
use campaigns::model::Plan;

use super::{COULD_NOT_RUN, to_stderr};

/// The years before `as_of` (the reporting date of the figures shown);
/// `today` dates the working copy. On error, said on stderr, the exit code.
pub fn years_or_exit(
    file: &Path,
    plan: &Plan,
    as_of: NaiveDate,
    today: NaiveDate,
) -> Result<YearOnYear, u8> {
    let said = |err: HistoryError| {
        to_stderr(&format!("campaigns: {err}"));
        COULD_NOT_RUN
    };
    let history = match history::read(file, history::Options { today }) {
        Ok(history) => Some(history),
        Err(HistoryError::NotInGit { .. } | HistoryError::NeverCommitted { .. }) => None,
        Err(err) => return Err(said(err)),
    };
    YearOnYear::new(history.as_ref(), plan, as_of).map_err(said)
}
