//! The words around a campaign's roll-up (contract 2): what its gauge stands
//! for, what lies ahead, 序时进度, and the legend of the assumed marker.
//! Shared by the screen and the human reports.

use crate::model::{Lang, Scope, ScopeItems};

/// "1 of 9 tasks measured" / "9项任务中1项计入进度": how many tasks the gauge
/// stands for.
pub fn measured(measured: usize, tasks: usize, lang: Lang) -> String {
    match (lang, tasks) {
        (Lang::Zh, _) => format!("{tasks}项任务中{measured}项计入进度"),
        (Lang::En, 1) => format!("{measured} of 1 task measured"),
        (Lang::En, _) => format!("{measured} of {tasks} tasks measured"),
    }
}

/// "1 planned, from 2025-01-01" / "另有1项计划任务，2025-01-01起": tasks
/// that start after the reporting date (`from`: the first one's start).
pub fn planned(planned: usize, from: Option<&str>, lang: Lang) -> String {
    match (lang, from) {
        (Lang::Zh, Some(from)) => format!("另有{planned}项计划任务，{from}起"),
        (Lang::Zh, None) => format!("另有{planned}项计划任务"),
        (Lang::En, Some(from)) => format!("{planned} planned, from {from}"),
        (Lang::En, None) => format!("{planned} planned"),
    }
}

/// Said instead of a gauge when every task with a total starts later:
/// "not begun: 1 task from 2025-01-01".
pub fn nothing_begun(planned: usize, from: &str, lang: Lang) -> String {
    match (lang, planned) {
        (Lang::Zh, _) => format!("尚未开始：{planned}项任务{from}起"),
        (Lang::En, 1) => format!("not begun: 1 task from {from}"),
        (Lang::En, _) => format!("not begun: {planned} tasks from {from}"),
    }
}

/// Said instead of a gauge when no task has a total.
pub fn no_gauge(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "无进度条：任务均无总量",
        Lang::En => "no gauge: no task has a total",
    }
}

/// Said instead of a status when nothing has a total or a target.
pub fn figures_only(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "仅列数量，无可评判项",
        Lang::En => "figures only, nothing to judge",
    }
}

/// "expected 100%" / "序时进度 100%": where the gauge should be by now.
pub fn expected(percent: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("序时进度 {percent}"),
        Lang::En => format!("expected {percent}"),
    }
}

/// The legend of the `*` that follows an assumed value.
pub fn assumed_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "* 示例：非来源数据",
        Lang::En => "* assumed: not from the source",
    }
}

/// What goes before `meta.source`: "Source: " / "资料来源：".
pub fn source_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "资料来源：",
        Lang::En => "Source: ",
    }
}

/// What a campaign's headline status speaks for, after it: "1 of 3 measured
/// tasks", "1 of 2 indicators", "1 measured task" / "3项计入进度的任务中1项".
pub fn scope(scope: Scope, lang: Lang) -> String {
    let Scope { count, of, items } = scope;
    let (en_one, en_many, zh) = match items {
        ScopeItems::MeasuredTasks => ("measured task", "measured tasks", "项计入进度的任务"),
        ScopeItems::PlannedTasks => ("planned task", "planned tasks", "项计划任务"),
        ScopeItems::Indicators => ("indicator", "indicators", "项指标"),
    };
    let noun = if of == 1 { en_one } else { en_many };
    match lang {
        // Planned tasks carry the headline only when nothing has begun: all of them.
        Lang::Zh if items == ScopeItems::PlannedTasks => format!("{count}{zh}"),
        Lang::En if items == ScopeItems::PlannedTasks => format!("{count} {noun}"),
        Lang::Zh if count == of && of == 1 => format!("1{zh}"),
        Lang::Zh if count == of => format!("全部{of}{zh}"),
        Lang::Zh => format!("{of}{zh}中{count}项"),
        Lang::En if count == of && of == 1 => format!("1 {noun}"),
        Lang::En if count == of => format!("all {of} {noun}"),
        Lang::En => format!("{count} of {of} {noun}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(measured(1, 9, Lang::En), "1 of 9 tasks measured");
        assert_eq!(measured(1, 1, Lang::En), "1 of 1 task measured");
        assert_eq!(measured(1, 9, Lang::Zh), "9项任务中1项计入进度");
        assert_eq!(
            planned(1, Some("2025-01-01"), Lang::Zh),
            "另有1项计划任务，2025-01-01起"
        );
        assert_eq!(planned(2, None, Lang::En), "2 planned");
        assert_eq!(
            nothing_begun(1, "2025-01-01", Lang::En),
            "not begun: 1 task from 2025-01-01"
        );
        assert_eq!(
            nothing_begun(2, "2025-01-01", Lang::En),
            "not begun: 2 tasks from 2025-01-01"
        );
    }
}
