//! Words for the clerk's updates and what the screen says about them:
//! undo, the typo guard on a figure going down.

use crate::model::Lang;

/// `U` once every update made here has been taken back (or refused).
pub fn all_undone(lang: Lang, made: usize) -> String {
    match (lang, made) {
        (Lang::Zh, _) => format!("本次打开后所做的{made}项更新均已撤销"),
        (Lang::En, 1) => "the 1 update made here is undone: none left to take back".to_owned(),
        (Lang::En, _) => format!("all {made} updates made here are undone: none left to take back"),
    }
}

/// The typo guard: a done count lower than the one the file holds.
pub fn done_goes_down(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "低于当前完成数：按 y 仍然保存，Esc 取消",
        Lang::En => "lower than the current done: y saves it anyway, Esc cancels",
    }
}

/// The detail pane's bottom border when more lies below what it shows.
pub fn more_below(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "下方还有（Tab 后滚动）",
        Lang::En => "more below (Tab, then scroll)",
    }
}

/// `b` at the oldest revision of the history, `B` at the newest.
pub fn no_further_revision(lang: Lang, older: bool) -> &'static str {
    match (lang, older) {
        (Lang::Zh, true) => "基准已是最早的版本，没有更早的了",
        (Lang::Zh, false) => "基准已是最新的版本，没有更新的了",
        (Lang::En, true) => "the baseline is already the oldest revision: none older",
        (Lang::En, false) => "the baseline is already the newest revision: none newer",
    }
}
