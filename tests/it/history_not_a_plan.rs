//! `campaigns history` and `campaigns set` on a file that is no plan, such as a page of notes
//! that quotes a roll-up manifest's `[rollup]` header: it says what
//! `check` says of the file (the TOML error at file:line:col), not that the
//! file is a manifest.

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    crate::binary::assert_command()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .args(["--lang", "en"])
        .output()
        .unwrap()
}

#[test]
fn a_page_quoting_a_manifest_gets_the_diagnostic_check_gives() {
    let dir = tempfile::tempdir().unwrap();
    let notes = "# Design\n\n`campaigns` is a terminal application: the\n\n```toml\n[rollup]\ntitle = \"T\"\n```\n";
    std::fs::write(dir.path().join("NOTES.md"), notes).unwrap();
    let check = run(dir.path(), &["check", "NOTES.md"]);
    let set = ["set", "NOTES.md", "blue-sky/pm25", "--value", "30"];
    for command in [&["history", "NOTES.md"][..], &set[..]] {
        let ran = run(dir.path(), command);
        let said = String::from_utf8(ran.stderr).unwrap();
        assert!(said.contains("NOTES.md:3:13"), "{command:?}: {said}");
        assert!(said.contains("TOML syntax"), "{said}");
        assert!(!said.contains("roll-up manifest"), "{said}");
        assert_eq!(said, String::from_utf8(check.stderr.clone()).unwrap());
        assert_eq!(ran.status.code(), check.status.code());
        assert!(ran.stdout.is_empty());
    }
}

#[test]
fn a_real_manifest_still_names_what_takes_one() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = "[rollup]\ntitle = \"Province\"\nas_of = 2024-12-31\n\n[[unit]]\nid = \"a\"\nname = \"A\"\npath = \"a.toml\"\n";
    std::fs::write(dir.path().join("rollup.toml"), manifest).unwrap();
    let set = ["set", "rollup.toml", "a/b", "--done", "1"];
    for command in [&["history", "rollup.toml"][..], &set[..]] {
        let ran = run(dir.path(), command);
        assert_eq!(ran.status.code(), Some(2), "{command:?}");
        let said = String::from_utf8(ran.stderr).unwrap();
        assert!(said.contains("is a roll-up manifest"), "{said}");
    }
}
