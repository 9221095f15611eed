//! The reporting order against hand-made histories: what commit order
//! would show wrong once a month is corrected after a later one.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;
use crate::history::Revision;
use crate::model::{Assumed, Figure, Status};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A history of valid revisions reporting on `dates`, in commit order.
fn history(dates: &[&str], items: Vec<ItemHistory>) -> History {
    let revisions = dates
        .iter()
        .enumerate()
        .map(|(n, date)| Revision {
            commit: Some(format!("{n:040}")),
            committed: None,
            as_of: Some(day(date)),
            valid: true,
            deleted: false,
            unread: None,
        })
        .collect::<Vec<_>>();
    History {
        file: PathBuf::from("campaigns.toml"),
        path_in_repo: "campaigns.toml".into(),
        blobs: vec![None; revisions.len()],
        revisions,
        items,
        boundary: None,
        git_dir: PathBuf::new(),
        progress: Vec::new(),
    }
}

/// A point of revision `revision`, dated `date`, of `done`.
fn at(revision: usize, date: &str, done: f64) -> Point {
    Point {
        revision: Some(revision),
        commit: Some(format!("{revision:040}")),
        as_of: day(date),
        figure: Figure::Done(done),
        at_least: false,
        status: Status::Behind,
        from: PointFrom::Commit,
        assumed: Assumed::NONE,
        status_assumed: false,
    }
}

fn item(points: Vec<Point>, gone: Vec<usize>) -> ItemHistory {
    ItemHistory {
        key: "water/outfalls".into(),
        name: None,
        points,
        removed: None,
        gone,
    }
}

/// (date, done, corrects) of each point shown.
fn shown(history: &History) -> Vec<(String, f64, bool)> {
    let reported = history.reported(&history.items[0]);
    let figure = |point: &Point| match point.figure {
        Figure::Done(done) => done,
        Figure::Value(_) => f64::NAN,
    };
    reported
        .iter()
        .map(|r| (r.point.as_of.to_string(), figure(&r.point), r.corrects))
        .collect()
}

#[test]
fn a_correction_committed_after_a_later_month_sits_after_its_own_date() {
    // October 45, November 50, October corrected to 46, December still 46:
    // in commit order December's reading is in the correction's run.
    let dates = ["2024-10-31", "2024-11-30", "2024-10-31", "2024-12-31"];
    let points = vec![
        at(0, "2024-10-31", 45.0),
        at(1, "2024-11-30", 50.0),
        at(2, "2024-10-31", 46.0),
    ];
    let history = history(&dates, vec![item(points, Vec::new())]);
    assert_eq!(
        shown(&history),
        [
            ("2024-10-31".into(), 45.0, false),
            ("2024-10-31".into(), 46.0, true),
            ("2024-11-30".into(), 50.0, false),
            ("2024-12-31".into(), 46.0, false),
        ]
    );
    let december = &history.reported(&history.items[0])[3].point;
    assert_eq!(december.revision, Some(3));
    assert_eq!(december.commit, Some(format!("{:040}", 3)));
}

#[test]
fn a_correction_that_changes_nothing_is_no_point_and_months_in_order_stay_as_they_are() {
    let dates = ["2024-09-30", "2024-10-31", "2024-11-30", "2024-10-31"];
    let points = vec![
        at(0, "2024-09-30", 38.0),
        at(1, "2024-10-31", 45.0),
        at(2, "2024-11-30", 50.0),
        at(3, "2024-10-31", 45.0),
    ];
    let history = history(&dates, vec![item(points, Vec::new())]);
    assert_eq!(
        shown(&history),
        [
            ("2024-09-30".into(), 38.0, false),
            ("2024-10-31".into(), 45.0, false),
            ("2024-11-30".into(), 50.0, false),
        ]
    );
}

#[test]
fn an_item_back_after_a_gap_is_a_point_even_with_the_same_figure() {
    let dates = ["2024-09-30", "2024-10-31", "2024-11-30"];
    let points = vec![at(0, "2024-09-30", 38.0), at(2, "2024-11-30", 38.0)];
    let history = history(&dates, vec![item(points, vec![1])]);
    assert_eq!(
        shown(&history),
        [
            ("2024-09-30".into(), 38.0, false),
            ("2024-11-30".into(), 38.0, false),
        ]
    );
}

#[test]
fn written_points_follow_the_revisions_of_their_date() {
    let dates = ["2024-10-31", "2024-11-30"];
    let written = Point {
        revision: None,
        commit: None,
        from: PointFrom::Written,
        ..at(0, "2024-10-31", 44.0)
    };
    let early = Point {
        as_of: day("2024-06-30"),
        ..written.clone()
    };
    let points = vec![
        early,
        at(0, "2024-10-31", 45.0),
        written,
        at(1, "2024-11-30", 50.0),
    ];
    let history = history(&dates, vec![item(points, Vec::new())]);
    assert_eq!(
        shown(&history),
        [
            ("2024-06-30".into(), 44.0, false),
            ("2024-10-31".into(), 45.0, false),
            ("2024-10-31".into(), 44.0, false),
            ("2024-11-30".into(), 50.0, false),
        ]
    );
}
