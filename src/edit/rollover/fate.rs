//! What becomes of each task when the year closes.

use chrono::NaiveDate;

use super::dates::new_year;
use crate::model::{Campaign, Task};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fate {
    /// Done (done ≥ total): listed and left out of the new year's plan.
    Finished,
    /// Begun and not finished: what is left (total − done) is the new
    /// year's total, with nothing done yet.
    Carried { remainder: f64 },
    /// A count whose window lies in the closed year: the new year counts
    /// again from 0.
    Reset,
    /// Already of the new year (it starts then or later), or a count that
    /// runs on across years: kept, its dates moved into the year.
    Kept,
}

/// The fate of `task` of `campaign` when the plan rolls over into `year`.
pub fn fate(task: &Task, campaign: &Campaign, year: i32) -> Fate {
    let start = task.start.or(campaign.start);
    let due = task.due.or(campaign.end);
    if start.is_some_and(|start| start >= new_year(year)) {
        return Fate::Kept;
    }
    match task.total {
        Some(total) if task.done >= total => Fate::Finished,
        Some(total) => Fate::Carried {
            remainder: total - task.done,
        },
        None if in_closed_year(start, due, year) => Fate::Reset,
        None => Fate::Kept,
    }
}

/// Whether `start..=due` is known and lies within the year before `year`.
fn in_closed_year(start: Option<NaiveDate>, due: Option<NaiveDate>, year: i32) -> bool {
    match (start, due) {
        (Some(start), Some(due)) => start >= new_year(year - 1) && due < new_year(year),
        _ => false,
    }
}
