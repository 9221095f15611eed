//! The overview: a card per campaign, side by side when wide, stacked when
//! narrow, scrolled to keep the selected card in view. A card shows the
//! overall gauge and figure, the period, tasks per status, indicators met
//! and the items that need attention (computed at load, not here).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::card::{Card, status_line_count};
use super::cells::{put, put_right};
use crate::i18n;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// A card is at least this wide; below it, fewer columns.
const CARD_MIN_WIDTH: u16 = 38;

/// How many cards side by side at `width` columns.
pub fn columns(width: u16, count: usize) -> usize {
    usize::from((width / CARD_MIN_WIDTH).max(1)).min(count.max(1))
}

/// Lines every card needs besides its statuses: border ×2, gauge, period,
/// indicators, the attention heading and one item.
const CARD_FIXED_LINES: u16 = 7;

struct Grid {
    columns: usize,
    card_width: u16,
    card_height: u16,
    visible_rows: usize,
}

fn grid(app: &App, body: &Rect, theme: &Theme) -> Grid {
    let count = app.plan().map_or(0, |p| p.campaigns.len());
    let columns = columns(body.width, count);
    let card_width = body.width / columns.max(1) as u16;
    let lang = app.settings().lang;
    let most_status_lines = app.data.as_ref().map_or(1, |data| {
        data.status
            .campaigns
            .iter()
            .map(|c| status_line_count(c, lang, card_width.saturating_sub(2), theme))
            .max()
            .unwrap_or(1)
            .max(1)
    }) as u16;
    let base = CARD_FIXED_LINES + most_status_lines;
    let rows = count.div_ceil(columns.max(1)).max(1);
    // When every row fits, the cards share the height (more attention items show).
    let card_height = if rows * usize::from(base) <= usize::from(body.height) {
        (body.height / rows as u16).min(base + 8)
    } else {
        // Scrolled: as many rows as fit above a line for the position, and
        // the spare lines shared among them.
        let room = body.height.saturating_sub(1);
        let fit = (room / base.max(1)).max(1);
        (room / fit).clamp(base.min(body.height.max(3)), base + 8)
    };
    let visible_rows = usize::from(body.height / card_height.max(1)).max(1);
    Grid {
        columns,
        card_width,
        card_height,
        visible_rows,
    }
}

/// How many rows of cards fit on the screen (for PgUp / PgDn).
pub fn visible_rows(app: &App) -> usize {
    let theme = super::theme(app);
    let body = super::areas(super::frame_area(app), app).body;
    grid(app, &body, &theme).visible_rows
}

/// The first row of cards shown, keeping the selected card in view.
fn first_row(app: &App, grid: &Grid) -> usize {
    let selected_row = app.overview_selected() / grid.columns.max(1);
    selected_row.saturating_sub(grid.visible_rows - 1)
}

/// The campaign whose card is at (column, row) of the frame, if any.
pub fn card_at(app: &App, column: u16, row: u16) -> Option<usize> {
    let theme = super::theme(app);
    let body = super::areas(super::frame_area(app), app).body;
    if !body.contains(ratatui::layout::Position::new(column, row)) {
        return None;
    }
    let grid = grid(app, &body, &theme);
    let card_row = usize::from((row - body.y) / grid.card_height.max(1));
    let card_column = usize::from((column - body.x) / grid.card_width.max(1)).min(grid.columns - 1);
    if card_row >= grid.visible_rows {
        return None;
    }
    let index = (first_row(app, &grid) + card_row) * grid.columns + card_column;
    (index < app.plan()?.campaigns.len()).then_some(index)
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let s = i18n::strings(app.settings().lang);
    let Some(data) = app.data.as_ref() else {
        notice(buf, area, s.no_plan, theme);
        return;
    };
    if data.plan().campaigns.is_empty() {
        notice(buf, area, s.no_campaigns, theme);
        return;
    }
    let grid = grid(app, &area, theme);
    let first_row = first_row(app, &grid);
    for (index, campaign) in data
        .plan()
        .campaigns
        .iter()
        .enumerate()
        .skip(first_row * grid.columns)
        .take(grid.visible_rows * grid.columns)
    {
        let (Some(status), Some(attention)) =
            (data.status.campaigns.get(index), data.attention.get(index))
        else {
            continue;
        };
        let Some(card_area) = card_area(area, &grid, index - first_row * grid.columns) else {
            break;
        };
        Card {
            campaign,
            status,
            attention,
            key_number: index + 1,
            selected: index == app.overview_selected(),
            lang: app.settings().lang,
            theme,
        }
        .render(card_area, buf);
    }
    scroll_note(buf, area, app, &grid, theme);
}

/// A line in place of the cards: no plan, or no campaigns in it.
fn notice(buf: &mut Buffer, area: Rect, text_: &str, theme: &Theme) {
    let width = area.width.saturating_sub(2);
    put(
        buf,
        area.x + 1,
        area.y + 1,
        width,
        text_,
        theme.dim(),
        theme.ellipsis(),
    );
}

/// Where the `shown`-th card on screen goes (counted from the first row
/// shown); `None` when too little of it would fit.
fn card_area(area: Rect, grid: &Grid, shown: usize) -> Option<Rect> {
    let row = (shown / grid.columns) as u16;
    let column = (shown % grid.columns) as u16;
    let y = area.y + row * grid.card_height;
    // The last column takes the remainder, so the cards fill the width.
    let x = area.x + column * grid.card_width;
    let width = if usize::from(column) + 1 == grid.columns {
        area.right() - x
    } else {
        grid.card_width
    };
    let height = grid.card_height.min(area.bottom().saturating_sub(y));
    (height >= 3).then(|| Rect::new(x, y, width, height))
}

/// Says when cards are scrolled out of view, below the last row shown.
fn scroll_note(buf: &mut Buffer, area: Rect, app: &App, grid: &Grid, theme: &Theme) {
    let count = app.plan().map_or(0, |p| p.campaigns.len());
    let first_row = first_row(app, grid);
    let last_shown = first_row + grid.visible_rows;
    let bottom = area.y + grid.visible_rows as u16 * grid.card_height;
    let scrolled = first_row > 0 || last_shown < count.div_ceil(grid.columns);
    if scrolled && bottom < area.bottom() {
        let arrows = if theme.ascii { "^ v" } else { "↑ ↓" };
        let note = format!("{arrows} {}/{count}", app.overview_selected() + 1);
        let (right, width) = (area.right(), area.width);
        put_right(
            buf,
            right,
            bottom,
            width,
            &note,
            theme.dim(),
            theme.ellipsis(),
        );
    }
}
