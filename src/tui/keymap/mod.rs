//! The one key table. `App::update` maps keys through it and the help
//! overlay is generated from it, so the two cannot drift apart.
//!
//! `table` is the table; `key` and `binding` are what it is made of (with
//! the labels and words the help shows); `lookup` answers from it.

mod binding;
mod key;
mod lookup;
mod table;

pub use binding::Binding;
pub use key::Key;
pub use lookup::{bindings_in, lookup};
pub use table::BINDINGS;

/// Where a binding applies. Lookup tries the current context first, then
/// `Global` (outside prompts), then `Always`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, prompts included.
    Always,
    /// Everywhere except in a prompt.
    Global,
    Overview,
    Campaign,
    /// The attention list (督办清单).
    Attention,
    Help,
    Filter,
    /// The search prompt over the results.
    Search,
    Update,
}

impl Context {
    /// A prompt takes typed characters as text: only its own keys and the
    /// `Always` ones act.
    pub fn is_prompt(self) -> bool {
        matches!(self, Context::Filter | Context::Search | Context::Update)
    }

    /// The order the help overlay lists them in.
    pub const HELP_ORDER: [Context; 9] = [
        Context::Overview,
        Context::Campaign,
        Context::Global,
        Context::Always,
        Context::Attention,
        Context::Help,
        Context::Filter,
        Context::Search,
        Context::Update,
    ];
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
