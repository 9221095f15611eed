//! One item's figures at the baseline and now, and how they moved.

use crate::figures::Delta;
use crate::model::{Figure, Level, Marked, Status};

/// An item's figure and status at the baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Previous {
    /// A task's `done` or an indicator's `value`.
    pub figure: Figure,
    pub status: Status,
    /// The figure there is a lower bound (`approx`).
    pub at_least: bool,
    /// The status there rests on an assumed value (`*`).
    pub status_assumed: bool,
}

/// One item that moved since the baseline, was added or was removed.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// `campaign/item`.
    pub key: String,
    /// Where it is in the plan compared (campaign index, item); `None`:
    /// removed since the baseline.
    pub at: Option<(usize, crate::model::Item)>,
    /// At the baseline; `None`: added since.
    pub previous: Option<(Figure, Status)>,
    /// Now; `None`: removed.
    pub current: Option<(Figure, Status)>,
    /// The figure now (a task's done, an indicator's value) is assumed: the
    /// change rests on it and carries `*` wherever it is shown.
    pub assumed: bool,
    /// The figure then or now is a lower bound (`approx`): the change is
    /// only approximate (`≈+30`) wherever it is shown.
    pub approx: bool,
    /// The status then or now rests on an assumed value: a move between
    /// them carries `*` wherever it is shown.
    pub status_assumed: bool,
}

impl Change {
    /// The difference of a count or a number, approximate when either
    /// figure is a lower bound; `None` when it is not one (a water class,
    /// an item added or removed).
    pub fn delta(&self) -> Option<Delta> {
        let amount = difference(self.current?.0, self.previous?.0)?;
        Some(Delta {
            amount,
            approx: self.approx,
        })
    }

    /// `Some(true)` when the status moved up (better), `Some(false)` down.
    pub fn moved(&self) -> Option<bool> {
        let (before, now) = (rank(self.previous?.1)?, rank(self.current?.1)?);
        (before != now).then_some(now > before)
    }

    /// The status move ([`Change::moved`]) with its mark: assumed when
    /// either status rests on an assumed value. The one rule the screen's
    /// arrow and every report's status move read.
    pub fn status_move(&self) -> Option<Marked<bool>> {
        self.moved().map(|up| Marked::new(up, self.status_assumed))
    }
}

/// `now − before` as a clerk subtracts them, for two counts or two numbers;
/// `None` for a water class (a class is no number: its move shows in the
/// status) or two figures of different kinds.
pub fn difference(now: Figure, before: Figure) -> Option<f64> {
    let (now, before) = numbers(now, before)?;
    Some(crate::figures::difference(now, before))
}

/// Two counts or two numbers; `None` for a class or two kinds.
fn numbers(now: Figure, before: Figure) -> Option<(f64, f64)> {
    match (now, before) {
        (Figure::Done(now), Figure::Done(before))
        | (Figure::Value(Level::Number(now)), Figure::Value(Level::Number(before))) => {
            Some((now, before))
        }
        _ => None,
    }
}

/// How the figure `now` (with whether it is a lower bound) moved since
/// `before`: [`difference`], approximate when either figure is a lower
/// bound. The one rule the comparison's changes and `report --since` use.
pub fn delta((now, now_at_least): (Figure, bool), before: &Previous) -> Option<Delta> {
    let (now, then) = numbers(now, before.figure)?;
    Some(Delta::between((now, now_at_least), (then, before.at_least)))
}

/// How good a status is, for an arrow; `None` for those with no better or
/// worse (a plain count, no target).
fn rank(status: Status) -> Option<u8> {
    Some(match status {
        Status::Overdue | Status::NotMet => 0,
        Status::Behind => 1,
        Status::AtRisk => 2,
        Status::InProgress | Status::NotStarted => 3,
        Status::OnTrack => 4,
        Status::DoneOpen => 5,
        Status::Done | Status::Met => 6,
        Status::Count | Status::NoTarget => return None,
    })
}
