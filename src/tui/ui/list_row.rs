//! One row of the campaign list: the status and the name, then a task's
//! gauge, percentage, figure, due date and days left, or an indicator's
//! value against its target.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::cells::{put, put_right};
use super::gauge;
use crate::figures;
use crate::model::{Indicator, IndicatorState, Lang, Status, Task, TaskSchedule};
use crate::tui::change_cell::change_text;
use crate::tui::changes::Change;
use crate::tui::rows::ColumnWidths;
use crate::tui::theme::Theme;

/// Column widths of the list for a given inner width; a zero width means
/// the column is left out (narrow terminals keep the name and status).
pub struct Columns {
    status: u16,
    name: u16,
    bar: u16,
    percent: u16,
    figure: u16,
    due: u16,
    days: u16,
    /// How many are closed (销号), when a task tracks it.
    closed: u16,
    /// The change since the baseline, last on the line (0: no history).
    change: u16,
}

const POINTER: u16 = 2;

enum Slot {
    Bar,
    Percent,
    Figure,
    Due,
    Days,
    Closed,
    Change,
}

impl Columns {
    /// Widths for the rows shown: the status column as wide as the widest
    /// status word among them, the figure as wide as the widest figure, the
    /// days as the widest days left (none when no row shows any).
    /// `change` is the widest change since the baseline (0: none shown).
    pub fn for_rows(width: u16, widths: ColumnWidths, change: u16) -> Columns {
        // Symbol, space, word, the assumed marker and a gap.
        let status = 2 + widths.status_word + 2;
        let (figure, days) = (widths.figure, widths.days);
        let mut c = Columns {
            status,
            name: 0,
            bar: 0,
            percent: 0,
            figure: 0,
            due: 0,
            days: 0,
            closed: 0,
            change: 0,
        };
        let mut left = width.saturating_sub(POINTER + status);
        // Most useful first; each needs the name to keep some room.
        for (slot, want, name_min) in [
            (Slot::Percent, 5u16, 10u16),
            (Slot::Figure, figure.min(20) + 1, 12),
            (Slot::Change, change.min(16) + 1, 12),
            (Slot::Days, days + 1, 14),
            (Slot::Bar, 10, 16),
            (Slot::Due, 12, 26),
            (Slot::Closed, widths.closed + 1, 26),
        ] {
            if want > 1 && left >= want + name_min {
                left -= want;
                match slot {
                    Slot::Bar => c.bar = want,
                    Slot::Percent => c.percent = want,
                    Slot::Figure => c.figure = want,
                    Slot::Due => c.due = want,
                    Slot::Days => c.days = want,
                    Slot::Closed => c.closed = want,
                    Slot::Change => c.change = want,
                }
            }
        }
        c.name = left;
        c
    }

    /// Where the value columns (bar, percent, figure) start and how wide they are together.
    fn values(&self, line: Rect) -> (u16, u16) {
        (
            line.x + POINTER + self.status + self.name,
            self.bar + self.percent + self.figure,
        )
    }
}

/// How the rows of one frame are drawn: in these columns, language and theme.
pub struct ListRows<'a> {
    pub columns: Columns,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl ListRows<'_> {
    /// The change since the baseline (`+8 ↑`), right-aligned in the last
    /// column; the arrow in the style of the status it moved to.
    pub fn change(&self, buf: &mut Buffer, line: Rect, change: &Change) {
        let (columns, theme) = (&self.columns, self.theme);
        if columns.change == 0 {
            return;
        }
        let Some(text) = change_text(change, self.lang, theme.ascii) else {
            return;
        };
        let style = change
            .current
            .filter(|_| change.moved().is_some())
            .map_or(theme.title(), |(_, status)| theme.status(status));
        let right = line.x + POINTER + columns.status + columns.name;
        let right = right + columns.bar + columns.percent + columns.figure;
        let right = right + columns.due + columns.days + columns.closed + columns.change;
        let width = columns.change - 1;
        put_right(buf, right, line.y, width, &text, style, theme.ellipsis());
    }

    pub fn task(
        &self,
        buf: &mut Buffer,
        line: Rect,
        task: &Task,
        schedule: &TaskSchedule,
        selected: bool,
    ) {
        let name = task.name.get(self.lang);
        let status = (schedule.status, schedule.status_assumed);
        self.lead_cells(buf, line, status, name, selected);
        let x = self.value_cells(buf, line, task, schedule);
        self.date_cells(buf, x, line.y, schedule);
        // One blank after the days, which fill their column to its edge.
        let x = x + self.columns.due + self.columns.days + 1;
        if let Some(closed) =
            figures::closed_cell(task, self.lang).filter(|_| self.columns.closed > 0)
        {
            let (theme, width) = (self.theme, self.columns.closed - 1);
            put(
                buf,
                x,
                line.y,
                width,
                &closed,
                theme.dim(),
                theme.ellipsis(),
            );
        }
    }

    pub fn indicator(
        &self,
        buf: &mut Buffer,
        line: Rect,
        indicator: &Indicator,
        state: &IndicatorState,
        selected: bool,
    ) {
        let (lang, theme) = (self.lang, self.theme);
        let status = state.status;
        let lead = (status, state.status_assumed);
        self.lead_cells(buf, line, lead, indicator.name.get(lang), selected);
        // An indicator has no dates: its value and target may run on into
        // the date columns ("Ⅲ类（目标达到或优于Ⅲ类）" is wider than a task's figure).
        let (x, values) = self.columns.values(line);
        let width = values + self.columns.due + self.columns.days;
        let figure = figures::marked_indicator_figure(indicator, lang, theme.ascii);
        let style = theme.status(status);
        put(
            buf,
            x,
            line.y,
            width.saturating_sub(1),
            &figure,
            style,
            theme.ellipsis(),
        );
    }

    /// The selection pointer, the status (symbol and word, `*` when it rests
    /// on an assumed value) and the name.
    fn lead_cells(
        &self,
        buf: &mut Buffer,
        line: Rect,
        (status, assumed): (Status, bool),
        name: &str,
        selected: bool,
    ) {
        let (columns, theme) = (&self.columns, self.theme);
        let ell = theme.ellipsis();
        let y = line.y;
        if selected {
            put(buf, line.x, y, POINTER, theme.pointer(), theme.title(), ell);
        }
        let x = line.x + POINTER;
        let word = format!(
            "{}{}",
            theme.status_label(status, self.lang),
            figures::mark(assumed)
        );
        let status_width = columns.status.saturating_sub(1);
        put(buf, x, y, status_width, &word, theme.status(status), ell);
        let name_width = columns.name.saturating_sub(1);
        put(
            buf,
            x + columns.status,
            y,
            name_width,
            name,
            Style::new(),
            ell,
        );
    }

    /// A task's gauge, percentage and `done/total unit`; returns where the
    /// date columns start.
    fn value_cells(
        &self,
        buf: &mut Buffer,
        line: Rect,
        task: &Task,
        schedule: &TaskSchedule,
    ) -> u16 {
        let (columns, theme) = (&self.columns, self.theme);
        let ell = theme.ellipsis();
        let (mut x, _) = columns.values(line);
        let y = line.y;
        if columns.bar > 0 {
            if let Some(fraction) = schedule.fraction {
                let bar = Rect::new(x, y, columns.bar - 2, 1);
                let style = theme.status(schedule.status);
                gauge::bar(buf, bar, fraction, schedule.expected, style, theme);
            }
            x += columns.bar;
        }
        if columns.percent > 0 {
            if let Some(percent) = figures::task_percent(schedule) {
                let (right, width) = (x + columns.percent - 1, columns.percent - 1);
                put_right(buf, right, y, width, &percent, theme.title(), ell);
            }
            x += columns.percent;
        }
        if columns.figure > 0 {
            let figure = figures::marked_task_figure(task, self.lang);
            put(buf, x, y, columns.figure - 1, &figure, Style::new(), ell);
            x += columns.figure;
        }
        x
    }

    /// The due date (`*` when assumed) and the days left, from `x`; a plain
    /// count has them only when written on it, a finished task no days left.
    fn date_cells(&self, buf: &mut Buffer, mut x: u16, y: u16, schedule: &TaskSchedule) {
        let (columns, theme) = (&self.columns, self.theme);
        let ell = theme.ellipsis();
        if columns.due > 0 {
            if let Some(due) = schedule.marked_due() {
                let due = figures::marked_date(due).to_string();
                put(buf, x, y, columns.due - 1, &due, theme.dim(), ell);
            }
            x += columns.due;
        }
        if columns.days > 0
            && !schedule.status.finished()
            && let Some(days) = schedule.marked_days_left()
        {
            let style = if days.value() < 0 {
                theme.status(Status::Overdue)
            } else {
                theme.dim()
            };
            // Counted to an assumed due date: `0d*`.
            let days = figures::days_short(days, self.lang).to_string();
            put_right(
                buf,
                x + columns.days,
                y,
                columns.days - 1,
                &days,
                style,
                ell,
            );
        }
    }
}
