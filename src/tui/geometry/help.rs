//! The help overlay's layout: its lines, generated from the key table, split
//! into as many columns as the width allows, in a box centred in the frame.

use ratatui::layout::Rect;

use super::{centered, inner};
use crate::model::Status;
use crate::tui::keymap::{Bound, Context, Keymap};

/// One line of the help: a context heading, a binding, a line of the
/// legend, or a gap.
pub enum HelpLine<'a> {
    Heading(Context),
    Binding(&'a Bound),
    /// A line of its own, not a key: how to turn the mouse on.
    Mouse,
    /// The legend's heading.
    Symbols,
    /// Two statuses' symbols and words side by side.
    Statuses(Status, Option<Status>),
    /// The arrows of a change since the baseline.
    Moves,
    /// The `*` of an assumed value.
    Assumed,
    Gap,
}

pub fn help_lines(keymap: &Keymap) -> Vec<HelpLine<'_>> {
    let mut out = Vec::new();
    for (i, context) in Context::HELP_ORDER.into_iter().enumerate() {
        if i > 0 {
            out.push(HelpLine::Gap);
        }
        out.push(HelpLine::Heading(context));
        // An unbound action (`[]` in the config file) is not listed.
        out.extend(
            keymap
                .bound_in(context)
                .filter(|b| !b.keys.is_empty())
                .map(HelpLine::Binding),
        );
    }
    out.push(HelpLine::Gap);
    out.push(HelpLine::Mouse);
    out.push(HelpLine::Gap);
    out.push(HelpLine::Symbols);
    let statuses: Vec<Status> = Status::TASK
        .iter()
        .chain(Status::INDICATOR.iter())
        .copied()
        .collect();
    out.extend(
        statuses
            .chunks(2)
            .map(|pair| HelpLine::Statuses(pair[0], pair.get(1).copied())),
    );
    out.push(HelpLine::Moves);
    out.push(HelpLine::Assumed);
    out
}

/// The help's lines split into columns side by side when the frame is wide
/// (two from 120 columns, three when three fit), each column whole
/// sections in the table's order, as even in height as they can be.
pub fn columns(keymap: &Keymap, width: u16) -> Vec<Vec<HelpLine<'_>>> {
    let lines = help_lines(keymap);
    let count = if width >= COLUMN_WIDTH * 3 + 4 {
        3
    } else if width >= TWO_COLUMN_WIDTH {
        2
    } else {
        1
    };
    // Sections are the runs between gaps.
    let mut sections: Vec<Vec<HelpLine<'_>>> = vec![Vec::new()];
    for line in lines {
        match line {
            HelpLine::Gap => sections.push(Vec::new()),
            line => sections.last_mut().expect("one section").push(line),
        }
    }
    let sizes: Vec<usize> = sections.iter().map(Vec::len).collect();
    let mut columns: Vec<Vec<HelpLine<'_>>> = Vec::new();
    let mut sections = sections.into_iter();
    for take in split(&sizes, count) {
        let mut column = Vec::new();
        for section in sections.by_ref().take(take) {
            if !column.is_empty() {
                column.push(HelpLine::Gap);
            }
            column.extend(section);
        }
        columns.push(column);
    }
    columns
}

/// How many sections each of `count` columns takes, in order, so that the
/// tallest column (its sections and a gap between each two) is as short as
/// it can be.
fn split(sizes: &[usize], count: usize) -> Vec<usize> {
    let height =
        |sections: &[usize]| sections.iter().sum::<usize>() + sections.len().saturating_sub(1);
    let n = sizes.len();
    if count <= 1 || n <= 1 {
        return vec![n];
    }
    // Few sections and at most three columns: every split is tried.
    let mut best = (usize::MAX, vec![n]);
    for first in 1..n {
        if count == 2 {
            let tallest = height(&sizes[..first]).max(height(&sizes[first..]));
            if tallest < best.0 {
                best = (tallest, vec![first, n - first]);
            }
            continue;
        }
        for second in first + 1..n {
            let tallest = height(&sizes[..first])
                .max(height(&sizes[first..second]))
                .max(height(&sizes[second..]));
            if tallest < best.0 {
                best = (tallest, vec![first, second - first, n - second]);
            }
        }
    }
    best.1
}

const TWO_COLUMN_WIDTH: u16 = 120;
const COLUMN_WIDTH: u16 = 58;

/// The overlay's box in a frame of `area`.
pub fn box_area(keymap: &Keymap, area: Rect) -> Rect {
    let columns = columns(keymap, area.width);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let width = COLUMN_WIDTH * columns.len() as u16 + 4;
    let height = tallest + 2;
    // Nearly the whole frame: take all of it rather than leave slivers.
    let width = if width + 4 > area.width {
        area.width
    } else {
        width
    };
    let height = if height + 2 > area.height {
        area.height
    } else {
        height
    };
    centered(area, width, height)
}

/// How many lines a page of the help is: what the box shows, less one so
/// that a line stays in view across the step.
pub fn page(keymap: &Keymap, area: Rect) -> u16 {
    inner(box_area(keymap, area))
        .height
        .saturating_sub(1)
        .max(1)
}

/// How far the help can scroll in a frame of `area`.
pub fn max_scroll(keymap: &Keymap, area: Rect) -> u16 {
    tallest(keymap, area.width).saturating_sub(inner(box_area(keymap, area)).height)
}

/// The tallest column's lines at `width`.
pub fn tallest(keymap: &Keymap, width: u16) -> u16 {
    let lines = columns(keymap, width)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    u16::try_from(lines).unwrap_or(u16::MAX)
}
