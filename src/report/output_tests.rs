use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use super::*;

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

#[test]
fn a_new_file_is_written_and_no_temporary_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    replace(&path, b"# new\n").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"# new\n");
    assert_eq!(names_in(dir.path()), ["report.md"]);
    // Not the 0600 of a temporary file: others may read a report as they
    // would one written by `>`, within the umask.
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode, 0o600, "{mode:o}");
}

#[test]
fn a_replaced_file_keeps_its_mode_and_gets_the_new_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.xlsx");
    fs::write(&path, b"old").unwrap();
    fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
    replace(&path, b"new bytes").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"new bytes");
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(names_in(dir.path()), ["ledger.xlsx"]);
}

#[test]
fn a_link_stays_a_link_and_the_file_it_names_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.csv");
    let link = dir.path().join("link.csv");
    fs::write(&real, b"old").unwrap();
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    replace(&link, b"new").unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).unwrap(), b"new");
}

#[test]
fn a_link_to_nothing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("gone.csv", &link).unwrap();
    let err = replace(&link, b"new").unwrap_err();
    assert!(matches!(err, OutputError::DanglingLink { .. }), "{err}");
    assert!(!dir.path().join("gone.csv").exists());
}

/// Opening a FIFO to write blocks until a reader comes: refused at once.
#[test]
fn a_fifo_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.md");
    mkfifo(&path);
    let started = Instant::now();
    let err = replace(&path, b"x").unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        err.to_string()
            .ends_with("out.md: a FIFO (named pipe), not a regular file; nothing written"),
        "{err}"
    );
    assert!(fs::metadata(&path).unwrap().file_type().is_fifo());
    assert_eq!(names_in(dir.path()), ["out.md"]);
}

#[test]
fn a_device_or_a_directory_is_refused() {
    let err = Target::check(Path::new("/dev/null")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "/dev/null: a character device, not a regular file; nothing written"
    );
    let dir = tempfile::tempdir().unwrap();
    let err = Target::check(dir.path()).unwrap_err();
    assert!(
        err.to_string().contains("a directory, not a regular file"),
        "{err}"
    );
}

#[test]
fn a_missing_directory_is_said_and_nothing_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope/out.md");
    let err = replace(&path, b"x").unwrap_err();
    assert!(
        err.to_string()
            .contains("could not create a temporary file beside it"),
        "{err}"
    );
    assert!(names_in(dir.path()).is_empty());
}
