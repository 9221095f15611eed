//! Every state change of the review screen. The event loop turns terminal
//! events into actions; `App::update` applies them without I/O.

use chrono::NaiveTime;
use crossterm::event::{KeyEvent, MouseEvent};

use crate::load::{Opened, ReadError, Reread};

/// What a key (or a mouse wheel) asks for; the key table maps keys to these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Move the selection up one row (or one card row on the overview).
    Up,
    /// Move the selection down one row (or one card row on the overview).
    Down,
    /// Overview: the card to the left. Campaign view: focus the list pane.
    Left,
    /// Overview: the card to the right. Campaign view: focus the detail pane.
    Right,
    /// Focus the next pane (list → detail) in the campaign view.
    NextPane,
    /// Focus the previous pane (detail → list) in the campaign view.
    PrevPane,
    /// Go in: open the selected campaign, or focus the detail pane.
    Enter,
    /// Go out: close help or a prompt, leave the detail pane, back to the overview.
    Back,
    /// Back out one level, and quit from the overview (`q`).
    BackOrQuit,
    /// Select the first row.
    Top,
    /// Select the last row.
    Bottom,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Open the n-th campaign (1-based, as on the keyboard).
    Jump(usize),
    /// Re-read the file now.
    Reload,
    /// Open `$EDITOR` at the selected item's line.
    OpenEditor,
    /// Copy the selected item's line (name, figure, status), or the
    /// selected campaign's, to the clipboard through OSC 52.
    Copy,
    /// Add one to the selected task's done count and save.
    Increment,
    /// Take one from the selected task's done count and save.
    Decrement,
    /// Open the prompt for a new done count (task) or value (indicator).
    StartUpdate,
    /// Put back the figure the last update from this screen replaced.
    Undo,
    /// In the update prompt, save a figure it asked about (a likely typo).
    ConfirmUpdate,
    /// Open the filter prompt (the filter applies live as it is typed); on
    /// the overview and in a list across campaigns, the search prompt.
    StartFilter,
    /// Open the next result of the last search in its campaign.
    NextMatch,
    /// Open the previous result of the last search in its campaign.
    PrevMatch,
    /// Cycle the sort: status → progress → due → name → lead; in the attention
    /// and due-soon lists, group by lead or not.
    CycleSort,
    /// Switch the interface and data language (zh ↔ en).
    ToggleLang,
    /// Show or hide the key help.
    ToggleHelp,
    /// Open the attention list (督办清单) over every campaign, or leave it.
    ToggleAttention,
    /// Compare with the next older valid revision of the file's history.
    OlderBaseline,
    /// Compare with the next newer valid revision of the file's history.
    NewerBaseline,
    /// Open the list of what moved since the baseline, or leave it.
    ToggleChanges,
    /// Open the attention list grouped by 责任单位 (lead); in it, group or
    /// ungroup.
    GroupByLead,
    /// Open the list of what is not done and falls due soon (临期), or leave it.
    ToggleDueSoon,
    /// Open the year view (each item beside last year's: 同比), or leave it.
    ToggleYear,
    /// Open the problems panel (every error and warning of the file), or close it.
    ToggleProblems,
    /// Leave the app.
    Quit,
    /// Give the terminal back to the shell and stop until `fg` (Ctrl-Z).
    Suspend,
    /// Type a character into the open prompt.
    Input(char),
    /// Delete the last character of the open prompt.
    DeleteChar,
    /// Accept the open prompt (keep the filter, or save the update).
    Submit,
}

#[derive(Debug)]
pub enum Action {
    /// A command, from a key or a test.
    Do(Command),
    /// A key press: mapped through the key table for the current context
    /// (a prompt takes text).
    Key(KeyEvent),
    /// A mouse event; only sent with `--mouse`.
    Mouse(MouseEvent),
    /// The terminal now has this size (columns, rows).
    Resize(u16, u16),
    /// Text pasted into the terminal.
    Paste(String),
    /// A (re)load finished. A failed parse keeps the last good plan on screen
    /// and shows the error banner with file:line:col; a good one clears it.
    Loaded(Box<Result<Opened, ReadError>>),
    /// The file now holds `text`, whose change from the document shown was
    /// re-read alone (see `Document::reread`): the rest of the plan stays.
    Reread { reread: Box<Reread>, text: String },
    /// The wall-clock time of the load just reported, for the footer. The
    /// event loop sends it after `Loaded`: the app itself reads no clock.
    LoadedAt(NaiveTime),
    /// The file disappeared: a notice, the last good data stays.
    FileMissing,
    /// A save waits for another writer's lock; keys keep working.
    SaveWaiting,
    /// The outcome of a `Save` effect (a summary or the error), for the footer.
    Saved(Result<String, String>),
    /// The editor could not be run (the reason).
    EditorFailed(String),
    /// Watching the file for saves could not start, or stopped (the
    /// reason): the footer says so until `WatchRestored`; `r` still reloads
    /// and tries to watch again.
    WatchFailed(String),
    /// The file is watched again.
    WatchRestored,
    /// The file's git history, read on a thread of its own, with the
    /// baseline a `--since REV` names (found there: it reads the repository).
    HistoryRead {
        read: Box<Result<crate::history::History, crate::history::HistoryError>>,
        rev_baseline: Option<usize>,
    },
    /// The file's git history, already compared with the figures shown
    /// (on the reader's thread) against the baseline `since` names; if
    /// `b` / `B` moved the baseline meanwhile, it is compared again here.
    HistoryCompared {
        baselined: Box<crate::tui::changes::Baselined>,
        since: crate::history::Since,
    },
    /// The comparison set aside at the last load of a large plan, compared
    /// with that load's figures off the screen's thread.
    Recompared(Box<crate::history::compare::Comparison>),
}

impl From<Command> for Action {
    fn from(command: Command) -> Self {
        Action::Do(command)
    }
}
