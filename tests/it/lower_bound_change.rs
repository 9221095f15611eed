//! A change where either figure is a lower bound (`approx = "more-than"`)
//! is not known exactly: the shipped file's 90余 notices, then 120余 a
//! month later, is `≈+30` (zh `约+30`, ASCII `~+30`) on the screen and in
//! every report, never a bare `+30`; JSON keeps `change` a number and
//! lists it among the item's `approximate` keys.

use serde_json::Value;

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

/// The shipped file committed, then its 90余 notices grown to 120余 and
/// reported on 2025-01-31.
pub fn notices_grown(approx_then: bool, approx_now: bool) -> Fixture {
    let shipped = std::fs::read_to_string(FILE).unwrap();
    let fixture = Fixture::new();
    let then = match approx_then {
        true => shipped.clone(),
        false => shipped.replace("approx = \"more-than\"      # the report: 90余份", ""),
    };
    fixture.commit(FILE, &then, "2025-01-01T12:00:00+08:00");
    let now = shipped
        .replace("done = 90\n", "done = 120\n")
        .replace("as_of = 2024-12-31", "as_of = 2025-01-31");
    let now = match approx_now {
        true => now,
        false => now.replace("approx = \"more-than\"      # the report: 90余份", ""),
    };
    assert_ne!(now, shipped);
    fixture.commit(FILE, &now, "2025-02-01T12:00:00+08:00");
    fixture
}

fn run(fixture: &Fixture, args: &[&str]) -> String {
    fixture.campaigns(args)
}

fn report(fixture: &Fixture, format: &str, lang: &str, extra: &[&str]) -> String {
    let args = [
        &[
            "report",
            FILE,
            "--since",
            "2024-12-31",
            "--format",
            format,
            "--lang",
            lang,
        ][..],
        extra,
    ]
    .concat();
    run(fixture, &args)
}

#[test]
fn a_change_between_lower_bounds_reads_approximate_in_text_and_markdown() {
    let fixture = notices_grown(true, true);
    for (format, lang, extra, said) in [
        ("text", "en", &[][..], "120+ notices, ≈+30 since 2024-12-31"),
        ("md", "en", &[][..], "≈+30 since 2024-12-31"),
        ("text", "zh", &[][..], "较2024-12-31 约+30"),
        ("text", "en", &["--ascii"][..], "~+30 since 2024-12-31"),
    ] {
        let text = report(&fixture, format, lang, extra);
        assert!(text.contains(said), "{format} {lang} {extra:?}:\n{text}");
        assert!(!text.contains(", +30 since"), "{format} {lang}: a bare +30");
    }
}

#[test]
fn one_lower_bound_on_either_side_is_enough() {
    for (then, now) in [(true, false), (false, true)] {
        let fixture = notices_grown(then, now);
        let text = report(&fixture, "text", "en", &[]);
        assert!(
            text.contains("≈+30 since"),
            "then {then}, now {now}:\n{text}"
        );
    }
    let exact = notices_grown(false, false);
    let text = report(&exact, "text", "en", &[]);
    assert!(text.contains("120 notices, +30 since"), "{text}");
}

fn notices(report: &Value) -> &Value {
    let campaigns = report["campaigns"].as_array().unwrap().iter();
    campaigns
        .flat_map(|c| c["tasks"].as_array().unwrap())
        .find(|t| t["id"] == "supervision-notices")
        .unwrap()
}

#[test]
fn json_keeps_the_number_and_says_it_is_approximate() {
    let fixture = notices_grown(true, true);
    let json: Value = serde_json::from_str(&report(&fixture, "json", "en", &[])).unwrap();
    let task = notices(&json);
    assert_eq!(task["change"], 30);
    assert_eq!(task["approximate"], serde_json::json!(["change"]));
    let exact = notices_grown(false, false);
    let json: Value = serde_json::from_str(&report(&exact, "json", "en", &[])).unwrap();
    assert_eq!(notices(&json)["change"], 30);
    assert_eq!(notices(&json)["approximate"], serde_json::json!([]));
}

#[test]
fn csv_says_which_change_is_approximate() {
    let fixture = notices_grown(true, true);
    let csv = report(&fixture, "csv", "en", &[]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row = lines
        .map(|line| line.split(',').collect::<Vec<_>>())
        .find(|cells| cells[2] == "supervision-notices")
        .unwrap();
    assert_eq!(row[at("change")], "30");
    assert_eq!(row[at("approximate")], "change");
}

#[test]
fn the_screen_shows_the_change_as_approximate() {
    let fixture = notices_grown(true, true);
    for (lang, extra, said) in [
        ("en", &[][..], "≈+30"),
        ("zh", &[][..], "约+30"),
        ("en", &["--ascii"][..], "~+30"),
    ] {
        for view in ["inspection", "changes"] {
            let args = [
                &["render", FILE, "--size", "120x40", "--since", "2024-12-31"][..],
                &["--lang", lang, "--view", view],
                extra,
            ]
            .concat();
            let screen = run(&fixture, &args);
            assert!(screen.contains(said), "{lang} {view} {extra:?}:\n{screen}");
        }
    }
}

#[test]
fn the_brief_says_the_change_is_approximate() {
    let fixture = notices_grown(true, true);
    let brief = report(&fixture, "md", "en", &["--brief"]);
    assert!(brief.contains("≈+30 since 2024-12-31"), "{brief}");
}

/// `campaigns history` writes each point with the sign its revision gave
/// it: 90余 then 120余, and an exact 90 before `approx` was written.
#[test]
fn history_points_keep_their_lower_bound() {
    let fixture = notices_grown(true, true);
    let args = ["history", FILE, "inspection/supervision-notices", "--lang"];
    let en = run(&fixture, &[&args[..], &["en"]].concat());
    assert!(en.contains(" 90+ "), "{en}");
    assert!(en.contains(" 120+ "), "{en}");
    let zh = run(&fixture, &[&args[..], &["zh"]].concat());
    assert!(zh.contains("90余"), "{zh}");
    let exact_then = notices_grown(false, true);
    let en = run(&exact_then, &[&args[..], &["en"]].concat());
    assert!(en.contains(" 90 "), "{en}");
    assert!(!en.contains("90+"), "{en}");
}
