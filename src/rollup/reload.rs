//! Reading some units again instead of the whole roll-up: a unit's file
//! saved, or `campaigns fetch` done. A [`Reread`] is taken from the roll-up
//! (so it can run on another thread), reads its units with the loader the
//! first load used ([`load_units`]), and its units are put back in their
//! places with [`Rollup::replace_unit`]; the sums, rankings and who drags
//! are then computed again by their own modules over the units as they are.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::loaded::Rollup;
use super::manifest::{By, Manifest, Source};
use super::source;
use super::units::{self, Unit, load_units};

/// Units to read again, with what reading them needs: a copy of the
/// manifest holding only those units, and where each goes back.
#[derive(Clone, Debug)]
pub struct Reread {
    /// The manifest with `units` cut down to the units to read.
    manifest: Manifest,
    /// Each unit's place in the roll-up, in the order of `manifest.units`.
    places: Vec<usize>,
    /// The commit each unit was read at (a `ref` unit): read again only
    /// when its ref has moved.
    commits: Vec<Option<String>>,
    folder: PathBuf,
    as_of: NaiveDate,
    today: NaiveDate,
}

impl Rollup {
    /// The manifest's folder: `path` and `ref` units are read from it.
    pub fn folder(&self) -> &Path {
        match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        }
    }

    /// Reading the units at `places` again (those past the end left out).
    pub fn reread(&self, places: &[usize]) -> Reread {
        let places: Vec<usize> = places
            .iter()
            .copied()
            .filter(|at| *at < self.manifest.units.len().min(self.units.len()))
            .collect();
        let mut manifest = self.manifest.clone();
        manifest.units = places
            .iter()
            .map(|at| self.manifest.units[*at].clone())
            .collect();
        Reread {
            manifest,
            commits: places
                .iter()
                .map(|at| self.units[*at].commit.clone())
                .collect(),
            places,
            folder: self.folder().to_path_buf(),
            as_of: self.as_of,
            today: self.today,
        }
    }

    /// Reading again every unit read from a git ref, after a fetch: each
    /// reads its file only if its ref has moved.
    pub fn reread_refs(&self) -> Reread {
        let refs: Vec<usize> = (self.manifest.units.iter().enumerate())
            .filter(|(_, spec)| matches!(spec.source, Source::Ref { .. }))
            .map(|(at, _)| at)
            .collect();
        self.reread(&refs)
    }

    /// Puts a unit read again at `at`, marked stale or the office's as the
    /// first load marks them. `false`, and nothing changed, when the
    /// manifest has another unit there now (it was read again meanwhile).
    pub fn replace_unit(&mut self, at: usize, mut unit: Unit) -> bool {
        let same = self
            .manifest
            .units
            .get(at)
            .is_some_and(|spec| spec.id == unit.id);
        let Some(place) = self.units.get_mut(at).filter(|_| same) else {
            return false;
        };
        units::settle(&mut unit, &self.manifest, self.as_of);
        *place = unit;
        true
    }
}

impl Reread {
    /// The places of the units to read again.
    pub fn places(&self) -> &[usize] {
        &self.places
    }

    /// Whether this reread reads every unit `other` reads (so `other`'s
    /// result, when older, is not worth showing).
    pub fn covers(&self, other: &Reread) -> bool {
        other.places.iter().all(|at| self.places.contains(at))
    }

    /// This reread and a newer one as one: each unit read once, with what
    /// the newer one knew of it.
    pub fn merge(mut self, newer: Reread) -> Reread {
        for (at, (spec, commit)) in newer
            .places
            .iter()
            .zip(newer.manifest.units.into_iter().zip(newer.commits))
        {
            match self.places.iter().position(|p| p == at) {
                Some(i) => {
                    self.manifest.units[i] = spec;
                    self.commits[i] = commit;
                }
                None => {
                    self.places.push(*at);
                    self.manifest.units.push(spec);
                    self.commits.push(commit);
                }
            }
        }
        self
    }

    /// Reads the units (in parallel, as the first load does), each `ref`
    /// unit only when its ref no longer points at the commit it was read
    /// at: each unit read, with its place.
    pub fn run(mut self) -> Vec<(usize, Unit)> {
        self.keep_moved();
        if self.places.is_empty() {
            return Vec::new();
        }
        let by_change = self.manifest.rankings.iter().any(|r| r.by == By::Change);
        let read = load_units(
            &self.manifest,
            &self.folder,
            self.as_of,
            self.today,
            by_change,
        );
        self.places.into_iter().zip(read).collect()
    }

    /// Leaves out the `ref` units whose ref has not moved: their blobs are
    /// not read again.
    fn keep_moved(&mut self) {
        let has_refs =
            (self.manifest.units.iter()).any(|spec| matches!(spec.source, Source::Ref { .. }));
        let repo = has_refs
            .then(|| source::open_repository(&self.folder).ok())
            .flatten()
            .map(|repo| repo.to_thread_local());
        let moved: Vec<bool> = (self.manifest.units.iter().zip(&self.commits))
            .map(|(spec, was)| match (&spec.source, &repo, was) {
                (Source::Ref { reference, .. }, Some(repo), Some(was)) => {
                    commit_of(repo, reference).is_none_or(|now| now != *was)
                }
                _ => true,
            })
            .collect();
        let mut keep = moved.iter();
        self.places.retain(|_| *keep.next().unwrap_or(&true));
        let mut keep = moved.iter();
        self.manifest
            .units
            .retain(|_| *keep.next().unwrap_or(&true));
        let mut keep = moved.iter();
        self.commits.retain(|_| *keep.next().unwrap_or(&true));
    }
}

/// The commit `reference` points at now, 40 hex digits (its blob unread).
fn commit_of(repo: &gix::Repository, reference: &str) -> Option<String> {
    let mut found = repo.find_reference(reference).ok()?;
    let commit = found
        .peel_to_id()
        .ok()?
        .object()
        .ok()?
        .peel_to_commit()
        .ok()?;
    Some(commit.id.to_string())
}
