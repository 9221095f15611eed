//! Numbers as people write them, and as a spreadsheet reads them.

use super::assumed::Shown;
use crate::model::{Lang, Marked};

/// From here on a number is grouped for the reader: `236,500` / `23.65万`.
const GROUPED_FROM: f64 = 1e4;

/// A number as a reader of `lang` writes it. Below 10 000 it is [`plain`]
/// in both languages. From 10 000 on, English groups the thousands
/// (`236,500`, `123,456.78`) and Chinese counts in 万 and, from 1e8, in 亿
/// with at most two decimals (`23.65万`, `10万`, `1.5亿`): those are cut,
/// not rounded, so a figure never reads larger than it is.
pub fn number(value: f64, lang: Lang) -> String {
    match lang {
        // Grouped by what is written, which may round up to five digits.
        Lang::En => thousands(plain(value)),
        Lang::Zh if value.is_finite() && value.abs() >= GROUPED_FROM => myriads(value),
        Lang::Zh => plain(value),
    }
}

/// A number as typed into the file: `110`, `41.41`, `236500`, never
/// `110.0` nor grouped, so the update prompt can start from it and read it
/// back. A decimal keeps its digits when they are few (`0.000123`,
/// `41.415`), else it is rounded to two places; `—` when not finite.
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    if is_whole(value) {
        return format!("{value:.0}");
    }
    let shortest = value.to_string();
    if shortest.len() <= 8 {
        return shortest;
    }
    let rounded = format!("{value:.2}");
    let trimmed = rounded.trim_end_matches('0').trim_end_matches('.');
    // A tiny value rounded to nothing keeps its digits rather than read 0.
    if trimmed == "0" || trimmed == "-0" {
        shortest
    } else {
        trimmed.to_owned()
    }
}

/// The display width of [`number`]`(value, lang)`, counted rather than
/// written for the usual figures (whole numbers, decimals of at most two
/// places, 万 and 亿 below 1e18); the rest are written and measured. Column
/// widths are measured over every task at load, so this must not allocate
/// for the common case.
pub fn number_width(value: f64, lang: Lang) -> usize {
    let written = || crate::text::width(&number(value, lang));
    if !value.is_finite() {
        return written();
    }
    let sign = usize::from(value.is_sign_negative());
    if lang == Lang::Zh && value.abs() >= GROUPED_FROM {
        let Some(hundredths) = myriad_hundredths(value.abs()) else {
            return written();
        };
        let decimals = match hundredths % 100 {
            0 => 0,
            cents if cents % 10 == 0 => 2,
            _ => 3,
        };
        // 万 and 亿 are two columns wide.
        return sign + digits(hundredths / 100) + decimals + 2;
    }
    let Some((whole_digits, decimals)) = plain_shape(value) else {
        return written();
    };
    sign + whole_digits + separators(whole_digits, lang) + decimals
}

/// A number for machines (CSV): integers without decimals, others in full.
pub fn exact(value: f64) -> String {
    if is_whole(value) {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// A rate with what it counts per day (`0.04 tasks/day`), `*` after it
/// when it is worked out from an assumed date or figure.
pub fn marked_rate(per_day: Marked<f64>, per: &str) -> Shown {
    Shown::of(per_day, |value| format!("{} {per}", rate(value)))
}

/// A rate of work per day: a couple of significant digits read best
/// (`12`, `3.4`, `0.56`, `0.0027`); a rate above zero never reads `0.00`
/// (3 water bodies in a year is 0.0082 a day, not nothing).
pub fn rate(value: f64) -> String {
    let size = value.abs();
    if size >= 10.0 {
        format!("{value:.0}")
    } else if size >= 1.0 {
        format!("{value:.1}")
    } else if size >= 0.01 || size == 0.0 || !size.is_finite() {
        format!("{value:.2}")
    } else {
        // Two significant digits: 0.0082, 0.00027.
        let decimals = (1.0 - size.log10().floor()).min(12.0) as usize;
        let text = format!("{value:.decimals$}");
        text.trim_end_matches('0').to_owned()
    }
}

/// `236500` → `236,500`, `-123456.78` → `-123,456.78`: commas between the
/// thousands of the whole part once it has five digits or more (so a value
/// just under 10 000 that [`plain`] rounds up to `10000` is grouped too).
fn thousands(plain: String) -> String {
    let start = usize::from(plain.starts_with('-'));
    let end = plain[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(plain.len(), |i| start + i);
    let whole = &plain[start..end];
    if whole.len() < 5 {
        return plain;
    }
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    out.push_str(&plain[..start]);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out.push_str(&plain[end..]);
    out
}

/// The commas [`thousands`] puts in a whole part of `digits` digits.
fn separators(digits: usize, lang: Lang) -> usize {
    match lang {
        Lang::En if digits >= 5 => (digits - 1) / 3,
        _ => 0,
    }
}

/// `236500` → `23.65万`, `150000000` → `1.5亿`: the magnitude cut (not
/// rounded) to hundredths of 万 or 亿, trailing zeros dropped.
fn myriads(value: f64) -> String {
    let magnitude = value.abs();
    let (unit, word) = myriad_unit(magnitude);
    let hundredths = match myriad_hundredths(magnitude) {
        Some(hundredths) => hundredths.to_string(),
        // Beyond u64, a double has no digits to spare below the point anyway.
        None => format!("{:.0}", (magnitude / (unit / 100.0)).floor()),
    };
    let (whole, cents) = hundredths.split_at(hundredths.len() - 2);
    let cents = cents.trim_end_matches('0');
    let sign = if value < 0.0 { "-" } else { "" };
    if cents.is_empty() {
        format!("{sign}{whole}{word}")
    } else {
        format!("{sign}{whole}.{cents}{word}")
    }
}

fn myriad_unit(magnitude: f64) -> (f64, &'static str) {
    if magnitude >= 1e8 {
        (1e8, "亿")
    } else {
        (1e4, "万")
    }
}

/// The magnitude in hundredths of its 万 or 亿, floored; counted in whole
/// numbers (its fraction below one cannot reach a hundredth of 万), so the
/// floor is exact. `None` past 1e18, where a u64 would not do.
fn myriad_hundredths(magnitude: f64) -> Option<u64> {
    if magnitude >= 1e18 {
        return None;
    }
    let (unit, _) = myriad_unit(magnitude);
    // `as` drops the fraction of the magnitude, which is below 1e18 here.
    Some(magnitude as u64 / (unit as u64 / 100))
}

/// The digits before the point of [`plain`]`(value)` (without its sign) and
/// the length of what follows, point included, counted without writing it;
/// `None` for the values [`plain`] must write to know.
fn plain_shape(value: f64) -> Option<(usize, usize)> {
    let magnitude = value.abs();
    if is_whole(value) {
        return Some((digits(magnitude as u64), 0));
    }
    // Below 1e9 a double is far finer than 0.01, so when `h / 100.0` gives
    // back the value, the shortest decimal that reads back as it is `h / 100`
    // itself: its digits are counted, with one or two decimals (never none,
    // as the value is not whole). Both branches of `plain` write it so.
    if magnitude < 1e9 {
        let hundredths = (magnitude * 100.0).round();
        if hundredths / 100.0 == magnitude {
            let hundredths = hundredths as u64;
            let decimals = if hundredths.is_multiple_of(10) { 2 } else { 3 };
            return Some((digits(hundredths / 100), decimals));
        }
    }
    None
}

/// Whole and small enough to write without an exponent's worth of digits.
fn is_whole(value: f64) -> bool {
    value.fract() == 0.0 && value.abs() < 1e15
}

/// Decimal digits of `n` (one for zero).
fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

#[cfg(test)]
#[path = "number_tests.rs"]
mod tests;
