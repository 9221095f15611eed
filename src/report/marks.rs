//! The assumed marker (`*`) of the human formats, and which of the figures
//! shown rest on a value the source does not give (DESIGN "assumed").

use std::cell::Cell;

use super::words;
use crate::figures::{self, Shown};
use crate::history::Point;
use crate::model::{
    Campaign, CampaignStatus, Field, Figure, Indicator, IndicatorState, Lang, Marked, TaskSchedule,
};

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

    /// A shown figure with this report's sign when it rests on an assumed value.
    pub fn shown(&self, shown: &Shown) -> String {
        if shown.assumed() {
            self.used.set(true);
        }
        shown.marked_with(self.sign)
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

/// The figures of a task's JSON object and CSV row that rest on an
/// assumed value, by their keys (DESIGN contract 3, "Marks travel"): the
/// assumed fields themselves and every figure worked out from one. `change`
/// (with `--since`) follows the done count it is the change of.
pub fn task_marked(schedule: &TaskSchedule) -> Vec<&'static str> {
    let figure = |field: Field| schedule.assumed.contains(field);
    [
        ("done", figure(Field::Done)),
        ("total", figure(Field::Total)),
        ("fraction", marked(schedule.marked_fraction())),
        ("status", schedule.status_assumed),
        ("start", marked(schedule.marked_start())),
        ("due", marked(schedule.marked_due())),
        ("days_left", marked(schedule.marked_days_left())),
        ("change", figure(Field::Done)),
    ]
    .into_iter()
    .filter_map(|(key, marked)| marked.then_some(key))
    .collect()
}

/// An indicator's marked keys: its value, target and status, and the
/// change of an assumed value.
pub fn indicator_marked(indicator: &Indicator, state: &IndicatorState) -> Vec<&'static str> {
    let figure = |field: Field| indicator.assumed.contains(field);
    [
        ("value", figure(Field::Value)),
        ("target", figure(Field::Target)),
        ("status", state.status_assumed),
        ("change", figure(Field::Value)),
    ]
    .into_iter()
    .filter_map(|(key, marked)| marked.then_some(key))
    .collect()
}

/// An item's marked keys beside a baseline, as every report lists them:
/// `change` only when there is a baseline, and `previous.status` when the
/// status there rests on an assumed value (its move shows `*`).
pub fn with_baseline(
    mut keys: Vec<&'static str>,
    compared: bool,
    previous_status_assumed: bool,
) -> Vec<&'static str> {
    keys.retain(|key| compared || *key != "change");
    if previous_status_assumed {
        keys.push("previous.status");
    }
    keys
}

/// A history point's marked keys (`campaigns history`): its `done` or
/// `value` when it is not from the source, its status when that rests on
/// an assumed value.
pub fn point_marked(point: &Point) -> Vec<&'static str> {
    let figure = match point.figure {
        Figure::Done(_) => "done",
        Figure::Value(_) => "value",
    };
    [
        (figure, point.figure_assumed()),
        ("status", point.status_assumed),
    ]
    .into_iter()
    .filter_map(|(key, marked)| marked.then_some(key))
    .collect()
}

/// A campaign's marked keys: progress, 序时进度, the status it rolls up and
/// the indicators met.
pub fn campaign_marked(status: &CampaignStatus) -> Vec<&'static str> {
    let rollup = &status.rollup;
    [
        ("progress", marked(rollup.marked_progress())),
        ("expected", marked(rollup.marked_expected())),
        ("status", rollup.status.is_some() && rollup.status_assumed),
        ("indicators_met", marked(status.marked_indicators_met())),
    ]
    .into_iter()
    .filter_map(|(key, marked)| marked.then_some(key))
    .collect()
}

fn marked<T>(figure: Option<Marked<T>>) -> bool {
    figure.is_some_and(|figure| figure.assumed())
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
        let sourced = Marker::new("\\*");
        assert_eq!(sourced.shown(&Shown::new("0", false)), "0");
        assert!(!sourced.used());
        assert_eq!(sourced.shown(&Shown::new("0", true)), "0\\*");
        assert!(sourced.used());
    }
}
