//! Year on year beside a lower bound (`approx = "more-than"`): the shipped
//! file's 90余 notices of 2024-12-31, then 120余 a year later. The 同比 is
//! only approximate (up ≈33.3%, 同比上升约33.3%), and last year's figure,
//! wherever it is shown, keeps its sign (90+ notices, 90余份).

use serde_json::Value;

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";
const APPROX: &str = "approx = \"more-than\"      # the report: 90余份";

/// The shipped file committed on its reporting date, then a year later
/// with 120 notices; `approx_now`: the later figure is still a lower bound.
pub fn a_year_later(approx_then: bool, approx_now: bool) -> Fixture {
    let shipped = std::fs::read_to_string(FILE).unwrap();
    assert!(shipped.contains(APPROX));
    let fixture = Fixture::new();
    let then = match approx_then {
        true => shipped.clone(),
        false => shipped.replace(APPROX, ""),
    };
    fixture.commit(FILE, &then, "2024-12-31T18:00:00+08:00");
    let now = shipped
        .replace("done = 90\n", "done = 120\n")
        .replace("as_of = 2024-12-31", "as_of = 2025-12-31");
    let now = match approx_now {
        true => now,
        false => now.replace(APPROX, ""),
    };
    fixture.commit(FILE, &now, "2025-12-31T18:00:00+08:00");
    fixture
}

fn run(fixture: &Fixture, args: &[&str]) -> String {
    fixture.campaigns(args)
}

fn report(fixture: &Fixture, format: &str, lang: &str, extra: &[&str]) -> String {
    let args = ["report", FILE, "--yoy", "--format", format, "--lang", lang];
    run(fixture, &[&args[..], extra].concat())
}

#[test]
fn the_year_on_year_of_a_lower_bound_is_approximate_and_last_years_keeps_its_sign() {
    let fixture = a_year_later(true, true);
    for (format, lang, extra, said) in [
        (
            "text",
            "en",
            &[][..],
            "Supervision notices sent up ≈33.3% year on year, better \
             (same period last year: 90+ notices on 2024-12-31",
        ),
        ("md", "en", &[][..], "up ≈33.3% year on year"),
        ("text", "en", &["--ascii"][..], "up ~33.3% year on year"),
        (
            "text",
            "zh",
            &[][..],
            "下发督办通知同比上升约33.3%，好转（上年同期2024-12-31：90余份",
        ),
    ] {
        let text = report(&fixture, format, lang, extra);
        assert!(text.contains(said), "{format} {lang} {extra:?}:\n{text}");
    }
}

#[test]
fn a_lower_bound_last_year_only_is_enough() {
    let fixture = a_year_later(true, false);
    let text = report(&fixture, "text", "en", &[]);
    assert!(text.contains("up ≈33.3% year on year"), "{text}");
    assert!(text.contains("90+ notices on 2024-12-31"), "{text}");
    let exact = a_year_later(false, false);
    let text = report(&exact, "text", "en", &[]);
    assert!(text.contains("up 33.3% year on year"), "{text}");
    assert!(text.contains("last year: 90 notices on"), "{text}");
}

fn notices(report: &Value) -> &Value {
    let campaigns = report["campaigns"].as_array().unwrap().iter();
    campaigns
        .flat_map(|c| c["tasks"].as_array().unwrap())
        .find(|t| t["id"] == "supervision-notices")
        .unwrap()
}

#[test]
fn json_and_csv_say_the_year_on_year_is_approximate() {
    let fixture = a_year_later(true, true);
    let json: Value = serde_json::from_str(&report(&fixture, "json", "en", &[])).unwrap();
    let task = notices(&json);
    assert_eq!(task["yoy"]["figure"], 90);
    assert_eq!(task["approximate"], serde_json::json!(["yoy"]));
    let exact = a_year_later(false, false);
    let json: Value = serde_json::from_str(&report(&exact, "json", "en", &[])).unwrap();
    assert_eq!(notices(&json)["approximate"], serde_json::json!([]));

    let csv = report(&fixture, "csv", "en", &[]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let row = lines
        .map(|line| line.split(',').collect::<Vec<_>>())
        .find(|cells| cells[2] == "supervision-notices")
        .unwrap();
    assert_eq!(row[at("approximate")], "yoy");
}

#[test]
fn the_year_view_shows_last_years_sign_and_an_approximate_change() {
    let fixture = a_year_later(true, true);
    for (lang, said) in [
        ("en", ["90+ notices", "up ≈33.3%"]),
        ("zh", ["90余份", "上升约33.3%"]),
    ] {
        let args = [
            "render", FILE, "--size", "200x50", "--lang", lang, "--view", "year",
        ];
        let screen = run(&fixture, &args);
        for said in said {
            assert!(screen.contains(said), "{lang}: {said}\n{screen}");
        }
    }
}
