//! The cell rules of the machine-readable formats, one for the report and
//! the history alike: a CSV field quoted by RFC 4180 and text a spreadsheet
//! would run as a formula neutralised; a JSON number whole when it is whole,
//! and a level as a number or a water class.

use serde_json::Value;

use crate::model::Level;

/// A cell a spreadsheet would run as a formula gets a leading apostrophe.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Quotes a field when it holds a separator, a quote or a line break,
/// doubling the quotes inside (RFC 4180).
pub fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// A whole number as a JSON integer (`110`, not `110.0`), others as they are.
pub fn json_number(value: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    if value.fract() == 0.0 && value.abs() < EXACT {
        Value::from(value as i64)
    } else {
        serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

/// A number, or a water class by its name (`"II"`).
pub fn json_level(level: Level) -> Value {
    match level {
        Level::Number(value) => json_number(value),
        Level::WaterClass(class) => Value::from(class.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_integers_and_others_stay_fractions() {
        assert_eq!(json_number(110.0).to_string(), "110");
        assert_eq!(json_number(-12.0).to_string(), "-12");
        assert_eq!(json_number(0.25).to_string(), "0.25");
        assert_eq!(json_number(f64::NAN), Value::Null);
    }

    #[test]
    fn only_a_field_with_a_separator_quote_or_break_is_quoted() {
        let mut out = String::new();
        push_field(&mut out, "a \"b\", c");
        assert_eq!(out, "\"a \"\"b\"\", c\"");
        out.clear();
        push_field(&mut out, "plain");
        assert_eq!(out, "plain");
    }
}
