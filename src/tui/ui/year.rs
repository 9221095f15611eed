//! The year view (`y`) as a full view: a row per item of every campaign,
//! in the file's order: campaign, item, last year's result, this year's
//! target and figure, the same period last year (`（文件）` when read from
//! the file's own history) and the 同比 in the bulletin's words, `*` when it
//! rests on an assumed value. The legend names the revision compared with.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::put;
use crate::figures;
use crate::history::compare::years_before;
use crate::i18n;
use crate::model::{Lang, Status};
use crate::report::yoy::Yoy;
use crate::tui::app::App;
use crate::tui::app::attention::AttentionList;
use crate::tui::geometry::attention::parts;
use crate::tui::geometry::columns::POINTER;
use crate::tui::geometry::lines;
use crate::tui::theme::Theme;
use crate::tui::year_cells::{COLUMNS, ChangeTone, YearCells, year_cells};

/// The columns' widths for a view `width` wide with the `widest` cells
/// (headings counted). The figures and the 同比 read whole or not at all,
/// never cut (a cut figure loses its `*`): this year's figure first, then
/// the 同比, the same period last year, last year's result and this year's
/// target, as far as they fit beside the item's shortest name; the item's
/// name, then the campaign's, take what is left, and the 同比 the rest.
fn widths(width: u16, widest: [u16; COLUMNS]) -> [u16; COLUMNS] {
    let room = width.saturating_sub(POINTER);
    let need = |column: usize| match column {
        6 => widest[6],
        _ => widest[column].saturating_add(1),
    };
    let item_floor = need(1).min(if width >= 100 { 18 } else { 12 });
    let mut widths = [0; COLUMNS];
    let mut used = item_floor;
    for column in [4, 6, 5, 2, 3] {
        if used.saturating_add(need(column)) <= room {
            widths[column] = need(column);
            used += need(column);
        }
    }
    widths[1] = item_floor + room.saturating_sub(used).min(need(1) - item_floor);
    used += widths[1] - item_floor;
    let left = room.saturating_sub(used);
    if left >= need(0).min(CAMPAIGN_FLOOR) {
        widths[0] = left.min(need(0));
        used += widths[0];
    }
    widths[6] += room.saturating_sub(used);
    widths
}

/// The fewest columns a campaign's name is shown in, cut.
const CAMPAIGN_FLOOR: u16 = 9;

/// Gives where the selected row was drawn (or the "reading" line).
pub(crate) fn draw(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    list: &AttentionList,
    theme: &Theme,
) -> Option<Position> {
    let lang = app.settings().lang;
    let parts = parts(area, true);
    let (selected, offset) = app
        .attention_view()
        .map_or((0, 0), |v| (v.selected, v.offset));
    draw_frame(buf, area, list.items.len(), lang, theme);
    let (Some(data), Some(years)) = (app.data(), app.year_on_year()) else {
        let reading = i18n::history::reading(lang);
        let at = parts.header;
        put(
            buf,
            at.x + 2,
            at.y,
            at.width.saturating_sub(2),
            reading,
            theme.dim(),
            "",
        );
        return Some(Position::new(at.x + 2, at.y));
    };
    let widest = app.year_widest()?;
    let widths = widths(parts.header.width, widest);
    let style = theme.title();
    let headings = i18n::year::headings(lang).map(|h| (h.to_owned(), style));
    cells(buf, parts.header, widths, headings, theme);
    let height = usize::from(parts.rows.height);
    let len = list.items.len();
    let first = lines::first_line(&list.groups, (offset, selected), height, len);
    let mut cursor = None;
    for n in 0..height {
        let Some(index) = (first + n < len).then_some(first + n) else {
            break;
        };
        let line = Rect {
            y: parts.rows.y + n as u16,
            height: 1,
            ..parts.rows
        };
        if index == selected {
            put(
                buf,
                line.x,
                line.y,
                POINTER,
                theme.pointer(),
                theme.title(),
                "",
            );
            cursor = Some(line.as_position());
        }
        let plan = data.plan();
        let attention = &list.items[index];
        if let Some(campaign) = plan.campaigns.get(attention.campaign) {
            let row = year_cells(years, campaign, attention, lang, theme.ascii);
            cells(buf, line, widths, styled(row, theme), theme);
        }
    }
    if let Some(legend) = parts.legend {
        let (x, width) = (legend.x + 1, legend.width.saturating_sub(1));
        let text = legend_text(years, lang);
        put(
            buf,
            x,
            legend.y,
            width,
            &text,
            theme.dim(),
            theme.ellipsis(),
        );
    }
    cursor
}

/// The view's border and its title.
fn draw_frame(buf: &mut Buffer, area: Rect, count: usize, lang: Lang, theme: &Theme) {
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(
            format!(" {} ", i18n::year::title(count, lang)),
            theme.title(),
        ))
        .render(area, buf);
}

fn cells(
    buf: &mut Buffer,
    line: Rect,
    widths: [u16; COLUMNS],
    cells: [(String, Style); COLUMNS],
    theme: &Theme,
) {
    let mut x = line.x + POINTER;
    for (i, ((text, style), width)) in cells.into_iter().zip(widths).enumerate() {
        if width == 0 {
            continue;
        }
        let room = if i == 6 { width } else { width - 1 };
        put(buf, x, line.y, room, &text, style, theme.ellipsis());
        x += width;
    }
}

/// Each cell with its style: names and the target dimmed, this year's
/// figure bright, the 同比 coloured by its direction ("no figure" dimmed).
fn styled(row: YearCells, theme: &Theme) -> [(String, Style); COLUMNS] {
    let plain = Style::new();
    let change = match row.tone {
        ChangeTone::NoFigure => theme.dim(),
        ChangeTone::Plain => plain,
        ChangeTone::Better => theme.status(Status::Met),
        ChangeTone::Worse => theme.status(Status::NotMet),
    };
    let styles = [
        theme.dim(),
        plain,
        plain,
        theme.dim(),
        theme.title(),
        plain,
        change,
    ];
    let mut texts = row.texts.into_iter();
    styles.map(|style| (texts.next().unwrap_or_default(), style))
}

/// Where the same period last year was read, and the `*` legend.
fn legend_text(years: &Yoy, lang: Lang) -> String {
    let years = years.years();
    let day = figures::date(years_before(years.as_of(), 1));
    let commit = years.last_year().map(|b| b.short().to_owned());
    let mut text = i18n::year::legend(&day, commit.as_deref(), lang);
    text.push_str(match lang {
        Lang::Zh => "；* 示例",
        Lang::En => "; * assumed",
    });
    text
}
