//! The clerk's friction outside the screen (issue 25, items 12, 15, 17):
//! TOML syntax errors in the clerk's language and at the mistake, the
//! commands' flags, and files that open oddly.

use campaigns::load::{self, Options};
use campaigns::model::Lang;
use chrono::NaiveDate;

fn options() -> Options {
    let day = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    Options {
        as_of: Some(day),
        today: day,
    }
}

/// The first diagnostic of `source` as `check` prints it, and its place.
fn first(source: &str, lang: Lang) -> (String, (usize, usize)) {
    let loaded = load::parse(source, options());
    let diagnostic = loaded.diagnostics.first().expect("a diagnostic");
    let at = diagnostic.position(source);
    (
        diagnostic.render(source, "p.toml", false, lang),
        (at.line, at.column),
    )
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}'))
}

#[test]
fn toml_syntax_errors_read_in_chinese() {
    for source in [
        "[meta]\ntitle = \"T\"\nx = = 1\n",
        "[meta]\ntitle = \"unclosed\n",
        "[meta]\ntitle = [1 2]\n",
        "[meta]\ntitle = { a = 1,, b = 2 }\n",
        "[meta]\ntitle = 1__0\n",
        "[meta\ntitle = 1\n",
    ] {
        let (zh, _) = first(source, Lang::Zh);
        let message = zh.lines().next().unwrap_or_default();
        // Past the "TOML 语法错误" label, the mistake itself in Chinese.
        let said = message.split_once('：').map_or("", |(_, rest)| rest);
        assert!(has_chinese(said), "{source:?}\n{zh}");
        assert!(!said.contains("expected"), "{source:?}\n{zh}");
        let (en, _) = first(source, Lang::En);
        assert!(en.contains("TOML syntax"), "{en}");
    }
}

#[test]
fn an_unclosed_bracket_is_reported_on_its_own_line() {
    // A missing `}`: reported where it belongs, at the end of line 2.
    let source = "[meta]\ntitle = { zh = \"标题\", en = \"T\"\n\n[[campaign]]\nid = \"a\"\n";
    let (zh, at) = first(source, Lang::Zh);
    assert_eq!(at, (2, 30), "{zh}");
    assert!(zh.contains("`}`"), "{zh}");
    assert!(zh.contains("p.toml:2:30"), "{zh}");
    let (en, _) = first(source, Lang::En);
    assert!(en.contains("`}`"), "{en}");
    // A missing `]`, a comment after it: at the end of the figures.
    let source = "[meta]\ntitle = \"T\"\nx = [1, 2  # the two\ny = 3\n";
    let (en, at) = first(source, Lang::En);
    assert_eq!(at, (3, 10), "{en}");
    assert!(en.contains("`]`"), "{en}");
    // A mistake at the start of a line is still reported there.
    let (en, at) = first("[meta]\ntitle = \"T\"\n= 3\n", Lang::En);
    assert_eq!(at.0, 3, "{en}");
}

#[test]
fn a_file_that_opens_with_two_byte_order_marks_is_refused_at_1_1() {
    let source = "\u{FEFF}\u{FEFF}[meta]\ntitle = \"T\"\n";
    let loaded = load::parse(source, options());
    let diagnostic = loaded.diagnostics.first().expect("refused");
    assert!(diagnostic.is_error());
    let at = diagnostic.position(source);
    assert_eq!((at.line, at.column), (1, 1));
    // One is fine.
    let loaded = load::parse("\u{FEFF}[meta]\ntitle = \"T\"\n", options());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
}

fn campaigns() -> assert_cmd::Command {
    crate::binary::assert_command()
}

#[test]
fn set_defaults_file_to_campaigns_toml_like_every_command() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("campaigns.toml", dir.path().join("campaigns.toml")).unwrap();
    let before = std::fs::read_to_string(dir.path().join("campaigns.toml")).unwrap();
    let output = campaigns()
        .current_dir(dir.path())
        .args(["set", "clear-water/yangtze-outfalls", "--add", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let after = std::fs::read_to_string(dir.path().join("campaigns.toml")).unwrap();
    assert_ne!(before, after);
    // FILE given, as before.
    let output = campaigns()
        .current_dir(dir.path())
        .args([
            "set",
            "campaigns.toml",
            "clear-water/yangtze-outfalls",
            "--add",
            "-1",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let back = std::fs::read_to_string(dir.path().join("campaigns.toml")).unwrap();
    assert_eq!(before, back);
}

#[test]
fn a_flag_that_does_nothing_for_a_command_is_refused() {
    for args in [
        &["schema", "--as-of", "2024-12-31"][..],
        &["schema", "--ascii"],
        &["schema", "--lang", "zh"],
        &["completions", "bash", "--as-of", "2024-12-31"],
        &["config", "--as-of", "2024-12-31"],
    ] {
        let output = campaigns().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let said = String::from_utf8_lossy(&output.stderr);
        let flag = args.iter().find(|a| a.starts_with("--")).unwrap();
        assert!(said.contains(&format!("{flag} does nothing for")), "{said}");
    }
    let output = campaigns().args(["schema"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn ascii_writes_units_in_ascii_and_marks_the_selection_apart_from_every_status() {
    let output = campaigns()
        .args([
            "render",
            "campaigns.toml",
            "--ascii",
            "--size",
            "120x40",
            "--view",
            "blue-sky",
        ])
        .args(["--lang", "en"])
        .output()
        .unwrap();
    let screen = String::from_utf8(output.stdout).unwrap();
    assert!(screen.contains("ug/m3"), "{screen}");
    assert!(!screen.contains('μ') && !screen.contains('³'), "{screen}");
    // The selected row's marker is no status's symbol (on-track is `>`).
    let selected = screen
        .lines()
        .find(|l| l.starts_with("|") && !l.starts_with("|  "))
        .unwrap();
    let marker = selected.chars().nth(1).unwrap();
    let symbols = [
        "=", "o", "X", "~", "@", ">", "!", "<", "#", "Y", "N", "-", "*",
    ];
    assert!(
        !symbols.contains(&marker.to_string().as_str()),
        "{selected}"
    );
    let output = campaigns()
        .args([
            "report",
            "campaigns.toml",
            "--ascii",
            "--format",
            "text",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("ug/m3") && !text.contains('μ'), "{text}");
}
