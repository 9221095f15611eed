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
    /// What the `*` beside a value means.
    pub assumed_legend: &'static str,
    pub needs_attention: &'static str,
    pub nothing_needs_attention: &'static str,
    pub status: &'static str,
    pub progress: &'static str,
    /// 序时进度 as a table's heading.
    pub expected: &'static str,
    pub expected_inline: &'static str,
    pub tasks: &'static str,
    pub indicators_met: &'static str,
    /// 责任单位.
    pub lead: &'static str,
    pub task: &'static str,
    pub done: &'static str,
    pub share: &'static str,
    pub start: &'static str,
    pub due: &'static str,
    pub days_left: &'static str,
    pub note: &'static str,
    /// A task without a total: a figure of work, not a share of it.
    pub figure: &'static str,
    /// Heads the plain figures in running text.
    pub figures: &'static str,
    pub amount: &'static str,
    pub indicator: &'static str,
    pub value: &'static str,
    pub target: &'static str,
    /// "target" inside running text.
    pub target_inline: &'static str,
    /// Separates items of a list in running text: `, ` or `、`.
    pub list_separator: &'static str,
    /// Punctuation of running text: `: ` or `：`, and so on.
    pub colon: &'static str,
    pub comma: &'static str,
    pub semicolon: &'static str,
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
    assumed_legend: "assumed: not from the source",
    needs_attention: "Needs attention",
    nothing_needs_attention: "Nothing needs attention.",
    status: "Status",
    progress: "Progress",
    expected: "Expected by now",
    expected_inline: "expected by now",
    tasks: "Tasks",
    indicators_met: "Indicators met",
    lead: "Lead",
    task: "Task",
    done: "Done",
    share: "%",
    start: "Start",
    due: "Due",
    days_left: "Days left",
    note: "Note",
    figure: "Figure",
    figures: "Figures",
    amount: "Amount",
    indicator: "Indicator",
    value: "Value",
    target: "Target",
    target_inline: "target",
    list_separator: ", ",
    colon: ": ",
    comma: ", ",
    semicolon: "; ",
    open: " (",
    close: ")",
    full_stop: ".",
};

const ZH: Words = Words {
    reporting_date: "报告日期",
    source: "资料来源",
    assumed_legend: "示例：非来源数据",
    needs_attention: "督办清单",
    nothing_needs_attention: "暂无需要督办的事项。",
    status: "状态",
    progress: "总体进度",
    expected: "序时进度",
    expected_inline: "序时进度",
    tasks: "任务",
    indicators_met: "指标达标",
    lead: "责任单位",
    task: "任务",
    done: "完成情况",
    share: "完成率",
    start: "开始日期",
    due: "截止日期",
    days_left: "剩余天数",
    note: "备注",
    figure: "工作量",
    figures: "工作量",
    amount: "数量",
    indicator: "指标",
    value: "现值",
    target: "目标",
    target_inline: "目标",
    list_separator: "、",
    colon: "：",
    comma: "，",
    semicolon: "；",
    open: "（",
    close: "）",
    full_stop: "。",
};

/// In place of a percentage when every measured task lies ahead.
pub fn nothing_begun(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "暂无已开始的任务",
        Lang::En => "no task begun yet",
    }
}

/// Tasks without a total: "8 figures" / "工作量8项".
pub fn figures_count(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Zh, _) => format!("工作量{count}项"),
        (Lang::En, 1) => "1 figure".to_owned(),
        (Lang::En, _) => format!("{count} figures"),
    }
}

/// A task's status count in running text: "1 done" / "完成1项".
pub fn status_count(status: Status, count: usize, lang: Lang) -> String {
    let word = i18n::status_word(status, lang);
    match lang {
        Lang::Zh => format!("{word}{count}项"),
        Lang::En => format!("{count} {word}"),
    }
}

/// "expected by now 100%" / "序时进度100%" (the percentage already shown).
pub fn expected(percent: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("序时进度{percent}"),
        Lang::En => format!("expected by now {percent}"),
    }
}

/// How far a task is short of 序时进度, in whole points of the percentages
/// shown: "32 points short" / "差32个百分点".
pub fn points_short(points: u32, lang: Lang) -> String {
    match (lang, points) {
        (Lang::Zh, _) => format!("差{points}个百分点"),
        (Lang::En, 1) => "1 point short".to_owned(),
        (Lang::En, _) => format!("{points} points short"),
    }
}

/// A campaign's period: "2024-01-01 – 2024-12-31" / "2024-01-01至2024-12-31".
pub fn period(start: Option<&str>, end: Option<&str>, lang: Lang) -> Option<String> {
    Some(match (lang, start, end) {
        (_, None, None) => return None,
        (Lang::Zh, Some(start), Some(end)) => format!("{start}至{end}"),
        (Lang::Zh, Some(start), None) => format!("{start}起"),
        (Lang::Zh, None, Some(end)) => format!("至{end}"),
        (Lang::En, Some(start), Some(end)) => format!("{start} – {end}"),
        (Lang::En, Some(start), None) => format!("from {start}"),
        (Lang::En, None, Some(end)) => format!("until {end}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_agree_with_their_number() {
        assert_eq!(figures_count(1, Lang::En), "1 figure");
        assert_eq!(figures_count(8, Lang::En), "8 figures");
        assert_eq!(points_short(1, Lang::En), "1 point short");
        assert_eq!(points_short(32, Lang::Zh), "差32个百分点");
    }

    #[test]
    fn a_period_reads_with_either_end_missing() {
        let (a, b) = (Some("2024-01-01"), Some("2024-12-31"));
        assert_eq!(
            period(a, b, Lang::En).as_deref(),
            Some("2024-01-01 – 2024-12-31")
        );
        assert_eq!(period(a, None, Lang::Zh).as_deref(), Some("2024-01-01起"));
        assert_eq!(
            period(None, b, Lang::En).as_deref(),
            Some("until 2024-12-31")
        );
        assert_eq!(period(None, None, Lang::En), None);
    }
}
