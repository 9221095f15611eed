//! Recording progress from the screen: `+` / `-` and the update prompt,
//! validated here, saved by the event loop through the one write-back path.

use super::{App, Change, Edit, Effect, Prompt};
use crate::figures;
use crate::i18n;
use crate::model::Level;
use crate::tui::action::Command;
use crate::tui::rows::Item;

/// The most characters a paste puts into a prompt: more than any figure or
/// filter needs, little enough to keep the prompt one line.
const PASTE_LIMIT: usize = 200;

impl App {
    pub(super) fn step_done(&mut self, command: Command) -> Effect {
        let s = i18n::strings(self.settings.lang);
        let Some((campaign, view)) = self.open_campaign() else {
            return Effect::None;
        };
        let Some(Item::Task(index)) = view.rows.get(view.selected).copied() else {
            self.set_message(s.only_tasks.to_owned(), true);
            return Effect::Redraw;
        };
        let Some(task) = campaign.tasks.get(index) else {
            return Effect::None;
        };
        let step = if command == Command::Increment {
            1.0
        } else {
            -1.0
        };
        if task.done + step < 0.0 {
            self.set_message(s.negative.to_owned(), true);
            return Effect::Redraw;
        }
        Effect::Save(Edit {
            campaign: campaign.id.clone(),
            item: task.id.clone(),
            change: Some(Change::AddDone(step)),
            note: None,
            lang: self.settings.lang,
            record: None,
        })
    }

    pub(super) fn start_update(&mut self) -> Effect {
        let s = i18n::strings(self.settings.lang);
        let Some((campaign, view)) = self.open_campaign() else {
            return Effect::None;
        };
        let Some(item) = view.rows.get(view.selected).copied() else {
            self.set_message(s.nothing_selected.to_owned(), true);
            return Effect::Redraw;
        };
        // Start from the current figure: most updates change a digit or two.
        // As typed, not as shown (`236500`, not `23.65万`), so it reads back.
        let input = match item {
            Item::Task(i) => campaign.tasks.get(i).map(|t| figures::plain(t.done)),
            Item::Indicator(i) => campaign.indicators.get(i).map(|ind| match ind.value {
                Level::Number(v) => figures::plain(v),
                Level::WaterClass(class) => class.as_str().to_owned(),
            }),
        };
        let Some(input) = input else {
            return Effect::None;
        };
        self.overlay.prompt = Some(Prompt::Update {
            item,
            input,
            pristine: true,
            error: None,
            confirm: false,
        });
        Effect::Redraw
    }

    /// Pasted text: typed into the filter or the update prompt as one line
    /// (sanitised, cut at [`PASTE_LIMIT`] characters); anywhere else it is
    /// not taken, and the footer says so.
    pub(super) fn paste(&mut self, text: &str) -> Effect {
        let line: String = crate::text::sanitize_line(&text.replace(['\r', '\n'], " "))
            .trim()
            .chars()
            .take(PASTE_LIMIT)
            .collect();
        let Some(prompt) = self.overlay.prompt.as_mut() else {
            let words = crate::i18n::paste_ignored(self.settings.lang);
            self.set_message(words.to_owned(), false);
            return Effect::Redraw;
        };
        prompt.paste(&line);
        self.typed();
        Effect::Redraw
    }

    /// The prompt's text changed: the rows follow the filter, the results
    /// the search.
    fn typed(&mut self) {
        let Some(prompt) = self.overlay.prompt.as_ref() else {
            return;
        };
        let text = prompt.input().to_owned();
        match prompt {
            Prompt::Filter { .. } => {
                if let Some(view) = self.campaign.open.as_mut() {
                    view.filter = text;
                }
                self.rebuild_rows();
            }
            Prompt::Search { .. } => self.set_search(&text),
            Prompt::Update { .. } => {}
        }
    }

    pub(super) fn prompt_command(&mut self, command: Command) -> Effect {
        match (&self.overlay.prompt, command) {
            (None, _) => Effect::None,
            (Some(_), Command::Quit) => Effect::Quit,
            (Some(Prompt::Filter { .. }), _) => self.filter_prompt_command(command),
            (Some(Prompt::Search { .. }), _) => self.search_prompt_command(command),
            (Some(Prompt::Update { .. }), _) => self.update_prompt_command(command),
        }
    }

    /// Typing is the prompt's own; the filter's rows and the search's
    /// results follow it.
    fn type_in_prompt(&mut self, command: Command) -> Option<Effect> {
        let changed = self.overlay.prompt.as_mut()?.type_in(command)?;
        if !changed {
            return Some(Effect::None);
        }
        self.typed();
        Some(Effect::Redraw)
    }

    /// The filter prompt: the rows follow as it is typed.
    fn filter_prompt_command(&mut self, command: Command) -> Effect {
        if let Some(effect) = self.type_in_prompt(command) {
            return effect;
        }
        match command {
            Command::Submit => {
                self.overlay.prompt = None;
                Effect::Redraw
            }
            Command::Back => {
                self.overlay.prompt = None;
                if let Some(view) = self.campaign.open.as_mut() {
                    view.clear_filter();
                }
                self.rebuild_rows();
                Effect::Redraw
            }
            // Arrows move through the rows the filter leaves.
            Command::Up | Command::Down => self.campaign_command(command),
            _ => Effect::None,
        }
    }

    /// The search across campaigns: results show as they are typed.
    fn search_prompt_command(&mut self, command: Command) -> Effect {
        if let Some(effect) = self.type_in_prompt(command) {
            return effect;
        }
        match command {
            Command::Submit => self.submit_search(),
            Command::Back => self.cancel_search(),
            Command::Up | Command::Down => self.attention_command(command),
            _ => Effect::None,
        }
    }

    /// The update prompt: a figure typed over the current one, saved on
    /// Enter, or on `y` when it looked like a typo.
    fn update_prompt_command(&mut self, command: Command) -> Effect {
        let Some(Prompt::Update { confirm, .. }) = self.overlay.prompt.as_mut() else {
            return Effect::None;
        };
        match command {
            Command::ConfirmUpdate | Command::Input('y' | 'Y') if *confirm => {
                *confirm = false;
                self.submit_update(true)
            }
            Command::ConfirmUpdate => Effect::None,
            Command::Input(_) | Command::DeleteChar => {
                self.type_in_prompt(command).unwrap_or(Effect::None)
            }
            Command::Back => {
                self.overlay.prompt = None;
                Effect::Redraw
            }
            // Asked to confirm: only `y` saves.
            Command::Submit if *confirm => Effect::None,
            Command::Submit => self.submit_update(false),
            _ => Effect::None,
        }
    }

    /// Saves what the update prompt holds, unless it cannot be saved (the
    /// prompt says why) or looks like a typo and is not yet `confirmed`.
    fn submit_update(&mut self, confirmed: bool) -> Effect {
        // The campaign and the prompt are apart: borrowed side by side.
        let (data, open) = (self.data.as_ref(), self.campaign.open.as_ref());
        let campaign = open.and_then(|view| data?.plan().campaigns.get(view.index));
        let Some(prompt) = self.overlay.prompt.as_mut() else {
            return Effect::None;
        };
        match prompt.submit(campaign, self.settings.lang, confirmed) {
            Some(edit) => {
                self.overlay.prompt = None;
                Effect::Save(edit)
            }
            None => Effect::Redraw,
        }
    }
}
