//! The year view (`y`) as `render --view year` draws it, in zh and en, on
//! the repository of four yearly reports `report_yoy` builds: each item's
//! last year's result, target, figure, the same period last year and the
//! 同比 in the bulletin's words, the revision named in the legend.

fn render(lang: &str, size: &str) -> String {
    let (fixture, commits) = crate::report_yoy::four_years();
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args([
            "render",
            "campaigns.toml",
            "--view",
            "year",
            "--size",
            size,
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let mut text = String::from_utf8(output.stdout).unwrap();
    for (commit, year) in commits.iter().zip(["2021", "2022", "2023", "2024"]) {
        // As wide as what they stand for: the frame's borders stay put.
        text = text.replace(&commit[..7], &format!("[c{year}]"));
    }
    text
}

#[test]
fn the_year_view_in_chinese_says_the_bulletins_words() {
    let frame = render("zh", "120x30");
    for words in [
        "年度对比（9项）",
        "同比上升2.0个百分点，好转",
        "同比下降15.8%，好转",
        "同比由Ⅳ类好转至Ⅲ类",
        // An assumed point of the file's history carries its mark (issue 24, 6).
        "24*（文件）",
        "无上年同期数据",
        "上年同期：2023-12-31（提交[c2023]）",
    ] {
        assert!(frame.contains(words), "{words}\n{frame}");
    }
    insta::assert_snapshot!(frame);
}

#[test]
fn the_year_view_in_english_at_80x24() {
    let frame = render("en", "80x24");
    assert!(frame.contains("Year on year: 9 items"), "{frame}");
    assert!(frame.contains("24* (file)"), "{frame}");
    // The 同比 reads whole: the target and last year's result gave way.
    for words in [
        "up 2.0 pp year on year, better",
        "no figure",
        "worsened from II to III year on year",
    ] {
        assert!(frame.contains(words), "{words}\n{frame}");
    }
    assert!(!frame.contains("Target"), "{frame}");
    insta::assert_snapshot!(frame);
}

#[test]
fn the_year_view_in_chinese_at_80x24_keeps_the_bulletins_words_whole() {
    let frame = render("zh", "80x24");
    for words in [
        "同比上升2.0个百分点，好转",
        "同比上升25.0%，好转*",
        "无上年同期数据",
        "同比由Ⅱ类变差至Ⅲ类",
        // The room the 同比 leaves keeps the same period's source whole.
        "24*（文件） ",
    ] {
        assert!(frame.contains(words), "{words}\n{frame}");
    }
    insta::assert_snapshot!(frame);
}

/// The shipped file outside git, its year view open at 120×70 (every row
/// in sight), in `lang`.
fn shipped_year_view(lang: campaigns::model::Lang) -> campaigns::tui::App {
    use campaigns::history::HistoryError;
    use campaigns::load::{Opened, Options};
    use campaigns::tui::{Action, App, Command, Settings};
    let options = Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
    };
    let text = std::fs::read_to_string("campaigns.toml").unwrap();
    let opened = Opened::parse("campaigns.toml".as_ref(), text, options);
    let settings = Settings::plain(lang, options);
    let mut app = App::new("campaigns.toml".into(), Ok(opened), settings);
    app.update(Action::Resize(120, 70));
    app.update(Command::ToggleYear.into());
    let not_in_git = HistoryError::NotInGit {
        path: "campaigns.toml".into(),
    };
    app.update(Action::HistoryRead {
        read: Box::new(Err(not_in_git)),
        rev_baseline: None,
    });
    app
}

/// The columns are measured over every row once the view is shown with
/// its figures a year back (here: when the history turns out absent), and
/// again after the language changes; this year's figure is shown whole,
/// as a lower bound where the source gives one (`90+`, `90余`).
#[test]
fn the_year_views_columns_are_measured_when_shown_and_after_a_language_switch() {
    use campaigns::model::Lang;
    use campaigns::tui::Command;
    let mut app = shipped_year_view(Lang::En);
    let en = crate::tui_snapshots::text(&app, (120, 70));
    assert!(en.contains("Year on year"), "{en}");
    assert!(en.contains("110 outfalls "), "{en}");
    assert!(en.contains("90+ notices"), "{en}");
    app.update(Command::ToggleLang.into());
    let zh = crate::tui_snapshots::text(&app, (120, 70));
    assert!(zh.contains("上年同期"), "{zh}");
    assert!(zh.contains("90余份"), "{zh}");
    for whole in ["39 μg/m³*（文件）", "≤ 35 μg/m³*", "110个"] {
        assert!(zh.contains(whole), "{whole} cut: {zh}");
    }
}
