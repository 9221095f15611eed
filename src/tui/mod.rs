//! The review screen.

pub mod editor;
pub mod event;
pub mod terminal;
