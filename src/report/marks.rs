//! The assumed marker (`*`) of the human formats, and which of the figures
//! shown rest on a value the source does not give (DESIGN "assumed").

use std::cell::Cell;

use super::words;
use crate::figures;
use crate::model::{Campaign, CampaignStatus, Field, Lang, Status, TaskSchedule};

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

/// A campaign's period in words, each assumed date marked:
/// "2024-01-01 – 2024-12-31*" / "2024-01-01至2024-12-31*".
pub fn period(campaign: &Campaign, lang: Lang, marker: &Marker) -> Option<String> {
    let marked = |date: Option<chrono::NaiveDate>, field: Field| {
        date.map(|d| marker.mark(figures::date(d), campaign.assumed.contains(field)))
    };
    let start = marked(campaign.start, Field::Start);
    let end = marked(campaign.end, Field::End);
    words::period(start.as_deref(), end.as_deref(), lang)
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
}
