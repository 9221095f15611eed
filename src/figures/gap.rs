//! How far a task is short of 序时进度 (expected by now), in points.

use super::assumed::Shown;
use super::percent::percent;
use crate::model::attention::Attention;
use crate::model::{Lang, Marked, Status, TaskSchedule};

/// The gap between a task's 序时进度 and its progress in whole points,
/// taken from the two percentages as they are shown (floored), so a reader
/// can check it: 100% expected and 68% done is 32 points. `None` when the
/// task is not short of it or a percentage is not a number.
pub fn gap_points(expected: f64, fraction: f64) -> Option<u32> {
    if fraction >= expected {
        return None;
    }
    // Parsing the shown text, not flooring again here: one rounding rule.
    let shown = |f: f64| percent(f).trim_end_matches('%').parse::<i64>().ok();
    let points = shown(expected)? - shown(fraction.min(1.0))?;
    u32::try_from(points.max(0)).ok()
}

/// [`gap_points`] of a task's marked figures: marked when 序时进度 or the
/// progress rests on an assumed value.
pub fn gap(expected: Marked<f64>, fraction: Marked<f64>) -> Option<Marked<u32>> {
    let both = expected.and(fraction);
    let (expected, fraction) = both.value();
    gap_points(expected, fraction).map(|points| both.map(|_| points))
}

/// A gap in points as a list cell: `32 pts` / `32个百分点`, `32 pts*` when
/// it rests on an assumed value. A real gap that both shown percentages
/// hide (69.5% expected, 69.1% done) reads as less than a point rather
/// than as none.
pub fn gap_text(points: Marked<u32>, lang: Lang) -> Shown {
    Shown::of(points, |points| gap_words(points, lang))
}

fn gap_words(points: u32, lang: Lang) -> String {
    match (lang, points) {
        (Lang::Zh, 0) => "<1个百分点".to_owned(),
        (Lang::Zh, n) => format!("{n}个百分点"),
        (Lang::En, 0) => "<1 pt".to_owned(),
        (Lang::En, 1) => "1 pt".to_owned(),
        (Lang::En, n) => format!("{n} pts"),
    }
}

/// The widest [`gap_text`] can be: a gap is at most 100 points, and its
/// mark when `assumed`.
pub fn gap_text_width(lang: Lang, assumed: bool) -> usize {
    gap_text(Marked::new(100, assumed), lang).width()
}

/// What an attention row says beside its status: the days late of an
/// overdue task, or the gap in points of a task behind or at risk (each
/// marked as the due date, 序时进度 or figure it is reckoned from);
/// nothing for an indicator. The plan's list and the roll-up's both say it
/// so.
pub fn attention_gap(
    attention: &Attention,
    schedule: Option<&TaskSchedule>,
    lang: Lang,
) -> Option<Shown> {
    match (attention.status, attention.days_late, schedule) {
        (Status::Overdue, Some(days), _) => Some(super::days_left(days.map(|d| -d), lang)),
        (Status::Behind | Status::AtRisk, _, Some(schedule)) => schedule
            .marked_expected()
            .zip(schedule.marked_fraction())
            .and_then(|(expected, fraction)| gap(expected, fraction))
            .map(|points| gap_text(points, lang)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_the_difference_of_the_shown_percentages() {
        // 53/77 is 68.8 %, shown 68%: 32 points short of 100%.
        assert_eq!(gap_points(1.0, 53.0 / 77.0), Some(32));
        // 0.505 expected shows 50%, 0.299 done shows 29%: 21, not 20.6.
        assert_eq!(gap_points(0.505, 0.299), Some(21));
        assert_eq!(gap_points(0.695, 0.691), Some(0));
        assert_eq!(gap_points(0.5, 0.5), None);
        assert_eq!(gap_points(0.5, 0.7), None);
        assert_eq!(gap_points(f64::NAN, 0.1), None);
    }

    fn gap_text(points: u32, lang: Lang) -> String {
        super::gap_text(Marked::new(points, false), lang).to_string()
    }

    #[test]
    fn a_gap_from_an_assumed_date_is_marked() {
        let expected = Marked::new(1.0, true);
        let done = Marked::new(53.0 / 77.0, false);
        let points = gap(expected, done).expect("a gap");
        assert_eq!((points.value(), points.assumed()), (32, true));
        assert_eq!(super::gap_text(points, Lang::En).to_string(), "32 pts*");
        let sourced = gap(Marked::new(1.0, false), done).expect("a gap");
        assert!(!sourced.assumed());
        assert_eq!(gap(done, expected), None);
        assert_eq!(gap_text_width(Lang::En, true), 8);
    }

    #[test]
    fn gaps_read_in_points() {
        assert_eq!(gap_text(32, Lang::En), "32 pts");
        assert_eq!(gap_text(1, Lang::En), "1 pt");
        assert_eq!(gap_text(0, Lang::En), "<1 pt");
        assert_eq!(gap_text(32, Lang::Zh), "32个百分点");
        assert_eq!(gap_text_width(Lang::En, false), 7);
        assert_eq!(gap_text_width(Lang::Zh, false), 11);
    }
}
