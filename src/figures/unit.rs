//! A number with its unit, one rule for every figure.

use std::borrow::Cow;

use super::number::number;
use crate::model::Lang;

/// `value` with its unit: in Chinese a measure word joins the number
/// (`110个`, `23.65万人`); `%` and `‰` join it in any language (`94%`);
/// other units follow a space (`110 outfalls`, `31 μg/m³`), in the singular
/// after exactly one (`1 firm`). No unit: the value alone.
pub fn with_unit(value: f64, unit: Option<&str>, lang: Lang) -> String {
    joined_unit(number(value, lang), value, unit, lang)
}

/// [`with_unit`] for a value already written out (`110*` when it carries
/// the assumed marker): `shown` is `value` as the reader sees it.
pub fn joined_unit(shown: String, value: f64, unit: Option<&str>, lang: Lang) -> String {
    match unit.map(str::trim).filter(|unit| !unit.is_empty()) {
        None => shown,
        Some(unit @ ("%" | "‰")) => format!("{shown}{unit}"),
        Some(unit) if lang == Lang::Zh && is_cjk_word(unit) => format!("{shown}{unit}"),
        Some(unit) => format!("{shown} {}", unit_for(value, unit, lang)),
    }
}

/// A unit as it reads after `amount`: in English, exactly one takes the
/// singular (`1 firm`, `1 person`, `1 water body`, `1 case`); any other
/// amount, and every Chinese unit, reads as the file writes it. The last
/// word is the one counted (`data points` → `data point`); a word that does
/// not read as an English plural (`km`, `μg/m³`, `gas`, `status`) is left.
pub fn unit_for(amount: f64, unit: &str, lang: Lang) -> Cow<'_, str> {
    if lang != Lang::En || amount != 1.0 {
        return Cow::Borrowed(unit);
    }
    let (before, last) = unit.rsplit_once(' ').unwrap_or(("", unit));
    match singular(last) {
        Some(one) if before.is_empty() => one,
        Some(one) => Cow::Owned(format!("{before} {one}")),
        None => Cow::Borrowed(unit),
    }
}

/// The singular of an English plural noun, `None` when `word` is not one.
/// The rules cover the units bureaus count in; a word they would get wrong
/// and that a unit might be is listed as having no plural.
fn singular(word: &str) -> Option<Cow<'_, str>> {
    // Short words and symbols (`ms`, `kg`, `m³`) are abbreviations.
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    match word {
        "people" => return Some(Cow::Borrowed("person")),
        "series" | "species" | "gas" | "news" | "means" => return None,
        _ => {}
    }
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return None;
    }
    // bodies → body, but ties → tie.
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() >= 2
    {
        return Some(Cow::Owned(format!("{stem}y")));
    }
    // boxes, batches, wishes, classes; cases and notices drop only the s.
    if let Some(stem) = word.strip_suffix("es")
        && ["x", "z", "ch", "sh", "ss"]
            .iter()
            .any(|end| stem.ends_with(end))
    {
        return Some(Cow::Borrowed(stem));
    }
    word.strip_suffix('s').map(Cow::Borrowed)
}

/// Whether `unit` is written in CJK characters (a measure word such as 个),
/// which Chinese sets against the number without a space.
fn is_cjk_word(unit: &str) -> bool {
    unit.chars().all(|c| {
        matches!(c as u32,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_measure_words_join_the_number() {
        assert_eq!(with_unit(113.0, Some("个"), Lang::Zh), "113个");
        assert_eq!(with_unit(113.0, Some("个"), Lang::En), "113 个");
        assert_eq!(with_unit(113.0, Some("outfalls"), Lang::En), "113 outfalls");
        assert_eq!(with_unit(113.0, Some("outfalls"), Lang::Zh), "113 outfalls");
        assert_eq!(with_unit(236500.0, Some("人"), Lang::Zh), "23.65万人");
        assert_eq!(
            with_unit(236500.0, Some("people"), Lang::En),
            "236,500 people"
        );
    }

    #[test]
    fn percent_signs_join_and_symbols_stand_apart() {
        assert_eq!(with_unit(31.0, Some("μg/m³"), Lang::Zh), "31 μg/m³");
        assert_eq!(with_unit(94.0, Some("%"), Lang::En), "94%");
        assert_eq!(with_unit(3.0, Some("‰"), Lang::Zh), "3‰");
        assert_eq!(with_unit(7.0, None, Lang::En), "7");
        assert_eq!(with_unit(7.0, Some(" "), Lang::En), "7");
    }

    #[test]
    fn one_of_a_unit_is_singular_in_english() {
        assert_eq!(with_unit(1.0, Some("firms"), Lang::En), "1 firm");
        assert_eq!(with_unit(1.0, Some("people"), Lang::En), "1 person");
        assert_eq!(
            with_unit(1.0, Some("water bodies"), Lang::En),
            "1 water body"
        );
        assert_eq!(
            with_unit(1.0, Some("data points"), Lang::En),
            "1 data point"
        );
        assert_eq!(with_unit(1.0, Some("%"), Lang::En), "1%");
        assert_eq!(with_unit(1.0, Some("μg/m³"), Lang::En), "1 μg/m³");
        // Not exactly one, or not English: as the file writes it.
        assert_eq!(with_unit(0.0, Some("firms"), Lang::En), "0 firms");
        assert_eq!(with_unit(1.5, Some("firms"), Lang::En), "1.5 firms");
        assert_eq!(with_unit(1.0, Some("家"), Lang::Zh), "1家");
        assert_eq!(with_unit(1.0, Some("firms"), Lang::Zh), "1 firms");
    }

    #[test]
    fn every_unit_of_the_shipped_file_has_its_singular() {
        let units = [
            ("approvals", "approval"),
            ("cases", "case"),
            ("data points", "data point"),
            ("labels", "label"),
            ("opinions", "opinion"),
            ("outfalls", "outfall"),
            ("plots", "plot"),
            ("problems", "problem"),
            ("projects", "project"),
            ("teams", "team"),
            ("villages", "village"),
            ("people", "person"),
            ("complaints", "complaint"),
            ("certificates", "certificate"),
            ("notices", "notice"),
            ("brochures", "brochure"),
            ("stations", "station"),
            ("firms", "firm"),
            ("shops", "shop"),
            ("visits", "visit"),
            ("manifests", "manifest"),
            ("water bodies", "water body"),
            ("alerts", "alert"),
            ("events", "event"),
            ("issues", "issue"),
            ("lines", "line"),
            ("tasks", "task"),
        ];
        for (plural, one) in units {
            assert_eq!(unit_for(1.0, plural, Lang::En), one, "{plural}");
            assert_eq!(unit_for(2.0, plural, Lang::En), plural, "{plural}");
        }
    }

    #[test]
    fn words_that_are_not_plurals_are_left() {
        for unit in [
            "km", "ms", "t", "kWh", "gas", "status", "analysis", "glass", "series",
        ] {
            assert_eq!(unit_for(1.0, unit, Lang::En), unit, "{unit}");
        }
        assert_eq!(unit_for(1.0, "boxes", Lang::En), "box");
        assert_eq!(unit_for(1.0, "batches", Lang::En), "batch");
        assert_eq!(unit_for(1.0, "ties", Lang::En), "tie");
        assert_eq!(unit_for(1.0, "VOCs", Lang::En), "VOC");
    }
}
