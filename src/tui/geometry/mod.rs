//! Where things go on the screen: pure functions of sizes and counts, called
//! by the state (paging, keeping the selection in view, clicks) and by the
//! panes (drawing) alike, so both agree on what is shown. No `App` here and
//! no widgets: what depends on the content (how many lines a banner wraps
//! to, a detail's length) comes in as [`Measures`].

pub mod attention;
pub mod campaign;
pub mod columns;
pub mod help;
pub mod lines;
pub mod overview;
mod scroll;

use ratatui::layout::Rect;

pub use scroll::scrolled;

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

/// The frame at the last size the terminal reported.
pub fn frame(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1)
}

/// What the content of the screen needs, in lines, as the panes measured it
/// for the state the screen is in: the layout follows from these and the size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measures {
    pub header_lines: u16,
    /// The banner's wrapped lines (a failed load, a missing file).
    pub banner_lines: u16,
    /// The most lines a card's statuses take (overview).
    pub card_status_lines: u16,
    /// The open campaign's summary line, in display columns (0 without one).
    pub summary_width: usize,
    /// The selected item's detail, in lines wrapped to its pane.
    pub detail_lines: usize,
}

/// Where each part of the screen goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub banner: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// The screen's parts for a frame of `area`.
pub fn areas(area: Rect, measures: &Measures) -> Areas {
    let banner_lines = measures.banner_lines.min(area.height.saturating_sub(3));
    let header = Rect {
        height: measures.header_lines.min(area.height),
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

/// The body of a frame of the last reported `size`.
pub fn body(size: (u16, u16), measures: &Measures) -> Rect {
    areas(frame(size), measures).body
}

/// The inside of a bordered box.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// A `width`×`height` rectangle centred in `area` (clipped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Problems a PgUp/PgDn moves by in the problems panel over `body`: about
/// as many as it shows (a block is five to seven lines).
pub fn problems_page(body: Rect) -> usize {
    usize::from(inner(body).height / 6).max(1)
}
