//! The words of the human formats (markdown and text) in Chinese and English.
//! Machine formats (JSON, CSV) use the kebab-case status words of DESIGN.md.

use crate::model::{Lang, Status};

/// A status as a reader of the bulletin says it. English keeps the status
/// words of the contract; Chinese uses the words of the bureau's reports.
pub fn status(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::En => status.as_str(),
        Lang::Zh => match status {
            Status::Done => "已完成",
            Status::NotStarted => "未开始",
            Status::Overdue => "已逾期",
            Status::InProgress => "进行中",
            Status::OnTrack => "按期推进",
            Status::AtRisk => "有风险",
            Status::Behind => "滞后",
            Status::Count => "计数",
            Status::Met => "达标",
            Status::NotMet => "未达标",
            Status::NoTarget => "无目标",
        },
    }
}

/// A status with its symbol, so it never depends on colour: `▲ at-risk`.
pub fn status_with_symbol(status: Status, lang: Lang, ascii: bool) -> String {
    format!("{} {}", status.symbol(ascii), self::status(status, lang))
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

/// How far the due date is, for running text: `181 days left`, `12 days overdue`.
pub fn days_left(days: i64, lang: Lang) -> String {
    match (lang, days) {
        (Lang::En, 0) => "due today".to_owned(),
        (Lang::En, 1) => "1 day left".to_owned(),
        (Lang::En, -1) => "1 day past due".to_owned(),
        (Lang::En, d) if d > 0 => format!("{d} days left"),
        (Lang::En, d) => format!("{} days past due", -d),
        (Lang::Zh, 0) => "今日到期".to_owned(),
        (Lang::Zh, d) if d > 0 => format!("剩余{d}天"),
        (Lang::Zh, d) => format!("逾期{}天", -d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_chinese_word() {
        for status in Status::TASK.iter().chain(Status::INDICATOR.iter()) {
            let word = self::status(*status, Lang::Zh);
            assert!(!word.is_empty() && !word.is_ascii(), "{status}");
            assert_eq!(self::status(*status, Lang::En), status.as_str());
        }
    }

    #[test]
    fn days_read_naturally() {
        assert_eq!(days_left(181, Lang::En), "181 days left");
        assert_eq!(days_left(-12, Lang::En), "12 days past due");
        assert_eq!(days_left(0, Lang::Zh), "今日到期");
        assert_eq!(days_left(-3, Lang::Zh), "逾期3天");
    }
}
