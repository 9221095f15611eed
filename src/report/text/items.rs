//! One line of the text report per task, indicator and plain figure.
//! Chinese reads like the bureau's own report ("113个长江入河排污口整治已完成
//! 110个"); English reads as a sentence ("…: 110 of 113 outfalls done").
//! Assumed values carry the marker right after them; with `--since` the
//! change since the baseline follows the figure.

use super::line::one_line;
use crate::figures;
use crate::i18n::status_word;
use crate::model::{
    Campaign, Field, Indicator, IndicatorState, Item, Lang, Level, Status, Task, TaskSchedule,
};
use crate::report::marks::{self, Marker};
use crate::report::since::{Since, words as since_words};
use crate::report::words::{self, Words};

pub struct Items<'a> {
    pub lang: Lang,
    pub ascii: bool,
    pub w: &'static Words,
    pub marker: &'a Marker,
    /// The campaign the items are of, and the baseline of `--since`.
    pub campaign: &'a Campaign,
    pub since: Option<&'a Since<'a>>,
    /// The reporting date, which the day of the last notice is read from.
    pub as_of: chrono::NaiveDate,
}

impl Items<'_> {
    /// A task with a total: its figures, status, 序时进度 while it runs, and
    /// its dates.
    pub fn task(&self, index: usize, task: &Task, schedule: &TaskSchedule) -> String {
        let (lang, marker) = (self.lang, self.marker);
        let assumed = schedule.assumed;
        let name = one_line(task.name.get(lang));
        let unit = figures::task_unit(task, lang).map(one_line);
        let unit = unit.as_deref();
        let total = task.total.unwrap_or_default();
        let done = marker.mark(
            figures::task_done(task, lang),
            assumed.contains(Field::Done),
        );
        let total_shown = marker.mark(figures::number(total, lang), assumed.contains(Field::Total));
        let mut line = match (lang, unit) {
            (Lang::Zh, Some(_)) => format!(
                "{}{name}已完成{}",
                figures::joined_unit(total_shown, total, unit, lang),
                figures::joined_unit(done, task.done, unit, lang)
            ),
            (Lang::Zh, None) => format!("{name}已完成{done}/{total_shown}"),
            // The unit follows the total: "1 of 1 firm done".
            (Lang::En, _) => format!(
                "{name}: {done} of {} done",
                figures::joined_unit(total_shown, total, unit, lang)
            ),
        };
        let share = figures::task_percent(schedule).unwrap_or_default();
        let share = marker.mark(share, marks::figure_assumed(schedule));
        let mut details = Vec::new();
        details.extend(self.beside(Item::Task(index)));
        details.push(marker.mark(status_word(schedule.status, lang), schedule.status_assumed));
        if matches!(
            schedule.status,
            Status::OnTrack | Status::AtRisk | Status::Behind
        ) && let Some(expected) = schedule.marked_expected()
        {
            let expected = marker.shown(&figures::marked_percent(expected));
            details.push(words::expected(&expected, lang));
        }
        if schedule.status == Status::NotStarted
            && let Some(start) = schedule.marked_start()
        {
            let start = marker.shown(&figures::marked_date(start));
            details.push(match lang {
                Lang::Zh => format!("{start}开始"),
                Lang::En => format!("starts {start}"),
            });
        }
        details.extend(self.closing(task, schedule));
        if let Some(due) = schedule.marked_due() {
            let due = marker.shown(&figures::marked_date(due));
            let days = self.days(schedule);
            details.push(match (lang, days) {
                (Lang::Zh, Some(days)) => format!("{due}截止，{days}"),
                (Lang::Zh, None) => format!("{due}截止"),
                (Lang::En, Some(days)) => format!("due {due} ({days})"),
                (Lang::En, None) => format!("due {due}"),
            });
        }
        match lang {
            Lang::Zh => line.push_str(&format!("（{share}，{}）", details.join("，"))),
            // "(97%), on-track, due …": the share sits beside the figures.
            Lang::En => line.push_str(&format!(" ({share}), {}", details.join(", "))),
        }
        line
    }

    /// The change since the baseline and the status move: `+8 since
    /// 2024-11-30, ↑ was behind`.
    fn beside(&self, item: Item) -> Option<String> {
        let since = self.since?;
        let phrase = since_words::beside(since, self.campaign, item, self.lang, self.ascii);
        let moved = since_words::status_moved(
            since,
            self.campaign,
            item,
            (self.lang, self.ascii),
            |arrow| self.marker.shown(arrow),
            one_line,
        );
        let phrases: Vec<String> = phrase
            .map(|p| one_line(&p))
            .into_iter()
            .chain(moved)
            .collect();
        (!phrases.is_empty()).then(|| phrases.join(self.w.comma))
    }

    /// 销号 and 督办: "131 done · 131 closed · 35 on schedule of 166", "2
    /// notices · last 05-10", each when the task has them.
    fn closing(&self, task: &Task, schedule: &TaskSchedule) -> Vec<String> {
        let dot = if self.ascii { " - " } else { " · " };
        let closing = figures::closing_line(task, schedule, self.lang, dot);
        let notices = figures::notices_line(&task.notices, self.as_of, self.lang, dot);
        closing.into_iter().chain(notices).collect()
    }

    /// Days left, none for a finished task; marked when the due is assumed.
    fn days(&self, schedule: &TaskSchedule) -> Option<String> {
        let days = schedule
            .marked_days_left()
            .filter(|_| !schedule.status.finished())?;
        Some(self.marker.shown(&figures::days_left(days, self.lang)))
    }

    /// An indicator: its value against its target, and whether it is met.
    pub fn indicator(&self, index: usize, indicator: &Indicator, state: &IndicatorState) -> String {
        let (lang, ascii, marker) = (self.lang, self.ascii, self.marker);
        let name = one_line(indicator.name.get(lang));
        // A class reads "Ⅲ类" in Chinese, its target "达到或优于Ⅲ类"; English
        // names already say "water class".
        let value = one_line(&figures::indicator_value(indicator, lang, ascii));
        let mut value = marker.mark(value, indicator.assumed.contains(Field::Value));
        if let Some(phrase) = self.beside(Item::Indicator(index)) {
            value = format!("{value}{}{phrase}", self.w.comma);
        }
        let target = figures::indicator_target(indicator, lang, ascii)
            .map(|target| marker.shown(&target.map(one_line)));
        let status = marker.mark(status_word(state.status, lang), state.status_assumed);
        let dot = if ascii { " - " } else { " · " };
        let notices = figures::notices_line(&indicator.notices, self.as_of, lang, dot)
            .map(|notices| format!("{}{notices}{}", self.w.open, self.w.close))
            .unwrap_or_default();
        let line = match (lang, target) {
            (Lang::Zh, Some(target)) => {
                // "目标 ≥ 95%" as on the screen, "目标达到或优于Ⅲ类" in words.
                let gap = if matches!(indicator.target, Some(Level::Number(_))) {
                    " "
                } else {
                    ""
                };
                format!("{name}为{value}（目标{gap}{target}，{status}）")
            }
            (Lang::Zh, None) => format!("{name}为{value}"),
            (Lang::En, Some(target)) => format!("{name}: {value} (target {target}), {status}"),
            (Lang::En, None) => format!("{name}: {value}"),
        };
        line + &notices
    }

    /// A plain figure: the amount, only the dates written on the task, its
    /// lead and note.
    pub fn count(&self, index: usize, task: &Task, schedule: &TaskSchedule) -> String {
        let (lang, w, marker) = (self.lang, self.w, self.marker);
        let assumed = schedule.assumed;
        let unit = figures::task_unit(task, lang).map(one_line);
        let done = marker.mark(
            figures::task_done(task, lang),
            assumed.contains(Field::Done),
        );
        let mut figure = figures::joined_unit(done, task.done, unit.as_deref(), lang);
        if let Some(phrase) = self.beside(Item::Task(index)) {
            figure = format!("{figure}{}{phrase}", w.comma);
        }
        let mut line = format!("{}{}{figure}", one_line(task.name.get(lang)), w.colon);
        let start = schedule
            .marked_start()
            .map(|d| marker.shown(&figures::marked_date(d)));
        let due = schedule
            .marked_due()
            .map(|d| marker.shown(&figures::marked_date(d)));
        // A due date alone reads as the tasks' does: "due 2024-06-30".
        let dates = match (start.as_deref(), due.as_deref(), lang) {
            (None, Some(due), Lang::Zh) => Some(format!("{due}截止")),
            (None, Some(due), Lang::En) => Some(format!("due {due}")),
            (start, due, _) => words::period(start, due, lang),
        };
        let mut about = Vec::new();
        if let Some(dates) = dates {
            line.push_str(w.comma);
            line.push_str(&dates);
            about.extend(self.days(schedule));
        }
        about.extend(self.closing(task, schedule));
        if let Some(lead) = &task.lead {
            about.push(format!("{}{}{}", w.lead, w.colon, one_line(lead.get(lang))));
        }
        if let Some(note) = &task.note {
            about.push(one_line(note.get(lang)));
        }
        if !about.is_empty() {
            line.push_str(&format!("{}{}{}", w.open, about.join(w.semicolon), w.close));
        }
        line
    }
}
