//! `report -o FILE` when the write cannot finish or the target is no file:
//! a full disk and a file size limit leave the previous report byte for
//! byte (it was truncated to a broken zip when the output was written in
//! place); a FIFO or a device is refused at once with a clear line (a FIFO
//! blocked the command forever in open(2)). No temporary file is left.

use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("campaigns.toml")
}

/// `campaigns report PLAN --format FORMAT -o OUT` run through `sh` with
/// `limits` applied first (`ulimit …`), SIGXFSZ ignored so that a write
/// over the limit fails with EFBIG instead of killing the process.
fn report_under(limits: &str, format: &str, out: &Path) -> Output {
    let script = format!(
        "trap '' XFSZ; {limits}; exec \"$0\" report \"$1\" --format {format} --lang zh -o \"$2\""
    );
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(crate::binary::path())
        .arg(plan())
        .arg(out)
        .env("XDG_CONFIG_HOME", crate::binary::no_config_home())
        .output()
        .unwrap()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// A ledger written where `dir` is, as the last meeting's.
fn previous_ledger(dir: &Path) -> (PathBuf, Vec<u8>) {
    let out = dir.join("台账.xlsx");
    let output = report_under("true", "xlsx", &out);
    assert!(output.status.success(), "{output:?}");
    let bytes = fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip");
    (out, bytes)
}

fn assert_refused_and_whole(output: &Output, out: &Path, before: &[u8], says: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(says), "{says:?} in {stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(fs::read(out).unwrap() == before, "the old file is whole");
}

/// RLIMIT_FSIZE at 0: no byte of the new report can be written. Needs no
/// root, so it runs everywhere. (Markdown: the ledger's own temporary
/// sheets would meet the limit first, before the output is written.)
#[test]
fn a_file_size_limit_leaves_the_old_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bulletin.md");
    let before = "# last month's bulletin\n".repeat(100).into_bytes();
    fs::write(&out, &before).unwrap();
    let output = report_under("ulimit -f 0", "md", &out);
    assert_refused_and_whole(&output, &out, &before, "File too large");
    assert_eq!(names_in(dir.path()), ["bulletin.md"]);
}

/// The ledger's streamed sheets go to temporary files first: when those
/// cannot be written, the library panicked (a trace, exit 101); now it is
/// one line, exit 2, and the old ledger is whole.
#[test]
fn a_ledger_that_cannot_be_made_is_one_line_and_the_old_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    let (out, before) = previous_ledger(dir.path());
    let output = report_under("ulimit -f 0", "xlsx", &out);
    assert_refused_and_whole(&output, &out, &before, "the workbook could not be made: ");
    assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
    assert_eq!(names_in(dir.path()), ["台账.xlsx"]);
}

/// A mount made for one test, unmounted when dropped.
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A full disk: a 128 KiB tmpfs holding the old ledger, filled to the last
/// byte. Needs root (mount); elsewhere the file size limit above stands in.
#[test]
fn a_full_disk_leaves_the_old_ledger_whole() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    fs::create_dir(&small).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=128k", "tmpfs"])
        .arg(&small)
        .output()
        .is_ok_and(|output| output.status.success());
    if !mounted {
        eprintln!("note: cannot mount a tmpfs here; the file size limit test stands in");
        return;
    }
    let _mount = Mount(small.clone());
    let (out, before) = previous_ledger(&small);
    fill(&small);
    let output = report_under("true", "xlsx", &out);
    assert_refused_and_whole(&output, &out, &before, "No space left on device");
    assert_eq!(names_in(&small), ["filler", "台账.xlsx"]);
}

/// Fills the file system holding `dir` until a write fails.
fn fill(dir: &Path) {
    use std::io::Write;
    let mut filler = fs::File::create(dir.join("filler")).unwrap();
    let block = [0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    while filler.write_all(&block[..1]).is_ok() {}
}

/// The report to `out` in markdown, killed if it has not ended in 10 s.
fn report_to(out: &Path) -> (Option<Output>, Duration) {
    let started = Instant::now();
    let mut child = crate::binary::command()
        .args(["report", "--format", "md", "-o"])
        .arg(out)
        .arg(plan())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while started.elapsed() < Duration::from_secs(10) {
        if child.try_wait().unwrap().is_some() {
            return (Some(child.wait_with_output().unwrap()), started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    (None, started.elapsed())
}

#[test]
fn a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (output, elapsed) = report_to(&fifo);
    let output = output.unwrap_or_else(|| panic!("still waiting after {elapsed:?}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("report.md: a FIFO (named pipe), not a regular file; nothing written"),
        "{stderr}"
    );
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_device_is_refused_with_a_clear_line() {
    let (output, _) = report_to(Path::new("/dev/full"));
    let output = output.expect("ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "campaigns: --output /dev/full: a character device, not a regular file; nothing written\n"
    );
}
