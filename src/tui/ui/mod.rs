//! Lays the panes out; each pane draws itself (one file per pane).

pub mod attention;
pub mod banner;
pub mod campaign;
pub mod card;
pub mod cells;
pub mod change_cell;
pub mod detail;
pub mod footer;
pub mod gauge;
pub mod header;
pub mod help;
pub mod layout;
pub mod list_row;
pub mod overlay;
pub mod overview;
pub mod problems;
pub mod prompt;
pub mod too_small;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::{App, Prompt, View};
use super::theme::Theme;

/// The smallest frame the screen is laid out in; below it a notice says so.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// The largest frame drawn: a bigger terminal gets this much in its top-left
/// corner. Each cell costs tens of bytes twice over (ratatui keeps two
/// buffers), so 65 535 × 65 535 would ask for hundreds of gigabytes.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

/// The part of a `columns` × `rows` terminal that is drawn.
pub fn drawn_size(columns: u16, rows: u16) -> (u16, u16) {
    (columns.min(MAX_WIDTH), rows.min(MAX_HEIGHT))
}

/// Where each part of the screen goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub banner: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// The screen's parts for a frame of `area`. `update` uses the same function
/// for page sizes, so paging matches what is drawn.
pub fn areas(area: Rect, app: &App) -> Areas {
    let banner_lines = banner::height(app, area.width).min(area.height.saturating_sub(3));
    let header = Rect {
        height: header::height(app, area.height),
        ..area
    };
    let banner = Rect {
        y: area.y + header.height,
        height: banner_lines,
        ..area
    };
    let footer_y = area.bottom().saturating_sub(1).max(banner.bottom());
    let footer = Rect {
        y: footer_y,
        height: area.bottom().saturating_sub(footer_y),
        ..area
    };
    let body = Rect {
        y: banner.bottom(),
        height: footer.y.saturating_sub(banner.bottom()),
        ..area
    };
    Areas {
        header,
        banner,
        body,
        footer,
    }
}

/// The frame area `update` assumes: the last size the terminal reported.
pub(crate) fn frame_area(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1)
}

pub fn theme(app: &App) -> Theme {
    Theme::new(app.settings().color, app.settings().ascii).with_palette(app.settings().palette)
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let theme = theme(app);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small::draw(buf, area, app, &theme);
        return;
    }
    let areas = areas(area, app);
    header::draw(buf, areas.header, app, &theme);
    banner::draw(buf, areas.banner, app, &theme);
    match app.view() {
        View::Overview => overview::draw(buf, areas.body, app, &theme),
        View::Campaign => campaign::draw(buf, areas.body, app, &theme),
        View::Attention => attention::draw(buf, areas.body, app, &theme),
    }
    footer::draw(buf, areas.footer, app, &theme);
    if let Some(Prompt::Update { .. }) = &app.prompt {
        prompt::draw_update(buf, areas.body, app, &theme);
    }
    if app.problems_selected().is_some() {
        problems::draw(buf, areas.body, app, &theme);
    }
    if app.help_open() {
        help::draw(buf, area, app, &theme);
    }
}
