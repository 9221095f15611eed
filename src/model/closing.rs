//! 销号 and 督办: a task's items formally closed after checked rectification,
//! and the follow-up notices sent about any item. Both are the monthly
//! meeting's figures; "done" is not "closed" until the item is signed off.

use chrono::NaiveDate;

use super::Text;

/// How much of a task is closed (销号): a count of its done items, or, on a
/// task of one, the day it was closed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Closed {
    Count(f64),
    On(NaiveDate),
}

impl Closed {
    /// How many items are closed: a dated close closes the task's one item.
    pub fn count(self) -> f64 {
        match self {
            Closed::Count(count) => count,
            Closed::On(_) => 1.0,
        }
    }

    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Closed::Count(_) => None,
            Closed::On(date) => Some(date),
        }
    }
}

/// One 督办 notice: a formal follow-up sent about an item.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub date: NaiveDate,
    /// Its reference number, e.g. 潜环督〔2024〕12号.
    pub reference: Option<Text>,
    pub note: Option<Text>,
}

/// The newest of `notices` (the file lists them in date order, which the
/// loader checks; the newest is looked for all the same).
pub fn last_notice(notices: &[Notice]) -> Option<&Notice> {
    notices.iter().max_by_key(|notice| notice.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn a_dated_close_closes_one() {
        assert_eq!(Closed::On(day("2024-05-10")).count(), 1.0);
        assert_eq!(Closed::Count(131.0).count(), 131.0);
        assert_eq!(Closed::Count(3.0).date(), None);
    }

    #[test]
    fn the_last_notice_is_the_newest() {
        let notice = |date| Notice {
            date: day(date),
            reference: None,
            note: None,
        };
        let notices = [notice("2024-05-10"), notice("2024-03-01")];
        assert_eq!(
            last_notice(&notices).map(|n| n.date),
            Some(day("2024-05-10"))
        );
        assert_eq!(last_notice(&[]), None);
    }
}
