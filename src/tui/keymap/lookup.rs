//! The keys in force: the table's defaults with a config file's overrides,
//! built once at start. Lookup, the help and the footer read this, never
//! the table directly, so what is shown is what acts.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::binding::keys_shown;
use super::{BINDINGS, Binding, Context, Key};
use crate::model::Lang;
use crate::tui::action::Command;

/// One row of the table with the keys now bound to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bound {
    pub binding: &'static Binding,
    pub keys: Vec<Key>,
}

impl Bound {
    pub fn command(&self) -> Command {
        self.binding.command
    }

    pub fn context(&self) -> Context {
        self.binding.context
    }

    pub fn help(&self, lang: Lang) -> &'static str {
        self.binding.help(lang)
    }

    /// The keys as the help lists them: "k ↑".
    pub fn keys_shown(&self, ascii: bool) -> String {
        keys_shown(self.binding.command, &self.keys, ascii)
    }
}

/// Every binding of the table, in its order, with the keys in force.
#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    bound: Vec<Bound>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(|_, binding| binding.keys.to_vec())
    }
}

impl Keymap {
    /// The table with each binding's keys chosen by `keys` (given the row
    /// and its index in `BINDINGS`).
    pub fn new(keys: impl Fn(usize, &'static Binding) -> Vec<Key>) -> Keymap {
        Keymap {
            bound: BINDINGS
                .iter()
                .enumerate()
                .map(|(i, binding)| Bound {
                    binding,
                    keys: keys(i, binding),
                })
                .collect(),
        }
    }

    pub fn all(&self) -> &[Bound] {
        &self.bound
    }

    /// The bindings the help overlay lists under `context`.
    pub fn bound_in(&self, context: Context) -> impl Iterator<Item = &Bound> {
        self.bound.iter().filter(move |b| b.context() == context)
    }

    /// The command a key press asks for in `context`, if any. Key releases
    /// are ignored (terminals that report them would otherwise act twice).
    pub fn lookup(&self, event: &KeyEvent, context: Context) -> Option<Command> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        for tier in context.tiers() {
            for bound in self.bound_in(*tier) {
                if let Some(key) = bound.keys.iter().find(|key| key.matches(event)) {
                    return Some(match (bound.command(), key.code) {
                        (Command::Jump(_), KeyCode::Char(digit)) => {
                            Command::Jump(digit.to_digit(10).unwrap_or(1) as usize)
                        }
                        (command, _) => command,
                    });
                }
            }
        }
        None
    }
}

/// The bindings of the default table under `context`.
pub fn bindings_in(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}
