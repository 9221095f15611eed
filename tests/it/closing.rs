//! 销号 and 督办 read the same in every format (issue 25): the closed count,
//! the notices' count and the last notice's day in JSON, CSV, markdown and
//! text, in both languages, and on the screen's detail, attention list and
//! card.

use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/report/closing.toml";

fn run(args: &[&str]) -> String {
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn report(format: &str, lang: &str) -> String {
    run(&["report", FIXTURE, "--format", format, "--lang", lang])
}

/// Each item's (closed, notices, last notice) as the JSON report gives them.
fn from_json() -> Vec<(String, Option<f64>, usize, Option<String>)> {
    let json: Value = serde_json::from_str(&report("json", "en")).unwrap();
    let mut items = Vec::new();
    for campaign in json["campaigns"].as_array().unwrap() {
        let tasks = campaign["tasks"].as_array().unwrap();
        let indicators = campaign["indicators"].as_array().unwrap();
        for item in tasks.iter().chain(indicators) {
            let notices = item["notices"].as_array().unwrap();
            items.push((
                item["id"].as_str().unwrap().to_owned(),
                item.get("closed").and_then(Value::as_f64),
                notices.len(),
                notices
                    .last()
                    .map(|n| n["date"].as_str().unwrap().to_owned()),
            ));
        }
    }
    items
}

/// The same from the CSV's `closed`, `notices` and `last_notice` columns.
fn from_csv() -> Vec<(String, Option<f64>, usize, Option<String>)> {
    let csv = report("csv", "en");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (id, closed, notices, last) = (
        column("id"),
        column("closed"),
        column("notices"),
        column("last_notice"),
    );
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (
                cells[id].to_owned(),
                cells[closed].parse().ok(),
                cells[notices].parse().unwrap(),
                Some(cells[last].to_owned()).filter(|d| !d.is_empty()),
            )
        })
        .collect()
}

#[test]
fn json_and_csv_give_the_same_closed_and_notices() {
    let json = from_json();
    assert_eq!(json, from_csv());
    let findings = &json[0];
    assert_eq!(
        findings,
        &(
            "findings".to_owned(),
            Some(120.0),
            2,
            Some("2024-05-10".into())
        )
    );
    // A task of one closed on a date counts one closed.
    assert_eq!(json[1].1, Some(1.0));
    let pm25 = json.iter().find(|item| item.0 == "pm25").unwrap();
    assert_eq!((pm25.2, pm25.3.as_deref()), (1, Some("2024-06-03")));
}

#[test]
fn json_writes_the_date_stage_and_notices_of_a_closing() {
    let json: Value = serde_json::from_str(&report("json", "zh")).unwrap();
    let tasks = &json["campaigns"][0]["tasks"];
    assert_eq!(tasks[0]["stage"], "公示");
    assert_eq!(tasks[0]["notices"][1]["ref"], "潜环督〔2024〕12号");
    assert_eq!(tasks[0]["notices"][1]["note"], "限期整改");
    assert_eq!(tasks[1]["closed_on"], "2024-06-20");
    assert_eq!(tasks[2]["status"], "done-open");
    assert_eq!(tasks[3]["closed"], 38);
    assert_eq!(tasks[3]["closed_on"], Value::Null);
}

#[test]
fn markdown_and_text_say_the_same_as_json() {
    for (lang, closing, notices, indicator) in [
        (
            "en",
            "131 done · 120 closed · 35 on schedule of 166",
            "2 notices · last 05-10",
            "1 notice · last 06-03",
        ),
        (
            "zh",
            "完成131 · 销号120 · 序时推进35 / 166",
            "督办2次 · 最近05-10",
            "督办1次 · 最近06-03",
        ),
    ] {
        for format in ["md", "text"] {
            let shown = report(format, lang);
            for expected in [closing, notices, indicator] {
                assert!(
                    shown.contains(expected),
                    "{format} {lang}: {expected}\n{shown}"
                );
            }
        }
    }
    let md = report("md", "en");
    assert!(md.contains("8 done · 5 closed of 8"), "{md}");
    assert!(md.contains("◑ done-open"), "{md}");
}

#[test]
fn the_screen_shows_the_same_figures() {
    let render = |view: &str, select: Option<&str>, lang: &str| {
        let mut args = vec!["render", FIXTURE, "--size", "120x40", "--lang", lang];
        args.extend(["--view", view]);
        if let Some(select) = select {
            args.extend(["--select", select]);
        }
        run(&args)
    };
    let detail = render("inspection", Some("inspection/findings"), "zh");
    assert!(
        detail.contains("完成131 · 销号120 · 序时推进35 / 166"),
        "{detail}"
    );
    assert!(detail.contains("督办2次 · 最近05-10"), "{detail}");
    assert!(detail.contains("销号步骤 公示"), "{detail}");
    assert!(detail.contains("潜环督〔2024〕12号 限期整改"), "{detail}");
    // The list row where it fits: at 120 columns, not at 80.
    assert!(detail.contains("183天 销号120"), "{detail}");
    let narrow = run(&["render", FIXTURE, "--size", "80x24", "--view", "inspection"]);
    let row = narrow.lines().find(|line| line.contains("Sites")).unwrap();
    assert!(!row.contains("closed"), "{narrow}");
    let attention = render("attention", None, "en");
    assert!(
        attention.contains("PM2.5 · 1 notice · last 06-03"),
        "{attention}"
    );
    let card = render("overview", None, "en");
    assert!(card.contains("164 closed of 180 done"), "{card}");
}
