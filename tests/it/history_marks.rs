//! `campaigns history` marks what the reports mark: a point of an assumed
//! `history` array, an assumed figure, and a status that rests on an
//! assumed value carry `*` in text (with the reports' legend), and `marked`
//! and `assumed` in JSON and CSV, as the report's items do.

use serde_json::Value;

use crate::git_fixture::Fixture;
use crate::history_corrected::corrected_months;

const FILE: &str = "campaigns.toml";

fn history(fixture: &Fixture, args: &[&str]) -> String {
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args(["history", FILE, "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn assumed_points_and_statuses_carry_the_mark_and_the_legend() {
    let fixture = corrected_months();
    let text = history(&fixture, &["blue-sky/pm25", "blue-sky/good-air-days"]);
    assert!(
        text.contains("\n* assumed: not from the source\n"),
        "{text}"
    );
    // PM2.5's history array and target are illustrative.
    assert!(text.contains("  2021-12-31  35*  met*"), "{text}");
    assert!(text.contains("  2024-08-31   31  met*"), "{text}");
    // The good-air days' target is: every met or not-met rests on it.
    assert!(text.contains("  2024-11-30  95.5  met*"), "{text}");
    assert!(text.contains("  2024-12-31    94  not-met*"), "{text}");

    // A task whose figures are all from the source: no mark, no legend.
    let text = history(&fixture, &["clear-water/lake-outfalls"]);
    assert!(!text.contains('*'), "{text}");
}

#[test]
fn json_and_csv_say_which_figures_are_marked() {
    let fixture = corrected_months();
    let json: Value =
        serde_json::from_str(&history(&fixture, &["blue-sky/pm25", "--format", "json"])).unwrap();
    let points = json["items"]["blue-sky/pm25"].as_array().unwrap();
    assert_eq!(points[0]["from"], "history");
    assert_eq!(points[0]["marked"], serde_json::json!(["value", "status"]));
    assert_eq!(
        points[0]["assumed"],
        serde_json::json!(["target", "history"])
    );
    let read = points.iter().find(|p| p["from"] == "commit").unwrap();
    assert_eq!(read["marked"], serde_json::json!(["status"]));

    let csv = history(&fixture, &["blue-sky/pm25", "--format", "csv"]);
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(
        lines[0],
        "item,as_of,done,value,status,commit,from,marked,assumed"
    );
    assert_eq!(
        lines[1],
        "blue-sky/pm25,2021-12-31,,35,met,,history,value;status,target;history"
    );
}
