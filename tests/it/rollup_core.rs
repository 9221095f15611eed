//! The roll-up over unit folders: sums that agree with their parts, the
//! ranking of a hand-made fixture with ties and a group subset, who drags,
//! a unit with a syntax error flagged while the rest stands, and a stale
//! unit (未报送) kept out of sums and rankings.

use campaigns::model::Lang;
use campaigns::rollup::{How, LeftOut, Row};
use proptest::prelude::*;

use crate::rollup_fixture::{GROUP_RANKING, HEAD, UnitFigures, folder_of, load, write_unit};

fn row(rank: usize, unit: &str, figure: f64, tied: bool) -> Row {
    Row {
        rank,
        unit: unit.to_owned(),
        figure,
        tied,
        assumed: false,
        lower_bound: false,
    }
}

/// Six cities: b and e share the best PM2.5 but good air days part them;
/// a and c are equal on both (并列); d is the worst.
fn six_cities(dir: &std::path::Path) -> std::path::PathBuf {
    folder_of(
        dir,
        &format!("{HEAD}{GROUP_RANKING}"),
        &[
            ("a", &["national"], UnitFigures::new(80, 100, 30.0, 300)),
            ("b", &["national"], UnitFigures::new(20, 50, 28.0, 310)),
            ("c", &[], UnitFigures::new(40, 40, 30.0, 300)),
            ("d", &["national"], UnitFigures::new(10, 10, 35.0, 290)),
            ("e", &[], UnitFigures::new(5, 10, 28.0, 305)),
        ],
    )
}

#[test]
fn rankings_share_ties_break_them_by_then_and_take_a_group() {
    let dir = tempfile::tempdir().unwrap();
    let rollup = load(&six_cities(dir.path()));
    let rankings = rollup.rankings();
    assert_eq!(
        rankings[0].rows,
        vec![
            row(1, "b", 28.0, false),
            row(2, "e", 28.0, false),
            row(3, "a", 30.0, true),
            row(3, "c", 30.0, true),
            row(5, "d", 35.0, false),
        ]
    );
    assert_eq!(rankings[0].show, Some(2));
    assert_eq!(
        rankings[1].rows,
        vec![
            row(1, "b", 28.0, false),
            row(2, "a", 30.0, false),
            row(3, "d", 35.0, false),
        ],
        "only the national group"
    );
}

#[test]
fn sums_count_met_and_who_drags() {
    let dir = tempfile::tempdir().unwrap();
    let rollup = load(&six_cities(dir.path()));
    let combined = rollup.combined();
    let outfalls = &combined[0];
    assert_eq!(outfalls.how, How::Sum);
    assert_eq!((outfalls.done, outfalls.total), (Some(155.0), Some(210.0)));
    assert_eq!(outfalls.by_unit.len(), 5);
    let pm25 = &combined[1];
    assert_eq!(pm25.how, How::CountMet);
    // d's 35.0 meets a target of ≤ 35.0.
    assert_eq!((pm25.done, pm25.total), (Some(5.0), Some(5.0)));
    // As of 2024-12-31 every outfall is expected: a is 20 short, b 30, e 5.
    let drags = rollup.drags();
    let drag = &drags[0];
    assert_eq!(drag.shortfall, 55.0);
    let shares: Vec<(&str, f64)> = drag
        .units
        .iter()
        .map(|s| (s.unit.as_str(), s.shortfall))
        .collect();
    assert_eq!(shares, [("b", 30.0), ("a", 20.0), ("e", 5.0)]);
    assert!((drag.units[0].share - 30.0 / 55.0).abs() < 1e-12);
}

#[test]
fn a_broken_unit_is_flagged_and_the_rest_stands() {
    let dir = tempfile::tempdir().unwrap();
    let path = six_cities(dir.path());
    write_unit(
        dir.path(),
        "c",
        "[meta]\ntitle = \"c\"\n[[campaign]\nid = \"x\"\n",
    );
    let rollup = load(&path);
    let broken: Vec<&str> = rollup.broken().map(|u| u.id.as_str()).collect();
    assert_eq!(broken, ["c"]);
    let errors = rollup.units[2].errors(Lang::En);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("units/c/campaigns.toml:3:") && errors[0].contains("TOML syntax"),
        "{errors:?}"
    );
    let outfalls = &rollup.combined()[0];
    assert_eq!((outfalls.done, outfalls.total), (Some(115.0), Some(170.0)));
    let ranking = &rollup.rankings()[0];
    assert_eq!(ranking.rows.len(), 4);
    assert_eq!(ranking.left_out, vec![("c".to_owned(), LeftOut::Broken)]);
    // A unit whose file is missing stands out the same way.
    std::fs::remove_file(dir.path().join("units/d/campaigns.toml")).unwrap();
    let rollup = load(&path);
    assert!(rollup.units[3].errors(Lang::En)[0].contains("no such file"));
    assert_eq!(rollup.combined()[0].by_unit.len(), 3);
}

#[test]
fn a_stale_unit_is_listed_and_kept_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = UnitFigures::new(1, 10, 20.0, 350);
    // 41 days before the roll-up's 2024-12-31, with 40 allowed.
    old.as_of = "2024-11-20";
    let path = folder_of(
        dir.path(),
        HEAD,
        &[
            ("a", &[], UnitFigures::new(80, 100, 30.0, 300)),
            ("old", &[], old),
        ],
    );
    let rollup = load(&path);
    let stale: Vec<&str> = rollup.stale().map(|u| u.id.as_str()).collect();
    assert_eq!(stale, ["old"]);
    assert_eq!(rollup.combined()[0].done, Some(80.0));
    assert_eq!(
        rollup.rankings()[0].left_out,
        vec![("old".to_owned(), LeftOut::Stale)]
    );
    // 40 days before is still fresh.
    let mut recent = UnitFigures::new(1, 10, 20.0, 350);
    recent.as_of = "2024-11-21";
    let path = folder_of(dir.path(), HEAD, &[("recent", &[], recent)]);
    assert_eq!(load(&path).stale().count(), 0);
}

/// A path unit whose file has no `meta.as_of` has no reporting date: it
/// would be dated today and never go stale, so it is 未报送 with the
/// reason "no reporting date", shown without a date, out of sums and
/// rankings (even in a manifest without `stale_after_days`).
#[test]
fn a_unit_without_a_reporting_date_is_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    for head in [HEAD.to_owned(), HEAD.replace("stale_after_days = 40\n", "")] {
        let path = folder_of(
            dir.path(),
            &head,
            &[
                ("a", &[], UnitFigures::new(80, 100, 30.0, 300)),
                ("undated", &[], UnitFigures::new(5, 10, 20.0, 350)),
            ],
        );
        let plan = crate::rollup_fixture::unit_plan(
            "undated",
            &UnitFigures::new(5, 10, 20.0, 350),
            "yangtze-outfalls",
        );
        let plan = plan.replace("as_of = 2024-12-31\n", "");
        assert!(!plan.contains("as_of"));
        write_unit(dir.path(), "undated", &plan);
        let rollup = load(&path);
        let unit = &rollup.units[1];
        assert!(unit.document().is_some(), "it loads");
        assert!(unit.undated && unit.stale && !unit.fresh());
        assert_eq!(unit.as_of(), None, "no date shown as reported");
        assert_eq!(rollup.combined()[0].done, Some(80.0));
        assert_eq!(
            rollup.rankings()[0].left_out,
            vec![("undated".to_owned(), LeftOut::Stale)]
        );
        let report = campaigns::report::rollup::RollupReport::new(&rollup, Lang::Zh, false);
        let text = report.render(campaigns::report::Format::Text);
        assert!(
            text.contains("undated市 (undated)：未报送（无报告日期），不计入"),
            "{text}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&report.render(campaigns::report::Format::Json)).unwrap();
        let shown = &json["units"][1];
        assert_eq!(shown["stale_reason"], "no-reporting-date");
        assert_eq!(shown["as_of"], serde_json::Value::Null);
        assert_eq!(json["units"][0]["stale_reason"], serde_json::Value::Null);
    }
}

#[test]
fn an_alias_maps_a_units_own_id() {
    let dir = tempfile::tempdir().unwrap();
    let head =
        format!("{HEAD}\n[alias]\n\"b:clear-water/outfalls\" = \"clear-water/yangtze-outfalls\"\n");
    let path = folder_of(
        dir.path(),
        &head,
        &[("a", &[], UnitFigures::new(80, 100, 30.0, 300))],
    );
    let mut manifest = std::fs::read_to_string(&path).unwrap();
    manifest.push_str(&crate::rollup_fixture::path_unit("b", &[]));
    std::fs::write(&path, manifest).unwrap();
    let figures = UnitFigures::new(7, 9, 30.0, 300);
    write_unit(
        dir.path(),
        "b",
        &crate::rollup_fixture::unit_plan("b", &figures, "outfalls"),
    );
    let outfalls = &load(&path).combined()[0];
    assert_eq!((outfalls.done, outfalls.total), (Some(87.0), Some(109.0)));
    assert!(outfalls.missing.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Every `sum` item equals the sum over the fresh units, and its
    /// `by_unit` lists each unit's own figure.
    #[test]
    fn every_sum_equals_the_sum_over_units(
        figures in prop::collection::vec((0u32..500, 1u32..500, any::<bool>()), 1..9)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let ids: Vec<String> = (0..figures.len()).map(|i| format!("u{i}")).collect();
        let units: Vec<(&str, &[&str], UnitFigures)> = figures
            .iter()
            .zip(&ids)
            .map(|(&(done, total, stale), id)| {
                let mut unit = UnitFigures::new(done, total, 30.0, 300);
                if stale {
                    unit.as_of = "2024-01-31";
                }
                (id.as_str(), &[][..], unit)
            })
            .collect();
        let rollup = load(&folder_of(dir.path(), HEAD, &units));
        let outfalls = &rollup.combined()[0];
        let fresh = figures.iter().filter(|(_, _, stale)| !stale);
        let done: u32 = fresh.clone().map(|(done, _, _)| done).sum();
        let total: u32 = fresh.clone().map(|(_, total, _)| total).sum();
        prop_assert_eq!(outfalls.done, Some(f64::from(done)));
        let expected_total = (fresh.clone().count() > 0).then_some(f64::from(total));
        prop_assert_eq!(outfalls.total, expected_total);
        let parts: f64 = outfalls.by_unit.iter().map(|(_, n)| n).sum();
        prop_assert_eq!(Some(parts), outfalls.done);
        prop_assert_eq!(outfalls.by_unit.len(), fresh.count());
    }
}

/// `show` rows at each end, never cutting a tie in two: a unit sharing the
/// rank of an end's last row is shown with it, and the gap is marked once.
#[test]
fn a_ranking_shows_each_end_with_every_unit_tied_at_its_edge() {
    use campaigns::model::Better;
    use campaigns::rollup::{By, Ranked};
    let ranked = |ranks: &[usize], show: Option<usize>| Ranked {
        item: "c/i".into(),
        by: By::Value,
        group: None,
        show,
        better: Better::Lower,
        rows: ranks
            .iter()
            .enumerate()
            .map(|(at, &rank)| {
                let tied = ranks.iter().filter(|&&r| r == rank).count() > 1;
                row(rank, &format!("u{at}"), at as f64, tied)
            })
            .collect(),
        left_out: Vec::new(),
    };
    let shown = |ranked: &Ranked| -> Vec<String> {
        let shown = ranked.shown();
        shown
            .iter()
            .map(|row| row.map_or("…".to_owned(), |row| row.unit.clone()))
            .collect()
    };
    // 1 2 3 3 5 6 7, three at each end: the 3rd is tied with the 4th.
    let tie_at_top = ranked(&[1, 2, 3, 3, 5, 6, 7, 8], Some(3));
    assert_eq!(
        shown(&tie_at_top),
        ["u0", "u1", "u2", "u3", "…", "u5", "u6", "u7"]
    );
    // The bottom end's first row tied with the one above it.
    let tie_at_bottom = ranked(&[1, 2, 3, 4, 5, 6, 6, 8, 9], Some(3));
    assert_eq!(
        shown(&tie_at_bottom),
        ["u0", "u1", "u2", "…", "u5", "u6", "u7", "u8"]
    );
    // Ends that meet leave no gap; no `show` shows all.
    let meet = ranked(&[1, 2, 2, 2, 5], Some(2));
    assert_eq!(shown(&meet), ["u0", "u1", "u2", "u3", "u4"]);
    assert_eq!(shown(&ranked(&[1, 2, 3, 4, 5, 6, 7], None)).len(), 7);
    let plain = ranked(&[1, 2, 3, 4, 5, 6, 7], Some(2));
    assert_eq!(shown(&plain), ["u0", "u1", "…", "u5", "u6"]);
}
