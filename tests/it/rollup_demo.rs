//! The province demo (`examples/province/`): its script builds one
//! repository with a remote per city, the roll-up it makes checks clean,
//! its report has every city with every figure marked assumed, and its
//! rankings show the ties the demo is there to show.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::binary;
use crate::rollup_fixture::load;

const CITIES: [&str; 8] = [
    "wuhan",
    "huangshi",
    "shiyan",
    "yichang",
    "xiangyang",
    "jingzhou",
    "qianjiang",
    "xiantao",
];

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/province")
}

/// Runs `sh SCRIPT ARGS` with the test's own environment, asserting it
/// succeeds.
fn sh(script: &Path, args: &[&Path]) {
    let output = Command::new("sh")
        .arg(script)
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{script:?}: {said}");
}

/// The demo's repository built in a temporary folder; its manifest.
fn built(dir: &Path) -> PathBuf {
    let dest = dir.join("province");
    sh(&demo().join("make-repo.sh"), &[&dest]);
    dest.join("rollup.toml")
}

#[test]
fn the_demo_repository_checks_clean_and_ranks_with_ties() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = built(dir.path());
    let checked = binary::command()
        .args(["--lang", "en", "check"])
        .arg(&manifest)
        .output()
        .unwrap();
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(
        said.contains("valid: 8 units, 0 with errors, 1 not reported"),
        "{said}"
    );

    let rollup = load(&manifest);
    let ids: Vec<&str> = rollup.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, CITIES);
    assert!(
        rollup.units.iter().all(|u| u.commit.is_some()),
        "every city read from its ref"
    );
    let stale: Vec<&str> = rollup.stale().map(|u| u.id.as_str()).collect();
    assert_eq!(stale, ["xiantao"]);

    let rankings = rollup.rankings();
    let tied = |ranking: usize| -> Vec<(usize, String)> {
        let rows = &rankings[ranking].rows;
        rows.iter()
            .filter(|row| row.tied)
            .map(|row| (row.rank, row.unit.clone()))
            .collect()
    };
    // Equal PM2.5 and equal good-air days: 并列 third.
    assert_eq!(tied(0), [(3, "huangshi".into()), (3, "yichang".into())]);
    // PM2.5 down 2.0 in three cities, 1.0 in three.
    let by_change = tied(1);
    assert_eq!(
        &by_change[..3],
        [
            (1, "wuhan".into()),
            (1, "yichang".into()),
            (1, "jingzhou".into())
        ]
    );
    assert_eq!(by_change.len(), 6);
    let national: Vec<&str> = rankings[2].rows.iter().map(|r| r.unit.as_str()).collect();
    assert_eq!(
        national,
        ["shiyan", "yichang", "wuhan", "xiangyang", "huangshi"]
    );
}

#[test]
fn the_demo_report_has_every_city_with_every_figure_assumed() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = built(dir.path());
    let output = binary::command()
        .args(["report", "--format", "json"])
        .arg(&manifest)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let units = report["units"].as_array().unwrap();
    let ids: Vec<&str> = units.iter().map(|u| u["id"].as_str().unwrap()).collect();
    assert_eq!(ids, CITIES);
    let has = |value: &Value, fields: &[&str]| {
        let assumed: Vec<&str> = value["assumed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        fields.iter().all(|field| assumed.contains(field))
    };
    for unit in units {
        assert_eq!(unit["errors"].as_array().map(Vec::len), Some(0), "{unit}");
        for campaign in unit["campaigns"].as_array().unwrap() {
            assert!(has(campaign, &["start", "end"]), "{campaign}");
            for task in campaign["tasks"].as_array().unwrap() {
                assert!(has(task, &["done", "total"]), "{task}");
            }
            for indicator in campaign["indicators"].as_array().unwrap() {
                assert!(has(indicator, &["value", "target"]), "{indicator}");
            }
        }
    }
}

/// Every figure of the demo is assumed, so every figure the roll-up works
/// out of them carries the mark: the rankings, the sums, who drags, in the
/// JSON and in the bulletin.
#[test]
fn the_demo_roll_up_marks_every_figure_it_works_out() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = built(dir.path());
    let run = |format: &str| {
        let output = binary::command()
            .args(["report", "--lang", "en", "--format", format])
            .arg(&manifest)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let report: Value = serde_json::from_str(&run("json")).unwrap();
    for ranking in report["rankings"].as_array().unwrap() {
        for row in ranking["rows"].as_array().unwrap() {
            assert_eq!(row["assumed"], Value::Bool(true), "{row}");
        }
    }
    for combined in report["combined"].as_array().unwrap() {
        let marked = combined["assumed_in"].as_array().unwrap().len();
        let counted = combined["by_unit"].as_object().unwrap().len();
        assert_eq!(marked, counted, "{combined}");
    }
    let md = run("md");
    assert!(md.contains("1. Shiyan 28*"), "{md}");
    assert!(md.contains("outfalls (89%*)"), "{md}");
    assert!(
        md.contains("97* outfalls short in all: Jingzhou 35* (36%*)"),
        "{md}"
    );
    // A count-met item's units by words, never as figures 1 and 0.
    assert!(md.contains("met: Huangshi*, Shiyan*"), "{md}");
    assert!(!md.contains("Wuhan 0"), "{md}");
}

/// The unit files beside the script are the ones `generate.sh` writes.
#[test]
fn the_demo_units_are_what_the_generator_writes() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("generate.sh");
    std::fs::copy(demo().join("generate.sh"), &script).unwrap();
    sh(&script, &[]);
    let files = |root: &Path| -> Vec<(String, String)> {
        let mut found = Vec::new();
        for city in std::fs::read_dir(root.join("units")).unwrap() {
            let city = city.unwrap().path();
            for report in std::fs::read_dir(&city).unwrap() {
                let report = report.unwrap().path();
                let name = report.strip_prefix(root).unwrap().display().to_string();
                found.push((name, std::fs::read_to_string(&report).unwrap()));
            }
        }
        found.sort();
        found
    };
    let generated = files(dir.path());
    assert_eq!(generated.len(), 16);
    assert_eq!(generated, files(&demo()));
}
