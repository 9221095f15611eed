//! The roll-up screen's event loop: the review screen's own event sources
//! (keys, resize, signals, hangup) and terminal handling, drawing only
//! when an update asks for it. Nothing is written (a unit's screen is
//! read-only). The manifest, the fetch record and a few units' files are
//! watched; what changed is read again off this thread ([`Reader`]): the
//! manifest saved reads it all, a unit saved that unit alone, a fetch the
//! units whose refs moved.

use std::io::{self, IsTerminal, Write};

use anyhow::Context;

use std::sync::mpsc::{Receiver, Sender, channel};

use super::reader::{Done, Job, Reader, fetched_record};
use super::state::RollupScreen;
use super::ui;
use super::update::Outcome;
use super::watch::{UnitsWatch, watch_units};
use crate::load::watch::{self, FileWatch, Notice};
use crate::rollup::Rollup;
use crate::tui::action::Action;
use crate::tui::app::Settings;
use crate::tui::event::{Event, Events};
use crate::tui::terminal::{self, Screen};

/// What the roll-up's loop reacts to: the review screen's events, and
/// the roll-up's own watches and reads.
enum Msg {
    Event(Event),
    /// The file of the unit at this place was saved.
    UnitSaved(usize),
    /// `campaigns fetch` wrote its record (it does so last).
    Fetched,
    /// A read asked of the reader ended.
    Read(Box<Done>),
}

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
    // The manifest saved: read it all again. Without a watch, `r` still reloads.
    let _ = events.watch_file(&state.rollup().path.clone());
    let (tx, rx) = channel();
    let reader = {
        let tx = tx.clone();
        let path = state.rollup().path.clone();
        Reader::start(path, options, move |done| {
            let _ = tx.send(Msg::Read(Box::new(done)));
        })
        .context("could not start the roll-up's reader")?
    };
    forward(events, tx.clone()).context("could not start reading the terminal")?;
    let mut screen = terminal::setup(mouse).context("could not set up the terminal")?;
    let (width, height) = terminal::drawn(&mut screen);
    state.update(Action::Resize(width, height));
    let ended = run_loop(&mut state, (&tx, &rx), &reader, &mut screen).and_then(|code| {
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

/// Passes the review screen's events on to the roll-up's channel, on a
/// thread that blocks while none comes.
fn forward(events: Events, tx: Sender<Msg>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("rollup-events".into())
        .spawn(move || {
            while let Some(event) = events.next() {
                if tx.send(Msg::Event(event)).is_err() {
                    return;
                }
            }
        })
        .map(drop)
}

/// Watches `campaigns fetch`'s record, and the files of the units read
/// from paths, each save told with the unit's place.
fn watch_units_and_record(
    rollup: &Rollup,
    tx: &Sender<Msg>,
) -> (Vec<FileWatch>, Option<UnitsWatch>) {
    let mut watches = Vec::new();
    if let Some(record) = fetch_record_path(rollup) {
        let tx = tx.clone();
        let watch = watch::watch(&record, move |notice| {
            if notice != Notice::Changed && notice != Notice::Rewatch {
                return;
            }
            let _ = tx.send(Msg::Fetched);
        });
        watches.extend(watch.ok());
    }
    // All the units' folders in one watcher: one inotify instance.
    let tx = tx.clone();
    let units = watch_units(&unit_paths(rollup), move |at| {
        let _ = tx.send(Msg::UnitSaved(at));
    });
    (watches, units.ok())
}

fn run_loop(
    state: &mut RollupScreen,
    (tx, messages): (&Sender<Msg>, &Receiver<Msg>),
    reader: &Reader,
    screen: &mut Screen,
) -> anyhow::Result<u8> {
    // Kept for their drop: each stops its watch.
    let mut _watches = watch_units_and_record(state.rollup(), tx);
    let mut dirty = true;
    loop {
        if dirty {
            screen
                .draw(|frame| ui::draw(frame, state))
                .context("could not draw")?;
            dirty = false;
        }
        let Ok(message) = messages.recv() else {
            anyhow::bail!("every event source stopped");
        };
        let mut next = Some(message);
        // Take what is already waiting (a held key) before drawing once.
        while let Some(message) = next {
            let step = match message {
                Msg::Event(event) => handle(state, screen, event, reader)?,
                Msg::UnitSaved(at) => {
                    reader.ask(Job::Units(state.reread_unit(at)));
                    Step::Wait
                }
                Msg::Fetched => {
                    reader.ask(Job::Fetched(state.rollup().reread_refs()));
                    Step::Wait
                }
                Msg::Read(done) => {
                    let whole = matches!(*done, Done::All(Ok(_)));
                    state.take_read(*done);
                    // The manifest read again may list other units.
                    if whole {
                        _watches = watch_units_and_record(state.rollup(), tx);
                    }
                    Step::Draw
                }
            };
            match step {
                Step::Exit(code) => return Ok(code),
                Step::Draw => dirty = true,
                Step::Wait => {}
            }
            next = messages.try_recv().ok();
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
    reader: &Reader,
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
            reader.ask(Job::All);
            return Ok(Step::Wait);
        }
        // Nothing is saved or read for its history here.
        _ => return Ok(Step::Wait),
    };
    Ok(match state.update(action) {
        Outcome::None => Step::Wait,
        Outcome::Redraw => Step::Draw,
        Outcome::Quit => Step::Exit(0),
        Outcome::Reload => {
            reader.ask(Job::All);
            Step::Wait
        }
        Outcome::ReloadUnit(at) => {
            reader.ask(Job::Units(state.reread_unit(at)));
            Step::Wait
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

/// The files of the units read from a path, as they were read, with
/// each unit's place.
fn unit_paths(rollup: &Rollup) -> Vec<(usize, std::path::PathBuf)> {
    let specs = rollup.manifest.units.iter().zip(&rollup.units);
    specs
        .enumerate()
        .filter(|(_, (spec, _))| matches!(spec.source, crate::rollup::Source::Path(_)))
        .map(|(at, (_, unit))| (at, std::path::PathBuf::from(&unit.shown)))
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
