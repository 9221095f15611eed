//! `--screen-reader` on the real binary: braille displays and Orca follow
//! the terminal's cursor, so in every list view the vt100 cursor must stand
//! on the row drawn as selected (reverse video), after moves, a filter and
//! a resize; on the prompt's text while one is typed; on the help's first
//! line. Without the flag the cursor stays hidden.

use std::path::Path;
use std::process::Command;

use crate::pty_support::{Options, PATIENCE, Pty};

/// The selected row's pointer in words mode (ASCII's: `▸` would be read out
/// as a character's name).
const POINTER: &str = ")";

/// Where the cursor stands: its row, the row's text, the text left of the
/// cursor, and whether the cell under it is drawn selected.
struct Cursor {
    row: u16,
    line: String,
    before: String,
    /// From the cursor to the row's end.
    at: String,
    selected: bool,
}

fn cursor(pty: &Pty) -> Option<Cursor> {
    pty.with_screen(|screen| {
        if screen.hide_cursor() {
            return None;
        }
        let (row, col) = screen.cursor_position();
        let (_, width) = screen.size();
        let line = screen.rows(0, width.get()).nth(usize::from(row))?;
        let before = screen.rows(0, col).nth(usize::from(row))?;
        let at = screen.rows(col, width.get()).nth(usize::from(row))?;
        // Reverse video, or the pointer a row without it carries.
        let selected = screen
            .cell(row, col)
            .is_some_and(|c| c.inverse() || c.contents() == POINTER);
        Some(Cursor {
            row,
            line,
            before,
            at,
            selected,
        })
    })
}

/// Waits until the cursor is shown on a selected cell of a row that holds
/// `text`; gives that row.
fn on_selected(pty: &Pty, text: &str) -> u16 {
    wait_cursor(pty, &format!("the cursor on the selected `{text}`"), |c| {
        c.selected && c.line.contains(text)
    })
}

/// Waits until the cursor is on the selected card's title, `name` the first
/// words from the cursor on.
fn on_card(pty: &Pty, name: &str) -> u16 {
    wait_cursor(pty, &format!("the cursor on the card `{name}`"), |c| {
        let title: String = c.at.chars().take(name.chars().count() + 3).collect();
        c.selected && title.contains(name)
    })
}

fn wait_cursor(pty: &Pty, what: &str, holds: impl Fn(&Cursor) -> bool) -> u16 {
    let start = std::time::Instant::now();
    loop {
        if let Some(at) = cursor(pty).filter(|c| holds(c)) {
            return at.row;
        }
        if start.elapsed() > PATIENCE {
            let at = cursor(pty).map(|c| (c.row, c.before, c.selected));
            panic!(
                "waited for {what}; cursor (row, text before, selected): {at:?}; screen:\n{}",
                pty.contents()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Waits until the cursor stands on a selected row other than `row`, one
/// line further by `step`; gives its text.
fn moved(pty: &Pty, row: u16, step: i32) -> String {
    let to = u16::try_from(i32::from(row) + step).unwrap();
    wait_cursor(
        pty,
        &format!("the cursor moved from row {row} to {to}"),
        |c| c.selected && c.row == to,
    );
    cursor(pty).unwrap().line
}

fn git(dir: &Path, args: &[&str]) {
    let date = "2024-12-01T10:00:00+08:00";
    let out = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .args(["-c", "user.name=Clerk", "-c", "user.email=c@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// The tui fixture committed as last month's report, the current figures in
/// the working copy: the changes list has rows.
fn plan_with_history() -> (tempfile::TempDir, String) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/plan.toml");
    let current = std::fs::read_to_string(fixture).unwrap();
    let before = current
        .replacen("as_of = 2024-12-31", "as_of = 2024-11-30", 1)
        .replacen("done = 513", "done = 505", 1)
        .replacen("done = 110", "done = 100", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    git(dir.path(), &["init", "-q"]);
    std::fs::write(&path, before).unwrap();
    git(dir.path(), &["add", "campaigns.toml"]);
    git(dir.path(), &["commit", "-q", "-m", "November"]);
    std::fs::write(&path, current).unwrap();
    (dir, path.to_str().unwrap().to_owned())
}

fn spawn(path: &str, flag: bool) -> Pty {
    let args: &[&str] = if flag {
        &["--lang", "en", "--screen-reader", path]
    } else {
        &["--lang", "en", path]
    };
    Pty::spawn(Options {
        args,
        ..Options::default()
    })
}

/// Words for glyphs: no box drawing, block, geometric shape or dingbat
/// (borders, gauges, `▼`, `✔`) is left for a screen reader to read out.
fn no_drawing(pty: &Pty) {
    let screen = pty.contents();
    let drawn: Vec<char> = screen
        .chars()
        .filter(|c| matches!(u32::from(*c), 0x2500..=0x25FF | 0x2700..=0x27BF))
        .collect();
    assert!(drawn.is_empty(), "{drawn:?} on:\n{screen}");
}

/// Resizes the terminal and waits until the app has drawn the new size
/// (the screen model keeps the old rows until then).
fn resize(pty: &mut Pty, size: (u16, u16)) {
    pty.resize(size);
    pty.settle(std::time::Duration::from_millis(150));
}

/// Down then up in a list: the cursor follows the selection row by row.
fn down_and_up(pty: &mut Pty, row: u16) {
    pty.send("j");
    moved(pty, row, 1);
    pty.send("k");
    moved(pty, row + 1, -1);
}

#[test]
fn the_cursor_stands_on_the_selection_in_every_list_view() {
    let (_dir, path) = plan_with_history();
    let mut pty = spawn(&path, true);
    // Overview: the selected card's title (three cards a row at 120
    // columns), cards side by side told apart by the column.
    on_card(&pty, "Blue Sky");
    no_drawing(&pty);
    pty.send("j");
    on_card(&pty, "Inspection findings");
    pty.send("k");
    on_card(&pty, "Blue Sky");

    // A campaign's list, moved, filtered (the cursor on the typed text
    // first), then resized.
    pty.send("2");
    pty.wait_for("Tasks and indicators");
    let row = on_selected(&pty, POINTER);
    no_drawing(&pty);
    down_and_up(&mut pty, row);
    pty.send("/lake");
    wait_cursor(&pty, "the cursor after the typed filter", |c| {
        c.before.trim_end().ends_with("lake") && !c.line.contains("Outfalls on 16 lakes")
    });
    pty.send("\r");
    on_selected(&pty, "Outfalls on 16 lakes");
    resize(&mut pty, (100, 30));
    on_selected(&pty, "Outfalls on 16 lakes");
    resize(&mut pty, (120, 40));
    pty.send("\x1b");
    pty.wait_gone("filter: lake");
    let row = on_selected(&pty, POINTER);
    down_and_up(&mut pty, row);

    // The update prompt: the cursor where the next digit goes.
    pty.send("u");
    wait_cursor(&pty, "the cursor in the update prompt", |c| {
        c.before.contains(" > ")
    });
    pty.send("\x1b");
    on_selected(&pty, POINTER);
    pty.send("\x1b");
    on_card(&pty, "Clear Water");

    // The attention list, the changes, due soon and the year view.
    for (key, title) in [
        ("a", "Attention list"),
        ("d", "Changes since"),
        ("t", "Due soon"),
        ("y", "Year on year"),
    ] {
        pty.send(key);
        pty.wait_for(title);
        let row = on_selected(&pty, POINTER);
        down_and_up(&mut pty, row);
        resize(&mut pty, (100, 30));
        on_selected(&pty, POINTER);
        resize(&mut pty, (120, 40));
        pty.send(key);
        on_card(&pty, "Clear Water");
    }

    // The attention list by lead: the cursor skips the leads' headings.
    pty.send("a");
    pty.wait_for("Attention list");
    pty.send("o");
    pty.wait_for("Attention list by lead");
    let row = on_selected(&pty, POINTER);
    no_drawing(&pty);
    down_and_up(&mut pty, row);
    pty.send("o");
    pty.wait_gone("by lead");
    pty.send("a");
    on_card(&pty, "Clear Water");

    // The search from the attention list: typed text, then the results.
    pty.send("a");
    pty.wait_for("Attention list");
    pty.send("/outfall");
    wait_cursor(&pty, "the cursor after the typed search", |c| {
        c.before.trim_end().ends_with("outfall")
    });
    pty.send("\r");
    on_selected(&pty, "outfall");
    pty.send("a");

    // The help: its first line.
    pty.send("?");
    pty.wait_for("Help");
    wait_cursor(&pty, "the cursor on the help's first line", |c| {
        !c.line.trim().is_empty() && !c.line.contains("Help")
    });
    pty.send("Q");
}

#[test]
fn the_cursor_stands_on_the_selected_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/plan.toml");
    let plan = std::fs::read_to_string(fixture).unwrap();
    // Two warnings (more done than the total): the plan still shows, and
    // the panel has two problems to move between.
    let broken =
        plan.replacen("done = 513", "done = 7000", 1)
            .replacen("done = 110", "done = 9000", 1);
    std::fs::write(&path, broken).unwrap();
    let mut pty = spawn(path.to_str().unwrap(), true);
    pty.wait_for("Blue Sky");
    pty.send("p");
    let row = on_selected(&pty, "is more than `total`");
    pty.send("j");
    let next = wait_cursor(&pty, "the cursor on the second problem", |c| {
        c.selected && c.line.contains("is more than `total`") && c.row > row
    });
    pty.send("k");
    wait_cursor(&pty, "the cursor back on the first problem", |c| {
        c.selected && c.row == row
    });
    assert!(next > row);
    pty.send("\x1b");
    on_card(&pty, "Blue Sky");
    pty.send("Q");
}

#[test]
fn without_the_flag_the_cursor_stays_hidden() {
    let (_dir, path) = plan_with_history();
    let mut pty = spawn(&path, false);
    pty.wait_for("Blue Sky");
    pty.send("2");
    pty.wait_for("Outfalls on 16 lakes");
    pty.settle(std::time::Duration::from_millis(100));
    assert!(pty.cursor_hidden(), "the cursor is hidden without the flag");
    pty.send("Q");
}

/// `screen_reader = true` in the config does what the flag does.
#[test]
fn the_config_turns_it_on() {
    let (dir, path) = plan_with_history();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "screen_reader = true\n").unwrap();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", "--config", config.to_str().unwrap(), &path],
        ..Options::default()
    });
    on_card(&pty, "Blue Sky");
    no_drawing(&pty);
    pty.send("Q");
}
