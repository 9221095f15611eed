//! Typed access to the parsed document that records a diagnostic for every
//! wrong type, missing field and unknown key, instead of stopping at the
//! first one (which is all serde's derive can do).

use std::ops::Range;

use chrono::NaiveDate;

use super::Diagnostic;
use super::format::{self, Kind};
use super::tree::{Array, Item, Table};
use super::words::{Words, did_you_mean_help};
use crate::model::Text;
use crate::text::sanitize;

pub use super::tree::Value;

/// Collects the diagnostics of one pass over a document.
#[derive(Default)]
pub struct Collector {
    pub diagnostics: Vec<Diagnostic>,
}

/// A table of the file, read as the format declares it.
pub struct Fields<'a, 'i> {
    entries: Table<'a, 'i>,
    /// Where the table is written: its `[header]` or `{ ... }`.
    pub span: Range<usize>,
    /// How a message names the table, e.g. "[[campaign.task]]".
    pub what: &'static str,
    /// The keys it may hold.
    pub format: &'static format::Table,
}

impl Collector {
    pub fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Opens `value` as a table of the kind `format` declares: reports every
    /// key it does not declare, and every required value it lacks (a
    /// missing table is its reader's to name, in words of its own).
    pub fn table<'a, 'i>(
        &mut self,
        value: Value<'a, 'i>,
        format: &'static format::Table,
    ) -> Option<Fields<'a, 'i>> {
        let fields = self.table_keys(value, format)?;
        for key in format.keys {
            let table = matches!(key.kind, Kind::Table(_));
            if key.need == format::Need::Required && !table && fields.get(key.name).is_none() {
                self.missing(&fields, key.name);
            }
        }
        Some(fields)
    }

    /// [`Collector::table`] for a piece of a table re-read alone, which
    /// need not hold the keys the whole table must: reports unknown keys only.
    pub fn table_keys<'a, 'i>(
        &mut self,
        value: Value<'a, 'i>,
        format: &'static format::Table,
    ) -> Option<Fields<'a, 'i>> {
        let what = format.what;
        let Item::Table(entries) = value.item() else {
            self.wrong_type(
                value,
                Words::new(
                    format!("{what} must be a table"),
                    format!("{}应为表", what_zh(what)),
                ),
                Words::new("a table", "表"),
            );
            return None;
        };
        let fields = Fields {
            entries,
            span: value.span(),
            what,
            format,
        };
        for (name, key_span, _) in entries.iter() {
            if format.key(name).is_none() {
                self.unknown_key(format, name, key_span);
            }
        }
        Some(fields)
    }

    fn unknown_key(&mut self, format: &format::Table, name: &str, key_span: Range<usize>) {
        let what = format.what;
        let known: Vec<&str> = format.names().collect();
        let diagnostic = Diagnostic::error(
            key_span,
            Words::new(
                format!("unknown key `{name}` in {what}"),
                format!("{}中有未知的键 `{name}`", what_zh(what)),
            ),
            Words::new("unknown key", "未知的键"),
        );
        self.error(match did_you_mean(name, &known) {
            Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
            None => diagnostic.with_help(Words::new(
                format!("{what} takes: {}", known.join(", ")),
                format!("{}可用的键：{}", what_zh(what), backticked(&known)),
            )),
        });
    }

    /// A required key the table lacks, reported at the table's header.
    fn missing(&mut self, fields: &Fields<'_, '_>, key: &str) {
        self.error(Diagnostic::error(
            fields.span.clone(),
            Words::new(
                format!("missing required field `{key}` in {}", fields.what),
                format!("{}缺少必填字段 `{key}`", what_zh(fields.what)),
            ),
            Words::new(
                format!("this table needs `{key} = ...`"),
                format!("此表须写 `{key} = ...`"),
            ),
        ));
    }

    /// The word `key` holds, one of those the format declares for it
    /// (`None` when the key is not written); any other word is an error,
    /// with a "did you mean" when it is close to one.
    pub fn word(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<Option<&'static str>> {
        let Some(value) = fields.get(key) else {
            return Some(None);
        };
        let words = fields
            .format
            .key(key)
            .map(|key| key.words())
            .unwrap_or_default();
        let word = self.string(value, key)?;
        if let Some(known) = words.iter().find(|known| **known == word) {
            return Some(Some(known));
        }
        let quoted: Vec<String> = words.iter().map(|word| format!("\"{word}\"")).collect();
        let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
        let diagnostic = Diagnostic::error(
            value.span(),
            Words::new(
                format!("`{key}` must be {}, found `{word}`", quoted.join(" or ")),
                format!("`{key}` 应为 {}，实为 `{word}`", backticked(&quoted)),
            ),
            Words::new("unknown word", "未知的取值"),
        );
        self.error(match did_you_mean(&word, &words) {
            Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
            None => diagnostic.with_help(Words::new(
                format!("`{key}` takes: {}", quoted.join(", ")),
                format!("`{key}` 可选：{}", backticked(&quoted)),
            )),
        });
        None
    }

    pub fn wrong_type(&mut self, value: Value<'_, '_>, message: Words, expected: Words) {
        let found = value.describe();
        self.error(Diagnostic::error(
            value.span(),
            message,
            Words::new(
                format!("expected {}, found {}", expected.en, found.en),
                format!("应为{}，实为{}", expected.zh, found.zh),
            ),
        ));
    }

    pub fn string(&mut self, value: Value<'_, '_>, key: &str) -> Option<String> {
        match value.item() {
            Item::String(text) => Some(sanitize(text)),
            _ => {
                self.wrong_type(
                    value,
                    Words::new(
                        format!("`{key}` must be a string"),
                        format!("`{key}` 应为字符串"),
                    ),
                    Words::new("a string", "字符串"),
                );
                None
            }
        }
    }

    /// A plain string or a table of translations `{ zh = "...", en = "..." }`.
    pub fn text(&mut self, value: Value<'_, '_>, key: &str) -> Option<Text> {
        match value.item() {
            Item::String(text) => Some(Text::Plain(sanitize(text))),
            Item::Table(entries) if !entries.is_empty() => {
                // The tree keeps keys as written, so translations keep their order.
                let mut translations = Vec::with_capacity(entries.len());
                let mut ok = true;
                for (lang, _, text) in entries.iter() {
                    match text.item() {
                        Item::String(text) if ok => {
                            translations.push((lang.to_owned(), sanitize(text)))
                        }
                        Item::String(_) => {}
                        _ => {
                            self.wrong_type(
                                text,
                                Words::new(
                                    format!("translation `{key}.{lang}` must be a string"),
                                    format!("译文 `{key}.{lang}` 应为字符串"),
                                ),
                                Words::new("a string", "字符串"),
                            );
                            ok = false;
                        }
                    }
                }
                ok.then_some(Text::Translated(translations))
            }
            _ => {
                self.wrong_type(
                    value,
                    Words::new(
                        format!("`{key}` must be a string or a table of translations"),
                        format!("`{key}` 应为字符串或译文表"),
                    ),
                    Words::new(
                        "a string or { zh = \"...\", en = \"...\" }",
                        "字符串或 `{ zh = \"...\", en = \"...\" }`",
                    ),
                );
                None
            }
        }
    }

    pub fn number(&mut self, value: Value<'_, '_>, key: &str) -> Option<f64> {
        let number = match value.item() {
            Item::Integer(integer) => integer.map(|n| n as f64),
            Item::Float(float) => float,
            _ => {
                self.wrong_type(
                    value,
                    Words::new(
                        format!("`{key}` must be a number"),
                        format!("`{key}` 应为数字"),
                    ),
                    Words::new("a number", "数字"),
                );
                return None;
            }
        };
        match number {
            // `-0.0 + 0.0` is `0.0`: a figure never shows as `-0`.
            Some(number) if number.is_finite() => Some(number + 0.0),
            _ => {
                self.error(Diagnostic::error(
                    value.span(),
                    Words::new(
                        format!("`{key}` must be a finite number"),
                        format!("`{key}` 应为有限数值"),
                    ),
                    Words::new("not a finite number", "不是有限数值"),
                ));
                None
            }
        }
    }

    /// A bare TOML date (`2024-12-31`); a time or an offset is an error.
    pub fn date(&mut self, value: Value<'_, '_>, key: &str) -> Option<NaiveDate> {
        let Item::Datetime(datetime) = value.item() else {
            self.wrong_type(
                value,
                Words::new(
                    format!("`{key}` must be a date like 2024-12-31"),
                    format!("`{key}` 应为日期，如 `2024-12-31`"),
                ),
                Words::new("a date (no quotes)", "日期（不加引号）"),
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
                        Words::new(
                            format!("`{key}` is not a real date"),
                            format!("`{key}` 不是有效日期"),
                        ),
                        Words::new("no such day", "日历上没有这一天"),
                    ));
                }
                parsed
            }
            _ => {
                self.error(Diagnostic::error(
                    value.span(),
                    Words::new(
                        format!("`{key}` must be a date without a time of day or offset"),
                        format!("`{key}` 只写日期，不带时刻或时区"),
                    ),
                    Words::new(
                        "write only the date, like 2024-12-31",
                        "只写日期，如 `2024-12-31`",
                    ),
                ));
                None
            }
        }
    }

    /// An id: `[a-z0-9-]+`.
    pub fn id(&mut self, value: Value<'_, '_>) -> Option<String> {
        let Item::String(id) = value.item() else {
            self.wrong_type(
                value,
                Words::new("`id` must be a string", "`id` 应为字符串"),
                Words::new("a string like \"blue-sky\"", "字符串，如 `\"blue-sky\"`"),
            );
            return None;
        };
        if is_valid_id(id) {
            Some(id.to_owned())
        } else {
            self.error(
                Diagnostic::error(
                    value.span(),
                    Words::new(
                        format!("id `{id}` is not made of a-z, 0-9 and -"),
                        format!("id `{id}` 只能由 a-z、0-9 和 - 组成"),
                    ),
                    Words::new("invalid id", "id 不合规"),
                )
                .with_help(Words::new(
                    format!("try \"{}\"", suggest_id(id)),
                    format!("可改为 `\"{}\"`", suggest_id(id)),
                )),
            );
            None
        }
    }

    pub fn array<'a, 'i>(&mut self, value: Value<'a, 'i>, key: &str) -> Option<Array<'a, 'i>> {
        match value.item() {
            Item::Array(items) => Some(items),
            _ => {
                self.wrong_type(
                    value,
                    Words::new(
                        format!("`{key}` must be an array"),
                        format!("`{key}` 应为数组"),
                    ),
                    Words::new("an array [ ... ]", "数组 `[ ... ]`"),
                );
                None
            }
        }
    }
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn get(&self, key: &str) -> Option<Value<'a, 'i>> {
        self.entries.get(key)
    }
}

/// How a zh message names a table that an en message names by `what`.
pub fn what_zh(what: &str) -> String {
    match what {
        "the file" => "文件顶层".into(),
        "a history point" => "历史记录点".into(),
        header => format!("`{header}` 表"),
    }
}

/// `id`、`name`、…: known names listed the zh way.
pub fn backticked(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join("、")
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
