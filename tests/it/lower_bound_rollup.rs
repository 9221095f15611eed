//! A roll-up over a unit whose figure is a lower bound (`approx =
//! "more-than"`): a sum with such a part is one too (`100+`, `100余`), each
//! unit's figure, ranking row and shortfall keeps its own sign, JSON says
//! which, and the office is checked against the sum by the one rule of a
//! plan's `parts` (a lower bound contradicts only from one side).

use serde_json::Value;

use crate::rollup_fixture::{HEAD, UnitFigures, folder_of, load};

const OFFICE_HEAD: &str = "stale_after_days = 40\noffice = \"hubei\"\n";

/// Cities a (80余 of 100 outfalls, PM2.5 30余) and b (20 of 50), under
/// the province `hubei` (`office_done` of 150, a lower bound when
/// `office_more`) when `office_done` is given.
fn province(dir: &std::path::Path, office: Option<(u32, bool)>) -> std::path::PathBuf {
    let head = match office {
        Some(_) => HEAD.replace("stale_after_days = 40\n", OFFICE_HEAD),
        None => HEAD.to_owned(),
    };
    let mut units = vec![
        ("a", &[][..], UnitFigures::new(80, 100, 30.0, 300)),
        ("b", &[][..], UnitFigures::new(20, 50, 28.0, 310)),
    ];
    if let Some((done, _)) = office {
        units.insert(
            0,
            ("hubei", &[][..], UnitFigures::new(done, 150, 25.0, 320)),
        );
    }
    let manifest = folder_of(dir, &head, &units);
    let more_than = |id: &str, figure: &str| {
        let file = dir.join("units").join(id).join("campaigns.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        let text = text.replacen(figure, &format!("{figure}\napprox = \"more-than\""), 1);
        std::fs::write(&file, text).unwrap();
    };
    more_than("a", "done = 80");
    more_than("a", "value = 30.0");
    if let Some((done, true)) = office {
        more_than("hubei", &format!("done = {done}"));
    }
    manifest
}

fn run(args: &[&str], manifest: &std::path::Path) -> (i32, String, String) {
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .args(args)
        .arg(manifest)
        .args(["--as-of", "2024-12-31"])
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_sum_with_a_lower_bound_is_one_and_each_unit_keeps_its_sign() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), None);
    let rollup = load(&manifest);
    let outfalls = &rollup.combined()[0];
    assert_eq!(outfalls.done, Some(100.0));
    assert!(outfalls.at_least());
    assert!(outfalls.at_least_for("a") && !outfalls.at_least_for("b"));
    let pm25 = &rollup.combined()[1];
    assert!(!pm25.at_least(), "a count of units met is exact");

    for (format, lang, said) in [
        (
            "md",
            "en",
            "100+/150 outfalls (≈66%) — a city 80+, b city 20",
        ),
        ("text", "zh", "100余/150 个（约66%）——a市 80余，b市 20"),
    ] {
        let (code, text, stderr) = run(&["report", "--format", format, "--lang", lang], &manifest);
        assert_eq!(code, 0, "{stderr}");
        assert!(text.contains(said), "{format} {lang}: {said}\n{text}");
    }
    // Ranked by PM2.5: a's 30余 is ranked as a lower bound.
    let (_, text, _) = run(&["report", "--format", "text", "--lang", "en"], &manifest);
    assert!(text.contains("a city 30+"), "{text}");
    // Who drags: a's shortfall from a lower bound is approximate, and so is
    // the whole and every share of it.
    assert!(
        text.contains("≈50 outfalls short in all: b city 30 (≈60%), a city ≈20 (≈40%)"),
        "{text}"
    );
    let (_, screen, _) = run(&["render", "--size", "120x40", "--lang", "en"], &manifest);
    assert!(screen.contains("100+/150"), "{screen}");
    assert!(screen.contains("a city 30+"), "the ranking pane:\n{screen}");
    assert!(screen.contains("a city ≈20 (≈40%)"), "who drags:\n{screen}");
}

#[test]
fn json_says_which_figures_are_lower_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), None);
    let (_, json, _) = run(&["report", "--format", "json"], &manifest);
    let json: Value = serde_json::from_str(&json).unwrap();
    let outfalls = &json["combined"][0];
    assert_eq!(outfalls["done"], 100);
    assert_eq!(outfalls["at_least"], serde_json::json!(["done"]));
    assert_eq!(outfalls["at_least_in"], serde_json::json!(["a"]));
    assert_eq!(json["combined"][1]["at_least"], serde_json::json!([]));
    let rows = json["rankings"][0]["rows"].as_array().unwrap();
    let row = |unit: &str| rows.iter().find(|r| r["unit"] == unit).unwrap();
    assert_eq!(row("a")["lower_bound"], true);
    assert_eq!(row("b")["lower_bound"], false);
}

#[test]
fn the_office_is_checked_against_a_lower_bound_only_the_way_it_can_be_wrong() {
    // Units' sum 100余 (a 80余 + b 20): an office of 113 may well be it.
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), Some((113, false)));
    let outfalls = &load(&manifest).combined()[0];
    assert_eq!(outfalls.difference, Some(0.0));
    let (code, _, stderr) = run(&["check"], &manifest);
    assert_eq!(
        (code, stderr.contains("units' sum")),
        (0, false),
        "{stderr}"
    );
    let (_, text, _) = run(&["report", "--format", "text"], &manifest);
    assert!(
        text.contains("hubei city 113 agrees with the units' sum"),
        "{text}"
    );

    // An office of 90 is below what the units have at least done.
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), Some((90, false)));
    assert_eq!(load(&manifest).combined()[0].difference, Some(-10.0));
    let (_, _, stderr) = run(&["check"], &manifest);
    assert!(
        stderr.contains("hubei city 90 ≠ units' sum 100+, 10 apart"),
        "{stderr}"
    );

    // An office of more than 113 beside units of 100余: nothing is known.
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), Some((113, true)));
    let outfalls = &load(&manifest).combined()[0];
    assert!(outfalls.office_at_least);
    assert_eq!(outfalls.difference, Some(0.0));
    let (_, json, _) = run(&["report", "--format", "json"], &manifest);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["combined"][0]["at_least"],
        serde_json::json!(["done", "office"])
    );
    let (_, csv, _) = run(&["report", "--format", "csv"], &manifest);
    let row = csv.lines().find(|l| l.starts_with("(units' sum)")).unwrap();
    assert!(row.ends_with(",more-than"), "{row}");
}

#[test]
fn an_exact_office_over_exact_units_is_checked_both_ways() {
    // The parts rule, one function: exact figures must agree.
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), Some((113, true)));
    let text = std::fs::read_to_string(dir.path().join("units/a/campaigns.toml")).unwrap();
    std::fs::write(
        dir.path().join("units/a/campaigns.toml"),
        text.replace("approx = \"more-than\"", ""),
    )
    .unwrap();
    // Office more than 113, units exactly 100: below the office's bound.
    let outfalls = &load(&manifest).combined()[0];
    assert!(!outfalls.at_least());
    assert_eq!(outfalls.difference, Some(13.0));
}

#[test]
fn the_ledger_writes_the_sign_of_a_lower_bound_sum_and_shortfall() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), None);
    let output = crate::binary::assert_command()
        .args([
            "report",
            "--format",
            "xlsx",
            "--lang",
            "en",
            "--as-of",
            "2024-12-31",
        ])
        .arg(&manifest)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let book = output.stdout;
    let beside =
        |name: &str, value: f64| crate::lower_bound_xlsx::formats_beside(book.clone(), name, value);
    let sum = beside("Yangtze outfall rectification", 100.0);
    assert!(
        !sum.is_empty() && sum.iter().all(|f| f.ends_with("\"+\"")),
        "{sum:?}"
    );
    // a city: 20 short of 序时进度 from its 80余: approximate.
    let short = beside("a city", 20.0);
    assert!(short.iter().any(|f| f.starts_with("\"≈\"")), "{short:?}");
    let share = beside("a city", 0.4);
    assert!(share.iter().any(|f| f == "\"≈\"0%"), "{share:?}");
}
