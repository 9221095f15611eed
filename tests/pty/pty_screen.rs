//! The review screen in a real pseudo-terminal: it starts, takes keys, quits
//! cleanly, and leaves at once when the terminal goes away.

use std::time::Duration;

use crate::pty_support::{self, Ended, Options, Pty, plan_in_tempdir};

/// The exit code after SIGHUP or a closed terminal.
const HANGUP: u32 = 129;

fn open(size: (u16, u16), controlling: bool) -> (tempfile::TempDir, Pty) {
    let (dir, path) = plan_in_tempdir();
    let path = path.to_str().unwrap().to_owned();
    let pty = Pty::spawn(Options {
        size,
        args: &["--lang", "en", &path],
        controlling,
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    (dir, pty)
}

/// The terminal is back in normal mode: main screen, cursor shown.
fn assert_restored(pty: &Pty) {
    assert!(!pty.alternate_screen(), "still on the alternate screen");
    assert!(!pty.cursor_hidden(), "the cursor is still hidden");
}

fn walk_and_quit(size: (u16, u16)) {
    let (_dir, mut pty) = open(size, true);
    assert!(pty.alternate_screen());
    assert!(pty.contents().contains("Clear Water"));
    // Into the first campaign: its tasks are listed.
    pty.send("\r");
    pty.wait_for("Coal boiler retirement");
    // Help over it, then closed again.
    pty.send("?");
    pty.wait_for("? / Esc close");
    pty.send("?");
    pty.wait_gone("? / Esc close");
    // `q` backs out to the overview, then quits.
    pty.send("q");
    pty.wait_for("Enter open");
    pty.send("q");
    let (ended, _) = pty
        .wait_exit(pty_support::PATIENCE)
        .expect("`q` on the overview quits");
    assert_eq!(ended, Ended::Code(0));
    assert_restored(&pty);
    assert!(!pty.asked_cursor(), "the app queried the cursor position");
}

#[test]
fn walks_a_campaign_opens_help_and_quits_cleanly_at_120x40() {
    walk_and_quit((120, 40));
}

#[test]
fn walks_a_campaign_opens_help_and_quits_cleanly_at_80x24() {
    walk_and_quit((80, 24));
}

#[test]
fn sighup_exits_129_at_once() {
    let (_dir, mut pty) = open((120, 40), true);
    pty.signal(libc::SIGHUP);
    let (ended, took) = pty
        .wait_exit(pty_support::PATIENCE)
        .expect("SIGHUP ends the app");
    assert_eq!(ended, Ended::Code(HANGUP));
    assert!(took < Duration::from_secs(1), "took {took:?}");
    // Nothing was written to the (supposedly dead) terminal: it is still
    // showing the alternate screen the app left behind.
    assert!(pty.alternate_screen());
}

#[test]
fn closing_the_terminal_exits_129_at_once() {
    let (_dir, mut pty) = open((120, 40), true);
    pty.close();
    let (ended, took) = pty
        .wait_exit(pty_support::PATIENCE)
        .expect("a closed terminal ends the app");
    assert_eq!(ended, Ended::Code(HANGUP));
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

/// Without a controlling terminal no SIGHUP comes when it closes: crossterm's
/// reader would then spin at full CPU (crossterm#793). The tty's POLLHUP must
/// end the app instead.
#[test]
fn closing_a_terminal_that_sends_no_sighup_exits_129_without_spinning() {
    let (_dir, mut pty) = open((120, 40), false);
    pty.close();
    let (ended, took) = pty
        .wait_exit(pty_support::PATIENCE)
        .expect("a closed terminal ends the app even without SIGHUP");
    assert_eq!(ended, Ended::Code(HANGUP));
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[test]
fn sigterm_and_sigint_restore_the_terminal_and_exit() {
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let (_dir, mut pty) = open((120, 40), true);
        pty.signal(signal);
        let (ended, _) = pty
            .wait_exit(pty_support::PATIENCE)
            .expect("the signal ends the app");
        assert_eq!(ended, Ended::Code(128 + signal as u32), "signal {signal}");
        assert_restored(&pty);
    }
}

#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again() {
    suspend_and_continue(|pty| pty.signal(libc::SIGTSTP));
}

/// Raw mode turns the terminal's own Ctrl-Z off; the app does what it did.
#[test]
fn ctrl_z_suspends_like_in_a_shell() {
    suspend_and_continue(|pty| pty.send("\u{1a}"));
}

fn suspend_and_continue(suspend: impl Fn(&mut Pty)) {
    let (_dir, mut pty) = open((120, 40), true);
    suspend(&mut pty);
    pty.wait_state("the main screen", |pty| !pty.alternate_screen());
    pty.wait_state("the process to stop", |pty| pty.state() == 'T');
    assert!(!pty.cursor_hidden());
    pty.signal(libc::SIGCONT);
    pty.wait_state("the alternate screen", |pty| pty.alternate_screen());
    // Drawn whole again, and taking keys.
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("Coal boiler retirement");
    pty.send("qq");
    assert_eq!(
        pty.wait_exit(pty_support::PATIENCE).map(|(ended, _)| ended),
        Some(Ended::Code(0))
    );
    assert_restored(&pty);
}

/// Mouse capture is off unless asked for, so the terminal's own selection
/// works.
#[test]
fn the_mouse_is_captured_only_with_the_flag() {
    const CAPTURE: &[u8] = b"\x1b[?1000h";
    const RELEASE: &[u8] = b"\x1b[?1000l";
    let (_dir, mut pty) = open((80, 24), true);
    pty.send("q");
    pty.wait_exit(pty_support::PATIENCE).unwrap();
    assert!(!pty.wrote(CAPTURE));

    let (_dir, path) = plan_in_tempdir();
    let mut pty = Pty::spawn(Options {
        size: (80, 24),
        args: &["--mouse", "--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    assert!(pty.wrote(CAPTURE));
    pty.send("q");
    pty.wait_exit(pty_support::PATIENCE).unwrap();
    assert!(pty.wrote(RELEASE));
}

#[test]
fn an_idle_screen_writes_nothing_and_uses_no_cpu() {
    let (_dir, mut pty) = open((120, 40), true);
    pty.settle(Duration::from_millis(300));
    let bytes = pty.bytes();
    let ticks = pty.cpu_ticks();
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(pty.bytes(), bytes, "bytes written while idle");
    // A clock tick is 10 ms; an idle app uses none in 2 s.
    assert!(pty.cpu_ticks() - ticks <= 1, "CPU used while idle");
    // A key that changes nothing costs nothing either.
    pty.send("\u{1b}");
    pty.settle(Duration::from_millis(300));
    assert_eq!(
        pty.bytes(),
        bytes,
        "bytes written for a key that changed nothing"
    );
    pty.send("q");
    assert_eq!(
        pty.wait_exit(pty_support::PATIENCE).map(|(ended, _)| ended),
        Some(Ended::Code(0))
    );
}

#[test]
fn without_a_terminal_it_says_what_to_use_instead() {
    let (_dir, path) = plan_in_tempdir();
    let output = crate::binary::assert_command().arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// `c` reaches the terminal as one OSC 52 sequence, between frames, and
/// the footer says so.
#[test]
fn c_writes_an_osc_52_sequence_to_the_terminal() {
    let (_dir, mut pty) = open((120, 40), true);
    pty.send("c");
    pty.wait_for("copied: Blue Sky");
    assert!(pty.wrote(b"\x1b]52;c;"), "no OSC 52 sequence");
    pty.send("q");
    let (ended, _) = pty.wait_exit(pty_support::PATIENCE).expect("quits");
    assert_eq!(ended, Ended::Code(0));
}
