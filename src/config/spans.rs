//! Where a config value is written, and the diagnostics every table of
//! the file words the same way (wrong type, unknown key, unknown word):
//! below the top level and the tables, which all use them.

use std::ops::Range;

use toml_edit::{Item, TableLike, Value};

use crate::load::{Diagnostic, Words, did_you_mean, did_you_mean_help};

/// Where a key is written.
pub fn key_span(table: &dyn TableLike, name: &str) -> Range<usize> {
    table
        .get_key_value(name)
        .and_then(|(key, _)| key.span())
        .unwrap_or(0..0)
}

/// Where a value is written (its key's place when it has none, as for a
/// `[table]`).
pub fn value_span(item: &Item, key_span: &Range<usize>) -> Range<usize> {
    item.span().unwrap_or_else(|| key_span.clone())
}

pub fn string_span(value: &Value) -> Range<usize> {
    value.span().unwrap_or(0..0)
}

pub fn wrong_type(item: &Item, key_span: &Range<usize>, expected: Words) -> Diagnostic {
    Diagnostic::error(
        value_span(item, key_span),
        Words::new(
            format!("wrong type: {}", expected.en),
            format!("类型有误：{}", expected.zh),
        ),
        Words::new("wrong type", "类型有误"),
    )
}

/// An unknown key of a table, with a "did you mean" or the keys it takes.
pub fn unknown(name: &str, span: Range<usize>, what: Words, known: &[&str]) -> Diagnostic {
    let diagnostic = Diagnostic::error(
        span,
        Words::new(
            format!("unknown key `{name}` in {}", what.en),
            format!("{}中有未知的键 `{name}`", what.zh),
        ),
        Words::new("unknown key", "未知的键"),
    );
    match did_you_mean(name, known) {
        Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
        None => diagnostic.with_help(Words::new(
            format!("{} takes: {}", what.en, known.join(", ")),
            format!("{}可用的键：{}", what.zh, crate::load::backticked(known)),
        )),
    }
}

/// An unknown word (a theme, a colour, a key name), with a suggestion.
pub fn unknown_word(word: &str, span: Range<usize>, what: Words, known: &[&str]) -> Diagnostic {
    let diagnostic = Diagnostic::error(
        span,
        Words::new(
            format!("unknown {} `{word}`", what.en),
            format!("未知的{} `{word}`", what.zh),
        ),
        Words::new(format!("not a {}", what.en), format!("不是{}", what.zh)),
    );
    match did_you_mean(word, known) {
        Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
        None => diagnostic.with_help(Words::new(
            format!("a {} is one of: {}", what.en, known.join(", ")),
            format!("{}可选：{}", what.zh, crate::load::backticked(known)),
        )),
    }
}
