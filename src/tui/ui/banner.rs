//! The lines under the header when something is wrong with the file: a
//! failed reload (with file:line:col) and a file that disappeared. The last
//! good data stays on screen below them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::cells::put_spans;
use crate::i18n;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// How many lines the banner takes.
pub fn height(app: &App) -> u16 {
    u16::from(app.banner().is_some()) + u16::from(app.file_missing())
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let s = i18n::strings(app.settings().lang);
    let mark = if theme.ascii { "X " } else { "✖ " };
    let mut y = area.y;
    if let Some(banner) = app.banner()
        && y < area.bottom()
    {
        // Where and what first; what the screen shows meanwhile after it.
        let after = if app.data.is_some() {
            s.load_failed
        } else {
            s.no_plan
        };
        let after = format!("{}{after}{}", s.open, s.close);
        put_spans(
            buf,
            area,
            y,
            &[
                (mark, theme.error()),
                (&banner, theme.error()),
                (&after, theme.dim()),
            ],
            theme.ellipsis(),
        );
        y += 1;
    }
    if app.file_missing() && y < area.bottom() {
        let path = crate::text::sanitize_line(&app.path().display().to_string());
        // Gone before anything was loaded: there is no last data to speak of.
        let what = if app.data.is_some() {
            s.file_missing
        } else {
            s.not_found
        };
        let line = format!("{} {what}{}{path}", theme.warning_mark(), s.colon);
        put_spans(buf, area, y, &[(&line, theme.notice())], theme.ellipsis());
    }
}
