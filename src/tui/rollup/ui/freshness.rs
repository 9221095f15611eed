//! The freshness pane: whether each unit counts — reported, 未报送 (older
//! than `stale_after_days`, or undated), or errors with the first of them —
//! its reporting date, the commit its file was read at and, for a `ref`
//! unit, when `campaigns fetch` last brought it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::super::state::{Pane, RollupScreen};
use super::super::words;
use crate::model::Lang;
use crate::rollup::{Source, Unit};
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
            .map(|c| format!("{dot}{}", crate::history::short_commit(c)))
            .unwrap_or_default();
        let fetched = fetched_text(screen, n, lang)
            .map(|text| format!("{dot}{text}"))
            .unwrap_or_default();
        let (state, style) = standing(unit, lang, theme);
        // Whether it counts first: a narrow pane cuts the commit, not that.
        let spans = [
            (name.as_str(), theme.title()),
            (dot, theme.dim()),
            (state.as_str(), style),
            (dot, theme.dim()),
            (as_of.as_str(), Style::new()),
            (commit.as_str(), theme.dim()),
            (fetched.as_str(), theme.dim()),
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

/// Whether the unit counts, in words: reported (the office's own file
/// said so), 未报送 (with "no reporting date" when it has none), or its
/// first error.
fn standing(unit: &Unit, lang: Lang, theme: &Theme) -> (String, Style) {
    let colon = words::say(lang, ": ", "：");
    if unit.document().is_none() {
        let first_error = first_error(unit, lang);
        let text = format!("{}{colon}{first_error}", words::errors(lang));
        return (text, theme.error());
    }
    if unit.stale {
        let mut text = words::not_reported(lang).to_owned();
        if unit.undated {
            text.push_str(words::say(lang, " (no reporting date)", "（无报告日期）"));
        }
        return (text, theme.notice());
    }
    let mut text = words::reported(lang).to_owned();
    if unit.office {
        text.push_str(words::say(lang, ", the office", "，本级"));
    }
    (text, theme.ok())
}

/// When `campaigns fetch` last brought a `ref` unit's ref up to date, or
/// that it never did; nothing for a unit read from a path.
fn fetched_text(screen: &RollupScreen, at: usize, lang: Lang) -> Option<String> {
    let spec = screen.rollup().manifest.units.get(at)?;
    let Source::Ref { reference, .. } = &spec.source else {
        return None;
    };
    Some(match screen.fetched().get(reference) {
        Some(when) => {
            let when = when.format("%Y-%m-%d %H:%M UTC");
            match lang {
                Lang::En => format!("fetched {when}"),
                Lang::Zh => format!("{when}拉取"),
            }
        }
        None => words::say(lang, "never fetched", "未拉取").to_owned(),
    })
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
