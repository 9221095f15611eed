//! An item's points in reporting order: the one order the screen's detail
//! and sparkline and every format of `campaigns history` show (DESIGN
//! contract 3: a same-date correction is a second point of its date).
//!
//! The points are gathered in commit order, and a month corrected after a
//! later month was reported is committed after it: shown in that order the
//! history would run backwards. Here every valid revision that has the item
//! is placed by its reporting date (the reports of one date in commit
//! order, so a correction follows what it corrects) and the points are the
//! revisions where the figure or the status changed, as in commit order.

use super::History;
use super::point::{ItemHistory, Point, PointFrom};

/// A point as shown, and whether it corrects an earlier report of its date.
#[derive(Clone, Debug, PartialEq)]
pub struct Reported {
    pub point: Point,
    pub corrects: bool,
}

/// A valid revision that has the item, with the point of its run.
struct Reading<'p> {
    revision: usize,
    run: &'p Point,
    /// The first revision after the item was away: a point even when its
    /// figure is the one before.
    came_back: bool,
}

impl History {
    /// The points of `item` oldest reporting date first: a correction (a
    /// later commit reporting on an earlier date) right after the reports of
    /// its date, a point of the item's own `history` array after the
    /// revisions' of its date. A correction that repeats the figure and
    /// status it corrects is no point.
    pub fn reported(&self, item: &ItemHistory) -> Vec<Reported> {
        let readings = self.readings(item);
        let as_of = |reading: &Reading| self.revisions[reading.revision].as_of;
        let mut shown: Vec<(Option<&Reading>, &Point)> = readings
            .iter()
            .map(|reading| (Some(reading), reading.run))
            .chain(written(item).map(|point| (None, point)))
            .collect();
        // Stable: written points keep their order, readings their commits'.
        shown.sort_by_key(|(reading, point)| match reading {
            Some(reading) => (as_of(reading).unwrap_or(point.as_of), 0, reading.revision),
            None => (point.as_of, 1, 0),
        });
        let mut out = Vec::new();
        let mut before: Option<&Reading> = None;
        for (reading, point) in shown {
            let Some(reading) = reading else {
                out.push(Reported {
                    point: point.clone(),
                    corrects: false,
                });
                continue;
            };
            let day = as_of(reading).unwrap_or(point.as_of);
            let repeats = before.is_some_and(|b| same_reading(b.run, point)) && !reading.came_back;
            let corrects = before.is_some_and(|b| as_of(b) == Some(day));
            before = Some(reading);
            if repeats {
                continue;
            }
            let commit = self.revisions[reading.revision].commit.clone();
            let from = match commit {
                Some(_) => PointFrom::Commit,
                None => PointFrom::WorkingCopy,
            };
            let point = Point {
                revision: Some(reading.revision),
                commit,
                as_of: day,
                from,
                ..point.clone()
            };
            out.push(Reported { point, corrects });
        }
        out
    }

    /// Each valid revision that has the item, in commit order, with the
    /// point whose run it is in: a run lasts until the next point or until
    /// the item is gone.
    fn readings<'p>(&self, item: &'p ItemHistory) -> Vec<Reading<'p>> {
        let mut runs: Vec<&Point> = item.points.iter().filter(|p| !is_written(p)).collect();
        runs.sort_by_key(|point| point.revision);
        let mut out = Vec::new();
        let mut previous = None;
        for (n, run) in runs.iter().enumerate() {
            let Some(start) = run.revision else { continue };
            let next = runs.get(n + 1).and_then(|p| p.revision);
            let gone = item.gone.iter().copied().filter(|&g| g > start).min();
            let end = [next, gone, Some(self.revisions.len())]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(start + 1);
            let away = |from: usize| item.gone.iter().any(|&g| g > from && g <= start);
            let came_back = previous.is_some_and(away);
            for revision in (start..end).filter(|&r| self.revisions[r].valid) {
                out.push(Reading {
                    revision,
                    run,
                    came_back: came_back && revision == start,
                });
            }
            previous = Some(start);
        }
        out
    }
}

/// The same figure (a lower bound or not) and status, with the same marks.
fn same_reading(a: &Point, b: &Point) -> bool {
    a.figure == b.figure
        && a.at_least == b.at_least
        && a.status == b.status
        && a.assumed == b.assumed
        && a.status_assumed == b.status_assumed
}

fn is_written(point: &Point) -> bool {
    point.from == PointFrom::Written
}

fn written(item: &ItemHistory) -> impl Iterator<Item = &Point> {
    item.points.iter().filter(|p| is_written(p))
}

#[cfg(test)]
#[path = "order_tests.rs"]
mod tests;
