//! `campaigns history` and `history::read` against fixture repositories
//! built with the git command line, compared with `git log --first-parent`
//! and `git show`: each case of issue 14 with a clear outcome.

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;

use campaigns::history::{self, Boundary, History, PointFrom, Since};
use campaigns::model::{Figure, Level, Status, WaterClass};

use crate::git_fixture::{Fixture, git_command};

const FILE: &str = "campaigns.toml";

/// A small plan: one task (`water/outfalls`, of 100) and one water-class
/// indicator (`water/river`, target II).
pub fn plan(as_of: &str, done: u32, class: &str) -> String {
    let as_of = if as_of.is_empty() {
        String::new()
    } else {
        format!("as_of = {as_of}\n")
    };
    format!(
        "[meta]\ntitle = \"Test plan\"\n{as_of}\n\
         [[campaign]]\nid = \"water\"\nname = \"Water\"\nstart = 2024-01-01\nend = 2024-12-31\n\n\
         [[campaign.task]]\nid = \"outfalls\"\nname = \"Outfalls\"\ndone = {done}\ntotal = 100\n\n\
         [[campaign.indicator]]\nid = \"river\"\nname = \"River\"\nscale = \"water-class\"\nvalue = \"{class}\"\ntarget = \"II\"\n"
    )
}

fn options() -> history::Options {
    history::Options {
        today: NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
    }
}

fn read(fixture: &Fixture) -> History {
    history::read(&fixture.file(FILE), options()).unwrap()
}

fn commits(history: &History) -> Vec<String> {
    history
        .revisions
        .iter()
        .filter_map(|r| r.commit.clone())
        .collect()
}

fn campaigns(dir: &std::path::Path) -> Command {
    let mut command = crate::binary::assert_command();
    command
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    command
}

fn history_json(dir: &std::path::Path, args: &[&str]) -> Value {
    let output = campaigns(dir)
        .args(["history", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Three commits, a working copy edited since: the revisions are git's,
/// then the working copy; the JSON has exactly the issue's keys.
#[test]
fn revisions_are_git_logs_then_the_working_copy() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    fixture.commit("other.txt", "unrelated\n", "2024-04-10T18:00:00+08:00");
    fixture.commit(
        FILE,
        &plan("2024-06-30", 40, "III"),
        "2024-06-30T18:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan("2024-09-30", 40, "II"),
        "2024-09-30T18:00:00+08:00",
    );
    std::fs::write(fixture.file(FILE), plan("2024-12-31", 90, "II")).unwrap();

    let history = read(&fixture);
    assert_eq!(commits(&history), fixture.log(FILE));
    assert_eq!(history.revisions.len(), 4);
    let newest = history.revisions.last().unwrap();
    assert_eq!(newest.commit, None);
    assert_eq!(newest.as_of, NaiveDate::from_ymd_opt(2024, 12, 31));
    assert_eq!(history.boundary, None);

    let json = history_json(fixture.path(), &[]);
    let keys =
        |value: &Value| -> Vec<String> { value.as_object().unwrap().keys().cloned().collect() };
    let mut top = keys(&json);
    top.sort();
    assert_eq!(top, ["boundary", "file", "items", "removed", "revisions"]);
    let revisions = json["revisions"].as_array().unwrap();
    let mut revision_keys = keys(&revisions[0]);
    revision_keys.sort();
    assert_eq!(
        revision_keys,
        ["as_of", "commit", "committed", "deleted", "valid"]
    );
    assert_eq!(revisions[0]["committed"], "2024-03-31T18:00:00+08:00");
    assert_eq!(revisions[0]["as_of"], "2024-03-31");
    assert_eq!(revisions[3]["commit"], Value::Null);

    // The task moved at the first, second and working-copy revisions, and
    // its status at the third (40 of 100 is at risk at the end of June,
    // behind at the end of September); the indicator at the first and third.
    let outfalls = json["items"]["water/outfalls"].as_array().unwrap();
    let done: Vec<i64> = outfalls
        .iter()
        .map(|p| p["done"].as_i64().unwrap())
        .collect();
    assert_eq!(done, [10, 40, 40, 90]);
    let statuses: Vec<&str> = outfalls
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["behind", "at-risk", "behind", "at-risk"]);
    assert!(outfalls.iter().all(|p| p.get("value").is_none()));
    assert_eq!(outfalls[0]["status"], "behind");
    assert_eq!(outfalls[3]["commit"], Value::Null);
    assert_eq!(outfalls[3]["from"], "working-copy");
    let river = json["items"]["water/river"].as_array().unwrap();
    let values: Vec<&str> = river.iter().map(|p| p["value"].as_str().unwrap()).collect();
    assert_eq!(values, ["III", "II"]);
    assert_eq!(river[1]["status"], "met");
    assert_eq!(river[1]["commit"], revisions[2]["commit"]);
    let mut point_keys = keys(&river[0]);
    point_keys.sort();
    assert_eq!(point_keys, ["as_of", "commit", "from", "status", "value"]);
}

#[test]
fn a_working_copy_equal_to_head_adds_no_revision() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    let history = read(&fixture);
    assert_eq!(history.revisions.len(), 1);
    assert!(history.revisions[0].commit.is_some());
}

#[test]
fn outside_git_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE), plan("2024-03-31", 10, "III")).unwrap();
    let output = campaigns(dir.path()).args(["history"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not in a git work tree"), "{stderr}");
}

#[test]
fn a_file_never_committed_has_only_its_working_copy() {
    let fixture = Fixture::new();
    std::fs::write(fixture.file(FILE), plan("2024-03-31", 10, "III")).unwrap();
    let history = read(&fixture);
    assert_eq!(history.revisions.len(), 1);
    assert_eq!(history.revisions[0].commit, None);
    assert!(history.revisions[0].valid);
    let missing = history::read(&fixture.file("absent.toml"), options()).unwrap_err();
    assert!(missing.to_string().contains("never committed"), "{missing}");
}

/// A shallow clone: the history stops at the oldest commit fetched, says
/// so, and lists what `git log` lists there.
#[test]
fn a_shallow_clone_stops_at_its_boundary() {
    let fixture = Fixture::new();
    for (i, month) in ["03", "06", "09", "12"].iter().enumerate() {
        let date = format!("2024-{month}-28");
        fixture.commit(
            FILE,
            &plan(&date, 10 * (i as u32 + 1), "III"),
            &format!("{date}T18:00:00+08:00"),
        );
    }
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", fixture.path().display());
    let status = git_command(clone.path())
        .args(["clone", "-q", "--depth", "2", &url, "shallow"])
        .status()
        .unwrap();
    assert!(status.success());
    let shallow_dir = clone.path().join("shallow");
    let history = history::read(&shallow_dir.join(FILE), options()).unwrap();
    let oracle = git_command(&shallow_dir)
        .args(["log", "--first-parent", "--format=%H", "--", FILE])
        .output()
        .unwrap();
    let mut expected: Vec<String> = String::from_utf8(oracle.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    expected.reverse();
    assert_eq!(expected.len(), 2);
    assert_eq!(commits(&history), expected);
    assert_eq!(
        history.boundary,
        Some(Boundary::Shallow {
            commit: expected[0].clone()
        })
    );
    let json = history_json(&shallow_dir, &[]);
    assert_eq!(json["boundary"]["kind"], "shallow");
    assert_eq!(json["boundary"]["commit"], expected[0].as_str());
    let text = campaigns(&shallow_dir).args(["history"]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("shallow clone's boundary"), "{text}");
}

/// Renamed (with an edit in the same commit): the history stops at the
/// rename and names the old path; `git log` without `--follow` agrees.
#[test]
fn a_rename_stops_the_history_and_says_from_where() {
    let fixture = Fixture::new();
    fixture.commit(
        "old.toml",
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    fixture.commit(
        "old.toml",
        &plan("2024-06-30", 20, "III"),
        "2024-06-30T18:00:00+08:00",
    );
    fixture.git(&["mv", "old.toml", FILE]);
    std::fs::write(fixture.file(FILE), plan("2024-07-31", 25, "III")).unwrap();
    fixture.git(&["add", FILE]);
    fixture.git_at(
        &["commit", "-q", "-m", "rename"],
        "2024-07-31T18:00:00+08:00",
    );
    let rename = fixture.git(&["rev-parse", "HEAD"]);
    fixture.commit(
        FILE,
        &plan("2024-09-30", 30, "III"),
        "2024-09-30T18:00:00+08:00",
    );

    let history = read(&fixture);
    assert_eq!(commits(&history), fixture.log(FILE));
    assert_eq!(history.revisions.len(), 2);
    assert_eq!(
        history.boundary,
        Some(Boundary::Renamed {
            commit: rename,
            from: "old.toml".into()
        })
    );
    let json = history_json(fixture.path(), &[]);
    assert_eq!(json["boundary"]["kind"], "renamed");
    assert_eq!(json["boundary"]["from"], "old.toml");
}

/// A file added where another was deleted but with other content is not a
/// rename: the history goes on to the root.
#[test]
fn an_unrelated_deletion_is_not_a_rename() {
    let fixture = Fixture::new();
    fixture.commit("notes.txt", "a\nb\nc\n", "2024-03-31T18:00:00+08:00");
    fixture.git(&["rm", "-q", "notes.txt"]);
    std::fs::write(fixture.file(FILE), plan("2024-06-30", 20, "III")).unwrap();
    fixture.git(&["add", FILE]);
    fixture.git_at(
        &["commit", "-q", "-m", "replace"],
        "2024-06-30T18:00:00+08:00",
    );
    let history = read(&fixture);
    assert_eq!(history.boundary, None);
    assert_eq!(commits(&history), fixture.log(FILE));
}

/// A merge: the first parent is followed; the side branch's commits are
/// not listed, the merge commit is (it changed the file on the main line).
#[test]
fn a_merge_follows_the_first_parent() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    fixture.git(&["checkout", "-q", "-b", "side"]);
    fixture.commit(
        FILE,
        &plan("2024-04-30", 15, "III"),
        "2024-04-30T18:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan("2024-05-31", 18, "III"),
        "2024-05-31T18:00:00+08:00",
    );
    fixture.git(&["checkout", "-q", "main"]);
    fixture.commit("other.txt", "x\n", "2024-06-01T18:00:00+08:00");
    fixture.git_at(
        &["merge", "-q", "--no-ff", "-m", "merge side", "side"],
        "2024-06-02T18:00:00+08:00",
    );
    let history = read(&fixture);
    let log = fixture.log(FILE);
    assert_eq!(log.len(), 2, "the first commit and the merge");
    assert_eq!(commits(&history), log);
    let done: Vec<Figure> = history.items[0].points.iter().map(|p| p.figure).collect();
    assert_eq!(done, [Figure::Done(10.0), Figure::Done(18.0)]);
}

/// A revision with a syntax error is listed as invalid and has no figures;
/// the revision after it is compared with the last valid one.
#[test]
fn a_syntax_error_is_an_invalid_revision() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    let broken = plan("2024-06-30", 20, "III").replace("done = 20", "done = = 20");
    fixture.commit(FILE, &broken, "2024-06-30T18:00:00+08:00");
    fixture.commit(
        FILE,
        &plan("2024-09-30", 10, "III"),
        "2024-09-30T18:00:00+08:00",
    );
    let history = read(&fixture);
    assert_eq!(commits(&history), fixture.log(FILE));
    let valid: Vec<bool> = history.revisions.iter().map(|r| r.valid).collect();
    assert_eq!(valid, [true, false, true]);
    assert_eq!(history.revisions[1].as_of, None);
    // The figure is 10 on both sides of the broken revision: one point.
    let outfalls = &history.items[0];
    assert_eq!(outfalls.key, "water/outfalls");
    assert_eq!(outfalls.points.len(), 1);
    let json = history_json(fixture.path(), &[]);
    assert_eq!(json["revisions"][1]["valid"], false);
    assert_eq!(json["revisions"][1]["as_of"], Value::Null);
}

/// An item renamed: the old id ends (listed under `removed`), the new one
/// starts where it was renamed; an item removed likewise.
#[test]
fn an_item_renamed_or_removed_ends_where_it_went() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    let renamed = plan("2024-06-30", 10, "III").replace("\"outfalls\"", "\"drains\"");
    let second = fixture.commit(FILE, &renamed, "2024-06-30T18:00:00+08:00");
    let removed = renamed
        .split("[[campaign.indicator]]")
        .next()
        .unwrap()
        .to_owned();
    let third = fixture.commit(FILE, &removed, "2024-09-30T18:00:00+08:00");

    let history = read(&fixture);
    let keys: Vec<&str> = history.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["water/drains", "water/outfalls", "water/river"]);
    assert_eq!(
        history.items[0].points[0].commit.as_deref(),
        Some(second.as_str())
    );
    assert_eq!(history.items[0].removed, None);
    assert_eq!(history.items[1].removed, Some(1));
    assert_eq!(history.items[2].removed, Some(2));
    let json = history_json(fixture.path(), &[]);
    assert_eq!(json["removed"]["water/outfalls"]["commit"], second.as_str());
    assert_eq!(json["removed"]["water/outfalls"]["as_of"], "2024-06-30");
    assert_eq!(json["removed"]["water/river"]["commit"], third.as_str());
    assert!(json["removed"].get("water/drains").is_none());
}

#[test]
fn a_detached_head_is_read_from_where_it_points() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    let second = fixture.commit(
        FILE,
        &plan("2024-06-30", 20, "III"),
        "2024-06-30T18:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan("2024-09-30", 30, "III"),
        "2024-09-30T18:00:00+08:00",
    );
    fixture.git(&["checkout", "-q", "--detach", &second]);
    let history = read(&fixture);
    assert_eq!(commits(&history), fixture.log(FILE));
    assert_eq!(commits(&history).last(), Some(&second));
}

/// Thousands of commits (made with fast-import, plus unrelated ones that
/// the walk passes over); every one of git's is there.
#[test]
fn thousands_of_commits() {
    let fixture = Fixture::new();
    let texts: Vec<Option<String>> = (0..2000)
        .map(|i| Some(plan("2024-06-30", i % 100, "III")))
        .collect();
    fixture.import(FILE, &texts, 1_719_741_600, 60);
    let history = read(&fixture);
    let log = fixture.log(FILE);
    assert_eq!(log.len(), 2000);
    assert_eq!(commits(&history), log);
    // Every commit changed the figure.
    assert_eq!(history.items[0].points.len(), 2000);
    assert_eq!(history.items[0].points[1999].figure, Figure::Done(99.0));
}

/// A revision without `meta.as_of` is dated by the day it was committed
/// (the committer's calendar day).
#[test]
fn without_as_of_a_revision_is_dated_by_its_commit() {
    let fixture = Fixture::new();
    fixture.commit(FILE, &plan("", 10, "III"), "2024-03-31T23:30:00+08:00");
    let history = read(&fixture);
    assert_eq!(
        history.revisions[0].as_of,
        NaiveDate::from_ymd_opt(2024, 3, 31)
    );
}

/// The item's own history array is merged in; on a date it shares with a
/// revision, the written point wins.
#[test]
fn history_arrays_are_merged_beside_every_revision() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 12, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    let with_array = plan("2024-06-30", 50, "III").replace(
        "total = 100\n",
        "total = 100\nhistory = [ { date = 2024-01-31, done = 2 }, { date = 2024-03-31, done = 11 } ]\n",
    );
    fixture.commit(FILE, &with_array, "2024-06-30T18:00:00+08:00");
    let history = read(&fixture);
    let points: Vec<(String, Figure, PointFrom)> = history.items[0]
        .points
        .iter()
        .map(|p| (p.as_of.to_string(), p.figure, p.from))
        .collect();
    assert_eq!(
        points,
        [
            ("2024-01-31".into(), Figure::Done(2.0), PointFrom::Written),
            // The published figure stays (contract 3); the file's own
            // point of that date follows it.
            ("2024-03-31".into(), Figure::Done(12.0), PointFrom::Commit),
            ("2024-03-31".into(), Figure::Done(11.0), PointFrom::Written),
            ("2024-06-30".into(), Figure::Done(50.0), PointFrom::Commit),
        ]
    );
    let json = history_json(fixture.path(), &["water/outfalls"]);
    assert_eq!(json["items"]["water/outfalls"][0]["from"], "history");
    assert_eq!(json["items"]["water/outfalls"][0]["commit"], Value::Null);
}

#[test]
fn items_can_be_chosen_and_an_unknown_one_exits_1() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 12, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    let json = history_json(fixture.path(), &["water/river"]);
    let keys: Vec<&String> = json["items"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["water/river"]);
    let json_all = history_json(fixture.path(), &[FILE, "water"]);
    assert_eq!(json_all["items"].as_object().unwrap().len(), 2);
    let output = campaigns(fixture.path())
        .args(["history", "water/rivr"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("did you mean `water/river`?"), "{stderr}");
}

#[test]
fn csv_has_a_bom_one_row_per_point_and_text_reads_plainly() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 12, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan("2024-06-30", 40, "II"),
        "2024-06-30T18:00:00+08:00",
    );
    let output = campaigns(fixture.path())
        .args(["history", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let csv = String::from_utf8(output.stdout).unwrap();
    let body = csv.strip_prefix('\u{FEFF}').expect("a byte-order mark");
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "item,as_of,done,value,status,commit,from,marked,assumed"
    );
    assert_eq!(lines.len(), 5);
    assert!(
        lines[1].starts_with("water/outfalls,2024-03-31,12,,behind,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[4].starts_with("water/river,2024-06-30,,II,met,"),
        "{}",
        lines[4]
    );

    let output = campaigns(fixture.path())
        .args(["history"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("campaigns.toml: 2 revisions"), "{text}");
    assert!(
        text.contains("water/outfalls\n  2024-03-31  12  behind"),
        "{text}"
    );
}

#[test]
fn as_of_is_refused_for_history() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 12, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    let output = campaigns(fixture.path())
        .args(["history", "--as-of", "2024-12-31"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// A hostile file name is shown with its escape sequence replaced.
#[test]
fn a_hostile_file_name_is_sanitised() {
    let fixture = Fixture::new();
    let name = "evil\u{1b}[31m.toml";
    fixture.commit(
        name,
        &plan("2024-03-31", 12, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    for format in ["text", "json", "csv"] {
        let output = campaigns(fixture.path())
            .args(["history", name, "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert!(!output.stdout.contains(&0x1b), "{format}");
    }
}

/// The baseline: by default the newest valid revision whose reporting date
/// differs from the current one; by date, the newest valid revision
/// committed at or before it; by a revision git names, the newest valid
/// one at or before it on the first-parent line.
#[test]
fn the_baseline_is_picked_by_report_date_or_rev() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan("2024-06-30", 20, "III"),
        "2024-06-30T18:00:00+08:00",
    );
    fixture.commit("other.txt", "x\n", "2024-07-15T18:00:00+08:00");
    let broken = plan("2024-09-30", 30, "III").replace("done = 30", "done = = 30");
    fixture.commit(FILE, &broken, "2024-09-30T18:00:00+08:00");
    fixture.commit(
        FILE,
        &plan("2024-09-30", 35, "III"),
        "2024-10-01T18:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan("2024-09-30", 40, "III"),
        "2024-10-02T18:00:00+08:00",
    );
    let history = read(&fixture);
    let current = NaiveDate::from_ymd_opt(2024, 9, 30).unwrap();
    let pick = |since: Since| history.baseline(&since, current).unwrap();
    assert_eq!(pick(Since::LastReport), Some(1));
    // A DATE is a reporting date (contract 3): the reports of 2024-09-30
    // were committed on 1 and 2 October; of the two, the last committed.
    assert_eq!(
        pick(Since::Date(NaiveDate::from_ymd_opt(2024, 9, 30).unwrap())),
        Some(4)
    );
    assert_eq!(
        pick(Since::Date(NaiveDate::from_ymd_opt(2024, 9, 29).unwrap())),
        Some(1)
    );
    assert_eq!(
        pick(Since::Date(NaiveDate::from_ymd_opt(2024, 10, 1).unwrap())),
        Some(4)
    );
    // Before every revision: an error, as an unknown REV is.
    assert!(matches!(
        history.baseline(
            &Since::Date(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
            current
        ),
        Err(campaigns::history::HistoryError::NothingBefore { .. })
    ));
    assert_eq!(pick(Since::Rev("HEAD~1".into())), Some(3));
    assert_eq!(
        pick(Since::Rev("HEAD~2".into())),
        Some(1),
        "the broken one is skipped"
    );
    assert_eq!(
        pick(Since::Rev("HEAD~3".into())),
        Some(1),
        "other.txt's commit"
    );
    let short = &history.revisions[0].commit.as_ref().unwrap()[..7];
    assert_eq!(pick(Since::Rev(short.into())), Some(0));
    assert!(
        history
            .baseline(&Since::Rev("no-such".into()), current)
            .is_err()
    );
    let document = history
        .load(
            1,
            campaigns::load::Options {
                as_of: None,
                today: current,
            },
        )
        .unwrap()
        .unwrap();
    assert_eq!(document.plan().campaigns[0].tasks[0].done, 20.0);
    assert!(
        history
            .load(
                2,
                campaigns::load::Options {
                    as_of: None,
                    today: current
                }
            )
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_point_carries_the_status_at_its_revision() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 30, "IV"),
        "2024-03-31T18:00:00+08:00",
    );
    let history = read(&fixture);
    assert_eq!(history.items[0].points[0].status, Status::OnTrack);
    assert_eq!(history.items[1].points[0].status, Status::NotMet);
    assert_eq!(
        history.items[1].points[0].figure,
        Figure::Value(Level::WaterClass(WaterClass::IV))
    );
}

/// `campaigns ARGS` in `dir` with at most `kib` KiB of address space
/// (`ulimit -v`) and a minute: what the history costs is bounded by the
/// file, not by the repository.
fn bounded(dir: &std::path::Path, kib: u32, args: &[&str]) -> std::process::Output {
    let mut command = Command::new("sh");
    command
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", crate::binary::no_config_home())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .arg("-c")
        .arg("ulimit -v \"$0\" && exec \"$@\"")
        .arg(kib.to_string())
        .arg(crate::binary::path())
        .args(args)
        .timeout(std::time::Duration::from_secs(60));
    command.output().unwrap()
}

/// A revision as `campaigns history --format json` gives it: (commit, valid,
/// committed, unread).
type RevisionRow = (String, bool, Option<String>, Option<String>);

fn revisions_of(output: &std::process::Output) -> Vec<RevisionRow> {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    json["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["commit"].as_str().unwrap_or_default().to_owned(),
                r["valid"].as_bool().unwrap(),
                r["committed"].as_str().map(str::to_owned),
                r["unread"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// A file of `size` zero bytes (sparse: nothing is written).
fn zeros(path: &std::path::Path, size: u64) {
    std::fs::File::create(path).unwrap().set_len(size).unwrap();
}

/// A 300 MB revision of the plan (over the loader's 256 MB cap), and a
/// 300 MB file deleted in the commit that adds the plan (a rename
/// candidate): neither is inflated, so the history runs in 200 MB of
/// address space, and the large revision is one invalid revision.
#[test]
fn a_revision_over_the_cap_is_invalid_and_never_inflated() {
    let fixture = Fixture::new();
    let big = 300 << 20;
    zeros(&fixture.file("ledger.bin"), big);
    fixture.git(&["add", "ledger.bin"]);
    fixture.git_at(
        &["commit", "-q", "-m", "ledger"],
        "2024-01-31T18:00:00+08:00",
    );
    fixture.git(&["rm", "-q", "ledger.bin"]);
    fixture.commit(
        FILE,
        &plan("2024-02-29", 10, "III"),
        "2024-02-29T18:00:00+08:00",
    );
    zeros(&fixture.file(FILE), big);
    fixture.git(&["add", FILE]);
    fixture.git_at(
        &["commit", "-q", "-m", "zeros"],
        "2024-03-31T18:00:00+08:00",
    );
    fixture.commit(
        FILE,
        &plan("2024-04-30", 20, "III"),
        "2024-04-30T18:00:00+08:00",
    );
    let output = bounded(fixture.path(), 200_000, &["history", "--format", "json"]);
    let revisions = revisions_of(&output);
    let commits: Vec<String> = revisions.iter().map(|r| r.0.clone()).collect();
    assert_eq!(commits, fixture.log(FILE));
    let valid: Vec<bool> = revisions.iter().map(|r| r.1).collect();
    assert_eq!(valid, [true, false, true]);
    let unread: Vec<Option<&str>> = revisions.iter().map(|r| r.3.as_deref()).collect();
    assert_eq!(unread, [None, Some("too-large"), None]);
    let text = bounded(fixture.path(), 200_000, &["history"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("invalid: 314572800 bytes, more than a plan may have"),
        "{text}"
    );
}

/// A FIFO or a link to /dev/zero in place of the plan: the history says
/// what it is at once, as the loader does, and reads nothing.
#[test]
fn a_working_copy_that_is_not_a_regular_file_is_refused_at_once() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-03-31", 10, "III"),
        "2024-03-31T18:00:00+08:00",
    );
    let path = fixture.file(FILE);
    std::fs::remove_file(&path).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    let output = bounded(fixture.path(), 200_000, &["history", FILE]);
    assert_eq!(output.status.code(), Some(2), "a FIFO: {output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a regular file"));

    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let output = bounded(fixture.path(), 200_000, &["history", FILE]);
    assert_eq!(output.status.code(), Some(2), "/dev/zero: {output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a regular file"));
}

/// Writes a commit object by hand (`git hash-object --literally`): what
/// `git commit` would refuse to make. Its hash.
fn raw_commit(fixture: &Fixture, text: &str) -> String {
    let mut child = git_command(fixture.path())
        .args([
            "hash-object",
            "-t",
            "commit",
            "-w",
            "--literally",
            "--stdin",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

/// A cycle through `refs/replace/` (the root replaced by a commit whose
/// parent is HEAD): the history ends where `git log` ends and lists what
/// it lists; `report --since` a commit on such a cycle that never touched
/// the file ends too, with no baseline (an error, exit 2).
#[test]
fn a_replace_cycle_ends_the_walk_as_git_log_does() {
    let fixture = Fixture::new();
    for (day, done) in [("2024-01-31", 1), ("2024-02-29", 2), ("2024-03-31", 3)] {
        fixture.commit(
            FILE,
            &plan(day, done, "III"),
            &format!("{day}T18:00:00+08:00"),
        );
    }
    let root = fixture.git(&["rev-parse", "HEAD~2"]);
    let head = fixture.git(&["rev-parse", "HEAD"]);
    let tree = fixture.git(&["rev-parse", &format!("{root}^{{tree}}")]);
    let author = "Clerk <clerk@example.com> 1700000000 +0800";
    let cycle = raw_commit(
        &fixture,
        &format!("tree {tree}\nparent {head}\nauthor {author}\ncommitter {author}\n\nroot again\n"),
    );
    fixture.git(&["replace", &root, &cycle]);
    let output = bounded(fixture.path(), 400_000, &["history", "--format", "json"]);
    let commits: Vec<String> = revisions_of(&output).into_iter().map(|r| r.0).collect();
    assert_eq!(commits, fixture.log(FILE));
    assert_eq!(commits.len(), 3);

    // A side line that never had the file, made a cycle the same way.
    fixture.git(&["checkout", "-q", "--orphan", "side"]);
    fixture.git(&["rm", "-q", "-r", "--cached", "."]);
    fixture.commit("other.txt", "x\n", "2024-04-30T18:00:00+08:00");
    fixture.commit("other.txt", "y\n", "2024-05-31T18:00:00+08:00");
    let first = fixture.git(&["rev-parse", "HEAD~1"]);
    let last = fixture.git(&["rev-parse", "HEAD"]);
    let tree = fixture.git(&["rev-parse", &format!("{first}^{{tree}}")]);
    let cycle = raw_commit(
        &fixture,
        &format!("tree {tree}\nparent {last}\nauthor {author}\ncommitter {author}\n\nagain\n"),
    );
    fixture.git(&["replace", &first, &cycle]);
    fixture.git(&["checkout", "-q", "-f", "main"]);
    let output = bounded(
        fixture.path(),
        400_000,
        &["report", FILE, "--format", "json", "--since", &last],
    );
    // It ends, with the error a REV before every revision gives (contract 3).
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("no valid revision at or before"),
        "{message}"
    );
}

/// A commit whose committer date git cannot read either, and a revision
/// whose blob is gone from the object store: `git log` lists both, and
/// each costs its own revision (invalid, the first without a date), not
/// the history.
#[test]
fn a_bad_date_or_a_missing_blob_costs_its_revision() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-01-31", 1, "III"),
        "2024-01-31T18:00:00+08:00",
    );
    let lost = fixture.commit(
        FILE,
        &plan("2024-02-29", 2, "III"),
        "2024-02-29T18:00:00+08:00",
    );
    std::fs::write(fixture.file(FILE), plan("2024-03-31", 3, "III")).unwrap();
    fixture.git(&["add", FILE]);
    let tree = fixture.git(&["write-tree"]);
    let bad = raw_commit(
        &fixture,
        &format!(
            "tree {tree}\nparent {lost}\nauthor Clerk <clerk@example.com> 1700000000 +0800\n\
             committer Clerk <clerk@example.com> not-a-date +0800\n\nbad date\n"
        ),
    );
    fixture.git(&["update-ref", "refs/heads/main", &bad]);
    fixture.commit(
        FILE,
        &plan("2024-04-30", 4, "III"),
        "2024-04-30T18:00:00+08:00",
    );
    let blob = fixture.git(&["rev-parse", &format!("{lost}:{FILE}")]);
    let object = fixture
        .path()
        .join(".git/objects")
        .join(&blob[..2])
        .join(&blob[2..]);
    std::fs::remove_file(object).unwrap();

    let output = bounded(fixture.path(), 400_000, &["history", "--format", "json"]);
    let revisions = revisions_of(&output);
    let commits: Vec<String> = revisions.iter().map(|r| r.0.clone()).collect();
    assert_eq!(commits, fixture.log(FILE));
    assert_eq!(commits[1], lost);
    assert_eq!(commits[2], bad);
    let valid: Vec<bool> = revisions.iter().map(|r| r.1).collect();
    assert_eq!(valid, [true, false, false, true]);
    assert!(revisions[2].2.is_none(), "no date: {:?}", revisions[2]);
    let unread: Vec<Option<&str>> = revisions.iter().map(|r| r.3.as_deref()).collect();
    assert_eq!(unread, [None, Some("bad-object"), Some("bad-date"), None]);
    assert!(
        revisions
            .iter()
            .filter(|r| r.0 != bad)
            .all(|r| r.2.is_some())
    );
}
