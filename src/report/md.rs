//! The markdown bulletin: title, organisation and reporting date; what needs
//! attention first; then each campaign's summary line and its tables of
//! tasks and indicators. Text from the file is escaped so it stays text.

use std::fmt::Write;

use super::Report;
use super::words::{self, Words, status_with_symbol};
use crate::figures;
use crate::model::{Campaign, CampaignStatus, Indicator, Lang, Rollup, Status, Task, TaskSchedule};

pub fn render(report: &Report<'_>) -> String {
    let lang = report.lang;
    let w = words::words(lang);
    let meta = &report.plan.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(meta.title.get(lang)));
    let mut byline = Vec::new();
    if let Some(organisation) = &meta.organisation {
        byline.push(escape(organisation.get(lang)));
    }
    byline.push(format!("{}{}{}", w.reporting_date, w.colon, report.as_of()));
    let _ = writeln!(out, "{}\n", byline.join(" · "));
    if let Some(source) = &meta.source {
        let _ = writeln!(out, "{}{}{}\n", w.source, w.colon, escape(source.get(lang)));
    }
    attention(&mut out, report, w);
    for (campaign, status) in report.campaigns() {
        campaign_section(&mut out, campaign, status, (lang, report.ascii), w);
    }
    // One trailing line break, however the last section ended.
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// The items that need attention, worst first: overdue, behind, at-risk
/// tasks, then indicators that miss their target.
fn attention(out: &mut String, report: &Report<'_>, w: &Words) {
    let (lang, ascii) = (report.lang, report.ascii);
    let mut items: Vec<(Status, String)> = Vec::new();
    for (campaign, status) in report.campaigns() {
        let campaign_name = escape(campaign.name.get(lang));
        for (task, schedule) in campaign.tasks.iter().zip(&status.tasks) {
            if schedule.status.needs_attention() {
                let line = format!(
                    "{} · {campaign_name} / {}{}{}",
                    status_with_symbol(schedule.status, lang, ascii),
                    escape(task.name.get(lang)),
                    w.colon,
                    task_summary(task, schedule, lang, w),
                );
                items.push((schedule.status, line));
            }
        }
        for (indicator, status) in campaign.indicators.iter().zip(&status.indicators) {
            if status.status.needs_attention() {
                let line = format!(
                    "{} · {campaign_name} / {}{}{}",
                    status_with_symbol(status.status, lang, ascii),
                    escape(indicator.name.get(lang)),
                    w.colon,
                    indicator_summary(indicator, lang, ascii, w),
                );
                items.push((status.status, line));
            }
        }
    }
    items.sort_by_key(|(status, _)| *status);
    let _ = writeln!(out, "## {}\n", w.needs_attention);
    if items.is_empty() {
        let _ = writeln!(out, "{}\n", w.nothing_needs_attention);
        return;
    }
    for (_, line) in items {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

fn task_summary(task: &Task, schedule: &TaskSchedule, lang: Lang, w: &Words) -> String {
    let mut text = escape(&figures::task_figure(task, lang));
    if let Some(percent) = figures::task_percent(schedule) {
        let _ = write!(text, "{}{percent}{}", w.open, w.close);
    }
    if let Some(due) = schedule.due {
        let _ = write!(text, "{}{} {}", w.comma, w.due_inline, figures::date(due));
    }
    if let Some(days) = schedule.days_left {
        let _ = write!(text, "{}{}", w.comma, figures::days_left(days, lang));
    }
    text
}

fn indicator_summary(indicator: &Indicator, lang: Lang, ascii: bool, w: &Words) -> String {
    let mut text = escape(&figures::indicator_value(indicator, lang, ascii));
    if let Some(target) = target(indicator, lang, ascii) {
        // "目标 ≥ 95%" but "目标达到或优于Ⅲ类": Chinese words join.
        let words = matches!(indicator.target, Some(crate::model::Level::WaterClass(_)));
        let gap = if lang == Lang::Zh && words { "" } else { " " };
        let _ = write!(
            text,
            "{}{}{gap}{}",
            w.comma,
            w.target_inline,
            escape(&target)
        );
    }
    text
}

/// The target as the bulletin words it: a comparison and the unit for a
/// number (`≤ 35 μg/m³`), a class in words (`II or better`, `达到或优于Ⅱ类`).
fn target(indicator: &Indicator, lang: Lang, ascii: bool) -> Option<String> {
    figures::indicator_target(indicator, lang, ascii)
}

fn campaign_section(
    out: &mut String,
    campaign: &Campaign,
    status: &CampaignStatus,
    (lang, ascii): (Lang, bool),
    w: &Words,
) {
    let _ = writeln!(out, "## {}\n", escape(campaign.name.get(lang)));
    let _ = writeln!(out, "{}\n", summary_line(&status.rollup, lang, ascii, w));
    if !campaign.tasks.is_empty() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            w.task, w.figures, w.share, w.status, w.due, w.days_left
        );
        out.push_str("| --- | ---: | ---: | --- | --- | ---: |\n");
        for (task, schedule) in campaign.tasks.iter().zip(&status.tasks) {
            let days = match (schedule.status, schedule.days_left) {
                // A finished task or a plain count has no days left to count.
                (Status::Done | Status::Count, _) | (_, None) => String::new(),
                (_, Some(days)) => days.to_string(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                escape(task.name.get(lang)),
                escape(&figures::task_figure(task, lang)),
                figures::task_percent(schedule).unwrap_or_default(),
                status_with_symbol(schedule.status, lang, ascii),
                schedule.due.map(figures::date).unwrap_or_default(),
                days,
            );
        }
        out.push('\n');
    }
    if !campaign.indicators.is_empty() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            w.indicator, w.value, w.target, w.status
        );
        out.push_str("| --- | ---: | --- | --- |\n");
        for (indicator, status) in campaign.indicators.iter().zip(&status.indicators) {
            let target = target(indicator, lang, ascii);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                escape(indicator.name.get(lang)),
                escape(&figures::indicator_value(indicator, lang, ascii)),
                target.as_deref().map(escape).unwrap_or_default(),
                status_with_symbol(status.status, lang, ascii),
            );
        }
        out.push('\n');
    }
}

/// `Progress 97% · worst ▲ at-risk · Tasks: 2 ✔ done, 1 ▲ at-risk · Indicators met 2/3`
fn summary_line(rollup: &Rollup, lang: Lang, ascii: bool, w: &Words) -> String {
    let mut parts = Vec::new();
    match rollup.progress {
        Some(progress) => parts.push(format!("{} {}", w.progress, figures::percent(progress))),
        None => parts.push(format!(
            "{} —{}{}{}",
            w.progress, w.open, w.no_progress, w.close
        )),
    }
    if let Some(worst) = rollup.status {
        parts.push(format!(
            "{} {}",
            w.worst,
            status_with_symbol(worst, lang, ascii)
        ));
    }
    if !rollup.status_counts.is_empty() {
        let counts: Vec<String> = rollup
            .status_counts
            .iter()
            .map(|(status, n)| format!("{n} {}", status_with_symbol(*status, lang, ascii)))
            .collect();
        parts.push(format!(
            "{}{}{}",
            w.tasks,
            w.colon,
            counts.join(w.list_separator)
        ));
    }
    if rollup.indicators_with_target > 0 {
        parts.push(format!(
            "{} {}/{}",
            w.indicators_met, rollup.indicators_met, rollup.indicators_with_target
        ));
    }
    parts.join(" · ")
}

/// Text from the file as literal markdown: one line, with every character
/// markdown or HTML would act on escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if crate::text::is_unsafe(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_act_on() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
        assert_eq!(escape("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("PM2.5 年均浓度"), "PM2.5 年均浓度");
    }
}
