//! The roll-up screen's event loop: the review screen's own event sources
//! (keys, resize, signals, hangup) and terminal handling, drawing only
//! when an update asks for it. The roll-up is read once; nothing is
//! written (a unit's screen is read-only) and nothing is watched.

use std::io::{self, IsTerminal, Write};

use anyhow::Context;

use super::state::RollupScreen;
use super::ui;
use super::update::Outcome;
use crate::load;
use crate::rollup::{ReadManifest, Rollup};
use crate::tui::action::Action;
use crate::tui::app::Settings;
use crate::tui::event::{Event, Events};
use crate::tui::terminal::{self, Screen};

/// Opens the roll-up screen on `rollup` and runs it until the user quits:
/// 0 after `q`, 128 + the signal after SIGTERM or SIGINT.
pub fn run(rollup: Rollup, settings: Settings) -> anyhow::Result<u8> {
    if !io::stdout().is_terminal() {
        anyhow::bail!(
            "the roll-up screen needs a terminal; for text use `campaigns render`, \
             `campaigns report` (md, text, json or csv) or `campaigns check` (every unit validated)"
        );
    }
    let mouse = settings.mouse;
    let options = settings.dates;
    let mut state = RollupScreen::new(rollup, settings);
    state.set_fetched(fetched_record(state.rollup()));
    let mut events = Events::start(mouse).context("could not start reading the terminal")?;
    // The manifest saved, or `campaigns fetch` done (it writes its record
    // last): read again. Without a watch, `r` still reloads.
    let _ = events.watch_file(&state.rollup().path.clone());
    if let Some(record) = fetch_record_path(state.rollup()) {
        let _ = events.watch_also(&record);
    }
    // A few units' files saved on disk too: each watch is an inotify
    // instance of the user's (often 128 in all), so many units wait for `r`.
    let paths = unit_paths(state.rollup());
    if paths.len() <= WATCHED_UNITS {
        for path in paths {
            let _ = events.watch_also(&path);
        }
    }
    let mut screen = terminal::setup(mouse).context("could not set up the terminal")?;
    let (width, height) = terminal::drawn(&mut screen);
    state.update(Action::Resize(width, height));
    let ended = run_loop(&mut state, &events, &mut screen, options).and_then(|code| {
        terminal::restore(&mut screen).context("could not restore the terminal")?;
        Ok(code)
    });
    match ended {
        Ok(code) => Ok(code),
        // A failed read or write may be the first sign of a hangup: the
        // terminal must not be touched again.
        Err(_) if terminal::hung_up() => terminal::exit_on_hangup(),
        Err(err) => {
            terminal::try_restore();
            Err(err)
        }
    }
}

fn run_loop(
    state: &mut RollupScreen,
    events: &Events,
    screen: &mut Screen,
    options: load::Options,
) -> anyhow::Result<u8> {
    let mut dirty = true;
    loop {
        if dirty {
            screen
                .draw(|frame| ui::draw(frame, state))
                .context("could not draw")?;
            dirty = false;
        }
        let Some(event) = events.next() else {
            anyhow::bail!("every event source stopped");
        };
        let mut next = Some(event);
        // Take what is already waiting (a held key) before drawing once.
        while let Some(event) = next {
            match handle(state, screen, event, options)? {
                Step::Exit(code) => return Ok(code),
                Step::Draw => dirty = true,
                Step::Wait => {}
            }
            next = events.try_next();
        }
    }
}

enum Step {
    Wait,
    Draw,
    Exit(u8),
}

fn handle(
    state: &mut RollupScreen,
    screen: &mut Screen,
    event: Event,
    options: load::Options,
) -> anyhow::Result<Step> {
    let action = match event {
        Event::Key(key) => Action::Key(key),
        Event::Mouse(mouse) => Action::Mouse(mouse),
        Event::Paste(text) => Action::Paste(text),
        Event::Resize(columns, rows) => {
            let (width, height) =
                terminal::fit(screen, columns, rows).context("could not resize the screen")?;
            state.update(Action::Resize(width, height));
            return Ok(Step::Draw);
        }
        Event::InputFailed(reason) => anyhow::bail!("could not read the terminal: {reason}"),
        Event::Terminate(signal) => {
            let code = 128u8.saturating_add(u8::try_from(signal).unwrap_or(0));
            return Ok(Step::Exit(code));
        }
        Event::Suspend => {
            suspend(screen)?;
            return Ok(Step::Wait);
        }
        Event::Continued => {
            terminal::enter().context("could not take the terminal back")?;
            terminal::redraw_all(screen).context("could not clear the screen")?;
            return Ok(Step::Draw);
        }
        Event::FileChanged | Event::Rewatch => {
            reload(state, options);
            return Ok(Step::Draw);
        }
        // Nothing is saved or read for its history here.
        _ => return Ok(Step::Wait),
    };
    Ok(match state.update(action) {
        Outcome::None => Step::Wait,
        Outcome::Redraw => Step::Draw,
        Outcome::Quit => Step::Exit(0),
        Outcome::Reload => {
            reload(state, options);
            Step::Draw
        }
        Outcome::Suspend => {
            suspend(screen)?;
            Step::Wait
        }
        Outcome::Clipboard(sequence) => {
            let out = screen.backend_mut();
            out.write_all(sequence.as_bytes())
                .and_then(|()| out.flush())
                .context("could not write to the terminal")?;
            Step::Draw
        }
    })
}

/// Reads the manifest and every unit again; a manifest that no longer
/// reads leaves the roll-up shown as it was, the footer saying why.
fn reload(state: &mut RollupScreen, options: load::Options) {
    let path = state.rollup().path.clone();
    let read = load::read(&path).map(|text| crate::rollup::parse(&text));
    match read {
        Ok(ReadManifest {
            manifest: Some(manifest),
            ..
        }) => {
            let rollup = Rollup::load(manifest, &path, options);
            state.set_fetched(fetched_record(&rollup));
            state.reloaded(rollup);
        }
        Ok(ReadManifest { diagnostics, .. }) => {
            let lang = state.settings().lang;
            let (errors, warnings) = load::summary(&diagnostics);
            let counts = crate::i18n::problem_counts(lang, errors, warnings);
            state.set_message(&format!("{}: {counts}", path.display()));
        }
        Err(err) => state.set_message(&err.to_string()),
    }
}

/// `campaigns fetch`'s record for the repository holding the manifest
/// (empty outside git, or when no unit is read from a ref).
pub fn fetched_record(rollup: &Rollup) -> crate::rollup::Fetched {
    let refs = rollup
        .manifest
        .units
        .iter()
        .any(|spec| matches!(spec.source, crate::rollup::Source::Ref { .. }));
    let folder = match rollup.path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => std::path::Path::new("."),
    };
    if refs {
        crate::rollup::fetched(folder)
    } else {
        Default::default()
    }
}

/// Up to this many units read from paths are watched for saves.
const WATCHED_UNITS: usize = 16;

/// The files of the units read from a path, as they were read.
fn unit_paths(rollup: &Rollup) -> Vec<std::path::PathBuf> {
    let specs = rollup.manifest.units.iter().zip(&rollup.units);
    specs
        .filter(|(spec, _)| matches!(spec.source, crate::rollup::Source::Path(_)))
        .map(|(_, unit)| std::path::PathBuf::from(&unit.shown))
        .collect()
}

/// Where `campaigns fetch` keeps its record, when a unit is read from a
/// ref of the repository holding the manifest.
fn fetch_record_path(rollup: &Rollup) -> Option<std::path::PathBuf> {
    let refs = rollup
        .manifest
        .units
        .iter()
        .any(|spec| matches!(spec.source, crate::rollup::Source::Ref { .. }));
    let folder = rollup.path.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = folder.unwrap_or(std::path::Path::new("."));
    let repo = gix::discover(folder).ok().filter(|_| refs)?;
    Some(crate::rollup::fetched::record_path(repo.common_dir()))
}

/// Ctrl-Z: give the terminal back and stop until SIGCONT.
fn suspend(screen: &mut Screen) -> anyhow::Result<()> {
    terminal::restore(screen).context("could not restore the terminal")?;
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP).context("could not stop")?;
    Ok(())
}
