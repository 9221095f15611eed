//! The history against its oracle over random edit chains: each chain is
//! committed with git, then every revision is what a whole load of
//! `git show REV:FILE` gives (validity, reporting date), every point is
//! that load's figure and status, and no figure change goes without a
//! point. The chains mix one-figure edits (the re-read), date changes,
//! dropped dates, syntax errors, deletions, removed items and reverts.

use chrono::NaiveDate;
use proptest::prelude::*;

use campaigns::history::{self, History};
use campaigns::load::{self, Options};
use campaigns::model::{Figure, Plan, PlanStatus, Status, WaterClass};

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

/// The plan a chain edits.
#[derive(Clone, Debug)]
struct State {
    /// Days after 2024-01-01; `None`: no `meta.as_of`.
    as_of: Option<u16>,
    /// Each task's done, `None` once removed.
    done: [Option<u32>; 3],
    class: usize,
}

#[derive(Clone, Debug)]
enum Step {
    Done(usize, u32),
    Class(usize),
    AsOf(Option<u16>),
    Remove(usize),
    /// A syntax error in this revision only.
    Break,
    /// The file deleted in this revision only.
    Delete,
    /// Back to the text of an earlier revision.
    Revert(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..3usize, 0..120u32).prop_map(|(t, d)| Step::Done(t, d)),
        2 => (0..6usize).prop_map(Step::Class),
        2 => proptest::option::of(0..400u16).prop_map(Step::AsOf),
        1 => (0..3usize).prop_map(Step::Remove),
        1 => Just(Step::Break),
        1 => Just(Step::Delete),
        1 => (0..8usize).prop_map(Step::Revert),
    ]
}

fn text(state: &State) -> String {
    let mut out = String::from("[meta]\ntitle = \"Chain\"\n");
    if let Some(days) = state.as_of {
        let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(days.into());
        out.push_str(&format!("as_of = {day}\n"));
    }
    out.push_str(
        "\n[[campaign]]\nid = \"soil\"\nname = \"Soil\"\nstart = 2024-01-01\nend = 2024-12-31\n",
    );
    for (index, done) in state.done.iter().enumerate() {
        if let Some(done) = done {
            out.push_str(&format!(
                "\n[[campaign.task]]\nid = \"task-{index}\"\nname = \"Task {index}\"\ndone = {done}\ntotal = 100\n"
            ));
        }
    }
    let class = WaterClass::ALL[state.class].as_str();
    out.push_str(&format!(
        "\n[[campaign.indicator]]\nid = \"site\"\nname = \"Site\"\nscale = \"water-class\"\nvalue = \"{class}\"\ntarget = \"III\"\n"
    ));
    out
}

/// The texts of the chain's revisions (`None`: deleted).
fn chain(steps: &[Step]) -> Vec<Option<String>> {
    let mut state = State {
        as_of: Some(180),
        done: [Some(10), Some(20), Some(30)],
        class: 3,
    };
    let mut texts = vec![Some(text(&state))];
    for step in steps {
        let next = match step {
            Step::Done(task, done) => {
                if state.done[*task].is_some() {
                    state.done[*task] = Some(*done);
                }
                Some(text(&state))
            }
            Step::Class(class) => {
                state.class = *class;
                Some(text(&state))
            }
            Step::AsOf(as_of) => {
                state.as_of = *as_of;
                Some(text(&state))
            }
            Step::Remove(task) => {
                state.done[*task] = None;
                Some(text(&state))
            }
            Step::Break => Some(text(&state).replace("total = 100", "total = = 100")),
            Step::Delete => None,
            Step::Revert(back) => texts[back % texts.len()].clone(),
        };
        texts.push(next);
    }
    texts
}

/// Each item's figure and status in a whole load.
fn figures(plan: &Plan, as_of: NaiveDate) -> Vec<(String, Figure, Status)> {
    let status = PlanStatus::compute(plan, as_of);
    let mut out = Vec::new();
    for (campaign, state) in plan.campaigns.iter().zip(&status.campaigns) {
        for (task, schedule) in campaign.tasks.iter().zip(&state.tasks) {
            out.push((
                format!("{}/{}", campaign.id, task.id),
                Figure::Done(task.done),
                schedule.status,
            ));
        }
        for (indicator, state) in campaign.indicators.iter().zip(&state.indicators) {
            out.push((
                format!("{}/{}", campaign.id, indicator.id),
                Figure::Value(indicator.value),
                state.status,
            ));
        }
    }
    out
}

fn check(fixture: &Fixture, history: &History) {
    let commits: Vec<String> = history
        .revisions
        .iter()
        .filter_map(|r| r.commit.clone())
        .collect();
    assert_eq!(commits, fixture.log(FILE), "the commits git log lists");
    for (index, revision) in history.revisions.iter().enumerate() {
        let commit = revision.commit.as_ref().unwrap();
        let committed = revision.committed.unwrap().date_naive();
        let shown = fixture.show(commit, FILE);
        assert_eq!(revision.deleted, shown.is_none(), "{commit}");
        let loaded = shown.map(|text| {
            load::parse(
                &text,
                Options {
                    as_of: None,
                    today: committed,
                },
            )
        });
        let plan = loaded.and_then(|loaded| loaded.plan);
        assert_eq!(revision.valid, plan.is_some(), "{commit}");
        let Some(plan) = plan else {
            assert_eq!(revision.as_of, None);
            continue;
        };
        let as_of = plan.meta.as_of.unwrap_or(committed);
        assert_eq!(revision.as_of, Some(as_of), "{commit}");
        for (key, figure, status) in figures(&plan, as_of) {
            let item = history.items.iter().find(|i| i.key == key).unwrap();
            // The newest point at or before this revision holds its figure
            // and its status.
            let point = item
                .points
                .iter()
                .rev()
                .find(|p| p.revision.is_some_and(|r| r <= index))
                .unwrap_or_else(|| panic!("{key} has no point at or before {commit}"));
            assert_eq!(point.figure, figure, "{key} at {commit}");
            assert_eq!(point.status, status, "{key} at {commit}");
            if point.revision == Some(index) {
                assert_eq!(point.as_of, as_of);
                assert_eq!(point.commit.as_ref(), Some(commit));
            }
            // In reporting order (by date, then commit), the last point at
            // or before this revision holds its figure and status too.
            let reported = history.reported(item);
            let at = |p: &history::Point| Some((p.as_of, p.revision?));
            let shown = reported
                .iter()
                .rfind(|r| at(&r.point).is_some_and(|at| at <= (as_of, index)))
                .unwrap_or_else(|| panic!("{key} is shown nowhere at or before {commit}"));
            assert_eq!(shown.point.figure, figure, "{key} at {commit}, reported");
            assert_eq!(shown.point.status, status, "{key} at {commit}, reported");
        }
    }
    // Reported: oldest reporting date first.
    for item in &history.items {
        let reported = history.reported(item);
        let dates: Vec<NaiveDate> = reported.iter().map(|r| r.point.as_of).collect();
        assert!(dates.is_sorted(), "{}: {dates:?}", item.key);
    }
    // A point is only where the figure or the status changed or the item
    // came (back).
    for item in &history.items {
        for pair in item.points.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let (Some(ra), Some(rb)) = (a.revision, b.revision) else {
                continue;
            };
            let gap = history.revisions[ra + 1..rb].iter().any(|r| r.valid);
            assert!(
                a.figure != b.figure || a.status != b.status || gap,
                "{}: a point without a change",
                item.key
            );
        }
    }
}

proptest! {
    // 16 chains in `cargo test`; HISTORY_PROP_CASES=N runs a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("HISTORY_PROP_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(16),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_point_is_a_whole_load_of_git_show(steps in proptest::collection::vec(step(), 1..10)) {
        let fixture = Fixture::new();
        // A day apart: a revision without `meta.as_of` is dated by its own day.
        fixture.import(FILE, &chain(&steps), 1_719_741_600, 86_400);
        let history = history::read(&fixture.file(FILE), history::Options {
            today: NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
        });
        match history {
            Ok(history) => check(&fixture, &history),
            // Only a chain whose last revision deleted the file, with no
            // working copy left, and nothing before it, has no history.
            Err(err) => prop_assert!(fixture.log(FILE).is_empty(), "{err}"),
        }
    }
}
