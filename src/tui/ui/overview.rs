//! The overview: a card per campaign, side by side when wide, stacked when
//! narrow, scrolled to keep the selected card in view. A card shows the
//! overall gauge and figure, the period, tasks per status, indicators met
//! and the items that need attention (computed at load, not here).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use super::card::Card;
use super::card_statuses::status_line_count;
use super::cells::{put, put_right};
use crate::i18n;
use crate::tui::app::App;
use crate::tui::geometry::overview::{self, Grid};
use crate::tui::theme::Theme;

/// The most lines a card's statuses take in `body`.
pub fn status_lines(app: &App, body: Rect, theme: &Theme) -> u16 {
    let count = app.plan().map_or(0, |p| p.campaigns.len());
    let card_width = overview::card_width(body.width, count);
    let lang = app.settings().lang;
    let lines = app.data().map_or(1, |data| {
        data.status
            .campaigns
            .iter()
            .map(|c| status_line_count(c, lang, card_width.saturating_sub(2), theme))
            .max()
            .unwrap_or(1)
    });
    u16::try_from(lines).unwrap_or(u16::MAX).max(1)
}

fn grid(app: &App, body: Rect, theme: &Theme) -> Grid {
    let count = app.plan().map_or(0, |p| p.campaigns.len());
    overview::grid(body, count, status_lines(app, body, theme))
}

/// Gives where the selected card's title was drawn (or the notice).
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let s = i18n::strings(app.settings().lang);
    let Some(data) = app.data() else {
        return notice(buf, area, s.no_plan, theme);
    };
    if data.plan().campaigns.is_empty() {
        return notice(buf, area, s.no_campaigns, theme);
    }
    let grid = grid(app, area, theme);
    let first_row = grid.first_row(app.overview_selected());
    let mut cursor = None;
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
        let Some(card_area) = grid.card_area(area, index - first_row * grid.columns) else {
            break;
        };
        let card = Card {
            campaign,
            status,
            attention,
            key_number: index + 1,
            selected: index == app.overview_selected(),
            lang: app.settings().lang,
            theme,
        };
        if card.selected {
            cursor = Some(Card::title_at(card_area));
        }
        card.render(card_area, buf);
    }
    scroll_note(buf, area, app, &grid, theme);
    cursor
}

/// A line in place of the cards: no plan, or no campaigns in it.
fn notice(buf: &mut Buffer, area: Rect, text_: &str, theme: &Theme) -> Option<Position> {
    let width = area.width.saturating_sub(2);
    let at = Position::new(area.x + 1, area.y + 1);
    put(buf, at.x, at.y, width, text_, theme.dim(), theme.ellipsis());
    Some(at)
}

/// Says when cards are scrolled out of view, below the last row shown.
fn scroll_note(buf: &mut Buffer, area: Rect, app: &App, grid: &Grid, theme: &Theme) {
    let count = app.plan().map_or(0, |p| p.campaigns.len());
    let first_row = grid.first_row(app.overview_selected());
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
