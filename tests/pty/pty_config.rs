//! The config file acts on the real binary: a remapped key, and `mouse`
//! with the flags that override it.

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

/// `mouse = true` in the config captures the mouse; `--no-mouse` leaves it to
/// the terminal, and the last of `--mouse` / `--no-mouse` wins.
#[test]
fn the_config_mouse_is_overridden_by_the_last_mouse_flag() {
    const CAPTURE: &[u8] = b"\x1b[?1000h";
    let (dir, path) = plan_in_tempdir();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "mouse = true\n").unwrap();
    let captured = |flags: &[&str]| {
        let mut args = vec!["--lang", "en", "--config", config.to_str().unwrap()];
        args.extend_from_slice(flags);
        args.push(path.to_str().unwrap());
        let mut pty = Pty::spawn(Options {
            size: (80, 24),
            args: &args,
            ..Options::default()
        });
        pty.wait_for("Blue Sky");
        pty.send("q");
        pty.wait_exit(PATIENCE).expect("q quits");
        pty.wrote(CAPTURE)
    };
    assert!(captured(&[]), "the config's mouse = true");
    assert!(!captured(&["--no-mouse"]), "--no-mouse");
    assert!(captured(&["--no-mouse", "--mouse"]), "the last flag wins");
}
