//! The office's own file beside its units (`[rollup] office = "unit-id"`,
//! issue 26 item 3): it is shown, never added to the units' sums, ranked
//! or dragging; where it states a summed item its figure is compared with
//! the units' sum, and a difference is a warning naming both places in
//! `check` and in every report (md/text a line, JSON `office` and
//! `difference`, CSV a row).

use serde_json::Value;

use crate::rollup_fixture::{HEAD, UnitFigures, folder_of, load};

/// Cities a (80 of 100) and b (20 of 50), and the province's own file,
/// which says `office_done` of 150.
fn province(dir: &std::path::Path, office_done: u32) -> std::path::PathBuf {
    let head = HEAD.replace(
        "stale_after_days = 40\n",
        "stale_after_days = 40\noffice = \"hubei\"\n",
    );
    folder_of(
        dir,
        &head,
        &[
            ("hubei", &[], UnitFigures::new(office_done, 150, 25.0, 320)),
            ("a", &[], UnitFigures::new(80, 100, 30.0, 300)),
            ("b", &[], UnitFigures::new(20, 50, 28.0, 310)),
        ],
    )
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
fn the_office_is_compared_with_the_units_never_added_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let rollup = load(&province(dir.path(), 113));
    assert!(rollup.units[0].office && rollup.units[0].fresh());
    assert!(!rollup.units[0].counted() && rollup.units[1].counted());
    let outfalls = &rollup.combined()[0];
    assert_eq!(outfalls.done, Some(100.0), "a + b, not the province");
    assert_eq!(outfalls.total, Some(150.0));
    assert_eq!(outfalls.office, Some(113.0));
    assert_eq!(outfalls.difference, Some(13.0));
    let ids: Vec<&str> = outfalls.by_unit.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let pm25 = &rollup.combined()[1];
    assert_eq!(
        (pm25.total, pm25.office, pm25.difference),
        (Some(2.0), None, None)
    );
    let ranking = &rollup.rankings()[0];
    assert!(ranking.rows.iter().all(|row| row.unit != "hubei"));
    assert!(ranking.left_out.iter().all(|(unit, _)| unit != "hubei"));
    assert!(
        rollup.drags()[0]
            .units
            .iter()
            .all(|share| share.unit != "hubei")
    );
}

#[test]
fn check_and_every_report_name_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), 113);
    let (code, _, stderr) = run(&["check"], &manifest);
    assert_eq!(code, 0, "a warning: {stderr}");
    assert!(
        stderr.contains(
            "rollup.toml: clear-water/yangtze-outfalls: hubei city 113 ≠ units' sum 100, 13 apart"
        ),
        "{stderr}"
    );
    let (_, _, stderr) = run(&["check", "--lang", "zh"], &manifest);
    assert!(
        stderr.contains(
            "rollup.toml：clear-water/yangtze-outfalls：hubei市113 ≠ 各单位合计100，差13"
        ),
        "{stderr}"
    );

    let (_, text, _) = run(&["report", "--format", "text"], &manifest);
    assert!(text.contains("hubei city (hubei), the office"), "{text}");
    assert!(
        text.contains("warning: Yangtze outfall rectification (clear-water/yangtze-outfalls): hubei city 113 ≠ units' sum 100, 13 apart"),
        "{text}"
    );
    let (_, md, _) = run(&["report", "--format", "md", "--lang", "zh"], &manifest);
    assert!(md.contains("## 本级与各单位合计核对"), "{md}");
    assert!(md.contains("hubei市113 ≠ 各单位合计100，差13"), "{md}");
    assert!(
        md.contains("长江入河排污口整治（clear-water/yangtze-outfalls）：100/150"),
        "{md}"
    );

    let (_, json, _) = run(&["report", "--format", "json"], &manifest);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["units"][0]["office"], true);
    assert_eq!(json["units"][1]["office"], false);
    assert_eq!(json["combined"][0]["done"], 100);
    assert_eq!(json["combined"][0]["office"], 113);
    assert_eq!(json["combined"][0]["difference"], 13);
    assert_eq!(json["combined"][1]["office"], Value::Null);
    assert_eq!(json["combined"][1]["difference"], Value::Null);

    let (_, csv, _) = run(&["report", "--format", "csv"], &manifest);
    let row = csv
        .lines()
        .find(|line| line.starts_with("(units' sum)"))
        .unwrap_or_else(|| panic!("{csv}"));
    assert!(
        row.starts_with("(units' sum),clear-water,units-sum,yangtze-outfalls,Yangtze outfall rectification,100,150,outfalls,0.6667,differs-from-office"),
        "{row}"
    );
}

#[test]
fn an_office_that_agrees_is_said_to_and_not_warned() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), 100);
    let (code, _, stderr) = run(&["check"], &manifest);
    assert_eq!(
        (code, stderr.contains("units' sum")),
        (0, false),
        "{stderr}"
    );
    let (_, text, _) = run(&["report", "--format", "text"], &manifest);
    assert!(
        text.contains("hubei city 100 agrees with the units' sum"),
        "{text}"
    );
    let (_, csv, _) = run(&["report", "--format", "csv"], &manifest);
    assert!(csv.contains(",agrees-with-office"), "{csv}");
}

#[test]
fn a_stale_office_is_not_compared() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path(), 113);
    let stale = crate::rollup_fixture::unit_plan(
        "hubei",
        &UnitFigures {
            as_of: "2024-06-30",
            ..UnitFigures::new(113, 150, 25.0, 320)
        },
        "yangtze-outfalls",
    );
    crate::rollup_fixture::write_unit(dir.path(), "hubei", &stale);
    let rollup = load(&manifest);
    assert!(rollup.units[0].stale);
    let outfalls = &rollup.combined()[0];
    assert_eq!(
        (outfalls.done, outfalls.office, outfalls.difference),
        (Some(100.0), None, None)
    );
}

#[test]
fn an_office_that_names_no_unit_is_an_error_at_its_line() {
    let text = "[rollup]\ntitle = \"t\"\noffice = \"hubie\"\n\n[[unit]]\nid = \"hubei\"\nname = \"Hubei\"\npath = \"h.toml\"\n";
    let read = campaigns::rollup::parse(text);
    assert!(read.manifest.is_none());
    let lines: Vec<String> = read
        .diagnostics
        .iter()
        .map(|d| d.headline(text, "rollup.toml", campaigns::model::Lang::En))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("rollup.toml:3:10"), "{lines:?}");
    assert!(
        lines[0].contains("`office` names `hubie`, which is no unit of the manifest"),
        "{lines:?}"
    );
    let help = read.diagnostics[0].help.as_ref().expect("a hint");
    assert!(help.en.contains("hubei"), "{help:?}");
    let read = campaigns::rollup::parse(&text.replace("hubie", "hubei"));
    assert_eq!(
        read.manifest.expect("valid").office.as_deref(),
        Some("hubei")
    );
}
