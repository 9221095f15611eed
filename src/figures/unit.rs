//! A number with its unit, one rule for every figure.

use crate::model::Lang;

/// `value` with its unit: in Chinese a measure word joins the number
/// (`110个`); `%` and `‰` join it in any language (`94%`); other units
/// follow a space (`110 outfalls`, `31 μg/m³`). No unit: the value alone.
pub fn with_unit(value: &str, unit: Option<&str>, lang: Lang) -> String {
    match unit.map(str::trim).filter(|unit| !unit.is_empty()) {
        None => value.to_owned(),
        Some(unit @ ("%" | "‰")) => format!("{value}{unit}"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_measure_words_join_the_number() {
        assert_eq!(with_unit("113", Some("个"), Lang::Zh), "113个");
        assert_eq!(with_unit("113", Some("个"), Lang::En), "113 个");
        assert_eq!(with_unit("113", Some("outfalls"), Lang::En), "113 outfalls");
        assert_eq!(with_unit("113", Some("outfalls"), Lang::Zh), "113 outfalls");
    }

    #[test]
    fn percent_signs_join_and_symbols_stand_apart() {
        assert_eq!(with_unit("31", Some("μg/m³"), Lang::Zh), "31 μg/m³");
        assert_eq!(with_unit("94", Some("%"), Lang::En), "94%");
        assert_eq!(with_unit("3", Some("‰"), Lang::Zh), "3‰");
        assert_eq!(with_unit("7", None, Lang::En), "7");
        assert_eq!(with_unit("7", Some(" "), Lang::En), "7");
    }
}
