//! The columns `--yoy` adds to the CSV (and the numbers the ledger shows):
//! last year's figure (上年同期) with its date and source, then the change
//! (同比) as a plain number in the column of its unit, so a column never
//! mixes points with percent, and its direction.

use chrono::NaiveDate;

use super::{ItemYoy, YearSource, Yoy};
use crate::figures::YearUnit;
use crate::model::{Campaign, Figure, Item, Level};

/// The CSV header of the added columns, in order.
pub const HEADER: [&str; 8] = [
    "last_year",
    "last_year_as_of",
    "last_year_source",
    "yoy_pp",
    "yoy_percent",
    "yoy_days",
    "yoy_class_steps",
    "yoy_direction",
];

/// One added cell.
#[derive(Clone, Debug, PartialEq)]
pub enum YoyCell {
    Number(f64),
    Date(NaiveDate),
    /// Words this program writes: a class, a commit, `history`, `better`.
    Words(String),
    Empty,
}

/// The item's added cells; all empty when there is no figure for the same
/// period last year.
pub fn cells(yoy: &Yoy, campaign: &Campaign, item: Item) -> [YoyCell; 8] {
    match yoy.item(campaign, item) {
        Some(found) => of(&found),
        None => std::array::from_fn(|_| YoyCell::Empty),
    }
}

fn of(found: &ItemYoy) -> [YoyCell; 8] {
    let figure = match found.ago.figure {
        Figure::Done(amount) | Figure::Value(Level::Number(amount)) => YoyCell::Number(amount),
        Figure::Value(Level::WaterClass(class)) => YoyCell::Words(class.as_str().to_owned()),
    };
    let source = match &found.ago.source {
        YearSource::Commit(commit) => commit.clone(),
        YearSource::File => "history".to_owned(),
    };
    let mut by_unit: [YoyCell; 4] = std::array::from_fn(|_| YoyCell::Empty);
    let mut direction = YoyCell::Empty;
    if let Some(change) = &found.change {
        let column = match change.unit {
            YearUnit::Points => 0,
            YearUnit::Percent => 1,
            YearUnit::Days => 2,
            YearUnit::Class => 3,
        };
        if let Some(amount) = change.change {
            by_unit[column] = YoyCell::Number(amount);
        }
        if let Some(d) = change.direction {
            direction = YoyCell::Words(d.as_str().to_owned());
        }
    }
    let [pp, percent, days, class] = by_unit;
    [
        figure,
        YoyCell::Date(found.ago.as_of),
        YoyCell::Words(source),
        pp,
        percent,
        days,
        class,
        direction,
    ]
}
