use super::*;
use crate::model::{Assumed, CampaignStatus, SourceLine, TaskPoint, Text, Theme, WaterClass};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn campaign(start: Option<&str>, end: Option<&str>) -> Campaign {
    Campaign {
        id: "c".into(),
        name: Text::from("C"),
        theme: Theme::Other,
        start: start.map(date),
        end: end.map(date),
        lead: None,
        summary: None,
        assumed: Assumed::NONE,
        indicators: vec![],
        tasks: vec![],
        line: SourceLine(1),
    }
}

fn task(done: f64, total: Option<f64>) -> Task {
    Task {
        id: "t".into(),
        name: Text::from("T"),
        done,
        qualifiers: Default::default(),
        total,
        unit: None,
        start: None,
        due: None,
        weight: 1.0,
        lead: None,
        note: None,
        history: vec![],
        parts: vec![],
        follows: None,
        assumed: Assumed::NONE,
        line: SourceLine(1),
        closed: None,
        stage: None,
        notices: vec![],
    }
}

fn status_at(task: &Task, campaign: &Campaign, as_of: &str) -> Status {
    task_schedule(task, campaign, date(as_of), 0.10).status
}

const YEAR: (Option<&str>, Option<&str>) = (Some("2024-01-01"), Some("2024-12-31"));

#[test]
fn due_today_is_not_yet_overdue() {
    let c = campaign(YEAR.0, YEAR.1);
    let t = task(50.0, Some(100.0));
    // On the due date the whole period has elapsed: expected 1, so behind, not overdue.
    assert_eq!(status_at(&t, &c, "2024-12-31"), Status::Behind);
    assert_eq!(status_at(&t, &c, "2025-01-01"), Status::Overdue);
    assert_eq!(
        status_at(&task(100.0, Some(100.0)), &c, "2025-01-01"),
        Status::Done
    );
}

#[test]
fn start_today_expects_nothing_yet() {
    let c = campaign(YEAR.0, YEAR.1);
    let t = task(0.0, Some(10.0));
    assert_eq!(status_at(&t, &c, "2024-01-01"), Status::OnTrack);
    assert_eq!(status_at(&t, &c, "2023-12-31"), Status::NotStarted);
    let s = task_schedule(&t, &c, date("2024-01-01"), 0.1);
    assert_eq!(s.expected, Some(0.0));
}

#[test]
fn start_equal_to_due_expects_everything() {
    let c = campaign(Some("2024-06-30"), Some("2024-06-30"));
    let t = task(9.0, Some(10.0));
    assert_eq!(
        expected_fraction(date("2024-06-30"), date("2024-06-30"), date("2024-06-30")),
        1.0
    );
    // 0.9 ≥ 1 − 0.10: at risk, not behind.
    assert_eq!(status_at(&t, &c, "2024-06-30"), Status::AtRisk);
    assert_eq!(
        status_at(&task(8.0, Some(10.0)), &c, "2024-06-30"),
        Status::Behind
    );
}

#[test]
fn leap_day_counts_as_a_day() {
    // 2024 is a leap year: 365 days from Jan 1 to Dec 31, and Feb 29 is day 59.
    let e = expected_fraction(date("2024-01-01"), date("2024-12-31"), date("2024-02-29"));
    assert!((e - 59.0 / 365.0).abs() < 1e-12, "{e}");
    let e = expected_fraction(date("2024-02-28"), date("2024-03-01"), date("2024-02-29"));
    assert_eq!(e, 0.5);
}

#[test]
fn done_zero_is_behind_once_time_has_passed() {
    let c = campaign(YEAR.0, YEAR.1);
    assert_eq!(
        status_at(&task(0.0, Some(10.0)), &c, "2024-07-01"),
        Status::Behind
    );
}

#[test]
fn done_above_total_is_done_and_capped_in_rollup() {
    let mut c = campaign(YEAR.0, YEAR.1);
    let mut over = task(15.0, Some(10.0));
    over.id = "over".into();
    let half = task(5.0, Some(10.0));
    c.tasks = vec![over, half];
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    assert_eq!(s.tasks[0].status, Status::Done);
    assert_eq!(s.tasks[0].fraction, Some(1.5));
    assert_eq!(s.rollup.progress, Some(0.75));
}

#[test]
fn no_due_and_no_campaign_end_is_in_progress() {
    let c = campaign(Some("2024-01-01"), None);
    let t = task(3.0, Some(10.0));
    let s = task_schedule(&t, &c, date("2024-06-01"), 0.1);
    assert_eq!(s.status, Status::InProgress);
    assert_eq!(s.days_left, None);
    let none = campaign(None, None);
    assert_eq!(status_at(&t, &none, "2024-06-01"), Status::InProgress);
}

#[test]
fn as_of_before_start_is_not_started() {
    let c = campaign(YEAR.0, YEAR.1);
    let mut t = task(0.0, Some(10.0));
    t.start = Some(date("2024-03-01"));
    assert_eq!(status_at(&t, &c, "2024-02-29"), Status::NotStarted);
    // A task already done is done, whatever the date.
    t.done = 10.0;
    assert_eq!(status_at(&t, &c, "2024-02-29"), Status::Done);
}

#[test]
fn task_dates_override_campaign_dates() {
    let c = campaign(YEAR.0, YEAR.1);
    let mut t = task(110.0, Some(113.0));
    t.due = Some(date("2025-06-30"));
    let s = task_schedule(&t, &c, date("2024-12-31"), 0.1);
    assert_eq!(s.due, Some(date("2025-06-30")));
    assert_eq!(s.days_left, Some(181));
    assert_eq!(s.status, Status::OnTrack);
}

#[test]
fn at_risk_margin_is_the_boundary() {
    let c = campaign(Some("2024-01-01"), Some("2024-01-11"));
    // Halfway: expected 0.5.
    assert_eq!(
        status_at(&task(5.0, Some(10.0)), &c, "2024-01-06"),
        Status::OnTrack
    );
    assert_eq!(
        status_at(&task(4.0, Some(10.0)), &c, "2024-01-06"),
        Status::AtRisk
    );
    assert_eq!(
        status_at(&task(3.9, Some(10.0)), &c, "2024-01-06"),
        Status::Behind
    );
}

#[test]
fn count_tasks_take_no_part_in_the_rollup() {
    let mut c = campaign(YEAR.0, YEAR.1);
    c.tasks = vec![task(513.0, None)];
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    assert_eq!(s.tasks[0].status, Status::Count);
    assert_eq!(s.rollup.progress, None);
    assert_eq!(s.rollup.status, None);
    assert_eq!(s.rollup.status_counts.get(&Status::Count), Some(&1));
    // A plain figure has no dates but its own.
    assert_eq!(
        (s.tasks[0].start, s.tasks[0].due, s.tasks[0].days_left),
        (None, None, None)
    );
}

#[test]
fn rollup_weights_and_worst() {
    let mut c = campaign(YEAR.0, YEAR.1);
    let mut heavy = task(10.0, Some(10.0));
    heavy.weight = 3.0;
    let mut light = task(0.0, Some(10.0));
    light.id = "light".into();
    light.due = Some(date("2024-06-30"));
    c.tasks = vec![heavy, light];
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    assert_eq!(s.rollup.progress, Some(0.75));
    assert_eq!(s.rollup.status, Some(Status::Overdue));
    // 序时进度 at the year's end: both tasks should be done (1.0).
    assert_eq!(s.rollup.expected, Some(1.0));
}

#[test]
fn planned_tasks_stay_out_of_the_gauge() {
    let mut c = campaign(YEAR.0, YEAR.1);
    let mut next_year = task(0.0, Some(4.0));
    next_year.start = Some(date("2025-01-01"));
    next_year.due = Some(date("2025-12-31"));
    c.tasks = vec![task(7.0, None), next_year.clone()];
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    // All its measured work lies ahead: no progress, never 0 %.
    assert_eq!((s.rollup.progress, s.rollup.expected), (None, None));
    assert_eq!((s.rollup.measured, s.rollup.planned), (0, 1));
    assert_eq!(s.rollup.planned_from, Some(date("2025-01-01")));
    assert_eq!(s.rollup.status, Some(Status::NotStarted));

    // Beside a task under way, the planned one does not pull the gauge down.
    let mut half = task(5.0, Some(10.0));
    half.id = "half".into();
    c.tasks.push(half);
    let s = CampaignStatus::compute(&c, date("2024-07-01"), 0.1);
    assert_eq!(s.rollup.progress, Some(0.5));
    assert_eq!(
        (s.rollup.measured, s.rollup.planned, s.rollup.tasks),
        (1, 1, 3)
    );
}

#[test]
fn a_missed_target_is_never_hidden_by_done_tasks() {
    let mut c = campaign(YEAR.0, YEAR.1);
    c.tasks = vec![task(10.0, Some(10.0))];
    c.indicators = vec![indicator(
        Level::Number(94.0),
        Some(Level::Number(95.0)),
        Some(Better::Higher),
    )];
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    assert_eq!(s.rollup.progress, Some(1.0));
    assert_eq!(s.rollup.status, Some(Status::NotMet));
    assert!(!s.rollup.status_assumed);
    // Marked assumed when the only item that decides it rests on an assumed target.
    c.indicators[0].assumed = Assumed::of(&[Field::Target]);
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    assert!(s.indicators[0].status_assumed && s.rollup.status_assumed);
}

#[test]
fn expected_counts_an_unscheduled_task_as_where_it_should_be() {
    let mut c = campaign(None, None);
    let mut scheduled = task(2.0, Some(10.0));
    scheduled.start = Some(date("2024-01-01"));
    scheduled.due = Some(date("2024-01-11"));
    let mut open = task(6.0, Some(10.0));
    open.id = "open".into();
    c.tasks = vec![scheduled, open];
    let s = CampaignStatus::compute(&c, date("2024-01-06"), 0.1);
    assert_eq!(s.tasks[1].status, Status::InProgress);
    assert_eq!(s.rollup.progress, Some(0.4));
    assert_eq!(s.rollup.expected, Some((0.5 + 0.6) / 2.0));
}

#[test]
fn a_date_taken_from_an_assumed_campaign_end_is_assumed() {
    let mut c = campaign(YEAR.0, YEAR.1);
    c.assumed = Assumed::of(&[Field::End]);
    c.tasks = vec![task(3.0, Some(10.0))];
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    assert!(s.tasks[0].assumed.contains(Field::Due));
    assert!(!s.tasks[0].assumed.contains(Field::Start));
    assert_eq!(s.tasks[0].status, Status::Behind);
    assert!(s.tasks[0].status_assumed && s.rollup.expected_assumed);
    assert!(!s.rollup.progress_assumed);
    // A done task is done whatever its dates are.
    c.tasks[0].done = 10.0;
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    assert!(!s.tasks[0].status_assumed);
}

#[test]
fn a_plain_count_takes_none_of_the_campaigns_assumed_dates() {
    let mut c = campaign(YEAR.0, YEAR.1);
    c.assumed = Assumed::of(&[Field::Start, Field::End]);
    c.tasks = vec![task(55.0, None)];
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    // It shows no dates, so it has none to mark.
    assert_eq!((s.tasks[0].start, s.tasks[0].due), (None, None));
    assert_eq!(s.tasks[0].assumed, Assumed::NONE);
    // Its own assumed fields stay.
    c.tasks[0].assumed = Assumed::of(&[Field::Done]);
    let s = CampaignStatus::compute(&c, date("2024-12-31"), 0.1);
    assert_eq!(s.tasks[0].assumed, Assumed::of(&[Field::Done]));
}

fn indicator(value: Level, target: Option<Level>, better: Option<Better>) -> Indicator {
    Indicator {
        id: "i".into(),
        name: Text::from("I"),
        unit: None,
        scale: match value {
            Level::Number(_) => crate::model::Scale::Number,
            Level::WaterClass(_) => crate::model::Scale::WaterClass,
        },
        value,
        qualifiers: Default::default(),
        target,
        better,
        lead: None,
        note: None,
        history: vec![],
        parts: vec![],
        assumed: Assumed::NONE,
        line: SourceLine(1),
        notices: vec![],
    }
}

#[test]
fn indicators_meet_in_their_direction() {
    use Level::Number;
    let pm25 = indicator(Number(31.0), Some(Number(35.0)), Some(Better::Lower));
    assert_eq!(indicator_status(&pm25), Status::Met);
    let days = indicator(Number(0.94), Some(Number(0.95)), Some(Better::Higher));
    assert_eq!(indicator_status(&days), Status::NotMet);
    let equal = indicator(Number(35.0), Some(Number(35.0)), Some(Better::Lower));
    assert_eq!(indicator_status(&equal), Status::Met);
    let river = indicator(
        Level::WaterClass(WaterClass::II),
        Some(Level::WaterClass(WaterClass::III)),
        None,
    );
    assert_eq!(indicator_status(&river), Status::Met);
    assert_eq!(
        indicator_status(&indicator(Number(1.0), None, None)),
        Status::NoTarget
    );
}

#[test]
fn pace_from_start_and_from_history() {
    let c = campaign(YEAR.0, YEAR.1);
    let mut t = task(100.0, Some(200.0));
    t.due = Some(date("2025-04-10"));
    let as_of = date("2024-04-10"); // day 100 of the campaign
    let p = pace(&t, &c, as_of).unwrap();
    assert_eq!(p.basis, PaceBasis::Start);
    assert_eq!(p.achieved_per_day, Some(1.0));
    assert_eq!(p.needed_per_day, Some(100.0 / 365.0));
    assert_eq!(p.projected_finish, Some(date("2024-07-19")));

    t.history = vec![TaskPoint {
        date: date("2024-03-31"),
        done: 90.0,
    }];
    let p = pace(&t, &c, as_of).unwrap();
    assert_eq!(p.basis, PaceBasis::History);
    assert_eq!(p.achieved_per_day, Some(1.0));
}

#[test]
fn pace_without_progress_projects_nothing() {
    let c = campaign(YEAR.0, YEAR.1);
    let t = task(0.0, Some(10.0));
    let p = pace(&t, &c, date("2024-06-01")).unwrap();
    assert_eq!(p.achieved_per_day, Some(0.0));
    assert_eq!(p.projected_finish, None);
    assert!(pace(&task(3.0, None), &c, date("2024-06-01")).is_none());
    // Past the due date there is no rate that finishes in time.
    let p = pace(&t, &c, date("2025-02-01")).unwrap();
    assert_eq!(p.needed_per_day, None);
}

/// One task behind and one ahead: the campaign's headline is behind, on 1
/// of 2 measured tasks, while its gauge, at its own 序时进度 or above, is
/// on-track and coloured so.
#[test]
fn the_headline_names_its_scope_and_the_gauge_stands_on_its_own() {
    let mut c = campaign(YEAR.0, YEAR.1);
    let mut behind = task(2.0, Some(10.0));
    behind.id = "behind".into();
    let mut ahead = task(10.0, Some(10.0));
    ahead.id = "ahead".into();
    c.tasks = vec![behind, ahead];
    let s = CampaignStatus::compute(&c, date("2024-07-01"), 0.1);
    assert_eq!(s.rollup.status, Some(Status::Behind));
    let scope = s.rollup.scope().unwrap();
    assert_eq!((scope.count, scope.of), (1, 2));
    assert_eq!(scope.items, crate::model::ScopeItems::MeasuredTasks);
    // (0.2 + 1.0) / 2 = 0.6 against about 0.5 expected.
    assert_eq!(s.rollup.gauge_status, Some(Status::OnTrack));
    // Half a year in, 4 of 10 and 5 of 10: 0.45 against 0.5 is at risk.
    c.tasks[0].done = 4.0;
    c.tasks[1].done = 5.0;
    let s = CampaignStatus::compute(&c, date("2024-07-01"), 0.1);
    assert_eq!(s.rollup.gauge_status, Some(Status::AtRisk));
}

#[test]
fn pace_status_is_done_at_one_and_in_progress_without_a_schedule() {
    assert_eq!(pace_status(1.0, Some(0.5), 0.1), Status::Done);
    assert_eq!(pace_status(0.3, None, 0.1), Status::InProgress);
    assert_eq!(pace_status(0.5, Some(0.5), 0.1), Status::OnTrack);
    assert_eq!(pace_status(0.41, Some(0.5), 0.1), Status::AtRisk);
    assert_eq!(pace_status(0.39, Some(0.5), 0.1), Status::Behind);
}
