//! A month corrected after a later month was reported: the shipped plan
//! reported monthly (2024-08-31 to 2024-11-30), October corrected after
//! November went out, then the shipped file (2024-12-31). The history
//! runs by reporting date and the last report is the last meeting's date,
//! not the correction committed after it.

use chrono::NaiveDate;

use campaigns::history::{self, History, Since};

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

/// The shipped plan reported on `as_of` with these figures: Yangtze
/// outfalls done, main canal outfalls done, the share of good-air days.
fn month(as_of: &str, yangtze: u32, canal: u32, good_air: &str) -> String {
    let shipped = include_str!("../../campaigns.toml");
    let mut out = String::new();
    let mut item = "";
    for line in shipped.lines() {
        if let Some(id) = line.strip_prefix("id = ") {
            item = id.trim_matches('"');
        }
        let line = match (item, line) {
            (_, "as_of = 2024-12-31") => format!("as_of = {as_of}"),
            ("yangtze-outfalls", "done = 110") => format!("done = {yangtze}"),
            ("main-canal-outfalls", "done = 53") => format!("done = {canal}"),
            ("good-air-days", "value = 94.0") => format!("value = {good_air}"),
            _ => line.to_owned(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The reviewer's repository: four monthly reports, October corrected
/// after November (main canal 45 → 46), then the shipped file.
pub fn corrected_months() -> Fixture {
    let fixture = Fixture::new();
    let months = [
        ("2024-08-31", 90, 30, "92.0", "2024-09-03"),
        ("2024-09-30", 95, 38, "93.0", "2024-10-04"),
        ("2024-10-31", 100, 45, "93.5", "2024-11-04"),
        ("2024-11-30", 105, 50, "95.5", "2024-12-03"),
        ("2024-10-31", 100, 46, "93.5", "2024-12-05"),
    ];
    for (as_of, yangtze, canal, good_air, committed) in months {
        let text = month(as_of, yangtze, canal, good_air);
        fixture.commit(FILE, &text, &format!("{committed}T10:00:00+08:00"));
    }
    let shipped = include_str!("../../campaigns.toml");
    fixture.commit(FILE, shipped, "2025-01-05T10:00:00+08:00");
    fixture
}

fn read(fixture: &Fixture) -> History {
    let today = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    history::read(&fixture.file(FILE), history::Options { today }).unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn campaigns(fixture: &Fixture, args: &[&str]) -> String {
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_last_report_is_the_newest_earlier_reporting_date_not_the_last_commit() {
    let fixture = corrected_months();
    let history = read(&fixture);
    let now = day("2024-12-31");
    let last = history.baseline(&Since::LastReport, now).unwrap();
    let november = history.baseline(&Since::Date(day("2024-11-30")), now);
    assert_eq!(last, november.unwrap());
    let last = last.unwrap();
    assert_eq!(history.revisions[last].as_of, Some(day("2024-11-30")));

    // The brief compares with the last meeting: 50 → 53 since November.
    let brief = campaigns(
        &fixture,
        &[
            "report", FILE, "--brief", "--format", "text", "--lang", "en",
        ],
    );
    assert!(brief.contains("Baseline: 2024-11-30"), "{brief}");
    assert!(
        brief.contains("Main Canal and Hannan River outfall rectification: 53/77 outfalls (68%), +3 since 2024-11-30"),
        "{brief}"
    );
}

#[test]
fn an_older_month_corrected_later_sits_after_its_own_date() {
    let fixture = corrected_months();
    let frame = campaigns(
        &fixture,
        &[
            "render",
            FILE,
            "--view",
            "clear-water",
            "--select",
            "clear-water/main-canal-outfalls",
            "--since",
            "2024-11-30",
            "--size",
            "200x45",
            "--lang",
            "en",
        ],
    );
    // The last four points, over two lines of the detail pane.
    let points = "2024-10-31 45 → 2024-10-31 46 (correction) → 2024-11-30 50 →";
    assert!(frame.contains(points), "{frame}");
    assert!(frame.contains("││2024-12-31 53 "), "{frame}");
    // The sparkline never dips: 30, 38, 45, 46, 50, 53.
    let bars = "▁▂▃▄▅▆▇█";
    let spark: Vec<usize> = frame
        .lines()
        .find_map(|line| line.split("││History ").nth(1))
        .unwrap()
        .chars()
        .map_while(|c| bars.chars().position(|bar| bar == c))
        .collect();
    assert!(spark.len() > 5, "{frame}");
    assert!(spark.windows(2).all(|w| w[0] <= w[1]), "{spark:?}");

    let text = campaigns(
        &fixture,
        &[
            "history",
            FILE,
            "clear-water/main-canal-outfalls",
            "--lang",
            "en",
        ],
    );
    let dates: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("  2024-") && !line.contains("as of"))
        .map(|line| &line[2..12])
        .collect();
    let oldest_first = [
        "2024-08-31",
        "2024-09-30",
        "2024-10-31",
        "2024-10-31",
        "2024-11-30",
        "2024-12-31",
    ];
    assert_eq!(dates, oldest_first, "{text}");
    let json: serde_json::Value = serde_json::from_str(&campaigns(
        &fixture,
        &[
            "history",
            FILE,
            "clear-water/main-canal-outfalls",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    let points = json["items"]["clear-water/main-canal-outfalls"]
        .as_array()
        .unwrap();
    let done: Vec<i64> = points.iter().map(|p| p["done"].as_i64().unwrap()).collect();
    assert_eq!(done, [30, 38, 45, 46, 50, 53]);
    assert_eq!(points[3]["correction"], true);
}
