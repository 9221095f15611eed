//! Taking the terminal over and giving it back.
//!
//! Frames go through a 64 KiB `BufWriter`, so each frame leaves in one write
//! (stdout's own buffer would split it into 1 KiB writes, one packet each over
//! SSH). The cursor position is never queried: that round trip times out on
//! slow links and breaks the return from `$EDITOR` in other crossterm apps.
//! That is also why `Terminal::clear` (which asks where the cursor is) is never
//! called here: `redraw_all` clears through `Terminal::resize` instead.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Position, Rect};
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The exit code after a hangup (128 + SIGHUP), as shells report it.
pub const HANGUP_EXIT: i32 = 129;

/// Bytes buffered before a write: larger than any frame.
const FRAME_BUFFER: usize = 64 * 1024;

pub type Backend = CrosstermBackend<BufWriter<Stdout>>;
pub type Screen = Terminal<Backend>;

/// Whether mouse capture was turned on, so that every restore turns it off.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Whether the screen is taken over now (not before setup, not while the
/// editor runs): the panic hook restores only then.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Takes the terminal over: raw mode, alternate screen, hidden cursor, and the
/// mouse only when asked. Colours are left to the app's theme: crossterm's own
/// NO_COLOR handling would reset bold and reverse at each colour change, and
/// the monochrome theme needs them.
pub fn setup(mouse: bool) -> io::Result<Screen> {
    crossterm::style::force_color_output(true);
    MOUSE.store(mouse, Ordering::SeqCst);
    install_panic_hook();
    enter()?;
    let backend = CrosstermBackend::new(BufWriter::with_capacity(FRAME_BUFFER, io::stdout()));
    // A fixed viewport, resized by `fit` on every resize: a full-screen one
    // would follow the terminal to any size, however large.
    let screen = terminal::size().and_then(|(columns, rows)| {
        Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(drawn_area(columns, rows)),
            },
        )
    });
    if screen.is_err() {
        try_restore();
    }
    screen
}

/// Enters raw mode and the alternate screen (again, after the editor or a
/// suspend).
pub fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    // Bracketed paste: pasted text arrives as one event, never as keys
    // (a pasted `ls -la⏎` must not press `-` and save).
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back: what is buffered is sent first, then mouse
/// capture off, cursor shown, main screen, cooked mode.
pub fn restore(screen: &mut Screen) -> io::Result<()> {
    screen.backend_mut().flush()?;
    leave()
}

fn leave() -> io::Result<()> {
    ACTIVE.store(false, Ordering::SeqCst);
    let mut out = io::stdout();
    let mut result = Ok(());
    if MOUSE.load(Ordering::SeqCst) {
        result = execute!(out, DisableMouseCapture);
    }
    let shown = execute!(
        out,
        DisableBracketedPaste,
        cursor::Show,
        LeaveAlternateScreen
    );
    let cooked = terminal::disable_raw_mode();
    result.and(shown).and(cooked)
}

/// Restores what it can and ignores every error: for the panic hook and
/// error paths, where a second failure must not turn into a second panic.
pub fn try_restore() {
    if ACTIVE.load(Ordering::SeqCst) {
        let _ = leave();
    }
}

/// Clears the screen and forgets what was drawn, so the next draw sends the
/// whole frame (after the editor, a suspend, or anything else that may have
/// written over it). `Terminal::resize` clears without asking for the cursor.
pub fn redraw_all(screen: &mut Screen) -> io::Result<()> {
    let size = screen.size()?;
    screen.resize(drawn_area(size.width, size.height))
}

/// Sizes the frame for a terminal of `columns` × `rows` (capped, see
/// [`geometry::drawn_size`](super::geometry::drawn_size)) and gives the size drawn, for the app's layout.
pub fn fit(screen: &mut Screen, columns: u16, rows: u16) -> io::Result<(u16, u16)> {
    let area = drawn_area(columns, rows);
    if area != screen.get_frame().area() {
        screen.resize(area)?;
    }
    Ok((area.width, area.height))
}

/// The size drawn now, for the app's first layout.
pub fn drawn(screen: &mut Screen) -> (u16, u16) {
    let area = screen.get_frame().area();
    (area.width, area.height)
}

fn drawn_area(columns: u16, rows: u16) -> Rect {
    let (width, height) = super::geometry::drawn_size(columns, rows);
    Rect::from((Position::ORIGIN, ratatui::layout::Size::new(width, height)))
}

/// Leaves at once after a hangup, writing nothing: the terminal is gone, and
/// a write to it could fail, panic, and abort. No destructor runs.
pub fn exit_on_hangup() -> ! {
    // Neither std nor rustix has a safe `_exit(2)`: `process::exit` runs
    // the C `atexit` handlers and flushes, which may write to the terminal.
    // SAFETY: `_exit` takes no pointers and never returns.
    unsafe { libc::_exit(HANGUP_EXIT) }
}

/// Whether the terminal has hung up (checked without waiting): an error
/// while it has is a symptom of the hangup, to be handled as one.
pub fn hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let (stdin, stdout) = (io::stdin(), io::stdout());
    let mut fds = [
        PollFd::new(&stdin, PollFlags::empty()),
        PollFd::new(&stdout, PollFlags::empty()),
    ];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    rustix::event::poll(&mut fds, Some(&now)).is_ok_and(|ready| ready > 0)
        && fds
            .iter()
            .any(|fd| fd.revents().intersects(PollFlags::HUP | PollFlags::ERR))
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if hung_up() {
            exit_on_hangup();
        }
        try_restore();
        previous(info);
    }));
}
