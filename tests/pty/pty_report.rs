//! `report --format xlsx` on a terminal: refused with exit 2 and a word
//! about `-o`, and not one byte of the zip archive reaches the screen.

use std::time::Duration;

use crate::pty_support::{Ended, Options, Pty, fixture};

#[test]
fn a_workbook_is_never_written_onto_a_terminal() {
    let plan = fixture();
    let plan = plan.to_str().unwrap();
    let mut pty = Pty::spawn(Options {
        args: &["report", plan, "--format", "xlsx"],
        ..Options::default()
    });
    pty.wait_for("binary workbook");
    let (ended, _) = pty.wait_exit(Duration::from_secs(20)).expect("it exits");
    assert_eq!(ended, Ended::Code(2));
    assert!(pty.contents().contains("-o FILE"), "{}", pty.contents());
    assert!(!pty.wrote(b"PK\x03\x04"), "no zip archive on the terminal");
}
