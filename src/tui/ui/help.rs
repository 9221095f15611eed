//! The help overlay: every key, by context, generated from the key table.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::put;
use crate::i18n;
use crate::model::Lang;
use crate::text;
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::geometry::help::{HelpLine, box_area, columns};
use crate::tui::geometry::inner;
use crate::tui::keymap::{Bound, Context, Keymap};
use crate::tui::rows::SortKey;
use crate::tui::theme::Theme;

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

/// The help's title; on a unit's screen opened from the roll-up it names
/// the key back to the roll-up (from the overview).
fn help_title(app: &App, theme: &Theme) -> String {
    let s = i18n::strings(app.settings().lang);
    let back = app.read_only().then(|| {
        let key = super::footer::key_for(
            &app.settings().keymap,
            Command::Back,
            Context::Campaign,
            theme.ascii,
        );
        let word = match app.settings().lang {
            Lang::Zh => "总览中返回汇总",
            Lang::En => "from the overview: back to the roll-up",
        };
        key.map(|key| format!("{}{key} {word}", theme.dot()))
    });
    format!(" {}{} ", s.help_title, back.flatten().unwrap_or_default())
}

/// Gives where its first visible line starts.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let keymap = &app.settings().keymap;
    let columns = columns(keymap, area.width);
    let box_area = box_area(keymap, area);
    let tallest = crate::tui::geometry::help::tallest(keymap, area.width);
    let inner = inner(box_area);
    let scroll = app.help_scroll().min(tallest.saturating_sub(inner.height));
    let close = if tallest > inner.height {
        format!(" {}{}{} ", s.scroll_hint, theme.dot(), s.help_close)
    } else {
        format!(" {} ", s.help_close)
    };
    super::overlay::clear(box_area, buf);
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(help_title(app, theme), theme.title()))
        .title_bottom(Line::styled(close, theme.dim()).right_aligned())
        .render(box_area, buf);
    if inner.width < 2 || inner.height == 0 {
        return None;
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
            draw_line(buf, (x, y, width), line, keys_width, lang, theme);
        }
    }
    Some(Position::new(inner.x + 1, inner.y))
}

/// One line of the help at (x, y), `width` wide.
fn draw_line(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    line: &HelpLine<'_>,
    keys_width: u16,
    lang: Lang,
    theme: &Theme,
) {
    let ell = theme.ellipsis();
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
                &binding_words(binding, lang, theme),
                Default::default(),
                ell,
            );
        }
        HelpLine::Mouse => {
            let words = i18n::strings(lang).help_mouse;
            put(buf, x, y, width, words, theme.dim(), ell);
        }
        HelpLine::Symbols | HelpLine::Statuses(..) | HelpLine::Moves | HelpLine::Assumed => {
            draw_legend_line(buf, (x, y, width), line, keys_width, lang, theme);
        }
        HelpLine::Gap => {}
    }
}

/// What a binding does; the list's sort names its orders from the one list
/// the key cycles through, so the help cannot leave one out.
fn binding_words(binding: &Bound, lang: Lang, theme: &Theme) -> Cow<'static, str> {
    if binding.command() != Command::CycleSort || binding.context() != Context::Campaign {
        return Cow::Borrowed(binding.help(lang));
    }
    // Unspaced, so all five fit a help column (39 wide at 120 columns).
    let arrow = if theme.ascii { "->" } else { "→" };
    let orders: Vec<&str> = SortKey::CYCLE.iter().map(|key| key.word(lang)).collect();
    let colon = i18n::strings(lang).colon;
    Cow::Owned(format!(
        "{}{colon}{}",
        binding.help(lang),
        orders.join(arrow)
    ))
}

/// A line of the legend: its heading, two statuses, the arrows of a change,
/// the assumed mark.
fn draw_legend_line(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    line: &HelpLine<'_>,
    keys_width: u16,
    lang: Lang,
    theme: &Theme,
) {
    let ell = theme.ellipsis();
    match line {
        HelpLine::Symbols => {
            put(
                buf,
                x,
                y,
                width,
                i18n::symbols_heading(lang),
                theme.title(),
                ell,
            );
        }
        HelpLine::Statuses(first, second) => {
            let half = width / 2;
            for (n, status) in [Some(*first), *second].into_iter().flatten().enumerate() {
                let at = 2 + n as u16 * half;
                let shown = theme.status_label(status, lang);
                let room = width.saturating_sub(at).min(half.saturating_sub(2));
                put(buf, x + at, y, room, &shown, theme.status(status), ell);
            }
        }
        HelpLine::Moves => {
            let arrows = format!(
                "{} {}",
                crate::figures::status_move(true, theme.ascii),
                crate::figures::status_move(false, theme.ascii)
            );
            let used = put(
                buf,
                x + 2,
                y,
                width.saturating_sub(2),
                &arrows,
                theme.key(),
                ell,
            );
            let start = (2 + keys_width).max(used + 3);
            let words = i18n::moves_meaning(lang);
            put(
                buf,
                x + start,
                y,
                width.saturating_sub(start),
                words,
                theme.dim(),
                ell,
            );
        }
        HelpLine::Assumed => {
            let words = i18n::strings(lang).assumed_legend;
            put(
                buf,
                x + 2,
                y,
                width.saturating_sub(2),
                words,
                theme.dim(),
                ell,
            );
        }
        _ => {}
    }
}
