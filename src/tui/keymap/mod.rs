//! The one key table. `App::update` maps keys through the keys in force
//! (the table with a config file's overrides) and the help overlay and the
//! footer are generated from them, so they cannot drift apart.
//!
//! `table` is the table; `key` and `binding` are what it is made of (with
//! the words the help shows); `actions` names its commands; `lookup` holds
//! the keys in force and answers from them.

mod actions;
mod binding;
mod key;
mod lookup;
mod table;

pub use actions::{ACTIONS, action, action_name, action_names, same_action};
pub use binding::Binding;
pub use key::{Key, named_keys};
pub use lookup::{Bound, Keymap, bindings_in};
pub use table::BINDINGS;

/// Where a binding applies. Lookup tries the current context first, then
/// `Global` (outside prompts), then `Always`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, prompts included.
    Always,
    /// Everywhere except in a prompt.
    Global,
    Overview,
    Campaign,
    /// The attention list (督办清单).
    Attention,
    /// The problems panel: every error and warning of the file.
    Problems,
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

    /// Where lookup looks, in order: a prompt takes typed characters, so
    /// only its own keys and the `Always` ones act there.
    pub fn tiers(self) -> &'static [Context] {
        match self {
            Context::Always => &[Context::Always],
            Context::Global => &[Context::Global, Context::Always],
            Context::Overview => &[Context::Overview, Context::Global, Context::Always],
            Context::Campaign => &[Context::Campaign, Context::Global, Context::Always],
            Context::Attention => &[Context::Attention, Context::Global, Context::Always],
            Context::Problems => &[Context::Problems, Context::Global, Context::Always],
            Context::Help => &[Context::Help, Context::Global, Context::Always],
            Context::Filter => &[Context::Filter, Context::Always],
            Context::Search => &[Context::Search, Context::Always],
            Context::Update => &[Context::Update, Context::Always],
        }
    }

    /// Whether typed characters reach this context's keys as text: the
    /// prompts, and `Always` (which acts inside them).
    pub fn takes_text(self) -> bool {
        self.is_prompt() || self == Context::Always
    }

    /// The order the help overlay lists them in.
    pub const HELP_ORDER: [Context; 10] = [
        Context::Global,
        Context::Always,
        Context::Overview,
        Context::Campaign,
        Context::Attention,
        Context::Problems,
        Context::Help,
        Context::Filter,
        Context::Search,
        Context::Update,
    ];
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
