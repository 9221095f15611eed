//! A unit's previous report, for rankings by change: the newest earlier
//! revision of its file with another reporting date (the history's "last
//! report"), compared with the figures now through the one comparison
//! module (`history::compare`). A `path` unit in a git work tree reads its
//! file's history; a `ref` unit walks its ref's first parents.

use std::collections::HashSet;
use std::path::Path;

use gix::ObjectId;

use super::manifest::Source;
use super::source;
use crate::history::compare::{Baseline, Comparison};
use crate::history::{self, Since};
use crate::load::{self, Document, Opened};
use crate::model::PlanStatus;

/// How a unit's figures compare with its previous report.
#[derive(Debug)]
pub enum Previous {
    /// No ranking by change asked for it.
    NotAsked,
    /// No earlier report to compare with: why, in a line.
    NoBaseline(String),
    Found(Box<Comparison>),
}

/// How many earlier commits of a ref are looked at, and how many earlier
/// files loaded, before a unit is said to have no previous report.
const MAX_COMMITS: usize = 2000;
const MAX_LOADS: usize = 50;

/// The previous report of a unit whose file, read from `source` (at
/// `commit` for a `ref` unit), loaded as `document` with `status`.
pub fn find(
    (document, status): (&Document, &PlanStatus),
    commit: Option<ObjectId>,
    source: &Source,
    folder: &Path,
    repo: Option<Result<&gix::Repository, &str>>,
    today: chrono::NaiveDate,
) -> Previous {
    let found = match source {
        Source::Path(path) => in_history(&source::resolve(folder, path), document, today),
        Source::Ref { file, .. } => match (repo, commit) {
            (Some(Ok(repo)), Some(commit)) => in_ref(repo, commit, file, document),
            _ => Err("no commit to start from".into()),
        },
    };
    match found {
        Ok(baseline) => {
            Previous::Found(Box::new(Comparison::new(baseline, document.plan(), status)))
        }
        Err(why) => Previous::NoBaseline(why),
    }
}

/// The last report in the git history of a file on disk.
fn in_history(
    path: &Path,
    document: &Document,
    today: chrono::NaiveDate,
) -> Result<Baseline, String> {
    let history = history::read(path, history::Options { today }).map_err(|err| err.to_string())?;
    let index = history
        .baseline(&Since::LastReport, document.as_of())
        .map_err(|err| err.to_string())?;
    index
        .and_then(|index| Baseline::at(&history, index))
        .ok_or_else(|| "no earlier report in its git history".to_owned())
}

/// The last report on the first-parent line of a ref, by the history's
/// own rule (`history::last_report`): of the versions of `file` that load,
/// the newest earlier reporting date, and of that day's the last committed
/// (a month corrected after a later one was reported is not it). The walk
/// stops at `MAX_COMMITS` commits or `MAX_LOADS` versions.
fn in_ref(
    repo: &gix::Repository,
    commit: ObjectId,
    file: &str,
    document: &Document,
) -> Result<Baseline, String> {
    let mut last_blob = source::blob_at(repo, commit, file)?;
    // A cycle (made by `refs/replace/`) ends the walk, as in `git log`.
    let mut visited = HashSet::from([commit]);
    let mut at = commit;
    // Each version read: its reporting date, its place (newer higher), and
    // where it is.
    let mut versions = Vec::new();
    for step in 0..MAX_COMMITS {
        let Some(parent) = first_parent(repo, at) else {
            break;
        };
        if !visited.insert(parent) {
            break;
        }
        at = parent;
        let blob = source::blob_at(repo, parent, file)?;
        if blob.is_none() || blob == last_blob {
            continue;
        }
        last_blob = blob;
        if versions.len() == MAX_LOADS {
            break;
        }
        if let Some(as_of) = load_at(repo, parent, blob, file, document).map(|d| d.as_of()) {
            versions.push((as_of, MAX_COMMITS - step, parent, blob));
        }
    }
    let reports = versions.iter().map(|&(as_of, place, _, _)| (as_of, place));
    let chosen = history::last_report(reports, document.as_of())
        .and_then(|place| versions.iter().find(|version| version.1 == place))
        .and_then(|&(_, _, commit, blob)| report_at(repo, commit, blob, file, document));
    chosen.ok_or_else(|| "no earlier report on its ref".to_owned())
}

/// The first parent of `commit`; `None` at a root, or where the parent is
/// not in the repository (a shallow fetch).
fn first_parent(repo: &gix::Repository, commit: ObjectId) -> Option<ObjectId> {
    let commit = repo.find_commit(commit).ok()?;
    let parent = commit.parent_ids().next()?.detach();
    repo.find_commit(parent).ok().map(|found| found.id)
}

/// `file` as it stood at `commit`, when it loads.
fn load_at(
    repo: &gix::Repository,
    commit: ObjectId,
    blob: Option<ObjectId>,
    file: &str,
    document: &Document,
) -> Option<Document> {
    let text = source::read_blob(repo, blob?, file).ok()?;
    let committed = repo
        .find_commit(commit)
        .ok()?
        .time()
        .ok()
        .and_then(source::day_of);
    let options = load::Options {
        as_of: None,
        today: committed.unwrap_or(document.as_of()),
    };
    Opened::parse(Path::new(file), text, options).into_document()
}

/// The figures of `file` at `commit`, as a baseline to compare with.
fn report_at(
    repo: &gix::Repository,
    commit: ObjectId,
    blob: Option<ObjectId>,
    file: &str,
    document: &Document,
) -> Option<Baseline> {
    let earlier = load_at(repo, commit, blob, file, document)?;
    let status = PlanStatus::compute(earlier.plan(), earlier.as_of());
    Some(Baseline::of_plan(
        earlier.plan(),
        &status,
        Some(&commit.to_string()),
    ))
}
