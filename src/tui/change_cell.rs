//! The change since the baseline as a row shows it: `+8`, `−3`, and `↑` /
//! `↓` when the status moved (ASCII `^` / `v`), `↓*` when either status
//! rests on an assumed value; nothing when unchanged.

use crate::figures;
use crate::i18n;
use crate::model::{Figure, Lang};
use crate::tui::changes::{Baselined, Change};

/// `+8 ↑`, `−3`, `↓`; `None` when nothing a row can say moved (a water
/// class that changed within the same status says it in the changes list).
pub fn change_text(change: &Change, lang: Lang, ascii: bool) -> Option<String> {
    let delta = change
        .delta()
        .and_then(|d| figures::change(d, lang, ascii))
        .map(|delta| format!("{delta}{}", figures::mark(change.assumed)));
    let arrow = change
        .status_move()
        .map(|moved| figures::status_moved(moved, ascii).to_string());
    match (delta, arrow) {
        (Some(delta), Some(arrow)) => Some(format!("{delta} {arrow}")),
        (Some(delta), None) => Some(delta),
        (None, Some(arrow)) => Some(arrow),
        (None, None) => None,
    }
}

/// The changes list's cell: what a row shows, then what the item was when
/// a difference cannot say it (its status, a water class), or `new`:
/// `+8 ↓ was behind`, `↑ was Ⅲ类, not-met`.
pub fn list_text(change: &Change, lang: Lang, ascii: bool) -> String {
    let mut parts: Vec<String> = change_text(change, lang, ascii).into_iter().collect();
    let (Some((before, was_status)), Some((now, status))) = (change.previous, change.current)
    else {
        if change.previous.is_none() {
            parts.push(i18n::history::added(lang).to_owned());
        }
        return parts.join(" ");
    };
    let mut was = Vec::new();
    if before != now && change.delta().is_none() {
        was.push(match before {
            Figure::Value(level) => figures::level(level, lang, ascii),
            Figure::Done(done) => figures::number(done, lang),
        });
    }
    if was_status != status {
        was.push(i18n::status_word(was_status, lang).to_owned());
    }
    if !was.is_empty() {
        let comma = i18n::strings(lang).comma;
        parts.push(i18n::history::was(&was.join(comma), lang));
    }
    parts.join(" ")
}

/// The widest change text among the rows of campaign `index` (0: no column).
pub fn column_width(baselined: Option<&Baselined>, index: usize, lang: Lang, ascii: bool) -> u16 {
    let Some(baselined) = baselined else {
        return 0;
    };
    baselined
        .changes()
        .iter()
        .filter(|c| c.at.is_some_and(|(campaign, _)| campaign == index))
        .filter_map(|c| change_text(c, lang, ascii))
        .map(|text| crate::text::width(&text) as u16)
        .max()
        .unwrap_or(0)
}
