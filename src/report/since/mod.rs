//! `report --since`: the figures of a baseline (the file as it was at a
//! revision of its git history) beside the current ones, for every format.
//! The comparison itself is `history::compare`'s, the one the screen reads
//! too: here it is only looked up by campaign and item as the formats
//! walk the plan.

pub mod words;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::figures::Delta;
use crate::history::compare::{Change, Comparison, delta};
use crate::model::{Campaign, Figure, Item, Level, Plan, Status};

pub use crate::history::compare::Previous;

/// What `--since` asked for, and the comparison with the baseline it found.
#[derive(Debug)]
pub struct Since<'a> {
    asked: String,
    baseline: Option<Baseline>,
    comparison: Option<Comparison>,
    /// Campaign id to its index in the plan compared.
    campaigns: HashMap<&'a str, usize>,
}

/// The revision compared with, as the reports name it.
#[derive(Debug)]
pub struct Baseline {
    /// The commit, 40 hex digits.
    pub commit: String,
    /// The baseline's reporting date.
    pub as_of: NaiveDate,
}

impl Baseline {
    /// The commit as `history::short_commit` writes it.
    pub fn short(&self) -> &str {
        crate::history::short_commit(&self.commit)
    }
}

impl<'a> Since<'a> {
    /// `asked` is what `--since` was given (shown sanitised); `comparison`
    /// is `plan` (the plan reported) beside the baseline, `None` without one.
    pub fn new(asked: &str, plan: &'a Plan, comparison: Option<Comparison>) -> Since<'a> {
        let baseline = comparison.as_ref().map(|comparison| {
            let baseline = comparison.baseline();
            Baseline {
                commit: baseline.commit.clone().unwrap_or_default(),
                as_of: baseline.as_of,
            }
        });
        let campaigns = plan.campaigns.iter().enumerate();
        Since {
            asked: crate::text::sanitize_line(asked),
            baseline,
            comparison,
            campaigns: campaigns.map(|(i, c)| (c.id.as_str(), i)).collect(),
        }
    }

    pub fn asked(&self) -> &str {
        &self.asked
    }

    pub fn baseline(&self) -> Option<&Baseline> {
        self.baseline.as_ref()
    }

    /// The item's figure and status at the baseline; `None` without a
    /// baseline or for an item new since.
    pub fn previous(&self, campaign: &Campaign, item: Item) -> Option<Previous> {
        let index = *self.campaigns.get(campaign.id.as_str())?;
        self.comparison.as_ref()?.previous(index, item)
    }

    /// The current figure minus the previous one, approximate when either
    /// is a lower bound (the comparison's own rule); `None` without a
    /// previous figure or for a water class (a class is no number: its move
    /// shows in the previous status).
    pub fn change(&self, campaign: &Campaign, item: Item) -> Option<Delta> {
        delta(current(campaign, item)?, &self.previous(campaign, item)?)
    }

    /// The previous figure as a number, for the ledger's 上次调度 column;
    /// `None` also for a water class, which is no number.
    pub fn previous_amount(&self, campaign: &Campaign, item: Item) -> Option<f64> {
        match self.previous(campaign, item)?.figure {
            Figure::Done(done) => Some(done),
            Figure::Value(Level::Number(value)) => Some(value),
            Figure::Value(Level::WaterClass(_)) => None,
        }
    }

    /// The campaign's roll-up progress at the baseline, by the same roll-up
    /// as the current one; `None` without a baseline, for a campaign new
    /// since, or when nothing was measured then.
    pub fn previous_progress(&self, campaign: &Campaign) -> Option<f64> {
        let index = *self.campaigns.get(campaign.id.as_str())?;
        self.comparison.as_ref()?.previous_progress(index)
    }

    /// The item's change since the baseline as the comparison found it;
    /// `None` without a baseline or when it did not move.
    pub fn moved(&self, campaign: &Campaign, item: Item) -> Option<&Change> {
        let index = *self.campaigns.get(campaign.id.as_str())?;
        let key = format!("{}/{}", campaign.id, item.key(campaign)?.id);
        let change = self.comparison.as_ref()?.change(&key)?;
        // A task that was an indicator (or back) shares its key.
        (change.at == Some((index, item))).then_some(change)
    }

    /// Every item that moved, was added or removed, as the comparison found
    /// them (the plan's order, then the removed ones); none without a baseline.
    pub fn changes(&self) -> &[Change] {
        self.comparison.as_ref().map_or(&[], |c| c.changes())
    }

    /// The items the baseline has and the plan no longer does, as the
    /// comparison found them (`campaign/item`, the figure and status then),
    /// in the baseline's order: the screen's changes list names the same.
    pub fn removed(&self) -> impl Iterator<Item = (&str, Figure, Status)> {
        self.comparison
            .iter()
            .flat_map(|comparison| comparison.changes())
            .filter(|change| change.current.is_none())
            .filter_map(|change| {
                let (figure, status) = change.previous?;
                Some((change.key.as_str(), figure, status))
            })
    }
}

/// The item's current figure, and whether it is a lower bound.
fn current(campaign: &Campaign, item: Item) -> Option<(Figure, bool)> {
    match item {
        Item::Task(i) => campaign
            .tasks
            .get(i)
            .map(|task| (Figure::Done(task.done), task.qualifiers.at_least())),
        Item::Indicator(i) => campaign.indicators.get(i).map(|indicator| {
            let at_least = indicator.qualifiers.at_least();
            (Figure::Value(indicator.value), at_least)
        }),
    }
}

#[cfg(test)]
mod tests;
