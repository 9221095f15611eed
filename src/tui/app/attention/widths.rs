//! The widths of the columns of a list across campaigns, measured once when
//! the list is made.

use super::lead;
use crate::figures;
use crate::model::attention::Attention;
use crate::model::{Item, Lang, Marked, Notice, Plan, PlanStatus, Status};
use crate::tui::geometry::columns::Columns;

/// Measured by display width without formatting what needs no formatting:
/// a task's figure from its digits, a gap by its widest possible text.
pub(super) fn measure(
    plan: &Plan,
    status: &PlanStatus,
    items: &[Attention],
    lang: Lang,
    ascii: bool,
) -> Columns {
    let mut w = Columns::default();
    // The most days late, and whether any count to an assumed due (`*`).
    let (mut most_late, mut late_marked) = (None::<i64>, false);
    let width = |text: &str| u16::try_from(crate::text::width(text)).unwrap_or(u16::MAX);
    // The name as a row writes it, with its 督办 notices.
    let dot = if ascii { " - " } else { " · " };
    let named = |name: &str, notices: &[Notice]| {
        figures::name_with_notices(name, notices, status.as_of, lang, dot)
    };
    for a in items {
        let Some(campaign) = plan.campaigns.get(a.campaign) else {
            continue;
        };
        let word = width(crate::i18n::status_word(a.status, lang));
        // A symbol is one column in Unicode and in ASCII; then a space.
        w.status = w.status.max(2 + word + u16::from(a.assumed));
        w.campaign = w.campaign.max(width(campaign.name.get(lang)));
        w.lead = w
            .lead
            .max(lead(campaign, a.item).map_or(1, |t| width(t.get(lang))));
        match a.item {
            Item::Task(i) => {
                let Some(task) = campaign.tasks.get(i) else {
                    continue;
                };
                w.item = w
                    .item
                    .max(width(&named(task.name.get(lang), &task.notices)));
                let figure = figures::task_figure_width(task, lang);
                w.figure = w.figure.max(u16::try_from(figure).unwrap_or(u16::MAX));
                let percent = status
                    .campaigns
                    .get(a.campaign)
                    .and_then(|c| c.tasks.get(i))
                    .and_then(figures::task_percent);
                w.percent = w.percent.max(percent.map_or(0, |p| width(&p)));
                match (a.status, a.days_late, a.gap) {
                    (Status::Overdue, Some(days), _) => {
                        most_late = most_late.max(Some(days.value()));
                        late_marked |= days.assumed();
                    }
                    (Status::Overdue, None, _) | (_, _, None) => {}
                    (_, _, Some(gap)) => {
                        let gap_width = figures::gap_text_width(lang, gap.assumed());
                        w.gap = w.gap.max(width_of(gap_width));
                    }
                }
            }
            Item::Indicator(i) => {
                let Some(indicator) = campaign.indicators.get(i) else {
                    continue;
                };
                let name = named(indicator.name.get(lang), &indicator.notices);
                w.item = w.item.max(width(&name));
                let figure = figures::marked_indicator_figure(indicator, lang, ascii);
                w.figure = w.figure.max(width(&figure));
            }
        }
    }
    if let Some(days) = most_late {
        let late = figures::days_left(Marked::new(-days, late_marked), lang);
        w.gap = w.gap.max(width_of(late.width()));
    }
    w
}

fn width_of(columns: usize) -> u16 {
    u16::try_from(columns).unwrap_or(u16::MAX)
}
