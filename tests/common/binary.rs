//! The `campaigns` binary as the tests run it: away from the developer's
//! own config file, so that a personal `lang` or `[keys]` cannot change
//! what a test sees. A test about the config file sets its own
//! `XDG_CONFIG_HOME` (or `--config`) after this.

use std::path::PathBuf;

/// An empty directory given as `XDG_CONFIG_HOME`: no config file in it.
pub fn no_config_home() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-config-home");
    std::fs::create_dir_all(&dir).expect("create the empty config home");
    dir
}

pub fn path() -> PathBuf {
    assert_cmd::cargo::cargo_bin("campaigns")
}

/// For tests that wait on a child of their own.
pub fn command() -> std::process::Command {
    let mut command = std::process::Command::new(path());
    command.env("XDG_CONFIG_HOME", no_config_home());
    command
}

/// For tests that assert on the output.
pub fn assert_command() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(path());
    command.env("XDG_CONFIG_HOME", no_config_home());
    command
}
