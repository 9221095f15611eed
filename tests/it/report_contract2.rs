//! The contract 2 roll-up and the assumed markers of every report format,
//! against figures worked out by hand for
//! `tests/fixtures/report/contract2.toml` at its reporting date 2024-02-20.
//!
//! Runs the library in-process: the figures are those the binary prints
//! (`report_snapshots` runs the binary on the same file).

use chrono::NaiveDate;
use serde_json::{Value, json};

use campaigns::load::{self, Options};
use campaigns::model::Lang;
use campaigns::report::{Format, Report};

const CONTRACT2: &str = "tests/fixtures/report/contract2.toml";

fn render(file: &str, format: Format, lang: Lang) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let today = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    // The file's own reporting date, as the command uses it.
    let loaded = load::parse(&text, Options { as_of: None, today });
    let plan = loaded.plan.expect("the fixture is valid");
    let as_of = plan.meta.as_of.expect("the fixture has a reporting date");
    Report::new(&plan, as_of, lang).render(format)
}

fn json() -> Value {
    serde_json::from_str(&render(CONTRACT2, Format::Json, Lang::En)).unwrap()
}

fn campaign<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no campaign {id}"))
}

fn task<'a>(campaign: &'a Value, id: &str) -> &'a Value {
    campaign["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-12)
}

#[test]
fn a_campaign_whose_tasks_all_lie_ahead_has_no_progress_but_planned_tasks() {
    let report = json();
    assert_eq!(report["as_of"], "2024-02-20");
    assert_eq!(report["source"], "test data");
    let ahead = campaign(&report, "ahead");
    // survey starts with the campaign, 2024-03-01; permits on 2024-05-01:
    // both after 2024-02-20, so both are planned and none is measured.
    assert_eq!(ahead["progress"], Value::Null);
    assert_eq!(ahead["expected"], Value::Null);
    assert_eq!(ahead["planned"], 2);
    // Only not-started tasks (visits is a count and takes no part).
    assert_eq!(ahead["status"], "not-started");
    assert_eq!(
        ahead["summary"],
        "All of its work starts after the reporting date"
    );
    assert_eq!(ahead["assumed"], json!(["start"]));
    // survey runs by the campaign's assumed start; permits names its own.
    assert_eq!(task(ahead, "survey")["assumed"], json!(["start"]));
    assert_eq!(task(ahead, "permits")["assumed"], json!(["start"]));
    // A plain count shows no start, so the campaign's assumed one is not its.
    assert_eq!(task(ahead, "visits")["start"], Value::Null);
    assert_eq!(task(ahead, "visits")["assumed"], json!([]));
}

#[test]
fn done_tasks_do_not_hide_an_indicator_that_is_not_met() {
    let report = json();
    let finished = campaign(&report, "finished");
    // plans 5/5 and closures 10/10: (1 + 1) / 2 = 1.
    assert!(
        close(&finished["progress"], 1.0),
        "{}",
        finished["progress"]
    );
    // Both run 2024-01-01..2024-04-10: 50 of 100 days gone, e = 0.5 each.
    assert!(
        close(&finished["expected"], 0.5),
        "{}",
        finished["expected"]
    );
    assert_eq!(finished["planned"], 0);
    // not-met (good-air: 80 against at least 90) comes before done.
    assert_eq!(finished["status"], "not-met");
    assert_eq!(finished["assumed"], json!([]));
    assert_eq!(task(finished, "closures")["assumed"], json!(["done"]));
    let indicators = finished["indicators"].as_array().unwrap();
    assert_eq!(indicators[0]["assumed"], json!(["value"]));
    assert_eq!(indicators[1]["status"], "met");
    assert_eq!(indicators[1]["assumed"], json!(["target", "history"]));
}

#[test]
fn weights_decide_progress_and_expected() {
    let report = json();
    let weighted = campaign(&report, "weighted");
    // At 2024-02-20, with the campaign's 2024-01-01..2024-04-10 (e = 0.5):
    //   big     30/100 = 0.30, weight 3, e 0.5 (runs by the campaign)
    //   small   45/50  = 0.90, weight 1, e 0.5 (its own due, 2024-04-10)
    //   late     2/8   = 0.25, weight 2, e 1   (due 2024-02-10, past)
    //   medium  42/100 = 0.42, weight 1, e 0.5
    // progress = (3×0.30 + 1×0.90 + 2×0.25 + 1×0.42) / 7 = 2.72 / 7
    // expected = (3×0.5 + 1×0.5 + 2×1 + 1×0.5) / 7 = 4.5 / 7
    assert!(
        close(&weighted["progress"], 2.72 / 7.0),
        "{}",
        weighted["progress"]
    );
    assert!(
        close(&weighted["expected"], 4.5 / 7.0),
        "{}",
        weighted["expected"]
    );
    // late is overdue: the first status in the roll-up order.
    assert_eq!(weighted["status"], "overdue");
    assert_eq!(weighted["assumed"], json!(["end"]));
    let statuses: Vec<&str> = weighted["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    // big 0.30 < 0.5 − 0.10: behind; medium 0.42 ≥ 0.40: at-risk.
    assert_eq!(statuses, ["behind", "on-track", "overdue", "at-risk"]);
    // big and medium run to the campaign's assumed end: their due is assumed.
    assert_eq!(task(weighted, "big")["assumed"], json!(["due"]));
    assert_eq!(task(weighted, "small")["assumed"], json!(["weight"]));
    assert_eq!(task(weighted, "late")["assumed"], json!(["total"]));
    // 2024-02-10 is 10 days before 2024-02-20.
    assert_eq!(task(weighted, "late")["days_left"], -10);
}

#[test]
fn a_task_without_a_schedule_counts_its_own_fraction_as_expected() {
    let report = json();
    let unscheduled = campaign(&report, "unscheduled");
    // cleanup 3/4, no start or due anywhere: progress 0.75, and it is
    // where it should be, so expected 0.75 too.
    assert!(close(&unscheduled["progress"], 0.75));
    assert!(close(&unscheduled["expected"], 0.75));
    assert_eq!(unscheduled["status"], "in-progress");
    assert_eq!(task(unscheduled, "cleanup")["assumed"], json!(["history"]));
    // A count with its own due keeps it: 2024-02-20 to 2024-06-30 is
    // 9 + 31 + 30 + 31 + 30 = 131 days.
    let lake = task(unscheduled, "lake-outfalls");
    assert_eq!(lake["due"], "2024-06-30");
    assert_eq!(lake["days_left"], 131);
    assert_eq!(lake["assumed"], json!(["due"]));
    // A count without dates has none, whatever its campaign's.
    assert_eq!(task(unscheduled, "firms")["due"], Value::Null);
}

#[test]
fn markdown_marks_assumed_values_and_the_statuses_resting_on_them() {
    let md = render(CONTRACT2, Format::Markdown, Lang::En);
    assert!(md.contains("\n\\* assumed: not from the source\n"), "{md}");
    // ahead: both planned tasks start on an assumed date.
    assert!(
        md.contains(
            "Status ○ not-started\\* (2 planned tasks) · Progress: no task begun yet (2 planned, from 2024-03-01\\*)"
        ),
        "{md}"
    );
    // finished: not-met rests on the assumed value 80; the progress on the
    // assumed done count of closures; 序时进度 on no assumed date.
    assert!(
        md.contains(
            "Status ✗ not-met\\* (1 of 2 indicators) · Progress 100%\\* (2 of 2 tasks measured) · expected by now 50% ·"
        ),
        "{md}"
    );
    assert!(
        md.contains("| Firms closed | 10/10 firms\\* | 100%\\* | 50% | ✔ done\\* |"),
        "{md}"
    );
    assert!(
        md.contains("| Rectification plans | 5/5 | 100% | 50% | ✔ done |"),
        "{md}"
    );
    assert!(
        md.contains("| Good-air days | 80%\\* | ≥ 90% | ✗ not-met\\* |"),
        "{md}"
    );
    // weighted: 38% and 64% floored from 2.72/7 and 4.5/7; the progress
    // rests on small's assumed weight, 序时进度 on the assumed end.
    assert!(md.contains("Status ✖ overdue\\* (1 of 4 measured tasks) · Progress 38%\\* (4 of 4 tasks measured) · expected by now 64%\\* ·"), "{md}");
    // unscheduled: nothing its status rests on is assumed.
    assert!(
        md.contains(
            "Status ◔ in-progress (1 measured task) · Progress 75% (1 of 3 tasks measured)"
        ),
        "{md}"
    );
    // A plain count in the figures table, with only its own due.
    assert!(
        md.contains("| Lake outfalls under rectification | 55 outfalls | 2024-06-30\\* | 131\\* |"),
        "{md}"
    );
    // A count is a figure, never a share done.
    assert!(
        md.contains("| Figure | Amount |\n| --- | ---: |\n| Site visits | 12 visits |\n"),
        "{md}"
    );
}

#[test]
fn the_attention_list_is_worst_first_with_gaps_in_shown_points() {
    let md = render(CONTRACT2, Format::Markdown, Lang::En);
    let lines: Vec<&str> = md.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(
        lines,
        [
            // 10 days past its own due (not assumed); its total is.
            "- ✖ overdue\\* · Weighted / Late job: 2/8\\* (25%\\*) · 10 days past due · Lead: Water bureau",
            "- ✗ not-met\\* · Work done / Good-air days: 80%\\* (target ≥ 90%) · Lead: City bureau",
            // 50% − 30% = 20 points; 50% − 42% = 8 points; the task's own lead first.
            // The gap is marked as the 序时进度 it is taken from (contract 3).
            "- ▼ behind\\* · Weighted / Big job: 30/100 (30%) · expected by now 50%\\*, 20 points short\\* · Lead: Water bureau",
            "- ▲ at-risk\\* · Weighted / Medium job: 42/100 (42%) · expected by now 50%\\*, 8 points short\\* · Lead: District one",
        ]
    );
    let text = render(CONTRACT2, Format::Text, Lang::Zh);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].starts_with("- ✖ 逾期* · 加权攻坚 / 逾期项"),
        "{text}"
    );
    assert!(
        lines[2].contains("序时进度50%*，差20个百分点* · 责任单位：市水务局"),
        "{text}"
    );
}

#[test]
fn text_marks_values_right_after_them() {
    let text = render(CONTRACT2, Format::Text, Lang::En);
    assert!(
        text.contains("\n* assumed: not from the source\n"),
        "{text}"
    );
    assert!(text.contains("Planned ahead: not-started* (2 planned tasks); no task begun yet (2 planned, from 2024-03-01*); 1 figure."), "{text}");
    assert!(
        text.contains("  - Firms closed: 10* of 10 firms done (100%*), done*, due 2024-04-10"),
        "{text}"
    );
    assert!(
        text.contains(
            "  - Late job: 2 of 8* done (25%*), overdue*, due 2024-02-10 (10 days past due)"
        ),
        "{text}"
    );
    assert!(
        text.contains("  - Dust fall: 4 t/km² (target ≤ 5 t/km²*), met*"),
        "{text}"
    );
    assert!(text.contains("  - Lake outfalls under rectification: 55 outfalls, due 2024-06-30* (131 days left*; Being rectified; none reported finished)"), "{text}");
    let zh = render(CONTRACT2, Format::Text, Lang::Zh);
    assert!(zh.contains("\n* 示例：非来源数据\n"), "{zh}");
}

#[test]
fn without_assumed_values_there_is_no_mark_and_no_legend() {
    let file = "tests/fixtures/report/all-statuses.toml";
    for lang in [Lang::En, Lang::Zh] {
        let md = render(file, Format::Markdown, lang);
        assert!(!md.contains("\\*"), "{md}");
        let text = render(file, Format::Text, lang);
        assert!(!text.contains('*'), "{text}");
    }
}

#[test]
fn the_csv_names_the_assumed_fields_of_each_row() {
    let csv_text = render(CONTRACT2, Format::Csv, Lang::En);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = headers.iter().position(|h| h == "assumed").unwrap();
    // Only the qualifiers of a figure (`approx`) follow it.
    let after: Vec<&str> = headers.iter().skip(column + 1).collect();
    assert_eq!(after, ["approx"]);
    let assumed: Vec<(String, String)> = reader
        .records()
        .map(Result::unwrap)
        .map(|row| (row[2].to_owned(), row[column].to_owned()))
        .collect();
    let of = |id: &str| {
        assumed
            .iter()
            .find(|(row, _)| row == id)
            .map(|(_, fields)| fields.as_str())
            .unwrap()
    };
    assert_eq!(of("survey"), "start");
    assert_eq!(of("visits"), "");
    assert_eq!(of("dust"), "target;history");
    assert_eq!(of("big"), "due");
    assert_eq!(of("lake-outfalls"), "due");
    assert_eq!(of("plans"), "");
}
