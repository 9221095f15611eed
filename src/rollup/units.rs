//! The units of a manifest, loaded in parallel: each unit's file read (from
//! disk or a git ref) and loaded with the plan's own loader, its statuses
//! computed at its own reporting date. A unit that cannot be read or does
//! not load is kept, flagged with why; the others stand.

use std::num::NonZero;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Days, NaiveDate};

use super::manifest::{Manifest, Source, UnitSpec};
use super::previous::{self, Previous};
use super::source::{self, Read};
use crate::load::{self, Document, LineIndex, Opened};
use crate::model::{Lang, PlanStatus, Text};
use crate::text::sanitize_line;

/// One unit as loaded.
#[derive(Debug)]
pub struct Unit {
    pub id: String,
    pub name: Text,
    pub groups: Vec<String>,
    /// Where its file was read from, as messages name it: the path, or
    /// `ref:file`.
    pub shown: String,
    /// The commit its file was read at (a `ref` unit), 40 hex digits.
    pub commit: Option<String>,
    pub state: State,
    /// Its reporting date is more than `stale_after_days` before the
    /// roll-up's, or it has none (`undated`): 未报送, out of sums and
    /// rankings.
    pub stale: bool,
    /// Its file gives no reporting date (no `meta.as_of`, and no commit to
    /// date it by): it cannot be shown as reported, so it is 未报送 with
    /// the reason "no reporting date" (无报告日期), whatever
    /// `stale_after_days` says.
    pub undated: bool,
    /// It is the office itself (`[rollup] office`): shown, compared with
    /// the units' sums, never added to them, ranked or dragging.
    pub office: bool,
    /// Its previous report, for rankings by change (only read when a
    /// ranking asks for it).
    pub previous: Previous,
}

/// What reading and loading a unit's file gave.
// One per unit, made once and kept: boxing the plan buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum State {
    /// Not read at all (no such file or ref, too large, not UTF-8): why.
    Unreadable(String),
    /// Read: valid (with its statuses) or with errors.
    Opened(Opened, Option<PlanStatus>),
}

impl Unit {
    /// The unit's plan when it loaded without errors.
    pub fn document(&self) -> Option<&Document> {
        match &self.state {
            State::Opened(opened, _) => opened.document(),
            State::Unreadable(_) => None,
        }
    }

    /// The plan's statuses at the unit's reporting date, when it loaded.
    pub fn status(&self) -> Option<&PlanStatus> {
        match &self.state {
            State::Opened(_, status) => status.as_ref(),
            State::Unreadable(_) => None,
        }
    }

    /// The unit's reporting date, when it loaded and its file gives one
    /// (its `meta.as_of`, else the day of the commit it was read at).
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.document()
            .filter(|_| !self.undated)
            .map(Document::as_of)
    }

    /// Whether its figures count: it loaded and is not stale.
    pub fn fresh(&self) -> bool {
        self.document().is_some() && !self.stale
    }

    /// Whether its figures count among the units' (sums, rankings, who
    /// drags): fresh, and not the office's own.
    pub fn counted(&self) -> bool {
        self.fresh() && !self.office
    }

    /// Why the unit does not stand, one line each: why it could not be
    /// read, or each error of its file at `file:line:col`.
    pub fn errors(&self, lang: Lang) -> Vec<String> {
        match &self.state {
            State::Unreadable(why) => vec![why.clone()],
            State::Opened(opened, _) => {
                let (text, index) = (opened.text(), LineIndex::new(opened.text()));
                opened
                    .diagnostics()
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.headline_indexed(text, &index, &self.shown, lang))
                    .collect()
            }
        }
    }
}

/// Loads every unit of `manifest` (read from `folder`, the manifest's),
/// on as many threads as there are cores. `as_of` is the roll-up's
/// reporting date; `today` dates a file without `meta.as_of`.
/// `with_previous`: also find each unit's previous report.
pub fn load_units(
    manifest: &Manifest,
    folder: &Path,
    as_of: NaiveDate,
    today: NaiveDate,
    with_previous: bool,
) -> Vec<Unit> {
    let wants_git = manifest
        .units
        .iter()
        .any(|unit| matches!(unit.source, Source::Ref { .. }));
    let repo = wants_git.then(|| source::open_repository(folder));
    let next = AtomicUsize::new(0);
    let count = manifest.units.len();
    let workers = std::thread::available_parallelism()
        .map_or(1, NonZero::get)
        .min(count)
        .max(1);
    let mut loaded: Vec<(usize, Unit)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    // A repository handle per thread: gix's is not shared.
                    let repo = repo
                        .as_ref()
                        .map(|r| r.as_ref().map(|r| r.to_thread_local()));
                    let mut out = Vec::new();
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(spec) = manifest.units.get(at) else {
                            break;
                        };
                        let repo = repo
                            .as_ref()
                            .map(|r| r.as_ref().map_err(|why| why.as_str()));
                        out.push((at, load_unit(spec, folder, repo, today, with_previous)));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    });
    loaded.sort_by_key(|(at, _)| *at);
    loaded
        .into_iter()
        .map(|(_, mut unit)| {
            settle(&mut unit, manifest, as_of);
            unit
        })
        .collect()
}

/// Marks a unit just read as the manifest sees it at the roll-up's
/// reporting date `as_of`: the office's own or not, stale (未报送) or not.
pub(super) fn settle(unit: &mut Unit, manifest: &Manifest, as_of: NaiveDate) {
    let oldest = manifest
        .stale_after_days
        .and_then(|days| as_of.checked_sub_days(Days::new(days.into())));
    unit.office = manifest.is_office(&unit.id);
    unit.stale = unit.undated
        || match (unit.as_of(), oldest) {
            (Some(reported), Some(oldest)) => reported < oldest,
            _ => false,
        };
}

/// Reads and loads one unit.
pub(super) fn load_unit(
    spec: &UnitSpec,
    folder: &Path,
    repo: Option<Result<&gix::Repository, &str>>,
    today: NaiveDate,
    with_previous: bool,
) -> Unit {
    let (shown, read) = match &spec.source {
        Source::Path(path) => {
            let path = source::resolve(folder, path);
            (path.display().to_string(), source::read_path(&path))
        }
        Source::Ref { reference, file } => {
            let read = match repo {
                Some(Ok(repo)) => source::read_ref(repo, reference, file),
                Some(Err(why)) => Err(why.to_owned()),
                None => Err("no repository".to_owned()),
            };
            (format!("{reference}:{file}"), read)
        }
    };
    let shown = sanitize_line(&shown);
    let mut unit = Unit {
        id: spec.id.clone(),
        name: spec.name.clone(),
        groups: spec.groups.clone(),
        shown,
        commit: None,
        state: State::Unreadable(String::new()),
        stale: false,
        undated: false,
        office: false,
        previous: Previous::NotAsked,
    };
    match read {
        Err(why) => unit.state = State::Unreadable(why),
        Ok(Read {
            text,
            commit,
            committed,
        }) => {
            let options = load::Options {
                as_of: None,
                today: committed.unwrap_or(today),
            };
            let opened = Opened::parse(Path::new(&unit.shown), text, options);
            let status = opened
                .document()
                .map(|document| PlanStatus::compute(document.plan(), document.as_of()));
            if with_previous {
                unit.previous = match (opened.document(), &status) {
                    (Some(document), Some(status)) => {
                        let loaded = (document, status);
                        previous::find(loaded, commit, &spec.source, folder, repo, today)
                    }
                    _ => Previous::NoBaseline("the unit did not load".into()),
                };
            }
            // Without a date of its own a path unit would be dated today
            // and never be stale.
            unit.undated = committed.is_none()
                && opened
                    .document()
                    .is_some_and(|document| document.plan().meta.as_of.is_none());
            unit.commit = commit.map(|id| id.to_string());
            unit.state = State::Opened(opened, status);
        }
    }
    unit
}
