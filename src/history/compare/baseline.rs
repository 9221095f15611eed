//! The figures at a baseline revision, keyed by id: each item's figure and
//! status there, and each campaign's roll-up progress there. Made from the
//! history's own points of that revision (never a point written in the
//! file's `history` array), or from a plan loaded whole: the two agree
//! (`tests/it/comparison.rs` checks it revision by revision).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::change::Previous;
use crate::history::point::PointFrom;
use crate::history::{History, ItemHistory};
use crate::model::{Figure, Plan, PlanStatus};

/// The file at the revision compared with.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    /// Its index in `History::revisions`; `None` when made from a plan.
    pub revision: Option<usize>,
    /// The commit, 40 hex digits (sanitised); `None` for the working copy.
    pub commit: Option<String>,
    /// Its reporting date.
    pub as_of: NaiveDate,
    /// `campaign/item` → (its place there, its figure and status).
    items: HashMap<String, (usize, Previous)>,
    /// Campaign id → its roll-up progress there.
    progress: HashMap<String, Option<f64>>,
}

impl Baseline {
    /// The figures at revision `index` of `history`; `None` when it is
    /// not a valid revision.
    pub fn at(history: &History, index: usize) -> Option<Baseline> {
        let revision = history.revisions.get(index).filter(|r| r.valid)?;
        let there = history.items.iter();
        let there = there.filter_map(|item| Some((item.key.clone(), figure_at(item, index)?)));
        // Places count from 0 without a gap: `Comparison` marks them.
        let items = there
            .enumerate()
            .map(|(place, (key, previous))| (key, (place, previous)))
            .collect();
        let progress = history
            .progress
            .iter()
            .find(|(at, _)| *at == index)
            .map(|(_, campaigns)| campaigns.iter().cloned().collect())
            .unwrap_or_default();
        Some(Baseline {
            revision: Some(index),
            commit: revision.commit.as_deref().map(crate::text::sanitize_line),
            as_of: revision.as_of?,
            items,
            progress,
        })
    }

    /// The figures of `plan` with its statuses `status` (computed at its
    /// reporting date), as a revision at `commit` would give them.
    pub fn of_plan(plan: &Plan, status: &PlanStatus, commit: Option<&str>) -> Baseline {
        let mut items = HashMap::new();
        let mut progress = HashMap::with_capacity(plan.campaigns.len());
        for (campaign, shown) in plan.campaigns.iter().zip(&status.campaigns) {
            progress.insert(campaign.id.clone(), shown.rollup.progress);
            let tasks = campaign.tasks.iter().zip(&shown.tasks);
            let tasks = tasks.map(|(t, s)| {
                let at_least = t.qualifiers.at_least();
                (
                    &t.id,
                    Figure::Done(t.done),
                    (s.status, s.status_assumed),
                    at_least,
                )
            });
            let indicators = campaign.indicators.iter().zip(&shown.indicators);
            let indicators = indicators.map(|(i, s)| {
                let at_least = i.qualifiers.at_least();
                (
                    &i.id,
                    Figure::Value(i.value),
                    (s.status, s.status_assumed),
                    at_least,
                )
            });
            for (id, figure, (status, status_assumed), at_least) in tasks.chain(indicators) {
                let place = items.len();
                let previous = Previous {
                    figure,
                    status,
                    at_least,
                    status_assumed,
                };
                items.insert(format!("{}/{id}", campaign.id), (place, previous));
            }
        }
        Baseline {
            revision: None,
            commit: commit.map(crate::text::sanitize_line),
            as_of: status.as_of,
            items,
            progress,
        }
    }

    /// The commit as `history::short_commit` writes it, or `working copy`.
    pub fn short(&self) -> &str {
        match &self.commit {
            Some(commit) => crate::history::short_commit(commit),
            None => "working copy",
        }
    }

    /// The figure and status of `campaign/item` there; `None`: not there.
    pub fn previous(&self, key: &str) -> Option<Previous> {
        self.items.get(key).map(|&(_, previous)| previous)
    }

    /// Its place (0 up to [`Baseline::len`]) with its figure and status.
    pub(super) fn find(&self, key: &str) -> Option<(usize, Previous)> {
        self.items.get(key).copied()
    }

    /// A campaign's roll-up progress there; `None` when it was not there or
    /// nothing of it was measured.
    pub fn progress(&self, campaign: &str) -> Option<f64> {
        self.progress.get(campaign).copied().flatten()
    }

    /// The items there, in no order; with their place, to order them by.
    pub(super) fn items(&self) -> impl Iterator<Item = (&str, usize, Previous)> {
        let items = self.items.iter();
        items.map(|(key, &(place, previous))| (key.as_str(), place, previous))
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// The item's figure and status at revision `index`: its newest point read
/// from a revision at or before it, unless it was gone from a later one.
fn figure_at(item: &ItemHistory, index: usize) -> Option<Previous> {
    let point = item
        .points
        .iter()
        .filter(|p| p.from != PointFrom::Written)
        .filter_map(|p| Some((p.revision?, p)))
        .filter(|(at, _)| *at <= index)
        .max_by_key(|(at, _)| *at)?;
    let gone = item.gone.iter().filter(|&&g| g <= index).max();
    if gone.is_some_and(|&g| g > point.0) {
        return None;
    }
    Some(Previous {
        figure: point.1.figure,
        status: point.1.status,
        at_least: point.1.at_least,
        status_assumed: point.1.status_assumed,
    })
}
