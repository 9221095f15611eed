//! The one comparison of the figures shown with a baseline: every change
//! (figure, status, progress, new, removed) is found here, keyed by item
//! id, and the screen's rows, its changes list and detail, and every report
//! format (`--since`) read it; nothing else computes a change.
//!
//! - [`Baseline`]: the figures at the revision compared with, its own
//!   (a `history` point written in the file never replaces them).
//! - [`Comparison`]: each item of a plan beside the baseline's item of the
//!   same campaign, id and kind, in time linear in the number of items.
//!
//! - [`YearOnYear`]: the same period last year and the three years before
//!   (同比, 较前三年均值), found by the same rule; [`follows`] checks a
//!   `follows` against last year's revisions it pairs with.
//!
//! Which revision is the baseline is [`super::History::baseline`]'s choice.

mod baseline;
mod change;
pub mod follows;
mod year;
mod year_pairs;

use std::collections::HashMap;

pub use baseline::Baseline;
pub use change::{Change, Previous, delta, difference};
pub use year::{
    YearAgo, YearOnYear, YearSource, YearsMean, current_figure, last_years_end, last_years_plans,
    years_before,
};

use crate::model::{Field, Figure, Item, Plan, PlanStatus};

/// A plan compared with a baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    baseline: Baseline,
    /// Per campaign of the plan compared (by index): its progress at the
    /// baseline and each item's figure there (`None`: new since).
    campaigns: Vec<Compared>,
    /// The items that moved, were added or removed: in the plan's order,
    /// then the removed ones in the baseline's.
    changes: Vec<Change>,
    /// `campaign/item` → index into `changes`.
    by_key: HashMap<String, usize>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Compared {
    progress: Option<f64>,
    tasks: Vec<Option<Previous>>,
    indicators: Vec<Option<Previous>>,
}

impl Comparison {
    /// `plan` with its statuses `status` beside `baseline`.
    pub fn new(baseline: Baseline, plan: &Plan, status: &PlanStatus) -> Comparison {
        let mut comparison = Comparison {
            baseline,
            campaigns: Vec::new(),
            changes: Vec::new(),
            by_key: HashMap::new(),
        };
        comparison.compare(plan, status);
        comparison
    }

    /// New figures (a reload): compared again with the same baseline.
    pub fn compare(&mut self, plan: &Plan, status: &PlanStatus) {
        self.campaigns.clear();
        self.changes.clear();
        self.by_key.clear();
        // The baseline's places matched: the others are removed.
        let mut matched = vec![false; self.baseline.len()];
        for (c, (campaign, shown)) in plan.campaigns.iter().zip(&status.campaigns).enumerate() {
            let mut compared = Compared {
                progress: self.baseline.progress(&campaign.id),
                ..Compared::default()
            };
            let tasks = campaign.tasks.iter().zip(&shown.tasks).enumerate();
            let tasks = tasks.map(|(i, (t, s))| {
                let assumed = t.assumed.contains(Field::Done);
                (
                    Item::Task(i),
                    &t.id,
                    (Figure::Done(t.done), t.qualifiers.at_least()),
                    (s.status, s.status_assumed),
                    assumed,
                )
            });
            let indicators = campaign
                .indicators
                .iter()
                .zip(&shown.indicators)
                .enumerate();
            let indicators = indicators.map(|(i, (ind, s))| {
                (
                    Item::Indicator(i),
                    &ind.id,
                    (Figure::Value(ind.value), ind.qualifiers.at_least()),
                    (s.status, s.status_assumed),
                    ind.assumed.contains(Field::Value),
                )
            });
            for (item, id, (figure, at_least), (status, status_assumed), assumed) in
                tasks.chain(indicators)
            {
                let key = format!("{}/{id}", campaign.id);
                let found = self.baseline.find(&key);
                if let Some((place, _)) = found {
                    matched[place] = true;
                }
                // A task that was an indicator (or back) is new as what it is.
                let previous = found
                    .map(|(_, p)| p)
                    .filter(|p| same_kind(p.figure, figure));
                match item {
                    Item::Task(_) => compared.tasks.push(previous),
                    Item::Indicator(_) => compared.indicators.push(previous),
                }
                let now = (figure, status);
                let before = previous.map(|p| (p.figure, p.status));
                if before != Some(now) {
                    self.push(Change {
                        key,
                        at: Some((c, item)),
                        previous: before,
                        current: Some(now),
                        assumed,
                        approx: previous
                            .and_then(|p| delta((figure, at_least), &p))
                            .is_some_and(|d| d.approx),
                        status_assumed: status_assumed
                            || previous.is_some_and(|p| p.status_assumed),
                    });
                }
            }
            self.campaigns.push(compared);
        }
        if matched.contains(&false) {
            self.push_removed(&matched);
        }
    }

    /// The baseline's items not `matched` (by place): those the plan no
    /// longer has, in the baseline's order.
    fn push_removed(&mut self, matched: &[bool]) {
        let mut removed: Vec<(usize, Change)> = self
            .baseline
            .items()
            .filter(|(_, place, _)| !matched[*place])
            .map(|(key, place, previous)| {
                let change = Change {
                    key: key.to_owned(),
                    at: None,
                    previous: Some((previous.figure, previous.status)),
                    current: None,
                    assumed: false,
                    approx: previous.at_least,
                    status_assumed: previous.status_assumed,
                };
                (place, change)
            })
            .collect();
        removed.sort_by_key(|(place, _)| *place);
        for (_, change) in removed {
            self.push(change);
        }
    }

    fn push(&mut self, change: Change) {
        self.by_key.insert(change.key.clone(), self.changes.len());
        self.changes.push(change);
    }

    pub fn baseline(&self) -> &Baseline {
        &self.baseline
    }

    /// Every item that moved, was added or removed: the plan's order, then
    /// the removed ones.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The change of `campaign/item`, if it moved.
    pub fn change(&self, key: &str) -> Option<&Change> {
        self.by_key.get(key).map(|&i| &self.changes[i])
    }

    /// Item `item` of campaign `campaign` (indexes into the plan compared)
    /// at the baseline; `None`: new since (or no such item).
    pub fn previous(&self, campaign: usize, item: Item) -> Option<Previous> {
        let compared = self.campaigns.get(campaign)?;
        match item {
            Item::Task(i) => compared.tasks.get(i).copied().flatten(),
            Item::Indicator(i) => compared.indicators.get(i).copied().flatten(),
        }
    }

    /// Campaign `campaign`'s roll-up progress at the baseline; `None` for a
    /// campaign new since, or when nothing of it was measured then.
    pub fn previous_progress(&self, campaign: usize) -> Option<f64> {
        self.campaigns.get(campaign)?.progress
    }
}

fn same_kind(a: Figure, b: Figure) -> bool {
    matches!(
        (a, b),
        (Figure::Done(_), Figure::Done(_)) | (Figure::Value(_), Figure::Value(_))
    )
}
