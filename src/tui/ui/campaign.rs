//! The campaign view: the list of tasks and indicators (with gauges,
//! figures, status and due date) beside or above the detail pane. Only the
//! visible rows are formatted.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::cells::{inner, put};
use super::detail;
use super::list_row::{Columns, ListRows};
use crate::i18n;
use crate::model::{Campaign, CampaignStatus, Lang};
use crate::text;
use crate::tui::app::{App, CampaignView, Pane};
use crate::tui::change_cell;
use crate::tui::changes::{Baselined, Change};
use crate::tui::geometry::{campaign, scrolled};
use crate::tui::rows::Item;
use crate::tui::theme::Theme;

/// The open campaign's summary, in display columns (0 without one).
pub fn summary_width(app: &App) -> usize {
    let lang = app.settings().lang;
    app.open_campaign()
        .and_then(|(campaign, _)| campaign.summary.as_ref())
        .map_or(0, |summary| text::width(summary.get(lang)).max(1))
}

/// Gives where the selected row was drawn (or why there is none).
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let (campaign, view) = app.open_campaign()?;
    let status = app
        .data()
        .and_then(|d| d.status.campaigns.get(view.index))?;
    let lang = app.settings().lang;
    let parts = campaign::parts(area, summary_width(app), view.rows.len());
    draw_summary(buf, parts.summary, campaign, lang, theme);
    let cursor = draw_list(buf, parts.list, app, campaign, status, view, theme);
    detail::draw(buf, parts.detail, app, theme);
    cursor
}

/// The campaign's `summary` (the source's own sentences), wrapped into the
/// lines it was given, cut with an ellipsis beyond them.
fn draw_summary(buf: &mut Buffer, area: Rect, campaign: &Campaign, lang: Lang, theme: &Theme) {
    let Some(summary) = campaign.summary.as_ref().filter(|_| area.height > 0) else {
        return;
    };
    let line = text::sanitize_line(summary.get(lang));
    // Leave slack for words that wrap early, so the ellipsis stays in view.
    let room = usize::from(area.width) * usize::from(area.height);
    let room = room.saturating_sub(usize::from(area.height - 1) * 12);
    let fitted = text::truncate_with(&line, room, theme.ellipsis());
    Paragraph::new(fitted)
        .style(theme.dim())
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

fn draw_list(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    campaign: &Campaign,
    status: &CampaignStatus,
    view: &CampaignView,
    theme: &Theme,
) -> Option<Position> {
    list_block(buf, area, app, campaign, view, theme);
    let inner = inner(area);
    if inner.width == 0 || inner.height == 0 {
        return None;
    }
    let lang = app.settings().lang;
    if view.rows.is_empty() {
        let s = i18n::strings(lang);
        let total = campaign.tasks.len() + campaign.indicators.len();
        let why = if total == 0 { s.no_items } else { s.no_match };
        let width = inner.width.saturating_sub(2);
        put(
            buf,
            inner.x + 2,
            inner.y,
            width,
            why,
            theme.dim(),
            theme.ellipsis(),
        );
        return Some(Position::new(inner.x + 2, inner.y));
    }
    // Widths measured at load over the whole campaign: columns stay put.
    let widths = app
        .data()
        .and_then(|d| d.widths.get(view.index))
        .map(|w| w.get(lang))
        .unwrap_or_default();
    let baselined = app.baselined();
    let change = change_cell::column_width(baselined, view.index, lang, theme.ascii);
    let list = ListRows {
        columns: Columns::for_rows(inner.width, widths, change),
        lang,
        theme,
    };
    let rows = Rows {
        campaign,
        status,
        view,
        baselined,
    };
    draw_rows(buf, inner, &list, &rows)
}

/// What the rows show: the campaign, its statuses, the view, the changes.
struct Rows<'a> {
    campaign: &'a Campaign,
    status: &'a CampaignStatus,
    view: &'a CampaignView,
    baselined: Option<&'a Baselined>,
}

/// The rows that are in view, the selected one highlighted.
fn draw_rows(
    buf: &mut Buffer,
    inner: Rect,
    list: &ListRows<'_>,
    rows: &Rows<'_>,
) -> Option<Position> {
    let (campaign, status, view) = (rows.campaign, rows.status, rows.view);
    let mut cursor = None;
    let height = usize::from(inner.height);
    let offset = scrolled(view.offset, view.selected, height, view.rows.len());
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
                    list.task(buf, line, task, schedule, selected);
                    if let Some(change) = rows.change(&task.id) {
                        list.change(buf, line, change);
                    }
                }
            }
            Item::Indicator(i) => {
                if let (Some(indicator), Some(st)) =
                    (campaign.indicators.get(i), status.indicators.get(i))
                {
                    list.indicator(buf, line, indicator, st, selected);
                    if let Some(change) = rows.change(&indicator.id) {
                        list.change(buf, line, change);
                    }
                }
            }
        }
        if selected {
            buf.set_style(line, list.theme.selected());
            cursor = Some(line.as_position());
        }
    }
    cursor
}

/// The list's border, its title (campaign, rows shown, sort, filter) and
/// where the selection is when the list is longer than the pane.
fn list_block(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    campaign: &Campaign,
    view: &CampaignView,
    theme: &Theme,
) {
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let total = campaign.tasks.len() + campaign.indicators.len();
    let mut title = format!(
        "{} {}{}{} {}/{total}{}{}{}{}",
        theme.theme_mark(campaign.theme),
        campaign.name.get(lang),
        theme.dot(),
        s.items,
        view.rows.len(),
        theme.dot(),
        s.sort,
        s.colon,
        app.sort().word(lang),
    );
    if !app.filter().is_empty() {
        title.push_str(&format!(
            "{}{}{}{}",
            theme.dot(),
            s.filter,
            s.colon,
            text::sanitize_line(app.filter())
        ));
    }
    let room = usize::from(area.width.saturating_sub(4));
    let title = text::truncate_with(&title, room, theme.ellipsis());
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
}

impl Rows<'_> {
    /// The change of the campaign's item `id`, when it moved.
    fn change(&self, id: &str) -> Option<&Change> {
        let baselined = self.baselined?;
        baselined.change(&format!("{}/{id}", self.campaign.id))
    }
}
