use chrono::NaiveDate;

use super::words::{baseline_line, beside, progress};
use super::*;
use crate::history::compare::{Baseline, Comparison};
use crate::model::Lang;
use crate::model::{PlanStatus, Status};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A campaign with a task of 77 (`done`), a figure without a total, a
/// number indicator and a water class; `extra` is appended.
fn plan(as_of: &str, done: f64, pm25: f64, class: &str, extra: &str) -> Plan {
    let text = format!(
        "[meta]\ntitle = \"t\"\nas_of = {as_of}\n\
         [[campaign]]\nid = \"w\"\nname = \"W\"\nstart = 2024-01-01\nend = 2024-12-31\n\
         [[campaign.indicator]]\nid = \"pm25\"\nname = \"PM\"\nvalue = {pm25}\ntarget = 35\nbetter = \"lower\"\n\
         [[campaign.indicator]]\nid = \"river\"\nname = \"R\"\nscale = \"water-class\"\nvalue = \"{class}\"\ntarget = \"II\"\n\
         [[campaign.task]]\nid = \"outfalls\"\nname = \"O\"\ndone = {done}\ntotal = 77\n\
         {extra}"
    );
    let options = crate::load::Options {
        as_of: None,
        today: day("2025-01-01"),
    };
    let loaded = crate::load::parse(&text, options);
    loaded
        .plan
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics))
}

const COMMIT: &str = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

/// `now` (reporting on 2024-12-31) beside `before` at `COMMIT`, reporting
/// on `as_of`, as `report --since` compares them.
fn compared<'a>(asked: &str, before: &Plan, as_of: &str, now: &'a Plan) -> Since<'a> {
    let then = PlanStatus::compute(before, day(as_of));
    let baseline = Baseline::of_plan(before, &then, Some(COMMIT));
    let status = PlanStatus::compute(now, day("2024-12-31"));
    Since::new(asked, now, Some(Comparison::new(baseline, now, &status)))
}

#[test]
fn items_are_matched_by_id_and_changes_are_the_differences() {
    let before = plan("2024-11-30", 45.0, 33.2, "III", "");
    let now = plan("2024-12-31", 53.0, 31.0, "II", "");
    let since = compared("HEAD~1", &before, "2024-11-30", &now);
    let campaign = &now.campaigns[0];
    let task = Item::Task(0);
    assert_eq!(
        since.previous(campaign, task),
        Some(Previous {
            figure: Figure::Done(45.0),
            status: Status::Behind,
            at_least: false,
            status_assumed: false,
        })
    );
    let amount = |item| since.change(campaign, item).map(|d| d.amount);
    assert_eq!(amount(task), Some(8.0));
    assert_eq!(amount(Item::Indicator(0)), Some(-2.2));
    assert!(!since.change(campaign, task).unwrap().approx);
    // A class is no number: no change, its status says how it moved.
    let river = since.previous(campaign, Item::Indicator(1)).unwrap();
    assert_eq!(river.status, Status::NotMet);
    assert_eq!(since.change(campaign, Item::Indicator(1)), None);
    let progress = since.previous_progress(campaign).unwrap();
    assert_eq!(progress, 45.0 / 77.0);
    assert_eq!(since.baseline().unwrap().short(), "1a2b3c4");
}

#[test]
fn new_items_and_items_of_another_kind_have_no_previous() {
    let before = plan(
        "2024-11-30",
        45.0,
        33.0,
        "II",
        "[[campaign.indicator]]\nid = \"audits\"\nname = \"A\"\nvalue = 3\n",
    );
    let now = plan(
        "2024-12-31",
        53.0,
        31.0,
        "II",
        "[[campaign.task]]\nid = \"audits\"\nname = \"A\"\ndone = 4\n\
         [[campaign]]\nid = \"soil\"\nname = \"S\"\n\
         [[campaign.task]]\nid = \"sites\"\nname = \"S\"\ndone = 1\ntotal = 2\n",
    );
    let since = compared("2024-12-01", &before, "2024-11-30", &now);
    let audits = Item::Task(1);
    assert_eq!(since.previous(&now.campaigns[0], audits), None);
    assert_eq!(since.change(&now.campaigns[0], audits), None);
    assert_eq!(since.previous(&now.campaigns[1], Item::Task(0)), None);
    assert_eq!(since.previous_progress(&now.campaigns[1]), None);
    let en = beside(&since, &now.campaigns[0], audits, Lang::En, false);
    assert_eq!(en.as_deref(), Some("new since 2024-11-30"));
    let zh = beside(&since, &now.campaigns[0], audits, Lang::Zh, false);
    assert_eq!(zh.as_deref(), Some("2024-11-30后新增"));
}

#[test]
fn the_change_reads_beside_the_figure() {
    let before = plan("2024-11-30", 45.0, 31.0, "III", "");
    let now = plan("2024-12-31", 53.0, 31.0, "II", "");
    let since = compared("HEAD~1", &before, "2024-11-30", &now);
    let c = &now.campaigns[0];
    let say = |item, lang| beside(&since, c, item, lang, false).unwrap();
    assert_eq!(say(Item::Task(0), Lang::En), "+8 since 2024-11-30");
    assert_eq!(say(Item::Task(0), Lang::Zh), "较2024-11-30 +8");
    assert_eq!(
        say(Item::Indicator(0), Lang::En),
        "unchanged since 2024-11-30"
    );
    assert_eq!(say(Item::Indicator(0), Lang::Zh), "较2024-11-30持平");
    assert_eq!(say(Item::Indicator(1), Lang::En), "was III on 2024-11-30");
    assert_eq!(say(Item::Indicator(1), Lang::Zh), "2024-11-30为Ⅲ类");
    let moved = progress(&since, c, Some(53.0 / 77.0), Lang::En);
    assert_eq!(moved.as_deref(), Some("+10 pts since 2024-11-30"));
    let line = baseline_line(&since, Lang::Zh, str::to_owned);
    assert_eq!(line, "对比基准：2024-11-30（提交1a2b3c4）");
}

#[test]
fn without_a_baseline_nothing_is_beside_and_the_line_says_so() {
    let now = plan("2024-12-31", 53.0, 31.0, "II", "");
    let since = Since::new("2024-01-01\u{1b}[2J", &now, None);
    assert_eq!(since.previous(&now.campaigns[0], Item::Task(0)), None);
    assert_eq!(since.previous_progress(&now.campaigns[0]), None);
    assert_eq!(
        beside(&since, &now.campaigns[0], Item::Task(0), Lang::En, false),
        None
    );
    let line = baseline_line(&since, Lang::En, str::to_owned);
    assert!(line.starts_with("No baseline: "), "{line}");
    assert!(!line.contains('\u{1b}'), "{line}");
}
