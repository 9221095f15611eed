//! How the screen is shown, resolved once where the program starts (the
//! command line, the locale, NO_COLOR, the editor variables, the clock):
//! nothing under `tui` reads the environment.

use crate::load::Options;
use crate::model::Lang;

use super::editor::Editor;
use super::keymap::Keymap;
use super::theme::Palette;

/// Fixed at start, except the language (`L`).
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub lang: Lang,
    pub ascii: bool,
    pub color: bool,
    pub mouse: bool,
    /// `--screen-reader`: the terminal cursor stands on the selected row
    /// (braille displays and Orca follow it) and words stand for glyphs.
    pub screen_reader: bool,
    /// How the file's dates are read: `--as-of`, and today.
    pub dates: Options,
    /// What `e` runs.
    pub editor: Editor,
    /// The keys in force (the table with the config file's `[keys]`).
    pub keymap: Keymap,
    /// The colours when `color` is on (the config file's theme and `[colors]`).
    pub palette: Palette,
    /// The config file's `due_soon_days`: the window for a plan that does
    /// not state its own (`Meta::due_soon_window`).
    pub due_soon_days: Option<u32>,
}

impl Settings {
    /// Unicode without colour, no mouse or screen reader, the default
    /// editor, keys and palette, no configured due-soon window: what a test
    /// or a bench starts from, naming only what it sets otherwise
    /// (`Settings { color: true, ..Settings::plain(lang, dates) }`).
    pub fn plain(lang: Lang, dates: Options) -> Settings {
        Settings {
            lang,
            ascii: false,
            color: false,
            mouse: false,
            screen_reader: false,
            dates,
            editor: Editor::default(),
            keymap: Keymap::default(),
            palette: Palette::default(),
            due_soon_days: None,
        }
    }
}
