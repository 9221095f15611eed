//! The CSV report: one row per task and per indicator, RFC 4180 (CRLF line
//! ends, fields quoted when they hold a comma, quote or line break), after
//! a UTF-8 byte-order mark: without it Excel and WPS on Chinese Windows read
//! the file in the system code page (GBK) and every Chinese name is garbled.
//!
//! Spreadsheets evaluate a cell that begins with `=`, `+`, `-`, `@`, tab or
//! CR as a formula. Text cells (ids, names, units, classes) that begin so get
//! a leading apostrophe. Numeric cells are written by this program and are
//! plain numbers, so a negative number (`days_left = -12`) stays a number.
//!
//! Cells hold the exact figures, never the assumed marker (a `95*` is no
//! number to a spreadsheet): the `assumed` column names the row's fields
//! that are not from the source, joined by `;`, empty when none; the
//! `marked` column before it names the row's figures that rest on one,
//! worked-out ones included (`due;days_left`), by the JSON report's keys.
//!
//! `closed` is the count closed (销号; empty when not tracked), `notices` how
//! many 督办 notices the item has had and `last_notice` the newest one's date.
//!
//! With `--since` or `--yoy` the column `approximate` follows: the row's
//! worked-out figures that rest on a lower bound (`approx`), so are only
//! approximate, by their JSON keys (`change;yoy`), empty when none. With
//! `--since` two columns follow: `previous` (the figure at the
//! baseline: a number, or a water class) and `change` (now minus then; empty
//! for a class, for an item new since, and without a baseline). With
//! `--yoy` the columns of `super::yoy::columns` follow those. Last comes a
//! column per qualifier of a figure the file's table declares (`approx`:
//! "more-than" when the figure is a lower bound, the source's 90余; empty
//! otherwise), so the figure stays a plain number and no column moves.

use super::Report;
use super::cells::{neutralise, push_field};
use super::marks;
use super::since::Since;
use super::yoy::columns as yoy_columns;
use crate::figures;
use crate::load::format;

use crate::model::{
    Assumed, Campaign, Figure, Indicator, IndicatorState, Item, Lang, Level, Qualifiers, Task,
    TaskSchedule, last_notice,
};

/// U+FEFF, written EF BB BF: marks the file as UTF-8 for spreadsheets.
const BYTE_ORDER_MARK: char = '\u{FEFF}';

const HEADER: [&str; 17] = [
    "campaign",
    "kind",
    "id",
    "name",
    "done_or_value",
    "total_or_target",
    "unit",
    "fraction",
    "status",
    "start",
    "due",
    "days_left",
    "closed",
    "notices",
    "last_notice",
    "marked",
    "assumed",
];

/// The qualifier keys of tasks and indicators, each once, in the table's
/// order: a column each.
fn qualifier_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Vec::new();
    for key in format::TASK
        .qualifiers()
        .chain(format::INDICATOR.qualifiers())
    {
        if !keys.contains(&key.name) {
            keys.push(key.name);
        }
    }
    keys
}

/// The columns `--since` adds.
const SINCE_HEADER: [&str; 2] = ["previous", "change"];

/// One cell: text from the file (neutralised) or a figure we wrote.
enum Cell<'a> {
    Text(&'a str),
    Number(String),
    /// Words this program writes (field names), kept as they are.
    Words(String),
    Empty,
}

pub fn render(report: &Report<'_>) -> String {
    let lang = report.lang;
    let mut out = String::from(BYTE_ORDER_MARK);
    let since = report.compared();
    let yoy = report.year_on_year();
    let qualifier_keys = qualifier_keys();
    let header: Vec<Cell> = HEADER
        .iter()
        .chain((since.is_some() || yoy.is_some()).then_some(&"approximate"))
        .chain(since.map_or(&[][..], |_| &SINCE_HEADER[..]))
        .chain(yoy.map_or(&[][..], |_| &yoy_columns::HEADER[..]))
        .chain(&qualifier_keys)
        .map(|h| Cell::Text(h))
        .collect();
    write_row(&mut out, &header);
    for (campaign, status) in report.campaigns() {
        let compared = |item, qualifiers: &Qualifiers| {
            let mut cells: Vec<Cell> = Vec::new();
            if since.is_some() || yoy.is_some() {
                cells.push(approximate(since, yoy, campaign, item));
            }
            if let Some(since) = since {
                cells.extend(compared(since, campaign, item));
            }
            if let Some(yoy) = yoy {
                cells.extend(yoy_columns::cells(yoy, campaign, item).map(yoy_cell));
            }
            let words = qualifier_keys.iter().map(|key| qualifiers.word(key));
            cells.extend(words.map(|word| word.map_or(Cell::Empty, Cell::Text)));
            cells
        };
        for (i, (task, schedule)) in campaign.tasks.iter().zip(&status.tasks).enumerate() {
            let row = task_row(lang, campaign, (i, task), schedule, since, yoy);
            write_row_with(&mut out, &row, compared(Item::Task(i), &task.qualifiers));
        }
        let indicators = campaign.indicators.iter().zip(&status.indicators);
        for (i, (indicator, status)) in indicators.enumerate() {
            let row = indicator_row(lang, campaign, (i, indicator), status, since, yoy);
            write_row_with(
                &mut out,
                &row,
                compared(Item::Indicator(i), &indicator.qualifiers),
            );
        }
    }
    out
}

/// A task's row of the header's columns.
fn task_row<'a>(
    lang: Lang,
    campaign: &'a Campaign,
    (i, task): (usize, &'a Task),
    schedule: &TaskSchedule,
    since: Option<&Since<'_>>,
    yoy: Option<&super::yoy::Yoy>,
) -> [Cell<'a>; 17] {
    [
        Cell::Text(&campaign.id),
        Cell::Text("task"),
        Cell::Text(&task.id),
        Cell::Text(task.name.get(lang)),
        Cell::Number(figures::exact(task.done)),
        task.total
            .map_or(Cell::Empty, |t| Cell::Number(figures::exact(t))),
        optional_text(task.unit.as_ref().map(|u| u.get(lang))),
        schedule
            .fraction
            .map_or(Cell::Empty, |f| Cell::Number(fraction(f))),
        Cell::Text(schedule.status.as_str()),
        date(schedule.start),
        date(schedule.due),
        schedule
            .days_left
            .map_or(Cell::Empty, |d| Cell::Number(d.to_string())),
        task.closed
            .map_or(Cell::Empty, |c| Cell::Number(figures::exact(c.count()))),
        Cell::Number(task.notices.len().to_string()),
        date(last_notice(&task.notices).map(|n| n.date)),
        marked(
            yoy_marked(marks::task_marked(schedule), yoy, campaign, Item::Task(i)),
            since,
            campaign,
            Item::Task(i),
        ),
        assumed(schedule.assumed),
    ]
}

/// An indicator's row of the header's columns.
fn indicator_row<'a>(
    lang: Lang,
    campaign: &'a Campaign,
    (i, indicator): (usize, &'a Indicator),
    status: &IndicatorState,
    since: Option<&Since<'_>>,
    yoy: Option<&super::yoy::Yoy>,
) -> [Cell<'a>; 17] {
    [
        Cell::Text(&campaign.id),
        Cell::Text("indicator"),
        Cell::Text(&indicator.id),
        Cell::Text(indicator.name.get(lang)),
        level(indicator.value),
        indicator.target.map_or(Cell::Empty, level),
        optional_text(indicator.unit.as_ref().map(|u| u.get(lang))),
        Cell::Empty,
        Cell::Text(status.status.as_str()),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Number(indicator.notices.len().to_string()),
        date(last_notice(&indicator.notices).map(|n| n.date)),
        marked(
            yoy_marked(
                marks::indicator_marked(indicator, status),
                yoy,
                campaign,
                Item::Indicator(i),
            ),
            since,
            campaign,
            Item::Indicator(i),
        ),
        assumed(indicator.assumed),
    ]
}

/// An item's `previous` and `change` cells.
fn compared(since: &Since<'_>, campaign: &Campaign, item: Item) -> [Cell<'static>; 2] {
    let previous = match since.previous(campaign, item).map(|p| p.figure) {
        Some(Figure::Done(done)) => Cell::Number(figures::exact(done)),
        Some(Figure::Value(value)) => level(value),
        None => Cell::Empty,
    };
    let change = since.change(campaign, item).map_or(Cell::Empty, |change| {
        Cell::Number(figures::exact(change.amount))
    });
    [previous, change]
}

/// The item's worked-out figures resting on a lower bound, by their JSON
/// keys: `change`, `yoy`.
fn approximate(
    since: Option<&Since<'_>>,
    yoy: Option<&super::yoy::Yoy>,
    campaign: &Campaign,
    item: Item,
) -> Cell<'static> {
    let change = since
        .and_then(|since| since.change(campaign, item))
        .is_some_and(|change| change.approx);
    let yoy = yoy.is_some_and(|yoy| super::yoy::json::approx(yoy, campaign, item));
    let keys: Vec<&str> = [(change, "change"), (yoy, "yoy")]
        .into_iter()
        .filter_map(|(approx, key)| approx.then_some(key))
        .collect();
    match keys.is_empty() {
        true => Cell::Empty,
        false => Cell::Words(keys.join(";")),
    }
}

/// `yoy` among the marked keys when the item's year on year rests on an
/// assumed value.
fn yoy_marked(
    mut keys: Vec<&'static str>,
    yoy: Option<&super::yoy::Yoy>,
    campaign: &Campaign,
    item: Item,
) -> Vec<&'static str> {
    if yoy
        .and_then(|yoy| yoy.item(campaign, item))
        .is_some_and(|found| found.assumed)
    {
        keys.push("yoy");
    }
    keys
}

/// A `--yoy` cell: numbers and dates as the other columns write them.
fn yoy_cell(cell: yoy_columns::YoyCell) -> Cell<'static> {
    match cell {
        yoy_columns::YoyCell::Number(amount) => Cell::Number(figures::exact(amount)),
        yoy_columns::YoyCell::Date(day) => Cell::Number(figures::date(day)),
        yoy_columns::YoyCell::Words(words) => Cell::Words(words),
        yoy_columns::YoyCell::Empty => Cell::Empty,
    }
}

/// A row, then the `--since` and `--yoy` cells when there are any.
fn write_row_with(out: &mut String, cells: &[Cell<'_>], extra: Vec<Cell<'_>>) {
    let mut cells: Vec<&Cell<'_>> = cells.iter().collect();
    cells.extend(&extra);
    write_cells(out, &cells);
}

fn optional_text(text: Option<&str>) -> Cell<'_> {
    text.map_or(Cell::Empty, Cell::Text)
}

fn date(date: Option<chrono::NaiveDate>) -> Cell<'static> {
    date.map_or(Cell::Empty, |d| Cell::Number(figures::date(d)))
}

/// Field names are words this program writes: `due;target`.
fn assumed(assumed: Assumed) -> Cell<'static> {
    let names: Vec<&str> = assumed.fields().map(|field| field.as_str()).collect();
    match names.is_empty() {
        true => Cell::Empty,
        false => Cell::Words(names.join(";")),
    }
}

/// The marked figures by their JSON keys, `change` only with `--since`.
/// The marked keys beside the baseline `since`, as every report lists
/// them (`marks::with_baseline`).
fn marked(
    keys: Vec<&'static str>,
    since: Option<&Since>,
    campaign: &Campaign,
    item: Item,
) -> Cell<'static> {
    let previous = since.and_then(|since| since.previous(campaign, item));
    let status_assumed = previous.is_some_and(|previous| previous.status_assumed);
    let keys = marks::with_baseline(keys, since.is_some(), status_assumed);
    match keys.is_empty() {
        true => Cell::Empty,
        false => Cell::Words(keys.join(";")),
    }
}

fn level(level: Level) -> Cell<'static> {
    match level {
        Level::Number(value) => Cell::Number(figures::exact(value)),
        Level::WaterClass(class) => Cell::Text(class.as_str()),
    }
}

/// A fraction to four decimals, enough for a spreadsheet's percentage.
fn fraction(value: f64) -> String {
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn write_row(out: &mut String, cells: &[Cell<'_>]) {
    write_cells(out, &cells.iter().collect::<Vec<_>>());
}

fn write_cells(out: &mut String, cells: &[&Cell<'_>]) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(text) => push_field(out, &neutralise(text)),
            Cell::Number(text) | Cell::Words(text) => push_field(out, text),
            Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[Cell<'_>]) -> String {
        let mut out = String::new();
        write_row(&mut out, cells);
        out
    }

    #[test]
    fn quotes_only_what_needs_it() {
        let line = row(&[
            Cell::Text("plain"),
            Cell::Text("a,b"),
            Cell::Text("say \"hi\""),
            Cell::Text("two\nlines"),
            Cell::Empty,
        ]);
        assert_eq!(line, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    #[test]
    fn formulas_in_text_are_neutralised_but_numbers_are_not() {
        let line = row(&[
            Cell::Text("=1+1"),
            Cell::Text("+x"),
            Cell::Text("-x"),
            Cell::Text("@SUM(A1)"),
            Cell::Text("\tx"),
            Cell::Number("-12".into()),
        ]);
        assert_eq!(line, "'=1+1,'+x,'-x,'@SUM(A1),'\tx,-12\r\n");
    }

    #[test]
    fn fractions_have_at_most_four_decimals() {
        assert_eq!(fraction(110.0 / 113.0), "0.9735");
        assert_eq!(fraction(1.0), "1");
        assert_eq!(fraction(0.0), "0");
        assert_eq!(fraction(1.25), "1.25");
    }
}
