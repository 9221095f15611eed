//! The campaign view's parts: the summary, the list and the detail pane,
//! side by side when wide, stacked when narrow.

use ratatui::layout::{Position, Rect};

use super::{inner, scrolled};

/// List and detail side by side from this width; stacked below it.
const SIDE_BY_SIDE_WIDTH: u16 = 140;
/// Frames whose body is at least this tall show the campaign's summary.
const SUMMARY_MIN_BODY: u16 = 14;

/// The campaign view's parts in `body`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    /// The summary's lines (none without a summary or without room).
    pub summary: Rect,
    pub list: Rect,
    pub detail: Rect,
}

/// Where the parts go for a summary `summary_width` columns wide (0: none)
/// and a list of `rows` rows.
pub fn parts(body: Rect, summary_width: usize, rows: usize) -> Parts {
    let lines = match summary_width {
        0 => 0,
        _ if body.height < SUMMARY_MIN_BODY => 0,
        width if width > usize::from(body.width) => 2,
        _ => 1,
    };
    let summary = Rect {
        height: lines,
        ..body
    };
    let rest = Rect {
        y: body.y + lines,
        height: body.height - lines,
        ..body
    };
    let (list, detail) = split(rest, rows);
    Parts {
        summary,
        list,
        detail,
    }
}

/// Rows the list shows (the page for PgUp/PgDn).
pub fn list_rows(parts: &Parts) -> usize {
    usize::from(inner(parts.list).height)
}

/// How far the detail can scroll before its last line reaches the top of
/// the pane's last row.
pub fn detail_max_scroll(parts: &Parts, detail_lines: usize) -> u16 {
    let shown = usize::from(inner(parts.detail).height);
    u16::try_from(detail_lines.saturating_sub(shown)).unwrap_or(u16::MAX)
}

/// What is under a click in the campaign view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A list row (index into the shown rows).
    Row(usize),
    Detail,
}

/// The list's rows scrolled from `offset` to keep `selected` in view.
pub fn hit(
    parts: &Parts,
    at: Position,
    offset: usize,
    selected: usize,
    rows: usize,
) -> Option<Hit> {
    if parts.detail.contains(at) {
        return Some(Hit::Detail);
    }
    let inner = inner(parts.list);
    if !inner.contains(at) {
        return None;
    }
    let offset = scrolled(offset, selected, usize::from(inner.height), rows);
    let index = offset + usize::from(at.y - inner.y);
    (index < rows).then_some(Hit::Row(index))
}

/// Where the list and the detail pane go in the body. Stacked, the list
/// takes what its `rows` need (up to about half) and the detail the rest.
pub fn split(body: Rect, rows: usize) -> (Rect, Rect) {
    if body.width >= SIDE_BY_SIDE_WIDTH {
        let list_width = (u32::from(body.width) * 16 / 25) as u16;
        (
            Rect {
                width: list_width,
                ..body
            },
            Rect {
                x: body.x + list_width,
                width: body.width - list_width,
                ..body
            },
        )
    } else {
        let cap = (body.height / 2).max(body.height.saturating_sub(14));
        let wanted = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
        let list_height = wanted.clamp(5, cap.max(5)).min(body.height);
        (
            Rect {
                height: list_height,
                ..body
            },
            Rect {
                y: body.y + list_height,
                height: body.height - list_height,
                ..body
            },
        )
    }
}
