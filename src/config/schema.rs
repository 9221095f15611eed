//! `campaigns schema --config`: a JSON Schema (draft 2020-12) of
//! config.toml, built from the lists the loader reads with (the top-level
//! keys, the status words, the action names, the theme and colour names),
//! so the two cannot drift apart (a test reads every key back).

use serde_json::{Map, Value, json};

use super::TOP_KEYS;
use super::colors::status_words;
use crate::tui::keymap::action_names;
use crate::tui::theme::{COLOR_NAMES, ThemeName};

fn top_key(name: &str) -> Value {
    let themes: Vec<&str> = ThemeName::ALL.iter().map(|t| t.as_str()).collect();
    match name {
        "lang" => json!({
            "description": "Language of the interface and of the data text (default: the locale's; --lang wins).",
            "enum": ["zh", "en"]
        }),
        "mouse" => json!({
            "description": "Capture the mouse (default false, so the terminal's own selection works; --mouse and --no-mouse win).",
            "type": "boolean"
        }),
        "screen_reader" => json!({
            "description": "The terminal cursor on the selected row and words for glyphs, for screen readers and braille displays (default false; --screen-reader turns it on).",
            "type": "boolean"
        }),
        "due_soon_days" => json!({
            "description": "How many days after the reporting date count as due soon (default 30). A plan's own [meta] due_soon_days wins over it.",
            "type": "integer",
            "minimum": 0,
            "maximum": 3660
        }),
        "theme" => json!({
            "description": "auto (the usual palette), dark, light or high-contrast (default auto). NO_COLOR and --no-color win over it.",
            "enum": themes
        }),
        "colors" => {
            let properties: Map<String, Value> = status_words()
                .into_iter()
                .map(|word| (word.to_owned(), json!({ "$ref": "#/$defs/color" })))
                .collect();
            json!({
                "description": "A status's colour, over the theme's.",
                "type": "object",
                "properties": properties,
                "additionalProperties": false
            })
        }
        "keys" => {
            let properties: Map<String, Value> = action_names()
                .map(|name| (name.to_owned(), json!({ "$ref": "#/$defs/keys" })))
                .collect();
            json!({
                "description": "Action name → the keys that do it, in every view where it works; [] unbinds it.",
                "type": "object",
                "properties": properties,
                "additionalProperties": false
            })
        }
        _ => json!({}),
    }
}

pub fn schema() -> Value {
    let properties: Map<String, Value> = TOP_KEYS
        .iter()
        .map(|name| ((*name).to_owned(), top_key(name)))
        .collect();
    let colors: Vec<&str> = COLOR_NAMES.iter().map(|(name, _)| *name).collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "campaigns config.toml",
        "description": "The campaigns app's settings: language, mouse, theme, status colours and keys.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
        "$defs": {
            "color": {
                "description": "One of the 16 ANSI colours, or default (the terminal's foreground).",
                "enum": colors
            },
            "keys": {
                "description": "Key names as the help shows them: one character (k, G, ?), Ctrl- and a letter, Enter, Esc, Backspace, Tab, Shift-Tab, Up/↑, Down/↓, Left/←, Right/→, Home, End, PgUp, PgDn, Delete, Insert, Space.",
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "uniqueItems": true
            }
        }
    })
}

pub fn render() -> String {
    let mut out = serde_json::to_string_pretty(&schema()).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::config::Config;

    fn properties(node: &Value) -> BTreeSet<String> {
        node["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// The schema's keys are the loader's: each one it describes is read,
    /// and the loader's lists are exactly what it describes.
    #[test]
    fn schema_keys_are_the_keys_the_loader_takes() {
        let schema = schema();
        let top: BTreeSet<String> = TOP_KEYS.iter().map(|k| k.to_string()).collect();
        assert_eq!(properties(&schema), top);
        let statuses: BTreeSet<String> = status_words().iter().map(|k| k.to_string()).collect();
        assert_eq!(properties(&schema["properties"]["colors"]), statuses);
        let actions: BTreeSet<String> = action_names().map(str::to_owned).collect();
        assert_eq!(properties(&schema["properties"]["keys"]), actions);

        // A file with every key the schema describes loads.
        let mut text = String::from(
            "lang = \"zh\"\nmouse = true\nscreen_reader = true\ndue_soon_days = 45\ntheme = \"light\"\n[colors]\n",
        );
        for status in &statuses {
            text.push_str(&format!("{status} = \"blue\"\n"));
        }
        text.push_str("[keys]\n");
        for action in &actions {
            let keys = if action == "quit" { "[\"X\"]" } else { "[]" };
            text.push_str(&format!("{action} = {keys}\n"));
        }
        let config = Config::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(config.keys.len(), actions.len());
        // And one it does not is refused at every level.
        for extra in [
            "colour = 1\n",
            "[colors]\nlate = \"red\"\n",
            "[keys]\njump-to = []\n",
        ] {
            assert!(Config::parse(extra).is_err(), "{extra}");
        }
    }

    #[test]
    fn every_enum_is_the_loaders() {
        let schema = schema();
        for theme in schema["properties"]["theme"]["enum"].as_array().unwrap() {
            let text = format!("theme = {theme}\n");
            assert!(Config::parse(&text).is_ok(), "{text}");
        }
        for color in schema["$defs"]["color"]["enum"].as_array().unwrap() {
            let text = format!("[colors]\ndone = {color}\n");
            assert!(Config::parse(&text).is_ok(), "{text}");
        }
    }
}
