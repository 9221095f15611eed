//! The change on the same period last year (同比), or on the mean of the
//! three years before (较前三年均值), as the bureau's bulletins say it: a
//! rate (a `%` unit) moves in percentage points (优良天数比例上升2.0个百分点),
//! a level in percent of last year's (PM2.5平均浓度同比下降15.8%), a day count
//! in days, a water class from one class to another (由Ⅳ类好转至Ⅲ类); equal
//! shown figures read 持平. Whether it got better or worse follows the
//! item's `better` direction (a task's count is better higher), not the
//! sign. One place computes it; every report format and the screen say it.
//! Beside a lower bound (`approx`, this year's or last year's) the amount is
//! only approximate: 同比上升约33.3%, up ≈33.3%.

use super::approx::approx_prefix;
use super::assumed::Shown;
use super::change::difference;
use super::indicator::level;
use super::number::number;
use crate::model::{Better, Figure, Lang, Level, Text};

/// What the change is counted in: JSON's `unit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearUnit {
    /// Percentage points, for a figure that is itself a percentage.
    Points,
    /// Percent of the earlier figure, for a level or a count.
    Percent,
    /// Days, for a count of days.
    Days,
    /// Steps of the water-quality scale.
    Class,
}

impl YearUnit {
    /// `pp`, `%`, `day` or `class`, as the JSON and CSV write it.
    pub fn as_str(self) -> &'static str {
        match self {
            YearUnit::Points => "pp",
            YearUnit::Percent => "%",
            YearUnit::Days => "day",
            YearUnit::Class => "class",
        }
    }
}

/// Better or worse by the item's own direction; `Same` for equal shown figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Better,
    Worse,
    Same,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Better => "better",
            Direction::Worse => "worse",
            Direction::Same => "same",
        }
    }
}

/// A figure beside the one of an earlier period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearChange {
    pub unit: YearUnit,
    /// Signed as the figure moved: points, percent of the earlier figure,
    /// days, or classes (a lower class is a better one). `None` when there
    /// is no such number (a percent of nothing).
    pub change: Option<f64>,
    /// `None` for a number with no `better` direction that moved.
    pub direction: Option<Direction>,
    /// Either figure is a lower bound: the amount is only approximate.
    pub approx: bool,
    now: Figure,
    before: Figure,
}

/// `now` beside `before`; `unit` is the item's unit, `better` its direction
/// (tasks: higher). `None` for figures of different kinds.
pub fn year_change(
    now: Figure,
    before: Figure,
    unit: Option<&Text>,
    better: Option<Better>,
) -> Option<YearChange> {
    let (now_n, before_n) = match (now, before) {
        (Figure::Value(Level::WaterClass(n)), Figure::Value(Level::WaterClass(b))) => {
            let steps = n as i64 - b as i64;
            let direction = match steps {
                0 => Direction::Same,
                s if s < 0 => Direction::Better,
                _ => Direction::Worse,
            };
            return Some(YearChange {
                unit: YearUnit::Class,
                change: Some(steps as f64),
                direction: Some(direction),
                approx: false,
                now,
                before,
            });
        }
        (Figure::Done(n), Figure::Done(b)) => (n, b),
        (Figure::Value(Level::Number(n)), Figure::Value(Level::Number(b))) => (n, b),
        _ => return None,
    };
    let unit = year_unit(unit);
    let moved = difference(now_n, before_n);
    let change = match unit {
        YearUnit::Percent if before_n == 0.0 => None,
        YearUnit::Percent => Some(moved / before_n.abs() * 100.0),
        _ => Some(moved),
    };
    // Equal as shown is 持平, whatever digits lie beyond.
    let same = number(now_n, Lang::En) == number(before_n, Lang::En);
    let direction = match (same, better) {
        (true, _) => Some(Direction::Same),
        (false, Some(Better::Higher)) if moved > 0.0 => Some(Direction::Better),
        (false, Some(Better::Lower)) if moved < 0.0 => Some(Direction::Better),
        (false, Some(_)) => Some(Direction::Worse),
        (false, None) => None,
    };
    Some(YearChange {
        unit,
        change,
        direction,
        approx: false,
        now,
        before,
    })
}

/// What a change of a figure in `unit` is counted in: points for a
/// percentage, days for days, else percent.
fn year_unit(unit: Option<&Text>) -> YearUnit {
    let said = |lang| unit.map_or("", |u| u.get(lang)).trim().to_lowercase();
    let (zh, en) = (said(Lang::Zh), said(Lang::En));
    let any = |words: &[&str]| words.iter().any(|w| zh == *w || en == *w);
    if any(&["%", "％", "percent"]) {
        YearUnit::Points
    } else if any(&["天", "日", "day", "days", "d"]) {
        YearUnit::Days
    } else {
        YearUnit::Percent
    }
}

/// Of the same period last year, or of the three years' mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Against {
    LastYear,
    ThreeYearMean,
}

impl YearChange {
    /// The same change, approximate when `at_least`: the figure now or the
    /// one it is set beside is a lower bound.
    pub fn from_lower_bound(self, at_least: bool) -> YearChange {
        YearChange {
            approx: self.approx || at_least,
            ..self
        }
    }

    /// The bulletin's words after the item's name: zh `同比下降15.8%，好转`,
    /// `同比上升2.0个百分点`, `与上年同期持平`, `同比由Ⅳ类好转至Ⅲ类`,
    /// `较前三年均值下降…`; en `down 15.8% year on year, better`, `up 2.0 pp
    /// year on year`, `unchanged year on year`, `improved from IV to III
    /// year on year`. `assumed`: the change rests on an assumed value.
    pub fn words(&self, against: Against, lang: Lang, ascii: bool, assumed: bool) -> Shown {
        let text = match (self.direction, self.unit) {
            (Some(Direction::Same), _) => same(against, lang, self.approx),
            (_, YearUnit::Class) => self.class_words(against, lang, ascii),
            _ => self.number_words(against, lang, ascii),
        };
        Shown::new(text, assumed)
    }

    fn number_words(&self, against: Against, lang: Lang, ascii: bool) -> String {
        let up = match (self.now, self.before) {
            (Figure::Done(n), Figure::Done(b)) => n > b,
            (Figure::Value(Level::Number(n)), Figure::Value(Level::Number(b))) => n > b,
            _ => false,
        };
        let amount = self.change.map(|c| match (self.unit, lang) {
            (YearUnit::Points, Lang::Zh) => format!("{:.1}个百分点", c.abs()),
            (YearUnit::Points, Lang::En) => format!("{:.1} pp", c.abs()),
            (YearUnit::Days, Lang::Zh) => format!("{}天", number(c.abs(), lang)),
            (YearUnit::Days, Lang::En) if c.abs() == 1.0 => "1 day".to_owned(),
            (YearUnit::Days, Lang::En) => format!("{} days", number(c.abs(), lang)),
            _ => format!("{:.1}%", c.abs()),
        });
        let amount = match self.approx {
            true => amount.map(|a| format!("{}{a}", approx_prefix(lang, ascii))),
            false => amount,
        };
        let verdict = self.direction.map(|d| match (d, lang) {
            (Direction::Better, Lang::Zh) => "，好转",
            (Direction::Worse, Lang::Zh) => "，变差",
            (Direction::Better, Lang::En) => ", better",
            (Direction::Worse, Lang::En) => ", worse",
            (Direction::Same, _) => "",
        });
        let verdict = verdict.unwrap_or("");
        let amount = amount.unwrap_or_default();
        match (lang, up) {
            (Lang::Zh, up) => {
                let verb = if up { "上升" } else { "下降" };
                format!("{}{verb}{amount}{verdict}", prefix_zh(against))
            }
            (Lang::En, up) => {
                let verb = if up { "up" } else { "down" };
                let amount = if amount.is_empty() {
                    amount
                } else {
                    format!(" {amount}")
                };
                format!("{verb}{amount} {}{verdict}", suffix_en(against))
            }
        }
    }

    fn class_words(&self, against: Against, lang: Lang, ascii: bool) -> String {
        let (Figure::Value(now), Figure::Value(before)) = (self.now, self.before) else {
            return String::new();
        };
        let (now, before) = (level(now, lang, ascii), level(before, lang, ascii));
        let better = self.direction == Some(Direction::Better);
        match lang {
            Lang::Zh => {
                let verb = if better { "好转" } else { "变差" };
                format!("{}由{before}{verb}至{now}", prefix_zh(against))
            }
            Lang::En => {
                let verb = if better { "improved" } else { "worsened" };
                format!("{verb} from {before} to {now} {}", suffix_en(against))
            }
        }
    }
}

fn prefix_zh(against: Against) -> &'static str {
    match against {
        Against::LastYear => "同比",
        Against::ThreeYearMean => "较前三年均值",
    }
}

fn suffix_en(against: Against) -> &'static str {
    match against {
        Against::LastYear => "year on year",
        Against::ThreeYearMean => "on the mean of the three years before",
    }
}

/// Equal as shown; beside a lower bound only roughly so (基本持平).
fn same(against: Against, lang: Lang, approx: bool) -> String {
    let (zh, en) = match approx {
        true => ("基本持平", "roughly unchanged"),
        false => ("持平", "unchanged"),
    };
    match (against, lang) {
        (Against::LastYear, Lang::Zh) => format!("与上年同期{zh}"),
        (Against::ThreeYearMean, Lang::Zh) => format!("与前三年均值{zh}"),
        (Against::LastYear, Lang::En) => format!("{en} year on year"),
        (Against::ThreeYearMean, Lang::En) => {
            format!("{en} on the mean of the three years before")
        }
    }
}

#[cfg(test)]
#[path = "yoy_tests.rs"]
mod tests;
