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
use crate::figures::{self, Against};
use crate::history::compare::{YearAgo, YearOnYear, YearSource, years_before};
use crate::i18n;
use crate::model::attention::Attention;
use crate::model::{Campaign, Field, Item, Lang, Plan};
use crate::report::yoy::{ItemYoy, Yoy, words};
use crate::tui::app::App;
use crate::tui::app::attention::AttentionList;
use crate::tui::geometry::attention::parts;
use crate::tui::geometry::columns::POINTER;
use crate::tui::geometry::lines;
use crate::tui::theme::Theme;

/// The columns' widths for a view `width` wide with the `widest` cells
/// (headings counted): the 同比 takes what is left and reads whole, so the
/// columns it needs the room of give way first: the campaign (gone when
/// the view is narrow), this year's target, then last year's result. Room
/// the 同比 leaves spare widens, up to their widest cells, the same period
/// last year (`（文件）` kept), last year's result, the target and the item.
fn widths(width: u16, widest: [u16; 7]) -> [u16; 7] {
    let mut fixed = if width >= 100 {
        [12, 18, 11, 11, 11, 13]
    } else {
        [0, 16, 10, 10, 10, 11]
    };
    let change = widest[6];
    let rest = |fixed: &[u16; 6]| width.saturating_sub(fixed.iter().sum::<u16>() + POINTER);
    for column in [0, 3, 2] {
        if rest(&fixed) >= change {
            break;
        }
        fixed[column] = 0;
    }
    for column in [5, 2, 3, 1] {
        if fixed[column] == 0 {
            continue;
        }
        let spare = rest(&fixed).saturating_sub(change);
        let short = (widest[column] + 1).saturating_sub(fixed[column]);
        fixed[column] += spare.min(short);
    }
    let rest = rest(&fixed);
    [
        fixed[0], fixed[1], fixed[2], fixed[3], fixed[4], fixed[5], rest,
    ]
}

/// The widest cell of each column, its heading included: measured over
/// every row, not the ones in sight, so the columns stay put while
/// scrolling.
fn widest(yoy: &Yoy, plan: &Plan, list: &AttentionList, lang: Lang, theme: &Theme) -> [u16; 7] {
    let width = |text: &str| u16::try_from(crate::text::width(text)).unwrap_or(u16::MAX);
    let mut widest = i18n::year::headings(lang).map(width);
    for at in &list.items {
        let Some(campaign) = plan.campaigns.get(at.campaign) else {
            continue;
        };
        let cells = row(yoy, campaign, at, lang, theme);
        for (widest, (text, _)) in widest.iter_mut().zip(&cells) {
            *widest = (*widest).max(width(text));
        }
    }
    widest
}

/// A figure of an earlier year: `*` when it is an assumed point, and where
/// it came from when that is the file rather than a commit.
fn earlier(ago: &YearAgo, campaign: &Campaign, item: Item, lang: Lang, ascii: bool) -> String {
    let figure = words::figure(ago.figure, campaign, item, lang, ascii);
    let mark = figures::mark(ago.assumed);
    match ago.source {
        YearSource::File => format!("{figure}{mark}{}", i18n::year::from_file(lang)),
        YearSource::Commit(_) => format!("{figure}{mark}"),
    }
}

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
    let yoy = Yoy::new(years.clone());
    let widest = widest(&yoy, data.plan(), list, lang, theme);
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
            let row = row(&yoy, campaign, attention, lang, theme);
            cells(buf, line, widths, row, theme);
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
    widths: [u16; 7],
    cells: [(String, Style); 7],
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

/// One item's cells.
fn row(
    yoy: &Yoy,
    campaign: &Campaign,
    at: &Attention,
    lang: Lang,
    theme: &Theme,
) -> [(String, Style); 7] {
    let ascii = theme.ascii;
    let plain = Style::new();
    let item = at.item;
    let (name, target, now) = match item {
        Item::Task(i) => {
            let Some(task) = campaign.tasks.get(i) else {
                return Default::default();
            };
            let unit = task.unit.as_ref().map(|u| u.get(lang));
            let marked = |figure: f64, field: Field| {
                let mark = figures::mark(task.assumed.contains(field));
                format!("{}{mark}", figures::with_unit(figure, unit, lang))
            };
            let total = task.total.map(|t| marked(t, Field::Total));
            (task.name.get(lang), total, marked(task.done, Field::Done))
        }
        Item::Indicator(i) => {
            let Some(ind) = campaign.indicators.get(i) else {
                return Default::default();
            };
            let target = figures::indicator_target(ind, lang, ascii).map(|t| t.to_string());
            (
                ind.name.get(lang),
                target,
                figures::marked_indicator_value(ind, lang, ascii).to_string(),
            )
        }
    };
    let result = yoy.years().last_result(campaign, item);
    let result = result.map(|r| earlier(&r, campaign, item, lang, ascii));
    let found = yoy.item(campaign, item);
    let ago = found
        .as_ref()
        .map(|f| earlier(&f.ago, campaign, item, lang, ascii));
    let (change, change_style) = change_cell(found.as_ref(), lang, theme);
    let dash = || "—".to_owned();
    [
        (campaign.name.get(lang).to_owned(), theme.dim()),
        (name.to_owned(), plain),
        (result.unwrap_or_else(dash), plain),
        (target.unwrap_or_else(dash), theme.dim()),
        (now, theme.title()),
        (ago.unwrap_or_else(dash), plain),
        (change, change_style),
    ]
}

/// The 同比 in the bulletin's words, coloured by its direction; "no
/// figure" dimmed.
fn change_cell(found: Option<&ItemYoy>, lang: Lang, theme: &Theme) -> (String, Style) {
    let plain = Style::new();
    let Some(found) = found else {
        return (i18n::year::none_cell(lang).to_owned(), theme.dim());
    };
    let Some(change) = &found.change else {
        return (String::new(), plain);
    };
    let words = change.words(Against::LastYear, lang, theme.ascii, found.assumed);
    let style = match change.direction {
        Some(figures::Direction::Better) => theme.status(crate::model::Status::Met),
        Some(figures::Direction::Worse) => theme.status(crate::model::Status::NotMet),
        _ => plain,
    };
    (words.to_string(), style)
}

/// Where the same period last year was read, and the `*` legend.
fn legend_text(years: &YearOnYear, lang: Lang) -> String {
    let day = figures::date(years_before(years.as_of(), 1));
    let commit = years.last_year().map(|b| b.short().to_owned());
    let mut text = i18n::year::legend(&day, commit.as_deref(), lang);
    text.push_str(match lang {
        Lang::Zh => "；* 示例",
        Lang::En => "; * assumed",
    });
    text
}
