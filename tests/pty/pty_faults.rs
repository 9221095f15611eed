//! The live screen under faults the other pty tests leave out (SIGHUP,
//! SIGTERM, a closed pty and one suspend are in `pty_screen.rs`): storms of
//! SIGWINCH over sizes from 0×0 to 300×100, SIGINT in the middle of one, a
//! resize while suspended and several suspend cycles, hostile text from
//! the file on the screen, and the file replaced while the update prompt is
//! open. No panic, the terminal restored, the process
//! gone when asked, no CPU spin, and no control sequence from the data.

use std::time::{Duration, Instant};

use crate::pty_support::{Ended, Options, PATIENCE, Pty, plan_in_tempdir};

fn open(size: (u16, u16)) -> (tempfile::TempDir, Pty) {
    let (dir, path) = plan_in_tempdir();
    let pty = Pty::spawn(Options {
        size,
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    (dir, pty)
}

fn assert_restored(pty: &Pty) {
    assert!(!pty.alternate_screen(), "still on the alternate screen");
    assert!(!pty.cursor_hidden(), "the cursor is still hidden");
}

/// Sizes from 0×0 to 300×100: degenerate ones, tiny ones, huge ones.
fn storm_sizes(count: usize) -> Vec<(u16, u16)> {
    const EDGES: [(u16, u16); 12] = [
        (0, 0),
        (1, 1),
        (300, 100),
        (0, 40),
        (120, 0),
        (2, 1),
        (1, 100),
        (300, 1),
        (80, 24),
        (19, 5),
        (299, 99),
        (40, 12),
    ];
    (0..count)
        .map(|k| {
            if k % 2 == 0 {
                EDGES[(k / 2) % EDGES.len()]
            } else {
                // Spread over the whole range, deterministically.
                ((k * 97 % 301) as u16, (k * 37 % 101) as u16)
            }
        })
        .collect()
}

/// Resizes through `sizes` in about a second.
fn storm(pty: &mut Pty, sizes: &[(u16, u16)]) {
    let step = Duration::from_secs(1) / sizes.len() as u32;
    for size in sizes {
        pty.resize(*size);
        std::thread::sleep(step);
    }
}

/// The app is idle: nothing written and no CPU used for a while.
fn assert_idle(pty: &Pty) {
    pty.settle(Duration::from_millis(300));
    let (bytes, ticks) = (pty.bytes(), pty.cpu_ticks());
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(pty.bytes(), bytes, "bytes written while idle");
    // A clock tick is 10 ms: a spinning loop would use about 100.
    assert!(pty.cpu_ticks() - ticks <= 1, "CPU used while idle");
}

fn quit(pty: &mut Pty) {
    pty.send("q");
    let started = Instant::now();
    let (ended, _) = pty.wait_exit(PATIENCE).expect("`q` on the overview quits");
    assert_eq!(ended, Ended::Code(0));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_restored(pty);
}

/// 100 resizes in a second, then one more: the app lives through it,
/// draws the last size whole, takes keys, goes idle and quits cleanly.
#[test]
fn a_sigwinch_storm_ends_drawn_at_the_last_size() {
    let (_dir, mut pty) = open((120, 40));
    let ticks = pty.cpu_ticks();
    let started = Instant::now();
    storm(&mut pty, &storm_sizes(100));
    pty.resize((100, 30));
    pty.wait_for("Clear Water");
    let storm_took = started.elapsed();
    assert_ne!(pty.state(), 'Z', "the app died in the storm");
    // Every line of the final frame fits the final width.
    pty.settle(Duration::from_millis(300));
    let screen = pty.contents();
    assert!(screen.lines().count() <= 30, "{screen}");
    assert!(
        screen.contains("q quit"),
        "no footer after the storm:\n{screen}"
    );
    // Drawing 100 frames costs far less than the storm's second of CPU.
    let used = pty.cpu_ticks() - ticks;
    eprintln!("storm of 100 resizes: {storm_took:?}, {used} ticks of CPU");
    assert!(used < 500, "{used} ticks for 100 resizes");
    assert_idle(&pty);
    pty.send("\r");
    pty.wait_for("Coal boiler retirement");
    pty.send("q");
    pty.wait_for("Enter open");
    quit(&mut pty);
}

/// The app is left at 0×0 (a terminal being torn down): it does not spin
/// or die, and comes back when the terminal has a size again.
#[test]
fn a_zero_size_terminal_is_waited_out() {
    let (_dir, mut pty) = open((80, 24));
    pty.resize((0, 0));
    assert_idle(&pty);
    assert_ne!(pty.state(), 'Z');
    pty.resize((80, 24));
    pty.wait_for("Clear Water");
    quit(&mut pty);
}

/// A 65 535 × 65 535 terminal: the app draws at most 1000 × 500 of it, so
/// it neither aborts on the allocation nor leaves the terminal raw.
#[test]
fn a_huge_terminal_is_drawn_in_part() {
    let (_dir, mut pty) = open((120, 40));
    pty.resize_pty_only((65535, 65535));
    pty.settle(Duration::from_millis(500));
    assert_ne!(pty.state(), 'Z', "the app died at 65535x65535");
    pty.resize((100, 30));
    pty.wait_for("Clear Water");
    quit(&mut pty);
}

/// SIGINT in the middle of a storm: the app ends with 130 and restores the
/// terminal while resizes keep coming.
#[test]
fn sigint_in_the_middle_of_a_storm() {
    let (_dir, mut pty) = open((120, 40));
    let sizes = storm_sizes(60);
    storm(&mut pty, &sizes[..30]);
    pty.signal(libc::SIGINT);
    let started = Instant::now();
    storm(&mut pty, &sizes[30..]);
    let (ended, _) = pty.wait_exit(PATIENCE).expect("SIGINT ends the app");
    assert_eq!(ended, Ended::Code(128 + libc::SIGINT as u32));
    assert!(started.elapsed() < PATIENCE);
    assert_restored(&pty);
}

/// Resized while stopped: on SIGCONT the app takes the terminal again and
/// draws at the size it has now. Three cycles in a row.
#[test]
fn resized_while_suspended() {
    let (_dir, mut pty) = open((120, 40));
    for (cycle, size) in [(80, 24), (200, 60), (60, 20)].into_iter().enumerate() {
        pty.signal(libc::SIGTSTP);
        pty.wait_state("the main screen", |pty| !pty.alternate_screen());
        pty.wait_state("the process to stop", |pty| pty.state() == 'T');
        assert!(!pty.cursor_hidden(), "cycle {cycle}: the cursor is hidden");
        pty.resize(size);
        pty.signal(libc::SIGCONT);
        pty.wait_state("the alternate screen", |pty| pty.alternate_screen());
        pty.wait_for("Blue Sky");
        pty.settle(Duration::from_millis(200));
        let screen = pty.contents();
        assert!(
            screen
                .lines()
                .all(|line| campaigns::text::width(line) <= usize::from(size.0)),
            "cycle {cycle}: drawn wider than {size:?}:\n{screen}"
        );
    }
    assert_idle(&pty);
    quit(&mut pty);
}

/// Characters that may not come from the data: the app writes escape
/// sequences of its own, so ESC itself is allowed here, but never one of
/// these, nor the data's own sequences.
fn forbidden_sequences() -> Vec<Vec<u8>> {
    let mut sequences: Vec<Vec<u8>> = vec![
        b"\x07".to_vec(),
        b"\x00".to_vec(),
        b"\x7f".to_vec(),
        b"\x1b]52;".to_vec(),
        b"\x1b]0;pwned".to_vec(),
        b"\x1bP".to_vec(),
        b"\x1b[6n".to_vec(),
    ];
    let chars = ('\u{80}'..='\u{9f}')
        .chain('\u{202a}'..='\u{202e}')
        .chain('\u{2066}'..='\u{2069}')
        .chain(['\u{200e}', '\u{200f}', '\u{61c}']);
    sequences.extend(chars.map(|c| c.to_string().into_bytes()));
    sequences
}

/// The escapes and bidi fixtures on the live screen: the overview, a
/// campaign, an item's detail and help; none of the data's control
/// characters reaches the terminal.
#[test]
fn hostile_text_never_reaches_the_terminal() {
    for (name, title, task) in [
        ("escapes.toml", "Title]0;pwned", "task31m0;x"),
        ("bidi.toml", "evil title", "txt.exe"),
        ("c1-raw.toml", "C1  title", "tasknext"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("campaigns.toml");
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile")
            .join(name);
        std::fs::copy(fixture, &path).unwrap();
        let mut pty = Pty::spawn(Options {
            size: (120, 40),
            args: &["--lang", "en", path.to_str().unwrap()],
            ..Options::default()
        });
        pty.wait_for(title);
        pty.send("\r");
        pty.wait_for(task);
        pty.send("j");
        pty.send("\t");
        pty.send("?");
        pty.wait_for("Esc close");
        pty.send("?");
        pty.send("L");
        pty.settle(Duration::from_millis(300));
        // `q` backs out of the detail, then the campaign to the overview
        // (in Chinese since `L`), then quits.
        pty.send("q");
        pty.send("q");
        pty.wait_for("Enter 打开");
        pty.send("q");
        assert_eq!(
            pty.wait_exit(PATIENCE).map(|(ended, _)| ended),
            Some(Ended::Code(0)),
            "{name}"
        );
        for sequence in forbidden_sequences() {
            assert!(
                !pty.wrote(&sequence),
                "{name}: the app wrote {:?}",
                String::from_utf8_lossy(&sequence)
            );
        }
        assert_restored(&pty);
    }
}

/// The file replaced by someone else (saved by rename) while the update
/// prompt is open: the figure typed is written into the new content, whose
/// other changes all stay; nothing of the old file comes back.
#[test]
fn the_file_replaced_while_the_prompt_is_open() {
    let (dir, path) = plan_in_tempdir();
    let before = std::fs::read_to_string(&path).unwrap();
    let mut pty = Pty::spawn(Options {
        args: &["--lang", "en", path.to_str().unwrap()],
        ..Options::default()
    });
    pty.wait_for("Blue Sky");
    pty.send("\r");
    pty.wait_for("41/57");
    // The prompt opens with the current figure.
    pty.send("u");
    pty.settle(Duration::from_millis(300));
    let replaced = before
        .replace("done = 41", "done = 45")
        .replace("# A small plan", "# Replaced by a colleague. A small plan")
        .replace("Seventeen left", "Twelve left");
    let staged = dir.path().join("staged.toml");
    std::fs::write(&staged, &replaced).unwrap();
    std::fs::rename(&staged, &path).unwrap();
    pty.settle(Duration::from_millis(500));
    let started = Instant::now();
    pty.send("\u{7f}\u{7f}\u{7f}\u{7f}50\r");
    pty.wait_for(" 50/57");
    assert!(started.elapsed() < PATIENCE);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        replaced.replace("done = 45", "done = 50")
    );
    // `+` counts from the file as it is now.
    pty.send("+");
    pty.wait_for(" 51/57");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        replaced.replace("done = 45", "done = 51")
    );
    pty.send("q");
    pty.wait_for("Enter open");
    quit(&mut pty);
}

/// `+` in the app killed at moments spread over the save: the file is
/// always the old one or the new one, whole and valid, and nothing is left
/// beside it once the next save has run.
#[test]
fn a_plus_save_killed_at_any_moment_leaves_the_old_file_or_the_new() {
    let (dir, path) = plan_in_tempdir();
    let original = std::fs::read_to_string(&path).unwrap();
    let (mut kept_old, mut got_new) = (0, 0);
    for round in 0..12u64 {
        let before = std::fs::read_to_string(&path).unwrap();
        // The boilers' done count, the first `done = ` of the file.
        let done: u64 = before
            .lines()
            .find_map(|line| line.strip_prefix("done = "))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .expect("the figure under test");
        let mut pty = Pty::spawn(Options {
            args: &["--lang", "en", path.to_str().unwrap()],
            ..Options::default()
        });
        pty.wait_for("Blue Sky");
        pty.send("\r");
        pty.wait_for(&format!("{done}/57"));
        pty.send("+");
        // From at once to well after the save: 0, 1.5, 3, … 16.5 ms.
        std::thread::sleep(Duration::from_micros(1_500 * round));
        pty.signal(libc::SIGKILL);
        let _ = pty.wait_exit(PATIENCE);
        let after = std::fs::read_to_string(&path).unwrap();
        let old = before.clone();
        let new = before.replacen(
            &format!("done = {done}"),
            &format!("done = {}", done + 1),
            1,
        );
        assert!(
            after == old || after == new,
            "round {round}: neither old nor new"
        );
        if after == old {
            kept_old += 1;
        } else {
            got_new += 1;
        }
    }
    eprintln!("killed + saves: {kept_old} kept the old file, {got_new} the new");
    assert!(got_new > 0, "no save finished before the kill");
    // The next writer clears what a killed one left, and the file loads.
    let check = crate::binary::command()
        .args(["set"])
        .arg(&path)
        .args(["blue-sky/boilers", "--add", "0"])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(left, ["campaigns.toml"]);
    assert_ne!(std::fs::read_to_string(&path).unwrap(), original);
}
