//! The search across campaigns on the real binary: `/PM2.5⏎` from the
//! overview lands on the PM2.5 item in Blue Sky, `n` steps on.

use crate::pty_support::{Ended, Options, PATIENCE, Pty};

#[test]
fn slash_pm25_enter_from_the_overview_lands_on_the_pm25_item_in_blue_sky() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("campaigns.toml");
    std::fs::copy(shipped, &path).unwrap();
    let mut pty = Pty::spawn(Options {
        size: (120, 40),
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("/PM2.5");
    pty.wait_for("Search “PM2.5” (1 match)");
    pty.send("\r");
    pty.wait_until("Blue Sky's view with PM2.5 selected", |screen| {
        screen.contains("Blue Sky · Tasks and indicators")
            && screen
                .lines()
                .any(|line| line.contains('▸') && line.contains("PM2.5 cumulative mean"))
    });
    // Esc: the results again, then the overview.
    pty.send("\x1b");
    pty.wait_for("Search “PM2.5” (1 match)");
    pty.send("q");
    pty.wait_for("Enter open");
    pty.send("q");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("`q` on the overview quits");
    assert_eq!(ended, Ended::Code(0));
}
