//! The JSON report read back: its shape, and its figures against values
//! worked out by hand for `tests/fixtures/report/small.toml`.

use serde_json::Value;

fn json(file: &str, extra: &[&str]) -> Value {
    let output = crate::binary::assert_command()
        .args(["report", file, "--format", "json", "--lang", "en"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the report is JSON")
}

const SMALL: &str = "tests/fixtures/report/small.toml";

#[test]
fn figures_match_hand_computation() {
    // At 2024-07-01, 182 of the 365 days from 2024-01-01 to 2024-12-31 have
    // passed: expected e = 182/365 = 0.4986.
    let report = json(SMALL, &["--as-of", "2024-07-01"]);
    assert_eq!(report["as_of"], "2024-07-01");
    let work = &report["campaigns"][0];
    let tasks = work["tasks"].as_array().unwrap();
    // a: 60/100 = 0.6 >= e: on-track. b: 0.4 >= e - 0.10 = 0.3986: at-risk.
    // c: 12/10 = 1.2 (uncapped) >= total: done.
    let statuses: Vec<&str> = tasks
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["on-track", "at-risk", "done"]);
    assert_eq!(tasks[0]["fraction"], 0.6);
    assert_eq!(tasks[1]["fraction"], 0.4);
    assert_eq!(tasks[2]["fraction"], 1.2);
    // 183 days from 2024-07-01 to 2024-12-31.
    assert!(tasks.iter().all(|t| t["days_left"] == 183));
    // Weighted mean, c capped at 1: (2 × 0.6 + 1 × 0.4 + 1 × 1.0) / 4 = 0.65.
    let progress = work["progress"].as_f64().unwrap();
    assert!((progress - 0.65).abs() < 1e-12, "{progress}");
    // Contract 2: the campaign's status is over tasks and indicators, and a
    // not-met indicator (below) comes before an at-risk task.
    assert_eq!(work["status"], "not-met");
    assert_eq!(
        work["status_counts"],
        serde_json::json!({ "at-risk": 1, "on-track": 1, "done": 1 })
    );
    // 5 against a target of at most 4: not met. 劣V against V: not met.
    assert_eq!(work["indicators_met"], 0);
    assert_eq!(work["indicators_with_target"], 2);
    let indicators = work["indicators"].as_array().unwrap();
    assert_eq!(indicators[0]["status"], "not-met");
    assert_eq!(indicators[1]["value"], "劣V");
    assert_eq!(indicators[1]["status"], "not-met");
}

#[test]
fn a_later_date_moves_the_statuses() {
    // At 2024-12-31 every unfinished task should be complete: a and b are
    // below e - 0.10 = 0.9, so behind; progress is unchanged.
    let report = json(SMALL, &["--as-of", "2024-12-31"]);
    let work = &report["campaigns"][0];
    let statuses: Vec<&str> = work["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["behind", "behind", "done"]);
    // Behind tasks, but the not-met indicators come first in the roll-up.
    assert_eq!(work["status"], "not-met");
    // A day later they are overdue, with a day past due.
    let report = json(SMALL, &["--as-of", "2025-01-01"]);
    let work = &report["campaigns"][0];
    assert_eq!(work["status"], "overdue");
    assert_eq!(work["tasks"][0]["days_left"], -1);
}

/// The keys of the pretty-printed output at one indentation, in the order
/// written (serde_json's `Value` would sort them).
fn keys_at(text: &str, indent: usize) -> Vec<String> {
    text.lines()
        .filter(|line| line.len() > indent && line[..indent].trim().is_empty())
        .filter_map(|line| line[indent..].strip_prefix('"'))
        .filter_map(|rest| rest.split_once("\":").map(|(key, _)| key.to_owned()))
        .collect()
}

#[test]
fn shape_is_exactly_the_designed_one() {
    let output = crate::binary::assert_command()
        .args([
            "report",
            "tests/fixtures/report/all-statuses.toml",
            "--format",
            "json",
        ])
        .args(["--lang", "en", "--as-of", "2024-12-31"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        keys_at(&text, 2),
        ["title", "organisation", "as_of", "source", "campaigns"]
    );
    let campaign_keys = [
        "id",
        "name",
        "theme",
        "summary",
        "progress",
        "expected",
        "planned",
        "status",
        "status_counts",
        "indicators_met",
        "indicators_with_target",
        "assumed",
        // Contract 3: the keys whose figures rest on an assumed value.
        "marked",
        "tasks",
        "indicators",
    ];
    // Three campaigns, each with the keys in this order (status_counts'
    // own keys sit deeper).
    assert_eq!(keys_at(&text, 6), campaign_keys.repeat(3));
    let task_keys = [
        "id",
        "name",
        "done",
        "approx",
        "total",
        "unit",
        "fraction",
        "status",
        "start",
        "due",
        "days_left",
        "assumed",
        "marked",
        "follows",
        // Issue 25: 销号 and 督办.
        "closed",
        "closed_on",
        "stage",
        "notices",
    ];
    let indicator_keys = [
        "id", "name", "value", "approx", "target", "better", "scale", "unit", "status", "assumed",
        "marked", "notices",
    ];
    let items = keys_at(&text, 10);
    let mut rest = items.as_slice();
    let mut tasks = 0;
    let mut indicators = 0;
    while !rest.is_empty() {
        if rest.starts_with(&task_keys.map(String::from)) {
            rest = &rest[task_keys.len()..];
            tasks += 1;
        } else if rest.starts_with(&indicator_keys.map(String::from)) {
            rest = &rest[indicator_keys.len()..];
            indicators += 1;
        } else {
            panic!("unexpected keys: {rest:?}");
        }
    }
    assert_eq!((tasks, indicators), (9, 5));

    let report: Value = serde_json::from_str(&text).unwrap();
    let campaigns = report["campaigns"].as_array().unwrap();
    // Absent values are null; a campaign without a task with a total has
    // neither progress nor status.
    let soil = &campaigns[2];
    assert_eq!(soil["progress"], Value::Null);
    assert_eq!(soil["status"], Value::Null);
    assert_eq!(soil["tasks"][0]["total"], Value::Null);
    assert_eq!(soil["tasks"][0]["fraction"], Value::Null);
    assert_eq!(soil["tasks"][0]["status"], "count");
    assert_eq!(campaigns[1]["tasks"][0]["start"], Value::Null);
    assert_eq!(campaigns[1]["tasks"][0]["days_left"], Value::Null);
    assert_eq!(campaigns[1]["indicators"][0]["value"], "II");
    assert_eq!(campaigns[1]["indicators"][2]["target"], Value::Null);
    // Contract 2's additions: the source at the top; on campaigns a summary
    // (null when none), 序时进度 and the planned count; `assumed` lists,
    // empty when every figure is from the source.
    assert_eq!(report["source"], "fixture for the report tests");
    assert_eq!(soil["summary"], Value::Null);
    assert_eq!(soil["expected"], Value::Null);
    assert_eq!(campaigns[0]["planned"], 1);
    assert_eq!(soil["planned"], 0);
    assert_eq!(campaigns[0]["assumed"], serde_json::json!([]));
    assert_eq!(campaigns[0]["tasks"][0]["assumed"], serde_json::json!([]));
    assert_eq!(
        campaigns[1]["indicators"][0]["assumed"],
        serde_json::json!([])
    );
    // Integers are integers, decimals stay decimals.
    assert!(campaigns[0]["tasks"][0]["done"].is_u64());
    assert_eq!(campaigns[0]["indicators"][1]["value"], 86.5);
    // Status counts keep the roll-up order, worst first.
    let counts = keys_at(&text, 8);
    assert_eq!(
        counts[..7],
        [
            "overdue",
            "behind",
            "at-risk",
            "on-track",
            "done",
            "not-started",
            "count"
        ]
    );
}

#[test]
fn names_follow_the_language() {
    let zh = crate::binary::assert_command()
        .args([
            "report",
            "tests/fixtures/report/all-statuses.toml",
            "--format",
            "json",
        ])
        .args(["--lang", "zh"])
        .output()
        .unwrap();
    let zh: Value = serde_json::from_slice(&zh.stdout).unwrap();
    assert_eq!(zh["title"], "全状态示例");
    assert_eq!(zh["campaigns"][0]["name"], "蓝天保卫战");
    assert_eq!(zh["campaigns"][0]["tasks"][0]["unit"], "个");
    // Status words stay the contract's words in every language.
    assert_eq!(zh["campaigns"][0]["tasks"][0]["status"], "done");
}

#[test]
fn campaign_filter_keeps_file_order() {
    let report = json(
        "tests/fixtures/report/all-statuses.toml",
        &["--campaign", "soil", "--campaign", "air"],
    );
    let ids: Vec<&str> = report["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["air", "soil"]);
}
