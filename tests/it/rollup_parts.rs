//! `parts = ["campaign/item", ...]` (issue 26, item 3: sums checked against
//! parts, inside one file): `check` warns at the whole's figure when it is
//! not the sum of its parts (zh and en), names a part that is no item of
//! the file at its line and column with a did-you-mean, refuses parts that
//! cannot be added (another kind, another unit, a water class), takes a
//! lower bound only the way it can be wrong; a re-read leaves a plan with
//! parts to a whole parse, so the warning follows every edit.

use assert_cmd::Command;
use campaigns::load::{self, Opened, Options};

fn campaigns() -> Command {
    let mut command = crate::binary::assert_command();
    command.env("NO_COLOR", "1").env_remove("LANG");
    command
}

/// Runs `campaigns ARGS… campaigns.toml` on `text`: (exit code, stdout,
/// stderr).
fn run(args: &[&str], text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("campaigns.toml"), text).unwrap();
    let output = campaigns()
        .current_dir(dir.path())
        .args(args)
        .arg("campaigns.toml")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// 29 cases filed = 20 penalty decisions + 9 minor cases: the whole's
/// `done` and `parts` as given, the parts' figures as given.
fn cases(whole: &str, parts: &str, decisions: &str, minor: &str) -> String {
    format!(
        "[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n\n\
         [[campaign]]\nid = \"enforcement\"\nname = \"Enforcement\"\n\n\
         [[campaign.task]]\nid = \"cases\"\nname = \"Cases filed\"\n{whole}\nparts = {parts}\n\n\
         [[campaign.task]]\nid = \"penalty-decisions\"\nname = \"Decisions\"\n{decisions}\n\n\
         [[campaign.task]]\nid = \"minor-cases\"\nname = \"Minor\"\n{minor}\n"
    )
}

const BOTH: &str = "[\"enforcement/penalty-decisions\", \"enforcement/minor-cases\"]";

#[test]
fn a_whole_that_is_the_sum_of_its_parts_is_quiet() {
    let text = cases("done = 29", BOTH, "done = 20", "done = 9");
    let (code, stdout, stderr) = run(&["check"], &text);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("parts"), "{stderr}");
    assert!(stdout.contains("valid"), "{stdout}");
}

#[test]
fn a_whole_that_differs_is_a_warning_at_its_figure_in_en_and_zh() {
    let text = cases("done = 1200", BOTH, "done = 1000", "done = 187");
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!(code, 0, "a warning, not an error: {stderr}");
    assert!(
        stderr.contains("1 200 ≠ sum of parts 1 187, 13 apart"),
        "{stderr}"
    );
    // `done = 1200` of the whole: line 12, column 8.
    assert!(stderr.contains("campaigns.toml:12:8"), "{stderr}");
    assert!(
        stderr.contains("parts: enforcement/penalty-decisions 1 000 + enforcement/minor-cases 187"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["check", "--lang", "zh"], &text);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("1 200 ≠ 各部分合计1 187，差13"), "{stderr}");
}

#[test]
fn a_part_that_names_no_item_is_an_error_with_a_did_you_mean() {
    let parts = "[\"enforcement/penalty-decisions\", \"enforcement/minor-case\"]";
    let text = cases("done = 29", parts, "done = 20", "done = 9");
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`parts` names `enforcement/minor-case`, which is no item of this file"),
        "{stderr}"
    );
    // The second part of line 13, `parts = [...]`: column 43.
    assert!(stderr.contains("campaigns.toml:13:43"), "{stderr}");
    assert!(
        stderr.contains("did you mean `enforcement/minor-cases`?"),
        "{stderr}"
    );
    let (_, _, stderr) = run(&["check", "--lang", "zh"], &text);
    assert!(stderr.contains("不是本文件中的事项"), "{stderr}");
}

#[test]
fn parts_that_are_not_paths_or_are_listed_twice_or_are_the_whole_are_errors() {
    for (parts, says) in [
        ("[\"minor-cases\"]", "a part must be \"campaign/item\""),
        ("\"enforcement/minor-cases\"", "`parts` must be an array"),
        (
            "[\"enforcement/minor-cases\", \"enforcement/minor-cases\"]",
            "is listed twice in `parts`",
        ),
        (
            "[\"enforcement/cases\"]",
            "is this item itself: it cannot be one of its parts",
        ),
    ] {
        let text = cases("done = 29", parts, "done = 20", "done = 9");
        let (code, _, stderr) = run(&["check"], &text);
        assert_eq!(code, 1, "{parts}: {stderr}");
        assert!(stderr.contains(says), "{parts}: {stderr}");
    }
}

/// PM2.5 of the city = the sum of nothing; emissions in tonnes add up.
fn emissions(whole_unit: &str, part_unit: &str, value: &str) -> String {
    format!(
        "[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n\n\
         [[campaign]]\nid = \"air\"\nname = \"Air\"\n\n\
         [[campaign.indicator]]\nid = \"nox\"\nname = \"NOx\"\nvalue = 100.5\n{whole_unit}\n\
         parts = [\"air/nox-industry\", \"air/nox-traffic\"]\n\n\
         [[campaign.indicator]]\nid = \"nox-industry\"\nname = \"NOx industry\"\nvalue = 60.25\n{part_unit}\n\n\
         [[campaign.indicator]]\nid = \"nox-traffic\"\nname = \"NOx traffic\"\n{value}\nunit = \"t\"\n\n\
         [[campaign.task]]\nid = \"audits\"\nname = \"Audits\"\ndone = 4\n"
    )
}

#[test]
fn indicators_add_up_in_one_unit_and_refuse_another() {
    let text = emissions("unit = \"t\"", "unit = \"t\"", "value = 40.25");
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!((code, stderr.as_str()), (0, ""));

    let text = emissions("unit = \"t\"", "unit = \"t\"", "value = 40");
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("100.5 ≠ sum of parts 100.25, 0.25 apart"),
        "{stderr}"
    );

    let text = emissions("unit = \"t\"", "unit = \"kg\"", "value = 40.25");
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`air/nox-industry` is measured in \"kg\", this indicator in \"t\""),
        "{stderr}"
    );
    let (_, _, stderr) = run(&["check", "--lang", "zh"], &text);
    assert!(
        stderr.contains("`air/nox-industry` 的单位是“kg”，本指标的单位是“t”"),
        "{stderr}"
    );

    let text = emissions("", "unit = \"t\"", "value = 40.25");
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!(code, 1, "no unit is another unit: {stderr}");
    assert!(stderr.contains("this indicator in no unit"), "{stderr}");
}

#[test]
fn a_task_of_indicators_or_a_water_class_cannot_be_added() {
    let text = emissions("unit = \"t\"", "unit = \"t\"", "value = 40.25")
        .replace("done = 4\n", "done = 4\nparts = [\"air/nox\"]\n");
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`air/nox` is an indicator, and the parts of a task are tasks"),
        "{stderr}"
    );

    let text = emissions(
        "unit = \"t\"",
        "unit = \"t\"",
        "value = \"II\"\nscale = \"water-class\"",
    );
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`air/nox-traffic` is a water class, which does not add up"),
        "{stderr}"
    );
}

#[test]
fn a_lower_bound_is_checked_only_the_way_it_can_be_wrong() {
    let more_than = "approx = \"more-than\"";
    for (whole, decisions, warned) in [
        // 90余 cases of 91 + 9 exactly: they are 100, more than 90.
        (
            format!("done = 90\n{more_than}"),
            "done = 91".to_owned(),
            false,
        ),
        // More than 90 cases, yet the parts are only 71 + 9.
        (
            format!("done = 90\n{more_than}"),
            "done = 71".to_owned(),
            true,
        ),
        // 29 cases, yet more than 21 decisions and 9 minor ones.
        (
            "done = 29".to_owned(),
            format!("done = 21\n{more_than}"),
            true,
        ),
        (
            "done = 29".to_owned(),
            format!("done = 19\n{more_than}"),
            false,
        ),
        (
            format!("done = 5\n{more_than}"),
            format!("done = 1\n{more_than}"),
            false,
        ),
    ] {
        let text = cases(&whole, BOTH, &decisions, "done = 9");
        let (code, _, stderr) = run(&["check"], &text);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(
            stderr.contains("sum of parts"),
            warned,
            "{whole} / {decisions}: {stderr}"
        );
    }
}

/// A re-read of one part would not see the whole it adds up to: a plan
/// with `parts` is read whole again, so the warning comes and goes with
/// the figures.
#[test]
fn an_edit_to_a_part_is_checked_against_its_whole() {
    let options = Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    };
    let text = cases("done = 29", BOTH, "done = 20", "done = 9");
    let document = Opened::parse(
        std::path::Path::new("campaigns.toml"),
        text.clone(),
        options,
    )
    .into_document()
    .expect("it loads");
    let edited = text.replace("done = 9\n", "done = 8\n");
    assert!(document.reread(&edited).is_none(), "a whole parse");
    let loaded = load::parse(&edited, options);
    let warnings: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.en.clone())
        .collect();
    assert_eq!(warnings, ["29 ≠ sum of parts 28, 1 apart"]);
    // Without parts the re-read stands, as before.
    let plain = text.replace(&format!("parts = {BOTH}\n"), "");
    let document = Opened::parse(
        std::path::Path::new("campaigns.toml"),
        plain.clone(),
        options,
    )
    .into_document()
    .expect("it loads");
    assert!(
        document
            .reread(&plain.replace("done = 9\n", "done = 8\n"))
            .is_some()
    );
}
