//! Issue 13's write paths that must never change or hide the figures, each
//! named after the failure it guards against: a report written over the
//! plan, weights that overflow the roll-up, a file without a write bit.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::PathBuf;

use assert_cmd::Command;

const PLAN: &str = "# keep me\n[meta]\ntitle = \"T\"\nas_of = 2024-12-31\n\n[[campaign]]\nid = \"c\"\nname = \"C\"\n\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 3\ntotal = 10\n";

fn plan_in(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("campaigns.toml");
    fs::write(&path, PLAN).unwrap();
    path
}

fn campaigns() -> Command {
    crate::binary::assert_command()
}

#[test]
fn report_output_onto_the_plan_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    let link = dir.path().join("link.toml");
    symlink(&plan, &link).unwrap();
    let hard = dir.path().join("hard.toml");
    fs::hard_link(&plan, &hard).unwrap();
    let relative = [
        "campaigns.toml",
        "./campaigns.toml",
        "../",
        "link.toml",
        "hard.toml",
    ];
    for output in relative {
        let output = if output == "../" {
            // The same file reached through its parent directory.
            format!(
                "../{}/campaigns.toml",
                dir.path().file_name().unwrap().to_string_lossy()
            )
        } else {
            output.to_owned()
        };
        for flag in ["-o", "--output"] {
            let run = campaigns()
                .current_dir(dir.path())
                .args(["report", "campaigns.toml", "--format", "md", flag, &output])
                .output()
                .unwrap();
            assert_eq!(run.status.code(), Some(2), "{output}");
            let stderr = String::from_utf8(run.stderr).unwrap();
            assert!(stderr.contains("is the plan itself"), "{stderr}");
            assert_eq!(fs::read_to_string(&plan).unwrap(), PLAN, "{output}");
        }
    }
    // Another file is written as before.
    let run = campaigns()
        .current_dir(dir.path())
        .args([
            "report",
            "campaigns.toml",
            "--format",
            "json",
            "-o",
            "figures.json",
        ])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    let written = fs::read_to_string(dir.path().join("figures.json")).unwrap();
    assert!(written.contains("\"campaigns\""), "{written}");
}

#[test]
fn weights_must_be_finite_positive_and_at_most_a_million() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    for (weight, words) in [
        ("1e308", "at most 1000000"),
        ("1e7", "at most 1000000"),
        ("0", "more than 0"),
        ("-1", "more than 0"),
        ("inf", "finite"),
        ("nan", "finite"),
    ] {
        fs::write(&path, format!("{PLAN}weight = {weight}\n")).unwrap();
        let run = campaigns().arg("check").arg(&path).output().unwrap();
        assert_eq!(run.status.code(), Some(1), "weight = {weight}");
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(stderr.contains(words), "weight = {weight}: {stderr}");
        assert!(stderr.contains("campaigns.toml:15:10"), "{stderr}");
    }
    fs::write(&path, format!("{PLAN}weight = 1e6\n")).unwrap();
    campaigns().arg("check").arg(&path).assert().code(0);
}

#[test]
fn set_refuses_a_file_without_a_write_bit_even_as_root() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o444)).unwrap();
    let run = campaigns()
        .arg("set")
        .arg(&plan)
        .args(["c/t", "--done", "4"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read_to_string(&plan).unwrap(), PLAN);
    let mode = fs::metadata(&plan).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn set_to_a_full_stdout_still_says_the_file_changed() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let run = crate::binary::command()
        .arg("set")
        .arg(&plan)
        .args(["c/t", "--add", "1"])
        .stdout(full)
        .output()
        .unwrap();
    // Written once: exit 0, so a script that retries on failure does not add 1 again.
    assert_eq!(run.status.code(), Some(0));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(
        stderr.contains("written, but the summary could not be printed"),
        "{stderr}"
    );
    assert!(fs::read_to_string(&plan).unwrap().contains("done = 4\n"));
}

#[test]
fn render_refuses_a_frame_over_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    for size in ["65535x65535", "1001x40", "120x501"] {
        let run = campaigns()
            .arg("render")
            .arg(&plan)
            .args(["--size", size])
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "{size}");
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(stderr.contains("larger than the 1000x500"), "{stderr}");
    }
    let run = campaigns()
        .arg("render")
        .arg(&plan)
        .args(["--size", "1000x500"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(String::from_utf8(run.stdout).unwrap().lines().count(), 500);
}

#[test]
fn a_file_with_errors_is_never_updated_even_when_the_edit_would_fix_them() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("campaigns.toml");
    // The only error is the edited task's own `done`.
    let broken = PLAN.replace("done = 3", "done = -1");
    fs::write(&plan, &broken).unwrap();
    for change in [["--add", "1"], ["--done", "5"]] {
        let run = campaigns()
            .arg("set")
            .arg(&plan)
            .arg("c/t")
            .args(change)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1), "{change:?}");
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(stderr.contains("the file has errors"), "{stderr}");
        assert!(stderr.contains("campaigns.toml:13:8"), "{stderr}");
        assert_eq!(fs::read_to_string(&plan).unwrap(), broken);
    }
}

#[test]
fn set_leaves_nothing_in_the_work_tree_and_follows_no_planted_lock_link() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    // A planted `.campaigns.toml.lock` pointing elsewhere is never touched.
    let victim = dir.path().join("victim");
    fs::write(&victim, "keep").unwrap();
    symlink(&victim, dir.path().join(".campaigns.toml.lock")).unwrap();
    campaigns()
        .arg("set")
        .arg(&plan)
        .args(["c/t", "--add", "1"])
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
    fs::remove_file(dir.path().join(".campaigns.toml.lock")).unwrap();
    fs::remove_file(&victim).unwrap();
    campaigns()
        .arg("set")
        .arg(&plan)
        .args(["c/t", "--add", "1"])
        .assert()
        .code(0);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["campaigns.toml"], "git status would show the rest");
    assert!(fs::read_to_string(&plan).unwrap().contains("done = 5\n"));
}

#[test]
fn set_with_a_figure_that_is_not_a_number_is_refused_like_any_wrong_value() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(&dir);
    for (flag, text) in [("--done", "abc"), ("--add", "1,5"), ("--done", "inf")] {
        let run = campaigns()
            .arg("set")
            .arg(&plan)
            .args(["c/t", flag, text])
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1), "{flag} {text}");
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(stderr.contains("is not a number"), "{stderr}");
        assert_eq!(fs::read_to_string(&plan).unwrap(), PLAN);
    }
    // The file's own notation is understood, and whole numbers stay whole.
    campaigns()
        .arg("set")
        .arg(&plan)
        .args(["c/t", "--done", "5.5"])
        .assert()
        .code(0);
    campaigns()
        .arg("set")
        .arg(&plan)
        .args(["c/t", "--done", "1_0"])
        .assert()
        .code(0)
        .stdout("c/t: done 5.5 → 10\n");
    assert!(fs::read_to_string(&plan).unwrap().contains("done = 10\n"));
}

#[test]
fn set_note_without_lang_takes_the_slot_of_the_text_script() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("campaigns.toml");
    fs::write(
        &plan,
        format!("{PLAN}note = {{ zh = \"旧\", en = \"old\" }}\n"),
    )
    .unwrap();
    // An English locale, a Chinese note: the zh slot, never the en text.
    campaigns()
        .env("LANG", "C.UTF-8")
        .arg("set")
        .arg(&plan)
        .args(["c/t", "--note", "新的说明"])
        .assert()
        .code(0)
        .stdout("c/t: note (zh) replaced\n");
    let written = fs::read_to_string(&plan).unwrap();
    assert!(
        written.contains("note = { zh = \"新的说明\", en = \"old\" }"),
        "{written}"
    );
    // --lang wins over the script.
    campaigns()
        .env("LANG", "zh_CN.UTF-8")
        .arg("set")
        .arg(&plan)
        .args(["c/t", "--note", "new note", "--lang", "en"])
        .assert()
        .code(0)
        .stdout("c/t: note (en) replaced\n");
    let written = fs::read_to_string(&plan).unwrap();
    assert!(
        written.contains("note = { zh = \"新的说明\", en = \"new note\" }"),
        "{written}"
    );
}

#[test]
fn a_done_of_minus_zero_shows_as_zero() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("campaigns.toml");
    fs::write(&plan, PLAN.replace("done = 3", "done = -0.0")).unwrap();
    let run = campaigns()
        .arg("report")
        .arg(&plan)
        .args(["--format", "text", "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(text.contains("0 of 10 done"), "{text}");
    assert!(!text.contains("-0"), "{text}");
}
