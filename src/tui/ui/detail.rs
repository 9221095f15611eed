//! The detail pane for the selected task or indicator: full name, status
//! and figures, a gauge with a marker where it should be by now, dates,
//! pace, history and the note (wrapped, scrollable).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::campaign::{indicator_figure, task_figure};
use super::cells::inner;
use super::gauge;
use crate::i18n;
use crate::model::schedule::pace;
use crate::model::{
    Campaign, Indicator, Lang, Level, Scale, Status, Task, TaskSchedule, WaterClass, text_or_empty,
};
use crate::text;
use crate::tui::app::{App, Pane, number};
use crate::tui::rows::Item;
use crate::tui::theme::Theme;

/// The detail pane's area at the app's last known size.
fn area_for(app: &App) -> Rect {
    let body = super::areas(super::frame_area(app), app).body;
    let rows = app.open_campaign().map_or(0, |(_, view)| view.rows.len());
    super::campaign::split(body, rows).1
}

/// How far the detail can scroll before its last line reaches the top of
/// the pane's last row.
pub fn max_scroll(app: &App) -> u16 {
    let area = inner(area_for(app));
    let lines = lines(app, area.width, &super::theme(app));
    let width = usize::from(area.width.max(1));
    let wrapped: usize = lines
        .iter()
        .map(|line| line.width().div_ceil(width).max(1))
        .sum();
    wrapped.saturating_sub(usize::from(area.height)) as u16
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let focus = app.focus() == Pane::Detail;
    // The item's address, as `campaigns set` and `report --campaign` take it.
    let address = app
        .campaign_id()
        .zip(app.selected_id())
        .map(|(campaign, item)| format!(" {campaign}/{item} "))
        .unwrap_or_default();
    let address = text::truncate_with(
        &address,
        usize::from(area.width.saturating_sub(4)),
        theme.ellipsis(),
    );
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(focus))
        .title(Line::styled(address, theme.dim()).right_aligned())
        .render(area, buf);
    let inner = inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let scroll = app.campaign.as_ref().map_or(0, |c| c.detail_scroll);
    Paragraph::new(lines(app, inner.width, theme))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(inner, buf);
}

/// The pane's lines for the selected item (one item: cheap at any plan size).
fn lines(app: &App, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let Some((campaign, view)) = app.open_campaign() else {
        return Vec::new();
    };
    let Some(status) = app
        .data
        .as_ref()
        .and_then(|d| d.status.campaigns.get(view.index))
    else {
        return Vec::new();
    };
    let lang = app.settings().lang;
    match view.rows.get(view.selected) {
        Some(Item::Task(i)) => match (campaign.tasks.get(*i), status.tasks.get(*i)) {
            (Some(task), Some(schedule)) => {
                let as_of = app.data.as_ref().map(|d| d.status.as_of);
                task_lines(campaign, task, schedule, as_of, lang, width, theme)
            }
            _ => Vec::new(),
        },
        Some(Item::Indicator(i)) => {
            match (campaign.indicators.get(*i), status.indicators.get(*i)) {
                (Some(indicator), Some(st)) => {
                    let as_of = app.data.as_ref().map(|d| d.status.as_of);
                    indicator_lines(indicator, *st, as_of, lang, width, theme)
                }
                _ => Vec::new(),
            }
        }
        None => campaign_lines(campaign, lang, theme),
    }
}

fn label(text_: &str, theme: &Theme) -> Span<'static> {
    Span::styled(format!("{text_} "), theme.dim())
}

fn status_span(status: Status, lang: Lang, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!(
            "{} {}",
            status.symbol(theme.ascii),
            i18n::status_word(status, lang)
        ),
        theme.status(status),
    )
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Rates read best with a couple of significant digits.
fn rate(value: f64) -> String {
    if value.abs() >= 10.0 {
        format!("{value:.0}")
    } else if value.abs() >= 1.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

fn campaign_lines(campaign: &Campaign, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(
        campaign.name.get(lang).to_owned(),
        theme.title(),
    )];
    if let Some(summary) = &campaign.summary {
        out.push(Line::raw(summary.get(lang).to_owned()));
    }
    out
}

fn task_lines(
    campaign: &Campaign,
    task: &Task,
    schedule: &TaskSchedule,
    as_of: Option<chrono::NaiveDate>,
    lang: Lang,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let s = i18n::strings(lang);
    let dot = theme.dot();
    let unit = text_or_empty(task.unit.as_ref(), lang).to_owned();
    let mut out = vec![Line::styled(task.name.get(lang).to_owned(), theme.title())];
    let mut summary = vec![status_span(schedule.status, lang, theme), Span::raw(dot)];
    summary.push(Span::raw(task_figure(task, lang)));
    if let Some(fraction) = schedule.fraction {
        summary.push(Span::raw(dot));
        summary.push(Span::styled(gauge::percent(fraction), theme.title()));
    }
    out.push(Line::from(summary));
    if let Some(fraction) = schedule.fraction {
        // Wide enough to read the marker, not so wide it dwarfs the figures.
        out.push(gauge_line(
            fraction,
            schedule.expected,
            width.min(60),
            theme.status(schedule.status),
            theme,
        ));
        if let Some(expected) = schedule.expected {
            let mark = theme.gauge().expected;
            out.push(Line::from(vec![
                Span::styled(format!("{mark} "), theme.title()),
                Span::styled(
                    format!("{} {}", s.expected_by_now, gauge::percent(expected)),
                    theme.dim(),
                ),
            ]));
        }
    }
    out.push(Line::raw(""));
    if let Some(lead) = task.lead.as_ref().or(campaign.lead.as_ref()) {
        out.push(Line::from(vec![
            label(s.lead, theme),
            Span::raw(lead.get(lang).to_owned()),
        ]));
    }
    let mut dates = Vec::new();
    if let Some(start) = schedule.start {
        dates.extend([label(s.start, theme), Span::raw(date(start))]);
    }
    if let Some(due) = schedule.due {
        if !dates.is_empty() {
            dates.push(Span::raw(dot));
        }
        dates.extend([label(s.due, theme), Span::raw(date(due))]);
    }
    if let Some(days) = schedule.days_left
        && !matches!(schedule.status, Status::Done | Status::Count)
    {
        let style = if days < 0 {
            theme.status(Status::Overdue)
        } else {
            Style::new()
        };
        dates.extend([
            Span::raw(dot),
            Span::styled(i18n::days_left(days, lang), style),
        ]);
    }
    if !dates.is_empty() {
        out.push(Line::from(dates));
    }
    if let Some(as_of) = as_of
        && let Some(pace) = pace(task, campaign, as_of)
    {
        let per = format!("{unit}{}", s.per_day);
        let mut spans = vec![label(s.pace, theme)];
        if let Some(achieved) = pace.achieved_per_day {
            spans.push(Span::raw(format!(
                "{} {} {per}",
                s.achieved_rate,
                rate(achieved)
            )));
        }
        if let Some(needed) = pace.needed_per_day {
            if spans.len() > 1 {
                spans.push(Span::raw(dot));
            }
            let style = match pace.achieved_per_day {
                Some(achieved) if achieved + 1e-9 < needed => theme.status(Status::Behind),
                _ => Style::new(),
            };
            spans.push(Span::styled(
                format!("{} {} {per}", s.needed_rate, rate(needed)),
                style,
            ));
        } else if let Some(total) = task.total.filter(|total| task.done < *total) {
            if spans.len() > 1 {
                spans.push(Span::raw(dot));
            }
            // No rate is left to compute: say what remains and when.
            let remaining = i18n::with_unit(&number(total - task.done), &unit);
            let text_ = match schedule.days_left {
                Some(0) => i18n::to_finish_today(&remaining, lang),
                _ => s.past_due.to_owned(),
            };
            spans.push(Span::styled(text_, theme.status(Status::Overdue)));
        }
        if spans.len() > 1 {
            out.push(Line::from(spans));
        }
        if let Some(finish) = pace.projected_finish {
            let late = schedule.due.is_some_and(|due| finish > due);
            let style = if late {
                theme.status(Status::Behind)
            } else {
                Style::new()
            };
            out.push(Line::from(vec![
                label(s.projected_finish, theme),
                Span::styled(date(finish), style),
            ]));
        }
    }
    // History: the recorded points then today's figure.
    let mut values: Vec<f64> = task.history.iter().map(|p| p.done).collect();
    out.push(Line::raw(""));
    if values.is_empty() {
        out.push(Line::from(vec![
            label(s.history, theme),
            Span::styled(s.no_history, theme.dim()),
        ]));
    } else {
        values.push(task.done);
        let room = usize::from(width)
            .saturating_sub(text::width(s.history) + 1)
            .max(1);
        let spark = gauge::sparkline(&values, room.min(60), true, theme);
        out.push(Line::from(vec![
            label(s.history, theme),
            Span::styled(spark, theme.status(schedule.status)),
        ]));
        // From the first point to the figure now, at the reporting date.
        if let (Some(first), Some(as_of)) = (task.history.first(), as_of) {
            out.push(Line::styled(
                format!(
                    "{} {} → {} {}",
                    date(first.date),
                    number(first.done),
                    date(as_of),
                    number(task.done)
                )
                .replace('→', if theme.ascii { "->" } else { "→" }),
                theme.dim(),
            ));
        }
    }
    if let Some(note) = &task.note {
        out.push(Line::raw(""));
        out.push(Line::from(label(s.note, theme)));
        for paragraph in note.get(lang).lines() {
            out.push(Line::raw(paragraph.to_owned()));
        }
    }
    out
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

fn indicator_lines(
    indicator: &Indicator,
    status: Status,
    as_of: Option<chrono::NaiveDate>,
    lang: Lang,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let s = i18n::strings(lang);
    let dot = theme.dot();
    let unit = text_or_empty(indicator.unit.as_ref(), lang).to_owned();
    let level = |level: Level| match level {
        Level::Number(v) => number(v),
        Level::WaterClass(class) => theme.water_class(class).to_owned(),
    };
    let mut out = vec![Line::styled(
        indicator.name.get(lang).to_owned(),
        theme.title(),
    )];
    out.push(Line::from(vec![
        status_span(status, lang, theme),
        Span::raw(dot),
        Span::styled(
            indicator_figure(indicator, lang, theme.ascii),
            theme.status(status),
        ),
    ]));
    out.push(Line::raw(""));
    out.push(Line::from(vec![
        label(s.value, theme),
        Span::styled(
            format!("{} {unit}", level(indicator.value))
                .trim_end()
                .to_owned(),
            theme.title(),
        ),
    ]));
    match indicator.target {
        Some(target) => {
            let comparison = indicator
                .better
                .unwrap_or(crate::model::Better::Lower)
                .comparison(theme.ascii);
            out.push(Line::from(vec![
                label(s.target, theme),
                Span::raw(
                    format!("{comparison} {} {unit}", level(target))
                        .trim_end()
                        .to_owned(),
                ),
            ]));
        }
        None => out.push(Line::from(vec![
            label(s.target, theme),
            Span::styled(s.no_target, theme.dim()),
        ])),
    }
    if indicator.scale == Scale::WaterClass {
        out.push(Line::raw(""));
        out.push(Line::from(label(s.class_scale, theme)));
        out.extend(class_scale(indicator, lang, theme));
    }
    if let Some(lead) = &indicator.lead {
        out.push(Line::from(vec![
            label(s.lead, theme),
            Span::raw(lead.get(lang).to_owned()),
        ]));
    }
    // History: the recorded points, then the value now at the reporting date.
    if !indicator.history.is_empty() {
        out.push(Line::raw(""));
        let numbers: Vec<f64> = indicator
            .history
            .iter()
            .map(|p| p.value)
            .chain([indicator.value])
            .filter_map(|l| match l {
                Level::Number(v) => Some(v),
                Level::WaterClass(_) => None,
            })
            .collect();
        let mut spans = vec![label(s.history, theme)];
        if numbers.len() > 1 {
            let room = usize::from(width)
                .saturating_sub(text::width(s.history) + 1)
                .max(1);
            spans.push(Span::raw(gauge::sparkline(
                &numbers,
                room.min(60),
                false,
                theme,
            )));
        }
        out.push(Line::from(spans));
        let arrow = if theme.ascii { " -> " } else { " → " };
        let points = indicator
            .history
            .iter()
            .map(|p| format!("{} {}", date(p.date), level(p.value)))
            .chain(as_of.map(|d| format!("{} {}", date(d), level(indicator.value))))
            .collect::<Vec<_>>()
            .join(arrow);
        out.push(Line::styled(points, theme.dim()));
    }
    if let Some(note) = &indicator.note {
        out.push(Line::raw(""));
        out.push(Line::from(label(s.note, theme)));
        for paragraph in note.get(lang).lines() {
            out.push(Line::raw(paragraph.to_owned()));
        }
    }
    out
}

/// The class scale I … 劣V, the value's class reversed, with ▲ under the
/// value and △ under the target.
fn class_scale(indicator: &Indicator, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let s = i18n::strings(lang);
    let class_of = |level: Option<Level>| match level {
        Some(Level::WaterClass(class)) => Some(class),
        _ => None,
    };
    let value = class_of(Some(indicator.value));
    let target = class_of(indicator.target);
    const CELL: usize = 5;
    let (value_mark, target_mark) = theme.marker();
    let mut scale = Vec::new();
    let mut marks = Vec::new();
    for class in WaterClass::ALL {
        let name = theme.water_class(class);
        let mut style = Style::new();
        if Some(class) == value {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        scale.push(Span::styled(text::fit(name, CELL - 1), style));
        scale.push(Span::raw(" "));
        let mark = match (Some(class) == value, Some(class) == target) {
            (true, true) => format!("{value_mark}{target_mark}"),
            (true, false) => value_mark.to_owned(),
            (false, true) => target_mark.to_owned(),
            (false, false) => String::new(),
        };
        marks.push(Span::styled(text::fit(&mark, CELL), theme.title()));
    }
    vec![
        Line::from(scale),
        Line::from(marks),
        Line::styled(
            format!("{value_mark} {}   {target_mark} {}", s.value, s.target),
            theme.dim(),
        ),
    ]
}
