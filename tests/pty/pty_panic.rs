//! A panic while the screen is taken over gives the terminal back: the
//! panic hook leaves the alternate screen, shows the cursor and turns raw
//! mode off before the panic message is printed. The binary has no way to
//! panic on purpose, so this test runs itself in a pseudo-terminal: the
//! child takes the terminal over with the app's own `terminal::setup`,
//! panics, and reports the terminal's mode once the hook has run.

use std::time::Duration;

use crate::pty_support::{Ended, Options, Pty};

const CHILD: &str = "CAMPAIGNS_PANIC_CHILD";
const NAME: &str = "a_panic_gives_the_terminal_back";

#[test]
fn a_panic_gives_the_terminal_back() {
    if std::env::var_os(CHILD).is_some() {
        panic_in_the_screen();
        return;
    }
    let me = std::env::current_exe().expect("the test binary");
    let name = full_test_name();
    let mut pty = Pty::spawn(Options {
        program: Some(&me),
        args: &["--exact", &name, "--nocapture", "--test-threads=1"],
        env: &[(CHILD, "1"), ("RUST_BACKTRACE", "0")],
        ..Options::default()
    });
    let ended = pty.wait_exit(Duration::from_secs(20));
    assert!(matches!(ended, Some((Ended::Code(0), _))), "{ended:?}");
    assert!(pty.wrote(b"\x1b[?1049h"), "the child took the screen over");
    assert!(!pty.alternate_screen(), "back on the main screen");
    assert!(!pty.cursor_hidden(), "the cursor is shown");
    let screen = pty.contents();
    assert!(
        screen.contains("boom"),
        "the panic message is on the main screen:\n{screen}"
    );
    assert!(screen.contains("line mode: true, echo: true"), "{screen}");
}

/// The test's name as the harness lists it: its module path in the test
/// crate (without the crate's own name), then the function's name.
fn full_test_name() -> String {
    match module_path!().split_once("::") {
        Some((_crate, module)) => format!("{module}::{NAME}"),
        None => NAME.to_owned(),
    }
}

/// Takes the terminal over as the app does, panics, and prints whether the
/// terminal is back in line mode with echo.
fn panic_in_the_screen() {
    let panicked = std::panic::catch_unwind(|| {
        let _screen = campaigns::tui::terminal::setup(false).expect("a terminal");
        panic!("boom");
    });
    assert!(panicked.is_err());
    // SAFETY: a zeroed termios is valid to be filled by tcgetattr.
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: fd 0 is the pty; `mode` outlives the call.
    let read = unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut mode) };
    assert_eq!(read, 0);
    println!(
        "line mode: {}, echo: {}",
        mode.c_lflag & libc::ICANON != 0,
        mode.c_lflag & libc::ECHO != 0
    );
}
