//! The tests that drive the real binary in a pseudo-terminal. They wait on
//! the screen and check the app's CPU and timing, so they are a binary of
//! their own, apart from the CPU-heavy in-process tests in `tests/it`.

#[path = "../common/binary.rs"]
mod binary;
mod pty_attention;
mod pty_config;
mod pty_faults;
mod pty_history;
mod pty_panic;
mod pty_reader;
mod pty_reload;
mod pty_report;
mod pty_rollup;
mod pty_screen;
mod pty_screen_reader;
mod pty_search;
mod pty_year;

// The harness all of them use.
mod pty_support;
