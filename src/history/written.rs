//! The points an item's own `history` array gives, in the newest valid
//! revision: merged into what the revisions give (and winning on a date
//! both have).

use chrono::NaiveDate;

use super::items::task_status;
use super::point::{Point, PointFrom};
use crate::load::Document;
use crate::model::schedule::indicator_status;
use crate::model::{Figure, Status};

/// Each item's written points (`campaign/item`, points), each with the
/// status the item would have had at that date with that figure.
pub(super) fn written(document: &Document) -> Vec<(String, Vec<Point>)> {
    let plan = document.plan();
    let mut out = Vec::new();
    for campaign in &plan.campaigns {
        for task in campaign.tasks.iter().filter(|t| !t.history.is_empty()) {
            let mut then = task.clone();
            let points = task
                .history
                .iter()
                .map(|point| {
                    then.done = point.done;
                    let status = task_status(plan, campaign, &then, point.date);
                    written_point(point.date, Figure::Done(point.done), status)
                })
                .collect();
            out.push((format!("{}/{}", campaign.id, task.id), points));
        }
        for indicator in campaign.indicators.iter().filter(|i| !i.history.is_empty()) {
            let mut then = indicator.clone();
            let points = indicator
                .history
                .iter()
                .map(|point| {
                    then.value = point.value;
                    let status = indicator_status(&then);
                    written_point(point.date, Figure::Value(point.value), status)
                })
                .collect();
            out.push((format!("{}/{}", campaign.id, indicator.id), points));
        }
    }
    out
}

fn written_point(as_of: NaiveDate, figure: Figure, status: Status) -> Point {
    Point {
        revision: None,
        commit: None,
        as_of,
        figure,
        // The array gives no qualifier: its points read as written.
        at_least: false,
        status,
        from: PointFrom::Written,
    }
}
