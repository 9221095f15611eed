//! `campaigns rollover` on the shipped file, in a repository built with
//! the git command line: a valid 2025 draft that keeps the comments, whose
//! items pair with 2024's once it is committed on top, and the refusals to
//! write over the plan or any file.

use std::path::Path;

use campaigns::load::{Options, parse};
use campaigns::model::Plan;
use campaigns::model::pairs::{PairedBy, pair, path_of};

use crate::git_fixture::{Fixture, git_command};

fn shipped() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/campaigns.toml")).unwrap()
}

/// Runs the binary in `dir`: (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The shipped plan committed as of its reporting date, and its 2025 draft
/// written beside it.
fn drafted() -> (Fixture, String) {
    let repo = Fixture::new();
    repo.commit("campaigns.toml", &shipped(), "2024-12-31T18:00:00+08:00");
    let (code, stdout, stderr) = run(
        repo.path(),
        &["rollover", "2025", "-o", "campaigns-2025.toml"],
    );
    assert_eq!(code, 0, "{stderr}");
    (repo, stdout)
}

fn load(text: &str) -> Plan {
    let today = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let loaded = parse(text, Options { as_of: None, today });
    assert!(
        loaded.errors().next().is_none(),
        "{:#?}",
        loaded.diagnostics
    );
    loaded.plan.unwrap()
}

#[test]
fn the_shipped_file_rolls_over_into_a_valid_2025_draft() {
    let (repo, stdout) = drafted();
    assert!(stdout.starts_with("campaigns.toml → campaigns-2025.toml: the 2025 plan, drafted\n"));
    for line in [
        "  reporting date 2024-12-31 → 2025-01-01\n",
        "  campaign blue-sky Blue Sky: 2025-01-01 to 2025-12-31\n",
        "carried: 3 left of 113 (110 done), follows clear-water/yangtze-outfalls\n",
        "carried: 35 left of 166 (131 done), follows inspection/inspection-tasks\n",
        "clean-soil/black-odorous-2024 National-list rural black-and-odorous water bodies treated (2024): a count of the year: 7 → 0\n",
        "drinking-water-problems Drinking-water enforcement: problems rectified: finished (7 of 7): left out\n",
    ] {
        assert!(stdout.contains(line), "{line}\n{stdout}");
    }
    assert_eq!(
        std::fs::read_to_string(repo.file("campaigns.toml")).unwrap(),
        shipped(),
        "the plan is untouched"
    );
    let (code, stdout, stderr) = run(repo.path(), &["check", "campaigns-2025.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "campaigns-2025.toml: valid: 7 campaigns, 37 tasks, 11 indicators, 0 warnings\n"
    );
    let draft = load(&std::fs::read_to_string(repo.file("campaigns-2025.toml")).unwrap());
    let remaining = draft
        .campaign("clean-soil")
        .unwrap()
        .task("black-odorous-remaining");
    assert_eq!(
        remaining
            .and_then(|t| t.follows.as_ref())
            .map(ToString::to_string),
        Some("clean-soil/black-odorous-2024".to_owned())
    );
    let (code, stdout, _) = run(
        repo.path(),
        &["rollover", "2025", "-o", "zh.toml", "--lang", "zh"],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("campaigns.toml → zh.toml：已起草2025年计划\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("：结转：剩余3（已完成110/113），follows clear-water/yangtze-outfalls\n"),
        "{stdout}"
    );
    let (_, stdout, _) = run(
        repo.path(),
        &["rollover", "2025", "-o", "a.toml", "--ascii"],
    );
    assert!(
        stdout.contains("  reporting date 2024-12-31 -> 2025-01-01\n"),
        "{stdout}"
    );
    assert!(!stdout.contains('→'), "{stdout}");
}

/// What `git diff` shows: every comment the plan has is in the draft, but
/// for those on the lines of the tasks left out and of last year's figures
/// taken away (a count back to 0 is no longer "more than", nor closed).
#[test]
fn the_draft_keeps_every_comment_but_those_of_tasks_left_out() {
    let (repo, _) = drafted();
    let output = git_command(repo.path())
        .args([
            "diff",
            "--no-index",
            "-U0",
            "campaigns.toml",
            "campaigns-2025.toml",
        ])
        .output()
        .unwrap();
    let diff = String::from_utf8(output.stdout).unwrap();
    let comments = |sign: char| -> Vec<String> {
        diff.lines()
            .filter(|line| {
                line.starts_with(sign) && !line.starts_with("---") && !line.starts_with("+++")
            })
            .filter_map(|line| {
                line.split_once('#')
                    .map(|(_, comment)| comment.trim().to_owned())
            })
            .collect()
    };
    let added = comments('+');
    let lost: Vec<String> = comments('-')
        .into_iter()
        .filter(|comment| !added.contains(comment))
        .collect();
    assert_eq!(
        lost,
        [
            // Last year's 销号 goes with its figure (a draft starts the year unclosed).
            "the report: \"已完成整改并销号131项\"",
            "the report: all 149 firms of the city (全市149家)",
            "the report: 1000余册",
            "the report: all 13 emission-controlled firms of the city (全市13家)",
        ]
    );
    // Changed lines keep their comment: a figure, a date.
    assert!(
        diff.contains("\n+done = 0                 # a plain count: no total, so no gauge\n"),
        "{diff}"
    );
    assert!(
        diff.contains("\n+start = 2025-01-01        # the report covers the year 2024\n"),
        "{diff}"
    );
}

/// The draft committed on top of the shipped plan: each of its items pairs
/// with one of 2024's by id or by `follows`; only the finished tasks end.
#[test]
fn the_2025_revision_pairs_every_item_with_2024s() {
    let (repo, _) = drafted();
    let draft = std::fs::read_to_string(repo.file("campaigns-2025.toml")).unwrap();
    repo.commit("campaigns.toml", &draft, "2025-01-02T09:00:00+08:00");
    let last = load(&repo.show("HEAD~1", "campaigns.toml").unwrap());
    let this = load(&repo.show("HEAD", "campaigns.toml").unwrap());
    let pairs = pair(&this, &last);
    let name = |plan: &Plan, at| path_of(plan, at).unwrap().to_string();
    let by_follows: Vec<String> = pairs
        .pairs
        .iter()
        .filter(|p| p.by == PairedBy::Follows)
        .map(|p| format!("{} → {}", name(&this, p.this), name(&last, p.last)))
        .collect();
    assert_eq!(
        by_follows,
        ["clean-soil/black-odorous-remaining → clean-soil/black-odorous-2024"]
    );
    assert_eq!(
        pairs.pairs.len(),
        37 + 11,
        "every task and indicator of 2025"
    );
    assert!(pairs.new.is_empty(), "nothing new: {:?}", pairs.new);
    let ended: Vec<String> = pairs.ended.iter().map(|&at| name(&last, at)).collect();
    assert_eq!(
        ended,
        [
            "blue-sky/freight-shift",
            "clear-water/drinking-water-problems",
            "inspection/third-round-plans",
            "model-city/hazardous-waste-firms",
            "approvals/carbon-trading",
        ]
    );
}

#[test]
fn rollover_never_writes_over_the_plan_or_an_existing_file() {
    let repo = Fixture::new();
    repo.commit("campaigns.toml", &shipped(), "2024-12-31T18:00:00+08:00");
    let (code, stdout, stderr) = run(repo.path(), &["rollover", "2025", "-o", "campaigns.toml"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("campaigns.toml is the plan itself: rollover never writes over it"),
        "{stderr}"
    );
    let (code, _, stderr) = run(repo.path(), &["rollover", "2025", "-o", "./campaigns.toml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is the plan itself"), "{stderr}");
    std::fs::write(repo.file("draft.toml"), "kept\n").unwrap();
    let (code, stdout, stderr) = run(repo.path(), &["rollover", "2025", "-o", "draft.toml"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("draft.toml exists: rollover never writes over a file"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(repo.file("draft.toml")).unwrap(),
        "kept\n"
    );
    assert_eq!(
        std::fs::read_to_string(repo.file("campaigns.toml")).unwrap(),
        shipped()
    );
    let (code, _, stderr) = run(
        repo.path(),
        &[
            "rollover",
            "2025",
            "-o",
            "new.toml",
            "--as-of",
            "2024-06-30",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--as-of does nothing for `rollover`"),
        "{stderr}"
    );
    let (code, _, stderr) = run(repo.path(), &["rollover", "2024", "-o", "new.toml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("a rollover goes into a later year than 2024"),
        "{stderr}"
    );
    assert!(!repo.file("new.toml").exists());
}
