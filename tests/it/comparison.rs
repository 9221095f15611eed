//! One comparison, seen the same way everywhere: repositories built with
//! the git command line (a same-date `set --record` correction, a removed
//! item, a renamed item, an invalid revision, an uncommitted working copy,
//! reports committed days after their reporting date), and for every
//! `--since` of each, what the screen renders (`render --since`: the
//! changes list and each campaign's rows) against the JSON report's
//! `previous` and `change`, item by item; the JSON's `previous` against a
//! whole report of the baseline (`git show REV:FILE`), so a figure is the
//! revision's own; and a REV or DATE that finds nothing is one error line,
//! exit 2, for `report`, `render` and the screen.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Output;

use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

/// The figures of one report: Main Canal, Outfalls (or its renamed
/// successor), the River's class, good-air days, and what `extra` adds.
struct Figures<'a> {
    as_of: &'a str,
    canal: u32,
    outfalls: u32,
    river: &'a str,
    air: f64,
    extra: &'a str,
}

const OUTFALLS: &str = "[[campaign.task]]\nid = \"outfalls\"\nname = \"Outfalls\"\n";
const DUST: &str =
    "\n[[campaign.task]]\nid = \"dust-sites\"\nname = \"Dust sites\"\ndone = 4\ntotal = 9\n";

fn plan(f: &Figures<'_>) -> String {
    format!(
        "[meta]\ntitle = \"T\"\nas_of = {}\n\n\
         [[campaign]]\nid = \"water\"\nname = \"Water\"\nstart = 2024-01-01\nend = 2025-12-31\n\n\
         [[campaign.task]]\nid = \"main-canal\"\nname = \"Main Canal\"\ndone = {}\ntotal = 100\n\n\
         {OUTFALLS}done = {}\ntotal = 20\n\n\
         [[campaign.task]]\nid = \"notices\"\nname = \"Notices\"\ndone = 7\n\n\
         [[campaign.indicator]]\nid = \"river\"\nname = \"River class\"\nscale = \"water-class\"\nvalue = \"{}\"\ntarget = \"II\"\n\n\
         [[campaign]]\nid = \"air\"\nname = \"Air\"\nstart = 2024-01-01\nend = 2024-12-31\n\n\
         [[campaign.indicator]]\nid = \"good-air\"\nname = \"Good-air days\"\nunit = \"%\"\nvalue = {}\ntarget = 95\nbetter = \"higher\"\n{}",
        f.as_of, f.canal, f.outfalls, f.river, f.air, f.extra
    )
}

fn november() -> String {
    plan(&Figures {
        as_of: "2024-11-30",
        canal: 45,
        outfalls: 12,
        river: "III",
        air: 96.0,
        extra: DUST,
    })
}

fn december() -> String {
    plan(&Figures {
        as_of: "2024-12-31",
        canal: 53,
        outfalls: 12,
        river: "III",
        air: 94.0,
        extra: DUST,
    })
}

/// Runs the binary in the fixture.
fn run(fixture: &Fixture, args: &[&str]) -> Output {
    crate::binary::assert_command()
        .current_dir(fixture.path())
        .env("GIT_CEILING_DIRECTORIES", fixture.path().parent().unwrap())
        .args(args)
        .args(["--lang", "en"])
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// November, then December committed on 6 January and corrected on the
/// same reporting date with `set --record` on 8 January, then January.
fn correction() -> Fixture {
    let fixture = Fixture::new();
    fixture.commit(FILE, &november(), "2024-12-03T10:00:00+08:00");
    fixture.commit(FILE, &december(), "2025-01-06T10:00:00+08:00");
    let set = run(
        &fixture,
        &["set", FILE, "water/main-canal", "--done", "60", "--record"],
    );
    assert_eq!(set.status.code(), Some(0), "{set:?}");
    fixture.git_at(
        &["commit", "-q", "-am", "correction"],
        "2025-01-08T10:00:00+08:00",
    );
    let january = std::fs::read_to_string(fixture.file(FILE))
        .unwrap()
        .replacen("as_of = 2024-12-31", "as_of = 2025-01-31", 1)
        .replacen("done = 60\n", "done = 65\n", 1)
        .replacen("value = \"III\"", "value = \"II\"", 1);
    assert!(
        january.contains("done = 60 }"),
        "the recorded point stays:\n{january}"
    );
    fixture.commit(FILE, &january, "2025-02-04T10:00:00+08:00");
    fixture
}

/// Dust sites are gone in January's report.
fn removed() -> Fixture {
    let fixture = Fixture::new();
    fixture.commit(FILE, &november(), "2024-12-02T10:00:00+08:00");
    fixture.commit(FILE, &december(), "2025-01-05T10:00:00+08:00");
    let january = december()
        .replacen("as_of = 2024-12-31", "as_of = 2025-01-31", 1)
        .replacen(DUST, "", 1)
        .replacen("done = 53", "done = 58", 1);
    fixture.commit(FILE, &january, "2025-02-03T10:00:00+08:00");
    fixture
}

/// Outfalls become outfall sites (a new id) in January.
fn renamed() -> Fixture {
    let fixture = Fixture::new();
    fixture.commit(FILE, &december(), "2025-01-04T10:00:00+08:00");
    let january = december()
        .replacen("as_of = 2024-12-31", "as_of = 2025-01-31", 1)
        .replacen(
            OUTFALLS,
            "[[campaign.task]]\nid = \"outfall-sites\"\nname = \"Outfall sites\"\n",
            1,
        );
    fixture.commit(FILE, &january, "2025-02-05T10:00:00+08:00");
    fixture
}

/// A December commit that does not load, fixed two days later.
fn invalid() -> Fixture {
    let fixture = Fixture::new();
    fixture.commit(FILE, &november(), "2024-12-02T10:00:00+08:00");
    let broken = december().replacen("done = 53", "done = = 53", 1);
    fixture.commit(FILE, &broken, "2025-01-03T10:00:00+08:00");
    fixture.commit(FILE, &december(), "2025-01-05T10:00:00+08:00");
    fixture
}

/// January's figures in the working copy, not committed.
fn working_copy() -> Fixture {
    let fixture = Fixture::new();
    fixture.commit(FILE, &november(), "2024-12-04T10:00:00+08:00");
    fixture.commit(FILE, &december(), "2025-01-07T10:00:00+08:00");
    let january = december()
        .replacen("as_of = 2024-12-31", "as_of = 2025-01-31", 1)
        .replacen("done = 53", "done = 61", 1)
        .replacen("value = 94.0", "value = 95.5", 1);
    std::fs::write(fixture.file(FILE), january).unwrap();
    fixture
}

/// Every `--since` worth asking of `fixture`: each commit (whole, short,
/// `HEAD~n`), each reporting date and the days either side, a day before
/// every report, and a name that is nothing.
fn sinces(fixture: &Fixture) -> Vec<String> {
    let commits = fixture.log(FILE);
    let mut out: Vec<String> = vec!["nosuch".into(), "2023-06-30".into()];
    for (back, commit) in commits.iter().rev().enumerate() {
        out.push(commit.clone());
        out.push(commit[..7].to_owned());
        out.push(format!("HEAD~{back}"));
        if let Some(day) = fixture.show(commit, FILE).as_deref().and_then(as_of) {
            for shifted in [day.pred_opt().unwrap(), day, day + Days::new(1)] {
                out.push(shifted.format("%Y-%m-%d").to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn as_of(plan: &str) -> Option<NaiveDate> {
    let line = plan.lines().find(|l| l.starts_with("as_of = "))?;
    NaiveDate::parse_from_str(line.trim_start_matches("as_of = "), "%Y-%m-%d").ok()
}

/// The items of a JSON report by `campaign/item`.
fn items(report: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for campaign in report["campaigns"].as_array().unwrap() {
        let id = campaign["id"].as_str().unwrap();
        let tasks = campaign["tasks"].as_array().unwrap();
        for item in tasks
            .iter()
            .chain(campaign["indicators"].as_array().unwrap())
        {
            out.insert(
                format!("{id}/{}", item["id"].as_str().unwrap()),
                item.clone(),
            );
        }
    }
    out
}

/// A task's `done` or an indicator's `value`.
fn figure(item: &Value) -> &Value {
    if item.get("done").is_some_and(|d| !d.is_null()) {
        &item["done"]
    } else {
        &item["value"]
    }
}

/// Whether the screen lists the item as moved: new, or its figure or its
/// status differs from the baseline's.
fn moved(item: &Value) -> bool {
    let previous = &item["previous"];
    previous.is_null() || figure(previous) != figure(item) || previous["status"] != item["status"]
}

/// A change as the screen writes it: `+12`, `−3` (a true minus).
fn signed(change: &Value) -> Option<String> {
    let amount = change.as_f64().filter(|c| *c != 0.0)?;
    let digits = change.to_string().trim_start_matches('-').to_owned();
    Some(if amount > 0.0 {
        format!("+{digits}")
    } else {
        format!("−{digits}")
    })
}

/// The row of the item named `name` among `rows`, if any.
fn row_of<'a>(rows: &[&'a str], name: &str) -> Option<&'a str> {
    let found: Vec<&&str> = rows.iter().filter(|r| r.contains(name)).collect();
    assert!(found.len() <= 1, "{name} on {} rows", found.len());
    found.first().map(|r| **r)
}

/// The framed rows of a list drawn by `render` (between its top and bottom
/// borders), with the header row and the detail pane left out.
fn list_rows(frame: &str) -> Vec<&str> {
    frame
        .lines()
        .skip_while(|l| !l.starts_with('╭'))
        .skip(1)
        .take_while(|l| !l.starts_with('╰'))
        .filter(|l| !l.contains("Status "))
        .collect()
}

/// Everything compared for `since` in `fixture`; the number of items.
fn check(fixture: &Fixture, since: &str) -> usize {
    let report = run(
        fixture,
        &["report", FILE, "--format", "json", "--since", since],
    );
    let changes = run(
        fixture,
        &[
            "render", FILE, "--view", "changes", "--size", "160x50", "--since", since,
        ],
    );
    if report.status.code() != Some(0) {
        one_error(fixture, since, &report, &changes);
        return 0;
    }
    assert_eq!(changes.status.code(), Some(0), "{since}: {changes:?}");
    let report: Value = serde_json::from_slice(&report.stdout).unwrap();
    let now = items(&report);
    let commit = report["since"]["commit"].as_str().unwrap().to_owned();
    let then = whole_report(fixture, &commit);
    let frame = text(&changes);
    let label = format!(
        "since {} ({})",
        report["since"]["as_of"].as_str().unwrap(),
        &commit[..7]
    );
    assert!(frame.contains(&label), "{since}: {label} in\n{frame}");
    let rows = list_rows(&frame);
    for (key, item) in &now {
        // The baseline's figure is that revision's own.
        match then.get(key) {
            Some(was) => {
                assert_eq!(figure(&item["previous"]), figure(was), "{since} {key}");
                assert_eq!(item["previous"]["status"], was["status"], "{since} {key}");
            }
            None => assert!(item["previous"].is_null(), "{since} {key}: new"),
        }
        let name = item["name"].as_str().unwrap();
        let row = row_of(&rows, name);
        assert_eq!(row.is_some(), moved(item), "{since} {key}: listed\n{frame}");
        let Some(row) = row else { continue };
        if let Some(amount) = signed(&item["change"]) {
            assert!(row.contains(&amount), "{since} {key}: {amount} in {row}");
        }
        if item["previous"].is_null() {
            assert!(row.contains("new"), "{since} {key}: new in {row}");
        } else if item["previous"]["status"] != item["status"] {
            let was = item["previous"]["status"].as_str().unwrap();
            assert!(
                row.contains(&format!("was {was}")) || row.contains(&format!(", {was}")),
                "{since} {key}: {was} in {row}"
            );
        }
    }
    removed_items(since, &frame, &now, &then);
    campaign_rows(fixture, since, &report, &now);
    // The label reads back as the same baseline.
    let again = run(
        fixture,
        &["report", FILE, "--format", "json", "--since", &label],
    );
    let again: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        again["since"]["commit"], report["since"]["commit"],
        "{since}: {label}"
    );
    now.len()
}

/// A `--since` that finds nothing: the same line, exit 2, from `report`,
/// `render` and the screen (before it needs a terminal).
fn one_error(fixture: &Fixture, since: &str, report: &Output, render: &Output) {
    let screen = run(fixture, &[FILE, "--since", since]);
    assert_eq!(report.status.code(), Some(2), "{since}: {report:?}");
    let line = String::from_utf8_lossy(&report.stderr).into_owned();
    assert_eq!(line.lines().count(), 1, "{line}");
    for (what, output) in [("render", render), ("screen", &screen)] {
        assert_eq!(output.status.code(), Some(2), "{since}: {what} {output:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            line,
            "{since}: {what}"
        );
        assert!(output.stdout.is_empty(), "{since}: {what}");
    }
}

/// The baseline's report, made from `git show COMMIT:FILE` loaded whole.
fn whole_report(fixture: &Fixture, commit: &str) -> BTreeMap<String, Value> {
    let then = fixture.show(commit, FILE).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("then.toml");
    std::fs::write(&path, then).unwrap();
    let output = crate::binary::assert_command()
        .args([
            "report",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    items(&serde_json::from_slice(&output.stdout).unwrap())
}

/// The items the baseline had and the plan has not are named under the
/// changes list, and only they.
fn removed_items(
    since: &str,
    frame: &str,
    now: &BTreeMap<String, Value>,
    then: &BTreeMap<String, Value>,
) {
    let gone: BTreeSet<&String> = then.keys().filter(|k| !now.contains_key(*k)).collect();
    let line = frame
        .lines()
        .find(|l| l.contains("removed since the baseline"));
    match line {
        None => assert!(gone.is_empty(), "{since}: {gone:?} not named\n{frame}"),
        Some(line) => {
            // Each by the name the baseline gave it (issue 25), not by id.
            for key in &gone {
                let name = then[key.as_str()]["name"].as_str().unwrap_or(key);
                assert!(line.contains(name), "{since}: {key} ({name}) in {line}");
            }
            let listed = line.split("removed since the baseline: ").nth(1);
            let listed = listed.unwrap_or_default().trim_end_matches(['│', ' ']);
            let named = listed.split(", ").count();
            assert_eq!(named, gone.len(), "{since}: {line}");
        }
    }
}

/// Each campaign's rows show the change the report gives, and no change
/// where it gives none.
fn campaign_rows(fixture: &Fixture, since: &str, report: &Value, now: &BTreeMap<String, Value>) {
    for campaign in report["campaigns"].as_array().unwrap() {
        let id = campaign["id"].as_str().unwrap();
        let view = run(
            fixture,
            &[
                "render", FILE, "--view", id, "--size", "160x50", "--since", since,
            ],
        );
        assert_eq!(view.status.code(), Some(0), "{since}: {view:?}");
        let frame = text(&view);
        let rows = list_rows(&frame);
        for (key, item) in now.iter().filter(|(k, _)| k.starts_with(&format!("{id}/"))) {
            let name = item["name"].as_str().unwrap();
            let row =
                row_of(&rows, name).unwrap_or_else(|| panic!("{since}: no row {name}\n{frame}"));
            let shown = row.contains('+') || row.contains('−');
            match signed(&item["change"]) {
                Some(amount) => assert!(row.contains(&amount), "{since} {key}: {amount} in {row}"),
                None => assert!(!shown, "{since} {key}: no change in {row}"),
            }
        }
    }
}

fn check_all(fixture: &Fixture) {
    let mut compared = 0;
    let sinces = sinces(fixture);
    for since in &sinces {
        compared += check(fixture, since);
    }
    assert!(compared > 0, "nothing compared for {sinces:?}");
}

#[test]
fn a_same_date_correction_is_compared_as_published() {
    let fixture = correction();
    check_all(&fixture);
    // The case: against December as first published, Main Canal
    // is +12 (65 against 53), on screen as in the report.
    let report = run(
        &fixture,
        &["report", FILE, "--format", "json", "--since", "HEAD~2"],
    );
    let report: Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(items(&report)["water/main-canal"]["change"], 12);
    // A DATE is a reporting date: December's reports were committed in
    // January; of the two, the correction (committed last).
    let report = run(
        &fixture,
        &["report", FILE, "--format", "json", "--since", "2024-12-31"],
    );
    let report: Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(report["since"]["commit"], fixture.log(FILE)[2].as_str());
    assert_eq!(items(&report)["water/main-canal"]["change"], 5);
    // The history lists both of December's figures.
    let history = text(&run(&fixture, &["history", FILE, "water/main-canal"]));
    let december: Vec<&str> = history
        .lines()
        .filter(|l| l.contains("2024-12-31"))
        .collect();
    assert!(december.iter().any(|l| l.contains(" 53 ")), "{history}");
    let corrected = december.iter().find(|l| l.contains(" 60 ")).unwrap();
    assert!(corrected.ends_with("(correction)"), "{history}");
    let json = run(
        &fixture,
        &["history", FILE, "water/main-canal", "--format", "json"],
    );
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    let points = json["items"]["water/main-canal"].as_array().unwrap();
    let flagged: Vec<&Value> = points.iter().filter(|p| p["correction"] == true).collect();
    assert_eq!(flagged.len(), 1, "{json}");
    assert_eq!(flagged[0]["done"], 60);
    // The detail says it too.
    let detail = run(
        &fixture,
        &[
            "render",
            FILE,
            "--select",
            "water/main-canal",
            "--since",
            "HEAD~2",
            "--size",
            "240x50",
        ],
    );
    let detail = text(&detail);
    assert!(detail.contains("2024-12-31 60 (correction)"), "{detail}");
}

#[test]
fn a_removed_item_is_compared_alike() {
    check_all(&removed());
}

#[test]
fn a_renamed_item_is_compared_alike() {
    check_all(&renamed());
}

#[test]
fn an_invalid_revision_is_compared_alike() {
    check_all(&invalid());
}

#[test]
fn an_uncommitted_working_copy_is_compared_alike() {
    check_all(&working_copy());
}

#[test]
fn the_screen_says_the_report_line_for_a_since_that_finds_nothing() {
    let fixture = correction();
    for since in ["nosuch", "2023-06-30"] {
        let report = run(&fixture, &["report", FILE, "--since", since]);
        let screen = run(&fixture, &[FILE, "--since", since]);
        assert_eq!(report.status.code(), Some(2));
        assert_eq!(screen.status.code(), Some(2));
        assert_eq!(screen.stderr, report.stderr);
        assert!(screen.stdout.is_empty());
    }
    let line = String::from_utf8(run(&fixture, &[FILE, "--since", "nosuch"]).stderr).unwrap();
    assert!(
        line.contains("`nosuch`: no such commit, branch or tag"),
        "{line}"
    );
}
