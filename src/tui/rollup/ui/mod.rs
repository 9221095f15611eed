//! Draws the roll-up screen: a header (title, reporting date, how many
//! units count), the matrix, the side panes (side by side when wide, the
//! focused one when narrow), the footer; the attention list across units
//! and the help over them. A unit opened read-only is drawn by the app's
//! own panes.

mod attention;
mod frame;
mod freshness;
mod help;
mod matrix;
mod panes;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::state::RollupScreen;
use crate::tui::geometry::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::theme::Theme;

pub fn theme(screen: &RollupScreen) -> Theme {
    let settings = screen.settings();
    Theme::new(settings.color, settings.ascii).with_palette(settings.palette)
}

/// One frame: the unit's own screen while one is open, else the roll-up.
pub fn draw(frame: &mut Frame, screen: &RollupScreen) {
    if let Some((_, app)) = screen.open_unit() {
        return crate::tui::ui::draw(frame, app);
    }
    let area = frame.area();
    let cursor = draw_rollup(frame.buffer_mut(), area, screen);
    // `--screen-reader`: the terminal cursor stands on the selected row.
    if let Some(at) = cursor.filter(|_| screen.settings().screen_reader) {
        frame.set_cursor_position(at);
    }
}

/// The roll-up into `buf`; where the selected row is.
pub fn draw_rollup(
    buf: &mut Buffer,
    area: Rect,
    screen: &RollupScreen,
) -> Option<ratatui::layout::Position> {
    let theme = theme(screen);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        frame::too_small(buf, area, screen, &theme);
        return None;
    }
    let header = Rect { height: 2, ..area };
    let footer = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 2,
        height: area.height - 3,
        ..area
    };
    frame::header(buf, header, screen, &theme);
    frame::footer(buf, footer, screen, &theme);
    let cursor = match screen.attention() {
        Some(view) => attention::draw(buf, body, screen, view, &theme),
        None => {
            let (top, bottom) = split(body, screen);
            let cursor = matrix::draw(buf, top, screen, &theme);
            panes::draw(buf, bottom, screen, &theme);
            cursor
        }
    };
    if screen.help_open() {
        help::draw(buf, area, screen, &theme);
    }
    if theme.ascii {
        ascii_cells(buf);
    }
    cursor
}

/// `--ascii`: the signs of units (`μg/m³`) and the few of the roll-up's
/// own words and rules that are not ASCII, one column for one.
fn ascii_cells(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        let own = match cell.symbol() {
            "·" | "—" => Some("-"),
            "│" => Some("|"),
            "×" => Some("x"),
            _ => None,
        };
        if let Some(own) = own {
            cell.set_symbol(own);
        } else if let std::borrow::Cow::Owned(ascii) = crate::text::ascii_signs(cell.symbol()) {
            cell.set_symbol(&ascii);
        }
    }
}

/// The matrix on top, as tall as its units need (a border, the heading
/// and the combined rows besides) but leaving the side panes 8 lines.
fn split(body: Rect, screen: &RollupScreen) -> (Rect, Rect) {
    let units = u16::try_from(screen.rollup().units.len()).unwrap_or(u16::MAX);
    let wanted = units.saturating_add(3 + matrix::combined_lines(screen));
    let most = body.height.saturating_sub(8).max(5);
    let height = wanted.min(most).min(body.height);
    let top = Rect { height, ..body };
    let bottom = Rect {
        y: body.y + height,
        height: body.height - height,
        ..body
    };
    (top, bottom)
}
