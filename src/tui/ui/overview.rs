//! The overview: a card per campaign, side by side when wide, stacked when
//! narrow, scrolled to keep the selected card in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::{inner, put, put_spans};
use super::gauge;
use crate::i18n;
use crate::model::{Campaign, CampaignStatus, Lang, Status};
use crate::text;
use crate::tui::app::{App, number};
use crate::tui::theme::Theme;

/// A card is at least this wide; below it, fewer columns.
const CARD_MIN_WIDTH: u16 = 38;

/// How many cards side by side at `width` columns.
pub fn columns(width: u16, count: usize) -> usize {
    usize::from((width / CARD_MIN_WIDTH).max(1)).min(count.max(1))
}

/// The status lines a card needs at `inner_width`: the statuses present,
/// "✔ done 3" each, flowed across lines.
fn status_lines(
    status: &CampaignStatus,
    lang: Lang,
    inner_width: u16,
    theme: &Theme,
) -> Vec<Vec<(String, Status)>> {
    let mut lines: Vec<Vec<(String, Status)>> = Vec::new();
    let mut used = 0usize;
    for (s, n) in &status.rollup.status_counts {
        let entry = format!(
            "{} {} {n}",
            s.symbol(theme.ascii),
            i18n::status_word(*s, lang)
        );
        let w = text::width(&entry) + 2;
        if lines.is_empty() || used + w > usize::from(inner_width) {
            lines.push(Vec::new());
            used = 0;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.push((entry, *s));
        }
    }
    lines
}

/// Card height: border, gauge, statuses, indicators, worst item, border.
fn card_height(app: &App, inner_width: u16, theme: &Theme) -> u16 {
    let Some(data) = app.data.as_ref() else {
        return 0;
    };
    let lang = app.settings().lang;
    let most = data
        .status
        .campaigns
        .iter()
        .map(|c| status_lines(c, lang, inner_width, theme).len().max(1))
        .max()
        .unwrap_or(1);
    2 + 1 + most as u16 + 2
}

struct Grid {
    columns: usize,
    card_width: u16,
    card_height: u16,
    visible_rows: usize,
}

fn grid(app: &App, body: Rect, theme: &Theme) -> Grid {
    let count = app.plan().map_or(0, |p| p.campaigns.len());
    let columns = columns(body.width, count);
    let card_width = body.width / columns.max(1) as u16;
    let card_height = card_height(app, card_width.saturating_sub(2), theme).max(3);
    let visible_rows = usize::from(body.height / card_height).max(1);
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
    grid(app, body, &theme).visible_rows
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let s = i18n::strings(app.settings().lang);
    let Some(data) = app.data.as_ref() else {
        put(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            s.no_plan,
            theme.dim(),
            theme.ellipsis(),
        );
        return;
    };
    if data.plan.campaigns.is_empty() {
        put(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            s.no_campaigns,
            theme.dim(),
            theme.ellipsis(),
        );
        return;
    }
    let grid = grid(app, area, theme);
    let selected_row = app.overview_selected() / grid.columns;
    let first_row = selected_row.saturating_sub(grid.visible_rows - 1);
    for (index, (campaign, status)) in data
        .plan
        .campaigns
        .iter()
        .zip(&data.status.campaigns)
        .enumerate()
        .skip(first_row * grid.columns)
        .take(grid.visible_rows * grid.columns)
    {
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
        let card = Card {
            campaign,
            status,
            key_number: index + 1,
            selected: index == app.overview_selected(),
            lang: app.settings().lang,
            theme,
        };
        card.render(Rect::new(x, y, width, height), buf);
    }
}

struct Card<'a> {
    campaign: &'a Campaign,
    status: &'a CampaignStatus,
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
        // Overall gauge and the figure as text.
        if y < bottom {
            match status.rollup.progress {
                Some(progress) => {
                    let figure = gauge::percent(progress);
                    let bar_width = inner.width.saturating_sub(text::width(&figure) as u16 + 1);
                    let style = status.rollup.worst.map_or(accent, |w| theme.status(w));
                    gauge::bar(
                        buf,
                        Rect::new(inner.x, y, bar_width, 1),
                        progress,
                        None,
                        style,
                        theme,
                    );
                    put(
                        buf,
                        inner.x + bar_width + 1,
                        y,
                        inner.width - bar_width.min(inner.width),
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
        }
        // Tasks per status.
        for line in status_lines(status, lang, inner.width, theme) {
            if y >= bottom {
                break;
            }
            let mut x = inner.x;
            for (entry, st) in &line {
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
        if status.rollup.status_counts.is_empty() && y < bottom {
            y += 1;
        }
        // Indicators met.
        if y < bottom {
            let met = format!(
                "{} {}/{}",
                s.indicators_met,
                status.rollup.indicators_met,
                status.rollup.indicators_with_target
            );
            let style = if status.rollup.indicators_met < status.rollup.indicators_with_target {
                theme.status(Status::NotMet)
            } else {
                theme.status(Status::Met)
            };
            put(buf, inner.x, y, inner.width, &met, style, ell);
            y += 1;
        }
        // The item that most needs attention.
        if y < bottom
            && let Some(index) = status.rollup.worst_task
            && let (Some(task), Some(schedule)) =
                (campaign.tasks.get(index), status.tasks.get(index))
        {
            let figure = match (task.total, schedule.fraction) {
                (Some(total), Some(fraction)) => {
                    format!(
                        " {}/{} {}",
                        number(task.done),
                        number(total),
                        gauge::percent(fraction)
                    )
                }
                _ => String::new(),
            };
            let symbol = format!("{} ", schedule.status.symbol(theme.ascii));
            let label = format!("{}: ", s.worst);
            let figure_width = text::width(&figure) as u16;
            let used = put_spans(
                buf,
                Rect {
                    width: inner.width.saturating_sub(figure_width),
                    ..inner
                },
                y,
                &[
                    (&label, theme.dim()),
                    (&symbol, theme.status(schedule.status)),
                    (task.name.get(lang), theme.status(schedule.status)),
                ],
                ell,
            );
            put(
                buf,
                inner.x + used,
                y,
                inner.width.saturating_sub(used),
                &figure,
                theme.status(schedule.status),
                ell,
            );
        }
    }
}
