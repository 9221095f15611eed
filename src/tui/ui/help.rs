//! The help overlay: every key, by context, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::cells::{centered, inner, put};
use crate::i18n;
use crate::model::Lang;
use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;

/// One line of the help: a context heading, a binding, or a gap.
enum HelpLine {
    Heading(Context),
    Binding(&'static keymap::Binding),
    Gap,
}

fn help_lines() -> Vec<HelpLine> {
    let mut out = Vec::new();
    for (i, context) in Context::HELP_ORDER.into_iter().enumerate() {
        if i > 0 {
            out.push(HelpLine::Gap);
        }
        out.push(HelpLine::Heading(context));
        out.extend(keymap::bindings_in(context).map(HelpLine::Binding));
    }
    out
}

/// Lines in the help (the same in every language).
pub fn line_count() -> usize {
    help_lines().len()
}

fn heading(context: Context, lang: Lang) -> &'static str {
    let s = i18n::strings(lang);
    match context {
        Context::Always => s.context_always,
        Context::Global => s.context_global,
        Context::Overview => s.context_overview,
        Context::Campaign => s.context_campaign,
        Context::Help => s.context_help,
        Context::Filter => s.context_filter,
        Context::Update => s.context_update,
    }
}

/// The widest key column, so the descriptions line up.
fn key_column(ascii: bool) -> usize {
    keymap::BINDINGS
        .iter()
        .map(|b| text::width(&b.keys_shown(ascii)))
        .max()
        .unwrap_or(0)
        + 2
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let ell = theme.ellipsis();
    let lines = help_lines();
    let box_area = centered(area, 72, lines.len() as u16 + 2);
    Clear.render(box_area, buf);
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(format!(" {} ", s.help_title), theme.title()))
        .title_bottom(Line::styled(format!(" {} ", s.help_close), theme.dim()).right_aligned())
        .render(box_area, buf);
    let inner = inner(box_area);
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let keys_width = key_column(theme.ascii) as u16;
    let x = inner.x + 1;
    let width = inner.width - 1;
    for (row, line) in lines
        .iter()
        .skip(usize::from(app.help_scroll))
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
            HelpLine::Gap => {}
        }
    }
}
