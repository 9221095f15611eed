//! Percentages as shown: whole, floored, and never 100 % before done.

use super::assumed::Shown;
use crate::model::Marked;

/// A marked fraction as a percentage: 序时进度 from an assumed due date
/// reads `100%*`.
pub fn marked_percent(fraction: Marked<f64>) -> Shown {
    Shown::of(fraction, percent)
}

/// A fraction as a whole percentage, floored: 53/77 (68.8 %) reads `68%`,
/// 0.999 `99%`, 1.2 `120%`; `—` when not finite. A fraction that is a whole
/// percent reads as it even though `0.29 * 100.0` is 28.999999999999996,
/// and an unfinished one (below 1) never reads `100%`.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_owned();
    }
    let hundredths = fraction * 100.0;
    // Rounding error is a few parts in 1e16 of the value (more for a
    // weighted mean, but nowhere near 1e-9): nudging up by a relative 1e-9
    // restores a whole percent that fell just short, and moves no real
    // fraction across a percent unless its denominator is above a billion.
    let mut whole = (hundredths + hundredths.abs() * 1e-9).floor();
    if fraction < 1.0 && whole >= 100.0 {
        whole = 99.0;
    }
    // `-0%` would read as a figure below nothing.
    if whole == 0.0 {
        whole = 0.0;
    }
    format!("{whole:.0}%")
}

#[cfg(test)]
mod tests {
    use super::{Marked, marked_percent, percent};

    #[test]
    fn an_assumed_fraction_reads_with_its_mark() {
        assert_eq!(marked_percent(Marked::new(1.0, true)).to_string(), "100%*");
        assert_eq!(marked_percent(Marked::new(0.5, false)).to_string(), "50%");
    }

    #[test]
    fn percentages_are_floored() {
        assert_eq!(percent(53.0 / 77.0), "68%");
        assert_eq!(percent(131.0 / 166.0), "78%");
        assert_eq!(percent(2.0 / 3.0), "66%");
        assert_eq!(percent(110.0 / 113.0), "97%");
        assert_eq!(percent(0.0), "0%");
    }

    #[test]
    fn a_whole_percent_is_not_lost_to_rounding_error() {
        assert_eq!(0.29 * 100.0, 28.999999999999996);
        assert_eq!(percent(29.0 / 100.0), "29%");
        assert_eq!(percent(57.0 / 100.0), "57%");
        assert_eq!(percent(0.07), "7%");
        assert_eq!(percent((0.29 + 0.29 + 0.29) / 3.0), "29%");
    }

    #[test]
    fn only_done_reads_a_hundred() {
        assert_eq!(percent(0.999), "99%");
        assert_eq!(percent(199.0 / 200.0), "99%");
        assert_eq!(percent(1.0 - 1e-12), "99%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(1.2), "120%");
    }

    #[test]
    fn a_fraction_that_is_not_finite_is_a_dash() {
        assert_eq!(percent(f64::NAN), "—");
        assert_eq!(percent(f64::INFINITY), "—");
        assert_eq!(percent(f64::NEG_INFINITY), "—");
    }
}
