//! Whether the commit where the file first appears renamed it from another
//! path: the history stops there (it does not follow the old name).
//!
//! A rename is what git's diff calls one by default: a file that the commit
//! deleted whose content is the same, or at least half the same (`-M50%`),
//! measured here by the bytes of the lines the two have in common.

use std::collections::HashMap;

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::objs::tree::EntryMode;

use super::error::{HistoryError, git_error};

/// Deleted files looked at, at most: a commit that deletes thousands of
/// files is not read whole to name a rename.
const MAX_CANDIDATES: usize = 200;
/// Deleted files whose content is compared, at most.
const MAX_COMPARED: usize = 50;
/// git's default rename threshold.
const SIMILAR: f64 = 0.5;

/// The path the file at `blob` in `tree` was renamed from in the commit
/// going from `parent_tree` to `tree`, if it was.
pub(super) fn renamed_from(
    repo: &gix::Repository,
    parent_tree: ObjectId,
    tree: ObjectId,
    blob: ObjectId,
) -> Result<Option<String>, HistoryError> {
    let mut deleted = Vec::new();
    collect_deleted(repo, parent_tree, Some(tree), "", &mut deleted)?;
    if let Some((path, _)) = deleted.iter().find(|(_, id)| *id == blob) {
        return Ok(Some(path.clone()));
    }
    // Sizes from the objects' headers: a file too large to load is not
    // read to name a rename, and one that cannot reach the threshold (its
    // size under half or over twice the other's) is never read.
    let new_size = blob_size(repo, blob)?;
    if new_size > crate::load::MAX_FILE_BYTES {
        return Ok(None);
    }
    let new = read_blob(repo, blob)?;
    let mut best: Option<(f64, &String)> = None;
    for (path, id) in deleted.iter().take(MAX_COMPARED) {
        if !could_be_similar(blob_size(repo, *id)?, new_size) {
            continue;
        }
        let old = read_blob(repo, *id)?;
        let score = similarity(&old, &new);
        if score >= SIMILAR && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, path));
        }
    }
    Ok(best.map(|(_, path)| path.clone()))
}

/// The files under `old` that are not under `new` (by path), with their
/// blobs; a subtree both have unchanged is skipped whole.
fn collect_deleted(
    repo: &gix::Repository,
    old: ObjectId,
    new: Option<ObjectId>,
    prefix: &str,
    out: &mut Vec<(String, ObjectId)>,
) -> Result<(), HistoryError> {
    if out.len() >= MAX_CANDIDATES || Some(old) == new {
        return Ok(());
    }
    let new_entries: HashMap<Vec<u8>, (ObjectId, EntryMode)> = match new {
        Some(new) => entries(repo, new)?
            .into_iter()
            .map(|(name, id, mode)| (name, (id, mode)))
            .collect(),
        None => HashMap::new(),
    };
    for (name, id, mode) in entries(repo, old)? {
        let Ok(name_text) = name.to_str() else {
            continue;
        };
        let path = format!("{prefix}{name_text}");
        let counterpart = new_entries.get(&name);
        if mode.is_tree() {
            let same_tree = counterpart
                .filter(|(_, mode)| mode.is_tree())
                .map(|(id, _)| *id);
            collect_deleted(repo, id, same_tree, &format!("{path}/"), out)?;
        } else if mode.is_blob() && counterpart.is_none_or(|(_, mode)| !mode.is_blob()) {
            out.push((path, id));
        }
        if out.len() >= MAX_CANDIDATES {
            break;
        }
    }
    Ok(())
}

fn entries(
    repo: &gix::Repository,
    tree: ObjectId,
) -> Result<Vec<(Vec<u8>, ObjectId, EntryMode)>, HistoryError> {
    let what = || format!("tree {tree}");
    let tree = repo
        .find_tree(tree)
        .map_err(|err| git_error(repo, &what(), err))?;
    let decoded = tree.decode().map_err(|err| git_error(repo, &what(), err))?;
    Ok(decoded
        .entries
        .iter()
        .map(|entry| (entry.filename.to_vec(), entry.oid.to_owned(), entry.mode))
        .collect())
}

fn blob_size(repo: &gix::Repository, id: ObjectId) -> Result<u64, HistoryError> {
    repo.find_header(id)
        .map(|header| header.size())
        .map_err(|err| git_error(repo, &format!("blob {id}"), err))
}

/// Whether two files of these sizes can be similar: the lines in common
/// are at most the smaller file, and similarity is over the larger.
fn could_be_similar(a: u64, b: u64) -> bool {
    a.min(b) as f64 >= SIMILAR * a.max(b) as f64
}

fn read_blob(repo: &gix::Repository, id: ObjectId) -> Result<Vec<u8>, HistoryError> {
    repo.find_blob(id)
        .map(|mut blob| blob.take_data())
        .map_err(|err| git_error(repo, &format!("blob {id}"), err))
}

/// The share of the larger text made of lines the two have in common
/// (each line counted as often as both have it), 0..=1.
fn similarity(old: &[u8], new: &[u8]) -> f64 {
    let larger = old.len().max(new.len());
    if larger == 0 {
        return 1.0;
    }
    let mut lines: HashMap<&[u8], usize> = HashMap::new();
    for line in old.split_inclusive(|&b| b == b'\n') {
        *lines.entry(line).or_default() += 1;
    }
    let mut common = 0;
    for line in new.split_inclusive(|&b| b == b'\n') {
        if let Some(count) = lines.get_mut(line).filter(|count| **count > 0) {
            *count -= 1;
            common += line.len();
        }
    }
    common as f64 / larger as f64
}

#[cfg(test)]
mod tests {
    use super::{could_be_similar, similarity};

    #[test]
    fn a_file_under_half_or_over_twice_the_size_cannot_be_similar() {
        assert!(could_be_similar(50, 100));
        assert!(could_be_similar(100, 50));
        assert!(!could_be_similar(49, 100));
        assert!(!could_be_similar(100, 201));
        assert!(could_be_similar(0, 0));
        assert!(!could_be_similar(0, 1));
    }

    #[test]
    fn similarity_counts_the_bytes_of_common_lines() {
        assert_eq!(similarity(b"a\nb\n", b"a\nb\n"), 1.0);
        assert_eq!(similarity(b"a\nb\n", b"a\nc\n"), 0.5);
        assert_eq!(similarity(b"a\n", b"x\ny\nz\nw\n"), 0.0);
        assert_eq!(similarity(b"", b""), 1.0);
    }
}
