//! The cells of one task or indicator, column by column: what a campaign
//! sheet and the attention list (督办清单) show of an item. Figures come
//! from `figures` (one rounding rule) and the assumed marks from `marks`,
//! as in the other reports.

use super::super::marks;
use super::super::words::status_with_symbol;
use super::cells::{Cell, Shape};
use super::words;
use crate::figures;
use crate::model::{
    Assumed, Campaign, CampaignStatus, Field, Indicator, IndicatorState, Item, Lang, Level, Notice,
    Status, Task, TaskSchedule, last_notice,
};

/// A column of an item's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Kind,
    Name,
    /// A task's done count, an indicator's value.
    Amount,
    /// A task's total, an indicator's target.
    Total,
    Unit,
    /// done / total, floored to a whole percent.
    Share,
    /// 序时进度.
    Expected,
    /// Points short of 序时进度.
    Gap,
    Status,
    Start,
    Due,
    DaysLeft,
    /// 责任单位.
    Lead,
    Note,
    Assumed,
    /// How many are closed (销号).
    Closed,
    /// How many 督办 notices the item has had.
    Notices,
    /// The newest notice's date.
    LastNotice,
    /// The figure at the last progress meeting (`--since`).
    Previous,
    /// The figure now minus the previous one.
    Change,
    /// The figure of the same period last year (`--yoy`).
    LastYear,
    /// Its date and where it was read.
    LastYearFrom,
    /// 同比: the change on it, with its unit.
    Yoy,
}

impl Column {
    pub fn header(self, lang: Lang) -> &'static str {
        let (l, w) = (words::ledger(lang), words::report(lang));
        match self {
            Column::Kind => l.kind,
            Column::Name => l.name,
            Column::Amount => l.done_or_value,
            Column::Total => l.total_or_target,
            Column::Unit => l.unit,
            Column::Share => w.share,
            Column::Expected => w.expected,
            Column::Gap => l.gap,
            Column::Status => w.status,
            Column::Start => w.start,
            Column::Due => w.due,
            Column::DaysLeft => w.days_left,
            Column::Lead => w.lead,
            Column::Note => w.note,
            Column::Assumed => l.assumed,
            Column::Closed => crate::i18n::closed_heading(lang),
            Column::Notices => crate::i18n::notices_heading(lang),
            Column::LastNotice => crate::i18n::last_notice_heading(lang),
            Column::Previous => l.previous,
            Column::Change => l.change,
            Column::LastYear => l.last_year,
            Column::LastYearFrom => l.last_year_from,
            Column::Yoy => l.yoy,
        }
    }
}

/// The figure an item had at the previous progress meeting (较上次调度),
/// by campaign index and item. `--since` fills it from the git history;
/// without it there is none and the two columns are left out.
pub type Previous<'a> = &'a dyn Fn(usize, Item) -> Option<Earlier>;

/// An item's figure at the previous meeting, and how it moved since
/// (`report::since`'s change: approximate when either is a lower bound).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Earlier {
    pub amount: f64,
    /// The figure then was a lower bound: it reads `90+` / `90余`.
    pub at_least: bool,
    pub change: Option<figures::Delta>,
}

impl Earlier {
    fn previous_cell(&self, lang: Lang) -> Cell {
        let shape = match figures::at_least_sign(self.at_least, lang) {
            "" => Shape::Amount,
            sign => Shape::AtLeast(sign),
        };
        Cell::number(self.amount, shape, false)
    }

    fn change_cell(&self, lang: Lang, ascii: bool) -> Cell {
        self.change.map_or(Cell::Empty, |change| {
            let shape = match change.approx {
                true => Shape::About(figures::approx_prefix(lang, ascii)),
                false => Shape::Amount,
            };
            Cell::number(change.amount, shape, false)
        })
    }
}

/// One item of one campaign, with what its cells are made from.
pub struct ItemCells<'a> {
    pub campaign: &'a Campaign,
    pub status: &'a CampaignStatus,
    pub item: Item,
    pub lang: Lang,
    pub ascii: bool,
    /// Use the campaign's 责任单位 when the item names none (the attention
    /// list, where each row stands alone).
    pub lead_from_campaign: bool,
    pub previous: Option<Earlier>,
    /// The same period last year (`--yoy`).
    pub yoy: Option<&'a crate::report::yoy::Yoy>,
}

impl ItemCells<'_> {
    pub fn cell(&self, column: Column) -> Cell {
        use super::yoy::YoyColumn;
        let yoy_column = match column {
            Column::LastYear => Some(YoyColumn::LastYear),
            Column::LastYearFrom => Some(YoyColumn::LastYearFrom),
            Column::Yoy => Some(YoyColumn::Change),
            _ => None,
        };
        if let Some(yoy_column) = yoy_column {
            let (lang, ascii) = (self.lang, self.ascii);
            let item = (self.campaign, self.item);
            return self.yoy.map_or(Cell::Empty, |yoy| {
                super::yoy::cell(yoy, item, yoy_column, lang, ascii)
            });
        }
        let found = match self.item {
            Item::Task(i) => self
                .campaign
                .tasks
                .get(i)
                .zip(self.status.tasks.get(i))
                .map(|(task, schedule)| self.task(column, task, schedule)),
            Item::Indicator(i) => self
                .campaign
                .indicators
                .get(i)
                .zip(self.status.indicators.get(i))
                .map(|(indicator, state)| self.indicator(column, indicator, state)),
        };
        found.unwrap_or(Cell::Empty)
    }

    fn task(&self, column: Column, task: &Task, schedule: &TaskSchedule) -> Cell {
        let (lang, l) = (self.lang, words::ledger(self.lang));
        let assumed = schedule.assumed;
        let figure_assumed = marks::figure_assumed(schedule);
        let expected = schedule.marked_expected();
        match column {
            Column::Kind => Cell::text(match schedule.fraction {
                Some(_) => l.task,
                None => l.figure,
            }),
            Column::Name => Cell::text(task.name.get(lang)),
            Column::Amount => {
                let shape = match figures::approx_sign(&task.qualifiers, lang) {
                    "" => Shape::Amount,
                    sign => Shape::AtLeast(sign),
                };
                Cell::number(task.done, shape, assumed.contains(Field::Done))
            }
            Column::Total => task.total.map_or(Cell::Empty, |total| {
                Cell::number(total, Shape::Amount, assumed.contains(Field::Total))
            }),
            Column::Unit => Cell::optional(figures::task_unit(task, lang)),
            Column::Share => Cell::percent(schedule.fraction, figure_assumed),
            Column::Expected => {
                Cell::percent(schedule.expected, expected.is_some_and(|e| e.assumed()))
            }
            Column::Gap => expected
                .zip(schedule.marked_fraction())
                .and_then(|(expected, fraction)| figures::gap(expected, fraction))
                .map_or(Cell::Empty, |points| {
                    Cell::number(f64::from(points.value()), Shape::Whole, points.assumed())
                }),
            Column::Status => self.status_cell(schedule.status, schedule.status_assumed),
            Column::Start => Cell::date(schedule.start, assumed.contains(Field::Start)),
            Column::Due => Cell::date(schedule.due, assumed.contains(Field::Due)),
            Column::DaysLeft => schedule.marked_days_left().map_or(Cell::Empty, |days| {
                Cell::number(days.value() as f64, Shape::Whole, days.assumed())
            }),
            Column::Lead => self.lead(task.lead.as_ref()),
            Column::Note => task
                .note
                .as_ref()
                .map_or(Cell::Empty, |n| Cell::long(n.get(lang))),
            Column::Assumed => self.assumed(assumed),
            Column::Closed => task.closed.map_or(Cell::Empty, |closed| {
                Cell::number(closed.count(), Shape::Amount, false)
            }),
            Column::Notices | Column::LastNotice => notices_cell(column, &task.notices),
            Column::Previous => self
                .previous
                .map_or(Cell::Empty, |earlier| earlier.previous_cell(lang)),
            Column::Change => self
                .previous
                .map_or(Cell::Empty, |earlier| earlier.change_cell(lang, self.ascii)),
            Column::LastYear | Column::LastYearFrom | Column::Yoy => Cell::Empty,
        }
    }

    fn indicator(&self, column: Column, indicator: &Indicator, state: &IndicatorState) -> Cell {
        let (lang, ascii) = (self.lang, self.ascii);
        let assumed = indicator.assumed;
        let value_assumed = assumed.contains(Field::Value);
        match column {
            Column::Kind => Cell::text(words::ledger(lang).indicator),
            Column::Name => Cell::text(indicator.name.get(lang)),
            Column::Amount => match indicator.value {
                Level::Number(value) => Cell::number(value, Shape::Amount, value_assumed),
                Level::WaterClass(class) => Cell::Text(format!(
                    "{}{}",
                    figures::water_class(class, lang, ascii),
                    figures::mark(value_assumed)
                )),
            },
            Column::Total => {
                let target_assumed = assumed.contains(Field::Target);
                match indicator.target {
                    None => Cell::Empty,
                    Some(Level::Number(target)) => {
                        let sign = indicator.better.map_or("", |b| b.comparison(ascii));
                        Cell::number(target, Shape::Target(sign), target_assumed)
                    }
                    // "达到或优于Ⅱ类" / "II or better": a class is no number.
                    Some(Level::WaterClass(_)) => {
                        // Marked as the target is: `II or better*`.
                        let target = figures::indicator_target(indicator, lang, ascii);
                        Cell::Text(target.map(|t| t.to_string()).unwrap_or_default())
                    }
                }
            }
            Column::Unit => Cell::optional(
                indicator
                    .unit
                    .as_ref()
                    .map(|unit| unit.get(lang).trim())
                    .filter(|unit| !unit.is_empty()),
            ),
            Column::Status => self.status_cell(state.status, state.status_assumed),
            Column::Lead => self.lead(indicator.lead.as_ref()),
            Column::Note => indicator
                .note
                .as_ref()
                .map_or(Cell::Empty, |n| Cell::long(n.get(lang))),
            Column::Assumed => self.assumed(assumed),
            Column::Notices | Column::LastNotice => notices_cell(column, &indicator.notices),
            Column::Previous => self
                .previous
                .map_or(Cell::Empty, |earlier| earlier.previous_cell(lang)),
            Column::Change => self
                .previous
                .map_or(Cell::Empty, |earlier| earlier.change_cell(lang, self.ascii)),
            Column::Share
            | Column::Expected
            | Column::Gap
            | Column::Start
            | Column::Due
            | Column::DaysLeft
            | Column::LastYear
            | Column::LastYearFrom
            | Column::Yoy
            | Column::Closed => Cell::Empty,
        }
    }

    fn status_cell(&self, status: Status, assumed: bool) -> Cell {
        Cell::Status(format!(
            "{}{}",
            status_with_symbol(status, self.lang, self.ascii),
            figures::mark(assumed)
        ))
    }

    fn lead(&self, own: Option<&crate::model::Text>) -> Cell {
        let lead = match self.lead_from_campaign {
            true => own.or(self.campaign.lead.as_ref()),
            false => own,
        };
        Cell::optional(lead.map(|lead| lead.get(self.lang)))
    }

    /// `* 截止日期、总数`: the marker, then the fields not from the source.
    fn assumed(&self, assumed: Assumed) -> Cell {
        assumed_cell(assumed, self.lang)
    }
}

/// How many notices an item has had (none: empty), or the newest one's date.
fn notices_cell(column: Column, notices: &[Notice]) -> Cell {
    match (column, last_notice(notices)) {
        (_, None) => Cell::Empty,
        (Column::LastNotice, Some(last)) => Cell::date(Some(last.date), false),
        (_, Some(_)) => Cell::number(notices.len() as f64, Shape::Whole, false),
    }
}

/// The marker and the fields not from the source (`* due, total`), empty
/// when every figure is from it.
pub fn assumed_cell(assumed: Assumed, lang: Lang) -> Cell {
    if assumed.is_empty() {
        return Cell::Empty;
    }
    let separator = words::report(lang).list_separator;
    let names: Vec<&str> = assumed.fields().map(|f| words::field(f, lang)).collect();
    Cell::Text(format!("* {}", names.join(separator)))
}

/// Every status a row may show, with the colour it takes: the beginning
/// of its cell (symbol and word), which the conditional formats match.
pub fn status_tones(lang: Lang, ascii: bool) -> Vec<(String, super::sheet::Tone)> {
    use super::sheet::Tone;
    let tone = |status| match status {
        Status::Overdue | Status::NotMet | Status::Behind => Some(Tone::Bad),
        Status::AtRisk => Some(Tone::Warning),
        Status::Done | Status::Met | Status::OnTrack => Some(Tone::Good),
        _ => None,
    };
    Status::TASK
        .iter()
        .chain(Status::INDICATOR.iter())
        .filter_map(|&status| tone(status).map(|t| (status_with_symbol(status, lang, ascii), t)))
        .collect()
}

/// The items of a campaign in the file's order: tasks, then indicators.
pub fn items(campaign: &Campaign) -> impl Iterator<Item = Item> + '_ {
    (0..campaign.tasks.len())
        .map(Item::Task)
        .chain((0..campaign.indicators.len()).map(Item::Indicator))
}
