//! The commits that touched the file, first parent first from HEAD, as
//! `git log --first-parent -- FILE` lists them: each commit whose entry for
//! the path (object and mode, or its absence) differs from its first
//! parent's, and a root commit that has the file.
//!
//! The walk ends on every graph `git log` ends on: a commit already walked
//! (a cycle made by `refs/replace/`, which gix honours as git does) is
//! compared with and not walked again. A commit whose date cannot be read
//! is listed without one; it costs that revision, not the history.

use std::collections::HashSet;

use gix::ObjectId;
use gix::objs::tree::EntryMode;

use super::error::{HistoryError, git_error};
use super::rename::renamed_from;
use super::revision::Boundary;

/// One commit that touched the file.
pub(super) struct Touch {
    pub commit: ObjectId,
    /// `None` when the commit's date could not be read.
    pub time: Option<gix::date::Time>,
    /// The file's blob at that commit; `None` where the commit deleted it.
    pub blob: Option<ObjectId>,
}

/// What the walk found, newest first, and why it stopped before the root
/// (if it did).
pub(super) struct Walk {
    pub touches: Vec<Touch>,
    pub boundary: Option<Boundary>,
    /// The file's blob at HEAD, to tell whether the working copy differs.
    pub at_head: Option<ObjectId>,
}

/// A commit read for the walk.
struct Step {
    id: ObjectId,
    tree: ObjectId,
    first_parent: Option<ObjectId>,
    time: Option<gix::date::Time>,
}

pub(super) fn walk(repo: &gix::Repository, path: &str) -> Result<Walk, HistoryError> {
    let head = repo.head().map_err(|err| git_error(repo, "HEAD", err))?;
    if head.is_unborn() {
        return Ok(Walk {
            touches: Vec::new(),
            boundary: None,
            at_head: None,
        });
    }
    let head_id = repo
        .head_commit()
        .map_err(|err| git_error(repo, "HEAD", err))?
        .id;
    // The commits of a shallow clone whose parents are not here: git
    // treats them as roots, and so does the walk, saying so.
    let shallow: HashSet<ObjectId> = repo
        .shallow_commits()
        .map_err(|err| git_error(repo, "the shallow file", err))?
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();

    let mut touches = Vec::new();
    let mut boundary = None;
    let mut visited = HashSet::new();
    let mut step = read_step(repo, head_id)?;
    let mut entry = entry_at(repo, step.tree, path)?;
    let at_head = entry.map(|(id, _)| id);
    loop {
        visited.insert(step.id);
        let is_shallow = shallow.contains(&step.id);
        let parent = step.first_parent.filter(|_| !is_shallow);
        let Some(parent) = parent else {
            if entry.is_some() {
                touches.push(touch(&step, entry));
            }
            if is_shallow {
                boundary = Some(Boundary::Shallow {
                    commit: step.id.to_string(),
                });
            }
            break;
        };
        let parent_step = read_step(repo, parent)?;
        let parent_entry = if parent_step.tree == step.tree {
            entry
        } else {
            entry_at(repo, parent_step.tree, path)?
        };
        if parent_entry != entry {
            touches.push(touch(&step, entry));
            if let (None, Some((blob, _))) = (parent_entry, entry)
                && let Some(from) = renamed_from(repo, parent_step.tree, step.tree, blob)?
            {
                boundary = Some(Boundary::Renamed {
                    commit: step.id.to_string(),
                    from,
                });
                break;
            }
        }
        // Walked already: a cycle, which only a replacement can make.
        if visited.contains(&parent) {
            break;
        }
        step = parent_step;
        entry = parent_entry;
    }
    Ok(Walk {
        touches,
        boundary,
        at_head,
    })
}

fn touch(step: &Step, entry: Option<(ObjectId, EntryMode)>) -> Touch {
    Touch {
        commit: step.id,
        time: step.time,
        blob: entry.map(|(id, _)| id),
    }
}

fn read_step(repo: &gix::Repository, id: ObjectId) -> Result<Step, HistoryError> {
    let what = || format!("commit {id}");
    let commit = repo
        .find_commit(id)
        .map_err(|err| git_error(repo, &what(), err))?;
    let tree = commit
        .tree_id()
        .map_err(|err| git_error(repo, &what(), err))?
        .detach();
    let first_parent = commit.parent_ids().next().map(|id| id.detach());
    // A malformed date (git log shows the commit all the same).
    let time = commit.time().ok();
    Ok(Step {
        id,
        tree,
        first_parent,
        time,
    })
}

/// The file's blob and mode in `tree`; `None` when the path is absent or
/// is not a file (a directory, a submodule).
pub(super) fn entry_at(
    repo: &gix::Repository,
    tree: ObjectId,
    path: &str,
) -> Result<Option<(ObjectId, EntryMode)>, HistoryError> {
    let what = || format!("tree {tree}");
    let tree = repo
        .find_tree(tree)
        .map_err(|err| git_error(repo, &what(), err))?;
    let entry = tree
        .lookup_entry(path.split('/'))
        .map_err(|err| git_error(repo, &what(), err))?;
    Ok(entry
        .filter(|entry| entry.mode().is_blob_or_symlink())
        .map(|entry| (entry.object_id(), entry.mode())))
}
