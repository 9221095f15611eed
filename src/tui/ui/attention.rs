//! The attention list (督办清单) as a full view: a row per item that needs
//! attention, across campaigns, worst first: the status (symbol and word,
//! `*` when it rests on an assumed value), campaign, item, figure, 责任单位,
//! and the gap to 序时进度 in points or the days late. Only the visible
//! rows are formatted; the column widths were measured at load.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::{inner, put, put_right};
use super::list_titles::{changes_title, no_changes, search_title, title};
use super::{lead_group, list_legend};
use crate::figures;
use crate::i18n::{self, Strings};
use crate::model::attention::Attention;
use crate::model::{Lang, Plan, PlanStatus};
use crate::tui::app::App;
use crate::tui::app::attention::{AttentionList, Source, days_left_text, lead};
use crate::tui::changes::Change;
use crate::tui::geometry::attention::parts;
use crate::tui::geometry::columns::{Columns, POINTER};
use crate::tui::geometry::lines::{self, ListLine};
use crate::tui::rows::Item;
use crate::tui::theme::Theme;

fn header_widths(s: &Strings, last: &str) -> Columns {
    let width = |text: &str| u16::try_from(crate::text::width(text)).unwrap_or(u16::MAX);
    Columns {
        status: width(s.attention_status),
        campaign: width(s.attention_campaign),
        item: width(s.attention_item),
        figure: width(s.attention_figure),
        percent: 0,
        lead: width(s.attention_lead),
        gap: width(last),
    }
}

/// Which list the view shows, with what its title needs.
#[derive(Clone, Copy)]
enum Shown<'a> {
    Attention,
    /// The search results, with what was searched.
    Search(&'a str),
    Changes,
    /// The attention list grouped by lead.
    ByLead,
    /// What falls due within this many days.
    DueSoon(u32),
}

impl<'a> Shown<'a> {
    fn of(app: &'a App) -> Shown<'a> {
        match app.attention_view().map(|view| view.source) {
            Some(Source::Search) => {
                Shown::Search(app.last_search().map_or("", |s| s.query.as_str()))
            }
            Some(Source::Changes) => Shown::Changes,
            Some(Source::DueSoon) => Shown::DueSoon(app.due_soon_days().unwrap_or_default()),
            _ if app.shown_list().is_some_and(|l| !l.groups.is_empty()) => Shown::ByLead,
            _ => Shown::Attention,
        }
    }

    fn title(self, app: &App, count: usize, lang: Lang) -> String {
        let s = i18n::strings(lang);
        match self {
            Shown::Attention => title(s.attention_title, count, lang),
            Shown::Search(query) => search_title(s, query, count, lang),
            Shown::Changes => changes_title(app, count, lang),
            Shown::ByLead => title(i18n::meeting::by_lead_title(lang), count, lang),
            Shown::DueSoon(days) => {
                format!(" {} ", i18n::meeting::due_soon_title(days, count, lang))
            }
        }
    }

    /// What an empty list says.
    fn empty(self, app: &App, lang: Lang) -> String {
        let s = i18n::strings(lang);
        match self {
            Shown::Attention | Shown::ByLead => s.attention_none.to_owned(),
            Shown::Search(query) if query.trim().is_empty() => String::new(),
            Shown::Search(_) => s.no_result.to_owned(),
            Shown::Changes => no_changes(app, lang).to_owned(),
            Shown::DueSoon(days) => i18n::meeting::nothing_due(days, lang),
        }
    }

    /// The last column's heading: the gap, or the change.
    fn last_heading(self, lang: Lang) -> &'static str {
        match self {
            Shown::Changes => i18n::history::change_heading(lang),
            Shown::DueSoon(_) => i18n::meeting::due_heading(lang),
            _ => i18n::strings(lang).attention_gap,
        }
    }
}

/// Gives where the selected row was drawn (or the line saying the list is
/// empty).
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let ell = theme.ellipsis();
    let Some(data) = app.data() else {
        let inner = inner(area);
        put(
            buf,
            inner.x + 1,
            inner.y,
            inner.width,
            s.no_plan,
            theme.dim(),
            "",
        );
        return Some(Position::new(inner.x + 1, inner.y));
    };
    let list = app.shown_list()?;
    if app.attention_view().map(|view| view.source) == Some(Source::Year) {
        return super::year::draw(buf, area, app, list, theme);
    }
    let shown = Shown::of(app);
    let parts = parts(area, list.has_legend());
    let (selected, offset) = app
        .attention_view()
        .map_or((0, 0), |v| (v.selected, v.offset));
    let height = usize::from(parts.rows.height);
    let len = list.items.len();
    let first = lines::first_line(&list.groups, (offset, selected), height, len);
    draw_frame(buf, area, app, list, (selected, height), theme);
    if list.items.is_empty() {
        // Nothing moved, yet items may have been removed: still said.
        if let Some(legend) = parts.legend {
            let text = list_legend::text(list, false, lang, theme);
            list_legend::draw(buf, legend, parts.rows.height, &text, theme);
        }
        let at = parts.header;
        let width = at.width.saturating_sub(2);
        put(
            buf,
            at.x + 2,
            at.y,
            width,
            &shown.empty(app, lang),
            Style::new(),
            ell,
        );
        return Some(Position::new(at.x + 2, at.y));
    }
    let last_heading = shown.last_heading(lang);
    let rows = Rows {
        changes: &list.changes,
        due: list.due,
        last_heading,
        columns: Columns::fit(
            parts.header.width,
            list.widths(lang),
            header_widths(s, last_heading),
        ),
        plan: data.plan(),
        status: &data.status,
        lang,
        theme,
    };
    rows.header(buf, parts.header, s);
    let cursor = draw_lines(buf, &rows, list, parts.rows, (first, selected));
    if let Some(legend) = parts.legend {
        let text = list_legend::text(list, rows.columns.gap > 0, lang, theme);
        // The lines under the last row are free when the list is short.
        let drawn = (0..height)
            .take_while(|n| lines::line_at(&list.groups, len, first + n).is_some())
            .count();
        let spare = u16::try_from(height - drawn).unwrap_or(0);
        list_legend::draw(buf, legend, spare, &text, theme);
    }
    cursor
}

/// The rows and lead headings that fit, from the first line shown.
fn draw_lines(
    buf: &mut Buffer,
    rows: &Rows<'_>,
    list: &AttentionList,
    area: Rect,
    (first, selected): (usize, usize),
) -> Option<Position> {
    let len = list.items.len();
    let mut cursor = None;
    for n in 0..usize::from(area.height) {
        let line = Rect {
            y: area.y + n as u16,
            height: 1,
            ..area
        };
        match lines::line_at(&list.groups, len, first + n) {
            Some(ListLine::Row(index)) => {
                rows.row(buf, line, index, &list.items[index], index == selected);
                if index == selected {
                    cursor = Some(line.as_position());
                }
            }
            Some(ListLine::Heading(g)) => {
                lead_group::heading(buf, line, &list.groups[g], rows.lang, rows.theme)
            }
            None => break,
        }
    }
    cursor
}

/// The list's border, its title and, when it does not all fit, the position.
fn draw_frame(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    list: &AttentionList,
    (selected, height): (usize, usize),
    theme: &Theme,
) {
    let lang = app.settings().lang;
    let shown = Shown::of(app);
    let position = if list.items.len() > height {
        format!(" {}/{} ", selected + 1, list.items.len())
    } else {
        String::new()
    };
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(
            shown.title(app, list.items.len(), lang),
            theme.title(),
        ))
        .title_bottom(Line::styled(position, theme.dim()).right_aligned())
        .render(area, buf);
}

/// How the rows of one frame are drawn.
struct Rows<'a> {
    /// The changes list's change of each row; empty for the other lists.
    changes: &'a [Change],
    /// The last column says the days left (the due-soon list).
    due: bool,
    last_heading: &'a str,
    columns: Columns,
    plan: &'a Plan,
    status: &'a PlanStatus,
    lang: Lang,
    theme: &'a Theme,
}

impl Rows<'_> {
    /// Writes the cells of one row from `line.x`: (text, style, right-aligned).
    fn cells(&self, buf: &mut Buffer, line: Rect, cells: [(&str, Style, bool); 7]) {
        let c = self.columns;
        let widths = [
            c.status, c.campaign, c.item, c.figure, c.percent, c.lead, c.gap,
        ];
        let ell = self.theme.ellipsis();
        let mut x = line.x + POINTER;
        for (i, ((text, style, right), width)) in cells.into_iter().zip(widths).enumerate() {
            if width == 0 {
                continue;
            }
            // Every column but the last keeps one blank column after it.
            let room = if i == 6 { width } else { width - 1 };
            if right {
                put_right(buf, x + room, line.y, room, text, style, ell);
            } else {
                put(buf, x, line.y, room, text, style, ell);
            }
            x += width;
        }
    }

    fn header(&self, buf: &mut Buffer, line: Rect, s: &Strings) {
        let style = self.theme.title();
        self.cells(
            buf,
            line,
            [
                (s.attention_status, style, false),
                (s.attention_campaign, style, false),
                (s.attention_item, style, false),
                (s.attention_figure, style, false),
                ("", style, false),
                (s.attention_lead, style, false),
                (self.last_heading, style, true),
            ],
        );
    }

    /// The last column: the change (changes list), the days left (due
    /// soon), else the gap to 序时进度 or the days late.
    fn last_cell(
        &self,
        index: usize,
        attention: &Attention,
        schedule: Option<&crate::model::TaskSchedule>,
    ) -> String {
        let (lang, ascii) = (self.lang, self.theme.ascii);
        match self.changes.get(index) {
            Some(change) => crate::tui::change_cell::list_text(change, lang, ascii),
            None if self.due => days_left_text(self.status, attention, lang).unwrap_or_default(),
            None => gap_cell(attention, schedule, lang),
        }
    }

    fn row(
        &self,
        buf: &mut Buffer,
        line: Rect,
        index: usize,
        attention: &Attention,
        selected: bool,
    ) {
        let (lang, theme) = (self.lang, self.theme);
        let Some(campaign) = self.plan.campaigns.get(attention.campaign) else {
            return;
        };
        let status_style = theme.status(attention.status);
        let status = format!(
            "{}{}",
            theme.status_label(attention.status, lang),
            if attention.assumed { "*" } else { "" }
        );
        let schedule = match attention.item {
            Item::Task(i) => self
                .status
                .campaigns
                .get(attention.campaign)
                .and_then(|c| c.tasks.get(i)),
            Item::Indicator(_) => None,
        };
        let (name, notices, figure) = match attention.item {
            Item::Task(i) => match campaign.tasks.get(i) {
                Some(task) => (
                    task.name.get(lang),
                    &task.notices,
                    figures::marked_task_figure(task, lang),
                ),
                None => return,
            },
            Item::Indicator(i) => match campaign.indicators.get(i) {
                Some(ind) => (
                    ind.name.get(lang),
                    &ind.notices,
                    figures::marked_indicator_figure(ind, lang, theme.ascii),
                ),
                None => return,
            },
        };
        // 督办: "督办2次 · 最近05-10" after the name, as far as the column allows.
        let as_of = self.status.as_of;
        let name = figures::name_with_notices(name, notices, as_of, lang, theme.dot());
        let percent = schedule.and_then(figures::task_percent).unwrap_or_default();
        let lead = lead(campaign, attention.item).map_or("—", |t| t.get(lang));
        let gap = self.last_cell(index, attention, schedule);
        if selected {
            put(
                buf,
                line.x,
                line.y,
                POINTER,
                theme.pointer(),
                theme.title(),
                "",
            );
        }
        self.cells(
            buf,
            line,
            [
                (status.as_str(), status_style, false),
                (campaign.name.get(lang), Style::new(), false),
                (name.as_str(), Style::new(), false),
                (figure.as_str(), Style::new(), false),
                (percent.as_str(), theme.title(), true),
                (lead, theme.dim(), false),
                (gap.as_str(), status_style, true),
            ],
        );
        if selected {
            buf.set_style(line, theme.selected());
        }
    }
}

/// The days late of an overdue task, or the gap in points of a task behind
/// or at risk; nothing for an indicator.
fn gap_cell(
    attention: &Attention,
    schedule: Option<&crate::model::TaskSchedule>,
    lang: Lang,
) -> String {
    figures::attention_gap(attention, schedule, lang)
        .map(|shown| shown.to_string())
        .unwrap_or_default()
}
