//! The detail pane for a task: its figures and gauge, lead and dates, the
//! pace it keeps and needs, its history and its note.

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::closing::{notice_lines, task_closing_lines};
use super::parts::{ChartScale, chart_line, label, note_lines, recorded_now, status_span};
use crate::figures;
use crate::i18n;
use crate::model::schedule::pace;
use crate::model::{Campaign, Field, Lang, Pace, Status, Task, TaskSchedule};
use crate::tui::theme::Theme;
use crate::tui::ui::gauge;

/// A task as the detail pane shows it.
pub struct TaskDetail<'a> {
    pub campaign: &'a Campaign,
    pub task: &'a Task,
    pub schedule: &'a TaskSchedule,
    pub as_of: Option<NaiveDate>,
    pub lang: Lang,
    pub width: u16,
    pub theme: &'a Theme,
    /// The item's points from git, when the history is read.
    pub git: Option<Vec<Line<'static>>>,
}

impl TaskDetail<'_> {
    pub fn lines(&self) -> Vec<Line<'static>> {
        let mut out = self.heading_lines();
        out.extend(self.gauge_lines());
        out.extend(task_closing_lines(
            self.task,
            self.schedule,
            self.lang,
            self.theme,
        ));
        out.push(Line::raw(""));
        out.extend(self.lead_line());
        out.extend(self.dates_line());
        out.extend(notice_lines(
            &self.task.notices,
            self.as_of,
            self.lang,
            self.theme,
        ));
        out.extend(self.pace_lines());
        out.extend(self.history_lines());
        out.extend(note_lines(self.task.note.as_ref(), self.lang, self.theme));
        out
    }

    /// The full name, then the status, the figure and the percentage.
    fn heading_lines(&self) -> Vec<Line<'static>> {
        let (task, lang, theme) = (self.task, self.lang, self.theme);
        let dot = theme.dot();
        let mut summary = vec![
            status_span(
                self.schedule.status,
                self.schedule.status_assumed,
                lang,
                theme,
            ),
            Span::raw(dot),
            Span::raw(figures::marked_task_figure(task, lang)),
        ];
        if let Some(percent) = figures::task_percent(self.schedule) {
            summary.push(Span::raw(dot));
            summary.push(Span::styled(percent, theme.title()));
        }
        vec![
            Line::styled(task.name.get(lang).to_owned(), theme.title()),
            Line::from(summary),
        ]
    }

    /// The gauge with its marker, and what the marker stands for.
    fn gauge_lines(&self) -> Vec<Line<'static>> {
        let (schedule, theme) = (self.schedule, self.theme);
        let Some(fraction) = schedule.fraction else {
            return Vec::new();
        };
        let style = theme.status(schedule.status);
        // The pane's whole width: the finer the cells, the truer the marker.
        let width = self.width;
        let mut out = vec![gauge_line(fraction, schedule.expected, width, style, theme)];
        if let Some(expected) = schedule.marked_expected() {
            let s = i18n::strings(self.lang);
            let mark = theme.gauge().expected;
            out.push(Line::from(vec![
                Span::styled(format!("{mark} "), theme.title()),
                Span::styled(
                    format!(
                        "{} {}",
                        s.expected_by_now,
                        figures::marked_percent(expected)
                    ),
                    theme.dim(),
                ),
            ]));
        }
        out
    }

    /// Who leads: the task's own lead, else the campaign's.
    fn lead_line(&self) -> Option<Line<'static>> {
        let lead = self.task.lead.as_ref().or(self.campaign.lead.as_ref())?;
        let s = i18n::strings(self.lang);
        Some(Line::from(vec![
            label(s.lead, self.theme),
            Span::raw(lead.get(self.lang).to_owned()),
        ]))
    }

    /// Start, due and days left (none for a finished task or a plain count).
    fn dates_line(&self) -> Option<Line<'static>> {
        let (schedule, lang, theme) = (self.schedule, self.lang, self.theme);
        let s = i18n::strings(lang);
        let mut dates = Vec::new();
        if let Some(start) = schedule.marked_start() {
            let start = figures::marked_date(start).to_string();
            dates.extend([label(s.start, theme), Span::raw(start)]);
        }
        if let Some(due) = schedule.marked_due() {
            if !dates.is_empty() {
                dates.push(Span::raw(theme.dot()));
            }
            let due = figures::marked_date(due).to_string();
            dates.extend([label(s.due, theme), Span::raw(due)]);
        }
        if let Some(days) = schedule.marked_days_left()
            && !(schedule.status.finished() || schedule.status == Status::Count)
        {
            let style = if days.value() < 0 {
                theme.status(Status::Overdue)
            } else {
                Style::new()
            };
            dates.extend([
                Span::raw(theme.dot()),
                Span::styled(figures::days_left(days, lang).to_string(), style),
            ]);
        }
        (!dates.is_empty()).then(|| Line::from(dates))
    }

    /// The rates achieved and needed, and the projected finish; none for a
    /// task that is done ("projected finish" and "needed 0.00/day" beside
    /// 2/2 read as if it were still under way).
    fn pace_lines(&self) -> Vec<Line<'static>> {
        if self.task.total.is_some_and(|total| self.task.done >= total) {
            return Vec::new();
        }
        let Some(pace) = self
            .as_of
            .and_then(|as_of| pace(self.task, self.campaign, as_of))
        else {
            return Vec::new();
        };
        let mut out: Vec<Line<'static>> = self.rate_line(&pace).into_iter().collect();
        if let Some(finish) = pace.marked_projected_finish() {
            let late = self.schedule.due.is_some_and(|due| finish.value() > due);
            let style = if late {
                self.theme.status(Status::Behind)
            } else {
                Style::new()
            };
            out.push(Line::from(vec![
                label(i18n::strings(self.lang).projected_finish, self.theme),
                Span::styled(figures::marked_date(finish).to_string(), style),
            ]));
        }
        out
    }

    /// "Pace achieved 1.2 个/天 · needed 3.4 个/天".
    fn rate_line(&self, pace: &Pace) -> Option<Line<'static>> {
        let (lang, theme) = (self.lang, self.theme);
        let s = i18n::strings(lang);
        let unit = figures::task_unit(self.task, lang).unwrap_or_default();
        let per = format!("{unit}{}", s.per_day);
        let mut spans = vec![label(s.pace, theme)];
        if let Some(achieved) = pace.marked_achieved() {
            let achieved = figures::marked_rate(achieved, &per);
            spans.push(Span::raw(format!("{} {achieved}", s.achieved_rate)));
        }
        let needed = match pace.marked_needed() {
            Some(needed) => {
                let style = match pace.achieved_per_day {
                    Some(achieved) if achieved + 1e-9 < needed.value() => {
                        theme.status(Status::Behind)
                    }
                    _ => Style::new(),
                };
                let needed = figures::marked_rate(needed, &per);
                Some(Span::styled(format!("{} {needed}", s.needed_rate), style))
            }
            None => self.remaining_span(),
        };
        if let Some(needed) = needed {
            if spans.len() > 1 {
                spans.push(Span::raw(theme.dot()));
            }
            spans.push(needed);
        }
        (spans.len() > 1).then(|| Line::from(spans))
    }

    /// No rate is left to compute (due today or past due): what remains,
    /// marked as the due date it is reckoned to.
    fn remaining_span(&self) -> Option<Span<'static>> {
        let (task, lang) = (self.task, self.lang);
        let total = task.total.filter(|total| task.done < *total)?;
        let remaining = figures::task_amount(task, total - task.done, lang);
        let past_due = i18n::strings(lang).past_due;
        let words = match self.schedule.marked_days_left() {
            Some(days) => figures::Shown::of(days, |days| match days {
                0 => i18n::to_finish_today(&remaining, lang),
                _ => past_due.to_owned(),
            }),
            None => figures::Shown::new(past_due, false),
        };
        let style = self.theme.status(Status::Overdue);
        Some(Span::styled(words.to_string(), style))
    }

    /// The recorded points then today's figure as a sparkline, and the
    /// figure from the first point to now.
    fn history_lines(&self) -> Vec<Line<'static>> {
        // Git's points include the file's own history array.
        if let Some(git) = &self.git {
            return git.clone();
        }
        let (task, lang, theme) = (self.task, self.lang, self.theme);
        let s = i18n::strings(lang);
        let mut out = vec![Line::raw("")];
        let earlier: Vec<_> = task
            .history
            .iter()
            .filter(|p| !recorded_now(p.date, self.as_of, p.done == task.done))
            .collect();
        if earlier.is_empty() {
            out.push(Line::from(vec![
                label(s.history, theme),
                Span::styled(s.no_history, theme.dim()),
            ]));
            return out;
        }
        let values: Vec<f64> = earlier.iter().map(|p| p.done).chain([task.done]).collect();
        let style = theme.status(self.schedule.status);
        let scale = ChartScale::task(task);
        out.push(chart_line(&values, &scale, self.width, style, lang, theme));
        // From the first point to the figure now, at the reporting date,
        // each marked as what it is read from.
        if let (Some(first), Some(as_of)) = (earlier.first(), self.as_of) {
            let arrow = if theme.ascii { "->" } else { "→" };
            let point = |done: f64, field: Field| {
                let assumed = task.assumed.contains(field);
                figures::Shown::new(figures::number(done, lang), assumed)
            };
            out.push(Line::styled(
                format!(
                    "{} {} {arrow} {} {}",
                    figures::date(first.date),
                    point(first.done, Field::History),
                    figures::date(as_of),
                    figures::Shown::new(
                        figures::task_done(task, lang),
                        task.assumed.contains(Field::Done)
                    )
                ),
                theme.dim(),
            ));
        }
        out
    }
}

/// A full-width gauge with the "should be here by now" marker.
fn gauge_line(
    ratio: f64,
    expected: Option<f64>,
    width: u16,
    style: Style,
    theme: &Theme,
) -> Line<'static> {
    let symbols = theme.gauge();
    let filled = gauge::filled_cells(ratio, width);
    let marker = expected.map(|e| gauge::marker_cell(e, width));
    let spans: Vec<Span<'static>> = (0..width)
        .map(|i| {
            if marker == Some(i) {
                Span::styled(symbols.expected, theme.title())
            } else if i < filled {
                Span::styled(symbols.filled, style)
            } else {
                Span::styled(symbols.empty, theme.dim())
            }
        })
        .collect();
    Line::from(spans)
}
