//! How figures read in the human formats: integers without decimals, short
//! decimals otherwise, whole percentages, units in the reader's language.

use crate::model::{Indicator, Lang, Level, Task, TaskSchedule};

/// A number as a person writes it: `110`, `41.41`, `0.5`, `-3`.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{value:.0}");
    }
    let shortest = value.to_string();
    if shortest.len() <= 8 {
        return shortest;
    }
    let rounded = format!("{value:.2}");
    let trimmed = rounded.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "0" || trimmed == "-0" {
        shortest
    } else {
        trimmed.to_owned()
    }
}

/// Text from the file on one line: line breaks become spaces and anything
/// unsafe for a terminal (the loader already removes it) a visible U+FFFD.
pub fn one_line(text: &str) -> String {
    crate::text::sanitize_line(&text.trim().replace("\r\n", " ").replace('\n', " "))
}

/// A number for machines (CSV): integers without decimals, others in full.
pub fn exact(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// A fraction as a whole percentage. Rounds to the nearest percent, except
/// that an unfinished task never reads `100%`.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_owned();
    }
    let mut whole = (fraction * 100.0).round();
    if whole >= 100.0 && fraction < 1.0 {
        whole = 99.0;
    }
    format!("{whole:.0}%")
}

/// An indicator's level: a number, or a water class such as `II`.
pub fn level(level: Level) -> String {
    match level {
        Level::Number(value) => number(value),
        Level::WaterClass(class) => class.as_str().to_owned(),
    }
}

/// `value` followed by its unit: `110个` in Chinese, `110 outfalls` in English.
/// Units that are symbols (`μg/m³`, `%`) read with a space, or none for `%`.
pub fn with_unit(value: &str, unit: Option<&str>, lang: Lang) -> String {
    match unit.map(str::trim).filter(|unit| !unit.is_empty()) {
        None => value.to_owned(),
        Some("%") => format!("{value}%"),
        Some(unit) if lang == Lang::Zh && is_cjk_word(unit) => format!("{value}{unit}"),
        Some(unit) => format!("{value} {unit}"),
    }
}

/// Whether `unit` is written in CJK characters (a measure word such as 个),
/// which Chinese sets against the number without a space.
fn is_cjk_word(unit: &str) -> bool {
    unit.chars().all(|c| {
        matches!(c as u32,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
    })
}

/// A task's unit in the reader's language.
pub fn task_unit(task: &Task, lang: Lang) -> Option<&str> {
    task.unit.as_ref().map(|unit| unit.get(lang))
}

/// A task's figures for a table cell: `110/113 个`, or the count alone
/// (`7 次`) for a task without a total. The unit stands apart from the
/// fraction in both languages.
pub fn task_figures(task: &Task, lang: Lang) -> String {
    let figures = match task.total {
        Some(total) => format!("{}/{}", number(task.done), number(total)),
        None => number(task.done),
    };
    match task_unit(task, lang)
        .map(str::trim)
        .filter(|unit| !unit.is_empty())
    {
        Some(unit) => format!("{figures} {unit}"),
        None => figures,
    }
}

/// A task's completion as a percentage; empty for a plain count.
pub fn task_percent(schedule: &TaskSchedule) -> String {
    schedule.fraction.map(percent).unwrap_or_default()
}

/// An indicator's value with its unit: `31 μg/m³`, `II`.
pub fn indicator_value(indicator: &Indicator, lang: Lang) -> String {
    let unit = indicator_unit(indicator, lang);
    match indicator.value {
        Level::Number(_) => with_unit(&level(indicator.value), unit, lang),
        Level::WaterClass(_) => level(indicator.value),
    }
}

/// An indicator's target: `≤ 35 μg/m³`, `II`; `None` without a target.
pub fn indicator_target(indicator: &Indicator, lang: Lang, ascii: bool) -> Option<String> {
    let target = indicator.target?;
    let unit = indicator_unit(indicator, lang);
    Some(match (target, indicator.better) {
        (Level::Number(_), Some(better)) => format!(
            "{} {}",
            better.comparison(ascii),
            with_unit(&level(target), unit, lang)
        ),
        (Level::Number(_), None) => with_unit(&level(target), unit, lang),
        // A class target is met by that class or a better one.
        (Level::WaterClass(_), _) => level(target),
    })
}

fn indicator_unit(indicator: &Indicator, lang: Lang) -> Option<&str> {
    indicator.unit.as_ref().map(|unit| unit.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_have_no_decimals() {
        assert_eq!(number(110.0), "110");
        assert_eq!(number(-12.0), "-12");
        assert_eq!(number(0.0), "0");
        assert_eq!(number(300000.0), "300000");
    }

    #[test]
    fn decimals_stay_short() {
        assert_eq!(number(41.41), "41.41");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(2.0 / 3.0), "0.67");
        assert_eq!(number(0.000123), "0.000123");
    }

    #[test]
    fn percentages_are_whole_and_never_claim_done_early() {
        assert_eq!(percent(110.0 / 113.0), "97%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.999), "99%");
        assert_eq!(percent(1.2), "120%");
    }

    #[test]
    fn chinese_measure_words_join_the_number() {
        assert_eq!(with_unit("113", Some("个"), Lang::Zh), "113个");
        assert_eq!(with_unit("113", Some("outfalls"), Lang::En), "113 outfalls");
        assert_eq!(with_unit("31", Some("μg/m³"), Lang::Zh), "31 μg/m³");
        assert_eq!(with_unit("94", Some("%"), Lang::En), "94%");
        assert_eq!(with_unit("7", None, Lang::En), "7");
    }
}
