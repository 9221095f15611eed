//! `campaigns render --view attention`: the attention list (督办清单) of the
//! shipped file drawn by the real binary, checked against the JSON report
//! it must agree with, in both languages, at the common sizes, in ASCII and
//! without colour.

use campaigns::figures;
use campaigns::load::{self, Opened};
use campaigns::model::Lang;

fn render(args: &[&str]) -> String {
    let assert = crate::binary::assert_command()
        .env_remove("NO_COLOR")
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .args(["render", "campaigns.toml", "--view", "attention"])
        .args(["--as-of", "2024-12-31"])
        .args(args)
        .assert()
        .success();
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn report_json() -> serde_json::Value {
    let assert = crate::binary::assert_command()
        .args([
            "report",
            "campaigns.toml",
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .args(["--as-of", "2024-12-31"])
        .assert()
        .success();
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

/// The line of the frame that holds `text`.
fn line<'a>(frame: &'a str, text: &str) -> &'a str {
    frame
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in\n{frame}"))
}

#[test]
fn shipped_attention_frames() {
    for lang in ["zh", "en"] {
        for size in ["120x40", "80x24"] {
            let frame = render(&["--size", size, "--lang", lang]);
            insta::assert_snapshot!(format!("shipped_attention_{size}_{lang}"), frame);
        }
    }
}

/// Every item the JSON report gives as overdue, not-met, behind or at-risk
/// is a row, and no other: with the shipped file, the good-air days share
/// (not met against an assumed target) and the Main Canal outfalls (behind
/// on an assumed deadline, 53/77 = 68% where 100% is due by now).
#[test]
fn the_list_agrees_with_the_json_report() {
    let report = report_json();
    let mut needing = Vec::new();
    for campaign in report["campaigns"].as_array().unwrap() {
        let items = campaign["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .chain(campaign["indicators"].as_array().unwrap());
        for item in items {
            let status = item["status"].as_str().unwrap();
            if ["overdue", "not-met", "behind", "at-risk"].contains(&status) {
                needing.push((item["name"].as_str().unwrap().to_owned(), status.to_owned()));
            }
        }
    }
    let names: Vec<&str> = needing.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Share of good-air days",
            "Main Canal and Hannan River outfall rectification"
        ],
        "the shipped file's items needing attention, in the file's order"
    );
    let frame = render(&["--size", "120x40", "--lang", "en"]);
    assert!(frame.contains("Attention list (2 items)"), "{frame}");
    for (name, status) in &needing {
        // Long names are cut to leave the figure whole: match their start.
        let start: String = name.chars().take(20).collect();
        let row = line(&frame, &start);
        assert!(row.contains(&format!("{status}*")), "{row}");
    }
    // Not met before behind, whatever the file's order.
    let position = |text: &str| frame.find(text).unwrap();
    assert!(position("Share of good-air days") < position("Main Canal"));
    let canal = line(&frame, "Main Canal");
    for cell in [
        "Clear Water",
        "53/77 outfalls",
        "68%",
        "32 pts",
        "City Ecolo",
    ] {
        assert!(canal.contains(cell), "{cell}: {canal}");
    }
    let air = line(&frame, "Share of good-air days");
    assert!(air.contains("Blue Sky"), "{air}");
    assert!(air.contains(&shipped_figures(Lang::En).1), "{air}");
    assert!(frame.contains("* assumed: not from the source"), "{frame}");
}

#[test]
fn in_chinese_the_bureau_words() {
    let frame = render(&["--size", "120x40", "--lang", "zh"]);
    for words in [
        "督办清单（2项）",
        "责任单位",
        "序时差距",
        "* 示例：非来源数据",
    ] {
        assert!(frame.contains(words), "{words}: {frame}");
    }
    let canal = line(&frame, "总干渠");
    for cell in [
        "滞后*",
        "碧水保卫战",
        "53/77 个",
        "32个百分点",
        "市生态环境局",
    ] {
        assert!(canal.contains(cell), "{cell}: {canal}");
    }
}

#[test]
fn ascii_and_no_colour_keep_symbols_and_words() {
    let frame = render(&["--size", "80x24", "--lang", "en", "--ascii"]);
    assert!(
        frame.lines().all(|line| line.is_ascii()),
        "ASCII mode, English data: {frame}"
    );
    assert!(line(&frame, "Main Canal").contains("< behind*"), "{frame}");
    let mono = render(&["--size", "80x24", "--lang", "en", "--color", "--no-color"]);
    for code in [";31m", ";32m", ";91m", ";33m"] {
        assert!(!mono.contains(code), "{code} in monochrome");
    }
    assert!(mono.contains("\x1b[0;7"), "the selection still reversed");
    assert!(mono.contains("behind*"), "the word carries the status");
}

/// The two figures as the figures module writes them, from the shipped file.
fn shipped_figures(lang: Lang) -> (String, String) {
    let options = load::Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    };
    let opened = Opened::load("campaigns.toml".as_ref(), options).unwrap();
    let plan = opened.document().expect("the shipped file is valid").plan();
    let canal = plan
        .campaign("clear-water")
        .unwrap()
        .task("main-canal-outfalls");
    let air = plan
        .campaign("blue-sky")
        .unwrap()
        .indicator("good-air-days");
    (
        figures::marked_task_figure(canal.unwrap(), lang),
        figures::marked_indicator_figure(air.unwrap(), lang, false),
    )
}

/// At every width down to the smallest laid out, the figures stay whole:
/// names are cut first.
#[test]
fn figures_are_never_cut() {
    for lang in [Lang::En, Lang::Zh] {
        let (task, indicator) = shipped_figures(lang);
        for size in ["120x40", "80x24", "60x20", "40x10"] {
            let frame = render(&["--size", size, "--lang", lang.code()]);
            assert!(frame.contains(&task), "{size} {task}: {frame}");
            assert!(frame.contains(&indicator), "{size} {indicator}: {frame}");
        }
    }
}
