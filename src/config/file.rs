//! The file's top level: `lang`, `mouse`, `theme`, `[colors]`, `[keys]`.
//! Parsed with `toml_edit`, whose spans give every problem its place; all
//! problems are collected, not just the first.

use std::ops::Range;

use toml_edit::{Document, Item, TableLike, Value};

use super::{Config, colors, keys};
use crate::load::{Diagnostic, did_you_mean};
use crate::model::Lang;
use crate::tui::theme::ThemeName;

/// The keys the top level takes (the schema is built from the same list).
pub const TOP_KEYS: &[&str] = &["lang", "mouse", "theme", "colors", "keys"];

pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let document = Document::parse(text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        vec![Diagnostic::error(
            span,
            format!("TOML syntax: {}", err.message().trim()),
            "here",
        )]
    })?;
    let mut problems = Vec::new();
    let mut config = Config::default();
    let root = document.as_table();
    for (name, item) in root.iter() {
        let key_span = key_span(root, name);
        match name {
            "lang" => config.lang = lang(item, &key_span, &mut problems),
            "mouse" => match item.as_bool() {
                Some(on) => config.mouse = Some(on),
                None => problems.push(wrong_type(item, &key_span, "`mouse` is true or false")),
            },
            "theme" => {
                config.palette.theme = theme(item, &key_span, &mut problems).unwrap_or_default();
            }
            "colors" => match item.as_table_like() {
                Some(table) => {
                    config.palette.status = colors::parse(table, &mut problems);
                }
                None => problems.push(wrong_type(item, &key_span, "[colors] must be a table")),
            },
            "keys" => match item.as_table_like() {
                Some(table) => {
                    if let Some((keymap, given)) = keys::parse(table, &mut problems) {
                        config.keymap = keymap;
                        config.keys = given;
                    }
                }
                None => problems.push(wrong_type(item, &key_span, "[keys] must be a table")),
            },
            other => problems.push(unknown(other, key_span, "the config file", TOP_KEYS)),
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        problems.sort_by_key(|d| d.span.start);
        Err(problems)
    }
}

fn lang(item: &Item, key_span: &Range<usize>, problems: &mut Vec<Diagnostic>) -> Option<Lang> {
    let Some(code) = item.as_str() else {
        problems.push(wrong_type(item, key_span, "`lang` is \"zh\" or \"en\""));
        return None;
    };
    let lang = match code {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    };
    if lang.is_none() {
        problems.push(
            Diagnostic::error(
                value_span(item, key_span),
                format!("unknown language `{code}`"),
                "not a language",
            )
            .with_help("`lang` is \"zh\" or \"en\""),
        );
    }
    lang
}

fn theme(
    item: &Item,
    key_span: &Range<usize>,
    problems: &mut Vec<Diagnostic>,
) -> Option<ThemeName> {
    let names: Vec<&str> = ThemeName::ALL.iter().map(|t| t.as_str()).collect();
    let Some(name) = item.as_str() else {
        problems.push(wrong_type(
            item,
            key_span,
            &format!("`theme` is one of {}", names.join(", ")),
        ));
        return None;
    };
    let theme = ThemeName::parse(name);
    if theme.is_none() {
        problems.push(unknown_word(
            name,
            value_span(item, key_span),
            "theme",
            &names,
        ));
    }
    theme
}

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

pub fn wrong_type(item: &Item, key_span: &Range<usize>, expected: &str) -> Diagnostic {
    Diagnostic::error(
        value_span(item, key_span),
        format!("wrong type: {expected}"),
        "wrong type",
    )
}

/// An unknown key of a table, with a "did you mean" or the keys it takes.
pub fn unknown(name: &str, span: Range<usize>, what: &str, known: &[&str]) -> Diagnostic {
    let diagnostic = Diagnostic::error(
        span,
        format!("unknown key `{name}` in {what}"),
        "unknown key",
    );
    match did_you_mean(name, known) {
        Some(candidate) => diagnostic.with_help(format!("did you mean `{candidate}`?")),
        None => diagnostic.with_help(format!("{what} takes: {}", known.join(", "))),
    }
}

/// An unknown word (a theme, a colour, a key name), with a suggestion.
pub fn unknown_word(word: &str, span: Range<usize>, what: &str, known: &[&str]) -> Diagnostic {
    let diagnostic = Diagnostic::error(
        span,
        format!("unknown {what} `{word}`"),
        format!("not a {what}"),
    );
    match did_you_mean(word, known) {
        Some(candidate) => diagnostic.with_help(format!("did you mean `{candidate}`?")),
        None => diagnostic.with_help(format!("a {what} is one of: {}", known.join(", "))),
    }
}
