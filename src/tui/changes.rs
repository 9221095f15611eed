//! What moved since the baseline: each item's figure and status at the
//! baseline revision of the file's git history against the figures shown.
//! Pure: the history is read off the event loop and handed in whole.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::history::{History, HistoryError, ItemHistory, Since};
use crate::model::{Figure, Item, Level, Plan, PlanStatus, Status};

/// Where the screen's history stands.
#[derive(Debug, Default)]
pub enum HistoryState {
    /// Being read: rows show no change yet (never a fake 0).
    #[default]
    Reading,
    /// There is none (not in git, never committed, unreadable): said once,
    /// quietly; not an error.
    Absent(Absent),
    Read(Box<Baselined>),
}

/// Why there is no history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Absent {
    /// Not in a git work tree, or the file was never committed: normal.
    NotInGit,
    /// The repository could not be read (the reason, sanitised).
    Unreadable(String),
}

impl Absent {
    pub fn from_error(err: &HistoryError) -> Absent {
        match err {
            HistoryError::NotInGit { .. }
            | HistoryError::NoWorkTree { .. }
            | HistoryError::OutsideWorkTree { .. }
            | HistoryError::NeverCommitted { .. } => Absent::NotInGit,
            other => Absent::Unreadable(crate::text::sanitize_line(&other.to_string())),
        }
    }
}

/// A history with its baseline and what moved since.
#[derive(Debug)]
pub struct Baselined {
    pub history: History,
    /// Index into `history.revisions`; `None`: no revision to compare with.
    pub baseline: Option<usize>,
    /// The items that moved, in the plan's order, then the removed ones.
    pub changes: Vec<Change>,
    /// `campaign/item` → index into `changes`.
    by_key: HashMap<String, usize>,
}

/// One item that moved since the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// `campaign/item`.
    pub key: String,
    /// Where it is in the plan shown; `None`: removed since the baseline.
    pub at: Option<(usize, Item)>,
    /// At the baseline; `None`: added since.
    pub previous: Option<(Figure, Status)>,
    /// Now; `None`: removed.
    pub current: Option<(Figure, Status)>,
}

impl Change {
    /// The difference of a count or a number; `None` when it is not one.
    pub fn delta(&self) -> Option<f64> {
        match (self.previous?.0, self.current?.0) {
            (Figure::Done(a), Figure::Done(b)) => Some(crate::figures::difference(b, a)),
            (Figure::Value(Level::Number(a)), Figure::Value(Level::Number(b))) => {
                Some(crate::figures::difference(b, a))
            }
            _ => None,
        }
    }

    /// `Some(true)` when the status moved up (better), `Some(false)` down.
    pub fn moved(&self) -> Option<bool> {
        let (before, now) = (rank(self.previous?.1)?, rank(self.current?.1)?);
        (before != now).then_some(now > before)
    }
}

/// How good a status is, for an arrow; `None` for those with no better or
/// worse (a plain count, no target).
fn rank(status: Status) -> Option<u8> {
    Some(match status {
        Status::Overdue | Status::NotMet => 0,
        Status::Behind => 1,
        Status::AtRisk => 2,
        Status::InProgress | Status::NotStarted => 3,
        Status::OnTrack => 4,
        Status::Done | Status::Met => 5,
        Status::Count | Status::NoTarget => return None,
    })
}

impl Baselined {
    /// `rev_baseline` is the baseline a `Since::Rev` named (found where the
    /// history was read: it needs the repository); other kinds are found here.
    pub fn new(
        history: History,
        since: &Since,
        rev_baseline: Option<usize>,
        plan: &Plan,
        status: &PlanStatus,
    ) -> Baselined {
        let baseline = match since {
            Since::Rev(_) => rev_baseline,
            // Neither reads the repository.
            other => history.baseline(other, status.as_of).ok().flatten(),
        };
        let mut baselined = Baselined {
            history,
            baseline,
            changes: Vec::new(),
            by_key: HashMap::new(),
        };
        baselined.compare(plan, status);
        baselined
    }

    /// The change of `campaign/item`, if it moved.
    pub fn change(&self, key: &str) -> Option<&Change> {
        self.by_key.get(key).map(|&i| &self.changes[i])
    }

    /// Steps the baseline to the next older (or newer) valid revision;
    /// whether it moved.
    pub fn step(&mut self, older: bool, plan: &Plan, status: &PlanStatus) -> bool {
        let valid = |i: &usize| self.history.revisions[*i].valid;
        let len = self.history.revisions.len();
        let next = match (self.baseline, older) {
            (Some(b), true) => (0..b).rev().find(valid),
            (Some(b), false) => (b + 1..len).find(valid),
            (None, true) => (0..len).rev().find(valid),
            (None, false) => None,
        };
        if next.is_none() {
            return false;
        }
        self.baseline = next;
        self.compare(plan, status);
        true
    }

    /// How many revisions do not load (a syntax error, a rule broken).
    pub fn invalid(&self) -> usize {
        self.history.revisions.iter().filter(|r| !r.valid).count()
    }

    /// The figures shown changed (a reload): compare them again.
    pub fn compare(&mut self, plan: &Plan, status: &PlanStatus) {
        self.changes.clear();
        self.by_key.clear();
        let Some(base) = self.baseline else {
            return;
        };
        let base_as_of = self.history.revisions[base].as_of;
        let items: HashMap<&str, &ItemHistory> = self
            .history
            .items
            .iter()
            .map(|item| (item.key.as_str(), item))
            .collect();
        let mut found = Vec::new();
        let at_base = |key: &str| {
            items
                .get(key)
                .and_then(|item| point_at(item, base, base_as_of))
        };
        for (c, campaign) in plan.campaigns.iter().enumerate() {
            let Some(shown) = status.campaigns.get(c) else {
                continue;
            };
            let tasks = campaign.tasks.iter().zip(&shown.tasks).enumerate();
            let tasks = tasks.map(|(i, (task, schedule))| {
                let now = (Figure::Done(task.done), schedule.status);
                (Item::Task(i), &task.id, now)
            });
            let indicators = campaign.indicators.iter().zip(&shown.indicators);
            let indicators = indicators.enumerate().map(|(i, (indicator, state))| {
                let now = (Figure::Value(indicator.value), state.status);
                (Item::Indicator(i), &indicator.id, now)
            });
            for (item, id, now) in tasks.chain(indicators) {
                let key = format!("{}/{id}", campaign.id);
                let previous = at_base(&key);
                if previous != Some(now) {
                    found.push(Change {
                        key,
                        at: Some((c, item)),
                        previous,
                        current: Some(now),
                    });
                }
            }
        }
        // In the baseline, gone now.
        let removed = self
            .history
            .items
            .iter()
            .filter(|item| item.removed.is_some_and(|r| r > base))
            .filter(|item| !found.iter().any(|c: &Change| c.key == item.key))
            .filter_map(|item| {
                let previous = point_at(item, base, base_as_of)?;
                Some(Change {
                    key: item.key.clone(),
                    at: None,
                    previous: Some(previous),
                    current: None,
                })
            });
        let found: Vec<Change> = found.iter().cloned().chain(removed).collect();
        for change in found {
            self.push(change);
        }
    }

    fn push(&mut self, change: Change) {
        self.by_key.insert(change.key.clone(), self.changes.len());
        self.changes.push(change);
    }
}

/// An item's figure and status at revision `base`: its newest point from a
/// revision at or before it, or written in its `history` array at or before
/// the baseline's reporting date.
fn point_at(
    item: &ItemHistory,
    base: usize,
    base_as_of: Option<NaiveDate>,
) -> Option<(Figure, Status)> {
    if item.removed.is_some_and(|r| r <= base) {
        return None;
    }
    item.points
        .iter()
        .rev()
        .find(|p| match p.revision {
            Some(r) => r <= base,
            None => base_as_of.is_some_and(|day| p.as_of <= day),
        })
        .map(|p| (p.figure, p.status))
}
