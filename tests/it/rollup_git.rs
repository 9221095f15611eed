//! Units read from git refs (one remote per bureau, as `git fetch` leaves
//! them: `refs/remotes/<unit>/main`), from the object store with no
//! checkout: 17 units whose sums equal the sums over their files, a
//! ranking by change since each unit's previous report, a unit pushed with
//! a syntax error flagged while the roll-up stands, and a missing ref.

use std::io::Write;
use std::process::Stdio;

use campaigns::model::Lang;
use campaigns::rollup::{LeftOut, Row};

use crate::git_fixture::{Fixture, git_command};
use crate::rollup_fixture::{UnitFigures, load, unit_plan};

/// Commits `texts` (oldest first, a day apart from 2024-11-30) onto
/// `refs/remotes/ID/main` of the fixture's repository.
fn push_unit(fixture: &Fixture, id: &str, texts: &[String]) {
    let mut stream = String::new();
    for (i, text) in texts.iter().enumerate() {
        let when = 1_732_924_800 + 86_400 * i as i64;
        stream.push_str(&format!(
            "commit refs/remotes/{id}/main\nmark :{}\ncommitter Clerk <clerk@example.com> {when} +0800\ndata 6\nreport\n",
            i + 1
        ));
        if i > 0 {
            stream.push_str(&format!("from :{i}\n"));
        }
        stream.push_str(&format!(
            "M 100644 inline campaigns.toml\ndata {}\n{text}\n",
            text.len()
        ));
    }
    let mut child = git_command(fixture.path())
        .args(["fast-import", "--quiet", "--force"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
}

fn ref_unit(id: &str) -> String {
    format!(
        "\n[[unit]]\nid = \"{id}\"\nname = {{ zh = \"{id}市\", en = \"{id} city\" }}\nref = \"refs/remotes/{id}/main\"\n"
    )
}

const HEAD: &str = r#"[rollup]
title = "Province"
as_of = 2024-12-31
stale_after_days = 40

[[combine]]
item = "clear-water/yangtze-outfalls"
how = "sum"

[[ranking]]
item = "blue-sky/pm25"
by = "change"
"#;

fn figures(as_of: &'static str, done: u32, pm25: f64) -> UnitFigures {
    let mut figures = UnitFigures::new(done, 200, pm25, 300);
    figures.as_of = as_of;
    figures
}

#[test]
fn seventeen_units_from_refs_sum_and_rank_by_change() {
    let fixture = Fixture::new();
    let mut manifest = HEAD.to_owned();
    let mut expected_done = 0;
    let mut changes = Vec::new();
    for n in 0..17u32 {
        let id = format!("city{n:02}");
        let (before, after) = (40.0 + f64::from(n % 5), 40.0 - f64::from(n % 4));
        let done = 10 * n + 3;
        expected_done += done;
        changes.push((id.clone(), after - before));
        let texts = [
            unit_plan(
                &id,
                &figures("2024-11-30", done / 2, before),
                "yangtze-outfalls",
            ),
            unit_plan(&id, &figures("2024-12-31", done, after), "yangtze-outfalls"),
        ];
        push_unit(&fixture, &id, &texts);
        manifest.push_str(&ref_unit(&id));
    }
    std::fs::write(fixture.file("rollup.toml"), &manifest).unwrap();
    let rollup = load(&fixture.file("rollup.toml"));
    assert_eq!(
        rollup.broken().count(),
        0,
        "{:?}",
        rollup.units[0].errors(Lang::En)
    );
    assert!(
        rollup
            .units
            .iter()
            .all(|u| u.commit.as_ref().is_some_and(|c| c.len() == 40))
    );
    let outfalls = &rollup.combined()[0];
    assert_eq!(outfalls.done, Some(f64::from(expected_done)));
    assert_eq!(outfalls.total, Some(17.0 * 200.0));
    // By change, lower is better: the largest fall first; equal changes tied.
    let ranking = &rollup.rankings()[0];
    assert_eq!(ranking.rows.len(), 17, "{:?}", ranking.left_out);
    let mut sorted = changes.clone();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (row, (_, change)) in ranking.rows.iter().zip(&sorted) {
        assert_eq!(row.figure, *change, "{row:?}");
        let equal = changes.iter().filter(|(_, c)| c == change).count();
        assert_eq!(row.tied, equal > 1, "{row:?}");
        let better = changes.iter().filter(|(_, c)| c < change).count();
        assert_eq!(row.rank, better + 1, "{row:?}");
    }
}

#[test]
fn a_unit_pushed_broken_is_flagged_and_one_with_no_earlier_report_is_not_ranked() {
    let fixture = Fixture::new();
    let good = |id: &str, pm25: f64| {
        [
            unit_plan(id, &figures("2024-11-30", 10, 40.0), "yangtze-outfalls"),
            unit_plan(id, &figures("2024-12-31", 20, pm25), "yangtze-outfalls"),
        ]
    };
    push_unit(&fixture, "a", &good("a", 35.0));
    push_unit(&fixture, "b", &good("b", 38.0));
    let mut broken = good("c", 30.0);
    broken[1] = broken[1].replace("done = 20", "done = ");
    push_unit(&fixture, "c", &broken);
    let once = [unit_plan(
        "d",
        &figures("2024-12-31", 5, 30.0),
        "yangtze-outfalls",
    )];
    push_unit(&fixture, "d", &once);
    let mut manifest = HEAD.to_owned();
    for id in ["a", "b", "c", "d", "gone"] {
        manifest.push_str(&ref_unit(id));
    }
    std::fs::write(fixture.file("rollup.toml"), &manifest).unwrap();
    let rollup = load(&fixture.file("rollup.toml"));
    let broken: Vec<&str> = rollup.broken().map(|u| u.id.as_str()).collect();
    assert_eq!(broken, ["c", "gone"]);
    let errors = rollup.units[2].errors(Lang::En);
    assert!(
        errors[0].starts_with("refs/remotes/c/main:campaigns.toml:14:8:"),
        "{errors:?}"
    );
    assert!(rollup.units[4].errors(Lang::En)[0].contains("no ref `refs/remotes/gone/main`"));
    assert_eq!(rollup.combined()[0].done, Some(45.0));
    let ranking = &rollup.rankings()[0];
    let row = |rank: usize, unit: &str, figure: f64| Row {
        rank,
        unit: unit.to_owned(),
        figure,
        tied: false,
        assumed: false,
        lower_bound: false,
    };
    assert_eq!(ranking.rows, vec![row(1, "a", -5.0), row(2, "b", -2.0)]);
    let left: Vec<(&str, &str)> = ranking
        .left_out
        .iter()
        .map(|(id, why)| (id.as_str(), why.as_str()))
        .collect();
    assert_eq!(
        left,
        [("c", "broken"), ("d", "no-baseline"), ("gone", "broken")]
    );
    assert!(
        matches!(&ranking.left_out[1].1, LeftOut::NoBaseline(why) if why.contains("no earlier report"))
    );
}

/// A unit's previous report on its ref is the history's "last report": the
/// newest earlier reporting date, not a month corrected after a later one
/// was reported (October corrected after November: the change is since
/// November, as the unit's own brief says).
#[test]
fn a_late_correction_of_an_earlier_month_is_not_the_previous_report() {
    let fixture = Fixture::new();
    let texts = [
        unit_plan("a", &figures("2024-10-31", 10, 44.0), "yangtze-outfalls"),
        unit_plan("a", &figures("2024-11-30", 15, 41.0), "yangtze-outfalls"),
        unit_plan("a", &figures("2024-10-31", 11, 43.0), "yangtze-outfalls"),
        unit_plan("a", &figures("2024-12-31", 20, 38.0), "yangtze-outfalls"),
    ];
    push_unit(&fixture, "a", &texts);
    std::fs::write(
        fixture.file("rollup.toml"),
        format!("{HEAD}{}", ref_unit("a")),
    )
    .unwrap();
    let rollup = load(&fixture.file("rollup.toml"));
    let ranking = &rollup.rankings()[0];
    assert_eq!(ranking.rows.len(), 1, "{:?}", ranking.left_out);
    assert_eq!(ranking.rows[0].figure, 38.0 - 41.0);
}
