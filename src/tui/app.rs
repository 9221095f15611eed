//! The review screen's state and the one function that changes it.
//! `App::update` is pure: no I/O, no drawing; it says what the caller must
//! do with an [`Effect`].

pub(crate) mod attention;
mod copy;
mod loading;
mod navigation;
mod outcomes;
mod progress;
mod undo;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::{Action, Command};
use super::keymap::{self, Context};
use super::rows::{self, Item, ItemKey, SortKey};
pub use super::settings::Settings;
use crate::i18n;
use crate::load::{Document, Opened, ReadError};
use crate::model::{Campaign, Level, Plan, PlanStatus, Scale, WaterClass};

pub(crate) use loading::scrolled;

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
    /// Suspend, run the editor at this line, resume, then reload.
    OpenEditor {
        line: usize,
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
    /// A text with errors: the banner says the first.
    Rejected(String),
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

/// The campaign view's state: which campaign, its rows, the selection.
pub(crate) struct CampaignView {
    pub index: usize,
    pub id: String,
    pub rows: Vec<Item>,
    pub selected: usize,
    /// What the selection is, so it survives sort, filter and reload.
    pub selected_key: Option<ItemKey>,
    /// The first row shown.
    pub offset: usize,
    pub focus: Pane,
    pub detail_scroll: u16,
}

/// A one-line prompt at the bottom (filter) or in a small box (update).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Prompt {
    Filter {
        /// The filter before the prompt opened (Esc clears, Enter keeps).
        input: String,
    },
    Update {
        item: Item,
        input: String,
        /// The input is still the current figure, shown selected: the first
        /// key typed replaces it (Backspace clears it).
        pristine: bool,
        error: Option<&'static str>,
        /// The figure looks like a typo (`error` says why): `y` saves it,
        /// any other change to the input asks again.
        confirm: bool,
    },
}

/// What a campaign view was left with.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Remembered {
    pub filter: String,
    pub selected: Option<ItemKey>,
}

/// A transient line in the footer: a save's outcome, an editor failure.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Message {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub(crate) path: PathBuf,
    pub(crate) settings: Settings,
    pub(crate) data: Option<Data>,
    pub(crate) last_read: LastRead,
    /// A failed (re)load: its first error as `file:line:col: message`.
    pub(crate) banner: Option<String>,
    pub(crate) file_missing: bool,
    pub(crate) loaded_at: Option<NaiveTime>,
    /// Why live reload is off, while it is: the footer says so until the
    /// watch is back.
    pub(crate) watch_lost: Option<String>,
    pub(crate) message: Option<Message>,
    pub(crate) view: View,
    pub(crate) overview_selected: usize,
    pub(crate) campaign: Option<CampaignView>,
    pub(crate) attention: Option<attention::AttentionView>,
    pub(crate) sort: SortKey,
    pub(crate) filter: String,
    /// The filter and selection each campaign view was left with, by
    /// campaign id: going back to it finds them again.
    pub(crate) remembered: HashMap<String, Remembered>,
    /// The last figure written from this screen, for `U`.
    pub(crate) undo: Option<undo::Undo>,
    pub(crate) prompt: Option<Prompt>,
    pub(crate) help: bool,
    pub(crate) help_scroll: u16,
    pub(crate) size: (u16, u16),
}

impl App {
    /// `loaded` is the result of `Opened::load` on `path`.
    pub fn new(path: PathBuf, loaded: Result<Opened, ReadError>, settings: Settings) -> App {
        let mut app = App {
            path,
            settings,
            data: None,
            last_read: LastRead::Nothing,
            banner: None,
            file_missing: false,
            loaded_at: None,
            watch_lost: None,
            message: None,
            view: View::Overview,
            overview_selected: 0,
            campaign: None,
            attention: None,
            sort: SortKey::default(),
            filter: String::new(),
            remembered: HashMap::new(),
            undo: None,
            prompt: None,
            help: false,
            help_scroll: 0,
            size: (80, 24),
        };
        app.loaded(loaded);
        app
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// The open campaign's id, in the campaign view.
    pub fn campaign_id(&self) -> Option<&str> {
        match self.view {
            View::Campaign => self.campaign.as_ref().map(|c| c.id.as_str()),
            View::Overview | View::Attention => None,
        }
    }

    /// The selected item's id in the campaign view (`task` or indicator).
    pub fn selected_id(&self) -> Option<&str> {
        let view = self
            .campaign
            .as_ref()
            .filter(|_| self.view == View::Campaign)?;
        let item = *view.rows.get(view.selected)?;
        let campaign = self.data.as_ref()?.plan().campaigns.get(view.index)?;
        Some(match item {
            Item::Task(i) => campaign.tasks.get(i)?.id.as_str(),
            Item::Indicator(i) => campaign.indicators.get(i)?.id.as_str(),
        })
    }

    /// The ids of the rows shown, in order (for tests and the render command).
    pub fn row_ids(&self) -> Vec<&str> {
        let (Some(view), Some(data)) = (self.campaign.as_ref(), self.data.as_ref()) else {
            return Vec::new();
        };
        let Some(campaign) = data.plan().campaigns.get(view.index) else {
            return Vec::new();
        };
        view.rows
            .iter()
            .filter_map(|item| match *item {
                Item::Task(i) => campaign.tasks.get(i).map(|t| t.id.as_str()),
                Item::Indicator(i) => campaign.indicators.get(i).map(|t| t.id.as_str()),
            })
            .collect()
    }

    /// The selected campaign on the overview (0-based).
    pub fn overview_selected(&self) -> usize {
        self.overview_selected
    }

    pub fn sort(&self) -> SortKey {
        self.sort
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn help_open(&self) -> bool {
        self.help
    }

    pub fn focus(&self) -> Pane {
        self.campaign.as_ref().map_or(Pane::List, |c| c.focus)
    }

    pub fn banner(&self) -> Option<&str> {
        self.banner.as_deref()
    }

    pub fn file_missing(&self) -> bool {
        self.file_missing
    }

    /// The footer's transient message, if any.
    /// Why live reload is off, while it is.
    pub fn watch_lost(&self) -> Option<&str> {
        self.watch_lost.as_deref()
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.text.as_str())
    }

    /// The done count of a task as the screen has it (for tests).
    pub fn task_done(&self, campaign: &str, task: &str) -> Option<f64> {
        let plan = self.data.as_ref()?.plan();
        Some(plan.campaign(campaign)?.task(task)?.done)
    }

    /// Whether a prompt (filter or update) is open.
    pub fn prompt_open(&self) -> bool {
        self.prompt.is_some()
    }

    pub fn plan(&self) -> Option<&Plan> {
        self.data.as_ref().map(Data::plan)
    }

    /// The document shown: what a re-read or a save starts from.
    pub fn document(&self) -> Option<&Document> {
        self.data.as_ref().map(|data| &data.document)
    }

    /// The text the file held when it was last read, if it was.
    pub fn last_read(&self) -> Option<&str> {
        match &self.last_read {
            LastRead::Shown => self.document().map(Document::text),
            LastRead::Rejected(text) => Some(text),
            LastRead::Nothing => None,
        }
    }

    pub(crate) fn open_campaign(&self) -> Option<(&Campaign, &CampaignView)> {
        let view = self.campaign.as_ref()?;
        let campaign = self.plan()?.campaigns.get(view.index)?;
        Some((campaign, view))
    }

    fn campaign_count(&self) -> usize {
        self.plan().map_or(0, |p| p.campaigns.len())
    }

    /// The key context: a prompt, the help, or the view.
    pub fn context(&self) -> Context {
        match (&self.prompt, self.help, self.view) {
            (Some(Prompt::Filter { .. }), _, _) => Context::Filter,
            (Some(Prompt::Update { .. }), _, _) => Context::Update,
            (None, true, _) => Context::Help,
            (None, false, View::Overview) => Context::Overview,
            (None, false, View::Campaign) => Context::Campaign,
            (None, false, View::Attention) => Context::Attention,
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        let effect = self.take(action);
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
                if self.size == (width, height) {
                    return Effect::None;
                }
                self.size = (width, height);
                self.keep_selection_visible();
                Effect::Redraw
            }
            // New content: a message about the old one ("saved 110 → 53",
            // "save failed: the file has errors") no longer holds.
            Action::Loaded(loaded) => {
                self.message = None;
                self.loaded(*loaded);
                Effect::Redraw
            }
            Action::Reread { reread, text } => {
                self.message = None;
                self.reread(*reread, text);
                Effect::Redraw
            }
            other => self.outcome(other),
        }
    }

    fn set_message(&mut self, text: String, error: bool) {
        self.message = Some(Message {
            text: crate::text::sanitize_line(&text),
            error,
        });
    }

    fn key(&mut self, key: KeyEvent) -> Effect {
        if key.kind == KeyEventKind::Release {
            return Effect::None;
        }
        let context = self.context();
        if let Some(command) = keymap::lookup(&key, context) {
            return self.command(command);
        }
        // A prompt takes the characters no binding claimed.
        if matches!(context, Context::Filter | Context::Update)
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
            MouseEventKind::Down(MouseButton::Left) if self.prompt.is_none() && !self.help => {
                self.click(mouse.column, mouse.row)
            }
            _ => Effect::None,
        }
    }

    fn command(&mut self, command: Command) -> Effect {
        // A transient message lasts until the next thing the user does.
        let had_message = self.message.take().is_some();
        let effect = match (&self.prompt, self.help) {
            (Some(_), _) => self.prompt_command(command),
            (None, true) => self.help_command(command),
            (None, false) => self.view_command(command),
        };
        match effect {
            Effect::None if had_message => Effect::Redraw,
            effect => effect,
        }
    }
}
