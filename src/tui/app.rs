//! The review screen's state and the one function that changes it.
//! `App::update` is pure: no I/O, no drawing; it says what the caller must
//! do with an [`Effect`].

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::{Action, Command};
use super::keymap::{self, Context};
use super::rows::{self, Item, ItemKey, SortKey};
use crate::i18n;
use crate::load::{Document, ReadError};
use crate::model::{Campaign, Lang, Level, Plan, PlanStatus, Scale, WaterClass};

/// How the screen is shown; fixed at start except the language (`L`).
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub lang: Lang,
    pub ascii: bool,
    pub color: bool,
    pub mouse: bool,
    /// `--as-of`: overrides the file's reporting date.
    pub as_of: Option<NaiveDate>,
    /// The date used when neither `--as-of` nor the file gives one.
    pub today: NaiveDate,
}

/// A progress update to write back. Mirrors `campaigns::edit::Edit` (being
/// built on another branch) field for field, so switching is a rename.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub campaign: String,
    pub item: String,
    pub change: Option<Change>,
    pub note: Option<String>,
    pub record: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    SetDone(f64),
    AddDone(f64),
    SetValue(String),
}

/// What the event loop must do after an update.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Nothing changed: do not redraw (a key that changes nothing costs 0 bytes).
    None,
    /// State changed: draw once.
    Redraw,
    Quit,
    /// Re-read the file (the loop calls `Document::load` and sends `Action::Loaded`).
    Reload,
    /// Suspend, run the editor at this line, resume, then reload.
    OpenEditor {
        line: usize,
    },
    /// Apply via the write-back path, then send `Action::Saved`.
    Save(Edit),
}

/// The last good plan and what was computed from it at load time.
pub(crate) struct Data {
    pub plan: Plan,
    pub status: PlanStatus,
    pub warnings: usize,
    /// Per campaign, the items that need attention, worst first (for the cards).
    pub attention: Vec<Vec<Item>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Overview,
    Campaign,
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
        error: Option<&'static str>,
    },
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
    /// A failed (re)load: its first error as `file:line:col: message`.
    pub(crate) banner: Option<String>,
    pub(crate) file_missing: bool,
    pub(crate) loaded_at: Option<NaiveTime>,
    pub(crate) message: Option<Message>,
    pub(crate) view: View,
    pub(crate) overview_selected: usize,
    pub(crate) campaign: Option<CampaignView>,
    pub(crate) sort: SortKey,
    pub(crate) filter: String,
    pub(crate) prompt: Option<Prompt>,
    pub(crate) help: bool,
    pub(crate) help_scroll: u16,
    pub(crate) size: (u16, u16),
}

impl App {
    /// `loaded` is the result of `Document::load` on `path`.
    pub fn new(path: PathBuf, loaded: Result<Document, ReadError>, settings: Settings) -> App {
        let mut app = App {
            path,
            settings,
            data: None,
            banner: None,
            file_missing: false,
            loaded_at: None,
            message: None,
            view: View::Overview,
            overview_selected: 0,
            campaign: None,
            sort: SortKey::default(),
            filter: String::new(),
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
            View::Overview => None,
        }
    }

    /// The selected item's id in the campaign view (`task` or indicator).
    pub fn selected_id(&self) -> Option<&str> {
        let view = self
            .campaign
            .as_ref()
            .filter(|_| self.view == View::Campaign)?;
        let item = *view.rows.get(view.selected)?;
        let campaign = self.data.as_ref()?.plan.campaigns.get(view.index)?;
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
        let Some(campaign) = data.plan.campaigns.get(view.index) else {
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
    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.text.as_str())
    }

    /// The done count of a task as the screen has it (for tests).
    pub fn task_done(&self, campaign: &str, task: &str) -> Option<f64> {
        let plan = &self.data.as_ref()?.plan;
        Some(plan.campaign(campaign)?.task(task)?.done)
    }

    /// Whether a prompt (filter or update) is open.
    pub fn prompt_open(&self) -> bool {
        self.prompt.is_some()
    }

    pub(crate) fn plan(&self) -> Option<&Plan> {
        self.data.as_ref().map(|d| &d.plan)
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
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Do(command) => self.command(command),
            Action::Key(key) => self.key(key),
            Action::Mouse(mouse) => self.mouse(mouse),
            Action::Resize(width, height) => {
                if self.size == (width, height) {
                    return Effect::None;
                }
                self.size = (width, height);
                self.keep_selection_visible();
                Effect::Redraw
            }
            Action::Loaded(loaded) => {
                self.loaded(*loaded);
                Effect::Redraw
            }
            Action::LoadedAt(time) => {
                self.loaded_at = Some(time);
                Effect::Redraw
            }
            Action::FileMissing => {
                if self.file_missing {
                    return Effect::None;
                }
                self.file_missing = true;
                Effect::Redraw
            }
            Action::Saved(outcome) => {
                let s = i18n::strings(self.settings.lang);
                match outcome {
                    Ok(summary) => {
                        self.set_message(format!("{}: {summary}", s.saved), false);
                        // Show the figure as written: read the file back.
                        Effect::Reload
                    }
                    Err(reason) => {
                        self.set_message(format!("{}: {reason}", s.save_failed), true);
                        Effect::Redraw
                    }
                }
            }
            Action::EditorFailed(reason) => {
                let s = i18n::strings(self.settings.lang);
                self.set_message(format!("{}: {reason}", s.editor_failed), true);
                Effect::Redraw
            }
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

    /// A click selects the card or row under it; a click on the selected
    /// card opens it; a click in the detail pane focuses it.
    fn click(&mut self, column: u16, row: u16) -> Effect {
        match self.view {
            View::Overview => match super::ui::overview::card_at(self, column, row) {
                Some(index) if index == self.overview_selected => self.open(index),
                Some(index) => self.move_overview(index),
                None => Effect::None,
            },
            View::Campaign => match super::ui::campaign::hit(self, column, row) {
                Some(super::ui::campaign::Hit::Row(index)) => {
                    let focus_changed = self.campaign.as_mut().is_some_and(|view| {
                        std::mem::replace(&mut view.focus, Pane::List) != Pane::List
                    });
                    match self.select(index) {
                        Effect::None if focus_changed => Effect::Redraw,
                        effect => effect,
                    }
                }
                Some(super::ui::campaign::Hit::Detail) => match self.campaign.as_mut() {
                    Some(view) if view.focus != Pane::Detail => {
                        view.focus = Pane::Detail;
                        Effect::Redraw
                    }
                    _ => Effect::None,
                },
                None => Effect::None,
            },
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

    fn help_command(&mut self, command: Command) -> Effect {
        match command {
            Command::Back | Command::BackOrQuit | Command::ToggleHelp => {
                self.help = false;
                self.help_scroll = 0;
                Effect::Redraw
            }
            Command::Up if self.help_scroll > 0 => {
                self.help_scroll -= 1;
                Effect::Redraw
            }
            Command::Down if self.help_scroll < super::ui::help::max_scroll(self) => {
                self.help_scroll += 1;
                Effect::Redraw
            }
            Command::ToggleLang | Command::Reload | Command::Quit => self.view_command(command),
            _ => Effect::None,
        }
    }

    fn view_command(&mut self, command: Command) -> Effect {
        match command {
            Command::Quit => Effect::Quit,
            Command::ToggleHelp => {
                self.help = true;
                Effect::Redraw
            }
            Command::ToggleLang => {
                self.settings.lang = self.settings.lang.other();
                // Name order and name matches depend on the language.
                self.rebuild_rows();
                Effect::Redraw
            }
            Command::Reload => Effect::Reload,
            Command::Jump(n) => self.open(n.saturating_sub(1)),
            Command::OpenEditor => self
                .editor_line()
                .map_or(Effect::None, |line| Effect::OpenEditor { line }),
            _ => match self.view {
                View::Overview => self.overview_command(command),
                View::Campaign => self.campaign_command(command),
            },
        }
    }

    fn overview_command(&mut self, command: Command) -> Effect {
        let count = self.campaign_count();
        if count == 0 {
            return match command {
                Command::BackOrQuit => Effect::Quit,
                _ => Effect::None,
            };
        }
        let columns = super::ui::overview::columns(self.size.0, count);
        let current = self.overview_selected;
        let target = match command {
            Command::BackOrQuit => return Effect::Quit,
            Command::Enter => return self.open(current),
            Command::Left => current.saturating_sub(1),
            Command::Right => (current + 1).min(count - 1),
            Command::Up => current.saturating_sub(columns),
            Command::Down if current + columns < count => current + columns,
            Command::Down => current,
            Command::Top => 0,
            Command::PageUp => current.saturating_sub(columns * self.overview_page_rows()),
            Command::Bottom => count - 1,
            Command::PageDown => (current + columns * self.overview_page_rows()).min(count - 1),
            _ => return Effect::None,
        };
        self.move_overview(target)
    }

    fn overview_page_rows(&self) -> usize {
        super::ui::overview::visible_rows(self).max(1)
    }

    fn move_overview(&mut self, target: usize) -> Effect {
        if target == self.overview_selected {
            return Effect::None;
        }
        self.overview_selected = target;
        Effect::Redraw
    }

    /// Opens the campaign at `index` (0-based), keeping sort and filter.
    fn open(&mut self, index: usize) -> Effect {
        let Some(campaign) = self.plan().and_then(|p| p.campaigns.get(index)) else {
            return Effect::None;
        };
        if self.view == View::Campaign && self.campaign.as_ref().is_some_and(|c| c.index == index) {
            return Effect::None;
        }
        let id = campaign.id.clone();
        self.overview_selected = index;
        self.view = View::Campaign;
        self.campaign = Some(CampaignView {
            index,
            id,
            rows: Vec::new(),
            selected: 0,
            selected_key: None,
            offset: 0,
            focus: Pane::List,
            detail_scroll: 0,
        });
        self.rebuild_rows();
        Effect::Redraw
    }

    fn campaign_command(&mut self, command: Command) -> Effect {
        let Some(view) = self.campaign.as_mut() else {
            self.view = View::Overview;
            return Effect::Redraw;
        };
        let focus = view.focus;
        match command {
            Command::Back | Command::BackOrQuit => {
                if focus == Pane::Detail {
                    view.focus = Pane::List;
                } else if !self.filter.is_empty() && command == Command::Back {
                    // Esc first clears a filter, then leaves.
                    self.filter.clear();
                    self.rebuild_rows();
                } else {
                    self.view = View::Overview;
                }
                Effect::Redraw
            }
            Command::Enter | Command::Right | Command::NextPane | Command::PrevPane
                if focus == Pane::List =>
            {
                view.focus = Pane::Detail;
                view.detail_scroll = 0;
                Effect::Redraw
            }
            Command::Left | Command::NextPane | Command::PrevPane if focus == Pane::Detail => {
                view.focus = Pane::List;
                Effect::Redraw
            }
            Command::Up | Command::Down | Command::Top | Command::Bottom
                if focus == Pane::Detail =>
            {
                let scroll = match command {
                    Command::Up | Command::Top if view.detail_scroll == 0 => return Effect::None,
                    Command::Up => view.detail_scroll - 1,
                    Command::Top => 0,
                    Command::Down => view.detail_scroll.saturating_add(1),
                    _ => u16::MAX,
                };
                let max = super::ui::detail::max_scroll(self);
                let Some(view) = self.campaign.as_mut() else {
                    return Effect::None;
                };
                let scroll = scroll.min(max);
                if scroll == view.detail_scroll {
                    return Effect::None;
                }
                view.detail_scroll = scroll;
                Effect::Redraw
            }
            Command::Up
            | Command::Down
            | Command::Top
            | Command::Bottom
            | Command::PageUp
            | Command::PageDown => {
                let len = view.rows.len();
                if len == 0 {
                    return Effect::None;
                }
                let page = super::ui::campaign::list_rows(self).max(1);
                let Some(view) = self.campaign.as_mut() else {
                    return Effect::None;
                };
                let current = view.selected.min(len - 1);
                let target = match command {
                    Command::Up => current.saturating_sub(1),
                    Command::Down => (current + 1).min(len - 1),
                    Command::Top => 0,
                    Command::Bottom => len - 1,
                    Command::PageUp => current.saturating_sub(page),
                    _ => (current + page).min(len - 1),
                };
                self.select(target)
            }
            Command::StartFilter => {
                self.prompt = Some(Prompt::Filter {
                    input: self.filter.clone(),
                });
                Effect::Redraw
            }
            Command::CycleSort => {
                self.sort = self.sort.next();
                self.rebuild_rows();
                Effect::Redraw
            }
            Command::Increment | Command::Decrement => self.step_done(command),
            Command::StartUpdate => self.start_update(),
            _ => Effect::None,
        }
    }

    fn select(&mut self, target: usize) -> Effect {
        let key = self
            .open_campaign()
            .and_then(|(campaign, view)| view.rows.get(target).and_then(|i| i.key(campaign)));
        let Some(view) = self.campaign.as_mut() else {
            return Effect::None;
        };
        if target == view.selected && key == view.selected_key {
            return Effect::None;
        }
        view.selected = target;
        view.selected_key = key;
        view.detail_scroll = 0;
        self.keep_selection_visible();
        Effect::Redraw
    }

    fn selected_item(&self) -> Option<Item> {
        let view = self
            .campaign
            .as_ref()
            .filter(|_| self.view == View::Campaign)?;
        view.rows.get(view.selected).copied()
    }

    fn step_done(&mut self, command: Command) -> Effect {
        let s = i18n::strings(self.settings.lang);
        let Some((campaign, view)) = self.open_campaign() else {
            return Effect::None;
        };
        let Some(Item::Task(index)) = view.rows.get(view.selected).copied() else {
            self.set_message(s.only_tasks.to_owned(), true);
            return Effect::Redraw;
        };
        let Some(task) = campaign.tasks.get(index) else {
            return Effect::None;
        };
        let step = if command == Command::Increment {
            1.0
        } else {
            -1.0
        };
        if task.done + step < 0.0 {
            self.set_message(s.negative.to_owned(), true);
            return Effect::Redraw;
        }
        Effect::Save(Edit {
            campaign: campaign.id.clone(),
            item: task.id.clone(),
            change: Some(Change::AddDone(step)),
            note: None,
            record: None,
        })
    }

    fn start_update(&mut self) -> Effect {
        let s = i18n::strings(self.settings.lang);
        let Some((campaign, view)) = self.open_campaign() else {
            return Effect::None;
        };
        let Some(item) = view.rows.get(view.selected).copied() else {
            self.set_message(s.nothing_selected.to_owned(), true);
            return Effect::Redraw;
        };
        // Start from the current figure: most updates change a digit or two.
        let input = match item {
            Item::Task(i) => campaign.tasks.get(i).map(|t| number(t.done)),
            Item::Indicator(i) => campaign.indicators.get(i).map(|ind| match ind.value {
                Level::Number(v) => number(v),
                Level::WaterClass(class) => class.as_str().to_owned(),
            }),
        };
        let Some(input) = input else {
            return Effect::None;
        };
        self.prompt = Some(Prompt::Update {
            item,
            input,
            error: None,
        });
        Effect::Redraw
    }

    fn prompt_command(&mut self, command: Command) -> Effect {
        let Some(prompt) = self.prompt.as_mut() else {
            return Effect::None;
        };
        match (prompt, command) {
            (_, Command::Quit) => Effect::Quit,
            (Prompt::Filter { input }, Command::Input(c)) => {
                input.push(c);
                self.filter = input.clone();
                self.rebuild_rows();
                Effect::Redraw
            }
            (Prompt::Filter { input }, Command::DeleteChar) => {
                if input.pop().is_none() {
                    return Effect::None;
                }
                self.filter = input.clone();
                self.rebuild_rows();
                Effect::Redraw
            }
            (Prompt::Filter { .. }, Command::Submit) => {
                self.prompt = None;
                Effect::Redraw
            }
            (Prompt::Filter { .. }, Command::Back) => {
                self.prompt = None;
                self.filter.clear();
                self.rebuild_rows();
                Effect::Redraw
            }
            (Prompt::Update { input, error, .. }, Command::Input(c)) => {
                input.push(c);
                *error = None;
                Effect::Redraw
            }
            (Prompt::Update { input, error, .. }, Command::DeleteChar) => {
                if input.pop().is_none() {
                    return Effect::None;
                }
                *error = None;
                Effect::Redraw
            }
            (Prompt::Update { .. }, Command::Back) => {
                self.prompt = None;
                Effect::Redraw
            }
            (Prompt::Update { item, input, .. }, Command::Submit) => {
                let (item, input) = (*item, input.clone());
                match self.validated_update(item, &input) {
                    Ok(edit) => {
                        self.prompt = None;
                        Effect::Save(edit)
                    }
                    Err(reason) => {
                        if let Some(Prompt::Update { error, .. }) = self.prompt.as_mut() {
                            *error = Some(reason);
                        }
                        Effect::Redraw
                    }
                }
            }
            _ => Effect::None,
        }
    }

    /// The edit a prompt's text asks for, or why it cannot be saved.
    fn validated_update(&self, item: Item, input: &str) -> Result<Edit, &'static str> {
        let s = i18n::strings(self.settings.lang);
        let (campaign, _) = self.open_campaign().ok_or(s.nothing_selected)?;
        let text = input.trim();
        let (id, change) = match item {
            Item::Task(i) => {
                let task = campaign.tasks.get(i).ok_or(s.nothing_selected)?;
                let value = parse_number(text).ok_or(s.not_a_number)?;
                if value < 0.0 {
                    return Err(s.negative);
                }
                (task.id.clone(), Change::SetDone(value))
            }
            Item::Indicator(i) => {
                let indicator = campaign.indicators.get(i).ok_or(s.nothing_selected)?;
                match indicator.scale {
                    Scale::Number => {
                        parse_number(text).ok_or(s.not_a_number)?;
                    }
                    Scale::WaterClass => {
                        WaterClass::parse(text).ok_or(s.not_a_level)?;
                    }
                }
                (indicator.id.clone(), Change::SetValue(text.to_owned()))
            }
        };
        Ok(Edit {
            campaign: campaign.id.clone(),
            item: id,
            change: Some(change),
            note: None,
            record: None,
        })
    }

    /// The line `e` opens the editor at: the selected item, else the campaign.
    fn editor_line(&self) -> Option<usize> {
        let plan = self.plan()?;
        match self.view {
            View::Overview => plan.campaigns.get(self.overview_selected).map(|c| c.line.0),
            View::Campaign => {
                let (campaign, _) = self.open_campaign()?;
                Some(match self.selected_item() {
                    Some(Item::Task(i)) => campaign.tasks.get(i)?.line.0,
                    Some(Item::Indicator(i)) => campaign.indicators.get(i)?.line.0,
                    None => campaign.line.0,
                })
            }
        }
        .map(|line| line.max(1))
    }

    /// Takes in a load's result. A good plan replaces the data and clears the
    /// banner; a bad one keeps the last good plan and sets the banner.
    fn loaded(&mut self, loaded: Result<Document, ReadError>) {
        let document = match loaded {
            Ok(document) => document,
            Err(ReadError::NotFound { .. }) => {
                self.file_missing = true;
                return;
            }
            Err(err) => {
                self.banner = Some(crate::text::sanitize_line(&err.to_string()));
                return;
            }
        };
        self.file_missing = false;
        let path = document.shown_path();
        let warnings = document.loaded.warnings().count();
        let Some(plan) = document.loaded.plan else {
            let errors: Vec<_> = document.loaded.errors().collect();
            let first = errors
                .first()
                .map(|d| d.headline(&document.source, &path))
                .unwrap_or_default();
            self.banner = Some(match errors.len() {
                0 | 1 => first,
                n => format!("{first} (+{})", n - 1),
            });
            return;
        };
        let as_of = plan.as_of(self.settings.as_of, self.settings.today);
        let status = PlanStatus::compute(&plan, as_of);
        // Keep the place by id: the overview card and the open campaign.
        let previous_card = self
            .plan()
            .and_then(|p| p.campaigns.get(self.overview_selected))
            .map(|c| c.id.clone());
        let attention = plan
            .campaigns
            .iter()
            .zip(&status.campaigns)
            .map(|(campaign, status)| rows::attention(campaign, status))
            .collect();
        self.data = Some(Data {
            plan,
            status,
            warnings,
            attention,
        });
        self.banner = None;
        let plan = &self.data.as_ref().expect("just set").plan;
        if let Some(id) = previous_card {
            self.overview_selected = plan
                .campaigns
                .iter()
                .position(|c| c.id == id)
                .unwrap_or(self.overview_selected);
        }
        self.overview_selected = self
            .overview_selected
            .min(plan.campaigns.len().saturating_sub(1));
        if let Some(view) = self.campaign.as_mut() {
            match plan.campaigns.iter().position(|c| c.id == view.id) {
                Some(index) => view.index = index,
                None => {
                    self.campaign = None;
                    self.view = View::Overview;
                }
            }
        }
        self.rebuild_rows();
    }

    /// Recomputes the open campaign's rows and finds the selection again by id.
    fn rebuild_rows(&mut self) {
        let lang = self.settings.lang;
        let (sort, filter) = (self.sort, self.filter.clone());
        let Some(data) = self.data.as_ref() else {
            return;
        };
        let Some(view) = self.campaign.as_mut() else {
            return;
        };
        let (Some(campaign), Some(status)) = (
            data.plan.campaigns.get(view.index),
            data.status.campaigns.get(view.index),
        ) else {
            return;
        };
        view.rows = rows::rows(campaign, status, sort, &filter, lang);
        let found = view.selected_key.as_ref().and_then(|key| {
            view.rows
                .iter()
                .position(|item| item.key(campaign).as_ref() == Some(key))
        });
        match found {
            Some(index) => view.selected = index,
            None => {
                view.selected = view.selected.min(view.rows.len().saturating_sub(1));
                if view.selected_key.is_none() {
                    view.selected_key = view.rows.get(view.selected).and_then(|i| i.key(campaign));
                }
            }
        }
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let page = super::ui::campaign::list_rows(self).max(1);
        if let Some(view) = self.campaign.as_mut() {
            view.offset = scrolled(view.offset, view.selected, page, view.rows.len());
        }
    }
}

/// The first row to show so that `selected` is visible, moving as little
/// as possible from `offset`.
pub(crate) fn scrolled(offset: usize, selected: usize, page: usize, len: usize) -> usize {
    let page = page.max(1);
    let mut offset = offset.min(len.saturating_sub(page));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + page {
        offset = selected + 1 - page;
    }
    offset
}

fn parse_number(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A figure as people write it: `110`, `41.41`, never `110.0`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_the_report() {
        assert_eq!(number(110.0), "110");
        assert_eq!(number(41.41), "41.41");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(-3.0), "-3");
    }

    #[test]
    fn scrolling_moves_as_little_as_needed() {
        assert_eq!(scrolled(0, 5, 10, 100), 0);
        assert_eq!(scrolled(0, 10, 10, 100), 1);
        assert_eq!(scrolled(20, 15, 10, 100), 15);
        assert_eq!(scrolled(95, 99, 10, 100), 90);
        assert_eq!(scrolled(3, 0, 10, 0), 0);
    }
}
