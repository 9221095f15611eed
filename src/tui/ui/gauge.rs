//! Hand-drawn gauges and sparklines: plain characters, so they read without
//! colour and switch to ASCII with the theme. The figure is always printed
//! beside them as text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::theme::Theme;

/// Draws a bar across the first row of `area`: `ratio` of it filled (capped
/// at 1), and a marker at `expected` (where it should be by now) if given.
pub fn bar(
    buf: &mut Buffer,
    area: Rect,
    ratio: f64,
    expected: Option<f64>,
    style: Style,
    theme: &Theme,
) {
    let (x, y, width) = (area.x, area.y, area.width);
    let symbols = theme.gauge();
    let filled = filled_cells(ratio, width);
    let marker = expected.map(|e| marker_cell(e, width));
    for i in 0..width {
        let (symbol, cell_style) = if marker == Some(i) {
            (symbols.expected, theme.title())
        } else if i < filled {
            (symbols.filled, style)
        } else {
            (symbols.empty, theme.dim())
        };
        if let Some(cell) = buf.cell_mut((x + i, y)) {
            cell.set_symbol(symbol).set_style(cell_style);
        }
    }
}

/// How many of `width` cells a ratio fills: a partial cell shows as empty,
/// so a bar is only full when the task is done.
pub fn filled_cells(ratio: f64, width: u16) -> u16 {
    if !ratio.is_finite() || ratio <= 0.0 {
        return 0;
    }
    let cells = (ratio.min(1.0) * f64::from(width)).floor() as u16;
    if ratio < 1.0 {
        cells.min(width.saturating_sub(1))
    } else {
        width
    }
}

/// The cell that stands for `expected` (0..=1).
pub fn marker_cell(expected: f64, width: u16) -> u16 {
    let e = if expected.is_finite() {
        expected.clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((e * f64::from(width)).round() as u16).min(width.saturating_sub(1))
}

/// A sparkline of `values` (oldest first); the last `width` values if there
/// are more. Counts of work done are scaled from zero (`zero_based`); levels
/// such as a concentration from their lowest to their highest, so a change
/// of a few units shows. A few values get up to three characters each so the
/// shape is readable.
pub fn sparkline(values: &[f64], width: usize, zero_based: bool, theme: &Theme) -> String {
    let levels = theme.spark_levels();
    let shown = &values[values.len().saturating_sub(width)..];
    let each = (width / shown.len().max(1)).clamp(1, 3);
    let finite = shown.iter().copied().filter(|v| v.is_finite());
    let max = finite.clone().fold(f64::NEG_INFINITY, f64::max);
    let min = if zero_based {
        0.0
    } else {
        finite.fold(f64::INFINITY, f64::min)
    };
    shown
        .iter()
        .map(|v| {
            if !v.is_finite() || max <= min {
                // Nothing to scale against: a flat line at the middle.
                return levels[if max > 0.0 || !zero_based { 4 } else { 1 }];
            }
            let level = (((v.max(min) - min) / (max - min)) * 7.0).round() as usize + 1;
            levels[level.min(8)]
        })
        .flat_map(|level| std::iter::repeat_n(level, each))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_is_full_only_when_done() {
        assert_eq!(filled_cells(0.99, 10), 9);
        assert_eq!(filled_cells(0.999, 10), 9);
        assert_eq!(filled_cells(1.0, 10), 10);
        assert_eq!(filled_cells(1.5, 10), 10);
        assert_eq!(filled_cells(0.0, 10), 0);
        assert_eq!(filled_cells(f64::NAN, 10), 0);
        assert_eq!(filled_cells(0.5, 0), 0);
    }

    #[test]
    fn sparkline_scales_to_the_largest() {
        let theme = Theme::new(false, true);
        assert_eq!(sparkline(&[0.0, 50.0, 100.0], 3, true, &theme), ".=#");
        assert_eq!(
            sparkline(&[0.0, 50.0, 100.0], 10, true, &theme),
            "...===###"
        );
        assert_eq!(sparkline(&[1.0, 2.0, 3.0], 2, true, &theme).len(), 2);
        assert_eq!(sparkline(&[], 5, true, &theme), "");
        // From zero, 36 → 31 is nearly flat; from the lowest it is a fall.
        assert_eq!(sparkline(&[36.0, 33.0, 31.0], 3, true, &theme), "###");
        assert_eq!(sparkline(&[36.0, 33.0, 31.0], 3, false, &theme), "#-.");
        assert_eq!(sparkline(&[5.0, 5.0], 2, false, &theme), "--");
    }

    #[test]
    fn marker_stays_inside() {
        assert_eq!(marker_cell(1.0, 10), 9);
        assert_eq!(marker_cell(0.0, 10), 0);
        assert_eq!(marker_cell(0.5, 0), 0);
    }
}
