//! The file's git history on screen: it arrives from a thread (the first
//! frame never waits for it), is compared with the figures shown at each
//! load, and `b` / `B` step its baseline through the valid revisions.

use super::{App, Effect};
use crate::history::compare::Comparison;
use crate::history::compare::follows::{self, LastYear};
use crate::history::{History, HistoryError, Since};
use crate::i18n;
use crate::model::Plan;
use crate::tui::changes::{Absent, Baselined, HistoryState};

/// A plan of this many items or more is compared off the screen's thread
/// when its figures change (a comparison of 10 000 items takes 45 ms in a
/// debug build, 100 000 take 560 ms).
const COMPARE_ASIDE_ITEMS: usize = 10_000;

impl App {
    /// The baseline `--since` asks for (before the history arrives).
    pub fn set_since(&mut self, since: Since) {
        self.comparison.since = since;
    }

    /// Where the history stands: for drawing and tests.
    pub fn history(&self) -> &HistoryState {
        &self.comparison.history
    }

    /// The history with its baseline, once read.
    pub fn baselined(&self) -> Option<&Baselined> {
        match &self.comparison.history {
            HistoryState::Read(baselined) => Some(baselined),
            _ => None,
        }
    }

    /// Replaces the history shown; a large one let go is freed by the
    /// event loop.
    fn set_history(&mut self, state: HistoryState) {
        let old = std::mem::replace(&mut self.comparison.history, state);
        self.retire_history(old);
        self.check_follows();
        self.lists.year_widest = None;
    }

    /// The shown document's `follows` checked as `campaigns check` does,
    /// against the history as it stands: nothing while it is read or when
    /// the repository could not be read (never a guess). Reads nothing:
    /// last year's plans come with the history.
    fn check_follows(&mut self) {
        let document = self.data.as_ref().map(|data| &data.document);
        self.comparison.follows = match (&self.comparison.history, document) {
            (HistoryState::Absent(Absent::NotInGit), Some(document)) => {
                follows::check(document, &LastYear::NotInGit)
            }
            (HistoryState::Read(baselined), Some(document)) => baselined.follows_problems(document),
            _ => Vec::new(),
        };
    }

    pub(super) fn history_read(
        &mut self,
        read: Result<History, HistoryError>,
        rev_baseline: Option<usize>,
    ) -> Effect {
        let history = match read {
            Ok(history) => history,
            Err(err) => {
                let absent = HistoryState::Absent(Absent::from_error(&err));
                self.set_history(absent);
                return Effect::Redraw;
            }
        };
        let kept = self.kept_commit();
        let Some(data) = self.data.as_ref() else {
            self.set_history(HistoryState::Absent(Absent::NotInGit));
            return Effect::Redraw;
        };
        let since = match &kept {
            Some(commit) => Since::Rev(commit.clone()),
            None => self.comparison.since.clone(),
        };
        let rev_baseline = match &kept {
            Some(commit) => history
                .revisions
                .iter()
                .rposition(|r| r.commit.as_ref() == Some(commit)),
            None => rev_baseline,
        };
        let baselined = Baselined::new(history, &since, rev_baseline, data.plan(), &data.status);
        self.set_history(HistoryState::Read(Box::new(baselined)));
        self.refresh_changes();
        Effect::Redraw
    }

    /// A history compared on the reader's thread with the figures shown,
    /// against the baseline `since` names.
    pub(super) fn history_compared(
        &mut self,
        mut baselined: Box<Baselined>,
        since: &Since,
    ) -> Effect {
        let Some(data) = self.data.as_ref() else {
            self.set_history(HistoryState::Absent(Absent::NotInGit));
            return Effect::Redraw;
        };
        let wanted = self.wanted_since();
        // `b` / `B` moved the baseline while the history was read.
        if *since != wanted {
            let rev_baseline = match &wanted {
                Since::Rev(commit) => baselined
                    .history
                    .revisions
                    .iter()
                    .rposition(|r| r.commit.as_ref() == Some(commit)),
                _ => None,
            };
            baselined.rebase(&wanted, rev_baseline, data.plan(), &data.status);
        }
        self.set_history(HistoryState::Read(baselined));
        self.refresh_changes();
        Effect::Redraw
    }

    /// The comparison set aside at the last load, compared with its figures
    /// on the reader's thread.
    pub(super) fn recompared(&mut self, comparison: Comparison) -> Effect {
        let HistoryState::Read(baselined) = &mut self.comparison.history else {
            return Effect::None;
        };
        if !baselined.take_compared(comparison) {
            return Effect::None;
        }
        self.refresh_changes();
        Effect::Redraw
    }

    /// The baseline a history read now compares with: the commit `b` / `B`
    /// stepped to, else the one `--since` asked for.
    pub fn wanted_since(&self) -> Since {
        self.kept_commit()
            .map_or_else(|| self.comparison.since.clone(), Since::Rev)
    }

    /// The comparison a large plan's load set aside, for the reader to
    /// compare with the new figures (`Action::Recompared` brings it back).
    pub fn take_comparison_aside(&mut self) -> Option<Comparison> {
        match &mut self.comparison.history {
            HistoryState::Read(baselined) => baselined.take_aside(),
            _ => None,
        }
    }

    /// A baseline stepped to by hand stays where it was, by commit.
    fn kept_commit(&self) -> Option<String> {
        self.baselined()
            .and_then(|b| b.history.revisions.get(b.baseline?))
            .filter(|_| self.baseline_stepped())
            .and_then(|r| r.commit.clone())
    }

    /// Whether `b` / `B` moved the baseline from where `--since` put it.
    fn baseline_stepped(&self) -> bool {
        self.comparison.baseline_stepped
    }

    pub(super) fn step_baseline(&mut self, older: bool) -> Effect {
        let (HistoryState::Read(baselined), Some(data)) =
            (&mut self.comparison.history, &self.data)
        else {
            return Effect::None;
        };
        if !baselined.step(older, data.plan(), &data.status) {
            // At either end: said, or `b` seems not to work.
            let words = crate::i18n::no_further_revision(self.settings.lang, older);
            self.set_message(words.to_owned(), false);
            return Effect::Redraw;
        }
        self.comparison.baseline_stepped = true;
        self.refresh_changes();
        Effect::Redraw
    }

    /// New figures on screen: compare them with the baseline again, here
    /// for a small plan; a large one's comparison is set aside for the
    /// history reader (`take_comparison_aside`), and its rows show no
    /// change until `Action::Recompared` brings it back.
    pub(super) fn compare_history(&mut self) {
        if let (HistoryState::Read(baselined), Some(data)) =
            (&mut self.comparison.history, &self.data)
        {
            if items(data.plan()) >= COMPARE_ASIDE_ITEMS {
                baselined.set_aside();
            } else {
                baselined.compare(data.plan(), &data.status);
            }
        }
        self.check_follows();
        self.refresh_changes();
    }
}

fn items(plan: &Plan) -> usize {
    let items = plan.campaigns.iter();
    items.map(|c| c.tasks.len() + c.indicators.len()).sum()
}

impl App {
    /// What the footer says of the history: the baseline
    /// (`since 2024-11-30 (abc1234)`), or that there is none; `None` while
    /// it is being read.
    pub fn baseline_words(&self) -> Option<String> {
        let lang = self.settings.lang;
        match &self.comparison.history {
            HistoryState::Reading => None,
            HistoryState::Absent(Absent::NotInGit) => Some(i18n::history::not_in_git(lang).into()),
            HistoryState::Absent(Absent::Unreadable(_)) => {
                Some(i18n::history::unreadable(lang).into())
            }
            HistoryState::Read(baselined) => {
                let revision = baselined.baseline.map(|b| &baselined.history.revisions[b]);
                Some(match revision.and_then(|r| Some((r.as_of?, r))) {
                    Some((as_of, revision)) => {
                        let commit = revision.commit.as_deref().map(crate::history::short_commit);
                        i18n::history::since(as_of, commit, lang)
                    }
                    None => i18n::history::no_baseline(lang).into(),
                })
            }
        }
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
