//! The ledger's own words (sheet names, column headers, kinds of row) in
//! Chinese and English. Words the other reports already say (序时进度,
//! 责任单位, the dates) come from `report::words`, so they read the same.

use crate::model::{Field, Lang};

use super::super::words::{self as report_words, Words};

/// The headers and names of the workbook in one language.
pub struct Ledger {
    pub overview_sheet: &'static str,
    pub attention_sheet: &'static str,
    pub number: &'static str,
    pub campaign: &'static str,
    pub kind: &'static str,
    pub name: &'static str,
    pub done_or_value: &'static str,
    pub total_or_target: &'static str,
    pub unit: &'static str,
    pub gap: &'static str,
    /// The column that names the row's fields not from the source.
    pub assumed: &'static str,
    pub previous: &'static str,
    pub change: &'static str,
    /// 上年同期: last year's figure, its date and source, and 同比.
    pub last_year: &'static str,
    pub last_year_from: &'static str,
    pub yoy: &'static str,
    pub task: &'static str,
    pub figure: &'static str,
    pub indicator: &'static str,
    pub measured: &'static str,
    pub tasks: &'static str,
    pub planned: &'static str,
    pub indicators_met: &'static str,
    pub with_target: &'static str,
    pub end: &'static str,
    pub page: &'static str,
}

const ZH: Ledger = Ledger {
    overview_sheet: "总览",
    attention_sheet: "督办清单",
    number: "序号",
    campaign: "攻坚战",
    kind: "类别",
    name: "名称",
    done_or_value: "完成数/现值",
    total_or_target: "总数/目标",
    unit: "单位",
    gap: "差距（百分点）",
    assumed: "示例字段",
    previous: "上次调度",
    change: "较上次调度",
    last_year: "上年同期",
    last_year_from: "上年同期日期及来源",
    yoy: "同比（百分点/%/天）",
    task: "任务",
    figure: "工作量",
    indicator: "指标",
    measured: "计入任务",
    tasks: "任务数",
    planned: "计划任务",
    indicators_met: "指标达标",
    with_target: "有目标的指标",
    end: "结束日期",
    page: "第 &P 页，共 &N 页",
};

const EN: Ledger = Ledger {
    overview_sheet: "Overview",
    attention_sheet: "Attention list",
    number: "No.",
    campaign: "Campaign",
    kind: "Kind",
    name: "Name",
    done_or_value: "Done / value",
    total_or_target: "Total / target",
    unit: "Unit",
    gap: "Gap (points)",
    assumed: "Assumed fields",
    previous: "Previous",
    change: "Change",
    last_year: "Same period last year",
    last_year_from: "Its date and source",
    yoy: "Year on year (pp / % / days)",
    task: "task",
    figure: "figure",
    indicator: "indicator",
    measured: "Tasks measured",
    tasks: "Tasks",
    planned: "Planned",
    indicators_met: "Indicators met",
    with_target: "With a target",
    end: "End",
    page: "Page &P of &N",
};

pub fn ledger(lang: Lang) -> &'static Ledger {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The report words shared with markdown and text.
pub fn report(lang: Lang) -> &'static Words {
    report_words::words(lang)
}

/// A field of `assumed` as the ledger names it: `截止日期` / `due`.
pub fn field(field: Field, lang: Lang) -> &'static str {
    match lang {
        Lang::En => field.as_str(),
        Lang::Zh => match field {
            Field::Start => "开始日期",
            Field::End => "结束日期",
            Field::Due => "截止日期",
            Field::Done => "完成数",
            Field::Total => "总数",
            Field::Value => "现值",
            Field::Target => "目标",
            Field::Weight => "权重",
            Field::History => "历史",
        },
    }
}
