//! Where the campaign view's panes go: shared by the list, which draws in
//! the first part, and the detail pane, which draws in the second.

use ratatui::layout::Rect;

/// List and detail side by side from this width; stacked below it.
const SIDE_BY_SIDE_WIDTH: u16 = 140;

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
