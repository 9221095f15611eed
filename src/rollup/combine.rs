//! Items combined across the fresh units (`[[combine]]`): `sum` adds up
//! done and total, `count-met` counts the units that meet their target,
//! `none` lists each unit's figure and adds nothing up. The office's own
//! file (`[rollup] office`) is never one of the units added: where it
//! states a summed item, its figure is compared with the units' sum. A sum
//! with a part that is a lower bound (`approx`) is one too (1 200余), and
//! the office is checked against it only the way it can be wrong.

use super::found::{Found, find};
use super::manifest::{Combine, How, Manifest};
use super::units::Unit;
use crate::model::{Field, Item, Level, Qualifiers, Status, Text, whole_contradicts};

/// One combined item.
#[derive(Clone, Debug, PartialEq)]
pub struct Combined {
    /// `campaign/item`, in the manifest's ids.
    pub item: String,
    pub how: How,
    /// The item's name and unit of count, from the first unit that has it.
    pub name: Option<Text>,
    pub unit_word: Option<Text>,
    /// `sum`: done added up; `count-met`: the units meeting the target.
    pub done: Option<f64>,
    /// `sum`: the totals added up (of the units whose item has one);
    /// `count-met`: the units with a target.
    pub total: Option<f64>,
    /// Each fresh unit's figure (`sum`: its done; `count-met`: 1 met, 0 not;
    /// `none`: its done or value), in the manifest's order.
    pub by_unit: Vec<(String, f64)>,
    /// Fresh units whose plan has no such item (or one of another kind).
    pub missing: Vec<String>,
    /// The units whose figure added in rests on an assumed value (their
    /// done or total; for `count-met`, what their status rests on): the
    /// combined figure and each of theirs carry `*`.
    pub assumed_in: Vec<String>,
    /// The units whose figure (`sum`, `none`) is a lower bound: theirs
    /// reads `90+`, and a sum of it is a lower bound too.
    pub at_least_in: Vec<String>,
    /// `sum`: the qualifiers the sum carries from its parts (a part of
    /// 90余 makes it 余: `approx`), for a writer that names them.
    pub qualifiers: Qualifiers,
    /// `sum`: the office's own figure (its done), when its file is fresh
    /// and states the item.
    pub office: Option<f64>,
    /// The office's figure is a lower bound.
    pub office_at_least: bool,
    /// `sum`: the office's figure less the units' sum, beside `office`
    /// ("省级1 200 ≠ 各市合计1 187，差13": 13); 0 when they agree, a lower
    /// bound agreeing with any figure on its side (`whole_contradicts`).
    pub difference: Option<f64>,
}

/// Every `[[combine]]` item over the fresh units.
pub fn combine(manifest: &Manifest, units: &[Unit]) -> Vec<Combined> {
    manifest
        .combine
        .iter()
        .map(|combine| combine_one(manifest, units, combine))
        .collect()
}

fn combine_one(manifest: &Manifest, units: &[Unit], combine: &Combine) -> Combined {
    let mut combined = Combined {
        item: combine.item.clone(),
        how: combine.how,
        name: None,
        unit_word: None,
        done: (combine.how != How::None).then_some(0.0),
        total: None,
        by_unit: Vec::new(),
        missing: Vec::new(),
        assumed_in: Vec::new(),
        at_least_in: Vec::new(),
        qualifiers: Qualifiers::default(),
        office: None,
        office_at_least: false,
        difference: None,
    };
    for unit in units.iter().filter(|unit| unit.counted()) {
        let found = find(manifest, unit, &combine.item);
        match found.and_then(|found| figure(found, combine.how)) {
            Some((done, total)) => {
                let found = found.expect("a figure comes from an item");
                if combined.name.is_none() {
                    combined.name = Some(name_of(found));
                    combined.unit_word = unit_word(found);
                }
                if let Some(sum) = combined.done.as_mut() {
                    *sum += done;
                }
                if let Some(total) = total {
                    *combined.total.get_or_insert(0.0) += total;
                }
                combined.by_unit.push((unit.id.clone(), done));
                if assumed(found, combine.how) {
                    combined.assumed_in.push(unit.id.clone());
                }
                // A count of units met is exact whatever their figures.
                if combine.how != How::CountMet && found.at_least() {
                    combined.at_least_in.push(unit.id.clone());
                }
                if combine.how == How::Sum {
                    found.qualifiers().carry_into(&mut combined.qualifiers);
                }
            }
            None => combined.missing.push(unit.id.clone()),
        }
    }
    if combine.how == How::CountMet && combined.total.is_none() {
        combined.total = Some(0.0);
    }
    if combine.how == How::Sum {
        let office = office_figure(manifest, units, &combine.item);
        combined.office = office.map(|(done, _)| done);
        combined.office_at_least = office.is_some_and(|(_, at_least)| at_least);
        let sum = combined.done.map(|sum| (sum, combined.at_least()));
        combined.difference = office.zip(sum).map(|(office, sum)| apart(office, sum));
    }
    combined
}

/// `office − sum`, each with whether it is a lower bound; 0 when they do
/// not contradict each other (equal but for the rounding of adding
/// fractions, or a lower bound on the side it allows).
fn apart(office: (f64, bool), sum: (f64, bool)) -> f64 {
    match whole_contradicts(office, sum) {
        true => office.0 - sum.0,
        false => 0.0,
    }
}

/// The office's own `done` of a summed item, and whether it is a lower
/// bound, when its file is fresh and states the item as a task.
fn office_figure(manifest: &Manifest, units: &[Unit], item: &str) -> Option<(f64, bool)> {
    let office = units.iter().find(|unit| unit.office && unit.fresh())?;
    let found = find(manifest, office, item)?;
    figure(found, How::Sum).map(|(done, _)| (done, found.at_least()))
}

impl Combined {
    /// The combined figure rests on at least one assumed value.
    pub fn assumed(&self) -> bool {
        !self.assumed_in.is_empty()
    }

    /// Unit `id`'s figure rests on an assumed value.
    pub fn assumed_for(&self, id: &str) -> bool {
        self.assumed_in.iter().any(|u| u == id)
    }

    /// The combined figure is a lower bound: a sum with such a part.
    pub fn at_least(&self) -> bool {
        self.how == How::Sum && !self.at_least_in.is_empty()
    }

    /// Unit `id`'s figure is a lower bound.
    pub fn at_least_for(&self, id: &str) -> bool {
        self.at_least_in.iter().any(|u| u == id)
    }
}

/// Whether a unit's part rests on an assumed value: the fields `figure`
/// reads, or what the status counted by `count-met` rests on.
fn assumed(found: Found<'_>, how: How) -> bool {
    match (how, found.item) {
        (How::CountMet, item) => item.status_assumed(found.status),
        (How::Sum, Item::Task(i)) => found.campaign.tasks[i]
            .assumed
            .any(&[Field::Done, Field::Total]),
        (_, Item::Task(i)) => found.campaign.tasks[i].assumed.contains(Field::Done),
        (_, Item::Indicator(i)) => found.campaign.indicators[i].assumed.contains(Field::Value),
    }
}

/// A unit's part: (what adds to `done`, what adds to `total`). `None`
/// when the item cannot combine so (a sum of an indicator's level).
fn figure(found: Found<'_>, how: How) -> Option<(f64, Option<f64>)> {
    match (how, found.item) {
        (How::Sum, Item::Task(i)) => {
            let task = &found.campaign.tasks[i];
            Some((task.done, task.total))
        }
        (How::Sum, Item::Indicator(_)) => None,
        (How::CountMet, item) => {
            let status = item.status(found.status);
            let met = matches!(status, Status::Met | Status::Done);
            let measured = !matches!(status, Status::NoTarget | Status::Count);
            measured.then_some((f64::from(u8::from(met)), Some(1.0)))
        }
        (How::None, Item::Task(i)) => Some((found.campaign.tasks[i].done, None)),
        (How::None, Item::Indicator(i)) => match found.campaign.indicators[i].value {
            Level::Number(value) => Some((value, None)),
            Level::WaterClass(_) => Some((found.level(), None)),
        },
    }
}

fn name_of(found: Found<'_>) -> Text {
    match found.item {
        Item::Task(i) => found.campaign.tasks[i].name.clone(),
        Item::Indicator(i) => found.campaign.indicators[i].name.clone(),
    }
}

fn unit_word(found: Found<'_>) -> Option<Text> {
    match found.item {
        Item::Task(i) => found.campaign.tasks[i].unit.clone(),
        Item::Indicator(i) => found.campaign.indicators[i].unit.clone(),
    }
}
