//! A roll-up as loaded: the manifest, its reporting date and every unit,
//! with what the reports and the screen show of them (sums, rankings, who
//! drags), each computed in a module of its own.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::combine::{Combined, combine};
use super::drags::{Drag, drags};
use super::manifest::{By, Manifest};
use super::ranking::{Ranked, rank_all};
use super::units::{Unit, load_units};
use crate::load;

#[derive(Debug)]
pub struct Rollup {
    pub manifest: Manifest,
    /// The manifest's file, as given.
    pub path: PathBuf,
    /// `--as-of`, else the manifest's `as_of`, else today.
    pub as_of: NaiveDate,
    /// In the manifest's order.
    pub units: Vec<Unit>,
    /// The day a unit's file without `meta.as_of` is dated (kept to read a
    /// unit again as it was first read).
    pub today: NaiveDate,
}

impl Rollup {
    /// Loads every unit of `manifest` (read from `path`). Each unit's
    /// previous report is read only when a ranking is by change.
    pub fn load(manifest: Manifest, path: &Path, options: load::Options) -> Rollup {
        let as_of = options.reporting_date(manifest.as_of);
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let by_change = manifest.rankings.iter().any(|r| r.by == By::Change);
        let units = load_units(&manifest, folder, as_of, options.today, by_change);
        Rollup {
            manifest,
            path: path.to_path_buf(),
            as_of,
            units,
            today: options.today,
        }
    }

    pub fn combined(&self) -> Vec<Combined> {
        combine(&self.manifest, &self.units)
    }

    pub fn rankings(&self) -> Vec<Ranked> {
        rank_all(&self.manifest, &self.units)
    }

    pub fn drags(&self) -> Vec<Drag> {
        drags(&self.manifest, &self.units)
    }

    /// The units left out for being stale (未报送), in the manifest's order.
    pub fn stale(&self) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(|unit| unit.stale)
    }

    /// The units whose file could not be read or has errors.
    pub fn broken(&self) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(|unit| unit.document().is_none())
    }
}
