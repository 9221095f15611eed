//! The review screen. The screen side (state, keys, drawing) is pure and
//! testable without a terminal; the terminal side (event loop, setup and
//! restore, signals, file watching, editor) drives it.

pub mod action;
pub mod app;
pub mod change_cell;
pub mod changes;
pub mod clipboard;
pub mod editor;
pub mod event;
pub mod geometry;
pub mod keymap;
mod reclaim;
pub mod render;
mod retiring;
pub mod rollup;
pub mod rows;
pub mod run;
mod screen;
pub mod search;
mod settings;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod year_cells;

pub use action::{Action, Command};
pub use app::{App, Effect, Settings};
