//! `follows = "campaign/item"` (contract 3) end to end: `check` names a
//! `follows` that names no task of the file nor of last year's revision at
//! its line and column, warns on a loop (within the file, or through last
//! year's revision), takes a task's own path; the JSON report carries it.

use assert_cmd::Command;

fn campaigns() -> Command {
    let mut command = crate::binary::assert_command();
    command.env("NO_COLOR", "1").env_remove("LANG");
    command
}

/// A plan with one campaign `soil` whose tasks follow what `follows` says,
/// task by task (`None`: no `follows`).
fn plan(follows: &[(&str, Option<&str>)]) -> String {
    let mut text = String::from("[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n\n");
    text.push_str("[[campaign]]\nid = \"soil\"\nname = \"Soil\"\n");
    for (id, follows) in follows {
        text.push_str(&format!(
            "\n[[campaign.task]]\nid = \"{id}\"\nname = \"{id}\"\ndone = 1\n"
        ));
        if let Some(path) = follows {
            text.push_str(&format!("follows = \"{path}\"\n"));
        }
    }
    text
}

/// Runs `campaigns ARGS… FILE` on `text`: (exit code, stdout, stderr).
fn run(args: &[&str], text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("campaigns.toml");
    std::fs::write(&file, text).unwrap();
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

#[test]
fn a_follows_that_names_no_task_is_an_error_at_its_line_and_column() {
    let text = plan(&[
        ("bodies-2024", None),
        ("bodies-rest", Some("soil/bodies-2023")),
    ]);
    let (code, _, stderr) = run(&["check"], &text);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`follows` names `soil/bodies-2023`, which is no task of this file"),
        "{stderr}"
    );
    assert!(stderr.contains("campaigns.toml:18:11"), "{stderr}");
    // Outside git there is no last year's revision to look in: said so.
    assert!(
        stderr.contains("no last-year revision was found to look in (the file is not in git)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("follows = \"soil/bodies-2023\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `soil/bodies-2024`?"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["check", "--lang", "zh"], &text);
    assert_eq!(code, 1);
    assert!(stderr.contains("不是本文件中的任务"), "{stderr}");
    assert!(stderr.contains("未找到上年的版本可查"), "{stderr}");
}

#[test]
fn a_follows_that_is_not_campaign_slash_item_is_an_error() {
    let (code, _, stderr) = run(&["check"], &plan(&[("a", Some("bodies-2024"))]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`follows` must be \"campaign/item\""),
        "{stderr}"
    );
    assert!(stderr.contains("campaigns.toml:13:11"), "{stderr}");
}

#[test]
fn a_loop_of_follows_is_a_warning_once_and_a_tasks_own_path_is_not_a_loop() {
    let text = plan(&[
        ("a", Some("soil/b")),
        ("b", Some("soil/c")),
        ("c", Some("soil/a")),
        ("rest", Some("soil/rest")),
        ("d", Some("soil/rest")),
    ]);
    let (code, stdout, stderr) = run(&["check"], &text);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("1 warning"), "{stdout}");
    assert!(
        stderr.contains("`follows` goes round in a loop: soil/a → soil/b → soil/c → soil/a"),
        "{stderr}"
    );
    assert!(stderr.contains("campaigns.toml:13:11"), "{stderr}");
}

#[test]
fn the_json_report_carries_follows() {
    let text = plan(&[("bodies-2024", None), ("rest", Some("soil/bodies-2024"))]);
    let (code, stdout, stderr) = run(&["report", "--format", "json"], &text);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let tasks = &json["campaigns"][0]["tasks"];
    assert_eq!(tasks[0]["follows"], serde_json::Value::Null);
    assert_eq!(tasks[1]["follows"], "soil/bodies-2024");
}

fn document(text: &str) -> Option<campaigns::load::Document> {
    let options = campaigns::load::Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    };
    campaigns::load::Opened::parse(std::path::Path::new("plan.toml"), text.to_owned(), options)
        .into_document()
}

/// A re-read of one task sees nothing of the `follows` elsewhere: a save
/// that takes away a task some `follows` names, or adds a `follows`, goes
/// to a whole parse; a note added does not. The whole parse has no history,
/// so it takes a `follows` naming nothing of the file and leaves it
/// unresolved, for `check` to look for in last year's revision.
#[test]
fn a_reread_that_changes_what_follows_names_is_left_to_a_whole_parse() {
    let old = plan(&[("a", None), ("b", Some("soil/a")), ("c", None)]);
    let shown = document(&old).expect("valid");
    let renamed = old.replace("id = \"a\"", "id = \"a2\"");
    assert!(shown.reread(&renamed).is_none());
    let whole = document(&renamed).expect("the whole parse leaves it to check");
    assert_eq!(
        campaigns::history::compare::follows::unresolved(whole.plan()),
        [(
            campaigns::model::ItemPath::new("soil", "b"),
            campaigns::model::ItemPath::new("soil", "a")
        )]
    );
    let added = old.replace("name = \"c\"\n", "name = \"c\"\nfollows = \"soil/x\"\n");
    assert!(shown.reread(&added).is_none());
    let noted = old.replace("name = \"a\"\n", "name = \"a\"\nnote = \"seen\"\n");
    let part = shown
        .reread(&noted)
        .expect("a note leaves follows as they were");
    let mut patched = shown.clone();
    patched.take(part, noted.clone());
    assert_eq!(Some(patched), document(&noted));
}

#[test]
fn a_reread_keeps_the_warning_of_a_loop_by_leaving_it_to_a_whole_parse() {
    let old = plan(&[("a", Some("soil/b")), ("b", Some("soil/a"))]);
    let shown = document(&old).expect("valid, with a warning");
    let noted = old.replace("name = \"a\"\n", "name = \"a\"\nnote = \"seen\"\n");
    assert!(shown.reread(&noted).is_none());
}

/// `plan` reported on `as_of` instead of 2024-12-31.
fn plan_of(as_of: &str, follows: &[(&str, Option<&str>)]) -> String {
    plan(follows).replace("as_of = 2024-12-31", &format!("as_of = {as_of}"))
}

/// `campaigns check` (en) on the repository's file: (exit code, stdout, stderr).
fn check_in(fixture: &crate::git_fixture::Fixture, lang: &str) -> (i32, String, String) {
    let output = campaigns()
        .current_dir(fixture.path())
        .args(["check", "--lang", lang, "campaigns.toml"])
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Last year's item lives in last year's revision: `check` finds it there
/// (the revision of the same period last year), and names a miss with the
/// ids of both years, that revision's date and commit.
#[test]
fn check_resolves_a_follows_against_last_years_revision() {
    let fixture = crate::git_fixture::Fixture::new();
    let last = plan_of("2024-12-31", &[("bodies-2024", None)]);
    let commit = fixture.commit("campaigns.toml", &last, "2025-01-02T10:00:00+08:00");
    let this = plan_of("2025-12-31", &[("bodies-rest", Some("soil/bodies-2024"))]);
    fixture.commit("campaigns.toml", &this, "2026-01-03T10:00:00+08:00");
    let (code, stdout, stderr) = check_in(&fixture, "en");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("valid: 1 campaign, 1 task, 0 indicators, 0 warnings"),
        "{stdout}"
    );

    let typo = this.replace("soil/bodies-2024", "soil/bodies-2042");
    std::fs::write(fixture.file("campaigns.toml"), &typo).unwrap();
    let (code, _, stderr) = check_in(&fixture, "en");
    assert_eq!(code, 1, "{stderr}");
    let short = &commit[..7];
    assert!(
        stderr.contains(&format!(
            "error: `follows` names `soil/bodies-2042`, which is no task \
             of this file nor an item of last year's revision (2024-12-31, {short})"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("--> campaigns.toml:13:11"), "{stderr}");
    assert!(
        stderr.contains("follows = \"soil/bodies-2042\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `soil/bodies-2024`?"),
        "{stderr}"
    );
    let (code, _, stderr) = check_in(&fixture, "zh");
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!("也不是上年版本（2024-12-31，{short}）中的事项")),
        "{stderr}"
    );
}

/// In git with no revision reporting a year back, the error stays and
/// says that no last-year revision was found.
#[test]
fn check_says_when_git_holds_no_revision_a_year_back() {
    let fixture = crate::git_fixture::Fixture::new();
    let this = plan_of("2025-12-31", &[("bodies-rest", Some("soil/bodies-2024"))]);
    fixture.commit("campaigns.toml", &this, "2026-01-03T10:00:00+08:00");
    let (code, _, stderr) = check_in(&fixture, "en");
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "no last-year revision was found to look in (none reports on or before 2024-12-31)"
        ),
        "{stderr}"
    );
}

/// 2025's a follows 2024's b, which followed a: a loop across the two
/// revisions is a warning, once, and the file stays valid.
#[test]
fn a_loop_through_last_years_revision_is_a_warning_once() {
    let fixture = crate::git_fixture::Fixture::new();
    let last = plan_of("2024-12-31", &[("b", Some("soil/a"))]);
    fixture.commit("campaigns.toml", &last, "2025-01-02T10:00:00+08:00");
    let this = plan_of(
        "2025-12-31",
        &[("a", Some("soil/b")), ("c", Some("soil/b"))],
    );
    fixture.commit("campaigns.toml", &this, "2026-01-03T10:00:00+08:00");
    let (code, stdout, stderr) = check_in(&fixture, "en");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("1 warning"), "{stdout}");
    let warning = "`follows` goes round in a loop through last year's revision: \
                   soil/a → soil/b → soil/a";
    assert_eq!(stderr.matches(warning).count(), 1, "{stderr}");
    assert!(stderr.contains("campaigns.toml:13:11"), "{stderr}");
}

/// Reported mid-year, both of last year's revisions the year view pairs
/// with are looked in: the same period last year (an item that ended
/// during the year is only there) and last year's result (an item added
/// later in the year is only there); a miss names both.
#[test]
fn check_looks_in_the_same_period_and_in_last_years_result() {
    let fixture = crate::git_fixture::Fixture::new();
    let june = plan_of("2024-06-30", &[("dropped-in-autumn", None)]);
    let first = fixture.commit("campaigns.toml", &june, "2024-07-01T10:00:00+08:00");
    let december = plan_of("2024-12-31", &[("added-in-autumn", None)]);
    let second = fixture.commit("campaigns.toml", &december, "2025-01-02T10:00:00+08:00");
    let this = plan_of(
        "2025-06-30",
        &[
            ("a", Some("soil/dropped-in-autumn")),
            ("b", Some("soil/added-in-autumn")),
        ],
    );
    fixture.commit("campaigns.toml", &this, "2025-07-01T10:00:00+08:00");
    let (code, _, stderr) = check_in(&fixture, "en");
    assert_eq!(code, 0, "{stderr}");

    let slip = this.replace("soil/added-in-autumn", "soil/added-in-autum");
    std::fs::write(fixture.file("campaigns.toml"), slip).unwrap();
    let (code, _, stderr) = check_in(&fixture, "en");
    assert_eq!(code, 1, "{stderr}");
    let (june, december) = (&first[..7], &second[..7]);
    assert!(
        stderr.contains(&format!(
            "nor an item of last year's revisions (2024-06-30, {june}; 2024-12-31, {december})"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `soil/added-in-autumn`?"),
        "{stderr}"
    );
}
