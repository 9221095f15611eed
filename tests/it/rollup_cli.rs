//! `campaigns check|report rollup.toml` and `campaigns rollup.toml`: the
//! manifest found by its `[rollup]` table, its errors at line:col, every
//! unit checked, the report's JSON shape (DESIGN "Contract 3") and its CSV
//! unit column, and the screen refused before the terminal is touched.

use serde_json::Value;

use crate::binary::assert_command;
use crate::rollup_fixture::{HEAD, UnitFigures, folder_of, write_unit};

fn three_units(dir: &std::path::Path) -> std::path::PathBuf {
    folder_of(
        dir,
        HEAD,
        &[
            ("a", &["national"], UnitFigures::new(80, 100, 30.0, 300)),
            ("b", &[], UnitFigures::new(20, 50, 28.0, 310)),
            ("c", &[], UnitFigures::new(40, 40, 30.0, 300)),
        ],
    )
}

#[test]
fn the_json_report_has_the_contract_shape_and_sums_agree_with_units() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = three_units(dir.path());
    let output = assert_command()
        .args(["report", "--format", "json", "--lang", "en"])
        .arg(&manifest)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(json["title"], "Province campaigns roll-up");
    assert_eq!(json["as_of"], "2024-12-31");
    let units = json["units"].as_array().unwrap();
    assert_eq!(units.len(), 3);
    for unit in units {
        for key in [
            "id",
            "name",
            "as_of",
            "commit",
            "stale",
            "errors",
            "campaigns",
        ] {
            assert!(unit.get(key).is_some(), "{key} in {unit}");
        }
    }
    assert_eq!(units[0]["campaigns"][0]["tasks"][0]["done"], 80);
    let outfalls = &json["combined"][0];
    assert_eq!(outfalls["item"], "clear-water/yangtze-outfalls");
    assert_eq!(outfalls["how"], "sum");
    assert_eq!(
        (outfalls["done"].as_i64(), outfalls["total"].as_i64()),
        (Some(140), Some(190))
    );
    let parts: i64 = outfalls["by_unit"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_i64().unwrap())
        .sum();
    assert_eq!(parts, 140);
    // Each unit's own done, as its own report says it.
    for unit in units {
        let id = unit["id"].as_str().unwrap();
        assert_eq!(
            outfalls["by_unit"][id],
            unit["campaigns"][0]["tasks"][0]["done"]
        );
    }
    let ranking = &json["rankings"][0];
    assert_eq!(
        (ranking["item"].as_str(), ranking["by"].as_str()),
        (Some("blue-sky/pm25"), Some("value"))
    );
    let rows: Vec<(i64, &str, bool)> = ranking["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rank"].as_i64().unwrap(),
                r["unit"].as_str().unwrap(),
                r["tied"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows, [(1, "b", false), (2, "a", true), (2, "c", true)]);
}

#[test]
fn the_csv_has_a_unit_column_and_the_text_says_who_drags() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = three_units(dir.path());
    let output = assert_command()
        .args(["report", "--format", "csv", "--lang", "en"])
        .arg(&manifest)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("unit_id,campaign,kind,id,")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 9, "three items per unit: {rows:?}");
    assert!(
        rows[0].starts_with("a,clear-water,task,yangtze-outfalls,"),
        "{rows:?}"
    );
    assert!(
        rows[8].starts_with("c,blue-sky,indicator,good-air-days,"),
        "{rows:?}"
    );
    let output = assert_command()
        .args(["report", "--format", "text", "--lang", "zh"])
        .arg(&manifest)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    assert!(
        text.contains("合计差50个，其中b市差30，占60%；a市差20，占40%"),
        "{text}"
    );
    assert!(text.contains("2. a市 30（并列）"), "{text}");
}

#[test]
fn check_names_manifest_errors_at_line_and_col() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = three_units(dir.path());
    let text = std::fs::read_to_string(&manifest)
        .unwrap()
        .replace("how = \"sum\"", "howw = \"sum\"");
    std::fs::write(&manifest, text).unwrap();
    let output = assert_command()
        .args(["check", "--lang", "en"])
        .arg(&manifest)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("rollup.toml:8:1"), "{stderr}");
    assert!(stderr.contains("howw = \"sum\""), "{stderr}");
    assert!(stderr.contains("did you mean `how`?"), "{stderr}");
}

#[test]
fn check_validates_every_unit_and_the_report_stands_without_the_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = three_units(dir.path());
    let output = assert_command()
        .args(["check", "--lang", "en"])
        .arg(&manifest)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(output).unwrap();
    assert!(stdout.contains("valid: 3 units, 0 with errors"), "{stdout}");
    write_unit(
        dir.path(),
        "b",
        "[meta]\ntitle = \"b\"\nas_of = 2024-13-01\n",
    );
    let output = assert_command()
        .args(["check", "--lang", "en"])
        .arg(&manifest)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("units/b/campaigns.toml:3:"), "{stderr}");
    let output = assert_command()
        .args(["report", "--format", "json"])
        .arg(&manifest)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(json["units"][1]["errors"].as_array().unwrap().len(), 1);
    assert_eq!(json["combined"][0]["done"], 120);
}

#[test]
fn the_screen_refuses_a_manifest_naming_what_works() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = three_units(dir.path());
    let output = assert_command()
        .arg(&manifest)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("campaigns report") && stderr.contains("campaigns check"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "nothing drawn");
}

/// The README's manifest reads as a valid manifest.
#[test]
fn the_readme_manifest_is_valid() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let example = readme
        .split("```toml\n[rollup]")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .map(|rest| format!("[rollup]{rest}"))
        .expect("a manifest in the README");
    let read = campaigns::rollup::parse(&example);
    assert_eq!(read.diagnostics, vec![]);
    let manifest = read.manifest.unwrap();
    assert_eq!(manifest.units.len(), 2);
    assert_eq!(manifest.rankings[0].show, Some(5));
}

#[test]
fn set_and_history_name_what_takes_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = three_units(dir.path());
    let path = manifest.to_str().unwrap();
    for args in [
        vec!["set", path, "clear-water/yangtze-outfalls", "--done", "1"],
        vec!["history", path],
    ] {
        let output = assert_command()
            .args(&args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("roll-up manifest") && stderr.contains("campaigns report"),
            "{args:?}: {stderr}"
        );
    }
}

/// Each unit's campaigns are its own report's, keys in the same order.
#[test]
fn a_units_campaigns_are_its_own_report() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = three_units(dir.path());
    let run = |args: &[&str], file: &std::path::Path| {
        let out = assert_command().args(args).arg(file).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let rollup = run(&["report", "--format", "json", "--lang", "zh"], &manifest);
    let own = run(
        &["report", "--format", "json", "--lang", "zh"],
        &dir.path().join("units/b/campaigns.toml"),
    );
    // Written in as the unit's own report writes them, four spaces deeper.
    let start = own.find("\n  \"campaigns\": ").unwrap();
    let written = own[start..].trim_end().trim_end_matches('}').trim_end();
    assert!(rollup.contains(&written.replace('\n', "\n    ")));
    let rollup: Value = serde_json::from_str(&rollup).unwrap();
    let own: Value = serde_json::from_str(&own).unwrap();
    assert_eq!(rollup["units"][1]["campaigns"], own["campaigns"]);
}
