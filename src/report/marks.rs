//! The assumed marker (`*`) of the human formats, and which of the figures
//! shown rest on a value the source does not give (DESIGN "assumed").

use std::cell::Cell;

use crate::figures;
use crate::model::{Assumed, Campaign, CampaignStatus, Field, Status, TaskSchedule};

/// Puts the marker after assumed values and remembers whether it did, so
/// the report carries the legend exactly when a mark is in it.
pub struct Marker {
    sign: &'static str,
    used: Cell<bool>,
}

impl Marker {
    /// `\*` in markdown (a bare `*` could open emphasis), `*` in text.
    pub fn new(sign: &'static str) -> Marker {
        Marker {
            sign,
            used: Cell::new(false),
        }
    }

    pub fn mark(&self, text: impl Into<String>, assumed: bool) -> String {
        let mut text = text.into();
        if assumed {
            text.push_str(self.sign);
            self.used.set(true);
        }
        text
    }

    pub fn sign(&self) -> &'static str {
        self.sign
    }

    pub fn used(&self) -> bool {
        self.used.get()
    }
}

/// The task's assumed fields among those a report shows: a plain count
/// shows no start or due but its own, so its campaign's assumed dates
/// (which the schedule passes on) are not its own.
pub fn task_assumed(schedule: &TaskSchedule) -> Assumed {
    let shown = |field: &Field| match field {
        Field::Start => schedule.start.is_some(),
        Field::Due => schedule.due.is_some(),
        _ => true,
    };
    let fields: Vec<Field> = schedule.assumed.fields().filter(shown).collect();
    Assumed::of(&fields)
}

/// Whether the task's done/total figure holds an assumed value.
pub fn figure_assumed(schedule: &TaskSchedule) -> bool {
    schedule.assumed.any(&[Field::Done, Field::Total])
}

/// Whether 序时进度 of the task rests on an assumed date.
pub fn expected_assumed(schedule: &TaskSchedule) -> bool {
    schedule.expected.is_some() && schedule.assumed.any(&[Field::Start, Field::Due])
}

/// Whether the days left (or late) count from an assumed due date.
pub fn days_assumed(schedule: &TaskSchedule) -> bool {
    schedule.days_left.is_some() && schedule.assumed.contains(Field::Due)
}

/// Whether the date the planned tasks start from is an assumption: every
/// planned task starting that day has an assumed start.
pub fn planned_from_assumed(status: &CampaignStatus) -> bool {
    let Some(from) = status.rollup.planned_from else {
        return false;
    };
    let mut starting = status
        .tasks
        .iter()
        .filter(|s| s.status == Status::NotStarted && s.start == Some(from))
        .peekable();
    starting.peek().is_some() && starting.all(|s| s.assumed.contains(Field::Start))
}

/// Whether a campaign's period holds an assumed start or end.
pub fn period_assumed(campaign: &Campaign) -> (bool, bool) {
    (
        campaign.start.is_some() && campaign.assumed.contains(Field::Start),
        campaign.end.is_some() && campaign.assumed.contains(Field::End),
    )
}

/// The whole percent a reader sees for `fraction` (`68` for 53/77), read
/// from `figures::percent` so a gap in points agrees with the shown figures.
pub fn shown_points(fraction: f64) -> Option<i64> {
    let shown = figures::percent(fraction);
    let digits: String = shown
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    digits.parse().ok()
}

/// A behind or at-risk task's gap to 序时进度 in the points shown: the
/// shown expected percent minus the shown percent done (capped at 100).
pub fn gap_points(schedule: &TaskSchedule) -> Option<i64> {
    let fraction = schedule.fraction?.min(1.0);
    let expected = schedule.expected?;
    Some(shown_points(expected)? - shown_points(fraction)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_marks_only_assumed_values_and_remembers() {
        let marker = Marker::new("*");
        assert_eq!(marker.mark("95%", false), "95%");
        assert!(!marker.used());
        assert_eq!(marker.mark("95%", true), "95%*");
        assert!(marker.used());
    }

    #[test]
    fn points_are_those_of_the_floored_percentages() {
        assert_eq!(shown_points(53.0 / 77.0), Some(68));
        assert_eq!(shown_points(0.29), Some(29));
        assert_eq!(shown_points(1.0 - 1e-12), Some(99));
        assert_eq!(shown_points(f64::NAN), None);
    }
}
