//! `set --record` into a `history` listed in `assumed` (the shipped PM2.5's
//! illustrative readings): the file cannot mark one point as sourced, so
//! `set` says so on stderr; and the detail draws the figure now once, not a
//! second time as an assumed point of the same date.

const FILE: &str = "campaigns.toml";

fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE), include_str!("../../campaigns.toml")).unwrap();
    dir
}

fn run(dir: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    crate::binary::assert_command()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn recording_into_an_assumed_history_says_so_and_is_drawn_once() {
    let dir = shipped_copy();
    let set = run(
        &dir,
        &["set", FILE, "blue-sky/pm25", "--value", "29.5", "--record"],
    );
    assert_eq!(set.status.code(), Some(0), "{set:?}");
    let summary = "blue-sky/pm25: value 31.0 → 29.5, recorded 29.5 at 2024-12-31\n";
    assert_eq!(String::from_utf8(set.stdout).unwrap(), summary);
    let note = String::from_utf8(set.stderr).unwrap();
    assert!(
        note.contains("blue-sky/pm25 lists `history` in `assumed`"),
        "{note}"
    );
    assert!(note.contains("2024-12-31"), "{note}");

    let frame = run(
        &dir,
        &[
            "render",
            FILE,
            "--view",
            "blue-sky",
            "--select",
            "blue-sky/pm25",
            "--size",
            "140x40",
            "--lang",
            "en",
        ],
    );
    let frame = String::from_utf8(frame.stdout).unwrap();
    assert!(frame.contains("→ 2024-12-31 29.5 "), "{frame}");
    assert!(!frame.contains("2024-12-31 29.5*"), "{frame}");
}

#[test]
fn recording_into_a_sourced_history_says_nothing_more() {
    let dir = shipped_copy();
    let set = run(
        &dir,
        &[
            "set",
            FILE,
            "clear-water/yangtze-outfalls",
            "--done",
            "111",
            "--record",
        ],
    );
    assert_eq!(set.status.code(), Some(0), "{set:?}");
    assert!(set.stderr.is_empty(), "{set:?}");

    // The task's one point is the figure now: drawn once.
    let frame = run(
        &dir,
        &[
            "render",
            FILE,
            "--view",
            "clear-water",
            "--select",
            "clear-water/yangtze-outfalls",
            "--size",
            "140x40",
            "--lang",
            "en",
        ],
    );
    let frame = String::from_utf8(frame.stdout).unwrap();
    assert!(!frame.contains("2024-12-31 111 → 2024-12-31"), "{frame}");
}
