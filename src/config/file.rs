//! The file's top level: `lang`, `mouse`, `screen_reader`,
//! `due_soon_days`, `theme`, `[colors]`, `[keys]`.
//! Parsed with `toml_edit`, whose spans give every problem its place; all
//! problems are collected, not just the first.

use std::ops::Range;

use toml_edit::{Document, Item};

use super::spans::{key_span, unknown, unknown_word, value_span, wrong_type};
use super::{Config, colors, keys};
use crate::load::{Diagnostic, Words};
use crate::model::Lang;
use crate::tui::theme::ThemeName;

/// The keys the top level takes (the schema is built from the same list).
pub const TOP_KEYS: &[&str] = &[
    "lang",
    "mouse",
    "screen_reader",
    "due_soon_days",
    "theme",
    "colors",
    "keys",
];

/// The most days `due_soon_days` may look ahead: ten years, as in the plan.
const MAX_DUE_SOON_DAYS: u32 = 3660;

pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let document = Document::parse(text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        vec![Diagnostic::error(
            span,
            Words::new(
                format!("TOML syntax: {}", err.message().trim()),
                format!("TOML 语法错误：{}", err.message().trim()),
            ),
            Words::new("here", "此处"),
        )]
    })?;
    let mut problems = Vec::new();
    let mut config = Config::default();
    let root = document.as_table();
    for (name, item) in root.iter() {
        let key_span = key_span(root, name);
        match name {
            "lang" => config.lang = lang(item, &key_span, &mut problems),
            "mouse" => config.mouse = flag(name, item, &key_span, &mut problems),
            "screen_reader" => config.screen_reader = flag(name, item, &key_span, &mut problems),
            "due_soon_days" => config.due_soon_days = due_soon_days(item, &key_span, &mut problems),
            "theme" => {
                config.palette.theme = theme(item, &key_span, &mut problems).unwrap_or_default();
            }
            "colors" => match item.as_table_like() {
                Some(table) => {
                    config.palette.status = colors::parse(table, &mut problems);
                }
                None => problems.push(wrong_type(
                    item,
                    &key_span,
                    Words::new("[colors] must be a table", "`[colors]` 应为表"),
                )),
            },
            "keys" => match item.as_table_like() {
                Some(table) => {
                    if let Some((keymap, given)) = keys::parse(table, &mut problems) {
                        config.keymap = keymap;
                        config.keys = given;
                    }
                }
                None => problems.push(wrong_type(
                    item,
                    &key_span,
                    Words::new("[keys] must be a table", "`[keys]` 应为表"),
                )),
            },
            other => problems.push(unknown(
                other,
                key_span,
                Words::new("the config file", "配置文件顶层"),
                TOP_KEYS,
            )),
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
        problems.push(wrong_type(item, key_span, lang_words()));
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
                Words::new(
                    format!("unknown language `{code}`"),
                    format!("未知的语言 `{code}`"),
                ),
                Words::new("not a language", "不是语言代码"),
            )
            .with_help(lang_words()),
        );
    }
    lang
}

/// A key that is `true` or `false` (`mouse`, `screen_reader`).
fn flag(
    name: &str,
    item: &Item,
    key_span: &Range<usize>,
    problems: &mut Vec<Diagnostic>,
) -> Option<bool> {
    let on = item.as_bool();
    if on.is_none() {
        problems.push(wrong_type(
            item,
            key_span,
            Words::new(
                format!("`{name}` is true or false"),
                format!("`{name}` 应为 `true` 或 `false`"),
            ),
        ));
    }
    on
}

/// `due_soon_days`: whole days from 0 to ten years, as the plan's own
/// `[meta] due_soon_days` (which wins over it where a file states one).
fn due_soon_days(
    item: &Item,
    key_span: &Range<usize>,
    problems: &mut Vec<Diagnostic>,
) -> Option<u32> {
    let days = match (item.as_integer(), item.as_float()) {
        (Some(days), _) => days as f64,
        (None, Some(days)) => days,
        (None, None) => {
            problems.push(wrong_type(item, key_span, due_soon_words()));
            return None;
        }
    };
    if (0.0..=f64::from(MAX_DUE_SOON_DAYS)).contains(&days) && days.fract() == 0.0 {
        return Some(days as u32);
    }
    problems.push(Diagnostic::error(
        value_span(item, key_span),
        due_soon_words(),
        Words::new("days, like 30", "天数，如 `30`"),
    ));
    None
}

fn due_soon_words() -> Words {
    Words::new(
        "`due_soon_days` must be a whole number of days from 0 to 3660",
        "`due_soon_days` 应为 0 到 3660 之间的整天数",
    )
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
            Words::new(
                format!("`theme` is one of {}", names.join(", ")),
                format!("`theme` 可选：{}", crate::load::backticked(&names)),
            ),
        ));
        return None;
    };
    let theme = ThemeName::parse(name);
    if theme.is_none() {
        problems.push(unknown_word(
            name,
            value_span(item, key_span),
            Words::new("theme", "主题"),
            &names,
        ));
    }
    theme
}

fn lang_words() -> Words {
    Words::new(
        "`lang` is \"zh\" or \"en\"",
        "`lang` 应为 `\"zh\"` 或 `\"en\"`",
    )
}
