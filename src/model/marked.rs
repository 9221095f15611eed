//! What each shown figure rests on: a value together with whether it comes
//! from an assumed one, directly or worked out from one (DESIGN contract 3,
//! "Marks travel"). The schedule, the pace and the roll-up hand their
//! figures out as [`Marked`] values, so whatever shows one gets the mark with it.

use chrono::NaiveDate;

use super::schedule::{Pace, PaceBasis, TaskSchedule};
use super::{Assumed, Field, Rollup};

/// A figure and whether it rests on a value the source does not give.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marked<T> {
    value: T,
    assumed: bool,
}

impl<T> Marked<T> {
    pub fn new(value: T, assumed: bool) -> Marked<T> {
        Marked { value, assumed }
    }

    /// A figure worked out from the fields `rests_on` of an item whose
    /// assumed fields are `assumed`.
    pub fn resting(value: T, assumed: Assumed, rests_on: &[Field]) -> Marked<T> {
        Marked::new(value, assumed.any(rests_on))
    }

    /// The bare value, for arithmetic, order and machine-readable cells;
    /// whatever shows it to a reader goes through `figures`, which keeps
    /// the mark.
    pub fn value(&self) -> T
    where
        T: Copy,
    {
        self.value
    }

    pub fn assumed(&self) -> bool {
        self.assumed
    }

    /// A figure derived from this one: it inherits the mark.
    pub fn map<U>(self, derive: impl FnOnce(T) -> U) -> Marked<U> {
        Marked::new(derive(self.value), self.assumed)
    }

    /// A figure derived from this one and `other`: marked when either is.
    pub fn and<U>(self, other: Marked<U>) -> Marked<(T, U)> {
        Marked::new((self.value, other.value), self.assumed || other.assumed)
    }

    /// The same figure, marked also when `assumed` (it rests on more).
    pub fn or_assumed(self, assumed: bool) -> Marked<T> {
        Marked::new(self.value, self.assumed || assumed)
    }
}

impl<T> Marked<Option<T>> {
    /// `Some` figure with the mark, or `None`.
    pub fn transpose(self) -> Option<Marked<T>> {
        let assumed = self.assumed;
        self.value.map(|value| Marked::new(value, assumed))
    }
}

impl TaskSchedule {
    /// done / total: rests on both.
    pub fn marked_fraction(&self) -> Option<Marked<f64>> {
        let rests_on = [Field::Done, Field::Total];
        self.fraction
            .map(|f| Marked::resting(f, self.assumed, &rests_on))
    }

    /// 序时进度: rests on the start and the due date.
    pub fn marked_expected(&self) -> Option<Marked<f64>> {
        let rests_on = [Field::Start, Field::Due];
        self.expected
            .map(|e| Marked::resting(e, self.assumed, &rests_on))
    }

    /// Days left (negative: late): counted to the due date.
    pub fn marked_days_left(&self) -> Option<Marked<i64>> {
        self.days_left
            .map(|d| Marked::resting(d, self.assumed, &[Field::Due]))
    }

    pub fn marked_start(&self) -> Option<Marked<NaiveDate>> {
        self.start
            .map(|d| Marked::resting(d, self.assumed, &[Field::Start]))
    }

    pub fn marked_due(&self) -> Option<Marked<NaiveDate>> {
        self.due
            .map(|d| Marked::resting(d, self.assumed, &[Field::Due]))
    }

    /// How far short of 序时进度 the task is (0..=1): rests on both.
    pub fn marked_gap(&self) -> Option<Marked<f64>> {
        let both = self.marked_expected()?.and(self.marked_fraction()?);
        let gap = both.map(|(expected, fraction)| expected - fraction.min(1.0));
        (gap.value > 0.0).then_some(gap)
    }
}

impl Pace {
    /// The rate achieved so far: from the earliest history point (the
    /// history and the done count) or from the start date.
    pub fn marked_achieved(&self) -> Option<Marked<f64>> {
        let since = match self.basis {
            PaceBasis::History => Field::History,
            PaceBasis::Start | PaceBasis::Unknown => Field::Start,
        };
        self.achieved_per_day
            .map(|rate| Marked::resting(rate, self.assumed, &[since, Field::Done]))
    }

    /// The rate needed to finish by the due date: what remains over the days left.
    pub fn marked_needed(&self) -> Option<Marked<f64>> {
        let rests_on = [Field::Due, Field::Done, Field::Total];
        self.needed_per_day
            .map(|rate| Marked::resting(rate, self.assumed, &rests_on))
    }

    /// When the task finishes at the achieved rate: what remains over it.
    pub fn marked_projected_finish(&self) -> Option<Marked<NaiveDate>> {
        let remaining = Marked::resting((), self.assumed, &[Field::Done, Field::Total]);
        let rate_assumed = self.marked_achieved().is_some_and(|rate| rate.assumed());
        self.projected_finish
            .map(|date| remaining.map(|()| date).or_assumed(rate_assumed))
    }
}

impl Rollup {
    /// The campaign's progress: rests on its measured tasks' figures.
    pub fn marked_progress(&self) -> Option<Marked<f64>> {
        self.progress.map(|p| Marked::new(p, self.progress_assumed))
    }

    /// The campaign's 序时进度: rests on its measured tasks' dates.
    pub fn marked_expected(&self) -> Option<Marked<f64>> {
        self.expected.map(|e| Marked::new(e, self.expected_assumed))
    }

    /// The day the planned tasks start from ("not begun … from DATE").
    pub fn marked_planned_from(&self) -> Option<Marked<NaiveDate>> {
        self.planned_from
            .filter(|_| self.planned > 0)
            .map(|d| Marked::new(d, self.planned_from_assumed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_derived_figure_inherits_the_mark() {
        let due = Marked::new(5_i64, true);
        assert!(due.map(|d| d * 2).assumed());
        let done = Marked::new(0.5, false);
        assert!(!done.map(|d| d + 1.0).assumed());
        assert!(done.and(due).assumed() && !done.and(done).assumed());
        assert!(done.or_assumed(true).assumed());
        assert_eq!(
            Marked::new(Some(3), true).transpose(),
            Some(Marked::new(3, true))
        );
        assert_eq!(Marked::new(None::<i32>, true).transpose(), None);
        let set = Assumed::of(&[Field::Due]);
        assert!(Marked::resting(1, set, &[Field::Start, Field::Due]).assumed());
        assert!(!Marked::resting(1, set, &[Field::Start]).assumed());
    }
}
