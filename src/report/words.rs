//! The words of the human formats (markdown and text) in Chinese and English.
//! Machine formats (JSON, CSV) use the kebab-case status words of DESIGN.md.

use crate::i18n;
use crate::model::{Lang, Status};

/// A status with its symbol, so it never depends on colour: `▲ at-risk`.
pub fn status_with_symbol(status: Status, lang: Lang, ascii: bool) -> String {
    format!(
        "{} {}",
        status.symbol(ascii),
        i18n::status_word(status, lang)
    )
}

/// Labels of the human formats.
pub struct Words {
    pub reporting_date: &'static str,
    pub source: &'static str,
    pub needs_attention: &'static str,
    pub nothing_needs_attention: &'static str,
    pub progress: &'static str,
    pub worst: &'static str,
    pub tasks: &'static str,
    pub indicators_met: &'static str,
    pub no_progress: &'static str,
    pub task: &'static str,
    pub figures: &'static str,
    pub share: &'static str,
    pub status: &'static str,
    pub due: &'static str,
    pub days_left: &'static str,
    pub indicator: &'static str,
    pub value: &'static str,
    pub target: &'static str,
    /// "due" and "target" inside running text.
    pub due_inline: &'static str,
    pub target_inline: &'static str,
    /// Separates items of a list in running text: `, ` or `、`.
    pub list_separator: &'static str,
    /// Punctuation of running text: `: ` or `：`, and so on.
    pub colon: &'static str,
    pub comma: &'static str,
    pub open: &'static str,
    pub close: &'static str,
    pub full_stop: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

const EN: Words = Words {
    reporting_date: "Reporting date",
    source: "Source",
    needs_attention: "Needs attention",
    nothing_needs_attention: "Nothing needs attention.",
    progress: "Progress",
    worst: "worst",
    tasks: "Tasks",
    indicators_met: "Indicators met",
    no_progress: "no tasks with a total",
    task: "Task",
    figures: "Done",
    share: "%",
    status: "Status",
    due: "Due",
    days_left: "Days left",
    indicator: "Indicator",
    value: "Value",
    target: "Target",
    due_inline: "due",
    target_inline: "target",
    list_separator: ", ",
    colon: ": ",
    comma: ", ",
    open: " (",
    close: ")",
    full_stop: ".",
};

const ZH: Words = Words {
    reporting_date: "报告日期",
    source: "资料来源",
    needs_attention: "需要关注",
    nothing_needs_attention: "暂无需要关注的事项。",
    progress: "总体进度",
    worst: "最差状态",
    tasks: "任务",
    indicators_met: "指标达标",
    no_progress: "无带总量的任务",
    task: "任务",
    figures: "完成情况",
    share: "完成率",
    status: "状态",
    due: "截止日期",
    days_left: "剩余天数",
    indicator: "指标",
    value: "数值",
    target: "目标",
    due_inline: "截止日期",
    target_inline: "目标",
    list_separator: "、",
    colon: "：",
    comma: "，",
    open: "（",
    close: "）",
    full_stop: "。",
};
