//! `report --since`: the figures of a baseline (the file as it was at a
//! commit) beside the current ones. The caller finds the baseline in the
//! git history and loads it whole; here each current task and indicator is
//! matched with the baseline's by campaign and item id, and its previous
//! figure and status, and its change, are given to every format. Statuses
//! and roll-ups at the baseline come from `model::schedule`, computed at
//! the baseline's own reporting date, as the current ones are.

pub mod words;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::figures;
use crate::model::{Campaign, Figure, Item, Level, Plan, PlanStatus, Status};

/// What `--since` asked for, and the baseline it found (if any).
#[derive(Debug)]
pub struct Since<'a> {
    asked: String,
    baseline: Option<Baseline<'a>>,
}

/// The file at the baseline revision, with its statuses.
#[derive(Debug)]
pub struct Baseline<'a> {
    /// The commit, 40 hex digits.
    pub commit: String,
    /// The baseline's reporting date: its `meta.as_of`, else its commit's day.
    pub as_of: NaiveDate,
    plan: &'a Plan,
    status: PlanStatus,
    /// Campaign id to its index in `plan.campaigns`.
    campaigns: HashMap<&'a str, usize>,
    /// (campaign id, item id) to the item; tasks and indicators share ids.
    items: HashMap<(&'a str, &'a str), (usize, Item)>,
}

/// An item's figure and status at the baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Previous {
    /// A task's `done` or an indicator's `value`.
    pub figure: Figure,
    pub status: Status,
}

impl<'a> Baseline<'a> {
    /// The baseline `plan` at commit `commit`, its statuses computed at
    /// `as_of` (the loaded document's reporting date).
    pub fn new(commit: &str, plan: &'a Plan, as_of: NaiveDate) -> Baseline<'a> {
        let mut campaigns = HashMap::with_capacity(plan.campaigns.len());
        let mut items = HashMap::new();
        for (index, campaign) in plan.campaigns.iter().enumerate() {
            campaigns.insert(campaign.id.as_str(), index);
            let key = |id: &'a str| (campaign.id.as_str(), id);
            for (i, task) in campaign.tasks.iter().enumerate() {
                items.insert(key(&task.id), (index, Item::Task(i)));
            }
            for (i, indicator) in campaign.indicators.iter().enumerate() {
                items.insert(key(&indicator.id), (index, Item::Indicator(i)));
            }
        }
        Baseline {
            commit: crate::text::sanitize_line(commit),
            as_of,
            plan,
            status: PlanStatus::compute(plan, as_of),
            campaigns,
            items,
        }
    }

    /// The commit's first 8 hex digits, as the history shows it.
    pub fn short(&self) -> &str {
        &self.commit[..self.commit.len().min(8)]
    }

    /// The item of `campaign` with the id `item` has there, of the same
    /// kind (a task that was an indicator is new as a task).
    fn previous(&self, campaign: &Campaign, item: Item) -> Option<Previous> {
        let id = item_id(campaign, item)?;
        let &(index, found) = self.items.get(&(campaign.id.as_str(), id))?;
        let (was, status) = (&self.plan.campaigns[index], &self.status.campaigns[index]);
        match (item, found) {
            (Item::Task(_), Item::Task(i)) => Some(Previous {
                figure: Figure::Done(was.tasks[i].done),
                status: status.tasks[i].status,
            }),
            (Item::Indicator(_), Item::Indicator(i)) => Some(Previous {
                figure: Figure::Value(was.indicators[i].value),
                status: status.indicators[i].status,
            }),
            _ => None,
        }
    }
}

impl<'a> Since<'a> {
    /// `asked` is what `--since` was given (shown sanitised); `baseline`
    /// `None` when no valid revision is at or before it.
    pub fn new(asked: &str, baseline: Option<Baseline<'a>>) -> Since<'a> {
        Since {
            asked: crate::text::sanitize_line(asked),
            baseline,
        }
    }

    pub fn asked(&self) -> &str {
        &self.asked
    }

    pub fn baseline(&self) -> Option<&Baseline<'a>> {
        self.baseline.as_ref()
    }

    /// The item's figure and status at the baseline; `None` without a
    /// baseline or for an item new since.
    pub fn previous(&self, campaign: &Campaign, item: Item) -> Option<Previous> {
        self.baseline.as_ref()?.previous(campaign, item)
    }

    /// The current figure minus the previous one; `None` without a previous
    /// figure or for a water class (a class is no number: its move shows in
    /// the previous status).
    pub fn change(&self, campaign: &Campaign, item: Item) -> Option<f64> {
        let previous = self.previous(campaign, item)?;
        match (current(campaign, item)?, previous.figure) {
            (Figure::Done(now), Figure::Done(before))
            | (Figure::Value(Level::Number(now)), Figure::Value(Level::Number(before))) => {
                Some(figures::difference(now, before))
            }
            _ => None,
        }
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
        let baseline = self.baseline.as_ref()?;
        let &index = baseline.campaigns.get(campaign.id.as_str())?;
        baseline.status.campaigns[index].rollup.progress
    }
}

fn item_id(campaign: &Campaign, item: Item) -> Option<&str> {
    match item {
        Item::Task(i) => campaign.tasks.get(i).map(|task| task.id.as_str()),
        Item::Indicator(i) => campaign.indicators.get(i).map(|ind| ind.id.as_str()),
    }
}

/// The item's current figure.
fn current(campaign: &Campaign, item: Item) -> Option<Figure> {
    match item {
        Item::Task(i) => campaign.tasks.get(i).map(|task| Figure::Done(task.done)),
        Item::Indicator(i) => campaign
            .indicators
            .get(i)
            .map(|indicator| Figure::Value(indicator.value)),
    }
}

#[cfg(test)]
mod tests;
