//! The lines under the header when something is wrong with the file: a
//! failed reload (with file:line:col) and a file that disappeared. The last
//! good data stays on screen below them. Each wraps rather than being cut at
//! the terminal's width: the place and the message must be read whole.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::cells::put_spans;
use super::wrap::{Piece, wrap};
use crate::i18n;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::theme::Theme;

/// At most this many lines for the failed load, and for the missing file.
const LOAD_FAILED_LINES: usize = 3;
const MISSING_LINES: usize = 2;

/// How many lines the banner takes at `width`.
pub fn height(app: &App, width: u16) -> u16 {
    let theme = super::theme(app);
    let count = lines(app, width, &theme).len();
    u16::try_from(count).unwrap_or(u16::MAX)
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    for (n, line) in lines(app, area.width, theme).iter().enumerate() {
        let y = area.y + n as u16;
        if y >= area.bottom() {
            break;
        }
        let spans: Vec<(&str, Style)> = line.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        put_spans(buf, area, y, &spans, theme.ellipsis());
    }
}

fn lines(app: &App, width: u16, theme: &Theme) -> Vec<Vec<Piece>> {
    let s = i18n::strings(app.settings().lang);
    let mark = if theme.ascii { "X " } else { "✖ " };
    let mut out = Vec::new();
    if let Some(banner) = app.banner() {
        // Where and what first; what the screen shows meanwhile after it.
        let after = if app.data().is_some() {
            s.load_failed
        } else {
            s.no_plan
        };
        let key = super::footer::key_for(
            &app.settings().keymap,
            Command::ToggleProblems,
            Context::Global,
            theme.ascii,
        );
        let after = match key {
            Some(key) => format!(
                "{}{after}{}{}{}",
                s.open,
                s.comma,
                i18n::problems_hint(app.settings().lang, &key),
                s.close
            ),
            None => format!("{}{after}{}", s.open, s.close),
        };
        out.extend(wrap(
            &[
                (mark, theme.error()),
                (&banner, theme.error()),
                (&after, theme.dim()),
            ],
            width,
            LOAD_FAILED_LINES,
            theme.ellipsis(),
        ));
    }
    if app.file_missing() {
        let path = crate::text::sanitize_line(&app.path().display().to_string());
        // Gone before anything was loaded: there is no last data to speak of.
        let what = if app.data().is_some() {
            s.file_missing
        } else {
            s.not_found
        };
        let line = format!("{} {what}{}{path}", theme.warning_mark(), s.colon);
        out.extend(wrap(
            &[(&line, theme.notice())],
            width,
            MISSING_LINES,
            theme.ellipsis(),
        ));
    }
    out
}
