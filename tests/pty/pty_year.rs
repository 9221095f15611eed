//! The year view on the real binary: `y` opens it over a plan with a
//! report committed a year before, the 同比 arrives with the history read
//! off the screen's thread, and Enter opens the selected item in its
//! campaign view.

use std::path::Path;
use std::process::Command;

use crate::pty_support::{Ended, Options, PATIENCE, Pty};

fn git(dir: &Path, args: &[&str], date: &str) {
    let status = Command::new("git")
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
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

const PLAN: &str = "[meta]\ntitle = \"Qianjiang\"\nas_of = AS_OF\n\n\
    [[campaign]]\nid = \"blue-sky\"\nname = \"Blue Sky\"\n\n\
    [[campaign.indicator]]\nid = \"pm25\"\nname = \"PM2.5 mean\"\nunit = \"μg/m³\"\nvalue = PM25\nbetter = \"lower\"\n\n\
    [[campaign.task]]\nid = \"outfalls\"\nname = \"Outfalls\"\ndone = 5\ntotal = 10\n";

#[test]
fn y_opens_the_year_view_and_enter_opens_an_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    let plan = |as_of: &str, pm25: &str| PLAN.replace("AS_OF", as_of).replace("PM25", pm25);
    git(dir.path(), &["init", "-q"], "2023-12-31T12:00:00+08:00");
    std::fs::write(&path, plan("2023-12-31", "38.0")).unwrap();
    git(
        dir.path(),
        &["add", "campaigns.toml"],
        "2023-12-31T12:00:00+08:00",
    );
    git(
        dir.path(),
        &["commit", "-qm", "2023"],
        "2023-12-31T12:00:00+08:00",
    );
    std::fs::write(&path, plan("2024-12-31", "32.0")).unwrap();
    git(
        dir.path(),
        &["commit", "-qam", "2024"],
        "2024-12-31T12:00:00+08:00",
    );
    let path = path.to_str().unwrap();
    let mut pty = Pty::spawn(Options {
        size: (100, 24),
        args: &["--lang", "en", path],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("y");
    pty.wait_for("Year on year: 2 items");
    pty.wait_for("down 15.8% year on year, better");
    // `y` again goes back to where the view was opened; a third opens it again.
    pty.send("y");
    pty.wait_gone("Year on year:");
    pty.send("y");
    pty.wait_for("down 15.8% year on year, better");
    // The first row is the task: Enter opens it in Blue Sky's view.
    pty.send("\r");
    pty.wait_until("Blue Sky's view with the outfalls selected", |screen| {
        !screen.contains("Year on year:")
            && screen
                .lines()
                .any(|line| line.contains('▸') && line.contains("Outfalls"))
    });
    pty.send("q");
    pty.send("q");
    pty.send("q");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("q quits");
    assert_eq!(ended, Ended::Code(0));
}
