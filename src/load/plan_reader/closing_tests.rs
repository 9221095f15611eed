//! 销号 and 督办 as the file writes them: each rule's error at the line and
//! column of the value that breaks it.

use chrono::NaiveDate;

use crate::load::{Loaded, Options, Position, Severity, parse};
use crate::model::{Closed, PlanStatus, Status};

fn load(source: &str) -> Loaded {
    let today = NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
    parse(source, Options { as_of: None, today })
}

/// A plan of one task whose table ends with `extra`, under `[meta]` with `meta`.
fn plan(meta: &str, extra: &str) -> String {
    format!(
        "[meta]\ntitle = \"T\"\n{meta}\
         [[campaign]]\nid = \"c\"\nname = \"C\"\nstart = 2024-01-01\nend = 2024-12-31\n\
         [[campaign.task]]\nid = \"t\"\nname = \"T\"\n{extra}"
    )
}

/// The one error of `source`, as (line, column, message).
fn only_error(source: &str) -> (usize, usize, String) {
    let loaded = load(source);
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{source}\n{:#?}", loaded.diagnostics);
    assert!(loaded.plan.is_none(), "an error leaves no plan");
    let Position { line, column } = errors[0].position(source);
    (line, column, errors[0].message.en.clone())
}

#[test]
fn more_closed_than_done_is_an_error_at_the_value() {
    let source = plan("", "done = 120\ntotal = 166\nclosed = 131\n");
    let (line, column, message) = only_error(&source);
    assert_eq!((line, column), (13, 10), "{message}");
    assert_eq!(message, "`closed` (131) is more than `done` (120)");
}

#[test]
fn a_closing_date_needs_a_task_of_one() {
    let source = plan("", "done = 3\ntotal = 3\nclosed = 2024-05-10\n");
    let (line, column, message) = only_error(&source);
    assert_eq!((line, column), (13, 10));
    assert!(message.contains("a task of one"), "{message}");
    let one = load(&plan("", "done = 1\ntotal = 1\nclosed = 2024-05-10\n"));
    let task = &one.plan.expect("a plan").campaigns[0].tasks[0];
    assert_eq!(
        task.closed,
        Some(Closed::On("2024-05-10".parse().expect("a date")))
    );
}

#[test]
fn closed_is_a_count_or_a_date() {
    let (line, column, message) = only_error(&plan("", "done = 3\nclosed = \"all\"\n"));
    assert_eq!((line, column), (12, 10));
    assert_eq!(message, "`closed` must be a count or a date");
    let (line, column, _) = only_error(&plan("", "done = 3\nclosed = -1\n"));
    assert_eq!((line, column), (12, 10));
}

#[test]
fn a_stage_must_be_one_of_the_close_stages() {
    let meta = "close_stages = [\"区级验收\", \"公示\", \"销号报备\"]\n";
    let source = plan(meta, "done = 1\ntotal = 1\nstage = \"公式\"\n");
    let (line, column, message) = only_error(&source);
    assert_eq!((line, column), (14, 9), "{message}");
    assert!(message.contains("close_stages"), "{message}");
    let good = load(&plan(meta, "done = 1\ntotal = 1\nstage = \"公示\"\n"));
    let task = &good.plan.expect("a plan").campaigns[0].tasks[0];
    assert_eq!(task.stage.as_deref(), Some("公示"));
    // Without the list, no stage is known.
    let (line, _, _) = only_error(&plan("", "done = 1\nstage = \"公示\"\n"));
    assert_eq!(line, 12);
    let (line, column, message) =
        only_error(&plan("close_stages = [\"a\", \"a\"]\n", "done = 1\n"));
    assert_eq!((line, column), (3, 22), "{message}");
}

#[test]
fn notices_need_a_date_and_come_in_date_order() {
    let notices = "done = 1\nnotices = [\n  { date = 2024-05-10, ref = \"潜环督〔2024〕12号\" },\n  \
                   { date = 2024-03-01 },\n]\n";
    let (line, column, message) = only_error(&plan("", notices));
    assert_eq!((line, column), (14, 12), "{message}");
    assert!(message.contains("out of date order"), "{message}");
    let (line, column, message) = only_error(&plan("", "done = 1\nnotices = [{ ref = \"x\" }]\n"));
    assert_eq!((line, column), (12, 12), "{message}");
    assert!(
        message.contains("missing required field `date`"),
        "{message}"
    );
    let same_day =
        "done = 1\nnotices = [{ date = 2024-05-10 }, { date = 2024-05-10, note = \"再督\" }]\n";
    let loaded = load(&plan("", same_day));
    assert_eq!(
        loaded.plan.expect("a plan").campaigns[0].tasks[0]
            .notices
            .len(),
        2
    );
}

#[test]
fn an_indicator_takes_notices_too() {
    let source = "[meta]\ntitle = \"T\"\n[[campaign]]\nid = \"c\"\nname = \"C\"\n\
                  [[campaign.indicator]]\nid = \"i\"\nname = \"I\"\nvalue = 3\n\
                  notices = [{ date = 2024-05-10, ref = \"潜环督〔2024〕12号\" }]\n";
    let loaded = load(source);
    let plan = loaded.plan.expect("a plan");
    let notice = &plan.campaigns[0].indicators[0].notices[0];
    assert_eq!(notice.date.to_string(), "2024-05-10");
    assert!(notice.reference.is_some());
}

#[test]
fn done_and_not_all_closed_is_done_open() {
    let status = |extra: &str| {
        let loaded = load(&plan("", extra));
        let plan = loaded.plan.expect("a plan");
        let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
        PlanStatus::compute(&plan, as_of).campaigns[0].tasks[0].status
    };
    assert_eq!(
        status("done = 5\ntotal = 5\nclosed = 4\n"),
        Status::DoneOpen
    );
    assert_eq!(status("done = 5\ntotal = 5\nclosed = 5\n"), Status::Done);
    assert_eq!(status("done = 5\ntotal = 5\n"), Status::Done);
    assert_eq!(status("done = 4\ntotal = 5\nclosed = 4\n"), Status::Behind);
    assert_eq!(status("done = 0\ntotal = 1\nclosed = 0\n"), Status::Behind);
}
