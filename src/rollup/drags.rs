//! "Who drags" (拖后腿): for each summed task, how far the counted units
//! together are short of 序时进度, and each unit's share of it
//! ("全省差240个，其中A市差120，占50%"). 序时进度 is the schedule's own
//! (`TaskSchedule::expected`); a unit's shortfall is the whole items it is
//! short of `expected × total`, floored as percentages are (never reads
//! larger than it is). Units ahead of schedule do not offset the others.

use super::found::find;
use super::manifest::{How, Manifest};
use super::units::Unit;
use crate::model::{Field, Item, Text};

/// One summed item's shortfall and who carries it.
#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    pub item: String,
    pub name: Option<Text>,
    pub unit_word: Option<Text>,
    /// The units' shortfalls added up.
    pub shortfall: f64,
    /// The units short of 序时进度, most short first (then in the
    /// manifest's order): each one's shortfall and share of the whole.
    pub units: Vec<Share>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    pub unit: String,
    pub shortfall: f64,
    /// Of `Drag::shortfall`, 0..=1.
    pub share: f64,
    /// The shortfall rests on an assumed value (done, total, or the start
    /// or due date 序时进度 is counted from).
    pub assumed: bool,
    /// The unit's done is a lower bound (`approx`): its shortfall and share
    /// are only approximate (`≈120`).
    pub approx: bool,
}

impl Drag {
    /// The shortfall in all rests on at least one assumed value.
    pub fn assumed(&self) -> bool {
        self.units.iter().any(|share| share.assumed)
    }

    /// The shortfall in all rests on a lower bound: only approximate, and
    /// so is every unit's share of it.
    pub fn approx(&self) -> bool {
        self.units.iter().any(|share| share.approx)
    }
}

/// A drag per `sum` item of the manifest.
pub fn drags(manifest: &Manifest, units: &[Unit]) -> Vec<Drag> {
    let summed = manifest.combine.iter().filter(|c| c.how == How::Sum);
    summed
        .map(|combine| drag(manifest, units, &combine.item))
        .collect()
}

fn drag(manifest: &Manifest, units: &[Unit], item: &str) -> Drag {
    let mut drag = Drag {
        item: item.to_owned(),
        name: None,
        unit_word: None,
        shortfall: 0.0,
        units: Vec::new(),
    };
    for unit in units.iter().filter(|unit| unit.counted()) {
        let Some(found) = find(manifest, unit, item) else {
            continue;
        };
        let Item::Task(i) = found.item else {
            continue;
        };
        let task = &found.campaign.tasks[i];
        if drag.name.is_none() {
            drag.name = Some(task.name.clone());
            drag.unit_word = task.unit.clone();
        }
        let schedule = &found.status.tasks[i];
        let (Some(total), Some(expected)) = (task.total, schedule.expected) else {
            continue;
        };
        let short = shortfall(expected * total, task.done);
        if short > 0.0 {
            drag.shortfall += short;
            drag.units.push(Share {
                unit: unit.id.clone(),
                shortfall: short,
                share: 0.0,
                assumed: schedule.assumed.any(&[
                    Field::Start,
                    Field::Due,
                    Field::Done,
                    Field::Total,
                ]),
                approx: task.qualifiers.at_least(),
            });
        }
    }
    for share in &mut drag.units {
        share.share = share.shortfall / drag.shortfall;
    }
    // Stable: equal shortfalls keep the manifest's order.
    drag.units
        .sort_by(|a, b| b.shortfall.total_cmp(&a.shortfall));
    drag
}

/// How many items short of `expected` (a count by now) `done` is: whole
/// items when both are whole counts, floored; never below 0.
fn shortfall(expected: f64, done: f64) -> f64 {
    let expected = if done.fract() == 0.0 {
        expected.floor()
    } else {
        expected
    };
    (expected - done).max(0.0)
}
