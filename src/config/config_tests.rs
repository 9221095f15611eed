use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::tui::action::Command;
use crate::tui::keymap::Context;

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn errors(text: &str) -> Vec<String> {
    Config::parse(text)
        .expect_err(text)
        .iter()
        .map(|d| d.headline(text, "config.toml", Lang::En))
        .collect()
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(Config::parse("").unwrap(), Config::default());
}

#[test]
fn the_default_table_has_no_clash_across_tiers() {
    // Every default, tiers included, passes the check a config file gets.
    let text = "[keys]\nup = [\"k\", \"Up\"]\n";
    assert!(Config::parse(text).is_ok());
}

#[test]
fn a_remap_replaces_the_keys_in_every_context_of_the_action() {
    let config =
        Config::parse("[keys]\nquit = [\"X\"]\ndown = [\"n\", \"Down\"]\nnext-match = [\"m\"]\n")
            .unwrap();
    let keys = &config.keymap;
    assert_eq!(
        keys.lookup(&press('X'), Context::Campaign),
        Some(Command::Quit)
    );
    assert_eq!(keys.lookup(&press('Q'), Context::Campaign), None);
    assert_eq!(
        keys.lookup(&press('n'), Context::Overview),
        Some(Command::Down)
    );
    assert_eq!(
        keys.lookup(&press('n'), Context::Campaign),
        Some(Command::Down)
    );
    // In a prompt `n` is text, the arrow still moves.
    assert_eq!(keys.lookup(&press('n'), Context::Filter), None);
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(keys.lookup(&down, Context::Filter), Some(Command::Down));
    // Ctrl-C still quits, even in a prompt.
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(keys.lookup(&ctrl_c, Context::Filter), Some(Command::Quit));
}

#[test]
fn an_empty_list_unbinds_but_quit_keeps_a_key() {
    let config = Config::parse("[keys]\ncycle-sort = []\n").unwrap();
    assert_eq!(config.keymap.lookup(&press('s'), Context::Campaign), None);
    let errors = errors("[keys]\nquit = []\n");
    assert_eq!(errors, ["config.toml:2:8: error: `quit` needs a key"]);
}

#[test]
fn a_key_taken_from_a_default_is_named() {
    let errors = errors("[keys]\ntop = [\"k\"]\n");
    assert_eq!(
        errors,
        ["config.toml:2:8: error: key `k` is bound to both `up` and `top` in the overview"]
    );
}

#[test]
fn a_key_given_to_two_global_actions_names_both_places() {
    let errors = errors("[keys]\nreload = [\"x\"]\n\ntoggle-lang = [\"x\"]\n");
    assert_eq!(
        errors,
        [
            "config.toml:4:16: error: key `x` is bound to both `reload` and `toggle-lang` in every view (and config.toml:2:11)"
        ]
    );
}

#[test]
fn moving_a_key_away_frees_it() {
    // `k` leaves `up`, so `top` may take it.
    let config = Config::parse("[keys]\nup = [\"Up\"]\ntop = [\"k\", \"Home\"]\n").unwrap();
    assert_eq!(
        config.keymap.lookup(&press('k'), Context::Help),
        Some(Command::Top)
    );
}

#[test]
fn every_kind_of_error_has_its_place() {
    let cases = [
        (
            "lang = \"fr\"\n",
            "config.toml:1:8: error: unknown language `fr`",
        ),
        (
            "mouse = 1\n",
            "config.toml:1:9: error: wrong type: `mouse` is true or false",
        ),
        (
            "screen_reader = \"yes\"\n",
            "config.toml:1:17: error: wrong type: `screen_reader` is true or false",
        ),
        (
            "theme = \"lite\"\n",
            "config.toml:1:9: error: unknown theme `lite`",
        ),
        (
            "colour = 1\n",
            "config.toml:1:1: error: unknown key `colour` in the config file",
        ),
        (
            "[colors]\nlate = \"red\"\n",
            "config.toml:2:1: error: unknown key `late` in [colors]",
        ),
        (
            "[colors]\ndone = \"orange\"\n",
            "config.toml:2:8: error: unknown colour `orange`",
        ),
        (
            "[keys]\nleap = [\"x\"]\n",
            "config.toml:2:1: error: unknown key `leap` in [keys] (an action)",
        ),
        (
            "[keys]\nup = [\"Upp\"]\n",
            "config.toml:2:7: error: unknown key name `Upp`",
        ),
        (
            "[keys]\nup = \"k\"\n",
            "config.toml:2:6: error: wrong type: a list of keys such as [\"k\", \"Up\"]",
        ),
        (
            "[keys]\nup = [\"k\", \"k\"]\n",
            "config.toml:2:12: error: key `k` is listed twice for `up` (and config.toml:2:7)",
        ),
        (
            "[keys]\njump = [\"x\"]\n",
            "config.toml:2:8: error: `jump` keys cannot be changed",
        ),
        (
            "lang = \n",
            "config.toml:1:8: error: TOML syntax: string values must be quoted, expected literal string",
        ),
    ];
    for (text, expected) in cases {
        let errors = errors(text);
        assert_eq!(errors.len(), 1, "{text}: {errors:?}");
        assert!(errors[0].starts_with(expected), "{text}: {errors:?}");
    }
}

/// `submit` and `delete-char` act only in prompts, `suspend` in every view
/// and prompt alike: a plain character given to them is typed as text and
/// never acts. Such a binding passed the check and then did nothing.
#[test]
fn a_character_where_it_would_be_typed_as_text_is_refused_at_its_place() {
    for (text, place, key, action) in [
        (
            "[keys]\nsubmit = [\"x\"]\n",
            "config.toml:2:11",
            "x",
            "submit",
        ),
        (
            "[keys]\nsubmit = [\"Enter\", \"s\"]\n",
            "config.toml:2:20",
            "s",
            "submit",
        ),
        (
            "[keys]\ndelete-char = [\"d\"]\n",
            "config.toml:2:16",
            "d",
            "delete-char",
        ),
        (
            "[keys]\nsuspend = [\"z\"]\n",
            "config.toml:2:12",
            "z",
            "suspend",
        ),
    ] {
        let found = errors(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].contains(place), "{text}: {found:?}");
        assert!(
            found[0].contains(&format!("key `{key}` cannot act for `{action}`")),
            "{found:?}"
        );
    }
    // Named keys and Ctrl- keys act there; a character acts for an action
    // that also works outside prompts.
    for text in [
        "[keys]\nsubmit = [\"Enter\", \"Ctrl-J\"]\n",
        "[keys]\ndelete-char = [\"Backspace\", \"Delete\"]\n",
        "[keys]\nquit = [\"X\"]\n",
    ] {
        assert!(Config::parse(text).is_ok(), "{text}");
    }
}

/// A key name that the sanitiser would stop (a bidi override) is printed by
/// `campaigns config` as its escape, never raw, and reads back the same.
#[test]
fn a_bidi_override_bound_as_a_key_is_printed_escaped() {
    let text = "[keys]\nreload = [\"\u{202E}\", \"R\"]\n";
    let config = Config::parse(text).unwrap();
    let printed = print::render(&config, &Source::Nowhere, Lang::En);
    assert!(
        !printed
            .chars()
            .any(|c| c != '\n' && crate::text::is_unsafe(c)),
        "{printed}"
    );
    assert!(
        printed.contains("reload = [\"\\u202E\", \"R\"]"),
        "{printed}"
    );
    assert_eq!(Config::parse(&printed).unwrap().keymap, config.keymap);
}

/// `screen_reader` is read like `mouse`, printed by `campaigns config`, and a
/// misspelt key is named with the right one.
#[test]
fn screen_reader_is_read_printed_and_hinted() {
    let config = Config::parse("screen_reader = true\n").unwrap();
    assert_eq!(config.screen_reader, Some(true));
    let printed = print::render(&config, &Source::Nowhere, Lang::En);
    assert!(printed.contains("\nscreen_reader = true\n"), "{printed}");
    assert_eq!(Config::parse(&printed).unwrap().screen_reader, Some(true));
    let found = Config::parse("screen_readr = true\n").unwrap_err();
    assert_eq!(found.len(), 1, "{found:?}");
    let headline = found[0].headline("screen_readr = true\n", "config.toml", Lang::En);
    assert!(
        headline.contains("unknown key `screen_readr`"),
        "{headline}"
    );
    let help = found[0].help.as_ref().map(|h| h.en.to_string());
    assert!(
        help.as_deref().is_some_and(|h| h.contains("screen_reader")),
        "{help:?}"
    );
}

/// `due_soon_days` is whole days from 0 to 3660, as the plan's: read,
/// printed by `campaigns config` (commented out when not set), refused
/// at its place in both languages, and a misspelt key is named.
#[test]
fn due_soon_days_is_read_printed_and_refused_at_its_place() {
    let config = Config::parse("due_soon_days = 60\n").unwrap();
    assert_eq!(config.due_soon_days, Some(60));
    assert_eq!(
        Config::parse("due_soon_days = 0\n").unwrap().due_soon_days,
        Some(0)
    );
    let printed = print::render(&config, &Source::Nowhere, Lang::En);
    assert!(printed.contains("\ndue_soon_days = 60\n"), "{printed}");
    assert_eq!(Config::parse(&printed).unwrap().due_soon_days, Some(60));
    let default = print::render(&Config::default(), &Source::Nowhere, Lang::En);
    assert!(default.contains("\n# due_soon_days = 30\n"), "{default}");
    assert_eq!(Config::parse(&default).unwrap().due_soon_days, None);

    let text = "lang = \"en\"\ndue_soon_days = \"thirty\"\n";
    assert_eq!(
        errors(text),
        [
            "config.toml:2:17: error: wrong type: `due_soon_days` must be a whole number of days from 0 to 3660"
        ]
    );
    let zh = Config::parse(text).unwrap_err()[0].headline(text, "config.toml", Lang::Zh);
    assert!(zh.starts_with("config.toml:2:17:"), "{zh}");
    assert!(
        zh.contains("类型有误：`due_soon_days` 应为 0 到 3660 之间的整天数"),
        "{zh}"
    );
    for value in ["3661", "-1", "2.5"] {
        let text = format!("\ndue_soon_days = {value}\n");
        assert_eq!(
            errors(&text),
            [
                "config.toml:2:17: error: `due_soon_days` must be a whole number of days from 0 to 3660"
            ],
            "{value}"
        );
        let zh = Config::parse(&text).unwrap_err()[0].headline(&text, "config.toml", Lang::Zh);
        assert!(zh.starts_with("config.toml:2:17:"), "{zh}");
        assert!(
            zh.contains("`due_soon_days` 应为 0 到 3660 之间的整天数"),
            "{zh}"
        );
    }
    let found = Config::parse("due_soon_day = 7\n").unwrap_err();
    let help = found[0].help.as_ref().map(|h| h.en.to_string());
    assert!(
        help.as_deref().is_some_and(|h| h.contains("due_soon_days")),
        "{help:?}"
    );
}
