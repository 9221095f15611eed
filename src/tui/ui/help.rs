//! The help overlay: every key, by context, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::{centered, inner, put};
use crate::i18n;
use crate::model::Lang;
use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{Bound, Context, Keymap};
use crate::tui::theme::Theme;

/// One line of the help: a context heading, a binding, or a gap.
enum HelpLine<'a> {
    Heading(Context),
    Binding(&'a Bound),
    /// A line of its own, not a key: how to turn the mouse on.
    Mouse,
    Gap,
}

fn help_lines(keymap: &Keymap) -> Vec<HelpLine<'_>> {
    let mut out = Vec::new();
    for (i, context) in Context::HELP_ORDER.into_iter().enumerate() {
        if i > 0 {
            out.push(HelpLine::Gap);
        }
        out.push(HelpLine::Heading(context));
        // An unbound action (`[]` in the config file) is not listed.
        out.extend(
            keymap
                .bound_in(context)
                .filter(|b| !b.keys.is_empty())
                .map(HelpLine::Binding),
        );
    }
    out.push(HelpLine::Gap);
    out.push(HelpLine::Mouse);
    out
}

fn heading(context: Context, lang: Lang) -> &'static str {
    let s = i18n::strings(lang);
    match context {
        Context::Always => s.context_always,
        Context::Global => s.context_global,
        Context::Overview => s.context_overview,
        Context::Campaign => s.context_campaign,
        Context::Attention => s.attention_title,
        Context::Problems => i18n::problems_title(lang),
        Context::Help => s.context_help,
        Context::Filter => s.context_filter,
        Context::Search => s.context_search,
        Context::Update => s.context_update,
    }
}

/// The widest key column, so the descriptions line up.
fn key_column(keymap: &Keymap, ascii: bool) -> usize {
    keymap
        .all()
        .iter()
        .map(|b| text::width(&b.keys_shown(ascii)))
        .max()
        .unwrap_or(0)
        + 2
}

/// The help's lines split into columns side by side when the frame is wide
/// (two from 120 columns, three when three fit), each column whole
/// sections in the table's order, as even in height as they can be.
fn columns(keymap: &Keymap, width: u16) -> Vec<Vec<HelpLine<'_>>> {
    let lines = help_lines(keymap);
    let count = if width >= COLUMN_WIDTH * 3 + 4 {
        3
    } else if width >= TWO_COLUMN_WIDTH {
        2
    } else {
        1
    };
    // Sections are the runs between gaps.
    let mut sections: Vec<Vec<HelpLine<'_>>> = vec![Vec::new()];
    for line in lines {
        match line {
            HelpLine::Gap => sections.push(Vec::new()),
            line => sections.last_mut().expect("one section").push(line),
        }
    }
    let sizes: Vec<usize> = sections.iter().map(Vec::len).collect();
    let mut columns: Vec<Vec<HelpLine<'_>>> = Vec::new();
    let mut sections = sections.into_iter();
    for take in split(&sizes, count) {
        let mut column = Vec::new();
        for section in sections.by_ref().take(take) {
            if !column.is_empty() {
                column.push(HelpLine::Gap);
            }
            column.extend(section);
        }
        columns.push(column);
    }
    columns
}

/// How many sections each of `count` columns takes, in order, so that the
/// tallest column (its sections and a gap between each two) is as short as
/// it can be.
fn split(sizes: &[usize], count: usize) -> Vec<usize> {
    let height =
        |sections: &[usize]| sections.iter().sum::<usize>() + sections.len().saturating_sub(1);
    let n = sizes.len();
    if count <= 1 || n <= 1 {
        return vec![n];
    }
    // Few sections and at most three columns: every split is tried.
    let mut best = (usize::MAX, vec![n]);
    for first in 1..n {
        if count == 2 {
            let tallest = height(&sizes[..first]).max(height(&sizes[first..]));
            if tallest < best.0 {
                best = (tallest, vec![first, n - first]);
            }
            continue;
        }
        for second in first + 1..n {
            let tallest = height(&sizes[..first])
                .max(height(&sizes[first..second]))
                .max(height(&sizes[second..]));
            if tallest < best.0 {
                best = (tallest, vec![first, second - first, n - second]);
            }
        }
    }
    best.1
}

const TWO_COLUMN_WIDTH: u16 = 120;
const COLUMN_WIDTH: u16 = 58;

/// The overlay's box in a frame of `area`.
fn box_area(keymap: &Keymap, area: Rect) -> Rect {
    let columns = columns(keymap, area.width);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let width = COLUMN_WIDTH * columns.len() as u16 + 4;
    let height = tallest + 2;
    // Nearly the whole frame: take all of it rather than leave slivers.
    let width = if width + 4 > area.width {
        area.width
    } else {
        width
    };
    let height = if height + 2 > area.height {
        area.height
    } else {
        height
    };
    centered(area, width, height)
}

/// How far the help can scroll at the app's last known size.
/// How many lines a page of the help is: what the box shows, less one so
/// that a line stays in view across the step.
pub fn page(app: &App) -> u16 {
    let area = super::frame_area(app);
    inner(box_area(&app.settings().keymap, area))
        .height
        .saturating_sub(1)
        .max(1)
}

pub fn max_scroll(app: &App) -> u16 {
    let area = super::frame_area(app);
    let keymap = &app.settings().keymap;
    let tallest = columns(keymap, area.width)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0) as u16;
    tallest.saturating_sub(inner(box_area(keymap, area)).height)
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let ell = theme.ellipsis();
    let keymap = &app.settings().keymap;
    let columns = columns(keymap, area.width);
    let box_area = box_area(keymap, area);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let inner = inner(box_area);
    let scroll = app.help_scroll.min(tallest.saturating_sub(inner.height));
    let close = if tallest > inner.height {
        format!(" {}{}{} ", s.scroll_hint, theme.dot(), s.help_close)
    } else {
        format!(" {} ", s.help_close)
    };
    super::overlay::clear(box_area, buf);
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(format!(" {} ", s.help_title), theme.title()))
        .title_bottom(Line::styled(close, theme.dim()).right_aligned())
        .render(box_area, buf);
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let keys_width = key_column(keymap, theme.ascii) as u16;
    let column_width = inner.width / columns.len() as u16;
    for (c, lines) in columns.iter().enumerate() {
        let x = inner.x + 1 + c as u16 * column_width;
        let width = column_width.saturating_sub(1);
        for (row, line) in lines
            .iter()
            .skip(usize::from(scroll))
            .take(usize::from(inner.height))
            .enumerate()
        {
            let y = inner.y + row as u16;
            match line {
                HelpLine::Heading(context) => {
                    put(
                        buf,
                        x,
                        y,
                        width,
                        heading(*context, lang),
                        theme.title(),
                        ell,
                    );
                }
                HelpLine::Binding(binding) => {
                    let keys = binding.keys_shown(theme.ascii);
                    let used = put(
                        buf,
                        x + 2,
                        y,
                        width.saturating_sub(2),
                        &keys,
                        theme.key(),
                        ell,
                    );
                    let start = (2 + keys_width).max(used + 3);
                    put(
                        buf,
                        x + start,
                        y,
                        width.saturating_sub(start),
                        binding.help(lang),
                        Default::default(),
                        ell,
                    );
                }
                HelpLine::Mouse => {
                    let words = i18n::strings(lang).help_mouse;
                    put(buf, x, y, width, words, theme.dim(), ell);
                }
                HelpLine::Gap => {}
            }
        }
    }
}
