//! The interface's own words in Chinese and English. Data text (names,
//! notes) comes from the file; these are the labels around it. The Chinese
//! is the bureau's own (序时进度, 责任单位) with full-width punctuation
//! (，：；（）); a label joined to what follows takes [`Strings::colon`].

mod closing;
mod friction;
pub mod history;
mod legend;
pub mod meeting;
mod notices;
mod problems;
mod rollup;
pub mod year;

pub use closing::{closed_heading, last_notice_heading, notices_heading, stage_label};
pub use notices::{
    beyond_total, copied, far_from_current, no_search, nothing_to_undo, paste_ignored,
    waiting_for_lock,
};

pub use friction::{all_undone, done_goes_down, more_below, no_further_revision};
pub use legend::{moves_meaning, symbols_heading};
pub use problems::{no_problems, problem_counts, problems_hint, problems_title};

pub use rollup::{
    assumed_legend, expected, figures_only, measured, no_gauge, nothing_begun, planned, scope,
    source_label,
};

use crate::model::{Lang, Status};

/// Every fixed label of the review screen, in one language.
// Serialised in tests only, so the punctuation check sees every field.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Strings {
    pub as_of: &'static str,
    pub items: &'static str,
    pub indicators_met: &'static str,
    pub worst: &'static str,
    pub all_well: &'static str,
    pub no_indicators: &'static str,
    pub scroll_hint: &'static str,
    pub no_tasks: &'static str,
    pub lead: &'static str,
    pub start: &'static str,
    pub due: &'static str,
    pub note: &'static str,
    pub history: &'static str,
    pub no_history: &'static str,
    pub pace: &'static str,
    pub achieved_rate: &'static str,
    pub needed_rate: &'static str,
    pub past_due: &'static str,
    pub projected_finish: &'static str,
    pub per_day: &'static str,
    pub expected_by_now: &'static str,
    pub value: &'static str,
    pub target: &'static str,
    pub no_target: &'static str,
    pub class_scale: &'static str,
    pub sort: &'static str,
    pub filter: &'static str,
    pub no_match: &'static str,
    pub no_items: &'static str,
    pub loaded_at: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub help_mouse: &'static str,
    pub too_small: &'static str,
    pub need: &'static str,
    pub no_plan: &'static str,
    pub file_missing: &'static str,
    pub not_found: &'static str,
    pub load_failed: &'static str,
    pub update_done: &'static str,
    pub update_value: &'static str,
    pub update_hint: &'static str,
    pub not_a_number: &'static str,
    pub negative: &'static str,
    pub not_a_level: &'static str,
    pub only_tasks: &'static str,
    pub nothing_selected: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub editor_failed: &'static str,
    pub watch_failed: &'static str,
    pub no_campaigns: &'static str,
    pub context_global: &'static str,
    pub context_always: &'static str,
    pub context_overview: &'static str,
    pub context_campaign: &'static str,
    pub context_help: &'static str,
    pub context_filter: &'static str,
    pub context_search: &'static str,
    /// The search prompt's label and the results list's title.
    pub search: &'static str,
    pub no_result: &'static str,
    pub context_update: &'static str,
    pub sort_status: &'static str,
    pub sort_progress: &'static str,
    pub sort_due: &'static str,
    pub sort_name: &'static str,
    pub attention_title: &'static str,
    pub attention_none: &'static str,
    pub attention_status: &'static str,
    pub attention_campaign: &'static str,
    pub attention_item: &'static str,
    pub attention_figure: &'static str,
    pub attention_lead: &'static str,
    pub attention_gap: &'static str,
    pub attention_gap_legend: &'static str,
    pub assumed_legend: &'static str,
    /// Between a label and what it labels: `: ` / `：`.
    pub colon: &'static str,
    /// Around an aside: ` (` and `)` / `（` and `）`.
    pub open: &'static str,
    pub close: &'static str,
    /// Between two clauses: `, ` / `，`.
    pub comma: &'static str,
}

pub const ZH: Strings = Strings {
    as_of: "截至",
    items: "任务与指标",
    indicators_met: "指标达标",
    worst: "需关注",
    all_well: "暂无需关注事项",
    no_indicators: "暂无指标",
    scroll_hint: "j/k 滚动",
    // The card has no gauge: every task is a count, none has a total.
    no_tasks: "暂无可计算进度的任务",
    lead: "责任单位",
    start: "开始",
    due: "截止",
    note: "备注",
    history: "历史",
    no_history: "暂无记录",
    pace: "推进速度",
    // "推进速度 实际 0.15 个/天 · 按期需 0.20 个/天".
    achieved_rate: "实际",
    needed_rate: "按期需",
    past_due: "已逾期",
    projected_finish: "预计完成",
    per_day: "/天",
    expected_by_now: "序时进度",
    // 现值 is also finance's "present value".
    value: "当前值",
    target: "目标",
    no_target: "无目标",
    class_scale: "水质类别",
    sort: "排序",
    filter: "筛选",
    no_match: "没有符合筛选条件的项",
    no_items: "该攻坚战暂无任务和指标",
    loaded_at: "载入于",
    help_title: "按键说明",
    help_close: "? / Esc 关闭",
    help_mouse: "鼠标：以 --mouse 启动时，可用滚轮滚动、点击选中",
    too_small: "窗口太小",
    need: "需要",
    no_plan: "没有可显示的计划",
    file_missing: "文件不见了，仍显示上次载入的数据",
    not_found: "找不到文件",
    load_failed: "仍显示上次载入的数据",
    update_done: "新的完成数",
    update_value: "新的当前值",
    update_hint: "Enter 保存 · Esc 取消",
    not_a_number: "请输入数字",
    negative: "不能为负数",
    not_a_level: "请输入数字或水质类别（I II III IV V 劣V）",
    only_tasks: "只有任务可以加减完成数",
    nothing_selected: "未选中任何项",
    saved: "已保存",
    save_failed: "保存失败",
    editor_failed: "无法打开编辑器",
    watch_failed: "自动重新加载已停止（按 r 重试）",
    no_campaigns: "计划中没有攻坚战",
    context_global: "任何视图",
    context_always: "随时（输入框中也可）",
    context_overview: "总览",
    context_campaign: "攻坚战",
    context_help: "帮助",
    context_filter: "筛选输入",
    context_search: "搜索输入",
    search: "搜索",
    no_result: "没有匹配的事项",
    context_update: "更新输入",
    sort_status: "状态",
    sort_progress: "进度",
    sort_due: "截止",
    sort_name: "名称",
    attention_title: "督办清单",
    attention_none: "没有需要督办的事项：无逾期、未达标、滞后或有风险的任务和指标。",
    attention_status: "状态",
    attention_campaign: "攻坚战",
    attention_item: "事项",
    attention_figure: "完成情况",
    attention_lead: "责任单位",
    attention_gap: "序时差距",
    attention_gap_legend: "序时差距：低于序时进度的百分点",
    assumed_legend: "* 示例：非来源数据",
    colon: "：",
    open: "（",
    close: "）",
    comma: "，",
};

pub const EN: Strings = Strings {
    as_of: "as of",
    items: "Tasks and indicators",
    indicators_met: "indicators met",
    worst: "Needs attention",
    all_well: "nothing needs attention",
    no_indicators: "no indicators",
    scroll_hint: "j/k scroll",
    no_tasks: "no tasks with a total",
    lead: "Lead",
    start: "Start",
    due: "Due",
    note: "Note",
    history: "History",
    no_history: "no history",
    pace: "Pace",
    achieved_rate: "achieved",
    needed_rate: "needed",
    past_due: "past due",
    projected_finish: "Projected finish",
    per_day: "/day",
    expected_by_now: "expected by now",
    value: "Value",
    target: "Target",
    no_target: "no target",
    class_scale: "Water class",
    sort: "sort",
    filter: "filter",
    no_match: "nothing matches",
    no_items: "this campaign has no tasks or indicators yet",
    loaded_at: "loaded",
    help_title: "Keys",
    help_close: "? / Esc close",
    help_mouse: "Mouse: start with --mouse to scroll with the wheel and click to select",
    too_small: "too small",
    need: "need",
    no_plan: "no plan to show",
    file_missing: "the file is gone; still showing the last good data",
    not_found: "no such file",
    load_failed: "still showing the last good data",
    update_done: "New done count",
    update_value: "New value",
    update_hint: "Enter save, Esc cancel",
    not_a_number: "enter a number",
    negative: "must not be negative",
    not_a_level: "enter a number or a water class (I II III IV V 劣V)",
    only_tasks: "only tasks have a done count",
    nothing_selected: "nothing selected",
    saved: "saved",
    save_failed: "save failed",
    editor_failed: "could not open the editor",
    watch_failed: "live reload is off (r retries)",
    no_campaigns: "the plan has no campaigns",
    context_global: "Any view",
    context_always: "Always (prompts too)",
    context_overview: "Overview",
    context_campaign: "Campaign",
    context_help: "Help",
    context_filter: "Filter prompt",
    context_search: "Search prompt",
    search: "Search",
    no_result: "No item matches",
    context_update: "Update prompt",
    sort_status: "status",
    sort_progress: "progress",
    sort_due: "due",
    sort_name: "name",
    attention_title: "Attention list",
    attention_none: "Nothing needs attention: no item is overdue, not met, behind or at risk.",
    attention_status: "Status",
    attention_campaign: "Campaign",
    attention_item: "Item",
    attention_figure: "Figure",
    attention_lead: "Lead",
    attention_gap: "Gap/late",
    attention_gap_legend: "Gap: points short of expected by now",
    assumed_legend: "* assumed: not from the source",
    colon: ": ",
    open: " (",
    close: ")",
    comma: ", ",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A status in words, on screen and in the human reports alike: the
/// contract's kebab-case word in English, the words of the bureau's own
/// reports in Chinese. On track is 正常推进 (at or ahead of 序时进度, the
/// pair of 滞后); a plain count is a 数量, a figure with no target, which
/// fits people held accountable and complaints handled as well as work done.
pub fn status_word(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::En => status.as_str(),
        Lang::Zh => match status {
            Status::Done => "已完成",
            Status::NotStarted => "未开始",
            Status::Overdue => "逾期",
            Status::InProgress => "进行中",
            Status::DoneOpen => "已完成未销号",
            Status::OnTrack => "正常推进",
            Status::AtRisk => "有风险",
            Status::Behind => "滞后",
            Status::Count => "数量",
            Status::Met => "达标",
            Status::NotMet => "未达标",
            Status::NoTarget => "无目标",
        },
    }
}

/// "2 more" / "另有 2 项", under a list cut short.
pub fn more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有 {n} 项"),
        Lang::En => format!("{n} more"),
    }
}

/// "Needs attention: 2 items" / "需关注：2 项", where a card has no room to
/// list them (a bare heading would read as "nothing").
pub fn attention_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Zh, n) => format!("{}：{n} 项", strings(lang).worst),
        (Lang::En, 1) => format!("{}: 1 item", strings(lang).worst),
        (Lang::En, n) => format!("{}: {n} items", strings(lang).worst),
    }
}

/// "87 labels to finish today" / "今日需完成 87 个".
pub fn to_finish_today(remaining: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("今日需完成 {remaining}"),
        Lang::En => format!("{remaining} to finish today"),
    }
}

/// "1 warning", "3 warnings" / "3 条警告".
pub fn warnings(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Zh, n) => format!("{n} 条警告"),
        (Lang::En, 1) => "1 warning".to_owned(),
        (Lang::En, n) => format!("{n} warnings"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Chinese string of the interface, for the punctuation check:
    /// each field of `Strings` (a new field cannot be left out) and the
    /// status words.
    fn chinese_strings() -> Vec<String> {
        let fields = match serde_json::to_value(&ZH) {
            Ok(serde_json::Value::Object(fields)) => fields,
            other => panic!("Strings serialises as an object, not {other:?}"),
        };
        let mut all: Vec<String> = fields
            .into_iter()
            .map(|(name, text)| match text {
                serde_json::Value::String(text) => text,
                other => panic!("{name} is not a string: {other:?}"),
            })
            .collect();
        all.extend(
            Status::TASK
                .iter()
                .chain(&Status::INDICATOR)
                .map(|s| status_word(*s, Lang::Zh).to_owned()),
        );
        all
    }

    #[test]
    fn chinese_uses_full_width_punctuation() {
        for text in chinese_strings() {
            assert!(!text.contains([',', ':', ';', '(', ')']), "{text}");
        }
        assert_eq!(ZH.lead, "责任单位");
        assert_eq!(ZH.expected_by_now, "序时进度");
    }

    #[test]
    fn english_status_words_are_the_contract_words() {
        for status in Status::TASK.iter().chain(Status::INDICATOR.iter()) {
            assert_eq!(status_word(*status, Lang::En), status.as_str());
            assert!(!status_word(*status, Lang::Zh).is_ascii());
        }
    }
}
