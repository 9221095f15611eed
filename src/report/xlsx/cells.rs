//! One cell of the ledger as the sheets build it, before it is written:
//! text, a number with how it reads, a date, or a status. Numbers stay
//! numbers; the assumed marker rides in the number format (`0"*"`), so a
//! spreadsheet still sums the cell.

use chrono::NaiveDate;

use crate::figures;

/// How a number reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A done count, total or value: `236,500`, `12.5`.
    Amount,
    /// A lower bound (`approx = "more-than"`): the amount with the sign the
    /// screen writes after it, `90+` / `90余`; the cell keeps the number.
    AtLeast(&'static str),
    /// An amount worked out from a lower bound, so only approximate: the
    /// sign before it, `≈30` / `约30`; the cell keeps the number.
    About(&'static str),
    /// A target: the comparison its direction asks for before it, `≥ 95`.
    Target(&'static str),
    /// A percentage already floored to a whole percent (`0.68` reads `68%`).
    Percent,
    /// A percentage worked out from a lower bound, after its sign: `≈40%`.
    AboutPercent(&'static str),
    /// Whole numbers that are not amounts: points of gap, days, counts.
    Whole,
    /// A change with its sign and its unit after it (同比): `+2.0个百分点`,
    /// `-15.8%`, `-3天`, after `≈` / `约` (the first) when it is worked out
    /// from a lower bound; the cell keeps the number.
    Change(&'static str, &'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    /// One line of text (a name, a unit, words of ours).
    Text(String),
    /// Text that may run long or hold line breaks (a note, a summary).
    Long(String),
    Number {
        value: f64,
        shape: Shape,
        assumed: bool,
    },
    Date {
        date: NaiveDate,
        assumed: bool,
    },
    /// A status with its symbol and word (`▼ 滞后*`): coloured by a
    /// conditional format, readable without it.
    Status(String),
}

/// Excel holds at most this many characters in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Text from the file made safe for a cell: no control characters (XML
/// cannot hold most of them), tabs as spaces, no longer than a cell holds.
pub fn clean(text: &str, keep_line_breaks: bool) -> String {
    let mut clean = crate::text::sanitize(text);
    // Not characters XML 1.0 may hold (controls are gone already): Excel
    // would call the whole file corrupt.
    clean.retain(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'));
    let clean = if keep_line_breaks {
        clean
    } else {
        clean.replace('\n', " ")
    };
    match clean.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => clean[..end].to_owned(),
        None => clean,
    }
}

impl Cell {
    pub fn text(text: &str) -> Cell {
        Cell::Text(clean(text, false))
    }

    pub fn long(text: &str) -> Cell {
        Cell::Long(clean(text, true))
    }

    pub fn optional(text: Option<&str>) -> Cell {
        text.map_or(Cell::Empty, Cell::text)
    }

    pub fn number(value: f64, shape: Shape, assumed: bool) -> Cell {
        Cell::Number {
            value,
            shape,
            assumed,
        }
    }

    /// A fraction as the one rounding rule shows it: floored to a whole
    /// percent (`figures::percent`), stored as that percentage so the cell
    /// reads `68%` where the screen does (Excel's `0%` would round to 69%).
    pub fn percent(fraction: Option<f64>, assumed: bool) -> Cell {
        Cell::about_percent(fraction, "", assumed)
    }

    /// [`Cell::percent`] after `about` (`≈`, `约`) when it is not empty:
    /// a share worked out from a lower bound.
    pub fn about_percent(fraction: Option<f64>, about: &'static str, assumed: bool) -> Cell {
        let shape = match about {
            "" => Shape::Percent,
            about => Shape::AboutPercent(about),
        };
        match fraction.and_then(shown_fraction) {
            Some(value) => Cell::number(value, shape, assumed),
            None => Cell::Empty,
        }
    }

    pub fn date(date: Option<NaiveDate>, assumed: bool) -> Cell {
        date.map_or(Cell::Empty, |date| Cell::Date { date, assumed })
    }

    /// Whether the cell shows the assumed marker: a marked number or date,
    /// a status resting on an assumed value, a list of assumed fields.
    pub fn marked(&self) -> bool {
        match self {
            Cell::Number { assumed, .. } | Cell::Date { assumed, .. } => *assumed,
            Cell::Status(text) => text.ends_with('*'),
            Cell::Text(text) => text.starts_with("* "),
            Cell::Empty | Cell::Long(_) => false,
        }
    }

    /// Columns the cell needs to be read whole (CJK counts two), for the
    /// column's width; a long text asks for no more than a wrapped column.
    pub fn width(&self) -> usize {
        let marker = |assumed: bool| usize::from(assumed);
        match self {
            Cell::Empty => 0,
            Cell::Text(text) | Cell::Status(text) => crate::text::width(text),
            Cell::Long(text) => text.lines().map(crate::text::width).max().unwrap_or(0),
            Cell::Number {
                value,
                shape,
                assumed,
            } => {
                let digits = figures::exact(*value).len();
                // Thousands separators, and the comparison before a target.
                let extra = match shape {
                    Shape::Amount => digits / 3,
                    Shape::AtLeast(sign) | Shape::About(sign) => {
                        digits / 3 + crate::text::width(sign)
                    }
                    Shape::Target(sign) => digits / 3 + crate::text::width(sign) + 1,
                    Shape::Percent => 1,
                    Shape::AboutPercent(sign) => 1 + crate::text::width(sign),
                    Shape::Whole => 0,
                    Shape::Change(about, unit) => {
                        1 + crate::text::width(about) + crate::text::width(unit)
                    }
                };
                let percent = matches!(shape, Shape::Percent | Shape::AboutPercent(_));
                let shown = if percent { 4 } else { digits };
                shown + extra + marker(*assumed)
            }
            Cell::Date { assumed, .. } => 10 + marker(*assumed),
        }
    }
}

/// A fraction floored to a whole percent, as a fraction again: 53/77
/// (0.688) is `0.68`. Parsed from the shown text, so there is one rule.
pub fn shown_fraction(fraction: f64) -> Option<f64> {
    let percent = figures::percent(fraction);
    let whole: f64 = percent.trim_end_matches('%').parse().ok()?;
    Some(whole / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_stored_floored() {
        assert_eq!(shown_fraction(53.0 / 77.0), Some(0.68));
        assert_eq!(shown_fraction(0.999), Some(0.99));
        assert_eq!(shown_fraction(1.2), Some(1.2));
        assert_eq!(shown_fraction(f64::NAN), None);
    }

    #[test]
    fn text_loses_controls_and_fits_a_cell() {
        assert_eq!(clean("a\x1b[31mb\u{202E}\tc", false), "a[31mb c");
        assert_eq!(clean("two\nlines", false), "two lines");
        assert_eq!(clean("two\nlines", true), "two\nlines");
        assert_eq!(clean("a\u{FFFF}b\u{FFFE}", false), "ab");
        let long = "长".repeat(40_000);
        assert_eq!(clean(&long, false).chars().count(), MAX_CELL_CHARS);
    }

    #[test]
    fn widths_count_cjk_twice() {
        assert_eq!(Cell::text("长江入河排污口整治").width(), 18);
        assert_eq!(Cell::number(236_500.0, Shape::Amount, true).width(), 9);
        assert_eq!(
            Cell::date(NaiveDate::from_ymd_opt(2024, 1, 1), false).width(),
            10
        );
    }
}
