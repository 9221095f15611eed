//! The overview: a card per campaign, side by side when wide, stacked when
//! narrow, scrolled to keep the selected card in view. A card shows the
//! overall gauge and figure, the period, tasks per status, indicators met
//! and the items that need attention (computed at load, not here).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::campaign::{indicator_figure, task_figure};
use super::cells::{inner, put, put_right, put_spans};
use super::gauge;
use crate::i18n;
use crate::model::{Campaign, CampaignStatus, Lang, Status};
use crate::text;
use crate::tui::app::App;
use crate::tui::rows::Item;
use crate::tui::theme::Theme;

/// A card is at least this wide; below it, fewer columns.
const CARD_MIN_WIDTH: u16 = 38;

/// How many cards side by side at `width` columns.
pub fn columns(width: u16, count: usize) -> usize {
    usize::from((width / CARD_MIN_WIDTH).max(1)).min(count.max(1))
}

/// The statuses present, "✔ done 3" each, flowed across lines of `width`.
fn status_lines(
    status: &CampaignStatus,
    lang: Lang,
    width: u16,
    theme: &Theme,
) -> Vec<Vec<(String, Status)>> {
    let mut lines: Vec<Vec<(String, Status)>> = Vec::new();
    let entries = status.rollup.status_counts.iter().map(|(s, n)| {
        let entry = format!(
            "{} {} {n}",
            s.symbol(theme.ascii),
            i18n::status_word(*s, lang)
        );
        (entry, *s)
    });
    let widths = status_entry_widths(status, lang, theme);
    for ((entry, s), line) in entries.zip(wrap(widths, width)) {
        if line == lines.len() {
            lines.push(Vec::new());
        }
        if let Some(last) = lines.last_mut() {
            last.push((entry, s));
        }
    }
    lines
}

/// How many lines [`status_lines`] takes, without formatting: the grid asks
/// this of every campaign on every frame.
fn status_line_count(status: &CampaignStatus, lang: Lang, width: u16, theme: &Theme) -> usize {
    wrap(status_entry_widths(status, lang, theme), width)
        .last()
        .map_or(0, |line| line + 1)
}

/// The display width of each "symbol word count" entry, with its gap.
fn status_entry_widths<'a>(
    status: &'a CampaignStatus,
    lang: Lang,
    theme: &'a Theme,
) -> impl Iterator<Item = usize> + 'a {
    status.rollup.status_counts.iter().map(move |(s, n)| {
        let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
        text::width(s.symbol(theme.ascii))
            + 1
            + text::width(i18n::status_word(*s, lang))
            + 1
            + digits
            + 2
    })
}

/// The line each entry of `widths` goes on, wrapping at `width`.
fn wrap(widths: impl Iterator<Item = usize>, width: u16) -> impl Iterator<Item = usize> {
    let mut used = 0usize;
    let mut line: Option<usize> = None;
    widths.map(move |w| match line {
        Some(current) if used + w <= usize::from(width) + 2 => {
            used += w;
            current
        }
        _ => {
            let next = line.map_or(0, |l| l + 1);
            line = Some(next);
            used = w;
            next
        }
    })
}

/// Lines every card needs besides its statuses: border ×2, gauge, period,
/// indicators, the attention heading and one item.
const CARD_FIXED_LINES: u16 = 7;

struct Grid {
    columns: usize,
    card_width: u16,
    card_height: u16,
    visible_rows: usize,
}

fn grid(app: &App, body: &Rect, theme: &Theme) -> Grid {
    let count = app.plan().map_or(0, |p| p.campaigns.len());
    let columns = columns(body.width, count);
    let card_width = body.width / columns.max(1) as u16;
    let lang = app.settings().lang;
    let most_status_lines = app.data.as_ref().map_or(1, |data| {
        data.status
            .campaigns
            .iter()
            .map(|c| status_line_count(c, lang, card_width.saturating_sub(2), theme))
            .max()
            .unwrap_or(1)
            .max(1)
    }) as u16;
    let base = CARD_FIXED_LINES + most_status_lines;
    let rows = count.div_ceil(columns.max(1)).max(1);
    // When every row fits, the cards share the height (more attention items show).
    let card_height = if rows * usize::from(base) <= usize::from(body.height) {
        (body.height / rows as u16).min(base + 8)
    } else {
        // Scrolled: as many rows as fit above a line for the position, and
        // the spare lines shared among them.
        let room = body.height.saturating_sub(1);
        let fit = (room / base.max(1)).max(1);
        (room / fit).clamp(base.min(body.height.max(3)), base + 8)
    };
    let visible_rows = usize::from(body.height / card_height.max(1)).max(1);
    Grid {
        columns,
        card_width,
        card_height,
        visible_rows,
    }
}

/// How many rows of cards fit on the screen (for PgUp / PgDn).
pub fn visible_rows(app: &App) -> usize {
    let theme = super::theme(app);
    let body = super::areas(super::frame_area(app), app).body;
    grid(app, &body, &theme).visible_rows
}

/// The first row of cards shown, keeping the selected card in view.
fn first_row(app: &App, grid: &Grid) -> usize {
    let selected_row = app.overview_selected() / grid.columns.max(1);
    selected_row.saturating_sub(grid.visible_rows - 1)
}

/// The campaign whose card is at (column, row) of the frame, if any.
pub fn card_at(app: &App, column: u16, row: u16) -> Option<usize> {
    let theme = super::theme(app);
    let body = super::areas(super::frame_area(app), app).body;
    if !body.contains(ratatui::layout::Position::new(column, row)) {
        return None;
    }
    let grid = grid(app, &body, &theme);
    let card_row = usize::from((row - body.y) / grid.card_height.max(1));
    let card_column = usize::from((column - body.x) / grid.card_width.max(1)).min(grid.columns - 1);
    if card_row >= grid.visible_rows {
        return None;
    }
    let index = (first_row(app, &grid) + card_row) * grid.columns + card_column;
    (index < app.plan()?.campaigns.len()).then_some(index)
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let s = i18n::strings(app.settings().lang);
    let ell = theme.ellipsis();
    let Some(data) = app.data.as_ref() else {
        put(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            s.no_plan,
            theme.dim(),
            ell,
        );
        return;
    };
    if data.plan().campaigns.is_empty() {
        put(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            s.no_campaigns,
            theme.dim(),
            ell,
        );
        return;
    }
    let grid = grid(app, &area, theme);
    let first_row = first_row(app, &grid);
    let total_rows = data.plan().campaigns.len().div_ceil(grid.columns);
    for (index, campaign) in data
        .plan()
        .campaigns
        .iter()
        .enumerate()
        .skip(first_row * grid.columns)
        .take(grid.visible_rows * grid.columns)
    {
        let (Some(status), Some(attention)) =
            (data.status.campaigns.get(index), data.attention.get(index))
        else {
            continue;
        };
        let row = (index / grid.columns - first_row) as u16;
        let column = (index % grid.columns) as u16;
        let y = area.y + row * grid.card_height;
        // The last column takes the remainder, so the cards fill the width.
        let x = area.x + column * grid.card_width;
        let width = if usize::from(column) + 1 == grid.columns {
            area.right() - x
        } else {
            grid.card_width
        };
        let height = grid.card_height.min(area.bottom().saturating_sub(y));
        if height < 3 {
            break;
        }
        Card {
            campaign,
            status,
            attention,
            key_number: index + 1,
            selected: index == app.overview_selected(),
            lang: app.settings().lang,
            theme,
        }
        .render(Rect::new(x, y, width, height), buf);
    }
    // Say when cards are scrolled out of view, below the last row shown.
    let last_shown = first_row + grid.visible_rows;
    let bottom = area.y + grid.visible_rows as u16 * grid.card_height;
    if (first_row > 0 || last_shown < total_rows) && bottom < area.bottom() {
        let arrows = if theme.ascii { "^ v" } else { "↑ ↓" };
        let note = format!(
            "{arrows} {}/{}",
            app.overview_selected() + 1,
            data.plan().campaigns.len()
        );
        put_right(
            buf,
            area.right(),
            bottom,
            area.width,
            &note,
            theme.dim(),
            ell,
        );
    }
}

struct Card<'a> {
    campaign: &'a Campaign,
    status: &'a CampaignStatus,
    attention: &'a [Item],
    key_number: usize,
    selected: bool,
    lang: Lang,
    theme: &'a Theme,
}

impl Widget for Card<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Card {
            campaign,
            status,
            attention,
            key_number,
            selected,
            lang,
            theme,
        } = self;
        let s = i18n::strings(lang);
        let ell = theme.ellipsis();
        let accent = theme.accent(campaign.theme);
        let name = campaign.name.get(lang);
        let mark = theme.theme_mark(campaign.theme);
        let title_room = usize::from(area.width.saturating_sub(8));
        let title = text::truncate_with(&format!("{mark} {name}"), title_room, ell);
        let mut title_style = accent.add_modifier(Modifier::BOLD);
        if selected {
            title_style = title_style.add_modifier(Modifier::REVERSED);
        }
        let key = if key_number <= 9 {
            format!(" {key_number} ")
        } else {
            String::new()
        };
        Block::bordered()
            .border_set(theme.border_set())
            .border_style(theme.border(selected))
            .title(Line::styled(format!(" {title} "), title_style))
            .title(Line::styled(key, theme.dim()).right_aligned())
            .render(area, buf);
        let inner = inner(area);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let mut y = inner.y;
        let bottom = inner.bottom();
        let line = |y: u16| Rect {
            y,
            height: 1,
            ..inner
        };
        // Overall gauge and the figure as text.
        match status.rollup.progress {
            Some(progress) => {
                let figure = gauge::percent(progress);
                let bar_width = inner.width.saturating_sub(text::width(&figure) as u16 + 1);
                let style = status.rollup.worst.map_or(accent, |w| theme.status(w));
                gauge::bar(
                    buf,
                    Rect {
                        width: bar_width,
                        ..line(y)
                    },
                    progress,
                    None,
                    style,
                    theme,
                );
                put_right(
                    buf,
                    inner.right(),
                    y,
                    inner.width,
                    &figure,
                    theme.title(),
                    ell,
                );
            }
            None => {
                put(buf, inner.x, y, inner.width, s.no_tasks, theme.dim(), ell);
            }
        }
        y += 1;
        // The period and who leads.
        if y < bottom {
            let mut period = match (campaign.start, campaign.end) {
                (Some(a), Some(b)) => format!(
                    "{} {} {}",
                    a.format("%Y-%m-%d"),
                    if theme.ascii { "->" } else { "→" },
                    b.format("%Y-%m-%d")
                ),
                (None, Some(b)) => format!("{} {}", s.due, b.format("%Y-%m-%d")),
                (Some(a), None) => format!("{} {}", s.start, a.format("%Y-%m-%d")),
                (None, None) => String::new(),
            };
            if let Some(lead) = &campaign.lead {
                if !period.is_empty() {
                    period.push_str(theme.dot());
                }
                period.push_str(lead.get(lang));
            }
            put(buf, inner.x, y, inner.width, &period, theme.dim(), ell);
            y += 1;
        }
        // Tasks per status.
        for entries in status_lines(status, lang, inner.width, theme) {
            if y >= bottom {
                break;
            }
            let mut x = inner.x;
            for (entry, st) in &entries {
                x += put(
                    buf,
                    x,
                    y,
                    inner.right().saturating_sub(x),
                    entry,
                    theme.status(*st),
                    ell,
                );
                x += 2;
            }
            y += 1;
        }
        // Indicators met of those with a target.
        if y < bottom {
            let rollup = &status.rollup;
            let (met, style) = if campaign.indicators.is_empty() {
                (s.no_indicators.to_owned(), theme.dim())
            } else {
                let style = if rollup.indicators_met < rollup.indicators_with_target {
                    theme.status(Status::NotMet)
                } else {
                    Style::new()
                };
                (
                    format!(
                        "{} {}/{}",
                        s.indicators_met, rollup.indicators_met, rollup.indicators_with_target
                    ),
                    style,
                )
            };
            put(buf, inner.x, y, inner.width, &met, style, ell);
            y += 1;
        }
        // What needs attention, worst first, as many as fit.
        if y >= bottom {
            return;
        }
        if attention.is_empty() {
            let ok = format!("{} {}", Status::Done.symbol(theme.ascii), s.all_well);
            put(
                buf,
                inner.x,
                y,
                inner.width,
                &ok,
                theme.status(Status::Done),
                ell,
            );
            return;
        }
        put(
            buf,
            inner.x,
            y,
            inner.width,
            &format!("{}:", s.worst),
            theme.dim(),
            ell,
        );
        y += 1;
        let room = usize::from(bottom.saturating_sub(y));
        for (n, item) in attention.iter().enumerate().take(room) {
            let y = y + n as u16;
            // The last line says how many more there are, if any.
            if n + 1 == room && attention.len() > room && room > 1 {
                let more = format!("  {ell} {}", i18n::more(attention.len() - n, lang));
                put(buf, inner.x, y, inner.width, &more, theme.dim(), ell);
                break;
            }
            attention_line(buf, line(y), campaign, status, *item, lang, theme);
        }
    }
}

/// "▼ 长江入河排污口整治   110/113 个 97%" fitted to one card line.
fn attention_line(
    buf: &mut Buffer,
    line: Rect,
    campaign: &Campaign,
    status: &CampaignStatus,
    item: Item,
    lang: Lang,
    theme: &Theme,
) {
    let ell = theme.ellipsis();
    let (st, name, figure) = match item {
        Item::Task(i) => {
            let (Some(task), Some(schedule)) = (campaign.tasks.get(i), status.tasks.get(i)) else {
                return;
            };
            let percent = schedule.fraction.map(gauge::percent).unwrap_or_default();
            (
                schedule.status,
                task.name.get(lang),
                format!("{} {percent}", task_figure(task, lang)),
            )
        }
        Item::Indicator(i) => {
            let (Some(indicator), Some(st)) =
                (campaign.indicators.get(i), status.indicators.get(i))
            else {
                return;
            };
            (
                *st,
                indicator.name.get(lang),
                indicator_figure(indicator, lang, theme.ascii),
            )
        }
    };
    let style = theme.status(st);
    // The figure keeps its room; the name takes what is left.
    let figure_width = (text::width(&figure) as u16).min(line.width / 2);
    let start = put_right(buf, line.right(), line.y, figure_width, &figure, style, ell);
    let name_area = Rect {
        width: start.saturating_sub(line.x + 1),
        ..line
    };
    let symbol = format!("{} ", st.symbol(theme.ascii));
    put_spans(
        buf,
        name_area,
        line.y,
        &[(&symbol, style), (name, Style::new())],
        ell,
    );
}
