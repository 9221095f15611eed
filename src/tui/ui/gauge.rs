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

/// A sparkline of `values` (oldest first) over the chart's range `(low,
/// high)`, which its axis prints: the lowest glyph at `low`, the highest at
/// `high`, so a change within the range draws a step and equal gains equal
/// steps. An empty range (a flat series) draws flat on the lowest glyph.
/// The last `width` values if there are more; a few values get up to three
/// characters each so the shape is readable.
pub fn sparkline(values: &[f64], width: usize, (low, high): (f64, f64), theme: &Theme) -> String {
    let levels = theme.spark_levels();
    let steps = (levels.len() - 1) as f64;
    let shown = &values[values.len().saturating_sub(width)..];
    let each = (width / shown.len().max(1)).clamp(1, 3);
    shown
        .iter()
        .map(|v| {
            let span = high - low;
            if !v.is_finite() || !span.is_finite() || span <= 0.0 {
                return levels[0];
            }
            let ratio = ((v - low) / span).clamp(0.0, 1.0);
            levels[(ratio * steps).round() as usize]
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
    fn sparkline_runs_over_the_range_it_is_given() {
        let theme = Theme::new(false, true);
        assert_eq!(
            sparkline(&[0.0, 50.0, 100.0], 3, (0.0, 100.0), &theme),
            "_-#"
        );
        assert_eq!(
            sparkline(&[0.0, 50.0, 100.0], 10, (0.0, 100.0), &theme),
            "___---###"
        );
        assert_eq!(sparkline(&[1.0, 2.0, 3.0], 2, (0.0, 3.0), &theme).len(), 2);
        assert_eq!(sparkline(&[], 5, (0.0, 1.0), &theme), "");
        // Nothing to scale against: a low flat line, never a jump.
        assert_eq!(sparkline(&[0.0, 0.0], 2, (0.0, 0.0), &theme), "__");
        // Above the top (done beyond a total) is drawn full.
        assert_eq!(sparkline(&[120.0], 1, (0.0, 100.0), &theme), "#");
        // Equal gains draw equal steps, whatever the values: 60 → 65 → 70
        // of 70 and 0 → 5 → 10 of 70 rise by the same levels.
        let unicode = Theme::new(false, false);
        let levels = |line: String| -> Vec<usize> {
            let all = unicode.spark_levels();
            line.chars()
                .map(|c| all.iter().position(|l| l.starts_with(c)).unwrap())
                .collect()
        };
        let high = levels(sparkline(&[60.0, 65.0, 70.0], 3, (0.0, 70.0), &unicode));
        let low = levels(sparkline(&[0.0, 5.0, 10.0], 3, (0.0, 70.0), &unicode));
        assert_eq!(high[2] - high[0], low[2] - low[0]);
    }

    /// PM2.5 of 35, 37, 39 then 31 over its own range (31–39): four
    /// figures, four glyphs, in either set; a flat series stays flat.
    #[test]
    fn every_change_within_the_range_shows() {
        let pm25 = [35.0, 37.0, 39.0, 31.0];
        for ascii in [false, true] {
            let theme = Theme::new(false, ascii);
            let line: Vec<char> = sparkline(&pm25, 4, (31.0, 39.0), &theme).chars().collect();
            assert_eq!(line.len(), 4, "{line:?}");
            for (i, glyph) in line.iter().enumerate() {
                assert!(!line[i + 1..].contains(glyph), "{ascii}: {line:?}");
            }
            // The highest figure draws the highest glyph, the lowest the lowest.
            let levels = theme.spark_levels();
            assert_eq!(line[2].to_string(), levels[levels.len() - 1]);
            assert_eq!(line[3].to_string(), levels[0]);
            let flat = sparkline(&[94.0; 3], 3, (94.0, 94.0), &theme);
            assert!(flat.chars().all(|c| flat.starts_with(c)), "{flat}");
        }
    }

    #[test]
    fn marker_stays_inside() {
        assert_eq!(marker_cell(1.0, 10), 9);
        assert_eq!(marker_cell(0.0, 10), 0);
        assert_eq!(marker_cell(0.5, 0), 0);
    }
}
