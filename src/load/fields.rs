//! Typed access to the parsed document that records a diagnostic for every
//! wrong type, missing field and unknown key, instead of stopping at the
//! first one (which is all serde's derive can do).

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Diagnostic;
use crate::model::Text;
use crate::text::sanitize;

pub type Value<'i> = Spanned<DeValue<'i>>;

/// Collects the diagnostics of one pass over a document.
#[derive(Default)]
pub struct Collector {
    pub diagnostics: Vec<Diagnostic>,
}

/// A table of the file with the keys it may hold.
pub struct Fields<'a, 'i> {
    entries: &'a DeTable<'i>,
    /// Where the table is written: its `[header]` or `{ ... }`.
    pub span: Range<usize>,
    /// How a message names the table, e.g. "[[campaign.task]]".
    pub what: &'static str,
}

impl Collector {
    pub fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Opens `value` as a table holding only `known` keys; reports every other key.
    pub fn table<'a, 'i>(
        &mut self,
        value: &'a Value<'i>,
        what: &'static str,
        known: &[&str],
    ) -> Option<Fields<'a, 'i>> {
        let DeValue::Table(entries) = value.get_ref() else {
            self.wrong_type(value, &format!("{what} must be a table"), "a table");
            return None;
        };
        let fields = Fields {
            entries,
            span: value.span(),
            what,
        };
        for (key, _) in entries.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let mut diagnostic = Diagnostic::error(
                key.span(),
                format!("unknown key `{name}` in {what}"),
                "unknown key",
            );
            diagnostic = match did_you_mean(name, known) {
                Some(candidate) => diagnostic.with_help(format!("did you mean `{candidate}`?")),
                None => diagnostic.with_help(format!("{what} takes: {}", known.join(", "))),
            };
            self.error(diagnostic);
        }
        Some(fields)
    }

    /// The value of a required key; a missing one is reported at the table's header.
    pub fn required<'a, 'i>(
        &mut self,
        fields: &Fields<'a, 'i>,
        key: &str,
    ) -> Option<&'a Value<'i>> {
        let value = fields.get(key);
        if value.is_none() {
            self.error(Diagnostic::error(
                fields.span.clone(),
                format!("missing required field `{key}` in {}", fields.what),
                format!("this table needs `{key} = ...`"),
            ));
        }
        value
    }

    pub fn wrong_type(&mut self, value: &Value<'_>, message: &str, expected: &str) {
        self.error(Diagnostic::error(
            value.span(),
            message.to_owned(),
            format!("expected {expected}, found {}", describe(value.get_ref())),
        ));
    }

    pub fn string(&mut self, value: &Value<'_>, key: &str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(text) => Some(sanitize(text)),
            _ => {
                self.wrong_type(value, &format!("`{key}` must be a string"), "a string");
                None
            }
        }
    }

    /// A plain string or a table of translations `{ zh = "...", en = "..." }`.
    pub fn text(&mut self, value: &Value<'_>, key: &str) -> Option<Text> {
        match value.get_ref() {
            DeValue::String(text) => Some(Text::Plain(sanitize(text))),
            DeValue::Table(entries) if !entries.is_empty() => {
                let mut translations = Vec::new();
                let mut ok = true;
                for (lang, text) in entries.iter() {
                    match text.get_ref() {
                        DeValue::String(text) => {
                            translations.push((lang.get_ref().to_string(), sanitize(text)))
                        }
                        _ => {
                            self.wrong_type(
                                text,
                                &format!("translation `{key}.{}` must be a string", lang.get_ref()),
                                "a string",
                            );
                            ok = false;
                        }
                    }
                }
                // The map is ordered by key; order translations as written.
                translations.sort_by_key(|(lang, _)| {
                    entries
                        .iter()
                        .find(|(k, _)| k.get_ref() == lang)
                        .map_or(0, |(k, _)| k.span().start)
                });
                ok.then_some(Text::Translated(translations))
            }
            _ => {
                self.wrong_type(
                    value,
                    &format!("`{key}` must be a string or a table of translations"),
                    "a string or { zh = \"...\", en = \"...\" }",
                );
                None
            }
        }
    }

    pub fn number(&mut self, value: &Value<'_>, key: &str) -> Option<f64> {
        let number = match value.get_ref() {
            DeValue::Integer(integer) => i64::from_str_radix(integer.as_str(), integer.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(float) => float.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.wrong_type(value, &format!("`{key}` must be a number"), "a number");
                return None;
            }
        };
        match number {
            Some(number) if number.is_finite() => Some(number),
            _ => {
                self.error(Diagnostic::error(
                    value.span(),
                    format!("`{key}` must be a finite number"),
                    "not a finite number",
                ));
                None
            }
        }
    }

    /// A bare TOML date (`2024-12-31`); a time or an offset is an error.
    pub fn date(&mut self, value: &Value<'_>, key: &str) -> Option<NaiveDate> {
        let DeValue::Datetime(datetime) = value.get_ref() else {
            self.wrong_type(
                value,
                &format!("`{key}` must be a date like 2024-12-31"),
                "a date (no quotes)",
            );
            return None;
        };
        match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => {
                let parsed =
                    NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into());
                if parsed.is_none() {
                    self.error(Diagnostic::error(
                        value.span(),
                        format!("`{key}` is not a real date"),
                        "no such day",
                    ));
                }
                parsed
            }
            _ => {
                self.error(Diagnostic::error(
                    value.span(),
                    format!("`{key}` must be a date without a time of day or offset"),
                    "write only the date, like 2024-12-31",
                ));
                None
            }
        }
    }

    /// An id: `[a-z0-9-]+`.
    pub fn id(&mut self, value: &Value<'_>) -> Option<String> {
        let DeValue::String(id) = value.get_ref() else {
            self.wrong_type(value, "`id` must be a string", "a string like \"blue-sky\"");
            return None;
        };
        if is_valid_id(id) {
            Some(id.to_string())
        } else {
            self.error(
                Diagnostic::error(
                    value.span(),
                    format!("id `{id}` is not made of a-z, 0-9 and -"),
                    "invalid id",
                )
                .with_help(format!("try \"{}\"", suggest_id(id))),
            );
            None
        }
    }

    pub fn array<'a, 'i>(&mut self, value: &'a Value<'i>, key: &str) -> Option<&'a [Value<'i>]> {
        match value.get_ref() {
            DeValue::Array(items) => Some(items.as_ref()),
            _ => {
                self.wrong_type(
                    value,
                    &format!("`{key}` must be an array"),
                    "an array [ ... ]",
                );
                None
            }
        }
    }
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.entries.get(key)
    }
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "item-1".into() } else { out }
}

/// The closest known key, when it is close enough to be a typo.
pub fn did_you_mean<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), *candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let known = ["id", "name", "done", "total", "unit", "due"];
        assert_eq!(did_you_mean("totl", &known), Some("total"));
        assert_eq!(did_you_mean("nmae", &known), Some("name"));
        assert_eq!(did_you_mean("colour", &known), None);
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_valid_id("blue-sky-2"));
        assert!(!is_valid_id("Blue Sky"));
        assert!(!is_valid_id(""));
        assert_eq!(suggest_id("Blue Sky"), "blue-sky");
    }
}
