//! The roll-up screen's freshness of units read from git refs: the commit
//! each was read at and when `campaigns fetch` last brought its ref (the
//! record in the git directory), or that it never did.

use campaigns::model::Lang;
use campaigns::tui::rollup::{RollupRequest, render_rollup};

use crate::git_fixture::Fixture;
use crate::rollup_fixture::{UnitFigures, load, unit_plan};

fn ref_unit(id: &str) -> String {
    format!(
        "\n[[unit]]\nid = \"{id}\"\nname = {{ zh = \"{id}市\", en = \"{id} city\" }}\nref = \"refs/remotes/{id}/main\"\n"
    )
}

#[test]
fn freshness_names_each_refs_commit_and_when_it_was_fetched() {
    let fixture = Fixture::new();
    let mut commits = Vec::new();
    for (id, done) in [("a", 100), ("b", 50)] {
        let text = unit_plan(
            id,
            &UnitFigures::new(done, 120, 30.0, 310),
            "yangtze-outfalls",
        );
        commits.push(fixture.commit("campaigns.toml", &text, "2024-12-31T10:00:00+08:00"));
        let reference = format!("refs/remotes/{id}/main");
        fixture.git(&["update-ref", &reference, "HEAD"]);
    }
    let manifest = format!(
        "[rollup]\ntitle = \"Province\"\nas_of = 2024-12-31\nstale_after_days = 40\n{}{}",
        ref_unit("a"),
        ref_unit("b")
    );
    let path = fixture.file("rollup.toml");
    std::fs::write(&path, manifest).unwrap();
    let record = fixture.path().join(".git/campaigns-fetch.toml");
    let fetched = "[fetched]\n\"refs/remotes/a/main\" = 2026-12-07T07:30:00Z\n";
    std::fs::write(record, fetched).unwrap();
    let request = RollupRequest {
        size: (110, 30),
        view: "freshness",
        select: None,
        ansi: false,
    };
    let settings = crate::tui_snapshots::settings(Lang::En, false, false);
    let frame = render_rollup(load(&path), settings, &request).unwrap();
    let line = |id: &str| {
        let name = format!("{id} city · reported");
        let found = frame.lines().find(|line| line.contains(&name));
        found
            .unwrap_or_else(|| panic!("{name}:\n{frame}"))
            .to_owned()
    };
    let (a, b) = (line("a"), line("b"));
    assert!(a.contains(&commits[0][..7]), "{a}");
    assert!(a.contains("fetched 2026-12-07 07:30 UTC"), "{a}");
    assert!(b.contains(&commits[1][..7]), "{b}");
    assert!(b.contains("never fetched"), "{b}");
}
