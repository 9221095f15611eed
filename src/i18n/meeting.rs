//! The words of the meeting's lists: the attention list by 责任单位 (lead)
//! and what falls due soon (临期).

use crate::model::Lang;

/// The attention list's title when it is grouped by lead.
pub fn by_lead_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "督办清单·按责任单位",
        Lang::En => "Attention list by lead",
    }
}

/// The group of the items no lead answers for.
pub fn no_lead(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "未明确责任单位",
        Lang::En => "No lead",
    }
}

/// The campaign list's sort by lead, as the footer names it.
pub fn sort_lead(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "责任单位",
        Lang::En => "lead",
    }
}

/// The due-soon list's title: `临期事项（30天内，2项）` / `Due soon (within 30 days): 2 items`.
pub fn due_soon_title(days: u32, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("临期事项（{days}天内，{count}项）"),
        Lang::En if count == 1 => format!("Due soon (within {days} days): 1 item"),
        Lang::En => format!("Due soon (within {days} days): {count} items"),
    }
}

/// The due-soon list's heading alone, for a report's section.
pub fn due_soon_heading(days: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("临期事项（{days}天内到期）"),
        Lang::En => format!("Due soon (within {days} days)"),
    }
}

/// What an empty due-soon list says.
pub fn nothing_due(days: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{days}天内没有到期的未完成事项"),
        Lang::En => format!("Nothing unfinished falls due within {days} days"),
    }
}

/// The brief has no earlier report to say what moved since.
pub fn no_last_meeting(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "git 历史中没有上次调度的报告，无从比较。",
        Lang::En => "The file's git history holds no earlier report to compare with.",
    }
}

/// The due-soon list's last column: the days left.
pub fn due_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "距到期",
        Lang::En => "Due in",
    }
}
