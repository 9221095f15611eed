//! The roll-up's keys over the screen (`?`), from the key table itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::super::keys::{KEYS, shown_keys};
use super::super::state::RollupScreen;
use super::super::words;
use crate::model::Lang;
use crate::text::width;
use crate::tui::theme::Theme;
use crate::tui::ui::cells::put;

pub fn draw(buf: &mut Buffer, area: Rect, screen: &RollupScreen, theme: &Theme) {
    let lang = screen.settings().lang;
    // The keys in force: a config file's `[keys]` move them.
    let keymap = &screen.settings().keymap;
    let shown = |keys: &str, command| {
        let keys = shown_keys(keymap, keys, command, theme.ascii);
        if theme.ascii { ascii_keys(&keys) } else { keys }
    };
    let keys_width = KEYS
        .iter()
        .map(|(k, command, ..)| width(&shown(k, *command)))
        .max()
        .unwrap_or(0) as u16;
    let help = |(_, _, zh, en): &(&str, _, &str, &str)| match lang {
        Lang::Zh => width(zh),
        Lang::En => width(en),
    };
    let text_width = KEYS.iter().map(help).max().unwrap_or(0) as u16;
    let width = (keys_width + text_width + 6).min(area.width);
    let height = (KEYS.len() as u16 + 2).min(area.height);
    let popup = crate::tui::geometry::centered(area, width, height);
    Clear.render(popup, buf);
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(words::help_title(lang), theme.title()))
        .render(popup, buf);
    let inner = crate::tui::geometry::inner(popup);
    let ell = theme.ellipsis();
    for (n, (keys, command, zh, en)) in KEYS.iter().enumerate().take(usize::from(inner.height)) {
        let y = inner.y + n as u16;
        let text = match lang {
            Lang::Zh => zh,
            Lang::En => en,
        };
        put(
            buf,
            inner.x + 1,
            y,
            keys_width,
            &shown(keys, *command),
            theme.key(),
            ell,
        );
        let x = inner.x + 2 + keys_width + 1;
        put(
            buf,
            x,
            y,
            inner.right().saturating_sub(x),
            text,
            Default::default(),
            ell,
        );
    }
}

/// The arrow keys by name where only ASCII is drawn.
fn ascii_keys(keys: &str) -> String {
    keys.replace('↓', "Down")
        .replace('↑', "Up")
        .replace('→', "Right")
        .replace('←', "Left")
}
