//! `path` units: ranked by change through their file's git history when
//! they sit in a work tree (no baseline outside git), and a path that is
//! no plain file (a FIFO, a link to /dev/zero) flagged without blocking.

use campaigns::model::Lang;
use campaigns::rollup::LeftOut;

use crate::git_fixture::Fixture;
use crate::rollup_fixture::{UnitFigures, load, path_unit, unit_plan};

const BY_CHANGE: &str = r#"[rollup]
title = "City"
as_of = 2024-12-31

[[ranking]]
item = "blue-sky/good-air-days"
by = "change"
"#;

fn figures(as_of: &'static str, good_days: u32) -> UnitFigures {
    let mut figures = UnitFigures::new(1, 2, 30.0, good_days);
    figures.as_of = as_of;
    figures
}

#[test]
fn path_units_in_git_rank_by_change_and_others_have_no_baseline() {
    let fixture = Fixture::new();
    let mut manifest = BY_CHANGE.to_owned();
    for (id, before, after) in [("a", 290, 300), ("b", 280, 310), ("c", 300, 300)] {
        let file = format!("units/{id}/campaigns.toml");
        std::fs::create_dir_all(fixture.file(&format!("units/{id}"))).unwrap();
        let old = unit_plan(id, &figures("2024-11-30", before), "yangtze-outfalls");
        fixture.commit(&file, &old, "2024-12-01T09:00:00+08:00");
        let new = unit_plan(id, &figures("2024-12-31", after), "yangtze-outfalls");
        fixture.commit(&file, &new, "2025-01-02T09:00:00+08:00");
        manifest.push_str(&path_unit(id, &[]));
    }
    std::fs::write(fixture.file("rollup.toml"), &manifest).unwrap();
    let ranking = &load(&fixture.file("rollup.toml")).rankings()[0];
    let rows: Vec<(usize, &str, f64)> = ranking
        .rows
        .iter()
        .map(|r| (r.rank, r.unit.as_str(), r.figure))
        .collect();
    assert_eq!(rows, [(1, "b", 30.0), (2, "a", 10.0), (3, "c", 0.0)]);

    let outside = tempfile::tempdir().unwrap();
    let manifest = crate::rollup_fixture::folder_of(
        outside.path(),
        BY_CHANGE,
        &[("d", &[], figures("2024-12-31", 300))],
    );
    let ranking = &load(&manifest).rankings()[0];
    assert!(ranking.rows.is_empty());
    assert!(
        matches!(&ranking.left_out[0].1, LeftOut::NoBaseline(why) if why.contains("not in a git work tree")),
        "{:?}",
        ranking.left_out
    );
}

#[test]
fn a_path_that_is_no_plain_file_is_flagged_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = crate::rollup_fixture::folder_of(
        dir.path(),
        BY_CHANGE,
        &[
            ("a", &[], figures("2024-12-31", 300)),
            ("fifo", &[], figures("2024-12-31", 300)),
            ("zero", &[], figures("2024-12-31", 300)),
        ],
    );
    let fifo = dir.path().join("units/fifo/campaigns.toml");
    std::fs::remove_file(&fifo).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let zero = dir.path().join("units/zero/campaigns.toml");
    std::fs::remove_file(&zero).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let rollup = load(&manifest);
    let broken: Vec<&str> = rollup.broken().map(|u| u.id.as_str()).collect();
    assert_eq!(broken, ["fifo", "zero"]);
    for unit in &rollup.units[1..] {
        assert!(
            unit.errors(Lang::En)[0].contains("not a regular file"),
            "{:?}",
            unit.errors(Lang::En)
        );
    }
}
