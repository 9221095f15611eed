//! The figures over time on the real binary: in a repository whose last
//! commit is the last report, the row shows its change since then once the
//! history (read off the event loop) arrives, and the footer the baseline.

use std::path::Path;
use std::process::Command;

use crate::pty_support::{Options, Pty};

fn git(dir: &Path, date: &str, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .args([
            "-c",
            "user.name=Clerk",
            "-c",
            "user.email=clerk@example.com",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_row_shows_its_change_since_the_last_report() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/plan.toml");
    let current = std::fs::read_to_string(fixture).unwrap();
    let before = current
        .replacen("as_of = 2024-12-31", "as_of = 2024-11-30", 1)
        .replacen("done = 513", "done = 505", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    git(dir.path(), "2024-12-01T10:00:00+08:00", &["init", "-q"]);
    std::fs::write(&path, before).unwrap();
    git(
        dir.path(),
        "2024-12-01T10:00:00+08:00",
        &["add", "campaigns.toml"],
    );
    git(
        dir.path(),
        "2024-12-01T10:00:00+08:00",
        &["commit", "-q", "-m", "November"],
    );
    // The current figures, not yet committed: the working copy.
    std::fs::write(&path, current).unwrap();
    let path = path.to_str().unwrap();
    let mut pty = Pty::spawn(Options {
        size: (100, 30),
        args: &["--lang", "en", path],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("1");
    pty.wait_until("the labels row with +8", |screen| {
        screen
            .lines()
            .any(|line| line.contains("Labels for non-road") && line.contains("+8"))
    });
    pty.wait_for("since 2024-11-30");
    // `d`: only what moved, the labels with how; Enter opens them.
    pty.send("d");
    pty.wait_for("Changes since 2024-11-30 (");
    pty.wait_until("the labels in the changes list", |screen| {
        screen
            .lines()
            .any(|line| line.contains("Labels for non-road") && line.contains("+8 ↓ was"))
    });
    pty.send("\r");
    pty.wait_gone("Changes since");
    pty.wait_for("☁ Blue Sky");
    pty.wait_for("Labels for non-road");
    pty.send("Q");
}
