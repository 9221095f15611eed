//! The roll-up screen's state: the roll-up as loaded with its figures
//! (sums, rankings, who drags: the roll-up's own, computed once), the unit
//! selected, the pane focused, the help and the attention list across
//! units, and the unit opened read-only (the plan's own screen).

use std::path::PathBuf;

use super::attention::AttentionView;
use super::columns::{self, Column};
use crate::report::rollup::RollupReport;
use crate::rollup::{Combined, Drag, Fetched, Ranked, Rollup, State, Unit};
use crate::tui::action::Action;
use crate::tui::app::{App, Settings};

/// The panes Tab moves between, in that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    /// Units × campaigns.
    Matrix,
    /// A ranking per `[[ranking]]`.
    Rankings,
    /// "Who drags" per summed item.
    Drags,
    /// Each unit's reporting date, commit and state.
    Freshness,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Matrix, Pane::Rankings, Pane::Drags, Pane::Freshness];

    pub(super) fn step(self, forward: bool) -> Pane {
        let at = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let next = if forward {
            at + 1
        } else {
            at + Pane::ALL.len() - 1
        };
        Pane::ALL[next % Pane::ALL.len()]
    }
}

pub struct RollupScreen {
    pub(super) rollup: Rollup,
    pub(super) combined: Vec<Combined>,
    pub(super) rankings: Vec<Ranked>,
    pub(super) drags: Vec<Drag>,
    /// Each drag as the text report says it, in the screen's language.
    pub(super) drag_lines: Vec<String>,
    pub(super) columns: Vec<Column>,
    pub(super) settings: Settings,
    /// The unit selected (index into the roll-up's units).
    pub(super) selected: usize,
    pub(super) focus: Pane,
    /// Lines scrolled down in the rankings and the drags panes.
    pub(super) scroll: (u16, u16),
    pub(super) help: bool,
    pub(super) attention: Option<AttentionView>,
    /// The unit open on its own screen, read-only: which, and its screen.
    pub(super) unit: Option<(usize, Box<App>)>,
    /// When each `ref` unit's ref was last fetched (`campaigns fetch`'s
    /// record, read by the caller: the state does no I/O).
    pub(super) fetched: Fetched,
    /// A transient line in the footer (a unit that cannot be opened).
    pub(super) message: Option<String>,
    pub(super) size: (u16, u16),
}

impl RollupScreen {
    pub fn new(rollup: Rollup, settings: Settings) -> RollupScreen {
        let mut screen = RollupScreen {
            combined: rollup.combined(),
            rankings: rollup.rankings(),
            drags: rollup.drags(),
            drag_lines: Vec::new(),
            columns: columns::columns(&rollup),
            rollup,
            settings,
            selected: 0,
            focus: Pane::Matrix,
            scroll: (0, 0),
            help: false,
            attention: None,
            unit: None,
            fetched: Fetched::new(),
            message: None,
            size: (80, 24),
        };
        screen.say_drags();
        screen
    }

    /// The drags in the screen's language, in the text report's words.
    pub(super) fn say_drags(&mut self) {
        let report = RollupReport::new(&self.rollup, self.settings.lang, self.settings.ascii);
        self.drag_lines = report
            .drags
            .iter()
            .map(|drag| report.drag_sentence(drag))
            .collect();
    }

    pub fn rollup(&self) -> &Rollup {
        &self.rollup
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn help_open(&self) -> bool {
        self.help
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_unit(&self) -> Option<&Unit> {
        self.rollup.units.get(self.selected)
    }

    /// The id of the unit selected.
    pub fn selected_id(&self) -> Option<&str> {
        self.selected_unit().map(|unit| unit.id.as_str())
    }

    /// The unit open on its own screen, and that screen.
    pub fn open_unit(&self) -> Option<(&Unit, &App)> {
        let (at, app) = self.unit.as_ref()?;
        Some((self.rollup.units.get(*at)?, app))
    }

    /// The attention list across units, while it is open.
    pub fn attention(&self) -> Option<&AttentionView> {
        self.attention.as_ref()
    }

    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    pub fn combined(&self) -> &[Combined] {
        &self.combined
    }

    pub fn rankings(&self) -> &[Ranked] {
        &self.rankings
    }

    pub fn drags(&self) -> &[Drag] {
        &self.drags
    }

    pub fn drag_lines(&self) -> &[String] {
        &self.drag_lines
    }

    /// A unit's name in the screen's language, by id, safe to show.
    pub fn unit_name(&self, id: &str) -> String {
        let unit = self.rollup.units.iter().find(|unit| unit.id == id);
        let name = unit.map_or(id, |unit| unit.name.get(self.settings.lang));
        crate::text::sanitize_line(name)
    }

    /// Opens unit `at` on its own screen, read-only, at its overview or,
    /// with `item` (`campaign`, `item`), at that item. A unit whose file
    /// could not be read has no screen: the footer says why.
    pub(super) fn open(&mut self, at: usize, item: Option<(&str, &str)>) -> bool {
        let Some(unit) = self.rollup.units.get(at) else {
            return false;
        };
        let opened = match &unit.state {
            State::Opened(opened, _) => opened.clone(),
            State::Unreadable(why) => {
                self.message = Some(super::words::cannot_open(
                    &self.unit_name(&unit.id),
                    why,
                    self.settings.lang,
                ));
                return false;
            }
        };
        // Each unit at its own reporting date, as the roll-up loaded it.
        let mut settings = self.settings.clone();
        settings.dates.as_of = None;
        let mut app = App::new(PathBuf::from(&unit.shown), Ok(opened), settings);
        app.set_read_only();
        app.update(Action::Resize(self.size.0, self.size.1));
        if let Some((campaign, item)) = item {
            app.show_item(campaign, item);
        }
        self.message = None;
        self.unit = Some((at, Box::new(app)));
        true
    }

    /// The roll-up read again: its figures computed anew, the unit selected
    /// kept by its id (else the same row), the attention list listed anew.
    pub fn reloaded(&mut self, rollup: Rollup) {
        let selected = self.selected_id().map(str::to_owned);
        let open = self.open_unit().map(|(unit, _)| unit.id.clone());
        self.rollup = rollup;
        let units = &self.rollup.units;
        self.selected = selected
            .and_then(|id| units.iter().position(|unit| unit.id == id))
            .unwrap_or(self.selected)
            .min(units.len().saturating_sub(1));
        // A unit's screen stays open on what it showed; gone from the
        // manifest, it closes.
        let now_at = open.and_then(|id| units.iter().position(|unit| unit.id == id));
        match (self.unit.as_mut(), now_at) {
            (Some((at, _)), Some(now)) => *at = now,
            _ => self.unit = None,
        }
        self.scroll = (0, 0);
        self.message = None;
        self.refigure();
    }

    /// The figures computed again over the units as they are now (after a
    /// reload of all or some of them), the attention list listed anew.
    pub(super) fn refigure(&mut self) {
        self.combined = self.rollup.combined();
        self.rankings = self.rollup.rankings();
        self.drags = self.rollup.drags();
        self.columns = columns::columns(&self.rollup);
        if let Some(view) = self.attention.as_mut() {
            view.items = super::attention::across(&self.rollup);
            view.selected = view.selected.min(view.items.len().saturating_sub(1));
        }
        self.say_drags();
    }

    /// `campaigns fetch`'s record of when each ref was last fetched.
    pub fn set_fetched(&mut self, fetched: Fetched) {
        self.fetched = fetched;
    }

    pub fn fetched(&self) -> &Fetched {
        &self.fetched
    }

    /// A line for the footer until the next key (a reload that failed).
    pub fn set_message(&mut self, text: &str) {
        self.message = Some(crate::text::sanitize_line(text));
    }

    /// Back from a unit's screen to the roll-up, the selection kept; the
    /// language the unit's screen was left in stays.
    pub(super) fn close_unit(&mut self) {
        if let Some((_, app)) = self.unit.take()
            && app.settings().lang != self.settings.lang
        {
            self.settings.lang = app.settings().lang;
            self.say_drags();
        }
    }
}
