//! The reader stops between revisions once cancelled: a read that a newer
//! one supersedes costs at most one more revision's load.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::NaiveDate;

use super::{Cancel, HistoryError, Options, Stopped, read, read_checking, read_unless_cancelled};

pub(crate) fn options() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

/// A repository of `commits` commits of `campaigns.toml`, each a new
/// `done`; gives the file's path.
pub(crate) fn repository(dir: &Path, commits: usize) -> PathBuf {
    let git = |args: &[&str]| {
        let mut command = Command::new("git");
        command
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["-c", "init.defaultBranch=main"])
            .args(args);
        command
    };
    assert!(git(&["init", "-q"]).status().unwrap().success());
    let mut stream = String::new();
    for i in 0..commits {
        let body = format!(
            "[meta]\ntitle = \"T\"\nas_of = 2024-{:02}-28\n[[campaign]]\nid = \"c\"\nname = \"C\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = {i}\n",
            i % 12 + 1
        );
        let from = if i > 0 {
            format!("from :{i}\n")
        } else {
            String::new()
        };
        let when = 1_704_067_200 + 3600 * i;
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{}\ncommitter C <c@example.com> {when} +0800\ndata 1\nx\n{from}M 100644 inline campaigns.toml\ndata {}\n{body}\n",
            i + 1,
            body.len()
        ));
    }
    let mut import = git(&["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    import
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(import.wait().unwrap().success());
    assert!(git(&["checkout", "-q", "main"]).status().unwrap().success());
    dir.join("campaigns.toml")
}

#[test]
fn the_reader_asks_before_every_revision() {
    let dir = tempfile::tempdir().unwrap();
    let file = repository(dir.path(), 5);
    let mut asked = 0;
    let history = read_checking(&file, options(), || {
        asked += 1;
        Ok::<(), HistoryError>(())
    })
    .unwrap();
    assert_eq!(history.revisions.len(), 5);
    // After the walk, before each of the 5 revisions, and at the end.
    assert_eq!(asked, 7);
    let uncancelled = read_unless_cancelled(&file, options(), &Cancel::default()).unwrap();
    assert_eq!(uncancelled, read(&file, options()).unwrap());
}

#[test]
fn a_cancelled_read_loads_no_further_revision() {
    let dir = tempfile::tempdir().unwrap();
    let file = repository(dir.path(), 5);
    let cancel = Cancel::default();
    let mut asked = 0;
    let read = read_checking(&file, options(), || {
        asked += 1;
        // Pulled while the second revision loads, as a newer read would.
        if asked == 3 {
            cancel.cancel();
        }
        cancel.check()
    });
    assert!(matches!(read, Err(Stopped::Cancelled)), "{read:?}");
    // Stopped at the next question, not after the other revisions.
    assert_eq!(asked, 3);
}

#[test]
fn a_read_cancelled_before_it_starts_reads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = repository(dir.path(), 3);
    let cancel = Cancel::default();
    let clone = cancel.clone();
    clone.cancel();
    assert!(cancel.is_cancelled());
    let read = read_unless_cancelled(&file, options(), &cancel);
    assert!(matches!(read, Err(Stopped::Cancelled)), "{read:?}");
}

#[test]
fn a_read_that_fails_says_why_not_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let read = read_unless_cancelled(
        &dir.path().join("campaigns.toml"),
        options(),
        &Cancel::default(),
    );
    assert!(
        matches!(read, Err(Stopped::Failed(HistoryError::NotInGit { .. }))),
        "{read:?}"
    );
}
