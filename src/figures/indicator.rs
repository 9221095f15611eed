//! An indicator's figures: its level, its value and target with the unit,
//! and both on one line. The screen's list and the reports still word the
//! target differently (another issue settles on one); both come from here.

use super::number::number;
use super::unit::with_unit;
use crate::model::{Better, Indicator, Lang, Level, WaterClass};

/// An indicator's level: a number (`31`), or a water class (`II`; `>V` for
/// 劣V in ASCII).
pub fn level(level: Level, ascii: bool) -> String {
    match level {
        Level::Number(value) => number(value),
        Level::WaterClass(class) => water_class(class, ascii).to_owned(),
    }
}

/// A water class by its name: `II`; `>V` for 劣V in ASCII.
pub fn water_class(class: WaterClass, ascii: bool) -> &'static str {
    match (class, ascii) {
        (WaterClass::WorseThanV, true) => ">V",
        (class, _) => class.as_str(),
    }
}

/// An indicator's value with its unit: `31 μg/m³`, `94%`, `IV`.
pub fn indicator_value(indicator: &Indicator, lang: Lang, ascii: bool) -> String {
    level_with_unit(indicator, indicator.value, lang, ascii)
}

/// An indicator's target with its comparison and unit: `≤ 35 μg/m³`,
/// `≥ 95%`, `≤ III`; `None` without a target.
pub fn indicator_target(indicator: &Indicator, lang: Lang, ascii: bool) -> Option<String> {
    let target = indicator.target?;
    Some(format!(
        "{} {}",
        comparison(indicator, ascii),
        level_with_unit(indicator, target, lang, ascii)
    ))
}

/// Value against target on one line, for a list row or a card: `31 μg/m³
/// ≤ 35`, `94% ≥ 95%`, `IV ≤ III`; the value alone without a target. The
/// unit is said once, except that a percent reads as one with its sign.
pub fn indicator_figure(indicator: &Indicator, lang: Lang, ascii: bool) -> String {
    let value = indicator_value(indicator, lang, ascii);
    let Some(target) = indicator.target else {
        return value;
    };
    let unit = unit(indicator, lang);
    let target = match target {
        Level::Number(_) if matches!(unit, Some("%" | "‰")) => {
            level_with_unit(indicator, target, lang, ascii)
        }
        _ => level(target, ascii),
    };
    format!("{value} {} {target}", comparison(indicator, ascii))
}

fn level_with_unit(indicator: &Indicator, at: Level, lang: Lang, ascii: bool) -> String {
    match at {
        Level::Number(_) => with_unit(&level(at, ascii), unit(indicator, lang), lang),
        Level::WaterClass(_) => level(at, ascii),
    }
}

/// `≤` or `≥` as the target is read. A water class meets its target at the
/// same class or a better (lower) one, whatever `better` says.
fn comparison(indicator: &Indicator, ascii: bool) -> &'static str {
    let better = match indicator.target {
        Some(Level::WaterClass(_)) => Better::Lower,
        _ => indicator.better.unwrap_or(Better::Lower),
    };
    better.comparison(ascii)
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
            target,
            better: Some(Better::Higher),
            lead: None,
            note: None,
            history: Vec::new(),
            assumed: crate::model::Assumed::NONE,
            line: SourceLine(1),
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
            indicator_target(&pm, Lang::En, false).as_deref(),
            Some("≥ 35 μg/m³")
        );
        assert_eq!(
            indicator_target(&pm, Lang::En, true).as_deref(),
            Some(">= 35 μg/m³")
        );
        assert_eq!(indicator_figure(&pm, Lang::En, false), "31 μg/m³ ≥ 35");
    }

    #[test]
    fn a_percent_reads_with_its_sign_on_both_sides() {
        let share = indicator(Some("%"), Level::Number(94.0), Some(Level::Number(95.0)));
        assert_eq!(indicator_value(&share, Lang::Zh, false), "94%");
        assert_eq!(indicator_figure(&share, Lang::Zh, false), "94% ≥ 95%");
    }

    #[test]
    fn a_class_target_is_met_by_a_lower_class() {
        let class = indicator(
            None,
            Level::WaterClass(WaterClass::WorseThanV),
            Some(Level::WaterClass(WaterClass::III)),
        );
        assert_eq!(indicator_value(&class, Lang::Zh, false), "劣V");
        assert_eq!(indicator_value(&class, Lang::Zh, true), ">V");
        assert_eq!(
            indicator_target(&class, Lang::En, false).as_deref(),
            Some("≤ III")
        );
        assert_eq!(indicator_figure(&class, Lang::En, true), ">V <= III");
    }

    #[test]
    fn without_a_target_the_value_stands_alone() {
        let count = indicator(Some("个"), Level::Number(12.0), None);
        assert_eq!(indicator_target(&count, Lang::Zh, false), None);
        assert_eq!(indicator_figure(&count, Lang::Zh, false), "12个");
        assert_eq!(indicator_figure(&count, Lang::En, false), "12 个");
    }
}
