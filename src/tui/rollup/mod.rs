//! The roll-up screen (`campaigns rollup.toml`, issue 26): many units'
//! plans as one view. A units × campaigns matrix, a ranking pane per
//! `[[ranking]]`, "who drags" per summed item and each unit's freshness;
//! Enter opens a unit's own screen read-only (the plan's [`App`]), Esc
//! comes back; `a` lists what needs attention across the units.
//!
//! The figures are the roll-up's (`crate::rollup`) and the schedule's; the
//! screen computes none of its own. State and update are pure
//! ([`RollupScreen`]); `ui` draws it; `run` is its event loop.
//!
//! [`App`]: crate::tui::App

mod attention;
mod columns;
mod combined_cell;
mod keys;
mod ranking_lines;
pub mod reader;
mod reloads;
pub mod render;
pub mod run;
mod state;
pub mod ui;
mod update;
mod watch;
mod words;

pub use attention::UnitAttention;
pub use keys::RollupCommand;
pub use reader::{Done, Job, Reader};
pub use render::{ROLLUP_VIEWS, RollupRequest, render_rollup};
pub use state::{Pane, RollupScreen};
pub use update::Outcome;
