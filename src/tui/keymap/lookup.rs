//! Questions asked of the table: which command a key press means, and
//! which bindings a context has.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::{BINDINGS, Binding, Context};
use crate::tui::action::Command;

/// The command a key press asks for in `context`, if any. Key releases are
/// ignored (terminals that report them would otherwise act twice).
pub fn lookup(event: &KeyEvent, context: Context) -> Option<Command> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let prompt = context.is_prompt();
    let tiers: &[Context] = if prompt {
        &[context, Context::Always]
    } else {
        &[context, Context::Global, Context::Always]
    };
    for tier in tiers {
        for binding in BINDINGS.iter().filter(|b| b.context == *tier) {
            if let Some(key) = binding.keys.iter().find(|key| key.matches(event)) {
                return Some(match (binding.command, key.code) {
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

/// The bindings the help overlay lists under `context`.
pub fn bindings_in(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}
