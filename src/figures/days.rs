//! Dates and how far the due date is.

use chrono::NaiveDate;

use super::assumed::Shown;
use crate::model::{Lang, Marked};

/// A date as every view and report writes it: `2024-12-31`.
pub fn date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date worked out from or standing for an assumed one: `2025-06-30*`.
pub fn marked_date(date: Marked<NaiveDate>) -> Shown {
    Shown::of(date, self::date)
}

/// How far the due date is, in running text: "181 days left" / "剩余181天",
/// or how long ago it was due; marked when the due date is assumed.
pub fn days_left(days: Marked<i64>, lang: Lang) -> Shown {
    Shown::of(days, |days| days_left_words(days, lang))
}

fn days_left_words(days: i64, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Zh, 0) => "今日到期".to_owned(),
        (Lang::Zh, d) if d > 0 => format!("剩余{d}天"),
        (Lang::Zh, d) => format!("逾期{}天", -d),
        (Lang::En, 0) => "due today".to_owned(),
        (Lang::En, 1) => "1 day left".to_owned(),
        (Lang::En, d) if d > 0 => format!("{d} days left"),
        (Lang::En, -1) => "1 day past due".to_owned(),
        (Lang::En, d) => format!("{} days past due", -d),
    }
}

/// Days left in a list's narrow column: "181d" / "181天", "-3d" when late;
/// "0d*" when the due date is assumed.
pub fn days_short(days: Marked<i64>, lang: Lang) -> Shown {
    Shown::of(days, |days| match lang {
        Lang::Zh => format!("{days}天"),
        Lang::En => format!("{days}d"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days_left(days: i64, lang: Lang) -> String {
        super::days_left(Marked::new(days, false), lang).to_string()
    }

    fn days_short(days: i64, lang: Lang) -> String {
        super::days_short(Marked::new(days, false), lang).to_string()
    }

    #[test]
    fn days_counted_to_an_assumed_due_carry_the_mark() {
        let due = Marked::new(181, true);
        assert_eq!(
            super::days_left(due, Lang::En).to_string(),
            "181 days left*"
        );
        assert_eq!(super::days_short(due, Lang::Zh).to_string(), "181天*");
        let day = Marked::new(NaiveDate::from_ymd_opt(2027, 5, 29).expect("a date"), true);
        assert_eq!(marked_date(day).to_string(), "2027-05-29*");
    }

    #[test]
    fn days_left_reads_naturally() {
        assert_eq!(days_left(181, Lang::Zh), "剩余181天");
        assert_eq!(days_left(181, Lang::En), "181 days left");
        assert_eq!(days_left(-3, Lang::En), "3 days past due");
        assert_eq!(days_left(-3, Lang::Zh), "逾期3天");
        assert_eq!(days_left(1, Lang::En), "1 day left");
        assert_eq!(days_left(-1, Lang::En), "1 day past due");
        assert_eq!(days_left(0, Lang::Zh), "今日到期");
        assert_eq!(days_left(0, Lang::En), "due today");
    }

    #[test]
    fn days_short_keeps_the_sign() {
        assert_eq!(days_short(181, Lang::En), "181d");
        assert_eq!(days_short(-3, Lang::Zh), "-3天");
    }

    #[test]
    fn dates_are_iso() {
        let day = NaiveDate::from_ymd_opt(2024, 2, 9).expect("a date");
        assert_eq!(date(day), "2024-02-09");
    }
}
