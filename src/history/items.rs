//! Each item's points, found while the revisions are loaded newest first
//! (the order git's packs resolve deltas cheaply in), holding no more than
//! one pending point per item: a point is the oldest revision of a run of
//! valid revisions with the same figure, so it is known once the next older
//! revision has another figure, lacks the item, or there is none. What
//! comes out is what reading oldest first gives: a point where the figure
//! changed or the item first appeared (or came back), and the revision from
//! which the item is gone.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::point::{ItemHistory, Point, PointFrom};
use crate::load::Document;
use crate::model::{Assumed, Campaign, Figure, PlanStatus, Status, Text};

/// The items seen so far.
#[derive(Default)]
pub(super) struct Items {
    items: Vec<Gathered>,
    by_key: HashMap<String, usize>,
    /// Valid revisions taken in so far (newest first).
    generation: usize,
    /// The index of the last valid revision taken in (the next newer one).
    newer: Option<usize>,
    /// Keys of the newest valid revision, in its order.
    newest_order: Vec<usize>,
    /// Each valid revision's campaigns and their roll-up progress there
    /// (revision index, campaign id, progress), for a comparison with it.
    progress: Vec<Progress>,
}

struct Gathered {
    /// Points newest first until `finish`.
    history: ItemHistory,
    pending: Option<Point>,
    /// The generation that last had the item (0: none yet).
    seen: usize,
    /// Where the oldest revision that has it has it: (revision, place).
    oldest_place: (usize, usize),
}

/// A valid revision (its index) with each campaign's id and roll-up
/// progress there.
pub(super) type Progress = (usize, Vec<(String, Option<f64>)>);

/// The valid revision a document is the file at.
pub(super) struct At<'a> {
    /// Its index in the history (oldest first).
    pub index: usize,
    pub commit: Option<&'a str>,
    pub from: PointFrom,
}

impl Items {
    /// Takes in the valid revision `at`, older than every one taken so far.
    pub fn add(&mut self, at: &At<'_>, document: &Document) {
        self.generation += 1;
        let plan = document.plan();
        let as_of = document.as_of();
        // The statuses a report of this revision shows: one computation.
        let statuses = PlanStatus::compute(plan, as_of);
        let mut place = 0;
        for (campaign, shown) in plan.campaigns.iter().zip(&statuses.campaigns) {
            for (task, schedule) in campaign.tasks.iter().zip(&shown.tasks) {
                let seen = Seen {
                    figure: Figure::Done(task.done),
                    at_least: task.qualifiers.at_least(),
                    status: schedule.status,
                    assumed: task.assumed,
                    status_assumed: schedule.status_assumed,
                };
                self.saw(campaign, (&task.id, &task.name), seen, at, as_of, place);
                place += 1;
            }
            for (indicator, state) in campaign.indicators.iter().zip(&shown.indicators) {
                let seen = Seen {
                    figure: Figure::Value(indicator.value),
                    at_least: indicator.qualifiers.at_least(),
                    status: state.status,
                    assumed: indicator.assumed,
                    status_assumed: state.status_assumed,
                };
                self.saw(
                    campaign,
                    (&indicator.id, &indicator.name),
                    seen,
                    at,
                    as_of,
                    place,
                );
                place += 1;
            }
        }
        let progress = plan.campaigns.iter().zip(&statuses.campaigns);
        let progress = progress.map(|(c, s)| (c.id.clone(), s.rollup.progress));
        self.progress.push((at.index, progress.collect()));
        self.newer = Some(at.index);
    }

    fn saw(
        &mut self,
        campaign: &Campaign,
        (id, name): (&str, &Text),
        seen: Seen,
        at: &At<'_>,
        as_of: NaiveDate,
        place: usize,
    ) {
        let key = format!("{}/{id}", campaign.id);
        let index = match self.by_key.get(&key) {
            Some(&index) => index,
            None => {
                let index = self.items.len();
                self.by_key.insert(key.clone(), index);
                self.items.push(Gathered {
                    history: ItemHistory {
                        key,
                        // Revisions come newest first: the newest name.
                        name: Some(name.clone()),
                        points: Vec::new(),
                        removed: None,
                        gone: Vec::new(),
                    },
                    pending: None,
                    seen: 0,
                    oldest_place: (at.index, place),
                });
                if self.generation == 1 {
                    self.newest_order.push(index);
                }
                index
            }
        };
        let generation = self.generation;
        let item = &mut self.items[index];
        // A status that moved while the figure stood still (the reporting
        // date passed a due date) starts a point of its own: the status of
        // a point holds for every revision up to the next.
        // First seen below the newest valid revision: the next newer one
        // does not have it, it is gone from there.
        if item.seen == 0 && generation > 1 {
            item.history.removed = self.newer;
        }
        // Not in the next newer valid revision: gone from there (removed,
        // or away for a while and back at the point already taken).
        if generation > 1 && item.seen != generation - 1 {
            item.history.gone.extend(self.newer);
        }
        // A mark that came or went starts a point too: it holds for the run.
        let run_goes_on =
            item.seen == generation - 1 && item.pending.as_ref().is_some_and(|p| seen.is(p));
        if !run_goes_on && let Some(done) = item.pending.take() {
            item.history.points.push(done);
        }
        // The run now starts here, as far as is known.
        item.pending = Some(Point {
            revision: Some(at.index),
            commit: at.commit.map(str::to_owned),
            as_of,
            figure: seen.figure,
            at_least: seen.at_least,
            status: seen.status,
            from: at.from,
            assumed: seen.assumed,
            status_assumed: seen.status_assumed,
        });
        item.seen = generation;
        item.oldest_place = (at.index, place);
    }

    /// The items in the order of the newest valid revision, then those no
    /// longer in it in the order they first appear; points oldest first,
    /// with each item's `written` points (its `history` array in the newest
    /// valid revision) merged in.
    pub fn finish(mut self, written: Vec<(String, Vec<Point>)>) -> Finished {
        for item in &mut self.items {
            if let Some(first) = item.pending.take() {
                item.history.points.push(first);
            }
            item.history.points.reverse();
            item.history.gone.reverse();
        }
        for (key, points) in written {
            if let Some(&index) = self.by_key.get(&key) {
                merge_written(&mut self.items[index].history, points);
            }
        }
        let mut placed = vec![false; self.items.len()];
        for &index in &self.newest_order {
            placed[index] = true;
        }
        let mut gone: Vec<usize> = (0..self.items.len()).filter(|&i| !placed[i]).collect();
        gone.sort_by_key(|&i| self.items[i].oldest_place);
        let order: Vec<usize> = self.newest_order.iter().copied().chain(gone).collect();
        let mut items: Vec<Option<ItemHistory>> =
            self.items.into_iter().map(|i| Some(i.history)).collect();
        self.progress.reverse();
        Finished {
            items: order.into_iter().filter_map(|i| items[i].take()).collect(),
            progress: self.progress,
        }
    }
}

/// An item's figure and status in one revision, with their marks.
struct Seen {
    figure: Figure,
    /// The figure is a lower bound (`approx`).
    at_least: bool,
    status: Status,
    assumed: Assumed,
    status_assumed: bool,
}

impl Seen {
    /// Whether `point` holds this figure and status with these marks.
    fn is(&self, point: &Point) -> bool {
        point.figure == self.figure
            && point.at_least == self.at_least
            && point.status == self.status
            && point.assumed == self.assumed
            && point.status_assumed == self.status_assumed
    }
}

/// What the revisions gave: each item's points, and each valid revision's
/// campaigns with their progress (oldest first).
pub(super) struct Finished {
    pub items: Vec<ItemHistory>,
    pub progress: Vec<Progress>,
}

/// Every revision's point stays (a same-date correction is a second point
/// of that date); a written point that repeats a revision's figure on its
/// date is left out. Ordered by date, revisions first on a date they share
/// with a written point, keeping their order.
fn merge_written(item: &mut ItemHistory, written: Vec<Point>) {
    if written.is_empty() {
        return;
    }
    let mut published: HashMap<NaiveDate, Vec<Figure>> = HashMap::new();
    for point in &item.points {
        published.entry(point.as_of).or_default().push(point.figure);
    }
    let repeats = |w: &Point| {
        published
            .get(&w.as_of)
            .is_some_and(|f| f.contains(&w.figure))
    };
    let written: Vec<Point> = written.into_iter().filter(|w| !repeats(w)).collect();
    item.points.extend(written);
    item.points
        .sort_by_key(|point| (point.as_of, point.from == PointFrom::Written));
}
