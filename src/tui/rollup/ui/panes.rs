//! The side panes under the matrix: rankings, who drags, freshness. Side
//! by side when the window is wide; else one at a time, the focused one
//! (rankings while the matrix has the focus), its title naming all three.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::super::ranking_lines::{RankLine, lines};
use super::super::state::{Pane, RollupScreen};
use super::super::words;
use crate::model::Lang;
use crate::tui::theme::Theme;
use crate::tui::ui::cells::put;
use crate::tui::ui::wrap::wrap;

/// From this width the three panes stand side by side.
const WIDE: u16 = 120;

const SIDE: [Pane; 3] = [Pane::Rankings, Pane::Drags, Pane::Freshness];

fn title(pane: Pane, lang: Lang) -> &'static str {
    match pane {
        Pane::Rankings | Pane::Matrix => words::rankings_title(lang),
        Pane::Drags => words::drags_title(lang),
        Pane::Freshness => words::freshness_title(lang),
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, screen: &RollupScreen, theme: &Theme) {
    if area.height < 3 {
        return;
    }
    let lang = screen.settings().lang;
    if area.width >= WIDE {
        let third = area.width / 3;
        for (i, pane) in SIDE.into_iter().enumerate() {
            let x = area.x + third * i as u16;
            let width = if i == 2 { area.right() - x } else { third };
            let part = Rect { x, width, ..area };
            let focused = screen.focus() == pane;
            let head = Line::styled(format!(" {} ", title(pane, lang)), theme.title());
            framed(buf, part, head, focused, theme);
            content(buf, crate::tui::geometry::inner(part), screen, pane, theme);
        }
        return;
    }
    let shown = match screen.focus() {
        Pane::Matrix => Pane::Rankings,
        pane => pane,
    };
    // " Rankings │ Who drags │ Freshness ": the one shown stands out.
    let mut spans = vec![Span::raw(" ")];
    for (i, pane) in SIDE.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme.dim()));
        }
        let style = if pane == shown {
            theme.title()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(title(pane, lang), style));
    }
    spans.push(Span::raw(" "));
    framed(
        buf,
        area,
        Line::from(spans),
        screen.focus() != Pane::Matrix,
        theme,
    );
    content(buf, crate::tui::geometry::inner(area), screen, shown, theme);
}

fn framed(buf: &mut Buffer, area: Rect, title: Line<'_>, focused: bool, theme: &Theme) {
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(focused))
        .title(title)
        .render(area, buf);
}

fn content(buf: &mut Buffer, inner: Rect, screen: &RollupScreen, pane: Pane, theme: &Theme) {
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    match pane {
        Pane::Rankings | Pane::Matrix => rankings(buf, inner, screen, theme),
        Pane::Drags => drags(buf, inner, screen, theme),
        Pane::Freshness => super::freshness::draw(buf, inner, screen, theme),
    }
}

fn rankings(buf: &mut Buffer, area: Rect, screen: &RollupScreen, theme: &Theme) {
    let lang = screen.settings().lang;
    let ell = theme.ellipsis();
    let all = lines(screen);
    if all.is_empty() {
        put(
            buf,
            area.x,
            area.y,
            area.width,
            words::no_rankings(lang),
            theme.dim(),
            ell,
        );
        return;
    }
    let scroll = usize::from(screen.scroll.0).min(all.len() - 1);
    let mut y = area.y;
    for line in &all[scroll..] {
        let left = usize::from(area.bottom().saturating_sub(y));
        if left == 0 {
            break;
        }
        let (text, style) = match line {
            RankLine::Heading(text) => (text.clone(), theme.title()),
            RankLine::Row { rank, text } => (format!("{rank:>3}. {text}"), Style::new()),
            RankLine::Gap => (format!("  {ell}"), theme.dim()),
            RankLine::LeftOut(text) => {
                // The units left out are read whole: wrapped, not cut.
                y += wrapped(buf, Rect { y, ..area }, text, theme.dim(), left, ell);
                continue;
            }
        };
        put(buf, area.x, y, area.width, &text, style, ell);
        y += 1;
    }
}

/// `text` wrapped into at most `most` lines from the top of `area`; the
/// lines used.
fn wrapped(buf: &mut Buffer, area: Rect, text: &str, style: Style, most: usize, ell: &str) -> u16 {
    let mut y = area.y;
    for pieces in wrap(&[(text, style)], area.width, most, ell) {
        let mut x = area.x;
        for (piece, style) in &pieces {
            x += put(
                buf,
                x,
                y,
                area.right().saturating_sub(x),
                piece,
                *style,
                ell,
            );
        }
        y += 1;
    }
    y - area.y
}

/// Each summed item's sentence, wrapped, from the one scrolled to.
fn drags(buf: &mut Buffer, area: Rect, screen: &RollupScreen, theme: &Theme) {
    let lang = screen.settings().lang;
    let ell = theme.ellipsis();
    let sentences = screen.drag_lines();
    if sentences.is_empty() {
        put(
            buf,
            area.x,
            area.y,
            area.width,
            words::no_drags(lang),
            theme.dim(),
            ell,
        );
        return;
    }
    let mut y = area.y;
    let first = usize::from(screen.scroll.1).min(sentences.len() - 1);
    for sentence in &sentences[first..] {
        let left = usize::from(area.bottom().saturating_sub(y));
        if left == 0 {
            break;
        }
        y += wrapped(buf, Rect { y, ..area }, sentence, Style::new(), left, ell);
    }
}
