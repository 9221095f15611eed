//! The campaign view: the list of tasks and indicators (with gauges,
//! figures, status and due date) beside or above the detail pane. Only the
//! visible rows are formatted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::{inner, put, put_right};
use super::{detail, gauge};
use crate::i18n;
use crate::model::{
    Campaign, CampaignStatus, Indicator, Lang, Level, Status, Task, TaskSchedule, text_or_empty,
};
use crate::text;
use crate::tui::app::{App, CampaignView, Pane, number};
use crate::tui::rows::{Item, SortKey};
use crate::tui::theme::Theme;

/// List and detail side by side from this width; stacked below it.
const SIDE_BY_SIDE_WIDTH: u16 = 140;

/// Where the list and the detail pane go in the body. Stacked, the list
/// takes what its `rows` need (up to about half) and the detail the rest.
pub fn split(body: Rect, rows: usize) -> (Rect, Rect) {
    if body.width >= SIDE_BY_SIDE_WIDTH {
        let list_width = (u32::from(body.width) * 16 / 25) as u16;
        (
            Rect {
                width: list_width,
                ..body
            },
            Rect {
                x: body.x + list_width,
                width: body.width - list_width,
                ..body
            },
        )
    } else {
        let cap = (body.height / 2).max(body.height.saturating_sub(14));
        let wanted = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
        let list_height = wanted.clamp(5, cap.max(5)).min(body.height);
        (
            Rect {
                height: list_height,
                ..body
            },
            Rect {
                y: body.y + list_height,
                height: body.height - list_height,
                ..body
            },
        )
    }
}

/// Rows the list shows at the app's last known size (the page for PgUp/PgDn).
pub fn list_rows(app: &App) -> usize {
    let body = super::areas(super::frame_area(app), app).body;
    let rows = app.open_campaign().map_or(0, |(_, view)| view.rows.len());
    usize::from(inner(split(body, rows).0).height)
}

/// What is under a click in the campaign view.
pub enum Hit {
    /// A list row (index into the shown rows).
    Row(usize),
    Detail,
}

pub fn hit(app: &App, column: u16, row: u16) -> Option<Hit> {
    let (_, view) = app.open_campaign()?;
    let body = super::areas(super::frame_area(app), app).body;
    let (list, detail_area) = split(body, view.rows.len());
    let at = ratatui::layout::Position::new(column, row);
    if detail_area.contains(at) {
        return Some(Hit::Detail);
    }
    let inner = inner(list);
    if !inner.contains(at) {
        return None;
    }
    let offset = crate::tui::app::scrolled(
        view.offset,
        view.selected,
        usize::from(inner.height),
        view.rows.len(),
    );
    let index = offset + usize::from(row - inner.y);
    (index < view.rows.len()).then_some(Hit::Row(index))
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let Some((campaign, view)) = app.open_campaign() else {
        return;
    };
    let Some(status) = app
        .data
        .as_ref()
        .and_then(|d| d.status.campaigns.get(view.index))
    else {
        return;
    };
    let (list, detail_area) = split(area, view.rows.len());
    draw_list(buf, list, app, campaign, status, view, theme);
    detail::draw(buf, detail_area, app, theme);
}

fn sort_word(sort: SortKey, lang: Lang) -> &'static str {
    let s = i18n::strings(lang);
    match sort {
        SortKey::Status => s.sort_status,
        SortKey::Progress => s.sort_progress,
        SortKey::Due => s.sort_due,
        SortKey::Name => s.sort_name,
    }
}

fn draw_list(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    campaign: &Campaign,
    status: &CampaignStatus,
    view: &CampaignView,
    theme: &Theme,
) {
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let ell = theme.ellipsis();
    let total = campaign.tasks.len() + campaign.indicators.len();
    let mut title = format!(
        "{} {}{}{} {}/{total}{}{}: {}",
        theme.theme_mark(campaign.theme),
        campaign.name.get(lang),
        theme.dot(),
        s.items,
        view.rows.len(),
        theme.dot(),
        s.sort,
        sort_word(app.sort(), lang),
    );
    if !app.filter().is_empty() {
        title.push_str(&format!(
            "{}{}: {}",
            theme.dot(),
            s.filter,
            text::sanitize_line(app.filter())
        ));
    }
    let title = text::truncate_with(&title, usize::from(area.width.saturating_sub(4)), ell);
    // Where the selection is in a list longer than the pane.
    let position = if view.rows.len() + 2 > usize::from(area.height) {
        format!(" {}/{} ", view.selected + 1, view.rows.len())
    } else {
        String::new()
    };
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(view.focus == Pane::List))
        .title(Line::styled(
            format!(" {title} "),
            theme.accent(campaign.theme).patch(theme.title()),
        ))
        .title_bottom(Line::styled(position, theme.dim()).right_aligned())
        .render(area, buf);
    let inner = inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if view.rows.is_empty() {
        put(
            buf,
            inner.x + 2,
            inner.y,
            inner.width.saturating_sub(2),
            if total == 0 { s.no_items } else { s.no_match },
            theme.dim(),
            ell,
        );
        return;
    }
    let height = usize::from(inner.height);
    let offset = crate::tui::app::scrolled(view.offset, view.selected, height, view.rows.len());
    // Widths measured at load over the whole campaign: columns stay put.
    let (status_word, figure) = app
        .data
        .as_ref()
        .and_then(|d| d.widths.get(view.index))
        .map_or((0, 0), |w| w.get(lang));
    let columns = Columns::for_rows(inner.width, status_word, figure);
    for (row, item) in view.rows.iter().enumerate().skip(offset).take(height) {
        let y = inner.y + (row - offset) as u16;
        let line = Rect {
            y,
            height: 1,
            ..inner
        };
        let selected = row == view.selected;
        match *item {
            Item::Task(i) => {
                if let (Some(task), Some(schedule)) = (campaign.tasks.get(i), status.tasks.get(i)) {
                    task_row(buf, line, &columns, task, schedule, selected, lang, theme);
                }
            }
            Item::Indicator(i) => {
                if let (Some(indicator), Some(st)) =
                    (campaign.indicators.get(i), status.indicators.get(i))
                {
                    indicator_row(buf, line, &columns, indicator, *st, selected, lang, theme);
                }
            }
        }
        if selected {
            buf.set_style(line, theme.selected());
        }
    }
}

/// Column widths of the list for a given inner width; a zero width means
/// the column is left out (narrow terminals keep the name and status).
struct Columns {
    status: u16,
    name: u16,
    bar: u16,
    percent: u16,
    figure: u16,
    due: u16,
    days: u16,
}

const POINTER: u16 = 2;

enum Slot {
    Bar,
    Percent,
    Figure,
    Due,
    Days,
}

impl Columns {
    /// Widths for the rows shown: the status column as wide as the widest
    /// status word among them, the figure as wide as the widest figure.
    fn for_rows(width: u16, status_word: u16, figure: u16) -> Columns {
        let status = 2 + status_word + 1;
        let mut c = Columns {
            status,
            name: 0,
            bar: 0,
            percent: 0,
            figure: 0,
            due: 0,
            days: 0,
        };
        let mut left = width.saturating_sub(POINTER + status);
        // Most useful first; each needs the name to keep some room.
        for (slot, want, name_min) in [
            (Slot::Percent, 5u16, 10u16),
            (Slot::Figure, figure.min(20) + 1, 12),
            (Slot::Days, 7, 14),
            (Slot::Bar, 10, 16),
            (Slot::Due, 11, 26),
        ] {
            if left >= want + name_min {
                left -= want;
                match slot {
                    Slot::Bar => c.bar = want,
                    Slot::Percent => c.percent = want,
                    Slot::Figure => c.figure = want,
                    Slot::Due => c.due = want,
                    Slot::Days => c.days = want,
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

#[allow(clippy::too_many_arguments)]
fn lead_cells(
    buf: &mut Buffer,
    line: Rect,
    columns: &Columns,
    status: Status,
    name: &str,
    selected: bool,
    lang: Lang,
    theme: &Theme,
) {
    let ell = theme.ellipsis();
    let y = line.y;
    if selected {
        put(buf, line.x, y, POINTER, theme.pointer(), theme.title(), ell);
    }
    let x = line.x + POINTER;
    let word = format!(
        "{} {}",
        status.symbol(theme.ascii),
        i18n::status_word(status, lang)
    );
    put(
        buf,
        x,
        y,
        columns.status.saturating_sub(1),
        &word,
        theme.status(status),
        ell,
    );
    put(
        buf,
        x + columns.status,
        y,
        columns.name.saturating_sub(1),
        name,
        ratatui::style::Style::new(),
        ell,
    );
}

#[allow(clippy::too_many_arguments)]
fn task_row(
    buf: &mut Buffer,
    line: Rect,
    columns: &Columns,
    task: &Task,
    schedule: &TaskSchedule,
    selected: bool,
    lang: Lang,
    theme: &Theme,
) {
    let ell = theme.ellipsis();
    let y = line.y;
    lead_cells(
        buf,
        line,
        columns,
        schedule.status,
        task.name.get(lang),
        selected,
        lang,
        theme,
    );
    let (mut x, _) = columns.values(line);
    let style = theme.status(schedule.status);
    if columns.bar > 0 {
        if let Some(fraction) = schedule.fraction {
            gauge::bar(
                buf,
                Rect::new(x, y, columns.bar - 2, 1),
                fraction,
                schedule.expected,
                style,
                theme,
            );
        }
        x += columns.bar;
    }
    if columns.percent > 0 {
        if let Some(fraction) = schedule.fraction {
            put_right(
                buf,
                x + columns.percent - 1,
                y,
                columns.percent - 1,
                &gauge::percent(fraction),
                theme.title(),
                ell,
            );
        }
        x += columns.percent;
    }
    if columns.figure > 0 {
        put(
            buf,
            x,
            y,
            columns.figure - 1,
            &task_figure(task, lang),
            ratatui::style::Style::new(),
            ell,
        );
        x += columns.figure;
    }
    let dated = schedule.status != Status::Count;
    if columns.due > 0 {
        if let Some(due) = schedule.due.filter(|_| dated) {
            put(
                buf,
                x,
                y,
                columns.due - 1,
                &due.format("%Y-%m-%d").to_string(),
                theme.dim(),
                ell,
            );
        }
        x += columns.due;
    }
    if columns.days > 0
        && dated
        && schedule.status != Status::Done
        && let Some(days) = schedule.days_left
    {
        let style = if days < 0 {
            theme.status(Status::Overdue)
        } else {
            theme.dim()
        };
        put_right(
            buf,
            x + columns.days,
            y,
            columns.days - 1,
            &i18n::days_short(days, lang),
            style,
            ell,
        );
    }
}

/// "110/113 个" for a task with a total, "39 个" for a plain count.
pub fn task_figure(task: &Task, lang: Lang) -> String {
    let unit = text_or_empty(task.unit.as_ref(), lang);
    let figure = match task.total {
        Some(total) => format!("{}/{}", number(task.done), number(total)),
        None => number(task.done),
    };
    if unit.is_empty() {
        figure
    } else {
        format!("{figure} {unit}")
    }
}

fn water_class(class: crate::model::WaterClass, ascii: bool) -> &'static str {
    crate::tui::theme::Theme::new(false, ascii).water_class(class)
}

/// "31 μg/m³ ≤ 35", "94% ≥ 95%", "IV ≤ III", or the bare value without a target.
pub fn indicator_figure(indicator: &Indicator, lang: Lang, ascii: bool) -> String {
    let unit = text_or_empty(indicator.unit.as_ref(), lang);
    let level = |level: Level| match level {
        Level::Number(v) => i18n::with_unit(&number(v), unit),
        Level::WaterClass(class) => water_class(class, ascii).to_owned(),
    };
    let value = level(indicator.value);
    let Some(target) = indicator.target else {
        return value;
    };
    // A water class meets its target at the same class or a better (lower) one.
    let comparison = indicator
        .better
        .unwrap_or(crate::model::Better::Lower)
        .comparison(ascii);
    let target = match target {
        // A percent reads as one with its sign; other units once is enough.
        Level::Number(v) if matches!(unit, "%" | "‰") => level(Level::Number(v)),
        Level::Number(v) => number(v),
        Level::WaterClass(class) => water_class(class, ascii).to_owned(),
    };
    format!("{value} {comparison} {target}")
}

#[allow(clippy::too_many_arguments)]
fn indicator_row(
    buf: &mut Buffer,
    line: Rect,
    columns: &Columns,
    indicator: &Indicator,
    status: Status,
    selected: bool,
    lang: Lang,
    theme: &Theme,
) {
    lead_cells(
        buf,
        line,
        columns,
        status,
        indicator.name.get(lang),
        selected,
        lang,
        theme,
    );
    let (x, width) = columns.values(line);
    let figure = indicator_figure(indicator, lang, theme.ascii);
    put(
        buf,
        x,
        line.y,
        width.saturating_sub(1),
        &figure,
        theme.status(status),
        theme.ellipsis(),
    );
}
