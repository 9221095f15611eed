//! How a figure changed since a baseline, on the screen and in `report
//! --since`: the difference of two figures as they are written, with its
//! sign (`+8`, `−3`), the arrow of a status that moved, and a campaign's
//! progress in points of the shown percentages. A change where either
//! figure is a lower bound (`approx`) is only approximate: `≈+30`.

use super::Shown;
use super::approx::approx_prefix;
use super::number::number;
use super::percent::percent;
use crate::model::{Lang, Marked};

/// `now − before`, rounded to the decimals the two are written with, so a
/// change reads as a clerk subtracts: 41.41 − 40.2 is 1.21, not the
/// 1.2099999999999937 binary arithmetic leaves. `-0` is `0`.
pub fn difference(now: f64, before: f64) -> f64 {
    let raw = now - before;
    let places = decimals(now).max(decimals(before));
    // Past 15 places a double has no digits left to round to.
    let rounded = match places {
        Some(places) if places <= 15 => {
            let scale = 10f64.powi(places);
            let scaled = (raw * scale).round() / scale;
            if scaled.is_finite() { scaled } else { raw }
        }
        _ => raw,
    };
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// A change as it was worked out: its amount, and whether it is only
/// approximate because the figure then or now is a lower bound (90余 then
/// 120余 is not known to be +30).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delta {
    pub amount: f64,
    pub approx: bool,
}

impl Delta {
    /// A change between two exact figures.
    pub fn exact(amount: f64) -> Delta {
        Delta {
            amount,
            approx: false,
        }
    }

    /// `now − before` as [`difference`] subtracts them, each with whether
    /// it is a lower bound: approximate when either is.
    pub fn between(
        (now, now_at_least): (f64, bool),
        (before, before_at_least): (f64, bool),
    ) -> Delta {
        Delta {
            amount: difference(now, before),
            approx: now_at_least || before_at_least,
        }
    }
}

/// The decimals of the shortest form that reads back as `value`; `None`
/// when it is not finite.
fn decimals(value: f64) -> Option<i32> {
    if !value.is_finite() {
        return None;
    }
    // `Display` of an f64 never uses an exponent.
    let text = value.to_string();
    let places = text
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    i32::try_from(places).ok()
}

/// A change with its sign, as [`number`] writes the amount: `+8`, `−3`
/// (a true minus sign; `-3` in ASCII mode), after `≈` (`约`, `~`) when it
/// is approximate; `None` when there is none (the screen shows nothing for
/// an unchanged figure, never `+0`).
pub fn change(delta: Delta, lang: Lang, ascii: bool) -> Option<String> {
    let amount = delta.amount;
    if amount == 0.0 || !amount.is_finite() {
        return None;
    }
    let sign = match (amount > 0.0, ascii) {
        (true, _) => "+",
        (false, false) => "−",
        (false, true) => "-",
    };
    let about = if delta.approx {
        approx_prefix(lang, ascii)
    } else {
        ""
    };
    Some(format!("{about}{sign}{}", number(amount.abs(), lang)))
}

/// A change as the reports write it, in plain ASCII signs: `+8`, `-2.5`,
/// `+1.2万`, `≈+30` (`~+30` in ASCII mode); `±0` for none (`≈±0` when
/// either figure is a lower bound: not known to be unchanged).
pub fn signed(delta: Delta, lang: Lang, ascii: bool) -> String {
    let plain = change(Delta::exact(delta.amount), lang, true).unwrap_or_else(|| "±0".to_owned());
    match delta.approx {
        // The prefix in the reader's own mode: `≈` unless ASCII.
        true => format!("{}{plain}", approx_prefix(lang, ascii)),
        false => plain,
    }
}

/// A status that moved up (better) or down (worse): `↑`/`↓`, ASCII `^`/`v`:
/// arrows no status uses (▲ is at-risk, ▼ behind).
pub fn status_move(up: bool, ascii: bool) -> &'static str {
    match (up, ascii) {
        (true, false) => "↑",
        (false, false) => "↓",
        (true, true) => "^",
        (false, true) => "v",
    }
}

/// A status move as it is shown: its arrow ([`status_move`]), marked `↓*`
/// when either status rests on an assumed value.
pub fn status_moved(moved: Marked<bool>, ascii: bool) -> Shown {
    Shown::of(moved, |up| status_move(up, ascii).to_owned())
}

/// How far a campaign's progress moved, in whole points of the two
/// percentages as they are shown (floored), so a reader can check it:
/// 68% then 60% is 8 points. `None` when either is not a number.
pub fn points_moved(now: f64, before: f64) -> Option<i64> {
    // Parsing the shown text, not flooring again here: one rounding rule.
    let shown = |f: f64| percent(f).trim_end_matches('%').parse::<i64>().ok();
    Some(shown(now)? - shown(before)?)
}

/// Points moved, with their sign: `+8 pts`, `-1 pt`, `±0 pts`; zh
/// `+8个百分点`.
pub fn points_text(points: i64, lang: Lang) -> String {
    let sign = match points {
        p if p > 0 => "+",
        0 => "±",
        _ => "",
    };
    match (lang, points.abs()) {
        (Lang::Zh, _) => format!("{sign}{points}个百分点"),
        (Lang::En, 1) => format!("{sign}{points} pt"),
        (Lang::En, _) => format!("{sign}{points} pts"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row reads `-31d +5 ↓`: the arrow of a change is no status's symbol.
    #[test]
    fn a_changes_arrows_are_no_statuss_symbol() {
        use crate::model::Status;
        for ascii in [false, true] {
            for up in [true, false] {
                let arrow = status_move(up, ascii);
                for status in Status::TASK.iter().chain(Status::INDICATOR.iter()) {
                    assert_ne!(arrow, status.symbol(ascii), "{status:?}");
                }
            }
        }
    }

    #[test]
    fn a_difference_has_the_decimals_of_its_figures() {
        assert_eq!(difference(53.0, 45.0), 8.0);
        assert_eq!(difference(41.41, 40.2), 1.21);
        assert_eq!(difference(0.3, 0.1), 0.2);
        assert_eq!(difference(31.0, 33.0), -2.0);
        assert_eq!(difference(1.5, 1.5).to_string(), "0");
        assert_eq!(difference(-0.0, 0.0).to_string(), "0");
        assert!(difference(f64::INFINITY, 1.0).is_infinite());
        assert_eq!(difference(1e300, 0.5), 1e300);
    }

    #[test]
    fn a_change_on_screen_is_signed_and_nothing_when_none() {
        let exact = Delta::exact;
        assert_eq!(change(exact(8.0), Lang::En, false).as_deref(), Some("+8"));
        assert_eq!(change(exact(-3.0), Lang::En, false).as_deref(), Some("−3"));
        assert_eq!(change(exact(-3.0), Lang::En, true).as_deref(), Some("-3"));
        assert_eq!(
            change(exact(12000.0), Lang::Zh, false).as_deref(),
            Some("+1.2万")
        );
        assert_eq!(change(exact(0.0), Lang::En, false), None);
        assert_eq!(status_move(true, true), "^");
        let assumed = status_moved(Marked::new(false, true), false);
        assert_eq!(assumed.to_string(), "↓*");
        assert_eq!(
            status_moved(Marked::new(true, false), true).to_string(),
            "^"
        );
    }

    #[test]
    fn a_change_reads_with_its_sign() {
        let signed = |delta: f64, lang| signed(Delta::exact(delta), lang, false);
        assert_eq!(signed(8.0, Lang::En), "+8");
        assert_eq!(signed(-2.5, Lang::En), "-2.5");
        assert_eq!(signed(0.0, Lang::Zh), "±0");
        assert_eq!(signed(12_000.0, Lang::Zh), "+1.2万");
        assert_eq!(signed(-12_000.0, Lang::En), "-12,000");
    }

    /// 90余 then 120余: both are lower bounds, so +30 is not known.
    #[test]
    fn a_change_from_a_lower_bound_is_approximate() {
        let both = Delta::between((120.0, true), (90.0, true));
        assert_eq!(
            both,
            Delta {
                amount: 30.0,
                approx: true
            }
        );
        assert!(Delta::between((120.0, false), (90.0, true)).approx);
        assert!(Delta::between((120.0, true), (90.0, false)).approx);
        assert!(!Delta::between((120.0, false), (90.0, false)).approx);
        assert_eq!(change(both, Lang::En, false).as_deref(), Some("≈+30"));
        assert_eq!(change(both, Lang::Zh, false).as_deref(), Some("约+30"));
        assert_eq!(change(both, Lang::En, true).as_deref(), Some("~+30"));
        let fewer = Delta::between((80.0, true), (90.0, false));
        assert_eq!(change(fewer, Lang::En, false).as_deref(), Some("≈−10"));
        assert_eq!(signed(both, Lang::En, false), "≈+30");
        assert_eq!(signed(both, Lang::En, true), "~+30");
        assert_eq!(signed(fewer, Lang::Zh, false), "约-10");
        let same = Delta::between((90.0, true), (90.0, true));
        assert_eq!(signed(same, Lang::En, false), "≈±0");
    }

    #[test]
    fn progress_moves_in_points_of_the_shown_percentages() {
        assert_eq!(points_moved(53.0 / 77.0, 45.0 / 77.0), Some(10));
        assert_eq!(points_moved(0.6, 0.689), Some(-8));
        assert_eq!(points_moved(f64::NAN, 0.5), None);
        assert_eq!(points_text(10, Lang::En), "+10 pts");
        assert_eq!(points_text(-1, Lang::En), "-1 pt");
        assert_eq!(points_text(0, Lang::En), "±0 pts");
        assert_eq!(points_text(5, Lang::Zh), "+5个百分点");
    }
}
