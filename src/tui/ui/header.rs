//! The top lines: title and organisation on the left, reporting date and
//! file on the right; under them, where the figures come from (`source`)
//! and the legend of the assumed marker, when the plan has either.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::cells::{put, put_right};
use crate::i18n;
use crate::text;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// Frames at least this tall give the source its own line.
const SOURCE_LINE_MIN_HEIGHT: u16 = 16;

/// One line, or two when there is a source or an assumed value to say and
/// the frame has room.
pub fn height(app: &App, frame_height: u16) -> u16 {
    let provenance = app
        .data()
        .is_some_and(|data| data.plan().meta.source.is_some() || data.any_assumed);
    match frame_height {
        0 => 0,
        h if provenance && h >= SOURCE_LINE_MIN_HEIGHT => 2,
        _ => 1,
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    if area.height > 1 {
        let line = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        provenance(buf, line, app, theme);
    }
    let lang = app.settings().lang;
    let ell = theme.ellipsis();
    let (title, organisation, as_of) = match app.data() {
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
    let right = date_and_file(app, as_of, area.width / 2, theme);
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

/// "Source: …" on the left, the legend of `*` on the right when the plan
/// marks anything assumed.
fn provenance(buf: &mut Buffer, line: Rect, app: &App, theme: &Theme) {
    let Some(data) = app.data() else {
        return;
    };
    let lang = app.settings().lang;
    let ell = theme.ellipsis();
    let start = if data.any_assumed {
        let legend = i18n::assumed_legend(lang);
        put_right(
            buf,
            line.right(),
            line.y,
            line.width / 2,
            legend,
            theme.dim(),
            ell,
        )
    } else {
        line.right()
    };
    if let Some(source) = &data.plan().meta.source {
        let source = format!("{}{}", i18n::source_label(lang), source.get(lang));
        let room = start.saturating_sub(line.x + 2);
        put(buf, line.x, line.y, room, &source, theme.dim(), ell);
    }
}

/// The right of the header: the reporting date and the file, the whole
/// path when it fits in `room`, else the file's name, else the date alone.
fn date_and_file(app: &App, as_of: Option<NaiveDate>, room: u16, theme: &Theme) -> String {
    let s = i18n::strings(app.settings().lang);
    let file = text::sanitize_line(&app.path().display().to_string());
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
    if text::width(&right) > usize::from(room) {
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
    if text::width(&right) > usize::from(room)
        && let Some(date) = as_of
    {
        right = format!("{} {}", s.as_of, date.format("%Y-%m-%d"));
    }
    right
}
