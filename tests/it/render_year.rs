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
        text = text.replace(&commit[..8], &format!("[c-{year}]"));
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
        "上年同期：2023-12-31（提交[c-2023]）",
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
