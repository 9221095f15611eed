//! The screen's side of the comparison: the file's git history as it
//! arrives, the baseline `--since` or `b` / `B` picked in it, and what
//! moved since, as `history::compare` finds it (the reports find it there
//! too). Pure: the history is read off the event loop and handed in whole.

use crate::history::compare::{Baseline, Comparison};
use crate::history::{History, HistoryError, Since};
use crate::model::{Plan, PlanStatus};

pub use crate::history::compare::Change;

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
    /// The figures shown beside the baseline's; `None` without one.
    comparison: Option<Comparison>,
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
            comparison: None,
        };
        baselined.compare(plan, status);
        baselined
    }

    /// The items that moved, in the plan's order, then the removed ones.
    pub fn changes(&self) -> &[Change] {
        self.comparison.as_ref().map_or(&[], Comparison::changes)
    }

    /// The change of `campaign/item`, if it moved.
    pub fn change(&self, key: &str) -> Option<&Change> {
        self.comparison.as_ref()?.change(key)
    }

    /// The comparison with the baseline, when there is one.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_ref()
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
        self.comparison = None;
        self.compare(plan, status);
        true
    }

    /// How many revisions do not load (a syntax error, a rule broken).
    pub fn invalid(&self) -> usize {
        self.history.revisions.iter().filter(|r| !r.valid).count()
    }

    /// The figures shown changed (a reload): compare them again, with the
    /// baseline's figures taken once per baseline.
    pub fn compare(&mut self, plan: &Plan, status: &PlanStatus) {
        if let Some(comparison) = self.comparison.as_mut() {
            comparison.compare(plan, status);
            return;
        }
        let baseline = self.baseline.and_then(|b| Baseline::at(&self.history, b));
        self.comparison = baseline.map(|baseline| Comparison::new(baseline, plan, status));
    }
}
