//! Clearing the area of an overlay (help, prompt) drawn over the screen.
//!
//! A wide (CJK) character in the column just left of the overlay covers the
//! overlay's first column too: the terminal draws it two cells wide, over
//! the border. Clearing the area alone leaves it there, so the character is
//! blanked as well.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

pub fn clear(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    Clear.render(area, buf);
    if area.x <= buf.area.x {
        return;
    }
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((area.x - 1, y))
            && crate::text::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn a_wide_character_under_the_left_edge_is_blanked() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
        buf.set_string(0, 0, "潜江市污染", Style::new());
        buf.set_string(0, 1, "abc潜江", Style::new());
        // Row 0: 市 (columns 4 and 5) covers the overlay's first column.
        // Row 1: 江 starts at the edge and 潜 ends before it.
        clear(Rect::new(5, 0, 3, 2), &mut buf);
        let row = |y: u16| -> String { (0..10).map(|x| buf[(x, y)].symbol()).collect() };
        assert_eq!(row(0), "潜 江     染 ");
        assert_eq!(row(1), "abc潜      ");
    }
}
