//! How far a task is short of 序时进度 (expected by now), in points.

use super::percent::percent;
use crate::model::Lang;

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

/// A gap in points as a list cell: `32 pts` / `32个百分点`. A real gap that
/// both shown percentages hide (69.5% expected, 69.1% done) reads as less
/// than a point rather than as none.
pub fn gap_text(points: u32, lang: Lang) -> String {
    match (lang, points) {
        (Lang::Zh, 0) => "<1个百分点".to_owned(),
        (Lang::Zh, n) => format!("{n}个百分点"),
        (Lang::En, 0) => "<1 pt".to_owned(),
        (Lang::En, 1) => "1 pt".to_owned(),
        (Lang::En, n) => format!("{n} pts"),
    }
}

/// The widest [`gap_text`] can be: a gap is at most 100 points.
pub fn gap_text_width(lang: Lang) -> usize {
    crate::text::width(&gap_text(100, lang))
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

    #[test]
    fn gaps_read_in_points() {
        assert_eq!(gap_text(32, Lang::En), "32 pts");
        assert_eq!(gap_text(1, Lang::En), "1 pt");
        assert_eq!(gap_text(0, Lang::En), "<1 pt");
        assert_eq!(gap_text(32, Lang::Zh), "32个百分点");
        assert_eq!(gap_text_width(Lang::En), 7);
        assert_eq!(gap_text_width(Lang::Zh), 11);
    }
}
