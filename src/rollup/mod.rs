//! Many units' plans as one (issue 26, DESIGN "Contract 3": the roll-up):
//! the manifest (`rollup.toml`) and its reader.

mod format;
mod manifest;
mod read;

pub use manifest::{Alias, By, Combine, DEFAULT_FILE, How, Manifest, Ranking, Source, UnitSpec};
pub use read::{ReadManifest, is_manifest, parse};

#[cfg(test)]
#[path = "read_tests.rs"]
mod read_tests;
