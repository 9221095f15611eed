//! `campaigns report --yoy` on repositories built with the git command
//! line: revisions a year and three years apart, each figure beside the
//! same period last year in the bulletin's words (百分点 for rates, percent
//! for levels, 天 for days, 持平, a water class 好转/变差), the mean of the
//! three years before, the file's own history where git holds no figure,
//! and "no figure for the same period last year" where there is none.
//! Golden: the markdown and text in zh and en, commits named by their place.

use serde_json::Value;

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

/// The plan reported on `as_of` with these figures: a rate, a level, a
/// day count, one that stays, two rivers' classes, a count of works.
struct Year {
    as_of: &'static str,
    rate: f64,
    pm25: f64,
    days: u32,
    same: f64,
    river: &'static str,
    lake: &'static str,
    works: u32,
}

fn plan(year: &Year, extra: &str) -> String {
    let Year {
        as_of,
        rate,
        pm25,
        days,
        same,
        river,
        lake,
        works,
    } = year;
    format!(
        r#"[meta]
title = {{ zh = "潜江市", en = "Qianjiang" }}
as_of = {as_of}

[[campaign]]
id = "blue-sky"
name = {{ zh = "蓝天保卫战", en = "Blue Sky" }}

[[campaign.indicator]]
id = "good-air-rate"
name = {{ zh = "优良天数比例", en = "Share of good-air days" }}
unit = "%"
value = {rate}
better = "higher"

[[campaign.indicator]]
id = "pm25"
name = {{ zh = "PM2.5平均浓度", en = "PM2.5 mean" }}
unit = "μg/m³"
value = {pm25}
better = "lower"

[[campaign.indicator]]
id = "good-air-days"
name = {{ zh = "优良天数", en = "Good-air days" }}
unit = {{ zh = "天", en = "days" }}
value = {days}
better = "higher"

[[campaign.indicator]]
id = "ozone"
name = {{ zh = "臭氧浓度", en = "Ozone" }}
unit = "μg/m³"
value = {same}
better = "lower"

[[campaign]]
id = "clear-water"
name = {{ zh = "碧水保卫战", en = "Clear Water" }}

[[campaign.task]]
id = "outfalls"
name = {{ zh = "排污口整治", en = "Outfalls" }}
unit = {{ zh = "个", en = "outfalls" }}
done = {works}

[[campaign.indicator]]
id = "river"
name = {{ zh = "汉江水质", en = "Han River" }}
scale = "water-class"
value = "{river}"

[[campaign.indicator]]
id = "lake"
name = {{ zh = "返湾湖水质", en = "Fanwan Lake" }}
scale = "water-class"
value = "{lake}"
{extra}"#
    )
}

const YEARS: [Year; 4] = [
    Year {
        as_of: "2021-12-31",
        rate: 80.0,
        pm25: 40.0,
        days: 280,
        same: 150.0,
        river: "IV",
        lake: "II",
        works: 10,
    },
    Year {
        as_of: "2022-12-31",
        rate: 82.0,
        pm25: 38.0,
        days: 290,
        same: 150.0,
        river: "IV",
        lake: "II",
        works: 20,
    },
    Year {
        as_of: "2023-12-31",
        rate: 85.0,
        pm25: 38.0,
        days: 303,
        same: 150.0,
        river: "IV",
        lake: "II",
        works: 40,
    },
    Year {
        as_of: "2024-12-31",
        rate: 87.0,
        pm25: 32.0,
        days: 300,
        same: 150.0,
        river: "III",
        lake: "III",
        works: 50,
    },
];

/// Added in the last year: one with a point of its own `history` a year
/// back (git holds none for it), one with nothing to compare with.
const ADDED: &str = r#"
[[campaign.task]]
id = "villages"
name = { zh = "农村环境整治", en = "Village clean-up" }
done = 30
history = [ { date = 2023-12-31, done = 24 } ]
assumed = ["history"]

[[campaign.task]]
id = "new-works"
name = { zh = "新增项目", en = "New works" }
done = 3
"#;

/// Four years of reports, each committed on its reporting date, and a
/// monthly report in between that the year's rule must pass over.
pub(crate) fn four_years() -> (Fixture, Vec<String>) {
    let fixture = Fixture::new();
    let mut commits = Vec::new();
    for (i, year) in YEARS.iter().enumerate() {
        if i == 3 {
            let mid = Year {
                as_of: "2024-06-30",
                ..YEARS[2]
            };
            fixture.commit(FILE, &plan(&mid, ""), "2024-06-30T12:00:00+08:00");
        }
        let extra = if i == 3 { ADDED } else { "" };
        let date = format!("{}T12:00:00+08:00", year.as_of);
        commits.push(fixture.commit(FILE, &plan(year, extra), &date));
    }
    (fixture, commits)
}

fn report(fixture: &Fixture, format: &str, lang: &str) -> String {
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args(["report", FILE, "--yoy", "--format", format, "--lang", lang])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The report with each commit named by its year, so the golden text does
/// not hang on hashes.
fn golden(format: &str, lang: &str) -> String {
    let (fixture, commits) = four_years();
    let mut text = report(&fixture, format, lang);
    for (commit, year) in commits.iter().zip(YEARS.iter()) {
        text = text.replace(&commit[..7], &format!("<{}>", &year.as_of[..4]));
    }
    text
}

#[test]
fn markdown_in_chinese_says_the_bulletins_words() {
    let text = golden("md", "zh");
    for words in [
        "优良天数比例同比上升2.0个百分点，好转（上年同期2023-12-31：85%，提交<2023>）",
        "PM2.5平均浓度同比下降15.8%，好转",
        "优良天数同比下降3天，变差",
        "臭氧浓度与上年同期持平",
        "汉江水质同比由Ⅳ类好转至Ⅲ类",
        "返湾湖水质同比由Ⅱ类变差至Ⅲ类",
        "较前三年均值下降17.2%，好转（均值38.67 μg/m³：2023-12-31、2022-12-31、2021-12-31）",
        "农村环境整治同比上升25.0%，好转\\*（上年同期2023-12-31：24\\*，文件中的history记录）",
        // Items with no figure for the same period last year: one line per campaign.
        "\n- 无上年同期数据：新增项目\n",
    ] {
        assert!(text.contains(words), "{words}\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn text_in_english_says_the_same() {
    let text = golden("text", "en");
    for words in [
        "Share of good-air days up 2.0 pp year on year, better (same period last year: 85% on 2023-12-31, commit <2023>)",
        "PM2.5 mean down 15.8% year on year, better",
        "Good-air days down 3 days year on year, worse",
        "Ozone unchanged year on year",
        "Han River improved from IV to III year on year",
        "Fanwan Lake worsened from II to III year on year",
        "Village clean-up up 25.0% year on year, better* (same period last year: 24* on 2023-12-31, the file's history)",
        "No figure for the same period last year: New works\n",
    ] {
        assert!(text.contains(words), "{words}\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn markdown_in_english_and_text_in_chinese() {
    insta::assert_snapshot!("markdown_en", golden("md", "en"));
    insta::assert_snapshot!("text_zh", golden("text", "zh"));
}

fn item<'a>(report: &'a Value, campaign: usize, kind: &str, id: &str) -> &'a Value {
    report["campaigns"][campaign][kind]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == id)
        .unwrap()
}

#[test]
fn json_names_the_baseline_its_unit_and_direction() {
    let (fixture, commits) = four_years();
    let report: Value = serde_json::from_str(&report(&fixture, "json", "en")).unwrap();
    let rate = &item(&report, 0, "indicators", "good-air-rate")["yoy"];
    assert_eq!(rate["as_of"], "2023-12-31");
    assert_eq!(rate["commit"], commits[2].as_str());
    assert_eq!(rate["figure"], 85);
    assert_eq!(rate["change"], 2);
    assert_eq!(rate["unit"], "pp");
    assert_eq!(rate["direction"], "better");
    assert_eq!(rate["from"], "commit");
    let pm25 = &item(&report, 0, "indicators", "pm25")["yoy"];
    assert_eq!(
        (&pm25["unit"], &pm25["direction"]),
        (&"%".into(), &"better".into())
    );
    let mean = &pm25["mean3"];
    let years: Vec<&Value> = mean["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| &y["commit"])
        .collect();
    assert_eq!(
        years,
        [&commits[2], &commits[1], &commits[0]]
            .map(|c| Value::from(c.as_str()))
            .iter()
            .collect::<Vec<_>>()
    );
    let days = &item(&report, 0, "indicators", "good-air-days")["yoy"];
    assert_eq!(
        (&days["unit"], &days["change"], &days["direction"]),
        (&"day".into(), &(-3).into(), &"worse".into())
    );
    let ozone = &item(&report, 0, "indicators", "ozone")["yoy"];
    assert_eq!(
        (&ozone["change"], &ozone["direction"]),
        (&0.into(), &"same".into())
    );
    let river = &item(&report, 1, "indicators", "river")["yoy"];
    assert_eq!(
        (&river["figure"], &river["unit"], &river["direction"]),
        (&"IV".into(), &"class".into(), &"better".into())
    );
    let villages = item(&report, 1, "tasks", "villages");
    assert_eq!(villages["yoy"]["from"], "history");
    assert!(villages["yoy"]["commit"].is_null());
    assert!(
        villages["marked"]
            .as_array()
            .unwrap()
            .contains(&"yoy".into())
    );
    assert!(item(&report, 1, "tasks", "new-works")["yoy"].is_null());
    // The mean is of each year's own report, never the mid-year one after it.
    let works = &item(&report, 1, "tasks", "outfalls")["yoy"]["mean3"];
    assert_eq!(works["figure"], Value::from(70.0 / 3.0));
}

#[test]
fn without_yoy_the_items_have_no_yoy_key() {
    let (fixture, _) = four_years();
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args(["report", FILE, "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(item(&report, 0, "indicators", "pm25").get("yoy").is_none());
}

#[test]
fn a_report_on_29_february_compares_with_the_28th() {
    let fixture = Fixture::new();
    let year = |as_of, pm25| Year {
        as_of,
        pm25,
        ..YEARS[3]
    };
    let before = fixture.commit(
        FILE,
        &plan(&year("2023-02-27", 41.0), ""),
        "2023-02-27T12:00:00+08:00",
    );
    let on_28 = fixture.commit(
        FILE,
        &plan(&year("2023-02-28", 40.0), ""),
        "2023-02-28T12:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan(&year("2023-03-01", 39.0), ""),
        "2023-03-01T12:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan(&year("2024-02-29", 30.0), ""),
        "2024-02-29T12:00:00+08:00",
    );
    let report: Value = serde_json::from_str(&report(&fixture, "json", "en")).unwrap();
    let pm25 = &item(&report, 0, "indicators", "pm25")["yoy"];
    assert_eq!(pm25["commit"], on_28.as_str());
    assert_eq!(pm25["as_of"], "2023-02-28");
    assert_ne!(pm25["commit"], before.as_str());
}

#[test]
fn a_file_outside_git_compares_with_its_own_history_only() {
    let dir = tempfile::tempdir().unwrap();
    let text = plan(&YEARS[3], ADDED);
    std::fs::write(dir.path().join(FILE), text).unwrap();
    let output = crate::binary::assert_command()
        .current_dir(dir.path())
        .args(["report", FILE, "--yoy", "--format", "text", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Village clean-up up 25.0% year on year, better*"),
        "{text}"
    );
    assert!(
        text.contains(
            "No figure for the same period last year: Share of good-air days, PM2.5 mean, \
             Good-air days, Ozone\n"
        ),
        "{text}"
    );
    // Once per campaign, not once per item.
    assert_eq!(
        text.matches("No figure for the same period last year")
            .count(),
        2,
        "{text}"
    );
}

#[test]
fn csv_puts_last_years_figure_and_the_change_in_the_column_of_its_unit() {
    let (fixture, commits) = four_years();
    let csv = report(&fixture, "csv", "en");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row = |id: &str| -> Vec<String> {
        let line = csv
            .lines()
            .find(|l| l.split(',').nth(2) == Some(id))
            .unwrap();
        line.split(',').map(str::to_owned).collect()
    };
    let cell = |row: &[String], name: &str| {
        let at = header.iter().position(|h| *h == name).unwrap();
        row[at].clone()
    };
    let rate = row("good-air-rate");
    assert_eq!(cell(&rate, "last_year"), "85");
    assert_eq!(cell(&rate, "last_year_as_of"), "2023-12-31");
    assert_eq!(cell(&rate, "last_year_source"), commits[2]);
    assert_eq!(cell(&rate, "yoy_pp"), "2");
    assert_eq!(cell(&rate, "yoy_percent"), "");
    assert_eq!(cell(&rate, "yoy_direction"), "better");
    let days = row("good-air-days");
    assert_eq!(
        (cell(&days, "yoy_days"), cell(&days, "yoy_direction")),
        ("-3".into(), "worse".into())
    );
    let river = row("river");
    assert_eq!(
        (cell(&river, "last_year"), cell(&river, "yoy_class_steps")),
        ("IV".into(), "-1".into())
    );
    let villages = row("villages");
    assert_eq!(cell(&villages, "last_year_source"), "history");
    assert!(cell(&villages, "marked").contains("yoy"));
    assert_eq!(cell(&row("new-works"), "last_year"), "");
}

#[test]
fn the_ledger_has_last_years_figure_its_source_and_a_typed_change() {
    use calamine::{Data, Reader, Xlsx};
    let (fixture, commits) = four_years();
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args(["report", FILE, "--yoy", "--format", "xlsx", "--lang", "zh"])
        .args(["-o", "ledger.xlsx"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let mut book: Xlsx<_> = calamine::open_workbook(fixture.file("ledger.xlsx")).unwrap();
    let cells = book.worksheet_range("蓝天保卫战").unwrap();
    let styles = book.worksheet_style("蓝天保卫战").unwrap();
    let header = (0..20)
        .find(|&row| cells.get_value((row, 0)) == Some(&Data::String("类别".into())))
        .unwrap();
    let column = |name: &str| {
        (0..40)
            .find(|&c| cells.get_value((header, c)) == Some(&Data::String(name.into())))
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let row = (header + 1..header + 10)
        .find(|&r| cells.get_value((r, 1)) == Some(&Data::String("优良天数比例".into())))
        .unwrap();
    let (last, from, yoy) = (
        column("上年同期"),
        column("上年同期日期及来源"),
        column("同比（百分点/%/天）"),
    );
    assert_eq!(cells.get_value((row, last)), Some(&Data::Float(85.0)));
    let source = format!("2023-12-31 提交{}", &commits[2][..7]);
    assert_eq!(cells.get_value((row, from)), Some(&Data::String(source)));
    assert_eq!(cells.get_value((row, yoy)), Some(&Data::Float(2.0)));
    let format = styles
        .get((row, yoy))
        .and_then(|s| s.number_format.as_ref());
    let format = format.map(|f| f.format_code.clone()).unwrap_or_default();
    assert!(format.contains("个百分点"), "{format}");
    let days = (header + 1..header + 10)
        .find(|&r| cells.get_value((r, 1)) == Some(&Data::String("优良天数".into())))
        .unwrap();
    assert_eq!(cells.get_value((days, yoy)), Some(&Data::Float(-3.0)));
}

#[test]
fn a_task_that_follows_last_years_is_compared_with_it() {
    let fixture = Fixture::new();
    let plan = |as_of: &str, task: &str| {
        format!(
            "[meta]\ntitle = \"T\"\nas_of = {as_of}\n\n[[campaign]]\nid = \"soil\"\nname = \"Soil\"\n\n{task}"
        )
    };
    let last =
        "[[campaign.task]]\nid = \"black-water-2024\"\nname = \"Black water 2024\"\ndone = 7\n";
    let this = "[[campaign.task]]\nid = \"black-water-2025\"\nname = \"Black water 2025\"\ndone = 3\nfollows = \"soil/black-water-2024\"\n";
    let commit = fixture.commit(FILE, &plan("2024-12-31", last), "2024-12-31T12:00:00+08:00");
    // This year's plan keeps last year's task beside the one that follows it.
    let this = format!("{last}\n{this}");
    fixture.commit(
        FILE,
        &plan("2025-12-31", &this),
        "2025-12-31T12:00:00+08:00",
    );
    let report: Value = serde_json::from_str(&report(&fixture, "json", "en")).unwrap();
    let yoy = &item(&report, 0, "tasks", "black-water-2025")["yoy"];
    assert_eq!(yoy["commit"], commit.as_str());
    assert_eq!(yoy["figure"], 7);
    assert_eq!(yoy["direction"], "worse");
}
