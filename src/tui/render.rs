//! `campaigns render`: one frame of the screen, drawn by the very widgets of
//! the screen into an off-screen buffer, printed as plain text (or with
//! `--color` as ANSI escape codes).

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use super::action::{Action, Command};
use super::app::{App, Settings};
use crate::history::Since;
use crate::load::Opened;

/// Why a frame could not be drawn, with the exit code to end with.
#[derive(Debug)]
pub struct RenderFailure {
    pub message: String,
    /// 1: the file or the view is wrong; 2: the file could not be read.
    pub code: u8,
}

/// What to draw: the view, its size, the baseline and the item selected.
pub struct Request<'a> {
    pub size: (u16, u16),
    /// `overview`, `help`, `attention`, `changes`, `problems`, `by-lead`,
    /// `due-soon` or a campaign id.
    pub view: &'a str,
    /// Compare with this baseline, read from the file's git history as the
    /// screen reads it. Without it (and outside `changes`) no history is read.
    pub since: Option<Since>,
    /// `CAMPAIGN/ITEM`: that item selected in its campaign, its detail shown.
    pub select: Option<&'a str>,
    /// Keep colours and styles as escape codes.
    pub ansi: bool,
}

/// The views `render --view` draws besides a campaign id.
pub const VIEWS: [&str; 8] = [
    "overview",
    "help",
    "attention",
    "changes",
    "problems",
    "by-lead",
    "due-soon",
    "year",
];

/// Loads `path` and draws what `request` asks for.
pub fn render(path: &Path, settings: Settings, request: &Request) -> Result<String, RenderFailure> {
    let opened = Opened::load(path, settings.dates).map_err(|err| RenderFailure {
        message: err.to_string(),
        code: 2,
    })?;
    if opened.document().is_none() {
        return Err(RenderFailure {
            message: opened.render_diagnostics(false, 0, settings.lang),
            code: 1,
        });
    }
    let today = settings.dates.today;
    let mut app = App::new(path.to_owned(), Ok(opened), settings);
    app.update(Action::Resize(request.size.0, request.size.1));
    if request.since.is_some() || matches!(request.view, "changes" | "year") {
        let since = request.since.clone().unwrap_or(Since::LastReport);
        read_history(&mut app, path, since, today)?;
    }
    if let Some(target) = request.select {
        select(&mut app, target)?;
    }
    show(&mut app, request.view)?;
    let buffer = frame(&app, request.size);
    Ok(if request.ansi {
        to_ansi(&buffer)
    } else {
        to_text(&buffer)
    })
}

/// Reads the file's history as the screen's loop does and hands it to the
/// app; a REV or a DATE that finds nothing is the error `report --since` gives.
fn read_history(
    app: &mut App,
    path: &Path,
    since: Since,
    today: NaiveDate,
) -> Result<(), RenderFailure> {
    app.set_since(since.clone());
    let read = crate::history::read(path, crate::history::Options { today });
    let failure = |err: &crate::history::HistoryError| RenderFailure {
        message: err.to_string(),
        code: 2,
    };
    // An explicit REV or DATE that finds nothing (or no history) is the
    // error `report --since` and the screen give.
    let rev_baseline = match (&read, &since) {
        (_, Since::LastReport) => None,
        (Ok(history), explicit) => history.baseline(explicit, today).map_err(|e| failure(&e))?,
        (Err(err), _) => return Err(failure(err)),
    };
    app.update(Action::HistoryRead {
        read: Box::new(read),
        rev_baseline,
    });
    Ok(())
}

/// Selects `CAMPAIGN/ITEM`.
fn select(app: &mut App, target: &str) -> Result<(), RenderFailure> {
    let found = target
        .split_once('/')
        .is_some_and(|(campaign, item)| app.show_item(campaign, item));
    if found {
        return Ok(());
    }
    Err(RenderFailure {
        message: format!(
            "--select `{}` names no item of the plan: write CAMPAIGN/ITEM, e.g. clear-water/yangtze-outfalls",
            crate::text::sanitize_line(target)
        ),
        code: 1,
    })
}

/// Puts the app in `view`: the overview, the help, the attention list, the
/// changes list, the problems panel, or a campaign. With an item selected,
/// `overview` leaves the item's campaign open.
pub fn show(app: &mut App, view: &str) -> Result<(), RenderFailure> {
    let command = match view {
        "overview" => None,
        "help" => Some(Command::ToggleHelp),
        "attention" => Some(Command::ToggleAttention),
        "changes" => Some(Command::ToggleChanges),
        "problems" => Some(Command::ToggleProblems),
        "by-lead" => Some(Command::GroupByLead),
        "due-soon" => Some(Command::ToggleDueSoon),
        "year" => Some(Command::ToggleYear),
        id => {
            let index = app
                .plan()
                .and_then(|p| p.campaigns.iter().position(|c| c.id == id));
            let Some(index) = index else {
                let ids: Vec<String> = app
                    .plan()
                    .map(|p| p.campaigns.iter().map(|c| c.id.clone()).collect())
                    .unwrap_or_default();
                return Err(RenderFailure {
                    message: format!(
                        "unknown view `{}`: use {}, or a campaign id: {}",
                        crate::text::sanitize_line(id),
                        VIEWS.join(", "),
                        ids.join(", ")
                    ),
                    code: 1,
                });
            };
            // The campaign of the selected item is already open.
            (app.campaign_id() != Some(id)).then_some(Command::Jump(index + 1))
        }
    };
    if let Some(command) = command {
        app.update(command.into());
    }
    Ok(())
}

/// Draws the app into a fresh buffer of `size`.
pub fn frame(app: &App, size: (u16, u16)) -> Buffer {
    let backend = TestBackend::new(size.0, size.1);
    // TestBackend never fails: its error type is Infallible.
    let mut terminal = match Terminal::new(backend) {
        Ok(terminal) => terminal,
        Err(never) => match never {},
    };
    if let Err(never) = terminal.draw(|f| super::ui::draw(f, app)) {
        match never {}
    }
    terminal.backend().buffer().clone()
}

/// The cells of each row whose symbols are shown: a wide character hides
/// the cell after it.
fn visible_cells(buffer: &Buffer, y: u16) -> Vec<(&str, Style)> {
    let mut out = Vec::new();
    let mut skip = 0usize;
    for x in buffer.area.x..buffer.area.right() {
        let cell = &buffer[(x, y)];
        if skip > 0 {
            skip -= 1;
            continue;
        }
        out.push((cell.symbol(), cell.style()));
        skip = crate::text::width(cell.symbol()).saturating_sub(1);
    }
    out
}

/// The frame as text lines, trailing spaces trimmed.
pub fn to_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in buffer.area.y..buffer.area.bottom() {
        let line: String = visible_cells(buffer, y).iter().map(|(s, _)| *s).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The frame with styles as SGR escape codes, reset at each line's end.
pub fn to_ansi(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in buffer.area.y..buffer.area.bottom() {
        let cells = visible_cells(buffer, y);
        let keep = cells
            .iter()
            .rposition(|(symbol, style)| symbol.trim() != "" || has_look(*style))
            .map_or(0, |i| i + 1);
        let mut current = Style::reset();
        for (symbol, style) in &cells[..keep] {
            if *style != current {
                out.push_str(&sgr(*style));
                current = *style;
            }
            out.push_str(symbol);
        }
        if current != Style::reset() {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    out
}

fn has_look(style: Style) -> bool {
    style.bg.is_some_and(|c| c != Color::Reset)
        || style
            .add_modifier
            .intersects(Modifier::REVERSED | Modifier::UNDERLINED)
}

fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_owned()];
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if style.add_modifier.contains(modifier) {
            codes.push(code.to_owned());
        }
    }
    if let Some(code) = style.fg.and_then(|c| color_code(c, false)) {
        codes.push(code);
    }
    if let Some(code) = style.bg.and_then(|c| color_code(c, true)) {
        codes.push(code);
    }
    let mut out = String::from("\x1b[");
    let _ = write!(out, "{}m", codes.join(";"));
    out
}

fn color_code(color: Color, background: bool) -> Option<String> {
    let base = |n: u8| Some((if background { n + 10 } else { n }).to_string());
    match color {
        Color::Reset => None,
        Color::Black => base(30),
        Color::Red => base(31),
        Color::Green => base(32),
        Color::Yellow => base(33),
        Color::Blue => base(34),
        Color::Magenta => base(35),
        Color::Cyan => base(36),
        Color::Gray => base(37),
        Color::DarkGray => base(90),
        Color::LightRed => base(91),
        Color::LightGreen => base(92),
        Color::LightYellow => base(93),
        Color::LightBlue => base(94),
        Color::LightMagenta => base(95),
        Color::LightCyan => base(96),
        Color::White => base(97),
        Color::Indexed(n) => Some(format!("{};5;{n}", if background { 48 } else { 38 })),
        Color::Rgb(r, g, b) => Some(format!(
            "{};2;{r};{g};{b}",
            if background { 48 } else { 38 }
        )),
    }
}
