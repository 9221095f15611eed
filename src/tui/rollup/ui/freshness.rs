//! The freshness pane: each unit's reporting date, the commit its file was
//! read at, and whether it counts — reported, 未报送 (older than
//! `stale_after_days`), or errors with the first of them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::state::{Pane, RollupScreen};
use super::super::words;
use crate::model::Lang;
use crate::rollup::Unit;
use crate::tui::theme::Theme;
use crate::tui::ui::cells::put_spans;

pub fn draw(buf: &mut Buffer, area: Rect, screen: &RollupScreen, theme: &Theme) {
    let lang = screen.settings().lang;
    let units = &screen.rollup().units;
    let selected = screen.selected();
    let rows = usize::from(area.height);
    let first = (selected + 1).saturating_sub(rows);
    let dot = theme.dot();
    for (n, unit) in units.iter().enumerate().skip(first).take(rows) {
        let y = area.y + (n - first) as u16;
        let name = screen.unit_name(&unit.id);
        let as_of = unit
            .as_of()
            .map_or_else(|| "—".to_owned(), |d| d.to_string());
        let commit = unit
            .commit
            .as_ref()
            .map(|c| format!("{dot}{}", &c[..c.len().min(8)]))
            .unwrap_or_default();
        let (state, style) = if unit.document().is_none() {
            let first_error = first_error(unit, lang);
            let colon = words::say(lang, ": ", "：");
            (
                format!("{}{colon}{first_error}", words::errors(lang)),
                theme.error(),
            )
        } else if unit.stale {
            (words::not_reported(lang).to_owned(), theme.notice())
        } else {
            (words::reported(lang).to_owned(), theme.ok())
        };
        let spans = [
            (name.as_str(), theme.title()),
            (dot, theme.dim()),
            (as_of.as_str(), Style::new()),
            (commit.as_str(), theme.dim()),
            (dot, theme.dim()),
            (state.as_str(), style),
        ];
        let line = Rect {
            y,
            height: 1,
            ..area
        };
        put_spans(buf, line, y, &spans, theme.ellipsis());
        if n == selected && screen.focus() == Pane::Freshness {
            buf.set_style(line, theme.selected());
        }
    }
}

/// The unit's first error, its file named without the folders before it
/// (the pane is narrow; Enter on the unit shows the whole).
fn first_error(unit: &Unit, lang: Lang) -> String {
    let first = unit.errors(lang).into_iter().next().unwrap_or_default();
    let file = std::path::Path::new(&unit.shown)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    let short = match (first.strip_prefix(unit.shown.as_str()), file) {
        (Some(rest), Some(file)) => format!("{file}{rest}"),
        _ => first,
    };
    crate::text::sanitize_line(&short)
}
