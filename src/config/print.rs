//! `campaigns config`: the configuration in force as a config.toml that can
//! be saved and edited: every key with its value, what it does and its
//! default, and where it was read from.

use std::fmt::Write;

use super::colors::status_words;
use super::keys::context_words;
use super::{Config, Source};
use crate::model::{DEFAULT_DUE_SOON_DAYS, Lang};
use crate::text::sanitize_line;
use crate::tui::action::Command;
use crate::tui::keymap::{self, ACTIONS, BINDINGS, Key, named_keys, same_action};
use crate::tui::theme::{ALL_STATUSES, COLOR_NAMES, ThemeName, color_name};

/// The text; `locale_lang` is what `lang` is when the file does not say.
pub fn render(config: &Config, source: &Source, locale_lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, source);
    settings(&mut out, config, locale_lang);
    colors(&mut out, config);
    keys(&mut out, config);
    out
}

fn header(out: &mut String, source: &Source) {
    out.push_str("# campaigns: the configuration in force.\n");
    let _ = match source {
        Source::File(path) => writeln!(out, "# Read from {}.", shown(path)),
        Source::Missing(path) => writeln!(
            out,
            "# No file at {}: these are the defaults (save this output there to edit them).",
            shown(path)
        ),
        Source::Unreadable { path, reason } => writeln!(
            out,
            "# {} cannot be read ({}): these are the defaults.",
            shown(path),
            sanitize_line(reason)
        ),
        Source::Nowhere => writeln!(
            out,
            "# No config file (neither XDG_CONFIG_HOME nor HOME is set): these are the defaults."
        ),
    };
    out.push_str(
        "# Flags win over this file (--lang, --mouse, --no-mouse, --screen-reader, --no-color); NO_COLOR turns colour off\n\
         # whatever the theme. Every key is optional.\n\n",
    );
}

fn settings(out: &mut String, config: &Config, locale_lang: Lang) {
    out.push_str("# Language of the interface and of the data text: \"zh\" or \"en\".\n");
    let _ = writeln!(
        out,
        "# Default: the locale's (LC_ALL, LC_MESSAGES, LANG), here \"{}\".",
        locale_lang.code()
    );
    let _ = match config.lang {
        Some(lang) => writeln!(out, "lang = \"{}\"\n", lang.code()),
        None => writeln!(out, "# lang = \"{}\"\n", locale_lang.code()),
    };
    out.push_str(
        "# Capture the mouse (the wheel scrolls, a click selects). Default: false, so the\n\
         # terminal's own selection can copy figures.\n",
    );
    let _ = writeln!(out, "mouse = {}\n", config.mouse.unwrap_or(false));
    out.push_str(
        "# For screen readers and braille displays: the terminal cursor stands on the\n\
         # selected row and on a prompt's text, and words stand for symbols and gauges.\n\
         # Default: false.\n",
    );
    let _ = writeln!(
        out,
        "screen_reader = {}\n",
        config.screen_reader.unwrap_or(false)
    );
    out.push_str(
        "# Days after the reporting date that count as due soon (the `t` list, the brief).\n\
         # A plan's own [meta] due_soon_days wins over this. Default: 30.\n",
    );
    let _ = match config.due_soon_days {
        Some(days) => writeln!(out, "due_soon_days = {days}\n"),
        None => writeln!(out, "# due_soon_days = {DEFAULT_DUE_SOON_DAYS}\n"),
    };
    out.push_str(
        "# Colours: \"auto\" (the usual palette), \"dark\" (for a dark background), \"light\"\n\
         # (for a light one), \"high-contrast\" (bold; reads on dark and light). Default: \"auto\".\n",
    );
    let _ = writeln!(out, "theme = \"{}\"\n", config.palette.theme.as_str());
    debug_assert!(ThemeName::parse(config.palette.theme.as_str()).is_some());
}

fn colors(out: &mut String, config: &Config) {
    let names: Vec<&str> = COLOR_NAMES.iter().map(|(name, _)| *name).collect();
    out.push_str("# A status's colour, over the theme's (bold stays): one of\n");
    let _ = writeln!(out, "# {}.", names.join(", "));
    let _ = writeln!(
        out,
        "# Statuses: {}. Not set: the theme's, shown commented.",
        status_words().join(", ")
    );
    out.push_str("[colors]\n");
    for status in ALL_STATUSES {
        let set = config.palette.status[status as usize];
        let color = config.palette.status(status).fg;
        let name = color.map_or("default", color_name);
        let _ = match set {
            Some(_) => writeln!(out, "{} = \"{name}\"", status.as_str()),
            None => writeln!(out, "# {} = \"{name}\"", status.as_str()),
        };
    }
    out.push('\n');
}

fn keys(out: &mut String, config: &Config) {
    out.push_str(
        "# Keys: action = the keys that do it, in every view where the action works; []\n\
         # unbinds it. A key is one character (k, G, ?), Ctrl- and a letter, or one of\n",
    );
    let _ = writeln!(out, "# {}.", named_keys().collect::<Vec<_>>().join(", "));
    out.push_str(
        "# Prompts keep their own keys, except submit and delete-char, which act only there\n\
         # and take no plain characters (those are text). Ctrl-C always quits; `quit` keeps\n\
         # a key. The help shows the keys in force. A key bound to two actions in one view\n\
         # is an error. Not set: the defaults, shown commented.\n",
    );
    out.push_str("[keys]\n");
    for (name, command) in ACTIONS {
        let rows: Vec<_> = BINDINGS
            .iter()
            .filter(|b| same_action(b.command, *command))
            .collect();
        let Some(first) = rows.first() else { continue };
        let (mut what, mut where_) = (vec![first.help_en], Vec::new());
        for row in &rows {
            let words = context_words(row.context);
            if !where_.contains(&words) {
                where_.push(words);
            }
            if !what.contains(&row.help_en) {
                what.push(row.help_en);
            }
        }
        let _ = writeln!(out, "# {}", what.join("; "));
        let _ = writeln!(out, "#   in {}", where_.join(", "));
        let defaults = union(rows.iter().flat_map(|b| b.keys.iter().copied()));
        let given = config.keys.iter().find(|(n, _)| n == name);
        if matches!(command, Command::Jump(_)) {
            let _ = match given {
                Some(_) => writeln!(out, "jump = []"),
                None => writeln!(
                    out,
                    "# jump: the digits 1-9; only `jump = []` (unbind) can be set"
                ),
            };
            continue;
        }
        match given {
            Some((_, keys)) => {
                let _ = writeln!(out, "{name} = {}", list(keys));
                let _ = writeln!(out, "# default: {}", list(&defaults));
            }
            None => {
                let _ = writeln!(out, "# {name} = {}", list(&defaults));
            }
        }
    }
    debug_assert!(keymap::action_names().count() == ACTIONS.len());
}

/// Keys in order, each once.
fn union(keys: impl Iterator<Item = Key>) -> Vec<Key> {
    let mut out: Vec<Key> = Vec::new();
    for key in keys {
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// `["k", "Up"]`, as TOML strings.
fn list(keys: &[Key]) -> String {
    let items: Vec<String> = keys.iter().map(|k| toml_string(&k.name())).collect();
    format!("[{}]", items.join(", "))
}

/// `name` as a TOML string that shows no character the sanitiser would
/// stop (a bidi override bound as a key): each is written as its `\uXXXX`
/// escape, which reads back as the same key.
fn toml_string(name: &str) -> String {
    if !name.chars().any(crate::text::is_unsafe) {
        return toml_edit::Value::from(name).to_string().trim().to_owned();
    }
    let mut out = String::from("\"");
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if crate::text::is_unsafe(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn shown(path: &std::path::Path) -> String {
    sanitize_line(&path.display().to_string())
}
