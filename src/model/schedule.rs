//! Each task's and indicator's status, and a task's pace, at a reporting
//! date, exactly as DESIGN.md defines them. Pure functions of the item and
//! the date; `plan_status` rolls them up.

use chrono::{Days, NaiveDate};

use super::{Assumed, Better, Campaign, Field, Indicator, Level, Status, Task};

/// What the schedule says about one task at the reporting date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaskSchedule {
    pub status: Status,
    /// done / total, uncapped; `None` for a plain count.
    pub fraction: Option<f64>,
    /// Where the task should be by now (0..=1), when it has a schedule.
    pub expected: Option<f64>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// Days from the reporting date to the due date (negative when past).
    pub days_left: Option<i64>,
    /// The task's assumed fields, with `start`/`due` when a task with a
    /// total runs by an assumed campaign `start`/`end`.
    pub assumed: Assumed,
    /// Whether the status rests on an assumed value.
    pub status_assumed: bool,
}

/// The start and due date a task runs by: its own, else its campaign's.
pub fn task_window(task: &Task, campaign: &Campaign) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (task.start.or(campaign.start), task.due.or(campaign.end))
}

pub fn task_schedule(
    task: &Task,
    campaign: &Campaign,
    as_of: NaiveDate,
    margin: f64,
) -> TaskSchedule {
    let Some(total) = task.total else {
        // A plain figure: no schedule but what is written on the task
        // itself, so none of the campaign's assumed dates either.
        return TaskSchedule {
            status: Status::Count,
            fraction: None,
            expected: None,
            start: task.start,
            due: task.due,
            days_left: task.due.map(|due| (due - as_of).num_days()),
            assumed: task.assumed,
            status_assumed: false,
        };
    };
    let assumed = task_assumed(task, campaign);
    let (start, due) = task_window(task, campaign);
    let days_left = due.map(|due| (due - as_of).num_days());
    let fraction = task.done / total;
    let expected = match (start, due) {
        (Some(start), Some(due)) => Some(expected_fraction(start, due, as_of)),
        _ => None,
    };
    let status = if task.done >= total {
        done_status(task, total)
    } else if start.is_some_and(|start| start > as_of) {
        Status::NotStarted
    } else if due.is_some_and(|due| due < as_of) {
        Status::Overdue
    } else {
        pace_status(fraction, expected, margin)
    };
    // The fields each status was decided by.
    let decided_by: &[Field] = match status {
        Status::Done | Status::DoneOpen | Status::InProgress => &[Field::Done, Field::Total],
        Status::NotStarted => &[Field::Start],
        Status::Overdue => &[Field::Due, Field::Done, Field::Total],
        _ => &[Field::Start, Field::Due, Field::Done, Field::Total],
    };
    TaskSchedule {
        status,
        fraction: Some(fraction),
        expected,
        start,
        due,
        days_left,
        assumed,
        status_assumed: assumed.any(decided_by),
    }
}

/// A done task is done-open while 销号 is tracked and falls short of its
/// total; without `closed` nothing says it is open.
fn done_status(task: &Task, total: f64) -> Status {
    match task.closed {
        Some(closed) if closed.count() < total => Status::DoneOpen,
        _ => Status::Done,
    }
}

/// A task's assumed fields, with the campaign's assumed dates it runs by.
fn task_assumed(task: &Task, campaign: &Campaign) -> Assumed {
    let mut assumed = task.assumed;
    if task.start.is_none() && campaign.assumed.contains(Field::Start) {
        assumed = assumed.with(Field::Start);
    }
    if task.due.is_none() && campaign.assumed.contains(Field::End) {
        assumed = assumed.with(Field::Due);
    }
    assumed
}

/// (D − start) / (due − start) in days, clamped to [0, 1]; 1 when start = due.
/// Where `fraction` stands against 序时进度 `expected`: done at 1, else
/// on-track, at-risk within `margin` below, behind; in-progress without a
/// schedule. A task's status once its start and due are passed over, and the
/// campaign gauge's own colour.
pub fn pace_status(fraction: f64, expected: Option<f64>, margin: f64) -> Status {
    match expected {
        _ if fraction >= 1.0 => Status::Done,
        None => Status::InProgress,
        Some(expected) if fraction >= expected => Status::OnTrack,
        Some(expected) if fraction >= expected - margin => Status::AtRisk,
        Some(_) => Status::Behind,
    }
}

pub fn expected_fraction(start: NaiveDate, due: NaiveDate, as_of: NaiveDate) -> f64 {
    let span = (due - start).num_days();
    if span <= 0 {
        return 1.0;
    }
    let elapsed = (as_of - start).num_days();
    (elapsed as f64 / span as f64).clamp(0.0, 1.0)
}

pub fn indicator_status(indicator: &Indicator) -> Status {
    let met = match (indicator.value, indicator.target, indicator.better) {
        (_, None, _) => return Status::NoTarget,
        (Level::WaterClass(value), Some(Level::WaterClass(target)), _) => value.meets(target),
        (Level::Number(value), Some(Level::Number(target)), Some(Better::Higher)) => {
            value >= target
        }
        (Level::Number(value), Some(Level::Number(target)), Some(Better::Lower)) => value <= target,
        // The loader refuses these shapes; without a direction nothing is met.
        _ => return Status::NoTarget,
    };
    if met { Status::Met } else { Status::NotMet }
}

/// What the target says about one indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndicatorState {
    pub status: Status,
    /// Whether met or not-met rests on an assumed value or target.
    pub status_assumed: bool,
}

impl IndicatorState {
    pub fn of(indicator: &Indicator) -> IndicatorState {
        let status = indicator_status(indicator);
        IndicatorState {
            status,
            status_assumed: status != Status::NoTarget
                && indicator.assumed.any(&[Field::Value, Field::Target]),
        }
    }
}

/// How fast a task moves and whether it will finish in time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    /// Units done per day so far.
    pub achieved_per_day: Option<f64>,
    /// Units per day needed from the reporting date to finish by the due date.
    pub needed_per_day: Option<f64>,
    /// When the task finishes at the achieved rate.
    pub projected_finish: Option<NaiveDate>,
    /// Whether the achieved rate was measured from history or from the start date.
    pub basis: PaceBasis,
    /// The task's assumed fields with the campaign dates it runs by: what
    /// the rates and the finish rest on (`Pace::marked_*`).
    pub assumed: Assumed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaceBasis {
    History,
    Start,
    Unknown,
}

pub fn pace(task: &Task, campaign: &Campaign, as_of: NaiveDate) -> Option<Pace> {
    let total = task.total?;
    let (start, due) = task_window(task, campaign);
    let remaining = (total - task.done).max(0.0);
    // From the earliest history point before the reporting date, else from the start.
    let from_history = task
        .history
        .iter()
        .find(|point| point.date < as_of)
        .map(|point| (point.date, task.done - point.done, PaceBasis::History));
    let from_start = start
        .filter(|start| *start < as_of)
        .map(|start| (start, task.done, PaceBasis::Start));
    let (achieved_per_day, basis) = match from_history.or(from_start) {
        Some((since, gained, basis)) => {
            let days = (as_of - since).num_days() as f64;
            (Some(gained / days), basis)
        }
        None => (None, PaceBasis::Unknown),
    };
    let needed_per_day = match due {
        _ if remaining == 0.0 => Some(0.0),
        Some(due) if due > as_of => Some(remaining / (due - as_of).num_days() as f64),
        _ => None,
    };
    let projected_finish = if remaining == 0.0 {
        Some(as_of)
    } else {
        achieved_per_day
            .filter(|rate| *rate > 0.0)
            .and_then(|rate| {
                let days = (remaining / rate).ceil();
                // Beyond any date worth showing: no projection.
                (days < 365.0 * 1000.0).then_some(days as u64)
            })
            .and_then(|days| as_of.checked_add_days(Days::new(days)))
    };
    Some(Pace {
        achieved_per_day,
        needed_per_day,
        projected_finish,
        basis,
        assumed: task_assumed(task, campaign),
    })
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
