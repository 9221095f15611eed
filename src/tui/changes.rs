//! The screen's side of the comparison: the file's git history as it
//! arrives, the baseline `--since` or `b` / `B` picked in it, and what
//! moved since, as `history::compare` finds it (the reports find it there
//! too). The history is read, and a large plan compared, off the event
//! loop (`tui::event::reader`) and handed in whole; a large comparison let
//! go is kept for the event loop to free off the screen's way
//! (`tui::retiring`).

use chrono::NaiveDate;

use crate::history::compare::follows::{self, LastYearPlans};
use crate::history::compare::{Baseline, Comparison, YearOnYear};
use crate::history::{History, HistoryError, Since};
use crate::load::{Diagnostic, Document};
use crate::model::{Plan, PlanStatus};
use crate::report::yoy::Yoy;
use crate::tui::retiring::Retiring;

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

/// A history as the reader thread hands it in.
#[derive(Debug)]
pub enum Arrived {
    /// Compared there with the figures shown, against the baseline `since`
    /// names.
    Compared {
        baselined: Box<Baselined>,
        since: Since,
    },
    /// Not compared (the figures shown did not load there, or the read
    /// failed): the screen compares, with the baseline a `Since::Rev` named.
    Read {
        read: Box<Result<History, HistoryError>>,
        rev_baseline: Option<usize>,
    },
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
    /// The figures shown beside the baseline's; `None` without one, or
    /// while it is compared again off the screen's thread.
    comparison: Option<Comparison>,
    /// The comparison set aside for new figures, until the reader takes it.
    aside: Option<Comparison>,
    /// The same period last year and the years before (the year view, `y`),
    /// found where the history was read; `None` when git could not say.
    year: Option<Yoy>,
    /// Last year's plans a `follows` naming nothing of the file is looked
    /// for in (contract 3), with the reporting date they were found for;
    /// read only once some `follows` needs them.
    last_year: Option<(NaiveDate, LastYearPlans)>,
    /// Large comparisons let go, for the event loop to free.
    retiring: Retiring,
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
        // Off the screen's thread with the read: it may load the plan at a
        // revision (a task that follows another).
        let year = YearOnYear::new(Some(&history), plan, status.as_of)
            .ok()
            .map(Yoy::new);
        // Also off the screen's thread: `check`'s look into last year.
        let last_year = (!follows::unresolved(plan).is_empty())
            .then(|| LastYearPlans::read(&history, status.as_of).ok())
            .flatten()
            .map(|plans| (status.as_of, plans));
        let mut baselined = Baselined {
            history,
            baseline: None,
            comparison: None,
            aside: None,
            year,
            last_year,
            retiring: Retiring::default(),
        };
        baselined.rebase(since, rev_baseline, plan, status);
        baselined
    }

    /// Picks the baseline `since` names again and compares with it.
    pub fn rebase(
        &mut self,
        since: &Since,
        rev_baseline: Option<usize>,
        plan: &Plan,
        status: &PlanStatus,
    ) {
        self.baseline = match since {
            Since::Rev(_) => rev_baseline,
            // Neither reads the repository.
            other => self.history.baseline(other, status.as_of).ok().flatten(),
        };
        self.replace_comparison(None);
        self.compare(plan, status);
    }

    /// The year-on-year baselines of the figures the history was read for.
    pub fn year(&self) -> Option<&Yoy> {
        self.year.as_ref()
    }

    /// The problems of `document`'s `follows` that `campaigns check`
    /// reports, from the same `follows::check`, against last year's plans
    /// read with this history (off the screen's thread). Nothing when they
    /// were read for another reporting date or not needed then: a load of
    /// new text reads the history again, which brings them.
    pub fn follows_problems(&self, document: &Document) -> Vec<Diagnostic> {
        if follows::unresolved(document.plan()).is_empty() {
            return Vec::new();
        }
        match &self.last_year {
            Some((day, plans)) if *day == document.as_of() => {
                follows::check(document, &plans.last_year())
            }
            _ => Vec::new(),
        }
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
        self.replace_comparison(None);
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

    /// The figures shown changed and are too many to compare on the
    /// screen's thread: the comparison is set aside, for the reader to
    /// compare again (`take_aside`); rows show no change meanwhile.
    pub fn set_aside(&mut self) {
        if let Some(comparison) = self.comparison.take() {
            self.aside = Some(comparison);
        }
    }

    /// The comparison set aside, to compare with new figures elsewhere.
    pub fn take_aside(&mut self) -> Option<Comparison> {
        self.aside.take()
    }

    /// Takes a comparison made off the screen's thread with the figures
    /// shown; false (and it is dropped) when it is not with this baseline.
    pub fn take_compared(&mut self, comparison: Comparison) -> bool {
        if self.baseline.is_none() || comparison.baseline().revision != self.baseline {
            self.let_go(Some(comparison));
            return false;
        }
        self.replace_comparison(Some(comparison));
        true
    }

    fn replace_comparison(&mut self, comparison: Option<Comparison>) {
        let aside = self.aside.take();
        let old = std::mem::replace(&mut self.comparison, comparison);
        self.let_go(old);
        self.let_go(aside);
    }

    /// Drops `comparison` here, or keeps it for the event loop when large.
    fn let_go(&mut self, comparison: Option<Comparison>) {
        if let Some(comparison) = comparison.filter(is_large) {
            self.retiring.push(comparison);
        }
    }

    /// What was let go, for the event loop to free.
    pub(crate) fn take_retiring(&mut self) -> Retiring {
        std::mem::take(&mut self.retiring)
    }

    /// Whether dropping this is a million small frees: the event loop
    /// frees it then.
    pub(crate) fn is_large(&self) -> bool {
        self.history.items.len() >= FREE_ASIDE_ITEMS
            || self.comparison.iter().chain(&self.aside).any(is_large)
    }
}

/// A history or comparison of this many items or more is freed off the
/// screen's thread: a million small frees at 100 000 tasks.
const FREE_ASIDE_ITEMS: usize = 10_000;

fn is_large(comparison: &Comparison) -> bool {
    comparison.baseline().len().max(comparison.changes().len()) >= FREE_ASIDE_ITEMS
}
