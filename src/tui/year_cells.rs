//! The year view's cells (`y`) as text: the pane writes those of the rows
//! in sight, and the list measures them once over every row when it is made
//! or its figures change, so the columns stay put while scrolling and no
//! frame formats every item of a large plan.

use crate::figures::{self, Against, Direction};
use crate::history::compare::{YearAgo, YearSource};
use crate::i18n;
use crate::model::attention::Attention;
use crate::model::{Campaign, Field, Item, Lang, Plan};
use crate::report::yoy::{Yoy, words};

/// The columns, in order: campaign, item, last year's result, this year's
/// target, this year's figure, the same period last year, the 同比.
pub const COLUMNS: usize = 7;

/// How the 同比 cell reads, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeTone {
    /// No figure for the same period last year.
    NoFigure,
    Plain,
    Better,
    Worse,
}

/// One item's cells.
pub struct YearCells {
    pub texts: [String; COLUMNS],
    pub tone: ChangeTone,
}

/// The cells of the item `at` points to; empty when it is not in `campaign`.
pub fn year_cells(
    yoy: &Yoy,
    campaign: &Campaign,
    at: &Attention,
    lang: Lang,
    ascii: bool,
) -> YearCells {
    let empty = || YearCells {
        texts: Default::default(),
        tone: ChangeTone::Plain,
    };
    let item = at.item;
    let (name, target, now) = match item {
        Item::Task(i) => {
            let Some(task) = campaign.tasks.get(i) else {
                return empty();
            };
            let unit = task.unit.as_ref().map(|u| u.get(lang));
            let mark = |field: Field| figures::mark(task.assumed.contains(field));
            let total = task.total.map(|total| {
                let total = figures::with_unit(total, unit, lang);
                format!("{total}{}", mark(Field::Total))
            });
            // The done count as every view shows it: `90+`, `90余`.
            let done = figures::joined_unit(figures::task_done(task, lang), task.done, unit, lang);
            (
                task.name.get(lang),
                total,
                format!("{done}{}", mark(Field::Done)),
            )
        }
        Item::Indicator(i) => {
            let Some(ind) = campaign.indicators.get(i) else {
                return empty();
            };
            let target = figures::indicator_target(ind, lang, ascii).map(|t| t.to_string());
            let now = figures::marked_indicator_value(ind, lang, ascii).to_string();
            (ind.name.get(lang), target, now)
        }
    };
    let result = yoy.years().last_result(campaign, item);
    let result = result.map(|r| earlier(&r, campaign, item, lang, ascii));
    let found = yoy.item(campaign, item);
    let ago = found
        .as_ref()
        .map(|f| earlier(&f.ago, campaign, item, lang, ascii));
    let (change, tone) = match &found {
        None => (i18n::year::none_cell(lang).to_owned(), ChangeTone::NoFigure),
        Some(found) => match &found.change {
            None => (String::new(), ChangeTone::Plain),
            Some(change) => {
                let words = change.words(Against::LastYear, lang, ascii, found.assumed);
                let tone = match change.direction {
                    Some(Direction::Better) => ChangeTone::Better,
                    Some(Direction::Worse) => ChangeTone::Worse,
                    _ => ChangeTone::Plain,
                };
                (words.to_string(), tone)
            }
        },
    };
    let dash = || "—".to_owned();
    YearCells {
        texts: [
            campaign.name.get(lang).to_owned(),
            name.to_owned(),
            result.unwrap_or_else(dash),
            target.unwrap_or_else(dash),
            now,
            ago.unwrap_or_else(dash),
            change,
        ],
        tone,
    }
}

/// A figure of an earlier year: `*` when it is an assumed point, and where
/// it came from when that is the file rather than a commit.
fn earlier(ago: &YearAgo, campaign: &Campaign, item: Item, lang: Lang, ascii: bool) -> String {
    let figure = words::figure((ago.figure, ago.at_least), campaign, item, lang, ascii);
    let mark = figures::mark(ago.assumed);
    match ago.source {
        YearSource::File => format!("{figure}{mark}{}", i18n::year::from_file(lang)),
        YearSource::Commit(_) => format!("{figure}{mark}"),
    }
}

/// The widest cell of each column over every row, the headings included.
pub fn widest(
    yoy: &Yoy,
    plan: &Plan,
    rows: &[Attention],
    lang: Lang,
    ascii: bool,
) -> [u16; COLUMNS] {
    let width = |text: &str| u16::try_from(crate::text::width(text)).unwrap_or(u16::MAX);
    let mut widest = i18n::year::headings(lang).map(width);
    for at in rows {
        let Some(campaign) = plan.campaigns.get(at.campaign) else {
            continue;
        };
        let cells = year_cells(yoy, campaign, at, lang, ascii);
        for (widest, text) in widest.iter_mut().zip(&cells.texts) {
            *widest = (*widest).max(width(text));
        }
    }
    widest
}
