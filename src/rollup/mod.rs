//! Many units' plans as one (issue 26, DESIGN "Contract 3": the roll-up).
//!
//! - [`parse`] reads the manifest (`rollup.toml`) into a [`Manifest`],
//!   every problem at `rollup.toml:LINE:COL` as the plan's loader says them.
//! - [`Rollup::load`] loads its units in parallel, each from a path or a
//!   git ref (read-only, from the object store), each with the plan's own
//!   loader; a unit that cannot be read or has errors is kept and flagged,
//!   a stale one (未报送) is kept out of sums and rankings.
//! - [`Rollup::combined`], [`Rollup::rankings`] and [`Rollup::drags`]: sums
//!   over the units, rankings with ties, and each unit's share of the
//!   shortfall against 序时进度. Statuses and 序时进度 are the schedule's
//!   (`model::schedule`); changes are the comparison module's
//!   (`history::compare`).

mod combine;
mod drags;
pub mod fetched;
mod format;
mod found;
mod loaded;
mod manifest;
mod office;
mod previous;
mod ranking;
mod read;
mod reload;
mod source;
mod units;

pub use combine::Combined;
pub use drags::{Drag, Share};
pub use fetched::{Fetched, fetched};
pub use found::{Found, find};
pub use loaded::Rollup;
pub use manifest::{Alias, By, Combine, DEFAULT_FILE, How, Manifest, Ranking, Source, UnitSpec};
pub use previous::Previous;
pub use ranking::{LeftOut, Ranked, Row};
pub use read::{ReadManifest, is_manifest, parse};
pub use reload::Reread;
pub use units::{State, Unit, load_units};

#[cfg(test)]
#[path = "read_tests.rs"]
mod read_tests;
