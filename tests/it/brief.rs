//! `campaigns report --brief`: the meeting's one page in markdown, text
//! and a sheet: what moved since the last report in git, the attention
//! list by lead, what falls due soon.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

fn shipped(args: &[&str]) -> std::process::Output {
    crate::binary::assert_command()
        .args([
            "report",
            "campaigns.toml",
            "--brief",
            "--as-of",
            "2024-12-31",
        ])
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The shipped file's brief fits one A4 page: at most 60 lines of markdown.
#[test]
fn shipped_brief_in_both_languages() {
    for lang in ["zh", "en"] {
        let brief = stdout(&shipped(&["--lang", lang]));
        let lines = brief.lines().count();
        assert!(lines <= 60, "{lines} lines:\n{brief}");
        insta::assert_snapshot!(format!("shipped_brief_md_{lang}"), brief);
    }
}

#[test]
fn json_and_csv_have_no_brief() {
    for format in ["json", "csv"] {
        let output = shipped(&["--format", format]);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("--brief writes md, text or xlsx"),
            "{stderr}"
        );
    }
}

/// The sheet holds the text brief's lines, one per row, in the same order.
#[test]
fn the_sheet_holds_the_text_lines() {
    let text = stdout(&shipped(&["--format", "text", "--lang", "zh"]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.xlsx");
    let path_text = path.to_str().unwrap();
    stdout(&shipped(&[
        "--format", "xlsx", "--lang", "zh", "-o", path_text,
    ]));
    let mut book = Xlsx::new(Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    assert_eq!(book.sheet_names(), ["调度简报"]);
    let range = book.worksheet_range("调度简报").unwrap();
    let rows: Vec<String> = range
        .rows()
        .map(|row| match &row[0] {
            Data::String(text) => text.trim_start_matches("• ").to_owned(),
            _ => String::new(),
        })
        .filter(|row| !row.is_empty())
        .collect();
    let lines: Vec<String> = text
        .lines()
        .map(|line| line.trim().trim_start_matches("- ").to_owned())
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(rows, lines);
    assert!(rows.iter().any(|row| row.contains("差24个*")), "{rows:#?}");
}

fn plan(as_of: &str, done: u32, status_line: &str) -> String {
    format!(
        "[meta]\ntitle = \"T\"\nas_of = {as_of}\n{status_line}\n\
         [[campaign]]\nid = \"water\"\nname = \"Water\"\nstart = 2024-01-01\nend = 2024-12-31\n\
         lead = \"Water Bureau\"\n\n\
         [[campaign.task]]\nid = \"outfalls\"\nname = \"Outfalls\"\ndone = {done}\ntotal = 100\n\
         unit = \"outfalls\"\n\n\
         [[campaign.task]]\nid = \"sewers\"\nname = \"Sewers\"\ndone = 2\ntotal = 10\n\
         due = 2025-01-20\n"
    )
}

/// Without --since, the brief compares with the last report in git: each
/// item that moved with its change, a status that moved with its arrow.
#[test]
fn the_brief_compares_with_the_last_report() {
    let fixture = Fixture::new();
    fixture.commit(
        FILE,
        &plan("2024-06-30", 80, ""),
        "2024-06-30T12:00:00+08:00",
    );
    let now = plan("2024-12-31", 88, "due_soon_days = 20");
    fixture.commit(FILE, &now, "2024-12-31T12:00:00+08:00");
    // The same figures; 销号 as the meeting recorded it.
    let then = plan("2024-06-30", 80, "").replace("total = 100\n", "total = 100\nclosed = 70\n");
    let now = now.replace("total = 100\n", "total = 100\nclosed = 80\n")
        + "\n[[campaign.task]]\nid = \"permit\"\nname = \"Permit\"\ndone = 1\ntotal = 1\nclosed = 2024-12-10\n";
    fixture.commit(FILE, &then, "2024-06-30T12:00:00+08:00");
    fixture.commit(FILE, &now, "2024-12-31T12:00:00+08:00");
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args(["report", FILE, "--brief", "--lang", "en"])
        .output()
        .unwrap();
    let brief = stdout(&output);
    assert!(brief.contains("Baseline: 2024-06-30"), "{brief}");
    // On track at mid-year (80 of 100), behind at the year's end (88).
    let moved =
        "- Water / Outfalls: 88/100 outfalls (88%), +8 since 2024-06-30 · ● on-track → ▼ behind";
    assert!(brief.contains(moved), "{brief}");
    // Sewers 10 × 365/385 - 2 = 7.5 short of 序时进度, outfalls 12; the
    // wider gap first.
    let group = "### Water Bureau (2 items): 8 short · 12 outfalls short · ▼ behind 2";
    assert!(brief.contains(group), "{brief}");
    assert!(brief.contains("## Due soon (within 20 days)"), "{brief}");
    assert!(
        brief.contains("Sewers: 2/10 (20%) · 20 days left"),
        "{brief}"
    );
    assert!(
        brief.contains("## Closed since the last meeting"),
        "{brief}"
    );
    assert!(
        brief.contains("- Water / Outfalls: 80 closed (+10 since 2024-06-30)"),
        "{brief}"
    );
    assert!(
        brief.contains("- Water / Permit: closed on 2024-12-10"),
        "{brief}"
    );
}

#[test]
fn outside_git_the_brief_says_there_is_nothing_to_compare_with() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE), plan("2024-12-31", 88, "")).unwrap();
    let output = crate::binary::assert_command()
        .current_dir(dir.path())
        .args([
            "report", FILE, "--brief", "--lang", "zh", "--format", "text",
        ])
        .output()
        .unwrap();
    let brief = stdout(&output);
    assert!(brief.contains("git 历史中没有上次调度的报告"), "{brief}");
    assert!(
        brief.contains("20天内") || brief.contains("30天内"),
        "{brief}"
    );
}
