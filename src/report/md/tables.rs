//! The markdown bulletin's tables of one campaign: its tasks with a total
//! (figure, share, 序时进度, status, dates), its indicators, and its plain
//! figures apart (a count is not a share of anything: no "done" column, and
//! no dates but its own). A column that no row fills is left out.

use super::escape::escape;
use crate::figures;
use crate::i18n::{closed_heading, notices_heading};
use crate::model::{
    Campaign, CampaignStatus, Field, Item, Lang, Marked, Notice, Status, Task, TaskSchedule, Text,
};
use crate::report::marks::{self, Marker};
use crate::report::since::{Since, words as since_words};
use crate::report::words::{Words, status_with_symbol};

/// What every table of a report shares.
pub struct Context<'a> {
    pub lang: Lang,
    pub ascii: bool,
    pub w: &'static Words,
    pub marker: &'a Marker,
    /// The baseline of `--since`: its change stands beside each figure.
    pub since: Option<&'a Since<'a>>,
    /// The reporting date, which the day of the last notice is read from.
    pub as_of: chrono::NaiveDate,
}

struct Column {
    header: &'static str,
    right: bool,
    /// Left out when no row has anything in it.
    optional: bool,
}

const fn column(header: &'static str, right: bool, optional: bool) -> Column {
    Column {
        header,
        right,
        optional,
    }
}

fn table(out: &mut String, columns: &[Column], rows: &[Vec<String>]) {
    if rows.is_empty() {
        return;
    }
    let shown: Vec<usize> = (0..columns.len())
        .filter(|&i| !columns[i].optional || rows.iter().any(|row| !row[i].is_empty()))
        .collect();
    let line = |cells: Vec<&str>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(shown.iter().map(|&i| columns[i].header).collect()));
    out.push_str(&line(
        shown
            .iter()
            .map(|&i| if columns[i].right { "---:" } else { "---" })
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(shown.iter().map(|&i| row[i].as_str()).collect()));
    }
    out.push('\n');
}

impl Context<'_> {
    fn text(&self, text: Option<&Text>) -> String {
        text.map(|t| escape(t.get(self.lang))).unwrap_or_default()
    }

    /// A date the item shows, marked when assumed.
    fn date(&self, date: Option<Marked<chrono::NaiveDate>>) -> String {
        date.map(|d| self.marker.shown(&figures::marked_date(d)))
            .unwrap_or_default()
    }

    /// Days left, none for a finished task; marked when counted to an
    /// assumed due date.
    fn days(&self, schedule: &TaskSchedule) -> String {
        match (schedule.status, schedule.marked_days_left()) {
            (status, _) if status.finished() => String::new(),
            (_, None) => String::new(),
            (_, Some(days)) => self
                .marker
                .shown(&figures::Shown::of(days, |d| d.to_string())),
        }
    }

    /// `131 done · 131 closed · 35 on schedule of 166`; empty when 销号 is
    /// not tracked.
    fn closing(&self, task: &Task, schedule: &TaskSchedule) -> String {
        figures::closing_line(task, schedule, self.lang, " · ")
            .map(|line| escape(&line))
            .unwrap_or_default()
    }

    /// `2 notices · last 05-10`; empty without notices.
    fn notices(&self, notices: &[Notice]) -> String {
        figures::notices_line(notices, self.as_of, self.lang, " · ").unwrap_or_default()
    }

    fn status(&self, status: Status, assumed: bool) -> String {
        self.marker
            .mark(status_with_symbol(status, self.lang, self.ascii), assumed)
    }

    /// `53/77 outfalls`, marked when the done count or total is assumed.
    fn figure(&self, task: &Task, schedule: &TaskSchedule) -> String {
        self.marker.mark(
            escape(&figures::task_figure(task, self.lang)),
            marks::figure_assumed(schedule),
        )
    }

    /// The figure, then its change since the baseline and its status move:
    /// `53/77 outfalls, +8 since 2024-11-30, ↑ was behind`.
    fn beside(&self, figure: String, campaign: &Campaign, item: Item) -> String {
        let Some(since) = self.since else {
            return figure;
        };
        let phrase = since_words::beside(since, campaign, item, self.lang, self.ascii);
        let moved = since_words::status_moved(
            since,
            campaign,
            item,
            (self.lang, self.ascii),
            |arrow| self.marker.shown(arrow),
            escape,
        );
        let phrases = phrase.map(|p| escape(&p)).into_iter().chain(moved);
        std::iter::once(figure)
            .chain(phrases)
            .collect::<Vec<_>>()
            .join(self.w.comma)
    }
}

/// The tasks of a campaign with a total (`measured`) or without, each
/// with its item.
fn tasks_with_total<'a>(
    campaign: &'a Campaign,
    status: &'a CampaignStatus,
    measured: bool,
) -> impl Iterator<Item = (Item, &'a Task, &'a TaskSchedule)> {
    campaign
        .tasks
        .iter()
        .zip(&status.tasks)
        .enumerate()
        .filter(move |(_, (_, schedule))| schedule.fraction.is_some() == measured)
        .map(|(i, (task, schedule))| (Item::Task(i), task, schedule))
}

/// Tasks with a total: how much is done, where it should be by now, and
/// the dates it runs by.
pub fn tasks(out: &mut String, campaign: &Campaign, status: &CampaignStatus, cx: &Context<'_>) {
    let w = cx.w;
    let columns = [
        column(w.task, false, false),
        column(w.done, true, false),
        column(w.share, true, false),
        column(w.expected, true, true),
        column(w.status, false, false),
        column(w.start, false, true),
        column(w.due, false, true),
        column(w.days_left, true, true),
        column(closed_heading(cx.lang), false, true),
        column(notices_heading(cx.lang), false, true),
        column(w.lead, false, true),
        column(w.note, false, true),
    ];
    let rows: Vec<Vec<String>> = tasks_with_total(campaign, status, true)
        .map(|(item, task, schedule)| {
            let share = figures::task_percent(schedule).unwrap_or_default();
            let expected = schedule
                .marked_expected()
                .map(|e| cx.marker.shown(&figures::marked_percent(e)));
            vec![
                escape(task.name.get(cx.lang)),
                cx.beside(cx.figure(task, schedule), campaign, item),
                cx.marker.mark(share, marks::figure_assumed(schedule)),
                expected.unwrap_or_default(),
                cx.status(schedule.status, schedule.status_assumed),
                cx.date(schedule.marked_start()),
                cx.date(schedule.marked_due()),
                cx.days(schedule),
                cx.closing(task, schedule),
                cx.notices(&task.notices),
                cx.text(task.lead.as_ref()),
                cx.text(task.note.as_ref()),
            ]
        })
        .collect();
    table(out, &columns, &rows);
}

/// Tasks without a total: figures of work done, each with only the dates
/// written on it.
pub fn figures(out: &mut String, campaign: &Campaign, status: &CampaignStatus, cx: &Context<'_>) {
    let w = cx.w;
    let columns = [
        column(w.figure, false, false),
        column(w.amount, true, false),
        column(w.start, false, true),
        column(w.due, false, true),
        column(w.days_left, true, true),
        column(closed_heading(cx.lang), false, true),
        column(notices_heading(cx.lang), false, true),
        column(w.lead, false, true),
        column(w.note, false, true),
    ];
    let rows: Vec<Vec<String>> = tasks_with_total(campaign, status, false)
        .map(|(item, task, schedule)| {
            vec![
                escape(task.name.get(cx.lang)),
                cx.beside(cx.figure(task, schedule), campaign, item),
                cx.date(schedule.marked_start()),
                cx.date(schedule.marked_due()),
                cx.days(schedule),
                cx.closing(task, schedule),
                cx.notices(&task.notices),
                cx.text(task.lead.as_ref()),
                cx.text(task.note.as_ref()),
            ]
        })
        .collect();
    table(out, &columns, &rows);
}

/// Indicators: the value against its target.
pub fn indicators(
    out: &mut String,
    campaign: &Campaign,
    status: &CampaignStatus,
    cx: &Context<'_>,
) {
    let w = cx.w;
    let columns = [
        column(w.indicator, false, false),
        column(w.value, true, false),
        column(w.target, false, false),
        column(w.status, false, false),
        column(notices_heading(cx.lang), false, true),
        column(w.lead, false, true),
        column(w.note, false, true),
    ];
    let rows: Vec<Vec<String>> = campaign
        .indicators
        .iter()
        .zip(&status.indicators)
        .enumerate()
        .map(|(i, (indicator, state))| {
            let value = figures::indicator_value(indicator, cx.lang, cx.ascii);
            let value = cx
                .marker
                .mark(escape(&value), indicator.assumed.contains(Field::Value));
            let target = figures::indicator_target(indicator, cx.lang, cx.ascii)
                .map(|target| cx.marker.shown(&target.map(escape)));
            vec![
                escape(indicator.name.get(cx.lang)),
                cx.beside(value, campaign, Item::Indicator(i)),
                target.unwrap_or_default(),
                cx.status(state.status, state.status_assumed),
                cx.notices(&indicator.notices),
                cx.text(indicator.lead.as_ref()),
                cx.text(indicator.note.as_ref()),
            ]
        })
        .collect();
    table(out, &columns, &rows);
}
