//! Where the config file is looked for, on the real binary, when what is
//! there is no file: a default location that cannot be read (a HOME of
//! another user, a FIFO, a directory) is no config, with a warning, and
//! every command runs (it exited 2, and a FIFO hung every command, `check`
//! in CI included); an explicit `--config PATH` that cannot be read is an
//! error at once, a FIFO or `/dev/zero` included (read without bound
//! before). Each run is killed after 10 s: a hang fails, never blocks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("campaigns.toml")
}

/// The binary with `home` as HOME and its `xdg` as XDG_CONFIG_HOME.
fn campaigns(home: &Path) -> Command {
    let mut command = Command::new(crate::binary::path());
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// The run's output and time, or a panic naming the hang.
fn run(command: &mut Command) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while started.elapsed() < Duration::from_secs(10) {
        if child.try_wait().unwrap().is_some() {
            return (child.wait_with_output().unwrap(), started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("still running after {:?}", started.elapsed());
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn default_place(home: &Path) -> PathBuf {
    let dir = home.join("xdg/campaigns");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("config.toml")
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// `check` and `config --check` with a FIFO, then a directory, at the
/// default place: the defaults, a warning, exit 0.
#[test]
fn what_cannot_be_read_at_the_default_place_is_the_defaults_with_a_warning() {
    for (kind, make) in [
        ("a FIFO (named pipe)", mkfifo as fn(&Path)),
        ("a directory", |path: &Path| {
            std::fs::create_dir(path).unwrap()
        }),
    ] {
        let home = tempfile::tempdir().unwrap();
        let place = default_place(home.path());
        make(&place);
        let (output, _) = run(campaigns(home.path()).arg("check").arg(plan()));
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{kind}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "campaigns: warning: config file {}: {kind}, not a regular file; using the defaults",
                place.display()
            )),
            "{stderr}"
        );
        let (output, _) = run(campaigns(home.path()).args(["config", "--check"]));
        assert_eq!(output.status.code(), Some(0), "{kind}");
        assert!(
            text(&output.stdout).contains("cannot be read (")
                && text(&output.stdout).contains("the defaults are OK"),
            "{}",
            text(&output.stdout)
        );
    }
}

/// The same file named by `--config`: an error at once, exit 2, nothing run.
#[test]
fn what_cannot_be_read_at_an_explicit_path_is_an_error_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("fifo.toml");
    mkfifo(&fifo);
    let big = home.path().join("big.toml");
    std::fs::write(&big, "# padding\n".repeat(110_000)).unwrap();
    for (path, says) in [
        (fifo.as_path(), "a FIFO (named pipe), not a regular file"),
        (Path::new("/dev/zero"), "a device, not a regular file"),
        (
            big.as_path(),
            "more than the 1024 KiB a config file may have",
        ),
        (home.path(), "a directory, not a regular file"),
    ] {
        let (output, elapsed) = run(campaigns(home.path())
            .arg("--config")
            .arg(path)
            .arg("check")
            .arg(plan()));
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert_eq!(
            stderr,
            format!("campaigns: config file {}: {says}\n", path.display())
        );
        assert!(output.stdout.is_empty());
        assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    }
}

/// A HOME the user cannot enter (`su` without `-`, a job whose HOME is
/// another user's): no config file, a warning, and the command runs. As
/// root, permissions stop nobody, so the binary runs as `nobody` then.
#[test]
fn a_home_that_cannot_be_entered_is_no_config() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let home = tempfile::tempdir().unwrap();
    let place = home.path().join(".config/campaigns/config.toml");
    std::fs::create_dir_all(place.parent().unwrap()).unwrap();
    std::fs::write(&place, "lang = \"zh\"\n").unwrap();
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    // The plan where anyone can read it.
    let open = tempfile::tempdir().unwrap();
    std::fs::set_permissions(open.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let plan = open.path().join("campaigns.toml");
    std::fs::copy(self::plan(), &plan).unwrap();
    let mut command = if root {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(crate::binary::path());
        command
    } else {
        std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o000)).unwrap();
        Command::new(crate::binary::path())
    };
    command
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .env("LANG", "en_GB.UTF-8")
        .args(["report", "--format", "json"])
        .arg(&plan);
    let (output, _) = run(&mut command);
    if !root {
        std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let stderr = text(&output.stderr);
    if root && stderr.contains("setpriv") {
        eprintln!("note: setpriv cannot drop to nobody here: {stderr}");
        return;
    }
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "campaigns: warning: config file {}: permission denied; using the defaults",
            place.display()
        )),
        "{stderr}"
    );
    // The file's `lang = "zh"` was not read: English, from LANG.
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["title"], "Qianjiang pollution-control campaigns");
}
