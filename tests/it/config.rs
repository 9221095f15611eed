//! The config file on the real binary: every kind of error with its
//! `config.toml:LINE:COL` (exit 2, before any command runs, with or without
//! a terminal), `campaigns config` round-tripping, a remap shown in the
//! help, the light theme's colours, and NO_COLOR over any theme.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The binary with a home of its own (no user config is ever read) and a
/// fixed locale.
fn campaigns(home: &Path) -> Command {
    let mut command = crate::binary::assert_command();
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LC_CTYPE")
        .env_remove("NO_COLOR");
    command
}

fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn stderr_of(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty(), "nothing runs: {output:?}");
    String::from_utf8(output.stderr).unwrap()
}

/// Each kind of error, the file that has it, and the place and words the
/// message must give.
const ERRORS: &[(&str, &str, &[&str])] = &[
    (
        "syntax",
        "lang = \"en\"\ntheme = dark\n",
        &["config.toml:2:9", "TOML syntax"],
    ),
    (
        "unknown top-level key",
        "lang = \"en\"\ncolour = true\n",
        &[
            "config.toml:2:1",
            "unknown key `colour`",
            "did you mean `colors`?",
        ],
    ),
    (
        "unknown language",
        "lang = \"fr\"\n",
        &["config.toml:1:8", "unknown language `fr`"],
    ),
    (
        "wrong type",
        "mouse = \"yes\"\n",
        &["config.toml:1:9", "wrong type"],
    ),
    (
        "unknown theme",
        "theme = \"lite\"\n",
        &[
            "config.toml:1:9",
            "unknown theme `lite`",
            "auto, dark, light, high-contrast",
        ],
    ),
    (
        "unknown status",
        "[colors]\nbehnd = \"red\"\n",
        &[
            "config.toml:2:1",
            "unknown key `behnd` in [colors]",
            "did you mean `behind`?",
        ],
    ),
    (
        "unknown colour",
        "[colors]\ndone = \"orange\"\n",
        &["config.toml:2:8", "unknown colour `orange`"],
    ),
    (
        "unknown action",
        "[keys]\nquit-anywhere = [\"X\"]\n",
        &[
            "config.toml:2:1",
            "unknown key `quit-anywhere` in [keys]",
            "did you mean `quit`?",
        ],
    ),
    (
        "unknown key name",
        "[keys]\nreload = [\"F5\"]\n",
        &["config.toml:2:11", "unknown key name `F5`"],
    ),
    (
        "key bound twice in the file",
        "[keys]\nreload = [\"x\"]\ntoggle-lang = [\"x\"]\n",
        &[
            "config.toml:3:16",
            "config.toml:2:11",
            "key `x` is bound to both `reload` and `toggle-lang` in every view",
        ],
    ),
    (
        "key taken from a default",
        "[keys]\nundo = [\"s\"]\n",
        &[
            "config.toml:2:9",
            "key `s` is bound to both `cycle-sort` and `undo` in a campaign",
            "the default binding of `cycle-sort`",
        ],
    ),
    (
        "key listed twice",
        "[keys]\nup = [\"k\", \"k\"]\n",
        &["config.toml:2:12", "config.toml:2:7", "listed twice"],
    ),
    (
        "quit unbound",
        "[keys]\nquit = []\n",
        &["config.toml:2:8", "`quit` needs a key"],
    ),
    (
        "a character for a prompt's action",
        "[keys]\nsubmit = [\"x\"]\n",
        &[
            "config.toml:2:11",
            "key `x` cannot act for `submit`",
            "a named key",
        ],
    ),
];

#[test]
fn every_kind_of_error_names_its_place_on_config_check() {
    for (kind, text, expected) in ERRORS {
        let dir = tempfile::tempdir().unwrap();
        let path = write_config(dir.path(), text);
        let stderr = stderr_of(
            campaigns(dir.path())
                .args(["config", "--check", "--config"])
                .arg(&path),
        );
        for words in *expected {
            assert!(stderr.contains(words), "{kind}: {words:?} in\n{stderr}");
        }
        // The line itself, under the place, like the plan's diagnostics.
        assert!(stderr.contains(" | "), "{kind}:\n{stderr}");
    }
}

#[test]
fn every_kind_of_error_stops_the_other_commands_too() {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("campaigns.toml");
    for (kind, text, expected) in ERRORS {
        let dir = tempfile::tempdir().unwrap();
        // At the default place this time: found through XDG_CONFIG_HOME.
        let config_dir = dir.path().join("xdg/campaigns");
        std::fs::create_dir_all(&config_dir).unwrap();
        write_config(&config_dir, text);
        for args in [&["report"][..], &["check"], &["render", "--size", "80x24"]] {
            let stderr = stderr_of(campaigns(dir.path()).args(args).arg(&plan));
            assert!(
                stderr.contains(expected[0]),
                "{kind} on {args:?}:\n{stderr}"
            );
            assert!(stderr.contains("nothing was run"), "{stderr}");
        }
    }
}

#[test]
fn a_missing_file_is_the_defaults_only_at_the_default_place() {
    let dir = tempfile::tempdir().unwrap();
    let output = campaigns(dir.path())
        .args(["config", "--check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("not found; the defaults are OK"),
        "{stdout}"
    );

    let stderr = stderr_of(
        campaigns(dir.path())
            .args(["config", "--check", "--config"])
            .arg(dir.path().join("nope.toml")),
    );
    assert!(stderr.contains("nope.toml"), "{stderr}");
}

#[test]
fn a_valid_file_checks_ok() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(dir.path(), "theme = \"light\"\n[keys]\nquit = [\"X\"]\n");
    let assert = campaigns(dir.path())
        .args(["config", "--check", "--config"])
        .arg(&path)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.ends_with(": OK\n"), "{stdout}");
}

/// What `campaigns config` prints is a config file: read back, it is the
/// same configuration, and it names every action and key it has.
#[test]
fn campaigns_config_prints_a_file_that_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let text = "lang = \"zh\"\ntheme = \"light\"\n[colors]\ndone = \"magenta\"\n[keys]\nquit = [\"X\"]\ncycle-sort = []\nup = [\"k\", \"Up\", \"w\"]\n";
    let path = write_config(dir.path(), text);
    let assert = campaigns(dir.path())
        .arg("config")
        .arg("--config")
        .arg(&path)
        .assert()
        .success();
    let printed = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        printed.contains(&format!("# Read from {}", path.display())),
        "{printed}"
    );
    for action in campaigns::tui::keymap::action_names() {
        let listed = printed.contains(&format!("\n{action} = "))
            || printed.contains(&format!("\n# {action} = "))
            || printed.contains(&format!("\n# {action}: "));
        assert!(listed, "{action} in\n{printed}");
    }
    assert!(
        printed.contains("quit = [\"X\"]\n# default: [\"Q\", \"Ctrl-C\"]"),
        "{printed}"
    );
    assert!(printed.contains("done = \"magenta\""), "{printed}");
    assert!(printed.contains("# overdue = \"red\""), "{printed}");
    let given = campaigns::config::Config::parse(text).unwrap();
    let again = campaigns::config::Config::parse(&printed).unwrap();
    assert_eq!(again.keymap, given.keymap);
    assert_eq!(again.palette, given.palette);
    assert_eq!(again.lang, given.lang);

    // With no file: the defaults, and the place that was looked at.
    let assert = campaigns(dir.path()).arg("config").assert().success();
    let printed = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(printed.contains("# No file at "), "{printed}");
    assert!(printed.contains("xdg/campaigns/config.toml"), "{printed}");
    assert_eq!(
        campaigns::config::Config::parse(&printed).unwrap(),
        campaigns::config::Config {
            mouse: Some(false),
            screen_reader: Some(false),
            palette: Default::default(),
            ..Default::default()
        }
    );
}

#[test]
fn schema_config_prints_the_config_schema() {
    let dir = tempfile::tempdir().unwrap();
    let assert = campaigns(dir.path())
        .args(["schema", "--config"])
        .assert()
        .success();
    let schema: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(schema["title"], "campaigns config.toml");
    assert!(schema["properties"]["keys"]["properties"]["next-match"].is_object());
    // Anywhere else `--config` needs its PATH.
    let stderr = stderr_of(campaigns(dir.path()).args(["check", "--config"]));
    assert!(stderr.contains("--config needs a PATH"), "{stderr}");
}

fn render(home: &Path, config: &Path, args: &[&str]) -> String {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("campaigns.toml");
    let assert = campaigns(home)
        .arg("render")
        .arg(plan)
        .args(["--as-of", "2024-12-31", "--lang", "en", "--config"])
        .arg(config)
        .args(args)
        .assert()
        .success();
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

/// The help is generated from the keys in force.
#[test]
fn a_remap_is_seen_in_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(
        dir.path(),
        "[keys]\nquit = [\"X\"]\ncycle-sort = []\nnext-match = [\"m\"]\n",
    );
    let help = render(dir.path(), &path, &["--view", "help", "--size", "200x60"]);
    let line = |words: &str| {
        help.lines()
            .find(|line| line.contains(words))
            .unwrap_or_else(|| panic!("{words:?} in\n{help}"))
            .to_owned()
    };
    assert!(line("quit from anywhere").contains(" X "), "{help}");
    assert!(!line("quit from anywhere").contains(" Q "), "{help}");
    assert!(line("next search result").contains(" m "), "{help}");
    assert!(
        !help.contains("sort: status"),
        "an unbound action is not listed:\n{help}"
    );

    let defaults = write_config(dir.path(), "");
    let help = render(
        dir.path(),
        &defaults,
        &["--view", "help", "--size", "200x60"],
    );
    assert!(help.contains("sort: status"), "{help}");
}

/// SGR codes made visible (`⟦1;34⟧`), so the snapshot can be read.
fn visible(ansi: &str) -> String {
    let mut out = String::new();
    let mut parts = ansi.split("\x1b[");
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        let (codes, rest) = part.split_once('m').unwrap_or(("", part));
        let codes = codes.strip_prefix("0;").unwrap_or(codes);
        out.push_str(&format!("⟦{codes}⟧{rest}"));
    }
    out
}

/// Yellow, cyan and green (plain and bright) fade on white.
const FADING_ON_WHITE: [&str; 6] = ["32", "33", "36", "92", "93", "96"];

fn fg_codes(ansi: &str) -> Vec<String> {
    ansi.split("\x1b[")
        .skip(1)
        .filter_map(|sgr| sgr.split_once('m'))
        .flat_map(|(codes, _)| codes.split(';').map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn the_light_theme_draws_in_colours_that_read_on_white() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(dir.path(), "theme = \"light\"\n");
    let frame = render(
        dir.path(),
        &path,
        &["--color", "--view", "blue-sky", "--size", "80x24"],
    );
    let codes = fg_codes(&frame);
    assert!(codes.iter().any(|c| c == "34"), "blue is used: {codes:?}");
    for fading in FADING_ON_WHITE {
        assert!(
            !codes.iter().any(|c| c == fading),
            "{fading} in\n{}",
            visible(&frame)
        );
    }
    insta::assert_snapshot!("light_blue-sky_80x24_en", visible(&frame));

    // The default palette does use them: the check above can fail.
    let auto = write_config(dir.path(), "");
    let frame = render(
        dir.path(),
        &auto,
        &["--color", "--view", "blue-sky", "--size", "80x24"],
    );
    let codes = fg_codes(&frame);
    assert!(FADING_ON_WHITE.iter().any(|f| codes.iter().any(|c| c == f)));
}

#[test]
fn a_status_colour_from_the_file_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_config(dir.path(), "[colors]\ndone = \"bright-magenta\"\n");
    let frame = render(
        dir.path(),
        &path,
        &["--color", "--view", "blue-sky", "--size", "80x24"],
    );
    assert!(
        fg_codes(&frame).iter().any(|c| c == "95"),
        "{}",
        visible(&frame)
    );
    let plain = write_config(dir.path(), "");
    let frame = render(
        dir.path(),
        &plain,
        &["--color", "--view", "blue-sky", "--size", "80x24"],
    );
    assert!(!fg_codes(&frame).iter().any(|c| c == "95"));
}

#[test]
fn no_color_wins_over_any_theme() {
    for theme in ["light", "high-contrast", "dark"] {
        let dir = tempfile::tempdir().unwrap();
        let path = write_config(
            dir.path(),
            &format!("theme = \"{theme}\"\n[colors]\ndone = \"red\"\n"),
        );
        let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("campaigns.toml");
        for (env, flag) in [(Some("1"), None), (None, Some("--no-color"))] {
            let mut command = campaigns(dir.path());
            if let Some(value) = env {
                command.env("NO_COLOR", value);
            }
            command
                .arg("render")
                .arg(&plan)
                .args([
                    "--color", "--view", "blue-sky", "--size", "80x24", "--config",
                ])
                .arg(&path)
                .args(flag);
            let frame =
                String::from_utf8(command.assert().success().get_output().stdout.clone()).unwrap();
            let colours: Vec<_> = fg_codes(&frame)
                .into_iter()
                .filter(|c| c.len() == 2 && (c.starts_with('3') || c.starts_with('9')))
                .collect();
            assert!(colours.is_empty(), "{theme} {env:?} {flag:?}: {colours:?}");
            assert!(
                fg_codes(&frame).iter().any(|c| c == "7"),
                "reverse video stays"
            );
        }
    }
}

/// The README's example config file is valid, and its list of actions is
/// the app's.
#[test]
fn the_readme_example_and_action_list_are_the_apps() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme
        .find("## Configuration")
        .expect("a Configuration section")..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let config = campaigns::config::Config::parse(example).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        config.palette.theme,
        campaigns::tui::theme::ThemeName::Light
    );
    let actions = &section[section.find("Actions: ").unwrap()..];
    let actions = &actions[..actions.find("`campaigns config` lists").unwrap()];
    let listed: Vec<&str> = actions
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| !w.contains(' ') && *w != "[]")
        .collect();
    let known: Vec<&str> = campaigns::tui::keymap::action_names().collect();
    assert_eq!(listed, known);
}
