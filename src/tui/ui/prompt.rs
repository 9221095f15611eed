//! The update prompt: a small box asking for a task's new done count or an
//! indicator's new value, with the validation error when there is one. (The
//! filter prompt lives in the footer line.)

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::{centered, inner, put, put_spans};
use super::wrap::wrap;
use crate::i18n;
use crate::text;
use crate::tui::app::{App, Prompt};
use crate::tui::rows::Item;
use crate::tui::theme::Theme;

/// Gives where the input ends: where the next key's character goes.
pub fn draw_update(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let Some(Prompt::Update {
        item,
        input,
        pristine,
        error,
        ..
    }) = app.prompt()
    else {
        return None;
    };
    let (campaign, _) = app.open_campaign()?;
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let ell = theme.ellipsis();
    let (title, name, current) = match *item {
        Item::Task(i) => match campaign.tasks.get(i) {
            Some(task) => (
                s.update_done,
                task.name.get(lang),
                crate::figures::marked_task_figure(task, lang),
            ),
            None => return None,
        },
        Item::Indicator(i) => match campaign.indicators.get(i) {
            Some(ind) => (
                s.update_value,
                ind.name.get(lang),
                crate::figures::marked_indicator_figure(ind, lang, theme.ascii),
            ),
            None => return None,
        },
    };
    let (hint, style) = match error {
        Some(error) => (*error, theme.error()),
        None => (s.update_hint, theme.dim()),
    };
    // As wide as the screen: a long name and the confirmation's `y` stay in
    // sight; what still does not fit wraps rather than being cut.
    let hint_lines = wrap(&[(hint, style)], area.width.saturating_sub(3), 3, ell);
    let height = 5 + u16::try_from(hint_lines.len()).unwrap_or(1).max(1);
    let box_area = centered(area, area.width, height);
    super::overlay::clear(box_area, buf);
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(format!(" {title} "), theme.title()))
        .render(box_area, buf);
    let inner = inner(box_area);
    if inner.width < 2 {
        return None;
    }
    let x = inner.x + 1;
    let width = inner.width - 1;
    let cursor =
        (inner.height > 1).then(|| draw_input(buf, x, inner.y + 1, width, input, *pristine, theme));
    put(
        buf,
        x,
        inner.y,
        width,
        &format!("{name}{}{current}", s.colon),
        theme.dim(),
        ell,
    );
    for (line, y) in hint_lines.iter().zip(inner.y + 2..inner.bottom()) {
        let spans: Vec<(&str, ratatui::style::Style)> = line
            .iter()
            .map(|(text, style)| (text.as_str(), *style))
            .collect();
        put_spans(buf, Rect::new(x, y, width, 1), y, &spans, ell);
    }
    cursor
}

/// The input line: the figure shown selected until the first key replaces it.
/// Gives where the input ends.
fn draw_input(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    input: &str,
    pristine: bool,
    theme: &Theme,
) -> Position {
    let ell = theme.ellipsis();
    let used = put(buf, x, y, width, "> ", theme.title(), ell);
    let input_style = if pristine {
        theme.selected()
    } else {
        theme.title()
    };
    let shown = text::sanitize_line(input);
    let used = used
        + put(
            buf,
            x + used,
            y,
            width.saturating_sub(used),
            &shown,
            input_style,
            ell,
        );
    let cursor = theme.input_mark();
    put(
        buf,
        x + used,
        y,
        width.saturating_sub(used),
        cursor,
        theme.title(),
        ell,
    );
    Position::new(x + used, y)
}
