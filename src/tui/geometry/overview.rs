//! The overview's grid of cards: how many side by side, how tall, which
//! rows show, and which card is under a click.

use ratatui::layout::{Position, Rect};

/// A card is at least this wide; below it, fewer columns.
const CARD_MIN_WIDTH: u16 = 38;
/// Lines every card needs besides its statuses: border ×2, gauge, period,
/// indicators, the attention heading and one item.
const CARD_FIXED_LINES: u16 = 7;

/// How many cards side by side at `width` columns.
pub fn columns(width: u16, count: usize) -> usize {
    usize::from((width / CARD_MIN_WIDTH).max(1)).min(count.max(1))
}

/// The width of a card at `width` columns.
pub fn card_width(width: u16, count: usize) -> u16 {
    width / columns(width, count).max(1) as u16
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grid {
    pub columns: usize,
    pub card_width: u16,
    pub card_height: u16,
    pub visible_rows: usize,
}

/// The grid of `count` cards in `body`, the tallest card's statuses taking
/// `status_lines`.
pub fn grid(body: Rect, count: usize, status_lines: u16) -> Grid {
    let columns = columns(body.width, count);
    let card_width = body.width / columns.max(1) as u16;
    let base = CARD_FIXED_LINES + status_lines.max(1);
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

impl Grid {
    /// The first row of cards shown, keeping the `selected` card in view.
    pub fn first_row(&self, selected: usize) -> usize {
        let selected_row = selected / self.columns.max(1);
        selected_row.saturating_sub(self.visible_rows - 1)
    }

    /// The card at `at` in `body`, of `count`, with `selected` in view.
    pub fn card_at(
        &self,
        body: Rect,
        at: Position,
        selected: usize,
        count: usize,
    ) -> Option<usize> {
        if !body.contains(at) {
            return None;
        }
        let card_row = usize::from((at.y - body.y) / self.card_height.max(1));
        let card_column =
            usize::from((at.x - body.x) / self.card_width.max(1)).min(self.columns - 1);
        if card_row >= self.visible_rows {
            return None;
        }
        let index = (self.first_row(selected) + card_row) * self.columns + card_column;
        (index < count).then_some(index)
    }

    /// Where the `shown`-th card on screen goes (counted from the first row
    /// shown); `None` when too little of it would fit.
    pub fn card_area(&self, area: Rect, shown: usize) -> Option<Rect> {
        let row = (shown / self.columns) as u16;
        let column = (shown % self.columns) as u16;
        let y = area.y + row * self.card_height;
        // The last column takes the remainder, so the cards fill the width.
        let x = area.x + column * self.card_width;
        let width = if usize::from(column) + 1 == self.columns {
            area.right() - x
        } else {
            self.card_width
        };
        let height = self.card_height.min(area.bottom().saturating_sub(y));
        (height >= 3).then(|| Rect::new(x, y, width, height))
    }
}
