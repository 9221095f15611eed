//! The top line: title and organisation on the left, reporting date and
//! file on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::cells::{put, put_right};
use crate::i18n;
use crate::text;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let lang = app.settings().lang;
    let s = i18n::strings(lang);
    let ell = theme.ellipsis();
    let file = text::sanitize_line(&app.path().display().to_string());
    let (title, organisation, as_of) = match app.data.as_ref() {
        Some(data) => (
            data.plan().meta.title.get(lang).to_owned(),
            data.plan()
                .meta
                .organisation
                .as_ref()
                .map(|o| o.get(lang).to_owned()),
            Some(data.status.as_of),
        ),
        None => ("campaigns".to_owned(), None, None),
    };
    let right = |file: &str| match as_of {
        Some(date) => format!(
            "{} {}{}{file}",
            s.as_of,
            date.format("%Y-%m-%d"),
            theme.dot()
        ),
        None => file.to_owned(),
    };
    // The whole path when it fits in half the line, else the file's name.
    let mut right = right(&file);
    if text::width(&right) > usize::from(area.width / 2) {
        let name = app
            .path()
            .file_name()
            .map(|n| text::sanitize_line(&n.to_string_lossy()))
            .unwrap_or_default();
        right = match as_of {
            Some(date) => format!(
                "{} {}{}{name}",
                s.as_of,
                date.format("%Y-%m-%d"),
                theme.dot()
            ),
            None => name,
        };
    }
    // Still too long: the date alone.
    if text::width(&right) > usize::from(area.width / 2)
        && let Some(date) = as_of
    {
        right = format!("{} {}", s.as_of, date.format("%Y-%m-%d"));
    }
    // The date matters more than the file name: keep the right side, cut the title.
    let right_width = (text::width(&right) as u16).min(area.width / 2);
    let start = put_right(
        buf,
        area.right(),
        area.y,
        right_width,
        &right,
        theme.dim(),
        ell,
    );
    let room = start.saturating_sub(area.x + 1);
    let used = put(buf, area.x, area.y, room, &title, theme.title(), ell);
    if let Some(organisation) = organisation {
        let dot = theme.dot();
        let x = area.x + used;
        let left = room.saturating_sub(used);
        // The organisation whole or not at all: a cut name reads as a different one.
        if usize::from(left) >= text::width(dot) + text::width(&organisation) {
            let w = put(buf, x, area.y, left, dot, theme.dim(), ell);
            put(
                buf,
                x + w,
                area.y,
                left - w,
                &organisation,
                theme.dim(),
                ell,
            );
        }
    }
}
