//! Live reload and the `$EDITOR` round trip, on the real binary in a
//! pseudo-terminal.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use chrono::Timelike;

use crate::pty_support::{Ended, Options, PATIENCE, Pty, plan_in_tempdir};

/// Saves like vim or `sed -i`: a new file renamed over the old one.
fn save_by_rename(path: &Path, text: &str) {
    let temp = path.with_extension("toml.new");
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, path).unwrap();
}

/// Waits for a scripted editor to create `path`.
fn wait_for_file(path: &Path) {
    let start = std::time::Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < PATIENCE,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The load time in the footer (`loaded HH:MM:SS`), once drawn whole.
fn shown_load_time(screen: &str) -> Option<chrono::NaiveTime> {
    const LABEL: &str = "loaded ";
    let at = screen.rfind(LABEL)? + LABEL.len();
    let time: String = screen[at..].chars().take(8).collect();
    chrono::NaiveTime::parse_from_str(&time, "%H:%M:%S").ok()
}

/// Waits until the clock has left the second of the load time in the
/// footer, so that any reload from now on would show another time.
fn wait_past_the_shown_load_time(pty: &Pty) {
    pty.wait_until("the load time in the footer", |screen| {
        shown_load_time(screen).is_some()
    });
    let shown = shown_load_time(&pty.contents()).unwrap();
    pty.wait_state("the clock past the load time shown", |_| {
        chrono::Local::now().time().with_nanosecond(0) != Some(shown)
    });
}

/// An editor named `vim` (so it is given `+LINE`) in `dir`: it writes its
/// arguments to the returned file, one a line, after running `then` (a
/// shell line). Written aside and renamed, so the test never reads the
/// file half written.
fn fake_vim(dir: &Path, then: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let bin = dir.join("bin");
    fs::create_dir(&bin).unwrap();
    let editor = bin.join("vim");
    let args = dir.join("editor-args");
    fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{args}.new'\n{then}\nmv '{args}.new' '{args}'\n",
            args = args.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).unwrap();
    (editor, args)
}

fn quit(pty: &mut Pty) {
    // `q` backs out of a campaign first; a second `q` quits.
    pty.send("q");
    pty.wait_for("Enter open");
    pty.send("q");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("`q` quits");
    assert_eq!(ended, Ended::Code(0));
    assert!(!pty.alternate_screen());
}

#[test]
fn a_save_shows_at_once_and_a_broken_save_keeps_the_last_good_figures() {
    let (_dir, path) = plan_in_tempdir();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("41/57");
    pty.settle(Duration::from_millis(200));

    let good = fs::read_to_string(&path).unwrap();
    save_by_rename(&path, &good.replace("done = 41", "done = 49"));
    let took = pty.wait_for("49/57");
    assert!(
        took < Duration::from_secs(1),
        "the new figure took {took:?}"
    );

    // A typo: the banner names the file and line, the figures stay.
    let broken = good
        .replace("done = 41", "done = 49")
        .replace("total = 57", "total = ");
    let line = broken
        .lines()
        .position(|l| l.starts_with("total = ") && l.trim_end() == "total =")
        .unwrap()
        + 1;
    save_by_rename(&path, &broken);
    pty.wait_for(&format!("campaigns.toml:{line}"));
    assert!(pty.contents().contains("49/57"), "{}", pty.contents());

    // Fixed: the banner goes and the new figure shows.
    save_by_rename(&path, &good.replace("done = 41", "done = 50"));
    pty.wait_for("50/57");
    pty.wait_gone(&format!("campaigns.toml:{line}"));
    quit(&mut pty);
}

#[test]
fn every_save_pattern_is_seen() {
    let (_dir, path) = plan_in_tempdir();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("41/57");
    let good = fs::read_to_string(&path).unwrap();
    let with = |done: u32| good.replace("done = 41", &format!("done = {done}"));

    // Truncate and write in place.
    fs::write(&path, with(42)).unwrap();
    pty.wait_for("42/57");
    // Delete, then create.
    fs::remove_file(&path).unwrap();
    fs::write(&path, with(43)).unwrap();
    pty.wait_for("43/57");
    // Temp file renamed over.
    save_by_rename(&path, &with(44));
    pty.wait_for("44/57");
    // `r` reloads by hand too (the watch would also see this write).
    fs::write(&path, with(45)).unwrap();
    pty.send("r");
    pty.wait_for("45/57");
    quit(&mut pty);
}

#[test]
fn a_vanished_file_shows_a_notice_and_its_return_clears_it() {
    const GONE: &str = "the file is gone";
    let (_dir, path) = plan_in_tempdir();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("41/57");
    let good = fs::read_to_string(&path).unwrap();
    fs::remove_file(&path).unwrap();
    pty.wait_for(GONE);
    assert!(pty.contents().contains("41/57"));
    fs::write(&path, good.replace("done = 41", "done = 46")).unwrap();
    pty.wait_for("46/57");
    pty.wait_gone(GONE);
    quit(&mut pty);
}

/// The app's own save, or an editor writing the same text, fires the watch
/// too: the same bytes are not reloaded, so nothing is redrawn.
#[test]
fn a_save_of_the_same_bytes_redraws_nothing() {
    let (_dir, path) = plan_in_tempdir();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    wait_past_the_shown_load_time(&pty);
    pty.settle(Duration::from_millis(200));
    let bytes = pty.bytes();
    let same = fs::read_to_string(&path).unwrap();
    save_by_rename(&path, &same);
    fs::write(&path, &same).unwrap();
    pty.settle(Duration::from_millis(800));
    assert_eq!(
        pty.bytes(),
        bytes,
        "a save of the same text redrew the screen"
    );
    // While `r` does reload (and shows the new load time).
    pty.send("r");
    pty.wait_state("a redraw", |pty| pty.bytes() > bytes);
    pty.send("q");
    assert_eq!(
        pty.wait_exit(PATIENCE).map(|(ended, _)| ended),
        Some(Ended::Code(0))
    );
}

#[test]
fn the_editor_round_trip_comes_back_redrawn_with_the_new_figure() {
    let (dir, path) = plan_in_tempdir();
    let editor = dir.path().join("editor.sh");
    let args = dir.path().join("editor-args");
    let ready = dir.path().join("editor-ready");
    // A scripted editor: note its arguments, read the new figure from the
    // terminal as a person would type it, write it like `sed -i` does (a
    // rename), and exit. It is slow to read, like any editor between keys:
    // what is typed meanwhile must wait for it, not go to the review screen.
    fs::write(
        &editor,
        format!(
            "#!/bin/sh\n\
             printf '%s\\n' \"$@\" > '{args}'\n\
             for last; do :; done\n\
             : > '{ready}'\n\
             sleep 0.3\n\
             IFS= read -r figure\n\
             sed -i \"s/done = 41/done = $figure/\" \"$last\"\n",
            args = args.display(),
            ready = ready.display(),
        ),
    )
    .unwrap();
    fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).unwrap();

    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        env: &[("EDITOR", editor.to_str().unwrap())],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("41/57");
    pty.send("e");
    wait_for_file(&ready);
    // Typed while the editor runs: the app must not take these keys.
    pty.send("52\r");
    pty.wait_for("52/57");
    // Back on the alternate screen, drawn whole, and still taking keys.
    assert!(pty.alternate_screen());
    let screen = pty.contents();
    assert!(screen.contains("Coal boiler retirement"), "{screen}");
    assert!(
        screen.contains("Testville pollution-control campaigns"),
        "{screen}"
    );
    assert!(!pty.asked_cursor(), "the app queried the cursor position");
    // The script is not vi and got only the path, as one argument.
    let got = fs::read_to_string(&args).unwrap();
    assert_eq!(got.trim_end(), path.to_str().unwrap());
    quit(&mut pty);
}

#[test]
fn vi_like_editors_are_opened_at_the_selected_line() {
    let (dir, path) = plan_in_tempdir();
    let (editor, args) = fake_vim(dir.path(), "");

    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        env: &[("VISUAL", editor.to_str().unwrap())],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("Coal boiler retirement");
    pty.send("e");
    wait_for_file(&args);
    let got = fs::read_to_string(&args).unwrap();
    let got: Vec<&str> = got.lines().collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].starts_with('+'), "{got:?}");
    let line: usize = got[0][1..].parse().unwrap();
    // The line is one of the selected item's: it lies inside the plan and
    // inside a campaign's table.
    let text = fs::read_to_string(&path).unwrap();
    assert!(line > 6 && line <= text.lines().count(), "{got:?}");
    assert_eq!(got[1], path.to_str().unwrap());
    pty.wait_for("Coal boiler retirement");
    quit(&mut pty);
}

/// `+` and `u` write through the one write-back path: the figure changes on
/// screen and in the file, and every other byte of the file stays.
#[test]
fn recording_progress_in_the_app_writes_the_file_and_shows_the_figure() {
    let (_dir, path) = plan_in_tempdir();
    let before = fs::read_to_string(&path).unwrap();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("41/57");
    pty.send("+");
    pty.wait_for("42/57");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        before.replace("done = 41", "done = 42")
    );
    // The prompt starts with the current figure: erase it first.
    pty.send("u");
    pty.send("\u{7f}\u{7f}\u{7f}\u{7f}50\r");
    pty.wait_for(" 50/57");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        before.replace("done = 41", "done = 50")
    );
    quit(&mut pty);
}

/// The app on `DIR/campaigns.toml`, in a campaign view showing 41/57.
fn open_in_subdirectory() -> (tempfile::TempDir, std::path::PathBuf, Pty) {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("plan");
    fs::create_dir(&dir).unwrap();
    let path = dir.join("campaigns.toml");
    fs::copy(crate::pty_support::fixture(), &path).unwrap();
    let pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    (parent, path, pty)
}

#[test]
fn the_directory_swapped_for_a_new_one_keeps_live_reload() {
    let (parent, path, mut pty) = open_in_subdirectory();
    pty.send("\r");
    pty.wait_for("41/57");
    let good = fs::read_to_string(&path).unwrap();
    // A deploy: the old directory renamed away, a new one in its place.
    let dir = path.parent().unwrap();
    fs::rename(dir, parent.path().join("plan.old")).unwrap();
    fs::create_dir(dir).unwrap();
    fs::write(&path, good.replace("done = 41", "done = 42")).unwrap();
    pty.wait_for("42/57");
    // And the new directory is watched: the next save shows too.
    save_by_rename(&path, &good.replace("done = 41", "done = 43"));
    pty.wait_for("43/57");
    quit(&mut pty);
}

#[test]
fn the_directory_removed_says_so_until_it_is_back() {
    let (_parent, path, mut pty) = open_in_subdirectory();
    pty.send("\r");
    pty.wait_for("41/57");
    let good = fs::read_to_string(&path).unwrap();
    let dir = path.parent().unwrap().to_owned();
    fs::remove_dir_all(&dir).unwrap();
    pty.wait_for("live reload is off");
    // A re-clone puts it back: the watch returns by itself and the figures follow.
    fs::create_dir(&dir).unwrap();
    fs::write(&path, good.replace("done = 41", "done = 44")).unwrap();
    pty.wait_for("44/57");
    pty.wait_gone("live reload is off");
    save_by_rename(&path, &good.replace("done = 41", "done = 45"));
    pty.wait_for("45/57");
    quit(&mut pty);
}

#[test]
fn a_save_lost_to_an_event_overflow_is_still_shown() {
    let (dir, path) = plan_in_tempdir();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("41/57");
    let good = fs::read_to_string(&path).unwrap();
    // Stopped, the app reads no events: more than the kernel queues
    // (fs.inotify.max_queued_events, 16 384 by default) overflow it.
    pty.signal(libc::SIGSTOP);
    let queued: usize = fs::read_to_string("/proc/sys/fs/inotify/max_queued_events")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(16_384);
    for n in 0..queued + 2_000 {
        fs::write(dir.path().join(format!("f{n}")), "").unwrap();
    }
    save_by_rename(&path, &good.replace("done = 41", "done = 46"));
    pty.signal(libc::SIGCONT);
    pty.wait_for("46/57");
    quit(&mut pty);
}

/// Text wrapped as a terminal sends a paste with bracketed paste on.
fn pasted(text: &str) -> String {
    format!("\u{1b}[200~{text}\u{1b}[201~")
}

#[test]
fn a_paste_is_never_keys() {
    let (_dir, path) = plan_in_tempdir();
    let before = fs::read_to_string(&path).unwrap();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    assert!(
        pty.wrote(b"\x1b[?2004h"),
        "bracketed paste was not turned on"
    );
    pty.send("\r");
    pty.wait_for("41/57");
    // `-` and Enter in the paste would save 40: nothing is pressed.
    pty.send(&pasted("ls -la\r"));
    pty.wait_for("paste ignored");
    pty.settle(Duration::from_millis(300));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    assert!(pty.contents().contains("41/57"), "{}", pty.contents());
    // A long paste does not swallow the key after it.
    pty.send(&pasted(&"x-".repeat(1500)));
    pty.send("u");
    pty.wait_for("Enter save");
    // Into the update prompt it is typed, as one line.
    pty.send(&pasted("44\n"));
    pty.send("\r");
    pty.wait_for("44/57");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        before.replace("done = 41", "done = 44")
    );
    quit(&mut pty);
}

#[test]
fn plus_while_another_writer_holds_the_lock_keeps_the_screen_live() {
    use std::os::fd::AsRawFd;
    let (_dir, path) = plan_in_tempdir();
    let before = fs::read_to_string(&path).unwrap();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("41/57");
    // Another writer (a `set` on the same file over SSH) holds the lock.
    let holder = fs::File::open(&path).unwrap();
    // SAFETY: flock on a descriptor this test owns.
    assert_eq!(unsafe { libc::flock(holder.as_raw_fd(), libc::LOCK_EX) }, 0);
    pty.send("+");
    let took = pty.wait_for("waiting for another update");
    assert!(took < Duration::from_secs(2), "the footer took {took:?}");
    // Keys keep working while the save waits: help opens and closes.
    pty.send("?");
    pty.wait_for("Keys");
    pty.send("?");
    pty.wait_gone("Keys");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    drop(holder);
    pty.wait_for("42/57");
    pty.wait_for("saved");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        before.replace("done = 41", "done = 42")
    );
    quit(&mut pty);
}

/// The clerk's loop: a typo saved from another pane shows in the banner,
/// `p` lists it with the hint, Enter opens the editor at its line, and the
/// fixed file clears the panel.
#[test]
fn the_problems_panel_opens_the_editor_at_the_problem_and_clears_once_fixed() {
    let (dir, path) = plan_in_tempdir();
    let good = fs::read_to_string(&path).unwrap();
    let broken = good.replacen("total = 57", "totl = 57", 1);
    let line = broken.lines().position(|l| l == "totl = 57").unwrap() + 1;
    let fixed = dir.path().join("fixed.toml");
    fs::write(&fixed, &good).unwrap();
    // Records its arguments, then "fixes" the file as the clerk would.
    let fix = format!("cp '{}' '{}'", fixed.display(), path.display());
    let (editor, args) = fake_vim(dir.path(), &fix);
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        env: &[("VISUAL", editor.to_str().unwrap())],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    save_by_rename(&path, &broken);
    pty.wait_for("p lists every problem");
    pty.send("p");
    pty.wait_for("did you mean `total`?");
    pty.send("\r");
    wait_for_file(&args);
    let got = fs::read_to_string(&args).unwrap();
    assert_eq!(
        got.lines().collect::<Vec<_>>(),
        // At the problem's line and column (`totl` opens the line: column 1).
        [
            format!("+normal! {line}G0").as_str(),
            path.to_str().unwrap()
        ]
    );
    pty.wait_for("No problems: the file has no errors or warnings.");
    pty.send("\x1b");
    pty.wait_gone("Problems");
    quit_from_overview(&mut pty);
}

fn quit_from_overview(pty: &mut Pty) {
    pty.wait_for("Enter open");
    pty.send("q");
    let (ended, _) = pty.wait_exit(PATIENCE).expect("`q` quits");
    assert_eq!(ended, Ended::Code(0));
}
