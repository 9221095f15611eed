//! The file's git history on screen: it arrives from a thread (the first
//! frame never waits for it), is compared with the figures shown at each
//! load, and `b` / `B` step its baseline through the valid revisions.

use super::{App, Effect};
use crate::history::{History, HistoryError, Since};
use crate::i18n;
use crate::tui::changes::{Absent, Baselined, HistoryState};

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

    pub(super) fn history_read(
        &mut self,
        read: Result<History, HistoryError>,
        rev_baseline: Option<usize>,
    ) -> Effect {
        let history = match read {
            Ok(history) => history,
            Err(err) => {
                let absent = HistoryState::Absent(Absent::from_error(&err));
                self.comparison.history = absent;
                return Effect::Redraw;
            }
        };
        // A baseline stepped to by hand stays where it was, by commit.
        let kept = self
            .baselined()
            .and_then(|b| b.history.revisions.get(b.baseline?))
            .filter(|_| self.baseline_stepped())
            .and_then(|r| r.commit.clone());
        let Some(data) = self.data.as_ref() else {
            self.comparison.history = HistoryState::Absent(Absent::NotInGit);
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
        self.comparison.history = HistoryState::Read(Box::new(baselined));
        self.refresh_changes();
        Effect::Redraw
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
            return Effect::None;
        }
        self.comparison.baseline_stepped = true;
        self.refresh_changes();
        Effect::Redraw
    }

    /// New figures on screen: compare them with the baseline again.
    pub(super) fn compare_history(&mut self) {
        if let (HistoryState::Read(baselined), Some(data)) =
            (&mut self.comparison.history, &self.data)
        {
            baselined.compare(data.plan(), &data.status);
        }
        self.refresh_changes();
    }
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
                        let commit = revision.commit.as_deref().map(|c| &c[..c.len().min(7)]);
                        i18n::history::since(as_of, commit, lang)
                    }
                    None => i18n::history::no_baseline(lang).into(),
                })
            }
        }
    }
}
