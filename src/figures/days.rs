//! Dates and how far the due date is.

use chrono::NaiveDate;

use crate::model::Lang;

/// A date as every view and report writes it: `2024-12-31`.
pub fn date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// How far the due date is, in running text: "181 days left" / "剩余181天",
/// or how long ago it was due.
pub fn days_left(days: i64, lang: Lang) -> String {
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

/// Days left in a list's narrow column: "181d" / "181天", "-3d" when late.
pub fn days_short(days: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{days}天"),
        Lang::En => format!("{days}d"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
