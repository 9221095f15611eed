//! Recording progress from the screen: `+` / `-` and the update prompt,
//! validated here, saved by the event loop through the one write-back path.

use super::*;
use crate::figures;

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
        self.prompt = Some(Prompt::Update {
            item,
            input,
            pristine: true,
            error: None,
        });
        Effect::Redraw
    }

    pub(super) fn prompt_command(&mut self, command: Command) -> Effect {
        let Some(prompt) = self.prompt.as_mut() else {
            return Effect::None;
        };
        match (prompt, command) {
            (_, Command::Quit) => Effect::Quit,
            (Prompt::Filter { input }, Command::Input(c)) => {
                input.push(c);
                self.filter = input.clone();
                self.rebuild_rows();
                Effect::Redraw
            }
            (Prompt::Filter { input }, Command::DeleteChar) => {
                if input.pop().is_none() {
                    return Effect::None;
                }
                self.filter = input.clone();
                self.rebuild_rows();
                Effect::Redraw
            }
            (Prompt::Filter { .. }, Command::Submit) => {
                self.prompt = None;
                Effect::Redraw
            }
            (Prompt::Filter { .. }, Command::Back) => {
                self.prompt = None;
                self.filter.clear();
                self.rebuild_rows();
                Effect::Redraw
            }
            (
                Prompt::Update {
                    input,
                    pristine,
                    error,
                    ..
                },
                Command::Input(c),
            ) => {
                if std::mem::take(pristine) {
                    input.clear();
                }
                input.push(c);
                *error = None;
                Effect::Redraw
            }
            (
                Prompt::Update {
                    input,
                    pristine,
                    error,
                    ..
                },
                Command::DeleteChar,
            ) => {
                if std::mem::take(pristine) {
                    input.clear();
                } else if input.pop().is_none() {
                    return Effect::None;
                }
                *error = None;
                Effect::Redraw
            }
            (Prompt::Update { .. }, Command::Back) => {
                self.prompt = None;
                Effect::Redraw
            }
            (Prompt::Update { item, input, .. }, Command::Submit) => {
                let (item, input) = (*item, input.clone());
                match self.validated_update(item, &input) {
                    Ok(edit) => {
                        self.prompt = None;
                        Effect::Save(edit)
                    }
                    Err(reason) => {
                        if let Some(Prompt::Update { error, .. }) = self.prompt.as_mut() {
                            *error = Some(reason);
                        }
                        Effect::Redraw
                    }
                }
            }
            _ => Effect::None,
        }
    }

    /// The edit a prompt's text asks for, or why it cannot be saved.
    pub(super) fn validated_update(&self, item: Item, input: &str) -> Result<Edit, &'static str> {
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
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}
