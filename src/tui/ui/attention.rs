//! The attention list (督办清单) as a full view: a row per item that needs
//! attention, across campaigns, worst first: the status (symbol and word,
//! `*` when it rests on an assumed value), campaign, item, figure, 责任单位,
//! and the gap to 序时进度 in points or the days late. Only the visible
//! rows are formatted; the column widths were measured at load.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::{inner, put, put_right};
use crate::figures;
use crate::i18n::{self, Strings};
use crate::model::attention::Attention;
use crate::model::{Lang, Plan, PlanStatus, Status};
use crate::tui::app::App;
use crate::tui::app::attention::{AttentionList, Widths, lead};
use crate::tui::rows::Item;
use crate::tui::theme::Theme;

/// Where the parts of the view go in the body.
struct Parts {
    header: Rect,
    rows: Rect,
    legend: Option<Rect>,
}

fn parts(body: Rect, list: Option<&AttentionList>) -> Parts {
    let inner = inner(body);
    let legend_lines = u16::from(list.is_some_and(|l| l.any_assumed || l.any_gap));
    // The legend only when at least one row still shows beside it.
    let legend_lines = if inner.height >= 3 { legend_lines } else { 0 };
    let header = Rect {
        height: inner.height.min(1),
        ..inner
    };
    let rows = Rect {
        y: header.bottom(),
        height: inner.height.saturating_sub(header.height + legend_lines),
        ..inner
    };
    let legend = (legend_lines > 0).then_some(Rect {
        y: rows.bottom(),
        height: 1,
        ..inner
    });
    Parts {
        header,
        rows,
        legend,
    }
}

fn body(app: &App) -> Rect {
    super::areas(super::frame_area(app), app).body
}

/// Rows the list shows at the app's last known size (the page for PgUp/PgDn).
pub fn page_rows(app: &App) -> usize {
    let list = app.data.as_ref().map(|d| &d.plan_attention);
    usize::from(parts(body(app), list).rows.height)
}

/// The row of the list on screen line `y`, if any.
pub fn row_at(app: &App, y: u16) -> Option<usize> {
    let list = &app.data.as_ref()?.plan_attention;
    let view = app.attention.as_ref()?;
    let rows = parts(body(app), Some(list)).rows;
    if y < rows.y || y >= rows.bottom() {
        return None;
    }
    let offset = crate::tui::app::scrolled(
        view.offset,
        view.selected,
        usize::from(rows.height),
        list.items.len(),
    );
    let index = offset + usize::from(y - rows.y);
    (index < list.items.len()).then_some(index)
}

/// Column widths for an inner width, each but the last with its gap after.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Columns {
    pub status: u16,
    pub campaign: u16,
    pub item: u16,
    pub figure: u16,
    pub percent: u16,
    pub lead: u16,
    pub gap: u16,
}

const POINTER: u16 = 2;
/// A campaign or a lead wider than this is cut before the item name is.
const CAMPAIGN_CAP: u16 = 16;
const LEAD_CAP: u16 = 20;
/// A name column narrower than this is left out rather than shown as `…`.
const NAME_MIN: u16 = 5;
/// The percentage shows only when the names keep this much room.
const PERCENT_ROOM: u16 = 50;

impl Columns {
    /// Status, figure and gap keep their full width (a figure is never
    /// cut); the names share what is left and are cut first: the lead
    /// soonest (it is often the same bureau on every row), the item name
    /// last; at the narrowest, the lead and the campaign go.
    pub(crate) fn fit(width: u16, cells: Widths, headers: Widths) -> Columns {
        let status = cells.status.max(headers.status) + 1;
        let figure = cells.figure.max(headers.figure) + 1;
        let mut gap = if cells.gap == 0 {
            0
        } else {
            cells.gap.max(headers.gap)
        };
        let fixed = POINTER + status + figure;
        // Room for an item name of NAME_MIN: the gap's heading gives first,
        // then the gap itself.
        let over = (fixed + gap + NAME_MIN).saturating_sub(width);
        if over > 0 {
            gap = gap.saturating_sub(over).max(cells.gap);
            if fixed + gap + NAME_MIN > width {
                gap = 0;
            }
        }
        let mut rest = width.saturating_sub(fixed + gap);
        let percent = if cells.percent > 0 && rest >= PERCENT_ROOM + cells.percent + 2 {
            cells.percent + 2
        } else {
            0
        };
        rest -= percent;
        // (width wanted, weight, width kept while another can give: the
        // heading's, so that it reads whole).
        let want = |cell: u16, header: u16, cap: u16, weight: u16| {
            let want = cell.max(header).min(cap) + 1;
            (want, weight, want.min(header + 1))
        };
        let [campaign, item, lead] = share(
            rest,
            [
                want(cells.campaign, headers.campaign, CAMPAIGN_CAP, 2),
                want(cells.item, headers.item, rest, 4),
                want(cells.lead, headers.lead, LEAD_CAP, 1),
            ],
        );
        let (mut campaign, mut lead) = (campaign, lead);
        let mut item = item;
        for column in [&mut lead, &mut campaign] {
            if *column < NAME_MIN {
                *column = 0;
            }
        }
        // What is left over (a short list, a dropped column) goes to the item.
        item += rest.saturating_sub(campaign + item + lead);
        Columns {
            status,
            campaign,
            item,
            figure,
            percent,
            lead,
            gap,
        }
    }
}

/// Shares `room` among columns that each want (width, weight, floor): the
/// widest per weight gives one column at a time until they fit, those above
/// their floor first.
fn share(room: u16, wants: [(u16, u16, u16); 3]) -> [u16; 3] {
    let mut got = wants.map(|(want, _, _)| want);
    while got.iter().map(|w| u32::from(*w)).sum::<u32>() > u32::from(room) {
        let above_floor = (0..3).any(|i| got[i] > wants[i].2);
        let widest = (0..3)
            .filter(|&i| got[i] > 0 && (!above_floor || got[i] > wants[i].2))
            .max_by(|&a, &b| {
                let (wa, wb) = (u32::from(wants[a].1), u32::from(wants[b].1));
                (u32::from(got[a]) * wb).cmp(&(u32::from(got[b]) * wa))
            });
        let Some(widest) = widest else {
            break;
        };
        got[widest] -= 1;
    }
    got
}

fn header_widths(s: &Strings) -> Widths {
    let width = |text: &str| u16::try_from(crate::text::width(text)).unwrap_or(u16::MAX);
    Widths {
        status: width(s.attention_status),
        campaign: width(s.attention_campaign),
        item: width(s.attention_item),
        figure: width(s.attention_figure),
        percent: 0,
        lead: width(s.attention_lead),
        gap: width(s.attention_gap),
    }
}

/// The title: the list's name and how many items it holds.
fn title(s: &Strings, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(" {}（{count}项） ", s.attention_title),
        Lang::En if count == 1 => format!(" {} (1 item) ", s.attention_title),
        Lang::En => format!(" {} ({count} items) ", s.attention_title),
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let Some(data) = app.data.as_ref() else {
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
        return;
    };
    let list = &data.plan_attention;
    let parts = parts(area, Some(list));
    let (selected, offset) = app
        .attention
        .as_ref()
        .map_or((0, 0), |v| (v.selected, v.offset));
    let height = usize::from(parts.rows.height);
    let offset = crate::tui::app::scrolled(offset, selected, height, list.items.len());
    let position = if list.items.len() > height {
        format!(" {}/{} ", selected + 1, list.items.len())
    } else {
        String::new()
    };
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(
            title(s, list.items.len(), lang),
            theme.title(),
        ))
        .title_bottom(Line::styled(position, theme.dim()).right_aligned())
        .render(area, buf);
    let ell = theme.ellipsis();
    if list.items.is_empty() {
        let at = parts.header;
        put(
            buf,
            at.x + 2,
            at.y,
            at.width.saturating_sub(2),
            s.attention_none,
            Style::new(),
            ell,
        );
        return;
    }
    let headers = header_widths(s);
    let rows = Rows {
        columns: Columns::fit(parts.header.width, list.widths(lang), headers),
        plan: data.plan(),
        status: &data.status,
        lang,
        theme,
    };
    rows.header(buf, parts.header, s);
    for (index, attention) in list.items.iter().enumerate().skip(offset).take(height) {
        let line = Rect {
            y: parts.rows.y + (index - offset) as u16,
            height: 1,
            ..parts.rows
        };
        rows.row(buf, line, attention, index == selected);
    }
    if let Some(legend) = parts.legend {
        // The `*` first: DESIGN asks for its legend wherever it shows.
        let mut text = Vec::new();
        if list.any_assumed {
            text.push(s.assumed_legend);
        }
        if list.any_gap && rows.columns.gap > 0 {
            text.push(s.attention_gap_legend);
        }
        let text = text.join(theme.dot());
        put(
            buf,
            legend.x + 1,
            legend.y,
            legend.width.saturating_sub(1),
            &text,
            theme.dim(),
            ell,
        );
    }
}

/// How the rows of one frame are drawn.
struct Rows<'a> {
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
                (s.attention_gap, style, true),
            ],
        );
    }

    fn row(&self, buf: &mut Buffer, line: Rect, attention: &Attention, selected: bool) {
        let (lang, theme) = (self.lang, self.theme);
        let Some(campaign) = self.plan.campaigns.get(attention.campaign) else {
            return;
        };
        let status_style = theme.status(attention.status);
        let status = format!(
            "{} {}{}",
            attention.status.symbol(theme.ascii),
            i18n::status_word(attention.status, lang),
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
        let (name, figure) = match attention.item {
            Item::Task(i) => match campaign.tasks.get(i) {
                Some(task) => (task.name.get(lang), figures::task_figure(task, lang)),
                None => return,
            },
            Item::Indicator(i) => match campaign.indicators.get(i) {
                Some(ind) => (
                    ind.name.get(lang),
                    figures::indicator_figure(ind, lang, theme.ascii),
                ),
                None => return,
            },
        };
        let percent = schedule.and_then(figures::task_percent).unwrap_or_default();
        let lead = lead(campaign, attention.item).map_or("—", |t| t.get(lang));
        let gap = gap_cell(attention, schedule, lang);
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
                (name, Style::new(), false),
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
    match (attention.status, attention.days_late, schedule) {
        (Status::Overdue, Some(days), _) => figures::days_left(-days, lang),
        (Status::Behind | Status::AtRisk, _, Some(schedule)) => schedule
            .expected
            .zip(schedule.fraction)
            .and_then(|(expected, fraction)| figures::gap_points(expected, fraction))
            .map(|points| figures::gap_text(points, lang))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(status: u16, campaign: u16, item: u16, figure: u16, lead: u16, gap: u16) -> Widths {
        Widths {
            status,
            campaign,
            item,
            figure,
            percent: 3,
            lead,
            gap,
        }
    }

    fn total(c: &Columns) -> u16 {
        POINTER + c.status + c.campaign + c.item + c.figure + c.percent + c.lead + c.gap
    }

    #[test]
    fn everything_fits_when_wide_and_the_item_takes_what_is_left() {
        let headers = widths(6, 8, 4, 6, 4, 8);
        let c = Columns::fit(160, widths(10, 11, 49, 14, 35, 7), headers);
        assert_eq!((c.status, c.figure, c.gap), (11, 15, 8));
        assert_eq!(c.campaign, 12);
        assert_eq!(c.lead, LEAD_CAP + 1);
        assert!(c.item >= 50 && c.percent == 5, "{c:?}");
        assert_eq!(total(&c), 160);
    }

    #[test]
    fn names_shrink_first_and_figures_keep_their_width() {
        let headers = widths(6, 8, 4, 6, 4, 8);
        let cells = widths(10, 11, 49, 14, 35, 7);
        for width in [118, 100, 78, 60, 38] {
            let c = Columns::fit(width, cells, headers);
            assert_eq!(c.figure, 15, "{width}: {c:?}");
            assert!(total(&c) <= width, "{width}: {c:?}");
            assert!(c.item >= NAME_MIN, "{width}: {c:?}");
            // The item name is never the narrowest name shown.
            for other in [c.campaign, c.lead].into_iter().filter(|w| *w > 0) {
                assert!(c.item >= other, "{width}: {c:?}");
            }
        }
        let narrow = Columns::fit(78, cells, headers);
        assert_eq!(narrow.percent, 0, "no room for the percentage");
        assert!(narrow.lead >= NAME_MIN && narrow.campaign >= NAME_MIN);
        assert_eq!(narrow.gap, 8);
        let tiny = Columns::fit(38, cells, headers);
        assert_eq!((tiny.lead, tiny.campaign), (0, 0), "{tiny:?}");
    }

    #[test]
    fn no_gap_column_without_gaps() {
        let headers = widths(6, 8, 4, 6, 4, 8);
        let c = Columns::fit(80, widths(10, 11, 20, 14, 10, 0), headers);
        assert_eq!(c.gap, 0);
        assert_eq!(total(&c), 80);
    }

    #[test]
    fn sharing_follows_the_weights_and_keeps_floors_while_it_can() {
        assert_eq!(
            share(40, [(12, 1, 0), (50, 2, 0), (21, 1, 0)]),
            [10, 20, 10]
        );
        assert_eq!(
            share(100, [(12, 1, 0), (50, 2, 0), (21, 1, 0)]),
            [12, 50, 21]
        );
        assert_eq!(share(0, [(12, 1, 5), (50, 2, 5), (21, 1, 5)]), [0, 0, 0]);
        // The lead, lightest, gives first, but not below its floor.
        assert_eq!(
            share(74, [(12, 2, 9), (50, 4, 5), (21, 1, 9)]),
            [12, 50, 12]
        );
        assert_eq!(share(50, [(12, 2, 9), (50, 4, 5), (21, 1, 9)]), [12, 29, 9]);
    }
}
