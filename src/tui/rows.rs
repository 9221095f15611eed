//! The campaign view's rows: which tasks and indicators are shown, in which
//! order. Computed when the campaign, sort, filter, language or data
//! change — never while drawing.

use super::search::Query;
use crate::figures::task_figure_width;
use crate::model::{Campaign, CampaignStatus, Lang, Status};

pub use crate::model::{Item, ItemKey};

/// The orders `s` cycles through, in that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Worst status first: what needs attention is on top.
    #[default]
    Status,
    /// Least progress first.
    Progress,
    /// Soonest due first.
    Due,
    /// By name in the shown language.
    Name,
    /// By 责任单位 (the item's lead, else its campaign's), then worst status;
    /// the items no lead answers for last.
    Lead,
}

impl SortKey {
    /// Every order, as `s` cycles through them: the one list the cycle, the
    /// list's title and the help read.
    pub const CYCLE: [SortKey; 5] = [
        SortKey::Status,
        SortKey::Progress,
        SortKey::Due,
        SortKey::Name,
        SortKey::Lead,
    ];

    pub fn next(self) -> SortKey {
        let at = SortKey::CYCLE.iter().position(|key| *key == self);
        SortKey::CYCLE[at.map_or(0, |at| (at + 1) % SortKey::CYCLE.len())]
    }

    /// The order's word, as the list's title shows it ("sort: status").
    pub fn word(self, lang: Lang) -> &'static str {
        let s = crate::i18n::strings(lang);
        match self {
            SortKey::Status => s.sort_status,
            SortKey::Progress => s.sort_progress,
            SortKey::Due => s.sort_due,
            SortKey::Name => s.sort_name,
            SortKey::Lead => crate::i18n::meeting::sort_lead(lang),
        }
    }
}

/// The rows to show, kept when they match `filter` (see [`Query`]): by
/// status, tasks and indicators together in the attention list's order (a
/// not-met indicator is not hidden below done tasks); by any other `sort`,
/// tasks first, then indicators. Stable, so ties keep the file's order.
pub fn rows(
    campaign: &Campaign,
    status: &CampaignStatus,
    sort: SortKey,
    filter: &str,
    lang: Lang,
) -> Vec<Item> {
    let query = Query::new(filter);
    let shown = |item: Item| {
        query
            .as_ref()
            .is_none_or(|q| q.matches(campaign, status, item))
    };
    let mut tasks: Vec<usize> = (0..campaign.tasks.len())
        .filter(|&i| shown(Item::Task(i)))
        .collect();
    let mut indicators: Vec<usize> = (0..campaign.indicators.len())
        .filter(|&i| shown(Item::Indicator(i)))
        .collect();
    let task_name = |i: &usize| campaign.tasks[*i].name.get(lang);
    let indicator_name = |i: &usize| campaign.indicators[*i].name.get(lang);
    let indicator_status = |i: &usize| status.indicators.get(*i).map(|s| s.status);
    match sort {
        SortKey::Status => return worst_first(status, tasks, indicators),
        SortKey::Progress => {
            // Plain counts (no fraction) after every task with a gauge.
            tasks.sort_by(|a, b| {
                let fraction = |i: &usize| status.tasks.get(*i).and_then(|s| s.fraction);
                match (fraction(a), fraction(b)) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
            });
            indicators.sort_by_key(indicator_status);
        }
        SortKey::Due => {
            tasks.sort_by_key(|i| {
                let due = status.tasks.get(*i).and_then(|s| s.due);
                (due.is_none(), due)
            });
            indicators.sort_by_key(indicator_status);
        }
        SortKey::Name => {
            // Each name looked up once, not at every comparison.
            let mut named: Vec<(&str, usize)> = tasks.iter().map(|i| (task_name(i), *i)).collect();
            named.sort_by(|a, b| a.0.cmp(b.0));
            tasks = named.into_iter().map(|(_, i)| i).collect();
            indicators.sort_by(|a, b| indicator_name(a).cmp(indicator_name(b)));
        }
        SortKey::Lead => {
            let lead =
                |item: Item| crate::model::by_lead::lead(campaign, item).map(|t| t.get(lang));
            let key = |item: Item| (lead(item).is_none(), lead(item), item.status(status));
            tasks.sort_by(|a, b| key(Item::Task(*a)).cmp(&key(Item::Task(*b))));
            indicators.sort_by(|a, b| key(Item::Indicator(*a)).cmp(&key(Item::Indicator(*b))));
        }
    }
    tasks
        .into_iter()
        .map(Item::Task)
        .chain(indicators.into_iter().map(Item::Indicator))
        .collect()
}

/// Tasks and indicators in one list, in the attention list's order: by
/// status, then the longest overdue, then the widest gap.
fn worst_first(status: &CampaignStatus, tasks: Vec<usize>, indicators: Vec<usize>) -> Vec<Item> {
    use crate::model::attention::{row, worse_first};
    let items = tasks
        .into_iter()
        .map(Item::Task)
        .chain(indicators.into_iter().map(Item::Indicator));
    // Each row's figures looked up once, not at every comparison; an item
    // with no status (none is expected) goes last rather than vanish.
    let mut rows: Vec<(Item, Option<_>)> = items.map(|item| (item, row(0, status, item))).collect();
    rows.sort_by(|(_, a), (_, b)| match (a, b) {
        (Some(a), Some(b)) => worse_first(a, b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    });
    rows.into_iter().map(|(item, _)| item).collect()
}

/// The items that need attention, in the attention list's order.
pub fn attention(status: &CampaignStatus) -> Vec<Item> {
    crate::model::attention::campaign_attention(0, status)
        .into_iter()
        .map(|attention| attention.item)
        .collect()
}

/// The widest status word and task figure of a campaign, in each language,
/// so the list's columns stay put while scrolling and filtering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListWidths {
    zh: ColumnWidths,
    en: ColumnWidths,
}

/// The widest cell of the list's sized columns, in one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnWidths {
    pub status_word: u16,
    pub figure: u16,
    /// The days-left cell ("181d", "-3天"); 0 when no row shows one.
    pub days: u16,
    /// The closing cell ("销号131"); 0 when no task tracks 销号.
    pub closed: u16,
}

impl ListWidths {
    /// Measured from digit counts and the distinct statuses present, not by
    /// formatting every figure: a reload of 100 000 tasks must not spend a
    /// tenth of a second writing numbers nobody sees.
    pub fn measure(campaign: &Campaign, status: &CampaignStatus) -> ListWidths {
        // One bit per status present.
        let mut present = 0u32;
        let statuses = status
            .tasks
            .iter()
            .map(|s| s.status)
            .chain(status.indicators.iter().map(|s| s.status));
        for s in statuses {
            present |= 1 << s as u32;
        }
        // The days a row shows (not for done tasks), by digit count, and
        // the mark of days counted to an assumed due date.
        let widest_days = status
            .tasks
            .iter()
            .filter(|s| !s.status.finished())
            .filter_map(|s| s.marked_days_left())
            .map(|days| {
                let (d, mark) = (days.value(), usize::from(days.assumed()));
                d.unsigned_abs().max(1).ilog10() as usize + 1 + usize::from(d < 0) + mark
            })
            .max();
        let measure = |lang: Lang| {
            let word = Status::TASK
                .iter()
                .chain(&Status::INDICATOR)
                .filter(|s| present & (1 << **s as u32) != 0)
                .map(|s| crate::text::width(crate::i18n::status_word(*s, lang)))
                .max()
                .unwrap_or(0);
            let figure = campaign
                .tasks
                .iter()
                .map(|task| task_figure_width(task, lang))
                .max()
                .unwrap_or(0);
            let unit = match lang {
                Lang::Zh => 2,
                Lang::En => 1,
            };
            let days = widest_days.map_or(0, |digits| digits + unit);
            // Only the tasks that track 销号 are written out.
            let closed = campaign
                .tasks
                .iter()
                .filter_map(|task| crate::figures::closed_cell(task, lang))
                .map(|cell| crate::text::width(&cell))
                .max()
                .unwrap_or(0);
            ColumnWidths {
                status_word: clamp_u16(word),
                figure: clamp_u16(figure),
                days: clamp_u16(days),
                closed: clamp_u16(closed),
            }
        };
        ListWidths {
            zh: measure(Lang::Zh),
            en: measure(Lang::En),
        }
    }

    /// The widths in `lang`.
    pub fn get(&self, lang: Lang) -> ColumnWidths {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

fn clamp_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
