//! Recording progress from the screen: `+` / `-` and the update prompt,
//! validated here, saved by the event loop through the one write-back path.

use super::{App, Change, Edit, Effect, Prompt};
use crate::figures;
use crate::i18n;
use crate::model::Level;
use crate::model::Scale;
use crate::model::WaterClass;
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
        let Some(Prompt::Update { item, input, .. }) = self.overlay.prompt.as_ref() else {
            return Effect::None;
        };
        let (item, input) = (*item, input.clone());
        let validated = self
            .validated_update(item, &input)
            .map_err(|reason| (reason, false));
        let checked =
            validated.and_then(
                |edit| match self.typo_guard(item, &edit).filter(|_| !confirmed) {
                    Some(why) => Err((why, true)),
                    None => Ok(edit),
                },
            );
        match checked {
            Ok(edit) => {
                self.overlay.prompt = None;
                Effect::Save(edit)
            }
            Err((reason, ask)) => {
                if let Some(Prompt::Update { error, confirm, .. }) = self.overlay.prompt.as_mut() {
                    *error = Some(reason);
                    *confirm = ask;
                }
                Effect::Redraw
            }
        }
    }

    /// Why a new figure looks like a typo: a done count above the total or
    /// below the current one, or more than twice or under half the current figure.
    fn typo_guard(&self, item: Item, edit: &Edit) -> Option<&'static str> {
        let lang = self.settings.lang;
        let (campaign, _) = self.open_campaign()?;
        let (new, current, total) = match (item, edit.change.as_ref()?) {
            (Item::Task(i), Change::SetDone(new)) => {
                let task = campaign.tasks.get(i)?;
                (*new, task.done, task.total)
            }
            (Item::Indicator(i), Change::SetValue(text)) => {
                let indicator = campaign.indicators.get(i)?;
                let Level::Number(current) = indicator.value else {
                    return None;
                };
                (parse_number(text)?, current, None)
            }
            _ => return None,
        };
        if total.is_some_and(|total| new > total) {
            return Some(i18n::beyond_total(lang));
        }
        let (far_new, far_current) = (new.abs(), current.abs());
        if far_current > 0.0 && (far_new > 2.0 * far_current || far_new < far_current / 2.0) {
            return Some(i18n::far_from_current(lang));
        }
        // A done count rarely falls: lowering it is most often a slip of the keys.
        (matches!(item, Item::Task(_)) && new < current).then(|| i18n::done_goes_down(lang))
    }

    /// The edit a prompt's text asks for, or why it cannot be saved.
    fn validated_update(&self, item: Item, input: &str) -> Result<Edit, &'static str> {
        let s = i18n::strings(self.settings.lang);
        let (campaign, _) = self.open_campaign().ok_or(s.nothing_selected)?;
        let text = input.trim();
        let (id, change) = match item {
            Item::Task(i) => {
                let task = campaign.tasks.get(i).ok_or(s.nothing_selected)?;
                let value = parse_number(text).ok_or(s.not_a_number)?;
                if value < 0.0 {
                    return Err(s.negative);
                }
                (task.id.clone(), Change::SetDone(value))
            }
            Item::Indicator(i) => {
                let indicator = campaign.indicators.get(i).ok_or(s.nothing_selected)?;
                match indicator.scale {
                    Scale::Number => {
                        parse_number(text).ok_or(s.not_a_number)?;
                    }
                    Scale::WaterClass => {
                        WaterClass::parse(text).ok_or(s.not_a_level)?;
                    }
                }
                (indicator.id.clone(), Change::SetValue(text.to_owned()))
            }
        };
        Ok(Edit {
            campaign: campaign.id.clone(),
            item: id,
            change: Some(change),
            note: None,
            lang: self.settings.lang,
            record: None,
        })
    }
}

fn parse_number(text: &str) -> Option<f64> {
    crate::edit::parse_figure(text)
}
