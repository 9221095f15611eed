//! The points an item's own `history` array gives, in the newest valid
//! revision: merged into what the revisions give (and winning on a date
//! both have).

use chrono::NaiveDate;

use super::point::{Point, PointFrom};
use crate::load::Document;
use crate::model::schedule::{IndicatorState, task_schedule};
use crate::model::{Assumed, Field, Figure, Status};

/// Each item's written points (`campaign/item`, points), each with the
/// status the item would have had at that date with that figure.
pub(super) fn written(document: &Document) -> Vec<(String, Vec<Point>)> {
    let plan = document.plan();
    let margin = plan.meta.at_risk_margin;
    let mut out = Vec::new();
    for campaign in &plan.campaigns {
        for task in campaign.tasks.iter().filter(|t| !t.history.is_empty()) {
            let mut then = task.clone();
            then.assumed = figure_assumed(task.assumed, Field::Done);
            let points = task
                .history
                .iter()
                .map(|point| {
                    then.done = point.done;
                    let schedule = task_schedule(&then, campaign, point.date, margin);
                    let figure = Figure::Done(point.done);
                    let shown = (schedule.status, schedule.status_assumed);
                    written_point(point.date, figure, shown, task.assumed)
                })
                .collect();
            out.push((format!("{}/{}", campaign.id, task.id), points));
        }
        for indicator in campaign.indicators.iter().filter(|i| !i.history.is_empty()) {
            let mut then = indicator.clone();
            then.assumed = figure_assumed(indicator.assumed, Field::Value);
            let points = indicator
                .history
                .iter()
                .map(|point| {
                    then.value = point.value;
                    let state = IndicatorState::of(&then);
                    let figure = Figure::Value(point.value);
                    let shown = (state.status, state.status_assumed);
                    written_point(point.date, figure, shown, indicator.assumed)
                })
                .collect();
            out.push((format!("{}/{}", campaign.id, indicator.id), points));
        }
    }
    out
}

/// The item's assumed fields as its status rules read them at a written
/// point: the point stands in for `figure`, assumed when the `history`
/// array is.
fn figure_assumed(assumed: Assumed, figure: Field) -> Assumed {
    if assumed.contains(Field::History) {
        assumed.with(figure)
    } else {
        assumed
    }
}

fn written_point(
    as_of: NaiveDate,
    figure: Figure,
    (status, status_assumed): (Status, bool),
    assumed: Assumed,
) -> Point {
    Point {
        revision: None,
        commit: None,
        as_of,
        figure,
        // The array gives no qualifier: its points read as written.
        at_least: false,
        status,
        from: PointFrom::Written,
        assumed,
        status_assumed,
    }
}
