//! A change since the baseline: `+8`, `−3` (a true minus sign; `-3` in
//! ASCII mode), and the arrow of a status that moved.

use super::number::number;
use crate::model::Lang;

/// The difference of two figures, signed; `None` when there is none (an
/// unchanged figure shows nothing, never `+0`).
pub fn change(delta: f64, lang: Lang, ascii: bool) -> Option<String> {
    if delta == 0.0 || !delta.is_finite() {
        return None;
    }
    let sign = match (delta > 0.0, ascii) {
        (true, _) => "+",
        (false, false) => "−",
        (false, true) => "-",
    };
    Some(format!("{sign}{}", number(delta.abs(), lang)))
}

/// A status that moved up (better) or down (worse): `▲`/`▼`, ASCII `^`/`v`.
pub fn status_move(up: bool, ascii: bool) -> &'static str {
    match (up, ascii) {
        (true, false) => "▲",
        (false, false) => "▼",
        (true, true) => "^",
        (false, true) => "v",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_signed_and_nothing_when_none() {
        assert_eq!(change(8.0, Lang::En, false).as_deref(), Some("+8"));
        assert_eq!(change(-3.0, Lang::En, false).as_deref(), Some("−3"));
        assert_eq!(change(-3.0, Lang::En, true).as_deref(), Some("-3"));
        assert_eq!(change(12000.0, Lang::Zh, false).as_deref(), Some("+1.2万"));
        assert_eq!(change(0.0, Lang::En, false), None);
        assert_eq!(status_move(true, true), "^");
    }
}
