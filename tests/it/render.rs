//! `campaigns render`: the real binary draws one frame as text.

const FIXTURE: &str = "tests/fixtures/tui/plan.toml";

fn render(args: &[&str]) -> assert_cmd::assert::Assert {
    crate::binary::assert_command()
        .env_remove("NO_COLOR")
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .arg("render")
        .arg(FIXTURE)
        .args(args)
        .assert()
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

#[test]
fn prints_a_frame_of_the_asked_size_as_plain_text() {
    let assert = render(&["--size", "80x24", "--lang", "en"]).success();
    let out = stdout(&assert);
    assert_eq!(out.lines().count(), 24);
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    assert!(
        out.lines().all(|l| !l.ends_with(' ')),
        "trailing spaces trimmed"
    );
    assert!(out.contains("☁ Blue Sky"), "{out}");
    assert!(out.contains("as of 2024-12-31"), "{out}");
    assert!(!out.contains('\x1b'), "no escapes without --color");
}

#[test]
fn draws_a_campaign_in_chinese() {
    let assert = render(&["--size", "120x40", "--view", "clear-water", "--lang", "zh"]).success();
    let out = stdout(&assert);
    assert!(out.contains("碧水保卫战"), "{out}");
    assert!(out.contains("110/113 个"), "{out}");
    assert!(out.contains("97%"), "{out}");
}

#[test]
fn help_view_lists_the_keys() {
    let out = stdout(&render(&["--view", "help", "--lang", "en"]).success());
    for key in ["Enter", "PgDn", "Ctrl-C", "1-9", "Q"] {
        assert!(out.contains(key), "{key}: {out}");
    }
}

#[test]
fn ascii_and_as_of_are_honoured() {
    let out = stdout(
        &render(&[
            "--size",
            "80x24",
            "--ascii",
            "--as-of",
            "2024-06-30",
            "--lang",
            "en",
        ])
        .success(),
    );
    assert!(out.contains("as of 2024-06-30"), "{out}");
    assert!(out.contains("+ A Blue Sky"), "{out}");
    assert!(!out.contains('│') && !out.contains('█'), "{out}");
}

#[test]
fn color_keeps_styles_as_ansi_and_no_color_drops_colours() {
    let out = stdout(&render(&["--size", "80x24", "--view", "blue-sky", "--color"]).success());
    assert!(out.contains("\x1b[0;7"), "selection reversed: {out:?}");
    assert!(out.contains(";91m"), "behind in light red");
    let mono = stdout(
        &render(&[
            "--size",
            "80x24",
            "--view",
            "blue-sky",
            "--color",
            "--no-color",
        ])
        .success(),
    );
    assert!(mono.contains("\x1b[0;7"), "still reversed");
    for code in [";31m", ";32m", ";91m", ";33m"] {
        assert!(!mono.contains(code), "{code} in monochrome");
    }
}

#[test]
fn an_unknown_view_lists_the_campaigns() {
    let assert = render(&["--view", "nowhere"]).code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("blue-sky, clear-water, clean-soil, inspection"),
        "{err}"
    );
}

#[test]
fn a_missing_or_invalid_file_fails_with_the_reason() {
    crate::binary::assert_command()
        .args(["render", "no/such/file.toml"])
        .assert()
        .code(2);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[meta]\ntitel = 1\n").unwrap();
    let assert = crate::binary::assert_command()
        .arg("render")
        .arg(&bad)
        .assert()
        .code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("bad.toml:2:1"), "{err}");
}

#[test]
fn tiny_sizes_print_the_notice() {
    let out = stdout(&render(&["--size", "20x3", "--lang", "en"]).success());
    assert!(out.contains("too small"), "{out}");
    let out = stdout(&render(&["--size", "0x0"]).success());
    assert_eq!(out, "");
}

/// The shipped file, as the README shows it: a change to either shows here.
#[test]
fn shipped_file_frames() {
    for lang in ["zh", "en"] {
        for size in ["120x40", "80x24"] {
            for view in ["overview", "clear-water"] {
                let assert = crate::binary::assert_command()
                    .env_remove("NO_COLOR")
                    .env("LANG", "en_GB.UTF-8")
                    .env_remove("LC_ALL")
                    .env_remove("LC_CTYPE")
                    .args(["render", "campaigns.toml", "--size", size, "--view", view])
                    .args(["--lang", lang, "--as-of", "2024-12-31"])
                    .assert()
                    .success();
                let name = format!("shipped_{view}_{size}_{lang}");
                insta::assert_snapshot!(name, stdout(&assert));
            }
        }
    }
}

/// At 80×24 Clear Water's card has room for its heading but not for the
/// item under it: a bare "Needs attention:" would read as nothing to see.
#[test]
fn a_card_without_room_for_its_attention_items_counts_them() {
    for (lang, expected) in [("en", "Needs attention: 1 item"), ("zh", "需关注：1 项")] {
        let assert = crate::binary::assert_command()
            .args([
                "render",
                "campaigns.toml",
                "--size",
                "80x24",
                "--lang",
                lang,
            ])
            .assert()
            .success();
        let screen = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
        assert!(screen.contains(expected), "{lang}:\n{screen}");
    }
}

/// A task that is done has no pace: "projected finish" and "needed 0.00
/// per day" beside 2/2 would read as if it were still under way.
#[test]
fn a_done_task_shows_no_pace_or_projected_finish() {
    let shipped = |view: &[&str]| {
        let output = crate::binary::assert_command()
            .args([
                "render",
                "campaigns.toml",
                "--size",
                "120x40",
                "--lang",
                "en",
            ])
            .args(view)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    // Blue Sky's rail spur, done.
    let done = shipped(&["--select", "blue-sky/freight-shift"]);
    assert!(done.contains("✔ done · 2/2 lines · 100%"), "{done}");
    assert!(!done.contains("Pace"), "{done}");
    assert!(!done.contains("Projected finish"), "{done}");
    let behind = shipped(&["--view", "clear-water"]);
    assert!(
        behind.contains("Pace achieved 0.15 outfalls/day"),
        "{behind}"
    );
    assert!(behind.contains("Projected finish 2025-06-15"), "{behind}");
}

/// `render` of `file` with `args`, in English, from outside the project's
/// own repository (HOME and git's config kept out of the way).
fn render_file(file: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    crate::binary::assert_command()
        .env_remove("NO_COLOR")
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .arg("render")
        .arg(file)
        .args(["--lang", "en", "--size", "80x24"])
        .args(args)
        .assert()
}

#[test]
fn select_opens_the_items_campaign_with_its_detail() {
    let assert = render(&["--size", "120x40", "--select", "blue-sky/machinery-labels"]).success();
    let out = stdout(&assert);
    // The campaign's list, the item's row selected, its detail below.
    assert!(out.contains("Blue Sky · Tasks and indicators"), "{out}");
    let selected = out.lines().find(|l| l.contains('▸')).unwrap_or_default();
    assert!(
        selected.contains("labels") || selected.contains("Labels"),
        "{out}"
    );
    assert!(
        out.contains("blue-sky/machinery-labels"),
        "the detail names it: {out}"
    );
}

#[test]
fn select_of_an_item_the_plan_lacks_says_so() {
    let assert = render(&["--select", "blue-sky/nosuch"]).code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("--select `blue-sky/nosuch` names no item"),
        "{err}"
    );
    let assert = render(&["--select", "no-slash"]).code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("CAMPAIGN/ITEM"), "{err}");
}

#[test]
fn every_view_of_the_app_can_be_printed() {
    let problems = stdout(&render(&["--size", "80x24", "--view", "problems"]).success());
    assert!(problems.contains("Problems: "), "{problems}");
    let attention = stdout(&render(&["--size", "80x24", "--view", "attention"]).success());
    assert!(
        attention.contains("Attention list (7 items)"),
        "{attention}"
    );
    let unknown = render(&["--view", "nosuch"]).code(1);
    let err = String::from_utf8(unknown.get_output().stderr.clone()).unwrap();
    for view in [
        "overview",
        "help",
        "attention",
        "changes",
        "problems",
        "blue-sky",
    ] {
        assert!(err.contains(view), "{view} listed: {err}");
    }
}

#[test]
fn since_draws_the_changes_the_screen_shows() {
    let fixture = crate::tui_history::repo();
    let file = fixture.file(crate::tui_history::NAME);
    let out = stdout(&render_file(&file, &["--view", "changes", "--since", "HEAD~1"]).success());
    assert!(out.contains("Changes since 2024-11-30 ("), "{out}");
    assert!(
        crate::tui_history::row(&out, "Labels for non-").contains("+8"),
        "{out}"
    );
    // The campaign's rows carry the same change.
    let rows = stdout(&render_file(&file, &["--view", "blue-sky", "--since", "HEAD~1"]).success());
    assert!(
        crate::tui_history::row(&rows, "Labels for non-").contains("+8"),
        "{rows}"
    );
    // A REV that names nothing: exit 2, as `report --since` does.
    let unknown = render_file(&file, &["--since", "nosuch"]).code(2);
    let err = String::from_utf8(unknown.get_output().stderr.clone()).unwrap();
    assert!(err.contains("nosuch"), "{err}");
}

#[test]
fn the_help_ends_with_the_legend_of_every_symbol() {
    let out = stdout(&render(&["--size", "200x60", "--view", "help", "--lang", "en"]).success());
    assert!(out.contains("Symbols"), "{out}");
    for shown in [
        "✖ overdue",
        "✗ not-met",
        "▼ behind",
        "▲ at-risk",
        "✔ done",
        "✓ met",
        "↑ ↓",
        "* assumed",
    ] {
        assert!(out.contains(shown), "{shown}: {out}");
    }
    let ascii = stdout(&render(&["--size", "200x60", "--view", "help", "--ascii"]).success());
    for shown in ["X overdue", "N not-met", "< behind", "^ v"] {
        assert!(ascii.contains(shown), "{shown}: {ascii}");
    }
}

/// A card's headline says how many items carry its status, of what: Clear
/// Water is behind on 1 of 3 measured tasks, Blue Sky not-met on 1 of 2
/// indicators over a full gauge.
#[test]
fn a_cards_headline_names_its_scope() {
    let shipped = |args: &[&str]| {
        let assert = crate::binary::assert_command()
            .env_remove("NO_COLOR")
            .args(["render", "campaigns.toml", "--size", "120x40"])
            .args(args)
            .assert()
            .success();
        stdout(&assert)
    };
    let en = shipped(&["--lang", "en"]);
    for headline in [
        "✗ not-met* · 1 of 2 indicators",
        "▼ behind* · 1 of 3 measured tasks",
        "✓ met* · 1 indicator",
        "✔ done · 1 measured task",
    ] {
        assert!(en.contains(headline), "{headline}: {en}");
    }
    let zh = shipped(&["--lang", "zh"]);
    assert!(zh.contains("▼ 滞后* · 3项计入进度的任务中1项"), "{zh}");
}

/// Every chart's range is printed on its axis: a task's count is drawn from
/// 0 against its total; an indicator's over its own lowest to highest figure
/// with its target among them (so 35 → 37 → 39 → 31 shows), the axis naming
/// the target with its mark; the assumed history's chart carries `*` as its
/// points do.
#[test]
fn charts_have_their_range_printed_on_the_axis() {
    let out =
        stdout(&render(&["--size", "80x24", "--select", "blue-sky/machinery-labels"]).success());
    let chart = out
        .lines()
        .find(|l| l.contains("History "))
        .expect("a chart");
    assert!(
        chart.contains(" 0–600"),
        "drawn against the total 600: {out}"
    );
    assert!(
        !chart.contains('█'),
        "513 of 600 is not a full bar: {chart}"
    );
    let shipped = crate::binary::assert_command()
        .env_remove("NO_COLOR")
        .args([
            "render",
            "campaigns.toml",
            "--size",
            "120x40",
            "--lang",
            "en",
        ])
        .args(["--select", "blue-sky/pm25"])
        .assert()
        .success();
    let shipped = stdout(&shipped);
    let chart = shipped
        .lines()
        .find(|l| l.contains("History "))
        .expect("a chart");
    assert!(chart.contains("* 31–39 · target ≤ 35 μg/m³*"), "{chart}");
}

/// The change of an assumed figure rests on it: `+8*` on the screen's row
/// and `+8\* since …` in the bulletin, where the same change of a figure
/// from the source carries no mark.
#[test]
fn the_change_of_an_assumed_figure_carries_its_mark() {
    let assumed =
        |plan: String| plan.replacen("done = 513\n", "done = 513\nassumed = [\"done\"]\n", 1);
    let fixture = crate::git_fixture::Fixture::new();
    let name = crate::tui_history::NAME;
    fixture.commit(
        name,
        &assumed(crate::tui_history::last_report()),
        "2024-12-01T10:00:00+08:00",
    );
    fixture.commit(
        name,
        &assumed(crate::tui_history::current()),
        "2025-01-02T10:00:00+08:00",
    );
    let file = fixture.file(name);
    let rows = stdout(&render_file(&file, &["--view", "blue-sky", "--since", "HEAD~1"]).success());
    assert!(
        crate::tui_history::row(&rows, "Labels for non-").contains("+8* ↓"),
        "{rows}"
    );
    let md = crate::binary::assert_command()
        .args(["report"])
        .arg(&file)
        .args(["--format", "md", "--lang", "en", "--since", "HEAD~1"])
        .assert()
        .success();
    let md = stdout(&md);
    assert!(md.contains("+8\\* since 2024-11-30"), "{md}");
    // The good-air days' value is from the source: its change is bare.
    assert!(
        md.contains("−2 since 2024-11-30") || md.contains("-2 since 2024-11-30"),
        "{md}"
    );
}

/// An item gone since the baseline is named alike by the screen's changes
/// list and every report: JSON `since.removed`, the bulletin's line.
#[test]
fn an_item_removed_since_the_baseline_is_named_everywhere() {
    use crate::tui_history::{NAME, current, last_report, with_dust_sites};
    let fixture = crate::git_fixture::Fixture::new();
    fixture.commit(
        NAME,
        &with_dust_sites(&last_report()),
        "2024-12-01T10:00:00+08:00",
    );
    fixture.commit(NAME, &current(), "2025-01-02T10:00:00+08:00");
    let file = fixture.file(NAME);
    let report = |format: &str| {
        let assert = crate::binary::assert_command()
            .arg("report")
            .arg(&file)
            .args(["--format", format, "--lang", "en", "--since", "2024-11-30"])
            .assert()
            .success();
        stdout(&assert)
    };
    let json: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(
        json["since"]["removed"],
        serde_json::json!([{ "item": "blue-sky/dust-sites", "done": 4, "status": "behind" }])
    );
    assert!(report("md").contains("Removed since 2024-11-30: blue-sky/dust-sites"));
    assert!(report("text").contains("Removed since 2024-11-30: blue-sky/dust-sites"));
    let screen =
        stdout(&render_file(&file, &["--view", "changes", "--since", "2024-11-30"]).success());
    assert!(
        screen.contains("dust-sites") || screen.contains("Dust sites"),
        "{screen}"
    );
}
