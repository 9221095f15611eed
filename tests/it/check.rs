//! `campaigns check` end to end: the shipped file, the valid and invalid
//! fixtures, and files that cannot be read at all.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use assert_cmd::Command;
use campaigns::load::{self, Options};
use campaigns::model::{PlanStatus, Status};
use chrono::NaiveDate;

const INVALID: &str = "tests/fixtures/invalid";
const VALID: &str = "tests/fixtures/valid";

/// Every invalid fixture and where each of its errors is (line, column), as
/// an editor counts them, read off the file.
const INVALID_FIXTURES: &[(&str, &[(usize, usize)])] = &[
    ("syntax.toml", &[(6, 12)]),
    ("unknown-key.toml", &[(12, 1)]),
    ("missing-field.toml", &[(8, 1)]),
    ("wrong-type.toml", &[(11, 8)]),
    ("duplicate-id.toml", &[(14, 6)]),
    ("bad-id.toml", &[(5, 6)]),
    ("negative-done.toml", &[(11, 8)]),
    ("zero-total.toml", &[(12, 9)]),
    ("start-after-end.toml", &[(8, 7)]),
    ("due-before-start.toml", &[(14, 7)]),
    ("target-without-better.toml", &[(12, 10)]),
    ("bad-water-class.toml", &[(12, 9)]),
    ("water-class-without-scale.toml", &[(11, 9)]),
    ("history-order.toml", &[(16, 12)]),
    ("date-with-time.toml", &[(3, 9)]),
    ("missing-meta.toml", &[(1, 1)]),
    ("approx-word.toml", &[(12, 10)]),
    // A byte-order mark is not a column; CRLF line ends are not either.
    ("bom-crlf.toml", &[(1, 1), (8, 8)]),
    // Five different mistakes, five diagnostics: all found in one pass.
    (
        "several-errors.toml",
        &[(2, 1), (3, 1), (8, 9), (14, 9), (19, 9)],
    ),
];

/// Valid fixtures and where each warning is.
const VALID_FIXTURES: &[(&str, &[(usize, usize)])] = &[
    ("minimal.toml", &[]),
    ("every-status.toml", &[]),
    ("warnings-only.toml", &[(13, 8), (17, 12), (20, 1)]),
];

fn campaigns() -> Command {
    let mut command = crate::binary::assert_command();
    command.env("NO_COLOR", "1").env_remove("LANG");
    command
}

/// Runs `campaigns check PATH`: (exit code, stdout, stderr).
fn check(path: &str) -> (i32, String, String) {
    let output = campaigns().args(["check", path]).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The `--> path:line:col` positions the diagnostics on stderr point at.
fn positions(stderr: &str, path: &str) -> Vec<(usize, usize)> {
    let marker = format!("--> {path}:");
    stderr
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix(&marker))
        .map(|rest| {
            let (line, column) = rest.split_once(':').unwrap();
            (line.parse().unwrap(), column.parse().unwrap())
        })
        .collect()
}

#[test]
fn every_invalid_fixture_fails_at_the_exact_positions() {
    for (name, expected) in INVALID_FIXTURES {
        let path = format!("{INVALID}/{name}");
        let (code, stdout, stderr) = check(&path);
        assert_eq!(code, 1, "{path}: exit code\n{stderr}");
        assert_eq!(positions(&stderr, &path), *expected, "{path}\n{stderr}");
        for (line, column) in *expected {
            assert!(
                stderr.contains(&format!("{path}:{line}:{column}")),
                "{stderr}"
            );
        }
        let errors = expected.len();
        let summary = format!(
            "{path}: {errors} {}, 0 warnings",
            if errors == 1 { "error" } else { "errors" }
        );
        assert_eq!(stdout.trim_end(), summary, "{path}");
    }
}

#[test]
fn every_invalid_fixture_is_listed() {
    let listed: BTreeSet<&str> = INVALID_FIXTURES.iter().map(|(name, _)| *name).collect();
    let on_disk = fixture_names(INVALID);
    assert_eq!(listed, on_disk.iter().map(String::as_str).collect());
    let listed: BTreeSet<&str> = VALID_FIXTURES.iter().map(|(name, _)| *name).collect();
    let on_disk = fixture_names(VALID);
    assert_eq!(listed, on_disk.iter().map(String::as_str).collect());
}

fn fixture_names(dir: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".toml"))
        .collect()
}

#[test]
fn error_messages_say_what_is_wrong() {
    let cases = [
        ("syntax.toml", "TOML syntax"),
        ("unknown-key.toml", "did you mean `total`?"),
        ("missing-field.toml", "missing required field `done`"),
        ("wrong-type.toml", "`done` must be a number"),
        ("duplicate-id.toml", "first used on line 9"),
        ("bad-id.toml", "try \"blue-sky\""),
        ("negative-done.toml", "must not be negative"),
        ("zero-total.toml", "must be more than 0"),
        ("start-after-end.toml", "before it starts"),
        ("due-before-start.toml", "before it starts"),
        ("target-without-better.toml", "needs `better`"),
        ("bad-water-class.toml", "`VI` is not a water class"),
        ("history-order.toml", "out of date order"),
        ("date-with-time.toml", "without a time of day"),
        ("missing-meta.toml", "missing the [meta] table"),
    ];
    for (name, words) in cases {
        let (_, _, stderr) = check(&format!("{INVALID}/{name}"));
        assert!(stderr.contains(words), "{name}: {stderr}");
    }
}

#[test]
fn valid_fixtures_pass_with_their_warnings() {
    for (name, expected) in VALID_FIXTURES {
        let path = format!("{VALID}/{name}");
        let (code, stdout, stderr) = check(&path);
        assert_eq!(code, 0, "{path}\n{stderr}");
        assert_eq!(positions(&stderr, &path), *expected, "{path}\n{stderr}");
        assert!(
            stdout.starts_with(&format!("{path}: valid: ")),
            "{path}: {stdout}"
        );
        let warnings = expected.len();
        assert!(
            stdout.trim_end().ends_with(&format!(
                " {warnings} {}",
                if warnings == 1 { "warning" } else { "warnings" }
            )),
            "{stdout}"
        );
        assert_eq!(stderr.matches("warning:").count(), warnings, "{stderr}");
        assert!(!stderr.contains("error"), "{stderr}");
    }
}

#[test]
fn the_shipped_file_is_valid_and_summarised() {
    for args in [&["check"][..], &["check", "campaigns.toml"][..]] {
        let output = campaigns().args(args).output().unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(output.stderr.is_empty(), "{args:?}");
        assert_eq!(stdout.lines().count(), 1, "{stdout}");
        assert!(
            stdout.starts_with("campaigns.toml: valid: 7 campaigns, "),
            "{stdout}"
        );
        assert!(stdout.trim_end().ends_with(", 0 warnings"), "{stdout}");
    }
}

/// Exit 2 and one line on stderr naming the file and the reason.
fn could_not_run(path: &Path, reason: &str) {
    let output = campaigns().arg("check").arg(path).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    assert!(stderr.contains(reason), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_missing_file_cannot_be_checked() {
    could_not_run(
        Path::new("tests/fixtures/no-such-file.toml"),
        "no such file",
    );
}

#[test]
fn a_directory_cannot_be_checked() {
    could_not_run(Path::new("tests/fixtures"), "is a directory");
}

#[test]
fn a_file_that_is_not_utf8_cannot_be_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"[meta]\ntitle = \"caf\xe9\"\n").unwrap();
    could_not_run(&path, "not valid UTF-8");
    let (_, _, stderr) = check(path.to_str().unwrap());
    assert!(stderr.contains("latin1.toml:2:13"), "{stderr}");
}

#[test]
fn every_status_fixture_shows_every_status() {
    let source = std::fs::read_to_string(format!("{VALID}/every-status.toml")).unwrap();
    let loaded = load::parse(
        &source,
        Options {
            as_of: None,
            today: date("2000-01-01"),
        },
    );
    let plan = loaded.plan.unwrap();
    let status = PlanStatus::compute(&plan, plan.meta.as_of.unwrap());
    let mut found = BTreeMap::new();
    for (campaign, computed) in plan.campaigns.iter().zip(&status.campaigns) {
        for (task, schedule) in campaign.tasks.iter().zip(&computed.tasks) {
            found.insert(task.id.clone(), schedule.status);
        }
        for (indicator, status) in campaign.indicators.iter().zip(&computed.indicators) {
            found.insert(indicator.id.clone(), status.status);
        }
    }
    // Each item is named after the status it must have.
    for (id, status) in &found {
        assert_eq!(status.as_str(), id, "{id}");
    }
    let all: BTreeSet<Status> = Status::TASK.into_iter().chain(Status::INDICATOR).collect();
    assert_eq!(found.values().copied().collect::<BTreeSet<_>>(), all);
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The shipped file's statuses at its own reporting date, item by item: a
/// realistic mix, from the report's figures and the few illustrative dates.
#[test]
fn shipped_file_statuses_at_its_reporting_date() {
    let source = std::fs::read_to_string("campaigns.toml").unwrap();
    let loaded = load::parse(
        &source,
        Options {
            as_of: None,
            today: date("2000-01-01"),
        },
    );
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let plan = loaded.plan.unwrap();
    assert_eq!(plan.meta.as_of, Some(date("2024-12-31")));
    let status = PlanStatus::compute(&plan, date("2024-12-31"));
    let mut found = BTreeMap::new();
    for (campaign, computed) in plan.campaigns.iter().zip(&status.campaigns) {
        for (task, schedule) in campaign.tasks.iter().zip(&computed.tasks) {
            if schedule.status != Status::Count {
                found.insert(format!("{}/{}", campaign.id, task.id), schedule.status);
            }
        }
        for (indicator, status) in campaign.indicators.iter().zip(&computed.indicators) {
            found.insert(format!("{}/{}", campaign.id, indicator.id), status.status);
        }
    }
    let mut expected: BTreeMap<String, Status> = [
        ("blue-sky/good-air-days", Status::NotMet),
        ("blue-sky/pm25", Status::Met),
        ("blue-sky/freight-shift", Status::Done),
        ("clear-water/drinking-water-class", Status::NoTarget),
        ("clear-water/drinking-water-compliance", Status::Met),
        ("clear-water/yangtze-outfalls", Status::OnTrack),
        ("clear-water/main-canal-outfalls", Status::Behind),
        ("clear-water/drinking-water-problems", Status::Done),
        ("clean-soil/village-sewage-rate", Status::Met),
        ("clean-soil/black-odorous-remaining", Status::NotStarted),
        ("inspection/inspection-tasks", Status::OnTrack),
        ("inspection/third-round-plans", Status::Done),
        ("model-city/hazardous-waste-firms", Status::Done),
        ("approvals/carbon-trading", Status::Done),
    ]
    .into_iter()
    .map(|(id, status)| (id.to_owned(), status))
    .collect();
    for river in [
        "han-river",
        "dongjing-river",
        "tianguan-river",
        "xijing-river",
        "baili-canal",
        "xinglong-river",
    ] {
        expected.insert(format!("clear-water/{river}"), Status::Met);
    }
    assert_eq!(found, expected);
}

/// The example in the README is a valid file, so a reader can start from it.
#[test]
fn the_readme_example_is_valid() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let example = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let loaded = load::parse(
        example,
        Options {
            as_of: None,
            today: date("2024-12-31"),
        },
    );
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let plan = loaded.plan.unwrap();
    assert_eq!(plan.campaigns[0].tasks[0].id, "yangtze-outfalls");
}
