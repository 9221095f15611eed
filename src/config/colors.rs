//! `[colors]`: a status word → one of the 16 ANSI colour names.

use toml_edit::TableLike;

use super::spans::{key_span, unknown, unknown_word, value_span, wrong_type};
use crate::load::{Diagnostic, Words};
use crate::model::Status;
use crate::tui::theme::{ALL_STATUSES, COLOR_NAMES, parse_color};

use ratatui::style::Color;

/// The status words `[colors]` takes.
pub fn status_words() -> Vec<&'static str> {
    ALL_STATUSES.iter().map(|s| s.as_str()).collect()
}

pub fn parse(
    table: &dyn TableLike,
    problems: &mut Vec<Diagnostic>,
) -> [Option<Color>; ALL_STATUSES.len()] {
    let mut colors = [None; ALL_STATUSES.len()];
    let words = status_words();
    let names: Vec<&str> = COLOR_NAMES.iter().map(|(name, _)| *name).collect();
    for (word, item) in table.iter() {
        let span = key_span(table, word);
        let Some(status) = Status::parse(word) else {
            problems.push(unknown(
                word,
                span,
                Words::new("[colors]", "`[colors]` 表"),
                &words,
            ));
            continue;
        };
        let Some(name) = item.as_str() else {
            problems.push(wrong_type(
                item,
                &span,
                Words::new("a colour name such as \"red\"", "颜色名，如 `\"red\"`"),
            ));
            continue;
        };
        match parse_color(name) {
            Some(color) => colors[status as usize] = Some(color),
            None => problems.push(unknown_word(
                name,
                value_span(item, &span),
                Words::new("colour", "颜色"),
                &names,
            )),
        }
    }
    colors
}
