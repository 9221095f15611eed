//! When each unit's ref was last fetched: `campaigns fetch` records the
//! time of every successful fetch in a small file of the repository's git
//! directory (`.git/campaigns-fetch.toml`, never committed, shared by every
//! worktree), keyed by the ref a unit reads. The report and the screen read
//! it to say how fresh a `ref` unit is.
//!
//! ```toml
//! [fetched]
//! "refs/remotes/qianjiang/main" = 2026-12-07T07:30:00Z
//! ```

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};

/// The record's file name in the git directory.
pub const RECORD_FILE: &str = "campaigns-fetch.toml";

/// The last successful fetch of each ref (`refs/remotes/<unit>/main`).
pub type Fetched = BTreeMap<String, DateTime<Utc>>;

/// The record of the repository holding `folder` (a manifest's folder):
/// empty when there is no repository, no record, or a record that does
/// not parse (it is rewritten whole by the next fetch).
pub fn fetched(folder: &Path) -> Fetched {
    let folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    match gix::discover(&folder) {
        Ok(repo) => read_record(repo.common_dir()),
        Err(_) => Fetched::new(),
    }
}

/// The record file of a git directory (the common one, for worktrees).
pub fn record_path(git_dir: &Path) -> PathBuf {
    git_dir.join(RECORD_FILE)
}

/// Reads the record in `git_dir`; what is not a ref with a UTC time is
/// left out.
pub fn read_record(git_dir: &Path) -> Fetched {
    let Ok(text) = crate::load::read(&record_path(git_dir)) else {
        return Fetched::new();
    };
    parse_record(&text)
}

/// The record's text as times by ref.
pub fn parse_record(text: &str) -> Fetched {
    let Ok(document) = text.parse::<toml_edit::DocumentMut>() else {
        return Fetched::new();
    };
    let Some(table) = document.get("fetched").and_then(|t| t.as_table_like()) else {
        return Fetched::new();
    };
    table
        .iter()
        .filter_map(|(reference, value)| {
            let at = value.as_value()?.as_datetime()?.to_string();
            let at = DateTime::parse_from_rfc3339(&at).ok()?;
            Some((reference.to_owned(), at.with_timezone(&Utc)))
        })
        .collect()
}

/// The record's text: one line per ref, in the refs' order.
pub fn render_record(fetched: &Fetched) -> String {
    let mut text = String::from(
        "# When `campaigns fetch` last fetched each unit's ref (UTC). Written by it; not committed.\n[fetched]\n",
    );
    for (reference, at) in fetched {
        // A ref name has no quote or backslash (git refuses them), but the
        // key is written as TOML escapes it all the same.
        let key = toml_edit::Key::new(reference.as_str());
        let at = at.to_rfc3339_opts(SecondsFormat::Secs, true);
        text.push_str(&format!("{} = {at}\n", key.display_repr()));
    }
    text
}

/// Adds `done` (each ref fetched and when) to the record in `git_dir`,
/// keeping the other refs' times. The file is written whole or not at
/// all (a temporary file beside it, synced, renamed over), under a lock
/// on the git directory so that two fetches at once lose neither's times.
pub fn record(git_dir: &Path, done: &Fetched) -> std::io::Result<()> {
    let lock = File::open(git_dir)?;
    lock.lock()?;
    let mut fetched = read_record(git_dir);
    fetched.extend(done.iter().map(|(r, at)| (r.clone(), *at)));
    let mut temp = tempfile::Builder::new()
        .prefix(".campaigns-fetch.toml.tmp-")
        .tempfile_in(git_dir)?;
    temp.write_all(render_record(&fetched).as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(record_path(git_dir))
        .map_err(|err| err.error)?;
    // The rename reaches the disk with the directory's own sync.
    lock.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let mut fetched = Fetched::new();
        fetched.insert("refs/remotes/wuhan/main".into(), at("2026-12-07T07:30:00Z"));
        fetched.insert("refs/remotes/潜江/main".into(), at("2026-12-06T23:59:59Z"));
        assert_eq!(parse_record(&render_record(&fetched)), fetched);
    }

    #[test]
    fn what_is_not_a_time_is_left_out_and_a_broken_record_is_empty() {
        let text = "[fetched]\n\"refs/remotes/a/main\" = 2026-12-07T08:00:00+08:00\nb = \"yesterday\"\nc = 3\n";
        let fetched = parse_record(text);
        assert_eq!(fetched.len(), 1);
        assert_eq!(fetched["refs/remotes/a/main"], at("2026-12-07T00:00:00Z"));
        assert!(parse_record("[fetched\n").is_empty());
        assert!(parse_record("other = 1\n").is_empty());
    }

    #[test]
    fn recording_keeps_the_other_refs_and_replaces_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let first = Fetched::from([
            ("refs/remotes/a/main".to_owned(), at("2026-12-01T00:00:00Z")),
            ("refs/remotes/b/main".to_owned(), at("2026-12-01T00:00:00Z")),
        ]);
        record(dir.path(), &first).unwrap();
        let later = Fetched::from([("refs/remotes/b/main".to_owned(), at("2026-12-07T00:00:00Z"))]);
        record(dir.path(), &later).unwrap();
        let read = read_record(dir.path());
        assert_eq!(read["refs/remotes/a/main"], at("2026-12-01T00:00:00Z"));
        assert_eq!(read["refs/remotes/b/main"], at("2026-12-07T00:00:00Z"));
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    }
}
