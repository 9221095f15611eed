//! The attention list across units: a row per item that needs attention,
//! worst first over every fresh unit — the unit first, then the status
//! (symbol and word, `*` when it rests on an assumed value), campaign,
//! item, figure and the gap to 序时进度 or the days late, each worded by
//! the figures module as the plan's own attention list words it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::super::attention::{AttentionView, UnitAttention};
use super::super::state::RollupScreen;
use super::super::words;
use crate::figures;
use crate::i18n::{self, status_word};
use crate::model::Lang;
use crate::text::sanitize_line;
use crate::tui::rows::Item;
use crate::tui::theme::Theme;
use crate::tui::ui::cells::put;

/// The columns' widths, as shares of the line.
const SHARES: [u16; 6] = [11, 14, 13, 23, 25, 14];

pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    screen: &RollupScreen,
    view: &AttentionView,
    theme: &Theme,
) -> Option<Position> {
    let lang = screen.settings().lang;
    let title = words::attention_title(view.items.len(), lang);
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(title, theme.title()))
        .render(area, buf);
    let inner = crate::tui::geometry::inner(area);
    let inner = Rect {
        x: inner.x + 2,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    if inner.height < 2 {
        return None;
    }
    let ell = theme.ellipsis();
    if view.items.is_empty() {
        put(
            buf,
            inner.x,
            inner.y,
            inner.width,
            words::attention_none(lang),
            theme.dim(),
            ell,
        );
        return None;
    }
    let s = i18n::strings(lang);
    let heading = [
        words::unit(lang),
        s.attention_status,
        s.attention_campaign,
        s.attention_item,
        s.attention_figure,
        s.attention_gap,
    ];
    cells(
        buf,
        inner,
        inner.y,
        heading.map(|h| (h.to_owned(), theme.title())),
        ell,
    );
    let rows = usize::from(inner.height - 1);
    let first = (view.selected + 1).saturating_sub(rows);
    let mut cursor = None;
    for (n, row) in view.items.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + 1 + (n - first) as u16;
        let Some(texts) = row_cells(screen, row, lang, theme) else {
            continue;
        };
        cells(buf, inner, y, texts, ell);
        if n == view.selected {
            let line = Rect {
                x: inner.x - 2,
                y,
                height: 1,
                width: inner.width + 2,
            };
            put(buf, line.x, y, 2, theme.pointer(), theme.title(), "");
            buf.set_style(line, theme.selected());
            cursor = Some(Position::new(line.x, y));
        }
    }
    cursor
}

fn cells(buf: &mut Buffer, line: Rect, y: u16, texts: [(String, Style); 6], ell: &str) {
    let total: u16 = SHARES.iter().sum();
    let mut x = line.x;
    for (i, ((text, style), share)) in texts.into_iter().zip(SHARES).enumerate() {
        let width = if i == 5 {
            line.right().saturating_sub(x)
        } else {
            line.width * share / total
        };
        put(buf, x, y, width.saturating_sub(1), &text, style, ell);
        x += width;
    }
}

fn row_cells(
    screen: &RollupScreen,
    row: &UnitAttention,
    lang: Lang,
    theme: &Theme,
) -> Option<[(String, Style); 6]> {
    let unit = screen.rollup().units.get(row.unit)?;
    let (document, status) = (unit.document()?, unit.status()?);
    let a = &row.attention;
    let campaign = document.plan().campaigns.get(a.campaign)?;
    let (name, figure, schedule) = match a.item {
        Item::Task(i) => {
            let task = campaign.tasks.get(i)?;
            let schedule = status.campaigns.get(a.campaign)?.tasks.get(i);
            (
                &task.name,
                figures::marked_task_figure(task, lang),
                schedule,
            )
        }
        Item::Indicator(i) => {
            let indicator = campaign.indicators.get(i)?;
            let figure = figures::marked_indicator_figure(indicator, lang, theme.ascii);
            (&indicator.name, figure, None)
        }
    };
    let mark = if a.assumed { "*" } else { "" };
    let word = format!(
        "{} {}{mark}",
        a.status.symbol(theme.ascii),
        status_word(a.status, lang)
    );
    let gap = figures::attention_gap(a, schedule, lang);
    let status_style = theme.status(a.status);
    Some([
        (screen.unit_name(&unit.id), theme.title()),
        (word, status_style),
        (sanitize_line(campaign.name.get(lang)), Style::new()),
        (sanitize_line(name.get(lang)), Style::new()),
        (figure, Style::new()),
        (gap.map(|g| g.to_string()).unwrap_or_default(), status_style),
    ])
}
