//! The detail pane for the selected task or indicator: full name, status
//! and figures, a gauge with a marker where it should be by now, dates,
//! pace, history and the note (wrapped, scrollable).

mod closing;
mod git_history;
mod indicator;
mod parts;
mod task;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::cells::inner;
use crate::model::{Campaign, Lang};
use crate::text;
use crate::tui::app::{App, Pane};
use crate::tui::geometry::campaign;
use crate::tui::rows::Item;
use crate::tui::theme::Theme;
use indicator::IndicatorDetail;
use parts::ChartScale;
use task::TaskDetail;

/// The selected item's detail in lines wrapped to its pane in `body`.
pub fn line_count(app: &App, body: Rect, summary_width: usize, theme: &Theme) -> usize {
    let rows = app.open_campaign().map_or(0, |(_, view)| view.rows.len());
    let area = inner(campaign::parts(body, summary_width, rows).detail);
    let width = usize::from(area.width.max(1));
    lines(app, area.width, theme)
        .iter()
        .map(|line| line.width().div_ceil(width).max(1))
        .sum()
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
    let inner = inner(area);
    let lines = lines(app, inner.width, theme);
    let scroll = app.campaign_view().map_or(0, |c| c.detail_scroll);
    // What is cut off at the bottom is said on the border, or the history
    // and the note below the fold go unnoticed.
    let width = usize::from(inner.width.max(1));
    let total: usize = lines
        .iter()
        .map(|line| line.width().div_ceil(width).max(1))
        .sum();
    let mut block = Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(focus))
        .title(Line::styled(address, theme.dim()).right_aligned());
    if total > usize::from(scroll) + usize::from(inner.height) {
        let arrow = if theme.ascii { "v" } else { "↓" };
        let words = crate::i18n::more_below(app.settings().lang);
        block = block.title_bottom(Line::styled(format!(" {arrow} {words} "), theme.dim()));
    }
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(inner, buf);
}

/// The pane's lines for the selected item (one item: cheap at any plan size).
fn lines(app: &App, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let (Some((campaign, view)), Some(data)) = (app.open_campaign(), app.data()) else {
        return Vec::new();
    };
    let Some(status) = data.status.campaigns.get(view.index) else {
        return Vec::new();
    };
    let (lang, as_of) = (app.settings().lang, Some(data.status.as_of));
    let git = |id: &str, scale: ChartScale| {
        let key = format!("{}/{id}", campaign.id);
        git_history::lines(app.baselined()?, &key, &scale, width, lang, theme)
    };
    match view.rows.get(view.selected) {
        Some(Item::Task(i)) => match (campaign.tasks.get(*i), status.tasks.get(*i)) {
            (Some(task), Some(schedule)) => TaskDetail {
                campaign,
                task,
                schedule,
                as_of,
                lang,
                width,
                theme,
                git: git(&task.id, ChartScale::task(task)),
            }
            .lines(),
            _ => Vec::new(),
        },
        Some(Item::Indicator(i)) => {
            match (campaign.indicators.get(*i), status.indicators.get(*i)) {
                (Some(indicator), Some(status)) => IndicatorDetail {
                    indicator,
                    status: status.status,
                    status_assumed: status.status_assumed,
                    as_of,
                    lang,
                    width,
                    theme,
                    git: git(
                        &indicator.id,
                        ChartScale::indicator(indicator, lang, theme.ascii),
                    ),
                }
                .lines(),
                _ => Vec::new(),
            }
        }
        None => campaign_lines(campaign, lang, theme),
    }
}

/// With nothing selected (the list is empty), the campaign's name and summary.
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
