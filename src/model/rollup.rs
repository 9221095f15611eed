//! A campaign's roll-up at the reporting date (DESIGN "Campaign roll-up
//! (contract 2)"): progress and 序时进度 over the tasks that have begun, the
//! planned ones counted apart, and one status over tasks and indicators.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::schedule::{IndicatorState, TaskSchedule, pace_status};
use super::{Campaign, Field, Status};

/// A campaign's figures at the reporting date (DESIGN "Campaign roll-up
/// (contract 2)").
#[derive(Clone, Debug, PartialEq)]
pub struct Rollup {
    /// Weighted mean of the fractions (each capped at 1) of the measured
    /// tasks; `None` when there is none.
    pub progress: Option<f64>,
    /// 序时进度: where `progress` should be by now, over the same tasks.
    pub expected: Option<f64>,
    /// Tasks with a total that have begun: what the gauge stands for.
    pub measured: usize,
    /// Tasks with a total that start after the reporting date.
    pub planned: usize,
    /// The earliest start among the planned tasks.
    pub planned_from: Option<NaiveDate>,
    /// Whether that day is an assumption: every planned task starting
    /// that day has an assumed start.
    pub planned_from_assumed: bool,
    /// Every task, counts and planned ones included.
    pub tasks: usize,
    pub status_counts: BTreeMap<Status, usize>,
    pub indicators_met: usize,
    pub indicators_with_target: usize,
    /// The first status present in the roll-up order, over tasks with a
    /// total and indicators with a target; `None` when there is none.
    pub status: Option<Status>,
    /// Whether every item carrying `status` has it from an assumed value.
    pub status_assumed: bool,
    /// Whether a measured task's done, total or weight is assumed.
    pub progress_assumed: bool,
    /// Whether a measured task's start or due date is assumed.
    pub expected_assumed: bool,
    /// The gauge's own standing: `progress` against `expected` (done,
    /// on-track, at-risk, behind; in-progress without 序时进度), so its
    /// colour never says more than the gauge shows.
    pub gauge_status: Option<Status>,
}

/// What a campaign's headline status speaks for: how many items carry it,
/// of how many of what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub count: usize,
    pub of: usize,
    pub items: ScopeItems,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeItems {
    /// Tasks with a total that have begun (what the gauge stands for).
    MeasuredTasks,
    /// Tasks with a total that start after the reporting date.
    PlannedTasks,
    /// Indicators with a target.
    Indicators,
}

impl Rollup {
    /// How many items carry the headline status, of what: `▼ behind · 1 of
    /// 3 measured tasks`, `✗ not-met · 1 of 2 indicators`.
    pub fn scope(&self) -> Option<Scope> {
        let status = self.status?;
        let tasks = |count: usize| Scope {
            count,
            of: self.measured,
            items: ScopeItems::MeasuredTasks,
        };
        Some(match status {
            Status::Met => Scope {
                count: self.indicators_met,
                of: self.indicators_with_target,
                items: ScopeItems::Indicators,
            },
            Status::NotMet => Scope {
                count: self.indicators_with_target - self.indicators_met,
                of: self.indicators_with_target,
                items: ScopeItems::Indicators,
            },
            Status::NotStarted => Scope {
                count: self.planned,
                of: self.planned + self.measured,
                items: ScopeItems::PlannedTasks,
            },
            other => tasks(self.status_counts.get(&other).copied().unwrap_or(0)),
        })
    }
}

/// Rolls a campaign up from its items' statuses (`tasks` and `indicators`
/// in the campaign's order).
pub fn rollup(
    campaign: &Campaign,
    tasks: &[TaskSchedule],
    indicators: &[IndicatorState],
    margin: f64,
) -> Rollup {
    let mut status_counts = BTreeMap::new();
    let mut progress = WeightedMean::default();
    let mut expected = WeightedMean::default();
    let (mut planned, mut planned_from) = (0, None::<NaiveDate>);
    let (mut progress_assumed, mut expected_assumed) = (false, false);
    for (task, schedule) in campaign.tasks.iter().zip(tasks) {
        *status_counts.entry(schedule.status).or_insert(0) += 1;
        let Some(fraction) = schedule.fraction else {
            continue;
        };
        if schedule.status == Status::NotStarted {
            planned += 1;
            planned_from = match (planned_from, schedule.start) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            continue;
        }
        let fraction = fraction.min(1.0);
        progress.add(task.weight, fraction);
        // Without a schedule a task is where it should be.
        expected.add(task.weight, schedule.expected.unwrap_or(fraction));
        progress_assumed |= schedule
            .assumed
            .any(&[Field::Done, Field::Total, Field::Weight]);
        expected_assumed |= schedule.assumed.any(&[Field::Start, Field::Due]);
    }
    let judged = tasks
        .iter()
        .filter(|s| s.fraction.is_some())
        .map(|s| (s.status, s.status_assumed))
        .chain(
            indicators
                .iter()
                .filter(|s| s.status != Status::NoTarget)
                .map(|s| (s.status, s.status_assumed)),
        );
    let status = judged.clone().map(|(status, _)| status).min();
    let status_assumed = status.is_some_and(|worst| {
        judged
            .filter(|(status, _)| *status == worst)
            .all(|(_, assumed)| assumed)
    });
    let measured_count = progress.count;
    let (progress, expected) = (progress.mean(), expected.mean());
    Rollup {
        gauge_status: progress.map(|p| pace_status(p, expected, margin)),
        progress,
        expected,
        measured: measured_count,
        planned,
        planned_from,
        planned_from_assumed: planned_from_assumed(tasks, planned_from),
        tasks: campaign.tasks.len(),
        status_counts,
        indicators_met: indicators
            .iter()
            .filter(|s| s.status == Status::Met)
            .count(),
        indicators_with_target: indicators
            .iter()
            .filter(|s| s.status != Status::NoTarget)
            .count(),
        status,
        status_assumed,
        progress_assumed,
        expected_assumed,
    }
}

/// Whether every planned task starting on `from` starts on an assumed date.
fn planned_from_assumed(tasks: &[TaskSchedule], from: Option<NaiveDate>) -> bool {
    let Some(from) = from else {
        return false;
    };
    let mut starting = tasks
        .iter()
        .filter(|s| s.status == Status::NotStarted && s.fraction.is_some() && s.start == Some(from))
        .peekable();
    starting.peek().is_some() && starting.all(|s| s.assumed.contains(Field::Start))
}

/// A mean weighted by the tasks' `weight` (each above 0 and at most
/// `MAX_WEIGHT`, so the sums stay finite).
#[derive(Default)]
struct WeightedMean {
    weighted: f64,
    weights: f64,
    count: usize,
}

impl WeightedMean {
    fn add(&mut self, weight: f64, value: f64) {
        self.weighted += weight * value;
        self.weights += weight;
        self.count += 1;
    }

    fn mean(&self) -> Option<f64> {
        (self.count > 0 && self.weights > 0.0).then(|| self.weighted / self.weights)
    }
}
