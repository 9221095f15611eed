//! The widths of the columns of a list across campaigns, measured once when
//! the list is made.

use crate::figures;
use crate::model::attention::Attention;
use crate::model::{Campaign, Item, Lang, Marked, Notice, Plan, PlanStatus, Status};
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
    let mut part = Part::default();
    let mut owns = vec![None; plan.campaigns.len()];
    for a in items {
        let Some(own) = own_cached(&mut owns, plan, a.campaign, lang) else {
            continue;
        };
        part.add(plan, status, a, (lang, ascii), own);
    }
    part.columns(lang)
}

/// A campaign's own cells, the same on each of its rows: measured once.
#[derive(Clone, Copy, Debug)]
struct Own {
    name: u16,
    /// Its lead, the lead of its items that have none of their own.
    lead: u16,
}

fn own(campaign: &Campaign, lang: Lang) -> Own {
    Own {
        name: width(campaign.name.get(lang)),
        lead: campaign.lead.as_ref().map_or(1, |t| width(t.get(lang))),
    }
}

fn own_cached(owns: &mut [Option<Own>], plan: &Plan, index: usize, lang: Lang) -> Option<Own> {
    let campaign = plan.campaigns.get(index)?;
    let cached = owns.get_mut(index)?;
    Some(*cached.get_or_insert_with(|| own(campaign, lang)))
}

fn width(text: &str) -> u16 {
    u16::try_from(crate::text::width(text)).unwrap_or(u16::MAX)
}

/// What some rows need of each column: the widest cells, and the most days
/// late with whether any counts to an assumed due (`*`), written once all
/// rows are in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Part {
    cells: Columns,
    most_late: Option<i64>,
    late_marked: bool,
}

/// The plan's attention list measured campaign by campaign, in both
/// languages: a save that changes one campaign measures its rows again,
/// not the whole plan's (100 000 tasks).
#[derive(Debug, Default)]
pub(super) struct ByCampaign(Vec<[Part; 2]>);

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

impl ByCampaign {
    pub(super) fn new(plan: &Plan, status: &PlanStatus, items: &[Attention], ascii: bool) -> Self {
        let mut parts = vec![[Part::default(); 2]; plan.campaigns.len()];
        let mut owns = vec![[None; 2]; plan.campaigns.len()];
        for a in items {
            let (Some(part), Some(owns), Some(campaign)) = (
                parts.get_mut(a.campaign),
                owns.get_mut(a.campaign),
                plan.campaigns.get(a.campaign),
            ) else {
                continue;
            };
            for ((part, cached), lang) in part.iter_mut().zip(owns).zip(LANGS) {
                let own = *cached.get_or_insert_with(|| own(campaign, lang));
                part.add(plan, status, a, (lang, ascii), own);
            }
        }
        ByCampaign(parts)
    }

    /// Campaign `index` changed (and only it): its rows among `items` are
    /// measured again.
    pub(super) fn remeasure(
        &mut self,
        index: usize,
        (plan, status): (&Plan, &PlanStatus),
        items: &[Attention],
        ascii: bool,
    ) {
        let (Some(part), Some(campaign)) = (self.0.get_mut(index), plan.campaigns.get(index))
        else {
            return;
        };
        *part = [Part::default(); 2];
        for (part, lang) in part.iter_mut().zip(LANGS) {
            let own = own(campaign, lang);
            for a in items.iter().filter(|a| a.campaign == index) {
                part.add(plan, status, a, (lang, ascii), own);
            }
        }
    }

    /// Campaign `index` has a new name (and nothing else changed): the
    /// width of its name, which each of its rows shows, when it has rows
    /// in the list (`listed`).
    pub(super) fn renamed(&mut self, index: usize, plan: &Plan, listed: bool) {
        let (Some(part), Some(campaign)) = (self.0.get_mut(index), plan.campaigns.get(index))
        else {
            return;
        };
        for (part, lang) in part.iter_mut().zip(LANGS) {
            part.cells.campaign = if listed { own(campaign, lang).name } else { 0 };
        }
    }

    /// The list's columns in `lang`: the widest of every campaign's.
    pub(super) fn columns(&self, lang: Lang) -> Columns {
        let at = usize::from(lang == Lang::En);
        let all = self.0.iter().map(|parts| parts[at]);
        all.fold(Part::default(), Part::merge).columns(lang)
    }
}

impl Part {
    fn add(
        &mut self,
        plan: &Plan,
        status: &PlanStatus,
        a: &Attention,
        (lang, ascii): (Lang, bool),
        own: Own,
    ) {
        let Some(campaign) = plan.campaigns.get(a.campaign) else {
            return;
        };
        // The name as a row writes it, with its 督办 notices.
        let dot = if ascii { " - " } else { " · " };
        let named = |name: &str, notices: &[Notice]| {
            figures::name_with_notices(name, notices, status.as_of, lang, dot)
        };
        let w = &mut self.cells;
        let word = width(crate::i18n::status_word(a.status, lang));
        // A symbol is one column in Unicode and in ASCII; then a space.
        w.status = w.status.max(2 + word + u16::from(a.assumed));
        w.campaign = w.campaign.max(own.name);
        let item_lead = match a.item {
            Item::Task(i) => campaign.tasks.get(i).and_then(|t| t.lead.as_ref()),
            Item::Indicator(i) => campaign.indicators.get(i).and_then(|t| t.lead.as_ref()),
        };
        w.lead = w
            .lead
            .max(item_lead.map_or(own.lead, |t| width(t.get(lang))));
        match a.item {
            Item::Task(i) => {
                let Some(task) = campaign.tasks.get(i) else {
                    return;
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
                        self.most_late = self.most_late.max(Some(days.value()));
                        self.late_marked |= days.assumed();
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
                    return;
                };
                let name = named(indicator.name.get(lang), &indicator.notices);
                w.item = w.item.max(width(&name));
                let figure = figures::marked_indicator_figure(indicator, lang, ascii);
                w.figure = w.figure.max(width(&figure));
            }
        }
    }

    fn merge(self, other: Part) -> Part {
        let (a, b) = (self.cells, other.cells);
        Part {
            cells: Columns {
                status: a.status.max(b.status),
                campaign: a.campaign.max(b.campaign),
                item: a.item.max(b.item),
                figure: a.figure.max(b.figure),
                percent: a.percent.max(b.percent),
                lead: a.lead.max(b.lead),
                gap: a.gap.max(b.gap),
            },
            most_late: self.most_late.max(other.most_late),
            late_marked: self.late_marked || other.late_marked,
        }
    }

    /// The columns, with the days late written now that all rows are in.
    fn columns(self, lang: Lang) -> Columns {
        let mut w = self.cells;
        if let Some(days) = self.most_late {
            let late = figures::days_left(Marked::new(-days, self.late_marked), lang);
            w.gap = w.gap.max(width_of(late.width()));
        }
        w
    }
}

fn width_of(columns: usize) -> u16 {
    u16::try_from(columns).unwrap_or(u16::MAX)
}
