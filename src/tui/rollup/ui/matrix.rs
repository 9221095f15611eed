//! The units × campaigns matrix: a row per unit (its name, reporting date,
//! 未报送 or 有误, then its standing in each campaign: status symbol and
//! word, progress/序时进度) and the combined row at the bottom. A stale
//! unit's standing is dimmed: it is out of the sums.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::super::columns::{Cell, cell, combined_cell};
use super::super::state::{Pane, RollupScreen};
use super::super::words;
use crate::rollup::Unit;
use crate::text::{sanitize_line, width};
use crate::tui::theme::Theme;
use crate::tui::ui::cells::put;

/// Where each column starts and how wide it is.
struct Layout {
    name: u16,
    as_of: u16,
    state: u16,
    /// Each campaign's column: where it starts (from the line's start),
    /// how wide it is (a blank column after it included), and which of the
    /// cells' forms fits it.
    campaigns: Vec<(u16, u16, usize)>,
}

const POINTER: u16 = 2;
const DATE: u16 = 10;

fn layout(area: Rect, screen: &RollupScreen) -> Layout {
    let lang = screen.settings().lang;
    let names = screen
        .rollup()
        .units
        .iter()
        .map(|unit| width(&screen.unit_name(&unit.id)))
        .chain([width(words::unit(lang)), width(words::combined(lang))]);
    let name = names.max().unwrap_or(4).min(usize::from(area.width / 5)) as u16;
    let rollup = screen.rollup();
    let flagged = rollup.stale().next().is_some() || rollup.broken().next().is_some();
    let state = if flagged {
        width(words::not_reported(lang)).max(width(words::errors(lang))) as u16
    } else {
        0
    };
    let first = POINTER + name + 1 + DATE + 1 + if flagged { state + 1 } else { 0 };
    let needs = needed(screen);
    let full: Vec<u16> = needs.iter().map(|forms| forms[0]).collect();
    let widths = fit(&full, area.width.saturating_sub(first));
    let mut x = first;
    let campaigns = widths
        .into_iter()
        .zip(&needs)
        .map(|(width, forms)| {
            let at = x;
            x += width;
            let form = forms.iter().position(|need| *need <= width).unwrap_or(2);
            (at, width, form)
        })
        .collect();
    Layout {
        name,
        as_of: DATE,
        state,
        campaigns,
    }
}

/// What each campaign's column needs for each form of its cells: its
/// longest cell or its heading, and a blank column. The combined figures
/// take what room is left and are cut beyond it.
fn needed(screen: &RollupScreen) -> Vec<[u16; 3]> {
    let settings = screen.settings();
    let lang = settings.lang;
    let units = &screen.rollup().units;
    screen
        .columns()
        .iter()
        .map(|column| {
            let cells: Vec<Cell> = units
                .iter()
                .filter_map(|unit| cell(unit, &column.id, lang, settings.ascii))
                .collect();
            let heading = width(column.name.get(lang)) + 2;
            [0, 1, 2].map(|form| {
                let cells = cells.iter().map(|c| width(&c.forms[form]));
                let most = cells.chain([heading]).max().unwrap_or(1);
                u16::try_from(most + 1).unwrap_or(u16::MAX)
            })
        })
        .collect()
}

/// Widths for columns that need `needed` in `room`: each its fair share at
/// most, what the narrow ones leave to the wide ones in turn, and what
/// is left over spread evenly.
fn fit(needed: &[u16], room: u16) -> Vec<u16> {
    if needed.is_empty() {
        return Vec::new();
    }
    let count = u16::try_from(needed.len()).unwrap_or(u16::MAX);
    let share = room / count;
    let mut widths: Vec<u16> = needed.iter().map(|n| (*n).min(share)).collect();
    let mut left = room.saturating_sub(widths.iter().sum());
    for (width, need) in widths.iter_mut().zip(needed) {
        let more = need.saturating_sub(*width).min(left);
        *width += more;
        left -= more;
    }
    let each = left / count;
    for width in &mut widths {
        *width += each;
    }
    widths
}

/// Draws the matrix; where the selected unit's row is.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    screen: &RollupScreen,
    theme: &Theme,
) -> Option<Position> {
    let lang = screen.settings().lang;
    let focused = screen.focus() == Pane::Matrix;
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(focused))
        .title(Line::styled(words::matrix_title(lang), theme.title()))
        .title_bottom(Line::styled(legend(screen, theme), theme.dim()))
        .render(area, buf);
    let inner = crate::tui::geometry::inner(area);
    if inner.height < 3 {
        return None;
    }
    let columns = layout(inner, screen);
    heading(buf, inner, &columns, screen, theme);
    let rows = inner.height - 2;
    let units = &screen.rollup().units;
    let selected = screen.selected();
    let first = (selected + 1).saturating_sub(usize::from(rows));
    let mut cursor = None;
    for (n, unit) in units.iter().enumerate().skip(first).take(usize::from(rows)) {
        let y = inner.y + 1 + (n - first) as u16;
        let line = Rect {
            y,
            height: 1,
            ..inner
        };
        unit_row(buf, line, &columns, screen, unit, theme);
        if n == selected {
            put(buf, line.x, y, POINTER, theme.pointer(), theme.title(), "");
            buf.set_style(line, theme.selected());
            cursor = Some(Position::new(line.x, y));
        }
    }
    let combined = Rect {
        y: inner.bottom() - 1,
        height: 1,
        ..inner
    };
    combined_row(buf, combined, &columns, screen, theme);
    cursor
}

/// What the cells' figures mean, and the `*`'s legend where one shows.
fn legend(screen: &RollupScreen, theme: &Theme) -> String {
    let settings = screen.settings();
    let lang = settings.lang;
    let marked = screen.rollup().units.iter().any(|unit| {
        screen.columns().iter().any(|column| {
            cell(unit, &column.id, lang, settings.ascii).is_some_and(|c| c.forms[0].contains('*'))
        })
    });
    let meaning = words::matrix_legend(lang);
    match marked {
        true => format!(
            " {meaning}{}{} ",
            theme.dot(),
            crate::i18n::assumed_legend(lang)
        ),
        false => format!(" {meaning} "),
    }
}

fn heading(buf: &mut Buffer, inner: Rect, c: &Layout, screen: &RollupScreen, theme: &Theme) {
    let lang = screen.settings().lang;
    let (y, style, ell) = (inner.y, theme.title(), theme.ellipsis());
    put(
        buf,
        inner.x + POINTER,
        y,
        c.name,
        words::unit(lang),
        style,
        ell,
    );
    let date_x = inner.x + POINTER + c.name + 1;
    put(buf, date_x, y, c.as_of, words::as_of(lang), style, ell);
    for (column, (at, room, _)) in screen.columns().iter().zip(&c.campaigns) {
        let x = inner.x + at;
        let name = format!(
            "{} {}",
            theme.theme_mark(column.theme),
            sanitize_line(column.name.get(lang))
        );
        put(
            buf,
            x,
            y,
            room.saturating_sub(1),
            &name,
            theme.accent(column.theme).patch(style),
            ell,
        );
    }
}

fn unit_row(
    buf: &mut Buffer,
    line: Rect,
    c: &Layout,
    screen: &RollupScreen,
    unit: &Unit,
    theme: &Theme,
) {
    let settings = screen.settings();
    let (lang, ell) = (settings.lang, theme.ellipsis());
    let (x, y) = (line.x, line.y);
    put(
        buf,
        x + POINTER,
        y,
        c.name,
        &screen.unit_name(&unit.id),
        Style::new(),
        ell,
    );
    let as_of = unit
        .as_of()
        .map_or_else(|| "—".to_owned(), |d| d.to_string());
    put(
        buf,
        x + POINTER + c.name + 1,
        y,
        c.as_of,
        &as_of,
        theme.dim(),
        ell,
    );
    let state_x = x + POINTER + c.name + 1 + c.as_of + 1;
    let broken = unit.document().is_none();
    if broken {
        put(
            buf,
            state_x,
            y,
            c.state,
            words::errors(lang),
            theme.error(),
            ell,
        );
    } else if unit.stale {
        put(
            buf,
            state_x,
            y,
            c.state,
            words::not_reported(lang),
            theme.notice(),
            ell,
        );
    }
    for (column, (at, room, form)) in screen.columns().iter().zip(&c.campaigns) {
        let (at, room) = (x + at, room.saturating_sub(1));
        match cell(unit, &column.id, lang, settings.ascii) {
            Some(shown) => {
                let style = match (unit.stale, shown.status) {
                    (true, _) => theme.dim(),
                    (false, Some(status)) => theme.status(status),
                    (false, None) => Style::new(),
                };
                put(buf, at, y, room, &shown.forms[*form], style, ell);
            }
            None => {
                put(buf, at, y, room, "—", theme.dim(), ell);
            }
        }
    }
}

fn combined_row(buf: &mut Buffer, line: Rect, c: &Layout, screen: &RollupScreen, theme: &Theme) {
    let lang = screen.settings().lang;
    let (style, ell) = (theme.title(), theme.ellipsis());
    put(
        buf,
        line.x + POINTER,
        line.y,
        c.name,
        words::combined(lang),
        style,
        ell,
    );
    for (column, (at, room, _)) in screen.columns().iter().zip(&c.campaigns) {
        let text = combined_cell(screen.combined(), &column.id, lang, theme.ascii);
        put(
            buf,
            line.x + at,
            line.y,
            room.saturating_sub(1),
            &text,
            style,
            ell,
        );
    }
}
