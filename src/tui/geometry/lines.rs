//! The lines of a list across campaigns grouped by lead: each group's
//! heading takes a line above its first row, so a row's line is its index
//! plus the headings above it. Ungrouped, rows and lines are the same.

use super::attention::Parts;
use super::scrolled;
use crate::model::by_lead::LeadGroup;

/// What one line of the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListLine {
    /// The heading of group `n`.
    Heading(usize),
    /// Row `n` of the list's items.
    Row(usize),
}

/// The line of row `row`.
pub fn line_of_row(groups: &[LeadGroup], row: usize) -> usize {
    row + groups.iter().take_while(|g| g.first <= row).count()
}

/// How many lines `len` rows take.
pub fn line_count(groups: &[LeadGroup], len: usize) -> usize {
    len + groups.len()
}

/// What line `line` shows, if anything.
pub fn line_at(groups: &[LeadGroup], len: usize, line: usize) -> Option<ListLine> {
    if groups.is_empty() {
        return (line < len).then_some(ListLine::Row(line));
    }
    let mut rest = line;
    for (n, group) in groups.iter().enumerate() {
        if rest == 0 {
            return Some(ListLine::Heading(n));
        }
        rest -= 1;
        if rest < group.len {
            return Some(ListLine::Row(group.first + rest));
        }
        rest -= group.len;
    }
    None
}

/// The first line shown, `offset` and `selected` being rows: the selected
/// row in view, with its group's heading when it is the group's first.
pub fn first_line(
    groups: &[LeadGroup],
    (offset, selected): (usize, usize),
    page: usize,
    len: usize,
) -> usize {
    if groups.is_empty() {
        return scrolled(offset, selected, page, len);
    }
    let heads_group = |row: usize| groups.iter().any(|g| g.first == row);
    let top = line_of_row(groups, offset) - usize::from(heads_group(offset));
    let at = line_of_row(groups, selected);
    let first = scrolled(top, at, page, line_count(groups, len));
    if first == at && heads_group(selected) {
        return first - 1;
    }
    first
}

/// The row on screen line `y`, if any (a heading is none).
pub fn row_at(
    parts: &Parts,
    groups: &[LeadGroup],
    y: u16,
    (offset, selected): (usize, usize),
    len: usize,
) -> Option<usize> {
    let rows = parts.rows;
    if y < rows.y || y >= rows.bottom() {
        return None;
    }
    let first = first_line(groups, (offset, selected), usize::from(rows.height), len);
    match line_at(groups, len, first + usize::from(y - rows.y))? {
        ListLine::Row(row) => Some(row),
        ListLine::Heading(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Marked;
    use crate::model::by_lead::Shortfall;
    use ratatui::layout::Rect;

    fn group(first: usize, len: usize) -> LeadGroup {
        LeadGroup {
            lead: None,
            first,
            len,
            counts: vec![],
            short: vec![Shortfall {
                unit: None,
                amount: Marked::new(1.0, false),
            }],
        }
    }

    #[test]
    fn each_group_heads_its_rows() {
        let groups = [group(0, 2), group(2, 1)];
        let lines: Vec<Option<ListLine>> = (0..6).map(|l| line_at(&groups, 3, l)).collect();
        use ListLine::{Heading, Row};
        assert_eq!(
            lines,
            [
                Some(Heading(0)),
                Some(Row(0)),
                Some(Row(1)),
                Some(Heading(1)),
                Some(Row(2)),
                None
            ]
        );
        assert_eq!(line_of_row(&groups, 2), 4);
        assert_eq!(line_count(&groups, 3), 5);
        // Ungrouped, a row is its line.
        assert_eq!(line_at(&[], 3, 2), Some(Row(2)));
        assert_eq!(line_at(&[], 3, 3), None);
    }

    #[test]
    fn the_selected_row_shows_with_its_heading() {
        let groups = [group(0, 2), group(2, 3)];
        // Two lines of room: row 2 (line 4) heads its group: heading on top.
        assert_eq!(first_line(&groups, (0, 2), 2, 5), 3);
        // Row 3 (line 5) at the bottom of the page.
        assert_eq!(first_line(&groups, (0, 3), 2, 5), 4);
        // From the top, the first heading shows.
        assert_eq!(first_line(&groups, (0, 0), 2, 5), 0);
        assert_eq!(first_line(&[], (0, 3), 2, 5), 2);
    }

    #[test]
    fn a_click_on_a_heading_selects_nothing() {
        let groups = [group(0, 2), group(2, 1)];
        let rows = ratatui::layout::Rect::new(1, 4, 40, 10);
        let parts = Parts {
            header: Rect {
                y: 3,
                height: 1,
                ..rows
            },
            rows,
            legend: None,
        };
        let at = |y| row_at(&parts, &groups, y, (0, 0), 3);
        assert_eq!(
            [at(4), at(5), at(6), at(7), at(8), at(9)],
            [None, Some(0), Some(1), None, Some(2), None]
        );
        assert_eq!(at(3), None);
    }
}
