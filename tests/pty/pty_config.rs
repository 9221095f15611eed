//! A remap from the config file acts on the real binary: with
//! `quit = ["X"]`, `X` quits from a campaign (exit 0) and `Q` no longer does.

use crate::pty_support::{Ended, Options, PATIENCE, Pty, plan_in_tempdir};

#[test]
fn a_remapped_quit_key_quits_from_a_campaign_and_the_old_one_does_not() {
    let (dir, path) = plan_in_tempdir();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nquit = [\"X\"]\n").unwrap();
    let home = dir.path().to_str().unwrap();
    let mut pty = Pty::spawn(Options {
        size: (100, 30),
        args: &[
            "--lang",
            "en",
            "--config",
            config.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
        env: &[("HOME", home), ("XDG_CONFIG_HOME", home)],
        ..Options::default()
    });
    pty.wait_for("? help");
    // Into the first campaign: `q` would only back out of it.
    pty.send("1");
    pty.wait_for("Tasks and indicators");
    pty.send("Q");
    pty.settle(std::time::Duration::from_millis(300));
    assert!(
        pty.contents().contains("Tasks and indicators"),
        "Q is no longer bound"
    );
    pty.send("X");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("`X` quits from anywhere");
    assert_eq!(ended, Ended::Code(0));
}
