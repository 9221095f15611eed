//! The help's legend: what each symbol on the screen stands for.

use crate::model::Lang;

/// The legend's heading in the help.
pub fn symbols_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "符号",
        Lang::En => "Symbols",
    }
}

/// What the arrows of a change say (after `↑ ↓`).
pub fn moves_meaning(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "较基准变好 / 变差（状态）",
        Lang::En => "better / worse since the baseline",
    }
}
