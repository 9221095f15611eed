//! `report --yoy`: each item beside its figure of the same period last
//! year (同比) and, where the three years before all have one, their mean
//! (较前三年均值). The baselines are `history::compare`'s ([`YearOnYear`]),
//! the change and its words `figures`'; here they are only looked up as the
//! formats walk the plan.

pub mod columns;
pub mod json;
pub mod words;

use crate::figures::{YearChange, year_change};
use crate::history::compare::{YearAgo, YearOnYear, YearsMean, current_figure};
use crate::model::{Better, Campaign, Field, Item, Text};

pub use crate::history::compare::YearSource;

/// The year-on-year baselines of a report.
#[derive(Debug)]
pub struct Yoy {
    years: YearOnYear,
}

/// An item beside the same period last year.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemYoy {
    pub ago: YearAgo,
    /// Approximate (`YearChange::approx`) when either figure is a lower bound.
    pub change: Option<YearChange>,
    /// The change rests on an assumed value (the figure now, or a `history`
    /// point marked assumed): it carries `*`.
    pub assumed: bool,
}

/// An item beside the mean of the three years before.
#[derive(Clone, Debug, PartialEq)]
pub struct MeanYoy {
    pub mean: YearsMean,
    pub change: Option<YearChange>,
    pub assumed: bool,
}

impl Yoy {
    pub fn new(years: YearOnYear) -> Yoy {
        Yoy { years }
    }

    pub fn years(&self) -> &YearOnYear {
        &self.years
    }

    /// The item's figure of the same period last year and the change on
    /// it; `None`: there is no figure for that period.
    pub fn item(&self, campaign: &Campaign, item: Item) -> Option<ItemYoy> {
        let ago = self.years.item(campaign, item)?;
        let (unit, better) = unit_and_better(campaign, item)?;
        let now = current_figure(campaign, item)?;
        let at_least = ago.at_least || figure_at_least(campaign, item);
        let change =
            year_change(now, ago.figure, unit, better).map(|c| c.from_lower_bound(at_least));
        let assumed = ago.assumed || figure_assumed(campaign, item);
        Some(ItemYoy {
            ago,
            change,
            assumed,
        })
    }

    /// The item beside the mean of its three years before; `None` unless
    /// each of them has a figure.
    pub fn mean(&self, campaign: &Campaign, item: Item) -> Option<MeanYoy> {
        let mean = self.years.mean(campaign, item)?;
        let (unit, better) = unit_and_better(campaign, item)?;
        let now = current_figure(campaign, item)?;
        let before = match now {
            crate::model::Figure::Done(_) => crate::model::Figure::Done(mean.mean),
            crate::model::Figure::Value(_) => {
                crate::model::Figure::Value(crate::model::Level::Number(mean.mean))
            }
        };
        let at_least = mean.at_least() || figure_at_least(campaign, item);
        let change = year_change(now, before, unit, better).map(|c| c.from_lower_bound(at_least));
        let assumed = mean.assumed() || figure_assumed(campaign, item);
        Some(MeanYoy {
            mean,
            change,
            assumed,
        })
    }
}

/// The item's unit and the direction in which it is better: a task's count
/// is better higher.
fn unit_and_better(campaign: &Campaign, item: Item) -> Option<(Option<&Text>, Option<Better>)> {
    Some(match item {
        Item::Task(i) => (campaign.tasks.get(i)?.unit.as_ref(), Some(Better::Higher)),
        Item::Indicator(i) => {
            let indicator = campaign.indicators.get(i)?;
            (indicator.unit.as_ref(), indicator.better)
        }
    })
}

/// Whether the item's own figure (a task's done, an indicator's value) is
/// a lower bound (`approx`).
pub fn figure_at_least(campaign: &Campaign, item: Item) -> bool {
    match item {
        Item::Task(i) => campaign
            .tasks
            .get(i)
            .is_some_and(|t| t.qualifiers.at_least()),
        Item::Indicator(i) => campaign
            .indicators
            .get(i)
            .is_some_and(|ind| ind.qualifiers.at_least()),
    }
}

/// Whether the item's own figure (a task's done, an indicator's value) is
/// assumed.
pub fn figure_assumed(campaign: &Campaign, item: Item) -> bool {
    match item {
        Item::Task(i) => campaign
            .tasks
            .get(i)
            .is_some_and(|t| t.assumed.contains(Field::Done)),
        Item::Indicator(i) => campaign
            .indicators
            .get(i)
            .is_some_and(|ind| ind.assumed.contains(Field::Value)),
    }
}
