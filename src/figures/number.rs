//! Numbers as people write them, and as a spreadsheet reads them.

/// A number as a person writes it: `110`, `41.41`, `0.5`, `-3`, never
/// `110.0`. A decimal keeps its digits when they are few (`0.000123`,
/// `41.415`), else it is rounded to two places; `—` when not finite.
pub fn number(value: f64) -> String {
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

/// The length of [`number`]`(value)`, counted rather than written for the
/// usual figures (whole numbers, and decimals of at most two places); the
/// rest are written and counted. Column widths are measured over every task
/// at load, so this must not allocate for the common case.
pub fn number_width(value: f64) -> usize {
    if !value.is_finite() {
        return number(value).len();
    }
    let sign = usize::from(value.is_sign_negative());
    let magnitude = value.abs();
    if is_whole(value) {
        return sign + digits(magnitude as u64);
    }
    // Below 1e9 a double is far finer than 0.01, so when `h / 100.0` gives
    // back the value, the shortest decimal that reads back as it is `h / 100`
    // itself: its digits are counted, with one or two decimals (never none,
    // as the value is not whole). Both branches of `number` write it so.
    if magnitude < 1e9 {
        let hundredths = (magnitude * 100.0).round();
        if hundredths / 100.0 == magnitude {
            let hundredths = hundredths as u64;
            let decimals = if hundredths.is_multiple_of(10) { 2 } else { 3 };
            return sign + digits(hundredths / 100) + decimals;
        }
    }
    number(value).len()
}

/// A number for machines (CSV): integers without decimals, others in full.
pub fn exact(value: f64) -> String {
    if is_whole(value) {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// A rate of work per day: a couple of significant digits read best
/// (`12`, `3.4`, `0.56`).
pub fn rate(value: f64) -> String {
    if value.abs() >= 10.0 {
        format!("{value:.0}")
    } else if value.abs() >= 1.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
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
