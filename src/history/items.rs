//! Each item's points, gathered revision by revision (oldest first): a
//! point where the item's figure changed or where it first appeared, and a
//! note of the revision from which it is gone.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::point::{Figure, ItemHistory, Point, PointFrom};
use crate::load::Document;
use crate::model::schedule::{indicator_status, task_schedule};
use crate::model::{Campaign, Indicator, Level, Plan, Task};

/// The items seen so far.
#[derive(Default)]
pub(super) struct Items {
    items: Vec<Gathered>,
    by_key: HashMap<String, usize>,
    /// How many valid revisions have been added: marks which items the
    /// last one had.
    generation: usize,
}

struct Gathered {
    history: ItemHistory,
    /// The figure in the last valid revision that had the item.
    last: Figure,
    /// The generation that last had the item.
    seen: usize,
}

/// The revision a valid document is the file at.
pub(super) struct At<'a> {
    pub index: usize,
    pub commit: Option<&'a str>,
    pub from: PointFrom,
}

impl Items {
    /// Takes in the valid revision `at`, whose file is `document`.
    pub fn add(&mut self, at: &At<'_>, document: &Document) {
        self.generation += 1;
        let plan = document.plan();
        let as_of = document.as_of();
        for campaign in &plan.campaigns {
            for task in &campaign.tasks {
                let figure = Figure::Done(task.done);
                self.saw(campaign, &task.id, figure, at, as_of, || {
                    task_status(plan, campaign, task, as_of)
                });
            }
            for indicator in &campaign.indicators {
                let figure = Figure::Value(indicator.value);
                self.saw(campaign, &indicator.id, figure, at, as_of, || {
                    indicator_status(indicator)
                });
            }
        }
        // What the previous valid revision had and this one has not.
        for item in &mut self.items {
            if item.seen == self.generation - 1 && item.history.removed.is_none() {
                item.history.removed = Some(at.index);
            }
        }
    }

    fn saw(
        &mut self,
        campaign: &Campaign,
        id: &str,
        figure: Figure,
        at: &At<'_>,
        as_of: NaiveDate,
        status: impl FnOnce() -> crate::model::Status,
    ) {
        let key = format!("{}/{id}", campaign.id);
        let point = |status| Point {
            revision: Some(at.index),
            commit: at.commit.map(str::to_owned),
            as_of,
            figure,
            status,
            from: at.from,
        };
        match self.by_key.get(&key) {
            Some(&index) => {
                let item = &mut self.items[index];
                // Back after a revision without it: it appears again.
                let returned = item.seen != self.generation - 1;
                if returned || item.last != figure {
                    item.history.points.push(point(status()));
                }
                item.history.removed = None;
                item.last = figure;
                item.seen = self.generation;
            }
            None => {
                self.by_key.insert(key.clone(), self.items.len());
                self.items.push(Gathered {
                    history: ItemHistory {
                        key,
                        points: vec![point(status())],
                        removed: None,
                    },
                    last: figure,
                    seen: self.generation,
                });
            }
        }
    }

    /// The items, in the order of `newest` (the newest valid revision),
    /// then those no longer in it in the order they were first seen; each
    /// with the points of its `history` array in `newest` merged in.
    pub fn finish(self, newest: Option<&Document>) -> Vec<ItemHistory> {
        let mut items: Vec<ItemHistory> = self.items.into_iter().map(|i| i.history).collect();
        let Some(newest) = newest else {
            return items;
        };
        let plan = newest.plan();
        // Each item's place in the newest file.
        let mut order = vec![usize::MAX; items.len()];
        let mut next = 0;
        let mut place = |key: String, written: Vec<Point>| {
            if let Some(&index) = self.by_key.get(&key) {
                order[index] = next;
                next += 1;
                merge_written(&mut items[index], written);
            }
        };
        for campaign in &plan.campaigns {
            for task in &campaign.tasks {
                let key = format!("{}/{}", campaign.id, task.id);
                place(key, written_task(plan, campaign, task));
            }
            for indicator in &campaign.indicators {
                let key = format!("{}/{}", campaign.id, indicator.id);
                place(key, written_indicator(indicator));
            }
        }
        // Stable: items gone keep the order they were first seen in.
        let mut ranked: Vec<(usize, ItemHistory)> = order.into_iter().zip(items).collect();
        ranked.sort_by_key(|(rank, _)| *rank);
        ranked.into_iter().map(|(_, item)| item).collect()
    }
}

fn task_status(
    plan: &Plan,
    campaign: &Campaign,
    task: &Task,
    as_of: NaiveDate,
) -> crate::model::Status {
    task_schedule(task, campaign, as_of, plan.meta.at_risk_margin).status
}

/// A task's `history` array as points, each with the status the task would
/// have had at that date with that figure.
fn written_task(plan: &Plan, campaign: &Campaign, task: &Task) -> Vec<Point> {
    task.history
        .iter()
        .map(|written| {
            let mut then = task.clone();
            then.done = written.done;
            Point {
                revision: None,
                commit: None,
                as_of: written.date,
                figure: Figure::Done(written.done),
                status: task_status(plan, campaign, &then, written.date),
                from: PointFrom::Written,
            }
        })
        .collect()
}

fn written_indicator(indicator: &Indicator) -> Vec<Point> {
    indicator
        .history
        .iter()
        .map(|written| Point {
            revision: None,
            commit: None,
            as_of: written.date,
            figure: Figure::Value(written.value),
            status: indicator_status(&with_value(indicator, written.value)),
            from: PointFrom::Written,
        })
        .collect()
}

fn with_value(indicator: &Indicator, value: Level) -> Indicator {
    let mut then = indicator.clone();
    then.value = value;
    then
}

/// The written points win over the revisions' on the same date; the rest
/// are ordered by date, revisions keeping their order on a date they share.
fn merge_written(item: &mut ItemHistory, written: Vec<Point>) {
    if written.is_empty() {
        return;
    }
    item.points
        .retain(|point| !written.iter().any(|w| w.as_of == point.as_of));
    item.points.extend(written);
    item.points.sort_by_key(|point| point.as_of);
}
