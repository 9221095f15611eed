//! An indicator's figures: its level, its value and target with the unit,
//! and both on one line. Never an inequality between value and target,
//! which reads as a claim (`94% ≥ 95%` is false): the target is said as
//! one, `94% (target ≥ 95%)`. Water classes in Chinese are the bureau's
//! `Ⅱ类` and `劣Ⅴ类`; in English `II` and `worse than V`.

use super::approx::approx_number;
use super::assumed::{Shown, mark};
use super::number::number;
use super::unit::{joined_unit, with_unit};
use crate::model::{Better, Field, Indicator, Lang, Level, WaterClass};

/// An indicator's level: a number (`31`, `23.65万`), or a water class as a
/// figure reads it ([`water_class`]).
pub fn level(level: Level, lang: Lang, ascii: bool) -> String {
    match level {
        Level::Number(value) => number(value, lang),
        Level::WaterClass(class) => water_class(class, lang, ascii).to_owned(),
    }
}

/// A water class as a figure reads it: zh `Ⅱ类`, `劣Ⅴ类` (ASCII numerals
/// `II类`, `劣V类` in ASCII mode); en `II`, `worse than V`.
pub fn water_class(class: WaterClass, lang: Lang, ascii: bool) -> &'static str {
    match (lang, ascii, class) {
        (Lang::En, _, WaterClass::WorseThanV) => "worse than V",
        (Lang::En, _, class) => class.as_str(),
        (Lang::Zh, false, WaterClass::I) => "Ⅰ类",
        (Lang::Zh, false, WaterClass::II) => "Ⅱ类",
        (Lang::Zh, false, WaterClass::III) => "Ⅲ类",
        (Lang::Zh, false, WaterClass::IV) => "Ⅳ类",
        (Lang::Zh, false, WaterClass::V) => "Ⅴ类",
        (Lang::Zh, false, WaterClass::WorseThanV) => "劣Ⅴ类",
        (Lang::Zh, true, WaterClass::I) => "I类",
        (Lang::Zh, true, WaterClass::II) => "II类",
        (Lang::Zh, true, WaterClass::III) => "III类",
        (Lang::Zh, true, WaterClass::IV) => "IV类",
        (Lang::Zh, true, WaterClass::V) => "V类",
        (Lang::Zh, true, WaterClass::WorseThanV) => "劣V类",
    }
}

/// A water class as a step of the scale I … 劣V, in at most four columns:
/// zh `Ⅱ`, `劣Ⅴ` (`II`, `劣V` in ASCII mode); en `II`, `>V`.
pub fn class_numeral(class: WaterClass, lang: Lang, ascii: bool) -> &'static str {
    match (lang, ascii, class) {
        (Lang::En, _, WaterClass::WorseThanV) => ">V",
        (_, true, class) | (Lang::En, false, class) => class.as_str(),
        (Lang::Zh, false, WaterClass::I) => "Ⅰ",
        (Lang::Zh, false, WaterClass::II) => "Ⅱ",
        (Lang::Zh, false, WaterClass::III) => "Ⅲ",
        (Lang::Zh, false, WaterClass::IV) => "Ⅳ",
        (Lang::Zh, false, WaterClass::V) => "Ⅴ",
        (Lang::Zh, false, WaterClass::WorseThanV) => "劣Ⅴ",
    }
}

/// An indicator's value with its unit: `31 μg/m³`, `94%`, `Ⅳ类`; a
/// lower bound with its sign, `40+ μg/m³`, `40余 μg/m³`.
pub fn indicator_value(indicator: &Indicator, lang: Lang, ascii: bool) -> String {
    match indicator.value {
        Level::Number(value) => joined_unit(
            approx_number(value, &indicator.qualifiers, lang),
            value,
            unit(indicator, lang),
            lang,
        ),
        Level::WaterClass(_) => level_with_unit(indicator, indicator.value, lang, ascii),
    }
}

/// An indicator's target as a target reads, with its unit: `≤ 35 μg/m³`,
/// `≥ 95%`; a class is met by it or a better one: en `III or better`, zh
/// `达到或优于Ⅲ类`; marked when the target is assumed. `None` without a target.
pub fn indicator_target(indicator: &Indicator, lang: Lang, ascii: bool) -> Option<Shown> {
    let target = indicator.target?;
    let assumed = indicator.assumed.contains(Field::Target);
    Some(Shown::new(
        target_words(indicator, target, lang, ascii),
        assumed,
    ))
}

/// [`indicator_value`] marked when the value is assumed.
pub fn marked_indicator_value(indicator: &Indicator, lang: Lang, ascii: bool) -> Shown {
    let assumed = indicator.assumed.contains(Field::Value);
    Shown::new(indicator_value(indicator, lang, ascii), assumed)
}

fn target_words(indicator: &Indicator, target: Level, lang: Lang, ascii: bool) -> String {
    match target {
        Level::WaterClass(class) => class_target(class, lang, ascii),
        Level::Number(_) => format!(
            "{} {}",
            comparison(indicator, ascii),
            level_with_unit(indicator, target, lang, ascii)
        ),
    }
}

/// Value and target on one line, for a list row or a card: en `94%
/// (target ≥ 95%)`, `31 μg/m³ (target ≤ 35)`, `worse than V (target II or
/// better)`; zh `94%（目标 ≥ 95%）`, `劣Ⅴ类（目标达到或优于Ⅱ类）`. The value
/// alone without a target. The unit is said once, except that a percent
/// reads as one with its sign.
pub fn indicator_figure(indicator: &Indicator, lang: Lang, ascii: bool) -> String {
    figure_with_marks(indicator, lang, ascii, ("", ""))
}

/// [`indicator_figure`] as the screen shows it: a value or target the
/// source does not give carries the assumed marker, `94%（目标 ≥ 95%*）`.
pub fn marked_indicator_figure(indicator: &Indicator, lang: Lang, ascii: bool) -> String {
    let marks = (
        mark(indicator.assumed.contains(Field::Value)),
        mark(indicator.assumed.contains(Field::Target)),
    );
    figure_with_marks(indicator, lang, ascii, marks)
}

fn figure_with_marks(
    indicator: &Indicator,
    lang: Lang,
    ascii: bool,
    (value_mark, target_mark): (&str, &str),
) -> String {
    let value = format!("{}{value_mark}", indicator_value(indicator, lang, ascii));
    let Some(target) = indicator.target else {
        return value;
    };
    let target = match target {
        Level::WaterClass(class) => class_target(class, lang, ascii),
        Level::Number(_) => {
            let level = match unit(indicator, lang) {
                Some("%" | "‰") => level_with_unit(indicator, target, lang, ascii),
                _ => level(target, lang, ascii),
            };
            format!("{} {level}", comparison(indicator, ascii))
        }
    };
    match lang {
        Lang::En => format!("{value} (target {target}{target_mark})"),
        // A comparison sign stands apart from 目标, words join it.
        Lang::Zh if matches!(indicator.target, Some(Level::Number(_))) => {
            format!("{value}（目标 {target}{target_mark}）")
        }
        Lang::Zh => format!("{value}（目标{target}{target_mark}）"),
    }
}

/// A class target in words: met by that class or a better one. Every class
/// meets 劣V, so that target says so rather than "worse than V or better".
fn class_target(class: WaterClass, lang: Lang, ascii: bool) -> String {
    let name = water_class(class, lang, ascii);
    match (lang, class) {
        (Lang::En, WaterClass::WorseThanV) => "any class".to_owned(),
        (Lang::Zh, WaterClass::WorseThanV) => "任意类别".to_owned(),
        (Lang::En, _) => format!("{name} or better"),
        (Lang::Zh, _) => format!("达到或优于{name}"),
    }
}

fn level_with_unit(indicator: &Indicator, at: Level, lang: Lang, ascii: bool) -> String {
    match at {
        Level::Number(value) => with_unit(value, unit(indicator, lang), lang),
        Level::WaterClass(_) => level(at, lang, ascii),
    }
}

/// `≤` or `≥` as a numeric target is read, in the direction `better`.
fn comparison(indicator: &Indicator, ascii: bool) -> &'static str {
    indicator.better.unwrap_or(Better::Lower).comparison(ascii)
}

fn unit(indicator: &Indicator, lang: Lang) -> Option<&str> {
    indicator
        .unit
        .as_ref()
        .map(|unit| unit.get(lang).trim())
        .filter(|unit| !unit.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Scale, SourceLine, Text};

    fn indicator(unit: Option<&str>, value: Level, target: Option<Level>) -> Indicator {
        let text = Text::from;
        Indicator {
            id: "i".to_owned(),
            name: text("I"),
            unit: unit.map(text),
            scale: match value {
                Level::Number(_) => Scale::Number,
                Level::WaterClass(_) => Scale::WaterClass,
            },
            value,
            qualifiers: Default::default(),
            target,
            better: Some(Better::Higher),
            lead: None,
            note: None,
            history: Vec::new(),
            parts: Vec::new(),
            assumed: crate::model::Assumed::NONE,
            line: SourceLine(1),
            notices: Vec::new(),
        }
    }

    #[test]
    fn numbers_carry_their_unit() {
        let pm = indicator(
            Some("μg/m³"),
            Level::Number(31.0),
            Some(Level::Number(35.0)),
        );
        assert_eq!(indicator_value(&pm, Lang::En, false), "31 μg/m³");
        assert_eq!(
            indicator_target(&pm, Lang::En, false)
                .map(|t| t.to_string())
                .as_deref(),
            Some("≥ 35 μg/m³")
        );
        assert_eq!(
            indicator_target(&pm, Lang::En, true)
                .map(|t| t.to_string())
                .as_deref(),
            Some(">= 35 μg/m³")
        );
        assert_eq!(
            indicator_figure(&pm, Lang::En, false),
            "31 μg/m³ (target ≥ 35)"
        );
        assert_eq!(
            indicator_figure(&pm, Lang::Zh, false),
            "31 μg/m³（目标 ≥ 35）"
        );
        assert_eq!(
            indicator_figure(&pm, Lang::En, true),
            "31 μg/m³ (target >= 35)"
        );
    }

    #[test]
    fn the_screen_marks_an_assumed_value_or_target_where_it_stands() {
        let mut share = indicator(Some("%"), Level::Number(94.0), Some(Level::Number(95.0)));
        assert_eq!(
            marked_indicator_figure(&share, Lang::Zh, false),
            "94%（目标 ≥ 95%）"
        );
        share.assumed = crate::model::Assumed::of(&[Field::Target]);
        assert_eq!(
            marked_indicator_figure(&share, Lang::Zh, false),
            "94%（目标 ≥ 95%*）"
        );
        assert_eq!(
            marked_indicator_figure(&share, Lang::En, false),
            "94% (target ≥ 95%*)"
        );
        share.assumed = crate::model::Assumed::of(&[Field::Value]);
        assert_eq!(
            marked_indicator_figure(&share, Lang::En, false),
            "94%* (target ≥ 95%)"
        );
        share.assumed = crate::model::Assumed::of(&[Field::Target]);
        let target = indicator_target(&share, Lang::En, false).expect("a target");
        assert_eq!(target.to_string(), "≥ 95%*");
        assert_eq!(target.marked_with("\\*"), "≥ 95%\\*");
        share.assumed = crate::model::Assumed::of(&[Field::Value]);
        assert_eq!(
            marked_indicator_value(&share, Lang::En, false).to_string(),
            "94%*"
        );
        // Reports mark with their own marker: the plain figure has none.
        assert_eq!(
            indicator_figure(&share, Lang::En, false),
            "94% (target ≥ 95%)"
        );
    }

    #[test]
    fn a_value_against_its_target_is_never_an_inequality() {
        let share = indicator(Some("%"), Level::Number(94.0), Some(Level::Number(95.0)));
        assert_eq!(indicator_value(&share, Lang::Zh, false), "94%");
        assert_eq!(
            indicator_figure(&share, Lang::En, false),
            "94% (target ≥ 95%)"
        );
        assert_eq!(
            indicator_figure(&share, Lang::Zh, false),
            "94%（目标 ≥ 95%）"
        );
        assert_eq!(
            indicator_figure(&share, Lang::En, true),
            "94% (target >= 95%)"
        );
        assert_eq!(
            indicator_figure(&share, Lang::Zh, true),
            "94%（目标 >= 95%）"
        );
    }

    #[test]
    fn a_class_target_is_met_by_that_class_or_a_better_one() {
        let class = indicator(
            None,
            Level::WaterClass(WaterClass::WorseThanV),
            Some(Level::WaterClass(WaterClass::II)),
        );
        assert_eq!(indicator_value(&class, Lang::Zh, false), "劣Ⅴ类");
        assert_eq!(indicator_value(&class, Lang::Zh, true), "劣V类");
        assert_eq!(indicator_value(&class, Lang::En, false), "worse than V");
        assert_eq!(
            indicator_target(&class, Lang::En, false)
                .map(|t| t.to_string())
                .as_deref(),
            Some("II or better")
        );
        assert_eq!(
            indicator_target(&class, Lang::Zh, false)
                .map(|t| t.to_string())
                .as_deref(),
            Some("达到或优于Ⅱ类")
        );
        assert_eq!(
            indicator_figure(&class, Lang::En, false),
            "worse than V (target II or better)"
        );
        assert_eq!(
            indicator_figure(&class, Lang::En, true),
            "worse than V (target II or better)"
        );
        assert_eq!(
            indicator_figure(&class, Lang::Zh, false),
            "劣Ⅴ类（目标达到或优于Ⅱ类）"
        );
        assert_eq!(
            indicator_figure(&class, Lang::Zh, true),
            "劣V类（目标达到或优于II类）"
        );
    }

    #[test]
    fn every_class_meets_a_worse_than_v_target() {
        let class = indicator(
            None,
            Level::WaterClass(WaterClass::III),
            Some(Level::WaterClass(WaterClass::WorseThanV)),
        );
        assert_eq!(
            indicator_figure(&class, Lang::En, false),
            "III (target any class)"
        );
        assert_eq!(
            indicator_figure(&class, Lang::Zh, false),
            "Ⅲ类（目标任意类别）"
        );
    }

    #[test]
    fn the_class_scale_names_fit_four_columns() {
        for lang in [Lang::Zh, Lang::En] {
            for ascii in [false, true] {
                for class in WaterClass::ALL {
                    let name = class_numeral(class, lang, ascii);
                    assert!(crate::text::width(name) <= 4, "{name}");
                    // ASCII mode keeps ASCII numerals; only the word 劣 stays.
                    if ascii {
                        let worse_in_zh = lang == Lang::Zh && class == WaterClass::WorseThanV;
                        assert_eq!(!name.is_ascii(), worse_in_zh, "{name}");
                    }
                }
            }
        }
        assert_eq!(class_numeral(WaterClass::II, Lang::Zh, false), "Ⅱ");
        assert_eq!(
            class_numeral(WaterClass::WorseThanV, Lang::Zh, false),
            "劣Ⅴ"
        );
        assert_eq!(class_numeral(WaterClass::WorseThanV, Lang::En, false), ">V");
        assert_eq!(class_numeral(WaterClass::IV, Lang::Zh, true), "IV");
    }

    #[test]
    fn large_values_are_grouped_for_the_reader() {
        let audience = indicator(
            Some("人"),
            Level::Number(236500.0),
            Some(Level::Number(200000.0)),
        );
        assert_eq!(indicator_value(&audience, Lang::Zh, false), "23.65万人");
        assert_eq!(
            indicator_figure(&audience, Lang::Zh, false),
            "23.65万人（目标 ≥ 20万）"
        );
        assert_eq!(
            indicator_figure(&audience, Lang::En, false),
            "236,500 人 (target ≥ 200,000)"
        );
    }

    #[test]
    fn without_a_target_the_value_stands_alone() {
        let count = indicator(Some("个"), Level::Number(12.0), None);
        assert_eq!(indicator_target(&count, Lang::Zh, false), None);
        assert_eq!(indicator_figure(&count, Lang::Zh, false), "12个");
        assert_eq!(indicator_figure(&count, Lang::En, false), "12 个");
        let one = indicator(Some("stations"), Level::Number(1.0), None);
        assert_eq!(indicator_figure(&one, Lang::En, false), "1 station");
    }
}
