//! `campaigns render`: one frame of the screen, drawn by the very widgets of
//! the screen into an off-screen buffer, printed as plain text (or with
//! `--color` as ANSI escape codes).

use std::fmt::Write as _;
use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use super::action::{Action, Command};
use super::app::{App, Settings};
use crate::load::Opened;

/// Why a frame could not be drawn, with the exit code to end with.
#[derive(Debug)]
pub struct RenderFailure {
    pub message: String,
    /// 1: the file or the view is wrong; 2: the file could not be read.
    pub code: u8,
}

/// Loads `path` and draws `view` (`overview`, `help`, `attention` or a campaign id) at
/// `size`. `ansi` keeps colours and styles as escape codes.
pub fn render(
    path: &Path,
    settings: Settings,
    size: (u16, u16),
    view: &str,
    ansi: bool,
) -> Result<String, RenderFailure> {
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
    let mut app = App::new(path.to_owned(), Ok(opened), settings);
    app.update(Action::Resize(size.0, size.1));
    show(&mut app, view)?;
    let buffer = frame(&app, size);
    Ok(if ansi {
        to_ansi(&buffer)
    } else {
        to_text(&buffer)
    })
}

/// Puts the app in `view`: the overview, the help over it, the attention
/// list, or a campaign.
pub fn show(app: &mut App, view: &str) -> Result<(), RenderFailure> {
    match view {
        "overview" => Ok(()),
        "help" => {
            app.update(Command::ToggleHelp.into());
            Ok(())
        }
        "attention" => {
            app.update(Command::ToggleAttention.into());
            Ok(())
        }
        id => {
            let ids: Vec<String> = app
                .plan()
                .map(|p| p.campaigns.iter().map(|c| c.id.clone()).collect())
                .unwrap_or_default();
            match ids.iter().position(|known| known == id) {
                Some(index) => {
                    app.update(Command::Jump(index + 1).into());
                    Ok(())
                }
                None => Err(RenderFailure {
                    message: format!(
                        "unknown view `{}`: use overview, help, attention, or a campaign id: {}",
                        crate::text::sanitize_line(id),
                        ids.join(", ")
                    ),
                    code: 1,
                }),
            }
        }
    }
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
