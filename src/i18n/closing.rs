//! The labels of 销号 and 督办: table headings, the detail's stage line.

use crate::model::Lang;

/// Heads the column of closing figures (销号).
pub fn closed_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "销号",
        Lang::En => "Closed",
    }
}

/// Heads the column of notices (督办).
pub fn notices_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "督办",
        Lang::En => "Notices",
    }
}

/// Labels the stage of 销号 a task has reached: "closing stage" / "销号步骤".
pub fn stage_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "销号步骤",
        Lang::En => "Closing stage",
    }
}

/// Heads the column of the newest notice's date.
pub fn last_notice_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "最近督办",
        Lang::En => "Last notice",
    }
}
