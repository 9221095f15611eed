//! The attention list (督办清单) on the real binary: `a` opens it over the
//! shipped file, Enter opens the selected item in its campaign view, Esc
//! comes back to the list.

use crate::pty_support::{Ended, Options, PATIENCE, Pty};

/// The shipped file, in a directory of its own (the app watches it).
fn shipped_in_tempdir() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("campaigns.toml"),
        &path,
    )
    .unwrap();
    let path = path.to_str().unwrap().to_owned();
    (dir, path)
}

/// The screen line holding `text`, if any.
fn line_with<'a>(screen: &'a str, text: &str) -> Option<&'a str> {
    screen.lines().find(|line| line.contains(text))
}

/// Whether the selected row (the pointer) is the one holding `text`.
fn selected_row_has(screen: &str, text: &str) -> bool {
    screen
        .lines()
        .any(|line| line.contains('▸') && line.contains(text))
}

fn walk(size: (u16, u16)) {
    let (_dir, path) = shipped_in_tempdir();
    let mut pty = Pty::spawn(Options {
        size,
        args: &["--lang", "en", &path],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("a");
    pty.wait_for("Attention list (2 items)");
    let screen = pty.contents();
    let canal = line_with(&screen, "Main Canal").expect("the canal outfalls are listed");
    assert!(
        canal.contains("behind*") && canal.contains("32 pts"),
        "{canal}"
    );
    assert!(
        screen.contains("* assumed: not from the source"),
        "{screen}"
    );
    // The second row, then into its campaign: the canal outfalls selected.
    pty.send("j");
    pty.wait_until("the canal outfalls selected in the list", |screen| {
        selected_row_has(screen, "Main Canal")
    });
    pty.send("\r");
    // The campaign view: the list gone, Clear Water's other tasks shown
    // (the Yangtze outfalls, on track, are not in the attention list).
    pty.wait_until(
        "Clear Water's view with the canal outfalls selected",
        |screen| {
            !screen.contains("Attention list")
                && screen.contains("Yangtze")
                && selected_row_has(screen, "Main Canal")
        },
    );
    // Esc: back to the list, still on that item; again: the overview.
    pty.send("\x1b");
    pty.wait_for("Attention list (2 items)");
    assert!(
        selected_row_has(&pty.contents(), "Main Canal"),
        "{}",
        pty.contents()
    );
    pty.send("q");
    pty.wait_for("Enter open");
    pty.send("q");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("`q` on the overview quits");
    assert_eq!(ended, Ended::Code(0));
}

#[test]
fn a_opens_the_attention_list_and_enter_goes_to_the_item_at_120x40() {
    walk((120, 40));
}

#[test]
fn a_opens_the_attention_list_and_enter_goes_to_the_item_at_80x24() {
    walk((80, 24));
}
