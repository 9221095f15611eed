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
    Update,
}

impl Context {
    /// The order the help overlay lists them in. Wide, it shows two
    /// columns, split before `Global`: `Always` (one line) ends the left
    /// one, which keeps the two of a height that fits 120×40.
    pub const HELP_ORDER: [Context; 8] = [
        Context::Overview,
        Context::Campaign,
        Context::Always,
        Context::Global,
        Context::Attention,
        Context::Help,
        Context::Filter,
        Context::Update,
    ];
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
