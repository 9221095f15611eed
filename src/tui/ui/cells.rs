//! Writing fitted text into the buffer: every string is cut by display
//! width with an ellipsis, so CJK never overflows or splits.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::text;

/// Writes `text` at (x, y), at most `max` columns wide, cut with
/// `ellipsis`; returns the columns used. Clipped to the buffer.
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    text_: &str,
    style: Style,
    ellipsis: &str,
) -> u16 {
    let area = buf.area;
    if y < area.y || y >= area.bottom() || x >= area.right() || max == 0 {
        return 0;
    }
    let max = max.min(area.right() - x);
    let fitted = text::truncate_with(text_, usize::from(max), ellipsis);
    let (end, _) = buf.set_stringn(x, y, &fitted, usize::from(max), style);
    end.saturating_sub(x)
}

/// Writes spans one after another on a line, each fitted to what is left.
pub fn put_spans(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    spans: &[(&str, Style)],
    ellipsis: &str,
) -> u16 {
    let mut x = area.x;
    for (text_, style) in spans {
        let left = area.right().saturating_sub(x);
        if left == 0 {
            break;
        }
        x += put(buf, x, y, left, text_, *style, ellipsis);
    }
    x - area.x
}

/// Writes `text` right-aligned so it ends at `right`; returns its start.
pub fn put_right(
    buf: &mut Buffer,
    right: u16,
    y: u16,
    max: u16,
    text_: &str,
    style: Style,
    ellipsis: &str,
) -> u16 {
    let fitted = text::truncate_with(text_, usize::from(max), ellipsis);
    let width = text::width(&fitted) as u16;
    let x = right.saturating_sub(width);
    put(buf, x, y, width, &fitted, style, ellipsis);
    x
}

pub use crate::tui::geometry::{centered, inner};
