//! TOML text for the values an edit writes: numbers that keep the kind of
//! the value they replace, one-line strings, dates and water classes.

use chrono::NaiveDate;

use crate::model::WaterClass;

/// A number as the file holds it: integers stay integers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Integer(i64),
    Float(f64),
}

/// Integers beyond this are not exact in an `f64`, so they are not mixed
/// with fractional arithmetic.
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Integer(n) => n as f64,
            Number::Float(x) => x,
        }
    }

    /// `n` as a clerk means it: a whole number is written whole (`56`, not
    /// `56.0`, even over a decimal entry; `1e3` is `1000`), anything else
    /// as a decimal.
    pub fn whole_or_decimal(n: f64) -> Number {
        if is_exact_integer(n) {
            Number::Integer(n as i64)
        } else {
            Number::Float(n)
        }
    }

    /// `self + delta`, exact for integers and rounded for floats to the
    /// decimals the operands were written with (so 30.2 + 0.1 is 30.3, not
    /// 30.299999999999997). `None` when the result is out of range.
    pub fn add(self, delta: f64) -> Option<Number> {
        if let (Number::Integer(n), true) = (self, is_exact_integer(delta)) {
            return n.checked_add(delta as i64).map(Number::Integer);
        }
        let sum = self.as_f64() + delta;
        let decimals = decimals(self.as_f64()).max(decimals(delta));
        let rounded: f64 = format!("{sum:.decimals$}").parse().ok()?;
        rounded
            .is_finite()
            .then(|| Number::whole_or_decimal(rounded))
    }

    /// The TOML text of the number.
    pub fn literal(self) -> String {
        match self {
            Number::Integer(n) => n.to_string(),
            Number::Float(x) => float_literal(x),
        }
    }
}

/// A figure as a clerk types it, in the file's own notation: `12`, `12.5`,
/// `1_000` (underscores between digits, as TOML allows), `1e3`, a sign.
/// `None` for anything else, or a number that is not finite.
pub fn parse_figure(text: &str) -> Option<f64> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let between_digits = |i: usize| {
        i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if (0..bytes.len()).any(|i| bytes[i] == b'_' && !between_digits(i)) {
        return None;
    }
    let plain: String = text.chars().filter(|c| *c != '_').collect();
    // Rust's parser also takes "inf", "NaN" and "infinity": a figure never is.
    let letters_other_than_e = plain
        .chars()
        .any(|c| c.is_alphabetic() && !matches!(c, 'e' | 'E'));
    if letters_other_than_e || !plain.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn is_exact_integer(n: f64) -> bool {
    n.fract() == 0.0 && n.abs() < EXACT_INTEGER
}

/// How many decimals the shortest exact text of `x` has (at most 15).
fn decimals(x: f64) -> usize {
    let text = x.to_string();
    text.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len().min(15))
}

fn float_literal(x: f64) -> String {
    let magnitude = x.abs();
    if magnitude != 0.0 && !(1e-5..1e16).contains(&magnitude) {
        // `1e300` is a TOML float; three hundred zeros are not wanted.
        return format!("{x:e}");
    }
    let text = x.to_string();
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

/// A basic string on one line: quotes, backslashes and control characters
/// escaped, so the edited key stays on its own line.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn date_literal(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A water class in the style the file already uses for it: the Unicode
/// numerals of the source report (Ⅲ) when the old value has them, else ASCII.
pub fn water_class_literal(class: WaterClass, unicode: bool) -> String {
    let text = if unicode {
        match class {
            WaterClass::I => "Ⅰ",
            WaterClass::II => "Ⅱ",
            WaterClass::III => "Ⅲ",
            WaterClass::IV => "Ⅳ",
            WaterClass::V => "Ⅴ",
            WaterClass::WorseThanV => "劣Ⅴ",
        }
    } else {
        class.as_str()
    };
    string_literal(text)
}

/// Whether a class is written with the Unicode numerals (Ⅰ–Ⅴ).
pub fn uses_unicode_numerals(text: &str) -> bool {
    text.chars().any(|c| ('Ⅰ'..='Ⅴ').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_stay_integers_and_floats_stay_floats() {
        assert_eq!(Number::Integer(110).add(1.0), Some(Number::Integer(111)));
        assert_eq!(Number::Integer(110).add(-3.0), Some(Number::Integer(107)));
        assert_eq!(Number::Integer(110).add(0.5), Some(Number::Float(110.5)));
        // Whole numbers stay whole, even over a decimal entry.
        assert_eq!(Number::Float(110.0).add(1.0), Some(Number::Integer(111)));
        assert_eq!(Number::Float(55.5).add(0.5), Some(Number::Integer(56)));
        assert_eq!(Number::whole_or_decimal(4.0), Number::Integer(4));
        assert_eq!(Number::whole_or_decimal(1e3), Number::Integer(1000));
        assert_eq!(Number::whole_or_decimal(4.5), Number::Float(4.5));
        assert_eq!(Number::Float(111.5).literal(), "111.5");
        assert_eq!(Number::Integer(111).literal(), "111");
    }

    #[test]
    fn float_sums_keep_their_decimals() {
        assert_eq!(Number::Float(30.2).add(0.1), Some(Number::Float(30.3)));
        assert_eq!(
            Number::Float(0.1).add(0.2).map(Number::literal).unwrap(),
            "0.3"
        );
        assert_eq!(
            Number::Float(1.25).add(-1.0).map(Number::literal).unwrap(),
            "0.25"
        );
    }

    #[test]
    fn integer_overflow_is_not_a_number() {
        assert_eq!(Number::Integer(i64::MAX).add(1.0), None);
    }

    #[test]
    fn huge_and_tiny_floats_use_exponents() {
        assert_eq!(float_literal(1e300), "1e300");
        assert_eq!(float_literal(-2.5e-7), "-2.5e-7");
        assert_eq!(float_literal(0.0), "0.0");
        for x in [1e300, -2.5e-7, 0.0, 31.5, 1e15] {
            let text = float_literal(x);
            let back: toml::Table = toml::from_str(&format!("x = {text}")).unwrap();
            assert_eq!(back["x"].as_float(), Some(x), "{text}");
        }
    }

    #[test]
    fn strings_stay_on_one_line_and_read_back() {
        for text in [
            "plain",
            "说 \"引号\"",
            "a\\b",
            "two\nlines\r\n",
            "esc \u{1b}[31m",
            "",
        ] {
            let literal = string_literal(text);
            assert!(!literal.contains('\n'), "{literal}");
            let back: toml::Table = toml::from_str(&format!("x = {literal}")).unwrap();
            assert_eq!(back["x"].as_str(), Some(text));
        }
    }

    #[test]
    fn water_classes_follow_the_file_style() {
        assert_eq!(water_class_literal(WaterClass::III, true), "\"Ⅲ\"");
        assert_eq!(water_class_literal(WaterClass::III, false), "\"III\"");
        assert_eq!(water_class_literal(WaterClass::WorseThanV, true), "\"劣Ⅴ\"");
        assert!(uses_unicode_numerals("Ⅱ"));
        assert!(!uses_unicode_numerals("II"));
    }

    #[test]
    fn figures_are_read_as_the_file_writes_them() {
        assert_eq!(parse_figure("1_000"), Some(1000.0));
        assert_eq!(parse_figure(" 12.5 "), Some(12.5));
        assert_eq!(parse_figure("1e3"), Some(1000.0));
        assert_eq!(parse_figure("-3"), Some(-3.0));
        for wrong in [
            "abc", "1__000", "_1", "1_", "inf", "NaN", "1e999", "", "1,000",
        ] {
            assert_eq!(parse_figure(wrong), None, "{wrong}");
        }
    }
}
