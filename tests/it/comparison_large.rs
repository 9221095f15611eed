//! The comparison is linear in the number of items: every id changed since
//! the baseline and half of the baseline's items removed, at 5 000 and at
//! 50 000 tasks; ten times the items may cost about ten times the time,
//! never the hundred times a search per item costs (the screen froze for
//! 8–10 s at 50 000 that way). Run with `--nocapture` for the figures.

use std::time::{Duration, Instant};

use campaigns::history::compare::{Baseline, Comparison};
use campaigns::load;
use campaigns::model::{Plan, PlanStatus};
use chrono::NaiveDate;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()
}

/// `tasks` tasks `t{first}…`, each done `done`.
fn plan(tasks: usize, first: usize, done: usize) -> (Plan, PlanStatus) {
    let mut source = String::from(
        "[meta]\ntitle = \"Big\"\nas_of = 2024-06-30\n[[campaign]]\nid = \"big\"\nname = \"Big\"\nstart = 2024-01-01\nend = 2024-12-31\n",
    );
    for i in first..first + tasks {
        source.push_str(&format!(
            "[[campaign.task]]\nid = \"t{i}\"\nname = \"Task {i}\"\ndone = {done}\ntotal = 100\n"
        ));
    }
    let options = load::Options {
        as_of: None,
        today: day(),
    };
    let plan = load::parse(&source, options).plan.unwrap();
    let status = PlanStatus::compute(&plan, day());
    (plan, status)
}

/// The time to compare `tasks` tasks with a baseline where each differs
/// and half of the baseline's are gone, the fastest of three runs (a
/// shared machine's other work only ever adds time, and a ratio of two
/// single runs failed under load); the number of changes.
fn compare(tasks: usize) -> (Duration, usize) {
    let (before, before_status) = plan(tasks, tasks / 2, 10);
    let (now, now_status) = plan(tasks, 0, 20);
    let mut fastest = Duration::MAX;
    let mut changes = 0;
    for _ in 0..3 {
        let started = Instant::now();
        let baseline = Baseline::of_plan(&before, &before_status, Some("abc"));
        let comparison = Comparison::new(baseline, &now, &now_status);
        fastest = fastest.min(started.elapsed());
        changes = comparison.changes().len();
    }
    (fastest, changes)
}

#[test]
fn every_id_changed_costs_time_linear_in_the_items() {
    let (small, small_changes) = compare(5_000);
    assert_eq!(small_changes, 5_000 + 2_500);
    let (large, large_changes) = compare(50_000);
    assert_eq!(large_changes, 50_000 + 25_000);
    println!("compared 5 000 tasks in {small:?}, 50 000 in {large:?}");
    // Linear: about 10×; a search per item would be about 100×.
    assert!(
        large < small * 30,
        "5 000 in {small:?}, 50 000 in {large:?}"
    );
}
