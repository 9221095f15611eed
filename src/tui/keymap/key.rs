//! One key: what it matches, how the help shows it, and the name a config
//! file writes it with (the same words the help uses).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key as the table matches and shows it. Labels are derived from the
/// key, so a key read from a config file is shown like a built-in one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    /// Ctrl held; the code is then a lowercase letter.
    pub ctrl: bool,
}

/// The named keys, as the help and a config file spell them.
const NAMED: &[(KeyCode, &str)] = &[
    (KeyCode::Enter, "Enter"),
    (KeyCode::Esc, "Esc"),
    (KeyCode::Backspace, "Backspace"),
    (KeyCode::Tab, "Tab"),
    (KeyCode::BackTab, "Shift-Tab"),
    (KeyCode::Up, "Up"),
    (KeyCode::Down, "Down"),
    (KeyCode::Left, "Left"),
    (KeyCode::Right, "Right"),
    (KeyCode::Home, "Home"),
    (KeyCode::End, "End"),
    (KeyCode::PageUp, "PgUp"),
    (KeyCode::PageDown, "PgDn"),
    (KeyCode::Delete, "Delete"),
    (KeyCode::Insert, "Insert"),
    (KeyCode::Char(' '), "Space"),
];

/// The arrows' Unicode labels (the help's; a config file may use either).
const ARROWS: &[(KeyCode, &str)] = &[
    (KeyCode::Up, "↑"),
    (KeyCode::Down, "↓"),
    (KeyCode::Left, "←"),
    (KeyCode::Right, "→"),
];

/// Every key name a config file may use besides single characters and
/// `Ctrl-` letters, for messages and the README.
pub fn named_keys() -> impl Iterator<Item = &'static str> {
    NAMED.iter().map(|(_, name)| *name)
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Ctrl and a letter (written lowercase: that is what terminals send).
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// A plain printable character: in a prompt it is text, not a key.
    pub fn is_text(&self) -> bool {
        !self.ctrl && matches!(self.code, KeyCode::Char(_))
    }

    /// How the help shows it: `k`, `↑` (`Up` in ASCII mode), `Ctrl-C`.
    pub fn shown(&self, ascii: bool) -> String {
        if !ascii && let Some((_, arrow)) = ARROWS.iter().find(|(code, _)| *code == self.code) {
            return (*arrow).to_owned();
        }
        self.name()
    }

    /// The name a config file writes: as shown, with arrows spelt out.
    pub fn name(&self) -> String {
        if self.ctrl
            && let KeyCode::Char(c) = self.code
        {
            return format!("Ctrl-{}", c.to_ascii_uppercase());
        }
        if let Some((_, name)) = NAMED.iter().find(|(code, _)| *code == self.code) {
            return (*name).to_owned();
        }
        match self.code {
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        }
    }

    /// A key from its name: a single character (`k`, `G`, `?`), a named
    /// key (`Enter`, `PgDn`, `Up` or `↑`; named keys in any case), or
    /// `Ctrl-` and a letter.
    pub fn parse(name: &str) -> Option<Key> {
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if let Some((code, _)) = ARROWS.iter().find(|(_, arrow)| *arrow == name) {
                return Some(Key::plain(*code));
            }
            return (!c.is_control() && !c.is_whitespace()).then_some(Key::ch(c));
        }
        if let Some(letter) = name
            .strip_prefix("Ctrl-")
            .or_else(|| name.strip_prefix("ctrl-"))
        {
            let mut chars = letter.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => {
                    Some(Key::ctrl(c.to_ascii_lowercase()))
                }
                _ => None,
            };
        }
        NAMED
            .iter()
            .find(|(_, known)| known.eq_ignore_ascii_case(name))
            .map(|(code, _)| Key::plain(*code))
    }

    pub(super) fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl != self.ctrl || event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        match (self.code, event.code) {
            // Shift is how a terminal spells capitals: `G` arrives as Shift+G.
            (KeyCode::Char(a), KeyCode::Char(b)) if self.ctrl => a == b.to_ascii_lowercase(),
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        }
    }
}

pub(super) const UP: Key = Key::plain(KeyCode::Up);
pub(super) const DOWN: Key = Key::plain(KeyCode::Down);
pub(super) const LEFT: Key = Key::plain(KeyCode::Left);
pub(super) const RIGHT: Key = Key::plain(KeyCode::Right);
pub(super) const ENTER: Key = Key::plain(KeyCode::Enter);
pub(super) const ESC: Key = Key::plain(KeyCode::Esc);
pub(super) const BACKSPACE: Key = Key::plain(KeyCode::Backspace);
pub(super) const HOME: Key = Key::plain(KeyCode::Home);
pub(super) const END: Key = Key::plain(KeyCode::End);
pub(super) const PAGE_UP: Key = Key::plain(KeyCode::PageUp);
pub(super) const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown);
/// The help shows the nine as one "1-9".
pub(super) const DIGITS: [Key; 9] = [
    Key::ch('1'),
    Key::ch('2'),
    Key::ch('3'),
    Key::ch('4'),
    Key::ch('5'),
    Key::ch('6'),
    Key::ch('7'),
    Key::ch('8'),
    Key::ch('9'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_the_same_key() {
        for name in [
            "k",
            "G",
            "?",
            "Enter",
            "Shift-Tab",
            "PgDn",
            "Ctrl-C",
            "Space",
            "中",
        ] {
            let key = Key::parse(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(key.name(), name);
        }
        assert_eq!(Key::parse("↑"), Key::parse("Up"));
        assert_eq!(Key::parse("enter"), Some(ENTER));
        assert_eq!(Key::parse("ctrl-x"), Some(Key::ctrl('x')));
    }

    #[test]
    fn unknown_names_are_refused() {
        for name in [
            "", "Ctrl", "Ctrl-1", "Ctrl-ab", "F13", "Enterr", "kk", "\t", " ",
        ] {
            assert_eq!(Key::parse(name), None, "{name:?}");
        }
    }
}
