//! The attention list (督办清单) of the markdown and text reports: the items
//! of `model::attention::attention`, in its order (worst first across the
//! campaigns), each with its figure, 责任单位, and how far it is off.

use super::Report;
use super::marks::{self, Marker};
use super::words::{self, Words, status_with_symbol};
use crate::figures;
use crate::model::attention::Attention;
use crate::model::{Field, Indicator, Item, Lang, Level, Status, Task, TaskSchedule};

/// How a format writes text from the file.
pub type Escape = fn(&str) -> String;

/// One line per item that needs attention:
/// `▼ behind* · Clear Water / Main Canal …: 53/77 outfalls (68%) · expected by now 100%*, 32 points short* · Lead: …`
pub fn lines(report: &Report<'_>, escape: Escape, marker: &Marker) -> Vec<String> {
    let (lang, ascii) = (report.lang, report.ascii);
    let w = words::words(lang);
    report
        .attention()
        .into_iter()
        .filter_map(|item| {
            let campaign = report.plan.campaigns.get(item.campaign)?;
            let status = report.status.campaigns.get(item.campaign)?;
            let (name, mut details, lead, notices) = match item.item {
                Item::Task(i) => {
                    let task = campaign.tasks.get(i)?;
                    let schedule = status.tasks.get(i)?;
                    let figure = task_figure(task, schedule, (lang, w), escape, marker);
                    let mut details = vec![figure];
                    details.extend(how_far_off(&item, schedule, lang, marker));
                    (&task.name, details, task.lead.as_ref(), &task.notices)
                }
                Item::Indicator(i) => {
                    let indicator = campaign.indicators.get(i)?;
                    let figure = indicator_figure(indicator, (lang, ascii, w), escape, marker);
                    let lead = indicator.lead.as_ref();
                    (&indicator.name, vec![figure], lead, &indicator.notices)
                }
            };
            // 督办: "2 notices · last 05-10", as the screen's list shows it.
            details.extend(figures::notices_line(notices, report.as_of(), lang, " · "));
            if let Some(lead) = lead.or(campaign.lead.as_ref()) {
                details.push(format!("{}{}{}", w.lead, w.colon, escape(lead.get(lang))));
            }
            let status = marker.mark(status_with_symbol(item.status, lang, ascii), item.assumed);
            Some(format!(
                "{status} · {} / {}{}{}",
                escape(campaign.name.get(lang)),
                escape(name.get(lang)),
                w.colon,
                details.join(" · ")
            ))
        })
        .collect()
}

/// `53/77 outfalls (68%)`, marked when the done count or total is assumed.
pub fn task_figure(
    task: &Task,
    schedule: &TaskSchedule,
    (lang, w): (Lang, &Words),
    escape: Escape,
    marker: &Marker,
) -> String {
    let assumed = marks::figure_assumed(schedule);
    let mut figure = marker.mark(escape(&figures::task_figure(task, lang)), assumed);
    if let Some(percent) = figures::task_percent(schedule) {
        figure = format!(
            "{figure}{}{}{}",
            w.open,
            marker.mark(percent, assumed),
            w.close
        );
    }
    figure
}

/// `94% (target ≥ 95%*)`, each value marked when it is assumed.
pub fn indicator_figure(
    indicator: &Indicator,
    (lang, ascii, w): (Lang, bool, &Words),
    escape: Escape,
    marker: &Marker,
) -> String {
    let value = marker.mark(
        escape(&figures::indicator_value(indicator, lang, ascii)),
        indicator.assumed.contains(Field::Value),
    );
    let Some(target) = figures::indicator_target(indicator, lang, ascii) else {
        return value;
    };
    let target = marker.shown(&target.map(escape));
    // "目标 ≥ 95%" but "目标达到或优于Ⅲ类": a comparison stands apart, words join.
    let words = matches!(indicator.target, Some(Level::WaterClass(_)));
    let space = if lang == Lang::Zh && words { "" } else { " " };
    format!(
        "{value}{}{}{space}{target}{}",
        w.open, w.target_inline, w.close
    )
}

/// The gap to 序时进度 of a behind or at-risk task, the days late of an
/// overdue one.
fn how_far_off(
    item: &Attention,
    schedule: &TaskSchedule,
    lang: Lang,
    marker: &Marker,
) -> Option<String> {
    match item.status {
        Status::Overdue => {
            let days = schedule.marked_days_left()?;
            Some(marker.shown(&figures::days_left(days, lang)))
        }
        Status::Behind | Status::AtRisk => {
            let expected = schedule.marked_expected()?;
            let percent = marker.shown(&figures::marked_percent(expected));
            let expected_words = words::expected(&percent, lang);
            let w = words::words(lang);
            let gap = figures::gap(expected, schedule.marked_fraction()?)
                .filter(|points| points.value() > 0);
            Some(match gap {
                Some(points) => {
                    let short = figures::Shown::of(points, |p| words::points_short(p, lang));
                    format!("{expected_words}{}{}", w.comma, marker.shown(&short))
                }
                // Short by less than the shown percentages tell apart.
                None => expected_words,
            })
        }
        _ => None,
    }
}

impl Report<'_> {
    /// The items that need attention in the campaigns shown, worst first.
    pub fn attention(&self) -> Vec<Attention> {
        crate::model::attention::attention(&self.status)
            .into_iter()
            .filter(|item| self.selected.contains(&item.campaign))
            .collect()
    }
}
