//! Below the smallest usable size: say so, and how much is needed, in as
//! much of the notice as fits.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::cells::put;
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::i18n;
use crate::text;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let s = i18n::strings(app.settings().lang);
    let need = format!("{MIN_WIDTH}×{MIN_HEIGHT}");
    let need = if theme.ascii {
        need.replace('×', "x")
    } else {
        need
    };
    let need = format!("{} {need}", s.need);
    let joined = format!("{}{}{need}", s.too_small, s.comma);
    // One line when it fits, else two, centred; what does not fit is cut.
    let lines: Vec<&str> = if text::width(&joined) <= usize::from(area.width) || area.height < 2 {
        vec![joined.as_str()]
    } else {
        vec![s.too_small, need.as_str()]
    };
    let height = (lines.len() as u16).min(area.height);
    let top = area.y + (area.height - height) / 2;
    for (i, line) in lines.iter().take(usize::from(height)).enumerate() {
        let width = (text::width(line) as u16).min(area.width);
        let x = area.x + (area.width - width) / 2;
        put(
            buf,
            x,
            top + i as u16,
            area.width,
            line,
            theme.notice(),
            theme.ellipsis(),
        );
    }
}
