//! The plain-text summary for a terminal or an email. Chinese reads like the
//! bureau's own report ("113个长江入河排污口整治已完成110个"); English reads
//! as a sentence ("Yangtze outfall rectification: 110 of 113 outfalls done").

use std::fmt::Write;

use super::Report;
use super::words::{self, Words};
use crate::figures;
use crate::i18n::status_word;
use crate::model::{Indicator, Lang, Level, Rollup, Status, Task, TaskSchedule};

pub fn render(report: &Report<'_>) -> String {
    let lang = report.lang;
    let w = words::words(lang);
    let meta = &report.plan.meta;
    let mut out = String::new();
    let _ = writeln!(out, "{}", one_line(meta.title.get(lang)));
    let as_of = match lang {
        Lang::Zh => format!("截至{}", report.as_of()),
        Lang::En => format!("as of {}", report.as_of()),
    };
    match &meta.organisation {
        Some(organisation) => {
            let _ = writeln!(
                out,
                "{}{}{as_of}",
                one_line(organisation.get(lang)),
                w.comma
            );
        }
        None => {
            let _ = writeln!(out, "{as_of}");
        }
    }
    for (campaign, status) in report.campaigns() {
        out.push('\n');
        let _ = writeln!(
            out,
            "{}{}{}",
            one_line(campaign.name.get(lang)),
            w.colon,
            campaign_summary(&status.rollup, campaign.tasks.len(), lang, w)
        );
        for (task, schedule) in campaign.tasks.iter().zip(&status.tasks) {
            let _ = writeln!(out, "  - {}", task_line(task, schedule, lang, w));
        }
        for (indicator, status) in campaign.indicators.iter().zip(&status.indicators) {
            let _ = writeln!(
                out,
                "  - {}",
                indicator_line(indicator, status.status, (lang, report.ascii), w)
            );
        }
    }
    out
}

/// `97% overall, worst at-risk; 3 tasks (2 done, 1 at-risk); indicators met 2 of 3.`
fn campaign_summary(rollup: &Rollup, tasks: usize, lang: Lang, w: &Words) -> String {
    let mut parts = Vec::new();
    match (rollup.progress, rollup.status) {
        (Some(progress), Some(worst)) => parts.push(match lang {
            Lang::Zh => format!(
                "总体进度{}，最差状态{}",
                figures::percent(progress),
                status_word(worst, lang)
            ),
            Lang::En => format!(
                "{} overall, worst {}",
                figures::percent(progress),
                status_word(worst, lang)
            ),
        }),
        (Some(progress), None) => parts.push(match lang {
            Lang::Zh => format!("总体进度{}", figures::percent(progress)),
            Lang::En => format!("{} overall", figures::percent(progress)),
        }),
        _ => {}
    }
    if tasks > 0 {
        let counts: Vec<String> = rollup
            .status_counts
            .iter()
            .map(|(s, n)| match lang {
                Lang::Zh => format!("{}{n}项", status_word(*s, lang)),
                Lang::En => format!("{n} {}", status_word(*s, lang)),
            })
            .collect();
        let counts = counts.join(w.list_separator);
        parts.push(match lang {
            Lang::Zh => format!("任务{tasks}项（{counts}）"),
            Lang::En if tasks == 1 => format!("1 task ({counts})"),
            Lang::En => format!("{tasks} tasks ({counts})"),
        });
    }
    if rollup.indicators_with_target > 0 {
        let (met, of) = (rollup.indicators_met, rollup.indicators_with_target);
        parts.push(match lang {
            Lang::Zh => format!("指标达标{met}/{of}"),
            Lang::En => format!("indicators met {met} of {of}"),
        });
    }
    if parts.is_empty() {
        return match lang {
            Lang::Zh => "暂无任务和指标。".to_owned(),
            Lang::En => "no tasks or indicators yet.".to_owned(),
        };
    }
    let separator = match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    format!("{}{}", parts.join(separator), w.full_stop)
}

fn task_line(task: &Task, schedule: &TaskSchedule, lang: Lang, w: &Words) -> String {
    let name = one_line(task.name.get(lang));
    let unit = figures::task_unit(task, lang).map(one_line);
    let unit = unit.as_deref();
    let Some(total) = task.total else {
        // A plain count: the figure alone.
        let count = figures::with_unit(task.done, unit, lang);
        return format!("{name}{}{count}", w.colon);
    };
    let done = figures::number(task.done, lang);
    let mut line = match (lang, unit) {
        (Lang::Zh, Some(_)) => format!(
            "{}{name}已完成{}",
            figures::with_unit(total, unit, lang),
            figures::with_unit(task.done, unit, lang)
        ),
        (Lang::Zh, None) => format!("{name}已完成{done}/{}", figures::number(total, lang)),
        // The unit follows the total: "1 of 1 firm done".
        (Lang::En, _) => format!(
            "{name}: {done} of {} done",
            figures::with_unit(total, unit, lang)
        ),
    };
    let mut details = Vec::new();
    if let Some(fraction) = schedule.fraction {
        details.push(figures::percent(fraction));
    }
    details.push(status_word(schedule.status, lang).to_owned());
    if let Some(due) = schedule.due.map(figures::date) {
        let days = schedule
            .days_left
            .filter(|_| schedule.status != Status::Done)
            .map(|days| figures::days_left(days, lang));
        details.push(match (lang, days) {
            (Lang::Zh, Some(days)) => format!("{due}截止，{days}"),
            (Lang::Zh, None) => format!("{due}截止"),
            (Lang::En, Some(days)) => format!("due {due} ({days})"),
            (Lang::En, None) => format!("due {due}"),
        });
    }
    match lang {
        Lang::Zh => {
            let _ = write!(line, "（{}）", details.join("，"));
        }
        Lang::En => {
            // "(97%), on-track, due ...": the share sits beside the figures.
            let share = details.remove(0);
            let _ = write!(line, " ({share}), {}", details.join(", "));
        }
    }
    line
}

fn indicator_line(
    indicator: &Indicator,
    status: Status,
    (lang, ascii): (Lang, bool),
    w: &Words,
) -> String {
    let name = one_line(indicator.name.get(lang));
    // A class reads "Ⅲ类" in Chinese, its target "达到或优于Ⅲ类"; English
    // names already say "water class".
    let value = one_line(&figures::indicator_value(indicator, lang, ascii));
    let target = figures::indicator_target(indicator, lang, ascii).map(|t| one_line(&t));
    // "目标 ≥ 95%" as on the screen: a comparison sign stands apart.
    let gap = if matches!(indicator.target, Some(Level::Number(_))) {
        " "
    } else {
        ""
    };
    match (lang, target) {
        (Lang::Zh, Some(target)) => {
            format!(
                "{name}为{value}（目标{gap}{target}，{}）",
                status_word(status, lang)
            )
        }
        (Lang::Zh, None) => format!("{name}为{value}"),
        (Lang::En, Some(target)) => format!(
            "{name}{}{value}, target {target}, {}",
            w.colon,
            status_word(status, lang)
        ),
        (Lang::En, None) => format!("{name}{}{value}", w.colon),
    }
}

/// Text from the file on one line: line breaks become spaces and anything
/// unsafe for a terminal (the loader already removes it) a visible U+FFFD.
fn one_line(text: &str) -> String {
    crate::text::sanitize_line(&text.trim().replace("\r\n", " ").replace('\n', " "))
}
