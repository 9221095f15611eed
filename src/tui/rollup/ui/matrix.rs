//! The units × campaigns matrix: a row per unit (its name, reporting date,
//! 未报送 or 有误, then its standing in each campaign: status symbol and
//! word, progress/序时进度) and the combined row at the bottom. A stale
//! unit's standing is dimmed: it is out of the sums.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::super::columns::{Cell, cell};
use super::super::combined_cell;
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
    // A column wants room for its longest cells and its combined items in
    // full; what it gets decides which form of its cells it shows.
    let full: Vec<u16> = needs
        .iter()
        .map(|(forms, combined)| forms[0].max(*combined))
        .collect();
    let widths = fit(&full, area.width.saturating_sub(first));
    let mut x = first;
    let campaigns = widths
        .into_iter()
        .zip(&needs)
        .map(|(width, (forms, _))| {
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

/// What each campaign's column needs for each form of its cells (its
/// longest cell or its heading, and a blank column), and for its combined
/// items, each named in full on its line.
fn needed(screen: &RollupScreen) -> Vec<([u16; 3], u16)> {
    let settings = screen.settings();
    let lang = settings.lang;
    let units = &screen.rollup().units;
    let columns = |most: usize| u16::try_from(most + 1).unwrap_or(u16::MAX);
    screen
        .columns()
        .iter()
        .map(|column| {
            let cells: Vec<Cell> = units
                .iter()
                .filter_map(|unit| cell(unit, &column.id, lang, settings.ascii))
                .collect();
            let heading = width(column.name.get(lang)) + 2;
            let forms = [0, 1, 2].map(|form| {
                let cells = cells.iter().map(|c| width(&c.forms[form]));
                columns(cells.chain([heading]).max().unwrap_or(1))
            });
            let parts =
                combined_cell::parts(screen.combined(), &column.id, false, (lang, settings.ascii));
            (forms, columns(combined_cell::widest_part(&parts)))
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
    let inner = crate::tui::geometry::inner(area);
    let columns = layout(inner, screen);
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(focused))
        .title(Line::styled(words::matrix_title(lang), theme.title()))
        .title_bottom(Line::styled(legend(screen, &columns, theme), theme.dim()))
        .render(area, buf);
    if inner.height < 3 {
        return None;
    }
    heading(buf, inner, &columns, screen, theme);
    let units = &screen.rollup().units;
    // The units first; the combined items take the lines left, one a line.
    let spare = (inner.height - 1).saturating_sub(u16::try_from(units.len()).unwrap_or(u16::MAX));
    let combined_lines = combined_lines(screen).min(spare).max(1);
    let rows = inner.height - 1 - combined_lines;
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
        y: inner.bottom() - combined_lines,
        height: combined_lines,
        ..inner
    };
    combined_rows(buf, combined, &columns, screen, theme);
    cursor
}

/// What the cells' figures mean in the forms `c` shows them in (none when
/// they show no figure), and the `*`'s legend where one shows.
fn legend(screen: &RollupScreen, c: &Layout, theme: &Theme) -> String {
    let settings = screen.settings();
    let lang = settings.lang;
    let columns = screen.columns().iter().zip(&c.campaigns);
    let cells: Vec<(Cell, usize)> = screen
        .rollup()
        .units
        .iter()
        .flat_map(|unit| {
            columns.clone().filter_map(move |(column, &(_, _, form))| {
                Some((cell(unit, &column.id, lang, settings.ascii)?, form))
            })
        })
        .collect();
    let marked = cells.iter().any(|(c, form)| c.forms[*form].contains('*'))
        || screen.combined().iter().any(|c| c.assumed());
    // A cell shows 序时进度 or progress when its form keeps what the
    // shorter ones drop.
    let keeps = |from: usize| {
        cells
            .iter()
            .any(|(c, form)| *form <= from && c.forms[from] != c.forms[from + 1])
    };
    let meaning = if keeps(0) {
        Some(words::matrix_legend(lang))
    } else if keeps(1) {
        Some(words::matrix_legend_progress(lang))
    } else {
        None
    };
    let assumed = marked.then(|| crate::i18n::assumed_legend(lang));
    let parts: Vec<&str> = meaning.into_iter().chain(assumed).collect();
    match parts.is_empty() {
        true => String::new(),
        false => format!(" {} ", parts.join(theme.dot())),
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

/// How many lines the combined items want: the most any campaign has.
pub fn combined_lines(screen: &RollupScreen) -> u16 {
    let combined = screen.combined().iter();
    let campaigns = combined.filter_map(|c| c.item.split_once('/').map(|(campaign, _)| campaign));
    let most = screen
        .columns()
        .iter()
        .map(|column| campaigns.clone().filter(|c| *c == column.id).count())
        .max();
    u16::try_from(most.unwrap_or(1).max(1)).unwrap_or(u16::MAX)
}

/// The combined rows: `Combined` on the first, each campaign's items one a
/// line below its column; when a column is too narrow for a figure whole,
/// every item named across the row instead. No figure is ever cut.
fn combined_rows(buf: &mut Buffer, area: Rect, c: &Layout, screen: &RollupScreen, theme: &Theme) {
    let settings = screen.settings();
    let words = (settings.lang, theme.ascii);
    let (style, ell) = (theme.title(), theme.ellipsis());
    let (x, y, lines) = (area.x, area.y, usize::from(area.height));
    let combined = screen.combined();
    put(
        buf,
        x + POINTER,
        y,
        c.name,
        words::combined(words.0),
        style,
        ell,
    );
    let columns = screen.columns().iter().zip(&c.campaigns);
    let under_columns: Option<Vec<(u16, u16, Vec<String>)>> = columns
        .map(|(column, &(at, room, _))| {
            let parts = combined_cell::parts(combined, &column.id, false, words);
            let room = room.saturating_sub(1);
            let shown = combined_cell::on_lines(&parts, lines, room.into(), ell)?;
            Some((x + at, room, shown))
        })
        .collect();
    if let Some(under_columns) = under_columns {
        for (at, room, shown) in under_columns {
            for (line, text) in (0..area.height).zip(shown) {
                put(buf, at, y + line, room, &text, style, ell);
            }
        }
        return;
    }
    let parts: Vec<_> = screen
        .columns()
        .iter()
        .flat_map(|column| combined_cell::parts(combined, &column.id, true, words))
        .collect();
    let at = x + POINTER + c.name + 1;
    let room = area.right().saturating_sub(at);
    let shown = combined_cell::packed(&parts, lines, room.into(), ell);
    for (line, text) in (0..area.height).zip(shown) {
        put(buf, at, y + line, room, &text, style, ell);
    }
}
