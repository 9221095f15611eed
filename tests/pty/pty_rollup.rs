//! The roll-up screen on the real binary: `campaigns rollup.toml` shows the
//! matrix, Enter opens a unit's own screen (its title on screen), `+` is
//! refused there as read-only, Esc comes back to the roll-up with the same
//! unit selected, and `q` exits 0 with the terminal given back.

use std::path::{Path, PathBuf};

use crate::pty_support::{Ended, Options, PATIENCE, Pty};

fn unit_plan(title: &str, as_of: &str, done: u32) -> String {
    format!(
        r#"[meta]
title = "{title}"
as_of = {as_of}

[[campaign]]
id = "clear-water"
name = {{ zh = "碧水保卫战", en = "Clear Water" }}
start = 2024-01-01
end = 2024-12-31

[[campaign.task]]
id = "yangtze-outfalls"
name = "Yangtze outfalls"
done = {done}
total = 100
"#
    )
}

/// Units a and b reported, c not reported (未报送), d broken.
fn rollup_in(dir: &Path) -> PathBuf {
    let mut manifest = String::from(
        r#"[rollup]
title = { zh = "全省调度", en = "Province roll-up" }
as_of = 2024-12-31
stale_after_days = 40

[[combine]]
item = "clear-water/yangtze-outfalls"
how = "sum"
"#,
    );
    let units = [
        ("a", unit_plan("Alpha city plan", "2024-12-31", 90)),
        ("b", unit_plan("Beta city plan", "2024-12-31", 60)),
        ("c", unit_plan("Gamma city plan", "2024-09-30", 10)),
        ("d", "[meta\n".to_owned()),
    ];
    for (id, text) in units {
        let folder = dir.join("units").join(id);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("campaigns.toml"), text).unwrap();
        manifest.push_str(&format!(
            "\n[[unit]]\nid = \"{id}\"\nname = {{ zh = \"{id}市\", en = \"{id} city\" }}\npath = \"units/{id}/campaigns.toml\"\n"
        ));
    }
    let path = dir.join("rollup.toml");
    std::fs::write(&path, manifest).unwrap();
    path
}

/// Whether the selected row (the pointer) holds `text`.
fn selected_row_has(screen: &str, text: &str) -> bool {
    screen
        .lines()
        .any(|line| line.contains('▸') && line.contains(text))
}

#[test]
fn enter_into_a_unit_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = rollup_in(dir.path());
    let mut pty = Pty::spawn(Options {
        size: (100, 30),
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Units × campaigns");
    let screen = pty.contents();
    assert!(
        screen.contains("c city") && screen.contains("not reported"),
        "{screen}"
    );
    assert!(
        screen.contains("d city") && screen.contains("errors"),
        "{screen}"
    );
    pty.send("j");
    pty.wait_until("b selected", |screen| selected_row_has(screen, "b city"));
    pty.send("\r");
    pty.wait_for("Beta city plan");
    pty.wait_gone("Units × campaigns");
    // Into its campaign, then `+`: refused, the figure unchanged on disk.
    pty.send("\r");
    pty.wait_for("Yangtze outfalls");
    pty.send("+");
    pty.wait_for("read-only: a unit of the roll-up");
    let file = dir.path().join("units/b/campaigns.toml");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("done = 60")
    );
    // Esc: back to its overview; Esc again: back to the roll-up, b still selected.
    pty.send("\x1b");
    pty.wait_gone("read-only");
    pty.send("\x1b");
    pty.wait_for("Units × campaigns");
    pty.wait_until("b still selected", |screen| {
        selected_row_has(screen, "b city")
    });
    // A unit's file saved: the matrix follows with no key pressed.
    let file = dir.path().join("units/a/campaigns.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("done = 90", "done = 100")).unwrap();
    pty.wait_until("a done", |screen| {
        screen
            .lines()
            .any(|line| line.contains("a city") && line.contains("done"))
    });
    pty.send("q");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("q quits");
    assert_eq!(ended, Ended::Code(0));
    assert!(!pty.alternate_screen(), "the terminal is given back");
}

/// `git` in `dir`, away from the machine's configuration.
fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
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

/// `campaigns fetch` done in another terminal (its record written): the
/// freshness pane says when, with no key pressed.
#[test]
fn a_fetch_elsewhere_shows_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    let plan = unit_plan("Alpha city plan", "2024-12-31", 90);
    std::fs::write(root.join("campaigns.toml"), plan).unwrap();
    git(root, &["add", "campaigns.toml"]);
    git(root, &["commit", "-q", "-m", "report"]);
    git(root, &["update-ref", "refs/remotes/a/main", "HEAD"]);
    let manifest = "[rollup]\ntitle = \"Province roll-up\"\nas_of = 2024-12-31\n\n[[unit]]\nid = \"a\"\nname = \"a city\"\nref = \"refs/remotes/a/main\"\n";
    let path = root.join("rollup.toml");
    std::fs::write(&path, manifest).unwrap();
    let mut pty = Pty::spawn(Options {
        size: (100, 30),
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Units × campaigns");
    pty.send("\t\t\t");
    pty.wait_for("never fetched");
    let record = "[fetched]\n\"refs/remotes/a/main\" = 2026-12-07T07:30:00Z\n";
    std::fs::write(root.join(".git/campaigns-fetch.toml"), record).unwrap();
    pty.wait_for("fetched 2026-12-07 07:30 UTC");
    pty.send("q");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("q quits");
    assert_eq!(ended, Ended::Code(0));
}

/// More units than the screen once watched (16): a unit's file saved by
/// rename, as vim does, is read again alone and its row follows, with no
/// key pressed; the others stay as they were.
#[test]
fn a_unit_saved_by_rename_among_twenty_shows_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let mut manifest = String::from(
        "[rollup]\ntitle = \"Province roll-up\"\nas_of = 2024-12-31\n\n[[combine]]\nitem = \"clear-water/yangtze-outfalls\"\nhow = \"sum\"\n",
    );
    for i in 1..=20 {
        let folder = dir.path().join(format!("units/u{i}"));
        std::fs::create_dir_all(&folder).unwrap();
        let plan = unit_plan(&format!("U{i} plan"), "2024-12-31", 60);
        std::fs::write(folder.join("campaigns.toml"), plan).unwrap();
        manifest.push_str(&format!(
            "\n[[unit]]\nid = \"u{i}\"\nname = \"u{i} city\"\npath = \"units/u{i}/campaigns.toml\"\n"
        ));
    }
    let path = dir.path().join("rollup.toml");
    std::fs::write(&path, manifest).unwrap();
    let mut pty = Pty::spawn(Options {
        size: (100, 40),
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Units × campaigns");
    pty.send("G");
    pty.wait_until("u20 selected", |screen| {
        selected_row_has(screen, "u20 city")
    });
    let row_done = |screen: &str, name: &str| {
        screen
            .lines()
            .any(|line| line.contains(name) && line.contains("done"))
    };
    assert!(!row_done(&pty.contents(), "u18 city"));
    let file = dir.path().join("units/u18/campaigns.toml");
    let saved = unit_plan("U18 plan", "2024-12-31", 100);
    let temporary = dir.path().join("units/u18/.campaigns.toml.swp");
    std::fs::write(&temporary, saved).unwrap();
    std::fs::rename(&temporary, &file).unwrap();
    pty.wait_until("u18 done", |screen| row_done(screen, "u18 city"));
    assert!(!row_done(&pty.contents(), "u17 city"));
    pty.send("q");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("q quits");
    assert_eq!(ended, Ended::Code(0));
}
