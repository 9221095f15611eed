//! `campaigns report --since REV|DATE` on fixture repositories built with
//! the git command line: each figure beside the one at the baseline, the
//! baseline checked against a whole load of `git show REV:FILE`.

use serde_json::Value;

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

fn plan(as_of: &str, done: u32) -> String {
    format!(
        "[meta]\ntitle = \"T\"\nas_of = {as_of}\n\n\
         [[campaign]]\nid = \"water\"\nname = \"Water\"\nstart = 2024-01-01\nend = 2024-12-31\n\n\
         [[campaign.task]]\nid = \"outfalls\"\nname = \"Outfalls\"\ndone = {done}\ntotal = 100\n"
    )
}

/// Two reports: 45 of 100 on 2024-11-30, 53 on 2024-12-31, and an item
/// added in the second.
fn two_reports() -> (Fixture, String) {
    let fixture = Fixture::new();
    let first = fixture.commit(FILE, &plan("2024-11-30", 45), "2024-11-30T12:00:00+08:00");
    let second = plan("2024-12-31", 53)
        + "\n[[campaign.task]]\nid = \"new\"\nname = \"New\"\ndone = 1\ntotal = 2\n";
    fixture.commit(FILE, &second, "2024-12-31T12:00:00+08:00");
    (fixture, first)
}

fn report(fixture: &Fixture, args: &[&str]) -> std::process::Output {
    crate::binary::assert_command()
        .current_dir(fixture.path())
        .args(["report", FILE, "--lang", "en"])
        .args(args)
        .output()
        .unwrap()
}

fn json(fixture: &Fixture, since: &str) -> Value {
    let output = report(fixture, &["--format", "json", "--since", since]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn task<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["campaigns"][0]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()
}

#[test]
fn since_a_revision_each_figure_has_its_previous_and_its_change() {
    let (fixture, first) = two_reports();
    let report = json(&fixture, "HEAD~1");
    assert_eq!(report["since"]["asked"], "HEAD~1");
    assert_eq!(report["since"]["commit"], first.as_str());
    assert_eq!(report["since"]["as_of"], "2024-11-30");
    let outfalls = task(&report, "outfalls");
    assert_eq!(outfalls["done"], 53);
    assert_eq!(outfalls["previous"]["done"], 45);
    assert_eq!(outfalls["previous"]["commit"], first.as_str());
    assert_eq!(outfalls["change"], 8);
    // New since the baseline: nothing to compare with.
    assert!(task(&report, "new")["previous"].is_null());
    assert!(task(&report, "new")["change"].is_null());

    // The baseline is the file at that commit, loaded whole: its report
    // (without --since) has the same progress and status.
    let then = fixture.show(&first, FILE).unwrap();
    std::fs::write(fixture.path().join("then.toml"), then).unwrap();
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args(["report", "then.toml", "--format", "json"])
        .output()
        .unwrap();
    let then: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["campaigns"][0]["previous_progress"],
        then["campaigns"][0]["progress"]
    );
    assert_eq!(
        outfalls["previous"]["status"],
        then["campaigns"][0]["tasks"][0]["status"]
    );
}

#[test]
fn since_a_date_is_the_newest_report_on_or_before_it() {
    let (fixture, first) = two_reports();
    let report = json(&fixture, "2024-12-15");
    assert_eq!(report["since"]["commit"], first.as_str());
    assert_eq!(task(&report, "outfalls")["change"], 8);

    // Before every report: the error an unknown REV is (contract 3).
    let output = report_output(&fixture, "2024-01-01");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("on or before 2024-01-01"), "{message}");
}

fn report_output(fixture: &Fixture, since: &str) -> std::process::Output {
    report(fixture, &["--format", "json", "--since", since])
}

#[test]
fn md_text_and_csv_show_the_change_beside_the_figure() {
    let (fixture, _) = two_reports();
    let md = report(&fixture, &["--format", "md", "--since", "2024-12-01"]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("53/100, +8 since 2024-11-30"), "{md}");
    assert!(md.contains("Baseline: 2024-11-30"), "{md}");
    let text = report(&fixture, &["--format", "text", "--since", "2024-12-01"]);
    assert!(
        String::from_utf8(text.stdout)
            .unwrap()
            .contains("+8 since 2024-11-30")
    );
    let zh = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args([
            "report",
            FILE,
            "--lang",
            "zh",
            "--format",
            "md",
            "--since",
            "2024-12-01",
        ])
        .output()
        .unwrap();
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.contains("53/100，较2024-11-30 +8"), "{zh}");

    let csv = report(&fixture, &["--format", "csv", "--since", "2024-12-01"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut lines = csv.lines();
    // The qualifiers of a figure (`approx`) stay the last column.
    assert!(lines.next().unwrap().ends_with(",previous,change,approx"));
    assert!(csv.contains(",45,8"), "{csv}");
    // Without --since the columns are not there.
    let plain = report(&fixture, &["--format", "csv"]);
    assert!(
        !String::from_utf8(plain.stdout)
            .unwrap()
            .contains("previous")
    );
}

#[test]
fn outside_git_or_with_an_unknown_revision_it_could_not_run() {
    let (fixture, _) = two_reports();
    let unknown = report(&fixture, &["--since", "no-such-branch"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(unknown.stdout.is_empty());
    let message = String::from_utf8(unknown.stderr).unwrap();
    assert!(message.contains("no-such-branch"), "{message}");

    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join(FILE), plan("2024-12-31", 53)).unwrap();
    let output = crate::binary::assert_command()
        .current_dir(outside.path())
        .env("GIT_CEILING_DIRECTORIES", outside.path().parent().unwrap())
        .args(["report", FILE, "--since", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(String::from_utf8(output.stderr).unwrap().lines().count(), 1);
}
