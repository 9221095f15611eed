//! The roll-up screen's one transition: a key or a resize in, what the
//! event loop must do out. While a unit is open its own screen takes
//! every key but the Esc that leaves it from its overview.

use super::attention::{AttentionView, across};
use super::keys::{self, RollupCommand as C};
use super::state::{Pane, RollupScreen};
use crate::model::Lang;
use crate::tui::action::{Action, Command};
use crate::tui::app::Effect;
use crate::tui::keymap::Context;
use crossterm::event::MouseEventKind;

/// How many units (or lines) PgUp and PgDn move.
const PAGE: usize = 10;

/// What the event loop must do after an update.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing changed: nothing to draw.
    None,
    Redraw,
    Quit,
    /// Give the terminal back and stop until SIGCONT.
    Suspend,
    /// Read the manifest and every unit again, then hand them to
    /// [`RollupScreen::reloaded`].
    Reload,
    /// Read this unit again (`r` in its own screen), then hand it to
    /// [`RollupScreen::units_reloaded`].
    ReloadUnit(usize),
    /// Write this OSC 52 sequence (a unit's screen copied a line).
    Clipboard(String),
}

impl RollupScreen {
    pub fn update(&mut self, action: Action) -> Outcome {
        if let Action::Resize(width, height) = action {
            self.size = (width, height);
        }
        if self.unit.is_some() {
            return self.unit_update(action);
        }
        match action {
            Action::Key(key) => keys::lookup_in(&self.settings.keymap, &key)
                .map_or(Outcome::None, |c| self.command(c)),
            // `--mouse`: the wheel moves as the arrows do.
            Action::Mouse(mouse) if self.settings.mouse => match mouse.kind {
                MouseEventKind::ScrollUp => self.command(C::Up),
                MouseEventKind::ScrollDown => self.command(C::Down),
                _ => Outcome::None,
            },
            Action::Resize(..) => Outcome::Redraw,
            _ => Outcome::None,
        }
    }

    /// The unit's own screen takes the action; the key that goes back
    /// (Esc, Backspace: Back in the key table) on its overview with
    /// nothing open, where it has nothing to do, comes back to the roll-up.
    fn unit_update(&mut self, action: Action) -> Outcome {
        let Some((at, app)) = self.unit.as_mut() else {
            return Outcome::None;
        };
        let keymap = &app.settings().keymap;
        if let Action::Key(key) = &action
            && app.context() == Context::Overview
            && keymap.lookup(key, Context::Overview).is_none()
            && keymap.lookup(key, Context::Campaign) == Some(Command::Back)
        {
            self.close_unit();
            return Outcome::Redraw;
        }
        match app.update(action) {
            Effect::None => Outcome::None,
            Effect::Quit => Outcome::Quit,
            Effect::Suspend => Outcome::Suspend,
            Effect::Clipboard(sequence) => Outcome::Clipboard(sequence),
            // `r`: that unit alone is read again, through the roll-up.
            Effect::Reload => Outcome::ReloadUnit(*at),
            // A unit's screen writes nothing (read-only), so the rest is
            // only a redraw.
            _ => Outcome::Redraw,
        }
    }

    /// What a key of the roll-up's own table does.
    pub fn command(&mut self, command: C) -> Outcome {
        let had_message = self.message.take().is_some();
        let outcome = match command {
            C::Quit => return Outcome::Quit,
            C::Suspend => return Outcome::Suspend,
            C::Reload => return Outcome::Reload,
            C::ToggleHelp => {
                self.help = !self.help;
                Outcome::Redraw
            }
            C::ToggleLang => {
                self.settings.lang = match self.settings.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
                self.say_drags();
                Outcome::Redraw
            }
            _ if self.help => self.in_help(command),
            _ if self.attention.is_some() => self.in_attention(command),
            _ => self.in_panes(command),
        };
        match outcome {
            Outcome::None if had_message => Outcome::Redraw,
            outcome => outcome,
        }
    }

    fn in_help(&mut self, command: C) -> Outcome {
        if command == C::Back {
            self.help = false;
            return Outcome::Redraw;
        }
        Outcome::None
    }

    fn in_attention(&mut self, command: C) -> Outcome {
        let Some(view) = self.attention.as_mut() else {
            return Outcome::None;
        };
        let last = view.items.len().saturating_sub(1);
        let selected = match command {
            C::Up => view.selected.saturating_sub(1),
            C::Down => (view.selected + 1).min(last),
            C::Top => 0,
            C::Bottom => last,
            C::PageUp => view.selected.saturating_sub(PAGE),
            C::PageDown => (view.selected + PAGE).min(last),
            C::Back | C::ToggleAttention => {
                self.attention = None;
                return Outcome::Redraw;
            }
            C::Open => return self.open_attention_item(),
            _ => return Outcome::None,
        };
        moved(&mut view.selected, selected)
    }

    /// Opens the selected item of the attention list in its unit.
    fn open_attention_item(&mut self) -> Outcome {
        let Some(view) = &self.attention else {
            return Outcome::None;
        };
        let Some(row) = view.items.get(view.selected).copied() else {
            return Outcome::None;
        };
        let ids = self.rollup.units.get(row.unit).and_then(|unit| {
            let plan = unit.document()?.plan();
            let campaign = plan.campaigns.get(row.attention.campaign)?;
            let item = match row.attention.item {
                crate::model::Item::Task(i) => &campaign.tasks.get(i)?.id,
                crate::model::Item::Indicator(i) => &campaign.indicators.get(i)?.id,
            };
            Some((campaign.id.clone(), item.clone()))
        });
        let Some((campaign, item)) = ids else {
            return Outcome::None;
        };
        self.selected = row.unit;
        self.open(row.unit, Some((&campaign, &item)));
        Outcome::Redraw
    }

    fn in_panes(&mut self, command: C) -> Outcome {
        let last = self.rollup.units.len().saturating_sub(1);
        // Scrolled by line (rankings) or by sentence (who drags), to the last.
        let limit = match self.focus {
            Pane::Rankings => super::ranking_lines::lines(self).len(),
            Pane::Drags => self.drags.len(),
            Pane::Matrix | Pane::Freshness => 0,
        };
        let limit = u16::try_from(limit.saturating_sub(1)).unwrap_or(u16::MAX);
        let selected = self.selected;
        let scrolled = match self.focus {
            Pane::Rankings => Some(&mut self.scroll.0),
            Pane::Drags => Some(&mut self.scroll.1),
            Pane::Matrix | Pane::Freshness => None,
        };
        match (command, scrolled) {
            (C::NextPane | C::PrevPane, _) => {
                self.focus = self.focus.step(command == C::NextPane);
                Outcome::Redraw
            }
            (C::Up, Some(scroll)) => moved(scroll, scroll.saturating_sub(1)),
            (C::Down, Some(scroll)) => moved(scroll, scroll.saturating_add(1).min(limit)),
            (C::Bottom, Some(scroll)) => moved(scroll, limit),
            (C::Top, Some(scroll)) => moved(scroll, 0),
            (C::Up, None) => moved(&mut self.selected, selected.saturating_sub(1)),
            (C::Down, None) => moved(&mut self.selected, (selected + 1).min(last)),
            (C::Top, None) => moved(&mut self.selected, 0),
            (C::PageUp, None) => moved(&mut self.selected, selected.saturating_sub(PAGE)),
            (C::PageDown, None) => moved(&mut self.selected, (selected + PAGE).min(last)),
            (C::PageUp, Some(scroll)) => moved(scroll, scroll.saturating_sub(PAGE as u16)),
            (C::PageDown, Some(scroll)) => {
                moved(scroll, scroll.saturating_add(PAGE as u16).min(limit))
            }
            (C::Bottom, None) => moved(&mut self.selected, last),
            (C::Open, _) => {
                self.open(self.selected, None);
                Outcome::Redraw
            }
            (C::ToggleAttention, _) => {
                self.attention = Some(AttentionView {
                    items: across(&self.rollup),
                    ..Default::default()
                });
                Outcome::Redraw
            }
            _ => Outcome::None,
        }
    }
}

/// Sets `place` to `to`: a redraw when it moved.
fn moved<T: PartialEq>(place: &mut T, to: T) -> Outcome {
    if *place == to {
        return Outcome::None;
    }
    *place = to;
    Outcome::Redraw
}
