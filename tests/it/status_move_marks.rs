//! A status move that rests on an assumed value carries `*` everywhere it
//! is shown: the shipped good-air days were 95.5 on 2024-11-30 (met against
//! the assumed 95 % target) and are 94 now (not met). The screen's changes
//! list, the brief, and markdown and text with `--since` all say the item
//! was met, with the move marked; none of them drops it.

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

/// The shipped file as it was on 2024-11-30 (good-air days met), then as shipped.
fn good_air_fell() -> Fixture {
    good_air_fell_in(std::fs::read_to_string(FILE).unwrap())
}

/// `shipped` as it was on 2024-11-30, then as it is.
fn good_air_fell_in(shipped: String) -> Fixture {
    let then = shipped
        .replace("as_of = 2024-12-31", "as_of = 2024-11-30")
        .replacen("value = 94.0\n", "value = 95.5\n", 1);
    assert_ne!(then, shipped);
    let fixture = Fixture::new();
    fixture.commit(FILE, &then, "2024-12-01T12:00:00+08:00");
    fixture.commit(FILE, &shipped, "2025-01-01T12:00:00+08:00");
    fixture
}

fn run(fixture: &Fixture, args: &[&str]) -> String {
    fixture.campaigns(args)
}

/// The one line of `text` that names the good-air days.
fn good_air(text: &str) -> &str {
    let mut lines = text
        .lines()
        .filter(|l| l.contains("good-air") || l.contains("优良天数"));
    let line = lines.find(|l| l.contains("was met") || l.contains("原为达标") || l.contains("→"));
    line.unwrap_or_else(|| panic!("no status move of the good-air days in:\n{text}"))
}

#[test]
fn the_changes_list_marks_a_move_resting_on_an_assumed_target() {
    let fixture = good_air_fell();
    let screen = run(
        &fixture,
        &[
            "render",
            FILE,
            "--view",
            "changes",
            "--since",
            "2024-11-30",
            "--size",
            "120x40",
            "--lang",
            "en",
        ],
    );
    assert!(good_air(&screen).contains("−1.5 ↓* was met"), "{screen}");
}

#[test]
fn the_brief_marks_a_move_resting_on_an_assumed_target() {
    let fixture = good_air_fell();
    let brief = run(&fixture, &["report", FILE, "--brief", "--lang", "en"]);
    assert!(good_air(&brief).contains("✓ met → ✗ not-met\\*"), "{brief}");
}

#[test]
fn markdown_and_text_say_what_the_item_was_with_the_move_marked() {
    let fixture = good_air_fell();
    let report = |format, lang| {
        let args = [
            "report",
            FILE,
            "--since",
            "2024-11-30",
            "--format",
            format,
            "--lang",
            lang,
        ];
        run(&fixture, &args)
    };
    let cases = [
        ("md", "en", "94%, -1.5 since 2024-11-30, ↓\\* was met"),
        ("md", "zh", "94%，较2024-11-30 -1.5，↓\\* 原为达标"),
        ("text", "en", "94%, -1.5 since 2024-11-30, ↓* was met"),
        ("text", "zh", "94%，较2024-11-30 -1.5，↓* 原为达标"),
    ];
    for (format, lang, expected) in cases {
        let text = report(format, lang);
        assert!(
            good_air(&text).contains(expected),
            "{format} {lang}:\n{text}"
        );
    }
    // JSON keeps the status then; the status now rests on the assumed target.
    let json: serde_json::Value = serde_json::from_str(&report("json", "en")).unwrap();
    let item = &json["campaigns"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "good-air-days")
        .unwrap();
    assert_eq!(item["previous"]["status"], "met");
    // Met then rested on the assumed target too.
    let marked = serde_json::json!(["target", "status", "previous.status"]);
    assert_eq!(item["marked"], marked);
    // The CSV's `marked` column lists the same keys, by the same rule.
    let csv = report("csv", "en");
    let row = csv
        .lines()
        .find(|row| row.contains(",indicator,good-air-days,"))
        .unwrap();
    assert!(row.contains(",target;status;previous.status,"), "{row}");
}

/// With the target from the source, the same move carries no mark.
#[test]
fn a_move_resting_on_nothing_assumed_is_not_marked() {
    let shipped = std::fs::read_to_string(FILE).unwrap();
    let sourced = shipped.replacen("assumed = [\"target\"]\n", "", 1);
    assert_ne!(sourced, shipped);
    let fixture = good_air_fell_in(sourced);
    let args = [
        "report",
        FILE,
        "--since",
        "2024-11-30",
        "--format",
        "text",
        "--lang",
        "en",
    ];
    let text = run(&fixture, &args);
    assert!(
        good_air(&text).contains("-1.5 since 2024-11-30, ↓ was met"),
        "{text}"
    );
    let screen = run(
        &fixture,
        &[
            "render",
            FILE,
            "--view",
            "changes",
            "--since",
            "2024-11-30",
            "--size",
            "120x40",
        ],
    );
    assert!(good_air(&screen).contains("−1.5 ↓ was met"), "{screen}");
}

/// The brief in markdown escapes the `*` of a change that rests on an
/// assumed count, as it does every other mark: `+2\*`, never emphasis.
#[test]
fn the_briefs_change_of_an_assumed_count_keeps_its_mark_escaped() {
    let shipped = std::fs::read_to_string(FILE).unwrap();
    let fixture = Fixture::new();
    fixture.commit(FILE, &shipped, "2025-01-01T12:00:00+08:00");
    let assumed = "assumed = [\"due\", \"done\"]";
    let now = shipped
        .replace("as_of = 2024-12-31", "as_of = 2025-01-31")
        .replacen("done = 110\n", "done = 112\n", 1)
        .replacen("assumed = [\"due\"]", assumed, 1);
    assert!(now.contains("done = 112") && now.contains(assumed));
    fixture.commit(FILE, &now, "2025-02-01T12:00:00+08:00");
    let brief = run(&fixture, &["report", FILE, "--brief", "--lang", "en"]);
    let line = brief.lines().find(|l| l.contains("112/113"));
    let line = line.unwrap_or_else(|| panic!("no outfalls line in\n{brief}"));
    assert!(line.contains("+2\\* since 2024-12-31"), "{line}");
}
