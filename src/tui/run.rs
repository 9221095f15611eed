//! The event loop of the review screen: one channel in, one draw out.
//!
//! It blocks on the channel and draws only when `App::update` asks for it (or
//! after a resize, a reload or the editor), so an idle screen neither wakes
//! nor writes. Everything that touches the OS happens here; `App` stays pure.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

use super::action::Action;
use super::app::{App, Effect, Settings};
use super::changes::Arrived;
use super::event::{Event, Events, Request, Shown};
use super::terminal::{self, Screen};
use super::{editor, reclaim, ui};
use crate::edit;
use crate::history::{History, Since};
use crate::load::{self, Opened, ReadError};

/// How the loop ended.
enum Exit {
    /// `q` / Ctrl-C: exit code 0.
    Quit,
    /// A terminating signal: exit code 128 + its number, as shells report it.
    Signal(i32),
}

/// Opens the review screen on `path` and runs it until the user quits. Gives
/// the exit code: 0 after `q`, 128 + the signal after SIGTERM or SIGINT.
/// (After SIGHUP or a closed terminal the process has already exited, 129.)
/// `read` is the file's history when it was read already (to check
/// `--since` before the terminal is touched): it is not read again.
pub fn run(
    path: PathBuf,
    settings: Settings,
    since: Since,
    read: Option<History>,
) -> anyhow::Result<u8> {
    if !io::stdout().is_terminal() {
        anyhow::bail!(
            "the review screen needs a terminal; for text use `campaigns render` or `campaigns report`"
        );
    }
    let options = settings.dates;
    let mouse = settings.mouse;
    let first = Opened::load(&path, options);
    let mut events = Events::start(mouse).context("could not start reading the terminal")?;
    // Without a watch the screen still works (`r` reloads by hand) and says so.
    let watched = events.watch_file(&path);
    let mut app = App::new(path.clone(), first, settings);
    app.set_since(since);
    app.update(Action::LoadedAt(now()));
    let retry_pending = watched.is_err();
    if let Err(reason) = watched {
        app.update(Action::WatchFailed(reason));
        events.retry_watch_after(REWATCH_DELAY);
    }
    let mut screen = terminal::setup(mouse).context("could not set up the terminal")?;
    let (width, height) = terminal::drawn(&mut screen);
    app.update(Action::Resize(width, height));
    let mut session = Session {
        path,
        options,
        app,
        events,
        screen,
        dirty: true,
        retry_pending,
        history_generation: 0,
        loads: 0,
    };
    session.read_history(read);
    let ended = session.run().and_then(|exit| {
        terminal::restore(&mut session.screen).context("could not restore the terminal")?;
        Ok(exit)
    });
    match ended {
        Ok(Exit::Quit) => Ok(0),
        Ok(Exit::Signal(signal)) => Ok(128u8.saturating_add(u8::try_from(signal).unwrap_or(0))),
        // A failed read or write may be the first sign of a hangup: then
        // the terminal must not be touched again, not even by the error
        // message.
        Err(_) if terminal::hung_up() => terminal::exit_on_hangup(),
        Err(err) => {
            terminal::try_restore();
            Err(err)
        }
    }
}

fn now() -> chrono::NaiveTime {
    chrono::Local::now().time()
}

struct Session {
    path: PathBuf,
    options: load::Options,
    app: App,
    events: Events,
    screen: Screen,
    /// Whether the screen must be drawn before waiting again.
    dirty: bool,
    /// Whether a `RetryWatch` is on its way.
    retry_pending: bool,
    /// The newest history read asked for: older ones that end later are dropped.
    history_generation: u64,
    /// How many loads (`Loaded`, `Reread`) the app has taken: a comparison
    /// made off the screen's thread is for the figures of one of them.
    loads: u64,
}

/// How long a lost watch waits before it tries again (a re-clone or a
/// deploy puts the directory back within moments).
const REWATCH_DELAY: Duration = Duration::from_secs(1);

impl Session {
    fn run(&mut self) -> anyhow::Result<Exit> {
        loop {
            if self.dirty {
                self.draw()?;
            }
            let Some(event) = self.events.next() else {
                anyhow::bail!("every event source stopped");
            };
            if let Some(exit) = self.handle(event)? {
                return Ok(exit);
            }
            // Handle what is already waiting (a held key, a paste) before
            // drawing once for all of it.
            while let Some(event) = self.events.try_next() {
                if let Some(exit) = self.handle(event)? {
                    return Ok(exit);
                }
            }
        }
    }

    fn draw(&mut self) -> anyhow::Result<()> {
        let app = &self.app;
        self.screen
            .draw(|frame| ui::draw(frame, app))
            .context("could not draw")?;
        self.dirty = false;
        Ok(())
    }

    fn handle(&mut self, event: Event) -> anyhow::Result<Option<Exit>> {
        match event {
            Event::Key(key) => return self.update(Action::Key(key)),
            Event::Mouse(mouse) => return self.update(Action::Mouse(mouse)),
            Event::Paste(text) => return self.update(Action::Paste(text)),
            Event::Resize(columns, rows) => {
                self.dirty = true;
                let (width, height) = terminal::fit(&mut self.screen, columns, rows)
                    .context("could not resize the screen")?;
                return self.update(Action::Resize(width, height));
            }
            Event::FileChanged => return self.reload(false),
            Event::Rewatch => return self.rewatch(),
            Event::SaveEnded(ended) => return self.save_ended(*ended),
            Event::HistoryRead(read) if read.generation == self.history_generation => {
                let action = match read.arrived {
                    Arrived::Compared { baselined, since } => {
                        Action::HistoryCompared { baselined, since }
                    }
                    Arrived::Read { read, rev_baseline } => {
                        Action::HistoryRead { read, rev_baseline }
                    }
                };
                return self.update(action);
            }
            // Superseded: a whole history, freed off the screen's way.
            Event::HistoryRead(read) => reclaim::free_aside_if(true, read),
            Event::Recompared { load, comparison } if load == self.loads => {
                return self.update(Action::Recompared(comparison));
            }
            Event::Recompared { comparison, .. } => reclaim::free_aside_if(true, comparison),
            Event::RetryWatch => {
                self.retry_pending = false;
                if self.app.watch_lost().is_some() {
                    return self.rewatch();
                }
            }
            Event::WatchFailed(reason) => {
                self.events.unwatch();
                self.retry_watch_later();
                return self.update(Action::WatchFailed(reason));
            }
            Event::InputFailed(reason) => anyhow::bail!("could not read the terminal: {reason}"),
            Event::Terminate(signal) => return Ok(Some(Exit::Signal(signal))),
            Event::Suspend => self.suspend()?,
            Event::Continued => self.resume()?,
        }
        Ok(None)
    }

    /// Applies an action and does what its effect asks.
    fn update(&mut self, action: Action) -> anyhow::Result<Option<Exit>> {
        match self.app.update(action) {
            Effect::None => {}
            Effect::Redraw => self.dirty = true,
            Effect::Quit => return Ok(Some(Exit::Quit)),
            Effect::Suspend => self.suspend()?,
            Effect::Reload if self.app.watch_lost().is_some() => {
                if let Some(exit) = self.watch_again()? {
                    return Ok(Some(exit));
                }
                return self.reload(true);
            }
            Effect::Reload => return self.reload(true),
            Effect::OpenEditor { line, column } => return self.open_editor(line, column),
            Effect::Save(edit) => return self.save(edit),
            Effect::Clipboard(sequence) => {
                self.copy(&sequence)?;
                self.dirty = true;
            }
        }
        Ok(None)
    }

    /// Writes an OSC 52 sequence through the screen's own writer, between
    /// frames, so it never lands inside one.
    fn copy(&mut self, sequence: &str) -> anyhow::Result<()> {
        let out = self.screen.backend_mut();
        out.write_all(sequence.as_bytes())
            .and_then(|()| out.flush())
            .context("could not write to the terminal")
    }

    /// Watches the path again (its directory was replaced, or events were
    /// lost) and reloads what may have changed unseen.
    fn rewatch(&mut self) -> anyhow::Result<Option<Exit>> {
        if let Some(exit) = self.watch_again()? {
            return Ok(Some(exit));
        }
        self.reload(false)
    }

    /// Starts a new watch of the path; while that fails, the footer says
    /// live reload is off and another try comes after a pause.
    fn watch_again(&mut self) -> anyhow::Result<Option<Exit>> {
        match self.events.watch_file(&self.path) {
            Ok(()) => self.update(Action::WatchRestored),
            Err(reason) => {
                self.retry_watch_later();
                self.update(Action::WatchFailed(reason))
            }
        }
    }

    /// One try at a time: `r` pressed while a try is pending adds none.
    fn retry_watch_later(&mut self) {
        if !self.retry_pending {
            self.retry_pending = true;
            self.events.retry_watch_after(REWATCH_DELAY);
        }
    }

    /// Re-reads the file. Unless `forced` (the `r` key), text identical to
    /// what was last read is skipped: no reload, no redraw; `forced`, it
    /// reads the history again and says when. A change the
    /// document shown can take by re-reading only what changed is re-read
    /// alone (see `Document::reread`); anything else is loaded whole.
    fn reload(&mut self, forced: bool) -> anyhow::Result<Option<Exit>> {
        let loaded = match load::read(&self.path) {
            Ok(text) if self.app.last_read() == Some(text.as_str()) => {
                if !forced {
                    return Ok(None);
                }
                // `r` on the text shown: parsing it again would give the
                // same figures (a whole plan more in memory for a moment),
                // but a commit since changes the history.
                self.dirty = true;
                self.read_history(None);
                return self.update(Action::LoadedAt(now()));
            }
            Ok(text) => {
                let reread = self.app.document().and_then(|shown| shown.reread(&text));
                let action = match reread {
                    Some(reread) => Action::Reread {
                        reread: Box::new(reread),
                        text,
                    },
                    None => {
                        Action::Loaded(Box::new(Ok(Opened::parse(&self.path, text, self.options))))
                    }
                };
                // New text: a commit or a new working copy changes the history.
                return self.take_load(action, true);
            }
            Err(ReadError::NotFound { .. }) => return self.update(Action::FileMissing),
            Err(err) => Err(err),
        };
        self.take_load(Action::Loaded(Box::new(loaded)), false)
    }

    /// Hands the app a load (`Loaded` or `Reread`) and says when; with
    /// `read_history`, reads the history again (it compares with the new
    /// figures); else a comparison set aside comes back as it was.
    fn take_load(&mut self, action: Action, read_history: bool) -> anyhow::Result<Option<Exit>> {
        self.dirty = true;
        self.loads += 1;
        if let Some(exit) = self.update(action)? {
            return Ok(Some(exit));
        }
        if read_history {
            self.read_history(None);
        } else if let Some(aside) = self.app.take_comparison_aside() {
            // The figures shown did not change (the file could not be read).
            self.update(Action::Recompared(Box::new(aside)))?;
        }
        self.update(Action::LoadedAt(now()))
    }

    /// Reads the history again, off the loop (at start, and when the file
    /// changed: a commit or a new working copy changes what it holds), and
    /// compares it there with the figures shown. `read`: a history read
    /// already, to compare only.
    fn read_history(&mut self, read: Option<History>) {
        self.history_generation += 1;
        let redo = self.app.take_comparison_aside();
        let shown = self.app.document().map(|document| Shown {
            text: document.shared_text(),
            options: self.options,
            load: self.loads,
            redo,
        });
        self.events.read_history(Request {
            path: self.path.clone(),
            options: crate::history::Options {
                today: self.options.today,
            },
            generation: self.history_generation,
            since: self.app.wanted_since(),
            shown,
            read,
        });
    }

    /// Hands the terminal to the editor, takes it back, and reloads.
    fn open_editor(&mut self, line: usize, column: usize) -> anyhow::Result<Option<Exit>> {
        // Park the input thread first, or it would race the editor for keys.
        self.events.pause_input();
        terminal::restore(&mut self.screen).context("could not restore the terminal")?;
        let outcome = editor::run(&self.app.settings().editor, &self.path, line, column);
        terminal::enter().context("could not take the terminal back")?;
        terminal::redraw_all(&mut self.screen).context("could not clear the screen")?;
        self.events.forget_child_signals();
        self.events.resume_input();
        self.dirty = true;
        if let Err(reason) = outcome
            && let Some(exit) = self.update(Action::EditorFailed(reason))?
        {
            return Ok(Some(exit));
        }
        self.reload(false)
    }

    /// Records progress through the one write-back path and shows the new
    /// figures at once; the text written becomes the last read, so that
    /// the watch event of this very save is not a reload.
    /// Saves at once when no other writer holds the lock; else the save
    /// waits on its own thread (`Events::save_waiting`) and the footer says so.
    fn save(&mut self, request: edit::Edit) -> anyhow::Result<Option<Exit>> {
        let document = self.app.document();
        let now = edit::apply_within(&self.path, &request, self.options, document, Duration::ZERO);
        match now {
            Err(edit::EditError::LockTimeout { .. }) => {
                self.events
                    .save_waiting(self.path.clone(), request, self.options);
                self.update(Action::SaveWaiting)
            }
            ended => self.save_ended(ended),
        }
    }

    /// Shows what a save did: the new figures and the summary, or the error.
    fn save_ended(
        &mut self,
        ended: Result<edit::Saved, edit::EditError>,
    ) -> anyhow::Result<Option<Exit>> {
        let saved = match ended {
            Ok(saved) => saved,
            Err(err) => return self.update(Action::Saved(Err(err.to_string()))),
        };
        // The write-back already read the new text to validate it.
        let taken = match saved.written {
            edit::Written::Whole(document) => {
                Some(Action::Loaded(Box::new(Ok(Opened::Valid(document)))))
            }
            edit::Written::Reread { reread, text } => Some(Action::Reread {
                reread: Box::new(reread),
                text,
            }),
            edit::Written::Unchanged { .. } => None,
        };
        self.dirty = true;
        if let Some(action) = taken
            && let Some(exit) = self.take_load(action, true)?
        {
            return Ok(Some(exit));
        }
        self.update(Action::Saved(Ok(saved.summary)))
    }

    /// SIGTSTP or Ctrl-Z: give the terminal back and stop. SIGCONT arrives as
    /// `Event::Continued`, which takes it over again.
    fn suspend(&mut self) -> anyhow::Result<()> {
        terminal::restore(&mut self.screen).context("could not restore the terminal")?;
        // SIGSTOP stops every thread until SIGCONT.
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP).context("could not stop")?;
        Ok(())
    }

    /// After SIGCONT: the shell may have reset the terminal while we were
    /// stopped, so set it up again and send the whole frame.
    fn resume(&mut self) -> anyhow::Result<()> {
        terminal::enter().context("could not take the terminal back")?;
        terminal::redraw_all(&mut self.screen).context("could not clear the screen")?;
        self.dirty = true;
        Ok(())
    }
}
