//! Lays the panes out; each pane draws itself (one file per pane).

pub mod attention;
pub mod banner;
pub mod campaign;
pub mod card;
pub mod card_statuses;
pub mod cells;
pub mod detail;
pub mod footer;
pub mod gauge;
pub mod header;
pub mod help;
pub mod lead_group;
pub mod list_legend;
pub mod list_row;
pub mod list_titles;
pub mod overlay;
pub mod overview;
pub mod problems;
pub mod prompt;
pub mod too_small;
pub mod wrap;
pub mod year;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::app::{App, Prompt, View};
use super::geometry::{self, Areas, MIN_HEIGHT, MIN_WIDTH, Measures};
use super::theme::Theme;

/// What the content of the screen needs for the state it is in, measured
/// from what the panes would draw: the state lays the screen out from
/// these and its size (paging, clicks), as the panes do.
pub fn measure(app: &App) -> Measures {
    let area = geometry::frame(app.size());
    let theme = theme(app);
    let mut measures = chrome(area, app);
    let body = geometry::areas(area, &measures).body;
    match app.view() {
        View::Overview => measures.card_status_lines = overview::status_lines(app, body, &theme),
        View::Campaign => {
            measures.summary_width = campaign::summary_width(app);
            measures.detail_lines = detail::line_count(app, body, measures.summary_width, &theme);
        }
        View::Attention => {}
    }
    measures
}

/// The header's and the banner's lines in a frame of `area`: all the body's
/// place depends on.
fn chrome(area: Rect, app: &App) -> Measures {
    Measures {
        header_lines: header::height(app, area.height),
        banner_lines: banner::height(app, area.width),
        ..Measures::default()
    }
}

/// The screen's parts for a frame of `area`.
pub fn areas(area: Rect, app: &App) -> Areas {
    geometry::areas(area, &chrome(area, app))
}

pub fn theme(app: &App) -> Theme {
    let settings = app.settings();
    Theme::new(settings.color, settings.ascii)
        .with_palette(settings.palette)
        .with_words(settings.screen_reader)
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
    // Each pane says where it drew its selection; what is drawn on top wins.
    let mut cursor = match app.view() {
        View::Overview => overview::draw(buf, areas.body, app, &theme),
        View::Campaign => campaign::draw(buf, areas.body, app, &theme),
        View::Attention => attention::draw(buf, areas.body, app, &theme),
    };
    let typing = footer::draw(buf, areas.footer, app, &theme);
    if let Some(Prompt::Update { .. }) = app.prompt() {
        cursor = prompt::draw_update(buf, areas.body, app, &theme);
    }
    if app.problems_selected().is_some() {
        cursor = problems::draw(buf, areas.body, app, &theme);
    }
    cursor = typing.or(cursor);
    if app.help_open() {
        cursor = help::draw(buf, area, app, &theme);
    }
    if theme.ascii {
        ascii_signs(buf);
    }
    show_cursor(frame, app, cursor);
}

/// `--screen-reader`: the terminal's cursor where the selection was drawn
/// (braille displays and Orca follow it); otherwise it stays hidden.
fn show_cursor(frame: &mut Frame, app: &App, cursor: Option<Position>) {
    if let Some(at) = cursor.filter(|_| app.settings().screen_reader) {
        frame.set_cursor_position(at);
    }
}

/// `--ascii`: the units' signs from the file (`μg/m³`) as ASCII too.
fn ascii_signs(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        if let std::borrow::Cow::Owned(ascii) = crate::text::ascii_signs(cell.symbol()) {
            cell.set_symbol(&ascii);
        }
    }
}
