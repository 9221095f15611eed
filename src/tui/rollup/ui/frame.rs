//! The roll-up's header (title; reporting date and how many units count),
//! its footer (key hints or a message) and the notice when the window is
//! too small.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::state::RollupScreen;
use super::super::words;
use crate::text::{sanitize_line, width};
use crate::tui::theme::Theme;
use crate::tui::ui::cells::put;

pub fn header(buf: &mut Buffer, area: Rect, screen: &RollupScreen, theme: &Theme) {
    let lang = screen.settings().lang;
    let rollup = screen.rollup();
    let title = sanitize_line(rollup.manifest.title.get(lang));
    let ell = theme.ellipsis();
    put(buf, area.x, area.y, area.width, &title, theme.title(), ell);
    let counts = (
        rollup.units.len(),
        rollup.stale().count(),
        rollup.broken().count(),
    );
    let line = words::counts(&rollup.as_of.to_string(), counts, lang);
    put(buf, area.x, area.y + 1, area.width, &line, theme.dim(), ell);
}

pub fn footer(buf: &mut Buffer, area: Rect, screen: &RollupScreen, theme: &Theme) {
    let ell = theme.ellipsis();
    if let Some(message) = screen.message() {
        put(buf, area.x, area.y, area.width, message, theme.error(), ell);
        return;
    }
    let hints = words::hints(screen.settings().lang);
    let fits = hints
        .iter()
        .find(|hint| width(hint) <= usize::from(area.width))
        .unwrap_or(&hints[hints.len() - 1]);
    // ASCII only: the other language by its code.
    let fits = if theme.ascii {
        fits.replace("中文", "zh")
    } else {
        (*fits).to_owned()
    };
    put(buf, area.x, area.y, area.width, &fits, theme.dim(), ell);
}

pub fn too_small(buf: &mut Buffer, area: Rect, screen: &RollupScreen, theme: &Theme) {
    let text = words::too_small(screen.settings().lang);
    let y = area.y + area.height / 2;
    put(
        buf,
        area.x,
        y,
        area.width,
        text,
        theme.title(),
        theme.ellipsis(),
    );
}
