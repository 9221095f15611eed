//! Times nothing itself: starts `campaigns ARGS…` in an 80×24 pseudo-terminal
//! and exits as soon as the screen shows MARKER, killing the app — so a
//! timer outside (`farm-bench`) measures the screen's first frame, start-up
//! included. Used by benches/history.sh to compare the first frame with
//! 1 000 commits of history against the same file outside git:
//!   first_frame BIN MARKER ARGS…
use std::io::Read;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(bin), Some(marker)) = (args.next(), args.next()) else {
        eprintln!("usage: first_frame BIN MARKER ARGS…");
        std::process::exit(2);
    };
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut command = CommandBuilder::new(bin);
    command.args(args);
    command.env("TERM", "xterm-256color");
    if let Ok(dir) = std::env::current_dir() {
        command.cwd(dir);
    }
    let mut child = pty.slave.spawn_command(command).expect("the app starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::MIN.saturating_add(23),
        std::num::NonZeroU16::MIN.saturating_add(79),
        0,
    );
    let mut buf = [0u8; 65536];
    loop {
        let n = reader.read(&mut buf).unwrap_or(0);
        if n == 0 {
            eprintln!("the app ended before showing {marker:?}");
            std::process::exit(1);
        }
        parser.process(&buf[..n]);
        if parser.screen().contents().contains(&marker) {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}
