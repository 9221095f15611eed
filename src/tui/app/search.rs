//! The search across campaigns (`/` on the overview): the results show in
//! the list view the attention list uses, as they are typed; Enter opens
//! the selected one in its campaign, `n`/`N` step to the next or previous.

use super::attention::{AttentionList, Source};
use super::{App, Effect, Prompt};
use crate::model::{Plan, PlanStatus};
use crate::tui::search::{self, Query};

/// The last search: what was typed and what it found.
pub(crate) struct Search {
    pub query: String,
    pub list: AttentionList,
}

impl Search {
    /// What `query` finds in `plan` (whose statuses are `status`), in the
    /// plan's order or grouped by lead, measured as the screen writes it.
    pub(super) fn run(
        (plan, status): (&Plan, &PlanStatus),
        query: String,
        (by_lead, ascii): (bool, bool),
    ) -> Search {
        let found = Query::new(&query).map_or_else(Vec::new, |q| search::search(plan, status, &q));
        let list = match by_lead {
            true => AttentionList::grouped(plan, status, &found, ascii),
            false => AttentionList::of(plan, status, found, ascii),
        };
        Search { query, list }
    }
}

impl App {
    /// `/` on the overview or in a list: the search prompt, empty (typing
    /// after the last search ran the two together), over its results.
    pub(super) fn start_search(&mut self) -> Effect {
        if self.data.is_none() {
            return Effect::None;
        }
        let input = String::new();
        self.set_search(&input);
        self.open_list(Source::Search);
        self.overlay.prompt = Some(Prompt::Search { input });
        Effect::Redraw
    }

    /// What the search finds for `text`, the selection back on the first.
    pub(super) fn set_search(&mut self, text: &str) {
        self.lists.search = self.found(text.to_owned());
        if let Some(view) = self.attention.as_mut()
            && view.source == Source::Search
        {
            (view.selected, view.place, view.offset) = (0, None, 0);
        }
        self.find_attention_place();
    }

    /// After new data: the same search over it.
    pub(super) fn refresh_search(&mut self) {
        let Some(query) = self.lists.search.as_ref().map(|s| s.query.clone()) else {
            return;
        };
        if let Some(search) = self.found(query) {
            self.lists.search = Some(search);
        }
    }

    fn found(&self, query: String) -> Option<Search> {
        let data = self.data.as_ref()?;
        let grouping = (self.lists.by_lead, self.settings.ascii);
        Some(Search::run((data.plan(), &data.status), query, grouping))
    }

    /// Enter in the search prompt: the selected result in its campaign (Esc
    /// there comes back to the results); nothing found, the results stay.
    pub(super) fn submit_search(&mut self) -> Effect {
        self.overlay.prompt = None;
        match self.selected_attention() {
            Some(_) => self.jump_to_selected(),
            None => Effect::Redraw,
        }
    }

    /// Esc in the search prompt: no search, back where it was opened from.
    pub(super) fn cancel_search(&mut self) -> Effect {
        self.overlay.prompt = None;
        self.lists.search = None;
        self.attention_back()
    }

    /// `n` / `N`: the next (previous) result of the last search, opened in
    /// its campaign; after the last, the first again.
    pub(super) fn step_match(&mut self, forward: bool) -> Effect {
        let count = self.lists.search.as_ref().map_or(0, |s| s.list.items.len());
        if count == 0 {
            let words = crate::i18n::no_search(self.settings.lang);
            self.set_message(words.to_owned(), false);
            return Effect::Redraw;
        }
        let shown = self
            .attention
            .as_ref()
            .filter(|view| view.source == Source::Search)
            .map(|view| view.selected);
        self.open_list(Source::Search);
        // Coming from the attention list, the first result is the next.
        let target = match (shown, forward) {
            (None, _) => 0,
            (Some(at), true) => (at + 1) % count,
            (Some(at), false) => (at + count - 1) % count,
        };
        self.select_attention(target);
        self.jump_to_selected()
    }
}
