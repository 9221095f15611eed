//! `campaigns render rollup.toml`: one frame of the roll-up screen as text,
//! drawn by the screen's own panes into an off-screen buffer.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::keys::RollupCommand;
use super::state::{Pane, RollupScreen};
use crate::rollup::Rollup;
use crate::tui::action::Action;
use crate::tui::app::Settings;
use crate::tui::render::{RenderFailure, to_ansi, to_text};

/// The views `render --view` draws of a roll-up; `overview` is `rollup`.
pub const ROLLUP_VIEWS: [&str; 6] = [
    "rollup",
    "help",
    "attention",
    "rankings",
    "drags",
    "freshness",
];

/// What to draw of a roll-up.
pub struct RollupRequest<'a> {
    pub size: (u16, u16),
    /// One of [`ROLLUP_VIEWS`], or `overview`.
    pub view: &'a str,
    /// A unit's id: that unit selected.
    pub select: Option<&'a str>,
    pub ansi: bool,
}

/// Draws the roll-up as `request` asks.
pub fn render_rollup(
    rollup: Rollup,
    settings: Settings,
    request: &RollupRequest,
) -> Result<String, RenderFailure> {
    let fetched = super::reader::fetched_record(&rollup);
    let mut screen = RollupScreen::new(rollup, settings);
    screen.set_fetched(fetched);
    screen.update(Action::Resize(request.size.0, request.size.1));
    if let Some(id) = request.select {
        select(&mut screen, id)?;
    }
    show(&mut screen, request.view)?;
    let buffer = frame(&screen, request.size);
    Ok(if request.ansi {
        to_ansi(&buffer)
    } else {
        to_text(&buffer)
    })
}

fn select(screen: &mut RollupScreen, id: &str) -> Result<(), RenderFailure> {
    let units = &screen.rollup().units;
    match units.iter().position(|unit| unit.id == id) {
        Some(at) => {
            screen.selected = at;
            Ok(())
        }
        None => Err(RenderFailure {
            message: format!(
                "--select `{}` names no unit of the roll-up: {}",
                crate::text::sanitize_line(id),
                units
                    .iter()
                    .map(|u| u.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            code: 1,
        }),
    }
}

/// Puts the screen in `view`.
pub fn show(screen: &mut RollupScreen, view: &str) -> Result<(), RenderFailure> {
    match view {
        "rollup" | "overview" => {}
        "help" => screen.help = true,
        "attention" => {
            screen.command(RollupCommand::ToggleAttention);
        }
        "rankings" => screen.focus = Pane::Rankings,
        "drags" => screen.focus = Pane::Drags,
        "freshness" => screen.focus = Pane::Freshness,
        other => {
            return Err(RenderFailure {
                message: format!(
                    "unknown view `{}` of a roll-up: use {}",
                    crate::text::sanitize_line(other),
                    ROLLUP_VIEWS.join(", ")
                ),
                code: 1,
            });
        }
    }
    Ok(())
}

/// Draws the screen into a fresh buffer of `size`.
pub fn frame(screen: &RollupScreen, size: (u16, u16)) -> Buffer {
    let backend = TestBackend::new(size.0, size.1);
    // TestBackend never fails: its error type is Infallible.
    let mut terminal = match Terminal::new(backend) {
        Ok(terminal) => terminal,
        Err(never) => match never {},
    };
    if let Err(never) = terminal.draw(|f| super::ui::draw(f, screen)) {
        match never {}
    }
    terminal.backend().buffer().clone()
}
