//! The review screen's state and the one function that changes it.
//! `App::update` is pure: no I/O, no drawing; it says what the caller must
//! do with an [`Effect`]. Each view and overlay owns its state and its
//! update in a file of its own (`overview_view`, `campaign_view`,
//! `attention/view`, `problems_view`, `help_view`, `prompt`), given what it
//! needs as arguments; `App` holds which view is open and what they all
//! share (the document, settings, history, screen size) and dispatches.

pub(crate) mod attention;
mod campaign_view;
mod changes_list;
mod copy;
mod help_view;
mod history;
mod layout;
mod loading;
mod moves;
mod navigation;
mod outcomes;
mod overview_view;
pub(crate) mod problems;
mod problems_view;
mod progress;
mod prompt;
mod read_only;
pub(crate) mod search;
mod state;
mod undo;
mod update_prompt;

use std::path::PathBuf;

use chrono::NaiveTime;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::{Action, Command};
use super::keymap::Context;
use super::rows::{self, Item};
pub use super::settings::Settings;
use crate::load::{Document, Opened, ReadError};
use crate::model::{Plan, PlanStatus};

pub(crate) use campaign_view::CampaignView;
pub use problems::Problems;
pub(crate) use prompt::Prompt;

/// A progress update to write back, through the one write-back path.
pub use crate::edit::{Change, Edit};

/// What the event loop must do after an update.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Nothing changed: do not redraw (a key that changes nothing costs 0 bytes).
    None,
    /// State changed: draw once.
    Redraw,
    Quit,
    /// Re-read the file (the loop reads it and sends `Action::Reread` or `Action::Loaded`).
    Reload,
    /// Give the terminal back and stop; take it over again after SIGCONT.
    Suspend,
    /// Suspend, run the editor at this line (and column, when one is
    /// known: 0 is none), resume, then reload.
    OpenEditor {
        line: usize,
        column: usize,
    },
    /// Apply via the write-back path, then send `Action::Loaded` with the
    /// text written (so the screen shows it) and `Action::Saved`.
    Save(Edit),
    /// Write this OSC 52 sequence to the terminal (through the screen's
    /// own output): the terminal puts its text on the clipboard.
    Clipboard(String),
}

/// The last good document and what was computed from it at load time.
pub(crate) struct Data {
    pub document: Document,
    pub status: PlanStatus,
    /// Per campaign, the items that need attention, worst first (for the cards).
    pub attention: Vec<Vec<Item>>,
    /// Per campaign, the list's column widths.
    pub widths: Vec<rows::ListWidths>,
    /// The attention list (督办清单) over every campaign.
    pub plan_attention: attention::AttentionList,
    /// Whether any value of the plan is marked assumed (the header's legend):
    /// found at the load, not by a scan of every task in each frame.
    pub any_assumed: bool,
}

impl Data {
    pub fn plan(&self) -> &Plan {
        self.document.plan()
    }

    pub fn warnings(&self) -> usize {
        self.document.warnings().len()
    }
}

/// The text the file held when it was last read, to tell a change event
/// that brings the same bytes (the app's own save, an editor writing the
/// text unchanged) from a real change.
#[derive(Debug)]
pub(crate) enum LastRead {
    /// The text of the document shown.
    Shown,
    /// A text with errors: the banner holds it and says the first.
    Rejected,
    /// Nothing: the file is missing or could not be read, so whatever
    /// comes next is new, even the same bytes.
    Nothing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Overview,
    Campaign,
    /// The attention list (督办清单) over every campaign.
    Attention,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    List,
    Detail,
}

/// A transient line in the footer: a save's outcome, an editor failure.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Message {
    pub text: String,
    pub error: bool,
}

/// The file shown and how its last read went.
pub(crate) struct FileState {
    pub path: PathBuf,
    pub last_read: LastRead,
    /// A failed (re)load: the banner says its first error.
    pub banner: Option<problems::Banner>,
    pub missing: bool,
    pub loaded_at: Option<NaiveTime>,
    /// Why live reload is off, while it is: the footer says so until the
    /// watch is back.
    pub watch_lost: Option<String>,
    /// A unit of a roll-up: nothing is written from this screen.
    pub read_only: bool,
}

/// Where the user is in the views that outlive a visit: the card selected,
/// the search and the changes list, the lists across campaigns.
#[derive(Default)]
pub(crate) struct Lists {
    pub overview: overview_view::OverviewView,
    /// The last search across campaigns, for its results and `n`/`N`.
    pub search: Option<search::Search>,
    /// The changes list, once opened (`d`).
    pub changes_list: Option<attention::AttentionList>,
    /// The lists across campaigns are grouped by lead (责任单位): `o`, or `s` in them.
    pub by_lead: bool,
    /// The attention list grouped by lead, while `by_lead` holds.
    pub attention_by_lead: Option<attention::AttentionList>,
    /// What falls due soon (临期), once opened (`t`).
    pub due_soon: Option<attention::AttentionList>,
    /// Every item for the year view, once opened (`y`).
    pub year: Option<attention::AttentionList>,
    /// The file's own history points for the year view, when git holds none.
    pub year_from_file: Option<crate::report::yoy::Yoy>,
    /// The year view's widest cells over every row (`year_cells::widest`).
    pub year_widest: Option<[u16; crate::tui::year_cells::COLUMNS]>,
}

/// What stands over the view for a while: a prompt, the problems panel,
/// the help, a transient message in the footer.
#[derive(Default)]
pub(crate) struct Overlay {
    pub prompt: Option<Prompt>,
    /// The problems panel, while it is open.
    pub problems: Option<problems_view::ProblemsView>,
    /// The help, while it is open.
    pub help: Option<help_view::HelpView>,
    pub message: Option<Message>,
}

/// The terminal's last reported size and what the panes measured in it.
pub(crate) struct ScreenSize {
    pub size: (u16, u16),
    pub measures: crate::tui::geometry::Measures,
}

/// The file's git history, the baseline asked for, and what moved since.
pub(crate) struct Comparison {
    pub history: crate::tui::changes::HistoryState,
    /// Which baseline `--since` asked for.
    pub since: crate::history::Since,
    /// `b` / `B` moved the baseline: a re-read history keeps it.
    pub baseline_stepped: bool,
    /// The shown document's `follows` problems `check` reports, found
    /// against the history (none while it is read).
    pub follows: Vec<crate::load::Diagnostic>,
}

/// The screen's state: which view is open, each view's own state, and what
/// they all share.
pub struct App {
    settings: Settings,
    data: Option<Data>,
    file: FileState,
    view: View,
    campaign: campaign_view::Campaigns,
    attention: Option<attention::AttentionView>,
    lists: Lists,
    overlay: Overlay,
    /// The figures written from this screen, for `U`.
    undo: undo::Undos,
    screen: ScreenSize,
    comparison: Comparison,
    /// What was let go (replaced plans, histories), for the event loop to
    /// free off the screen's way.
    retired: crate::tui::retiring::Retiring,
}

impl App {
    /// `loaded` is the result of `Opened::load` on `path`.
    pub fn new(path: PathBuf, loaded: Result<Opened, ReadError>, settings: Settings) -> App {
        let mut app = App {
            settings,
            data: None,
            file: FileState {
                path,
                last_read: LastRead::Nothing,
                banner: None,
                missing: false,
                loaded_at: None,
                watch_lost: None,
                read_only: false,
            },
            view: View::Overview,
            campaign: Default::default(),
            attention: None,
            lists: Lists::default(),
            overlay: Overlay::default(),
            undo: undo::Undos::default(),
            screen: ScreenSize {
                size: (80, 24),
                measures: Default::default(),
            },
            comparison: Comparison {
                history: Default::default(),
                since: crate::history::Since::LastReport,
                baseline_stepped: false,
                follows: Vec::new(),
            },
            retired: Default::default(),
        };
        app.loaded(loaded);
        app
    }

    /// The key context: a prompt, the help, or the view.
    pub fn context(&self) -> Context {
        match (&self.overlay.prompt, self.overlay.help.is_some(), self.view) {
            (Some(Prompt::Filter { .. }), _, _) => Context::Filter,
            (Some(Prompt::Search { .. }), _, _) => Context::Search,
            (Some(Prompt::Update { .. }), _, _) => Context::Update,
            (None, true, _) => Context::Help,
            (None, false, _) if self.overlay.problems.is_some() => Context::Problems,
            (None, false, View::Overview) => Context::Overview,
            (None, false, View::Campaign) => Context::Campaign,
            (None, false, View::Attention) => Context::Attention,
        }
    }

    /// The state's one transition; [`App::update`] (the screen) also has
    /// the panes measure the result.
    pub(crate) fn apply(&mut self, action: Action) -> Effect {
        let effect = self.take(action);
        let effect = self.unless_read_only(effect);
        if let Effect::Save(edit) = &effect {
            self.saving(edit);
        }
        effect
    }

    fn take(&mut self, action: Action) -> Effect {
        match action {
            Action::Do(command) => self.command(command),
            Action::Key(key) => self.key(key),
            Action::Mouse(mouse) => self.mouse(mouse),
            Action::Paste(text) => self.paste(&text),
            Action::Resize(width, height) => {
                if self.screen.size == (width, height) {
                    return Effect::None;
                }
                self.screen.size = (width, height);
                self.keep_selection_visible();
                Effect::Redraw
            }
            // New content: a message about the old one ("saved 110 → 53",
            // "save failed: the file has errors") no longer holds.
            Action::Loaded(loaded) => {
                self.overlay.message = None;
                self.loaded(*loaded);
                self.compare_history();
                Effect::Redraw
            }
            Action::Reread { reread, text } => {
                self.overlay.message = None;
                self.reread(*reread, text);
                self.compare_history();
                Effect::Redraw
            }
            other => self.outcome(other),
        }
    }

    fn set_message(&mut self, text: String, error: bool) {
        self.overlay.message = Some(Message {
            text: crate::text::sanitize_line(&text),
            error,
        });
    }

    fn key(&mut self, key: KeyEvent) -> Effect {
        if key.kind == KeyEventKind::Release {
            return Effect::None;
        }
        let context = self.context();
        if let Some(command) = self.settings.keymap.lookup(&key, context) {
            return self.command(command);
        }
        // A prompt takes the characters no binding claimed.
        if context.is_prompt()
            && let KeyCode::Char(c) = key.code
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return self.command(Command::Input(c));
        }
        Effect::None
    }

    fn mouse(&mut self, mouse: MouseEvent) -> Effect {
        if !self.settings.mouse {
            return Effect::None;
        }
        match mouse.kind {
            MouseEventKind::ScrollUp => self.command(Command::Up),
            MouseEventKind::ScrollDown => self.command(Command::Down),
            MouseEventKind::Down(MouseButton::Left)
                if self.overlay.prompt.is_none()
                    && self.overlay.help.is_none()
                    && self.overlay.problems.is_none() =>
            {
                self.click(mouse.column, mouse.row)
            }
            _ => Effect::None,
        }
    }

    fn command(&mut self, command: Command) -> Effect {
        // Raw mode turns off the terminal's own Ctrl-Z: the screen does what
        // the shell would, from anywhere, leaving the state as it is.
        if command == Command::Suspend {
            return Effect::Suspend;
        }
        if let Some(refused) = self.refused_when_read_only(command) {
            return refused;
        }
        // A transient message lasts until the next thing the user does.
        let had_message = self.overlay.message.take().is_some();
        let effect = match (&self.overlay.prompt, self.overlay.help.is_some()) {
            (Some(_), _) => self.prompt_command(command),
            (None, true) => self.help_command(command),
            (None, false) if self.overlay.problems.is_some() => self.problems_command(command),
            (None, false) => self.view_command(command),
        };
        match effect {
            Effect::None if had_message => Effect::Redraw,
            effect => effect,
        }
    }
}
