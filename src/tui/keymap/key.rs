//! One key of the table: what it matches and how the help shows it, and
//! the named keys the table is written with.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key as the table matches and shows it.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub label: &'static str,
    pub ascii_label: &'static str,
}

impl Key {
    pub(super) const fn plain(code: KeyCode, label: &'static str) -> Key {
        Key {
            code,
            ctrl: false,
            label,
            ascii_label: label,
        }
    }

    const fn arrow(code: KeyCode, label: &'static str, ascii_label: &'static str) -> Key {
        Key {
            code,
            ctrl: false,
            label,
            ascii_label,
        }
    }

    pub(super) const fn ch(c: char, label: &'static str) -> Key {
        Key::plain(KeyCode::Char(c), label)
    }

    pub fn shown(&self, ascii: bool) -> &'static str {
        if ascii { self.ascii_label } else { self.label }
    }

    pub(super) fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl || event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self.code, event.code) {
            // Shift is how a terminal spells capitals: `G` arrives as Shift+G.
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        }
    }
}

pub(super) const UP: Key = Key::arrow(KeyCode::Up, "↑", "Up");
pub(super) const DOWN: Key = Key::arrow(KeyCode::Down, "↓", "Down");
pub(super) const LEFT: Key = Key::arrow(KeyCode::Left, "←", "Left");
pub(super) const RIGHT: Key = Key::arrow(KeyCode::Right, "→", "Right");
pub(super) const ENTER: Key = Key::plain(KeyCode::Enter, "Enter");
pub(super) const ESC: Key = Key::plain(KeyCode::Esc, "Esc");
pub(super) const BACKSPACE: Key = Key::plain(KeyCode::Backspace, "Backspace");
pub(super) const HOME: Key = Key::plain(KeyCode::Home, "Home");
pub(super) const END: Key = Key::plain(KeyCode::End, "End");
pub(super) const PAGE_UP: Key = Key::plain(KeyCode::PageUp, "PgUp");
pub(super) const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown, "PgDn");
/// The help shows the nine as one "1-9".
pub(super) const DIGITS: [Key; 9] = [
    Key::ch('1', "1-9"),
    Key::ch('2', ""),
    Key::ch('3', ""),
    Key::ch('4', ""),
    Key::ch('5', ""),
    Key::ch('6', ""),
    Key::ch('7', ""),
    Key::ch('8', ""),
    Key::ch('9', ""),
];
