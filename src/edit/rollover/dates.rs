//! Dates moved into the new year, written back in place.

use chrono::{Datelike, NaiveDate};
use toml_edit::{Date, Datetime, Item, Table, Value};

/// The first day of `year`.
pub fn new_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// `date` in `year`, same month and day (29 February becomes the 28th).
pub fn in_year(date: NaiveDate, year: i32) -> NaiveDate {
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

/// `date` moved into `year` when it lies before it; a later date stays.
pub fn moved_into(date: NaiveDate, year: i32) -> NaiveDate {
    if date < new_year(year) {
        in_year(date, year)
    } else {
        date
    }
}

/// The bare TOML date `key` of `table`, if it is one.
pub fn read(table: &Table, key: &str) -> Option<NaiveDate> {
    let date = table.get(key)?.as_value()?.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(i32::from(date.year), date.month.into(), date.day.into())
}

/// Writes `date` at `key`, keeping the comment and spacing around the old
/// value; a new key goes at the end of the table.
pub fn write(table: &mut Table, key: &str, date: NaiveDate) {
    let Ok(year) = u16::try_from(date.year()) else {
        return;
    };
    let datetime = Datetime {
        date: Some(Date {
            year,
            month: date.month() as u8,
            day: date.day() as u8,
        }),
        time: None,
        offset: None,
    };
    set_keeping_decor(table, key, Value::from(datetime));
}

/// Puts `value` at `key`; an old value's decor (the spaces before it and a
/// trailing `# comment`) is carried over, since a new value has none.
/// The key itself is kept, with the comment lines above it.
pub fn set_keeping_decor(table: &mut Table, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_date_before_the_year_moves_into_it_and_a_later_one_stays() {
        assert_eq!(moved_into(date("2024-06-30"), 2025), date("2025-06-30"));
        assert_eq!(moved_into(date("2024-02-29"), 2025), date("2025-02-28"));
        assert_eq!(moved_into(date("2016-01-01"), 2025), date("2025-01-01"));
        assert_eq!(moved_into(date("2027-12-31"), 2025), date("2027-12-31"));
    }

    #[test]
    fn a_written_date_keeps_its_comments() {
        let text = "# when it ends\ndue = 2024-12-31   # illustrative\n";
        let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
        write(doc.as_table_mut(), "due", date("2025-12-31"));
        assert_eq!(doc.to_string(), text.replace("2024", "2025"));
        assert_eq!(read(doc.as_table(), "due"), Some(date("2025-12-31")));
    }
}
