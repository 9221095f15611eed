//! The lists across campaigns (attention, changes, search results): a
//! header line, the rows, and a legend line when the list needs one.

use ratatui::layout::Rect;

use super::{inner, scrolled};

/// Where the parts of a list go in the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    pub header: Rect,
    pub rows: Rect,
    pub legend: Option<Rect>,
}

pub fn parts(body: Rect, has_legend: bool) -> Parts {
    let inner = inner(body);
    // The legend only when at least one row still shows beside it.
    let legend_lines = u16::from(has_legend && inner.height >= 3);
    let header = Rect {
        height: inner.height.min(1),
        ..inner
    };
    let rows = Rect {
        y: header.bottom(),
        height: inner.height.saturating_sub(header.height + legend_lines),
        ..inner
    };
    let legend = (legend_lines > 0).then_some(Rect {
        y: rows.bottom(),
        height: 1,
        ..inner
    });
    Parts {
        header,
        rows,
        legend,
    }
}

/// The row of a list of `len` on screen line `y`, if any.
pub fn row_at(parts: &Parts, y: u16, offset: usize, selected: usize, len: usize) -> Option<usize> {
    let rows = parts.rows;
    if y < rows.y || y >= rows.bottom() {
        return None;
    }
    let offset = scrolled(offset, selected, usize::from(rows.height), len);
    let index = offset + usize::from(y - rows.y);
    (index < len).then_some(index)
}
