//! One unit read again, not the whole roll-up: a unit's file saved reads
//! that unit alone (the others' plans stay the very ones loaded), and the
//! sums and rankings follow it; a fetch reads only the units whose ref
//! moved; `r` in a unit's own screen asks for that unit alone.

use std::sync::mpsc::channel;
use std::time::Duration;

use campaigns::model::Lang;
use campaigns::rollup::Rollup;
use campaigns::tui::rollup::{Done, Job, Outcome, Reader, RollupScreen};
use campaigns::tui::{Action, Settings};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::git_fixture::Fixture;
use crate::rollup_fixture::{HEAD, UnitFigures, folder_of, load, unit_plan, write_unit};

fn settings() -> Settings {
    crate::tui_snapshots::settings(Lang::En, false, false)
}

/// Where each unit's file text lives in memory: the same address after a
/// reload means that unit was not read again.
fn texts(rollup: &Rollup) -> Vec<*const u8> {
    let units = rollup.units.iter();
    units
        .map(|unit| {
            unit.document()
                .map_or(std::ptr::null(), |d| d.text().as_ptr())
        })
        .collect()
}

fn outfalls_done(screen: &RollupScreen) -> Option<f64> {
    (screen.combined().iter())
        .find(|c| c.item == "clear-water/yangtze-outfalls")
        .and_then(|c| c.done)
}

fn pm25_order(screen: &RollupScreen) -> Vec<String> {
    let ranked = &screen.rankings()[0];
    ranked.rows.iter().map(|row| row.unit.clone()).collect()
}

#[test]
fn a_unit_saved_reads_that_unit_alone_and_the_figures_follow_it() {
    let dir = tempfile::tempdir().unwrap();
    let units: [(&str, &[&str], UnitFigures); 3] = [
        ("a", &[], UnitFigures::new(100, 120, 30.0, 310)),
        ("b", &[], UnitFigures::new(50, 80, 32.0, 310)),
        ("c", &[], UnitFigures::new(60, 60, 34.0, 280)),
    ];
    let path = folder_of(dir.path(), HEAD, &units);
    let mut screen = RollupScreen::new(load(&path), settings());
    let before = texts(screen.rollup());
    assert_eq!(outfalls_done(&screen), Some(210.0));
    assert_eq!(pm25_order(&screen), ["a", "b", "c"]);

    // b: more outfalls done, and now the cleanest air.
    let figures = UnitFigures::new(70, 80, 25.0, 310);
    write_unit(
        dir.path(),
        "b",
        &unit_plan("b", &figures, "yangtze-outfalls"),
    );
    let read = screen.reread_unit(1).run();
    assert_eq!(read.len(), 1);
    screen.units_reloaded(read);

    let after = texts(screen.rollup());
    assert_eq!(after[0], before[0], "a was read again");
    assert_eq!(after[2], before[2], "c was read again");
    assert_ne!(after[1], before[1], "b was not read again");
    assert_eq!(outfalls_done(&screen), Some(230.0));
    assert_eq!(pm25_order(&screen), ["b", "a", "c"]);
    // The same figures as a whole load of the roll-up as it is now.
    let whole = RollupScreen::new(load(&path), settings());
    assert_eq!(screen.combined(), whole.combined());
    assert_eq!(screen.rankings(), whole.rankings());
    assert_eq!(screen.drags(), whole.drags());
}

#[test]
fn a_unit_whose_file_breaks_is_flagged_and_the_rest_stands() {
    let dir = tempfile::tempdir().unwrap();
    let units: [(&str, &[&str], UnitFigures); 2] = [
        ("a", &[], UnitFigures::new(100, 120, 30.0, 310)),
        ("b", &[], UnitFigures::new(50, 80, 32.0, 310)),
    ];
    let path = folder_of(dir.path(), HEAD, &units);
    let mut screen = RollupScreen::new(load(&path), settings());
    write_unit(dir.path(), "b", "[meta\n");
    let read = screen.reread_unit(1).run();
    screen.units_reloaded(read);
    assert!(screen.rollup().units[1].document().is_none());
    assert!(!screen.rollup().units[1].errors(Lang::En).is_empty());
    assert_eq!(outfalls_done(&screen), Some(100.0));
}

fn ref_unit(id: &str) -> String {
    format!("\n[[unit]]\nid = \"{id}\"\nname = \"{id}\"\nref = \"refs/remotes/{id}/main\"\n")
}

#[test]
fn after_a_fetch_only_the_units_whose_ref_moved_are_read() {
    let fixture = Fixture::new();
    for (id, done) in [("a", 100), ("b", 50)] {
        let figures = UnitFigures::new(done, 120, 30.0, 310);
        let text = unit_plan(id, &figures, "yangtze-outfalls");
        fixture.commit("campaigns.toml", &text, "2024-12-31T10:00:00+08:00");
        fixture.git(&["update-ref", &format!("refs/remotes/{id}/main"), "HEAD"]);
    }
    let path = fixture.file("rollup.toml");
    let manifest = format!("{HEAD}{}{}", ref_unit("a"), ref_unit("b"));
    std::fs::write(&path, manifest).unwrap();
    let mut screen = RollupScreen::new(load(&path), settings());
    assert_eq!(outfalls_done(&screen), Some(150.0));
    assert!(
        screen.rollup().reread_refs().run().is_empty(),
        "no ref moved"
    );

    let figures = UnitFigures::new(80, 120, 30.0, 310);
    let text = unit_plan("b", &figures, "yangtze-outfalls");
    let moved = fixture.commit("campaigns.toml", &text, "2024-12-31T11:00:00+08:00");
    fixture.git(&["update-ref", "refs/remotes/b/main", "HEAD"]);
    let read = screen.rollup().reread_refs().run();
    let places: Vec<usize> = read.iter().map(|(at, _)| *at).collect();
    assert_eq!(places, [1]);
    screen.units_reloaded(read);
    assert_eq!(
        screen.rollup().units[1].commit.as_deref(),
        Some(moved.as_str())
    );
    assert_eq!(outfalls_done(&screen), Some(180.0));
}

#[test]
fn the_reader_hands_back_the_unit_asked_for_off_the_screens_thread() {
    let dir = tempfile::tempdir().unwrap();
    let units: [(&str, &[&str], UnitFigures); 2] = [
        ("a", &[], UnitFigures::new(100, 120, 30.0, 310)),
        ("b", &[], UnitFigures::new(50, 80, 32.0, 310)),
    ];
    let path = folder_of(dir.path(), HEAD, &units);
    let mut screen = RollupScreen::new(load(&path), settings());
    let (tx, rx) = channel();
    let options = campaigns::load::Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
    };
    let reader = Reader::start(path.clone(), options, move |done| {
        let _ = tx.send(done);
    })
    .unwrap();
    let figures = UnitFigures::new(10, 120, 30.0, 310);
    write_unit(
        dir.path(),
        "a",
        &unit_plan("a", &figures, "yangtze-outfalls"),
    );
    reader.ask(Job::Units(screen.reread_unit(0)));
    let done = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    let Done::Units(read, None) = done else {
        panic!("not a unit's read: {done:?}");
    };
    assert_eq!(read.len(), 1);
    screen.units_reloaded(read);
    assert_eq!(outfalls_done(&screen), Some(60.0));
    // The manifest saved: all of it.
    reader.ask(Job::All);
    let done = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    assert!(matches!(done, Done::All(Ok(_))), "{done:?}");
}

#[test]
fn r_in_a_units_screen_reads_that_unit_again() {
    let dir = tempfile::tempdir().unwrap();
    let units: [(&str, &[&str], UnitFigures); 2] = [
        ("a", &[], UnitFigures::new(100, 120, 30.0, 310)),
        ("b", &[], UnitFigures::new(50, 80, 32.0, 310)),
    ];
    let path = folder_of(dir.path(), HEAD, &units);
    let mut screen = RollupScreen::new(load(&path), settings());
    let key = |code| Action::Key(KeyEvent::new(code, KeyModifiers::NONE));
    screen.update(key(KeyCode::Char('j')));
    screen.update(key(KeyCode::Enter));
    assert!(screen.open_unit().is_some());
    assert_eq!(
        screen.update(key(KeyCode::Char('r'))),
        Outcome::ReloadUnit(1)
    );

    // Its new file shows in its open screen, and the roll-up's sums.
    let figures = UnitFigures::new(79, 80, 32.0, 310);
    write_unit(
        dir.path(),
        "b",
        &unit_plan("b", &figures, "yangtze-outfalls"),
    );
    screen.units_reloaded(screen.reread_unit(1).run());
    let (unit, app) = screen.open_unit().unwrap();
    assert_eq!(unit.id, "b");
    let shown = app
        .document()
        .map(|d| d.text().to_owned())
        .unwrap_or_default();
    assert!(shown.contains("done = 79"), "{shown}");
    assert_eq!(outfalls_done(&screen), Some(179.0));
}

fn text_of(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn a_units_screen_names_the_key_back_to_the_rollup_in_its_footer_and_help() {
    for (lang, footer, help) in [
        (
            Lang::En,
            "Esc back to the roll-up",
            "Esc from the overview: back to the roll-up",
        ),
        (Lang::Zh, "Esc 返回汇总", "Esc 总览中返回汇总"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let units: [(&str, &[&str], UnitFigures); 1] =
            [("a", &[], UnitFigures::new(100, 120, 30.0, 310))];
        let path = folder_of(dir.path(), HEAD, &units);
        let mut settings = settings();
        settings.lang = lang;
        let mut screen = RollupScreen::new(load(&path), settings);
        let key = |code| Action::Key(KeyEvent::new(code, KeyModifiers::NONE));
        screen.update(Action::Resize(120, 30));
        let rollup = text_of(&campaigns::tui::rollup::render::frame(&screen, (120, 30)));
        assert!(
            !rollup
                .join("\n")
                .replace(' ', "")
                .contains(&footer.replace(' ', ""))
        );
        screen.update(key(KeyCode::Enter));
        let lines = text_of(&campaigns::tui::rollup::render::frame(&screen, (120, 30)));
        // Wide characters take two cells: compare without the blanks.
        let squeezed = |line: &str| line.replace(' ', "");
        let last = squeezed(lines.last().unwrap());
        assert!(last.contains(&squeezed(footer)), "{lang:?}: {last}");
        screen.update(key(KeyCode::Char('?')));
        let lines = text_of(&campaigns::tui::rollup::render::frame(&screen, (120, 30)));
        let all = squeezed(&lines.join("\n"));
        assert!(
            all.contains(&squeezed(help)),
            "{lang:?}:\n{}",
            lines.join("\n")
        );
    }
}

/// A config file's `[keys]` reach the roll-up's own keys where the
/// roll-up has an action of that name: the new key acts, the old one no
/// longer does; Ctrl-C quits whatever the file says.
#[test]
fn the_config_files_keys_apply_to_the_rollups_own_keys() {
    let config = campaigns::config::Config::parse(
        "[keys]\ntoggle-attention = [\"A\"]\ntoggle-help = [\"H\"]\nback-or-quit = [\"x\"]\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let units: [(&str, &[&str], UnitFigures); 1] =
        [("a", &[], UnitFigures::new(100, 120, 30.0, 310))];
    let path = folder_of(dir.path(), HEAD, &units);
    let mut settings = settings();
    settings.keymap = config.keymap;
    let mut screen = RollupScreen::new(load(&path), settings);
    let key = |c| Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    assert_eq!(screen.update(key('a')), Outcome::None, "a is A's now");
    assert_eq!(screen.update(key('A')), Outcome::Redraw);
    assert!(screen.attention().is_some());
    assert_eq!(screen.update(key('A')), Outcome::Redraw);
    assert!(screen.attention().is_none());
    assert_eq!(screen.update(key('?')), Outcome::None, "? is H's now");
    assert_eq!(screen.update(key('H')), Outcome::Redraw);
    assert!(screen.help_open());
    // The help shows the keys in force.
    let help = text_of(&campaigns::tui::rollup::render::frame(&screen, (100, 30)));
    let row = |words: &str| {
        let found = help.iter().find(|line| line.contains(words));
        found
            .cloned()
            .unwrap_or_else(|| panic!("{words}:\n{}", help.join("\n")))
    };
    assert!(
        row("attention list across units").contains("│ A "),
        "{help:?}"
    );
    assert!(row("this help").contains("│ H "));
    assert!(row(" quit").contains("x / Ctrl-C"));
    assert!(row("first / last unit").contains("g / G"));
    screen.update(key('H'));
    assert_eq!(screen.update(key('q')), Outcome::None, "q is x's now");
    assert_eq!(screen.update(key('x')), Outcome::Quit);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(screen.update(Action::Key(ctrl_c)), Outcome::Quit);
    // Keys the file leaves alone act as before.
    assert_eq!(
        screen.update(Action::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE))),
        Outcome::Redraw
    );
}

/// What is asked while a read runs is read once, after it: two saves of b
/// and the manifest saved become one whole read.
#[test]
fn asks_that_wait_are_merged_into_one_read() {
    let dir = tempfile::tempdir().unwrap();
    let units: [(&str, &[&str], UnitFigures); 2] = [
        ("a", &[], UnitFigures::new(100, 120, 30.0, 310)),
        ("b", &[], UnitFigures::new(50, 80, 32.0, 310)),
    ];
    let path = folder_of(dir.path(), HEAD, &units);
    let screen = RollupScreen::new(load(&path), settings());
    let (tx, rx) = channel();
    let (go_on, wait) = channel::<()>();
    let wait = std::sync::Mutex::new(wait);
    let options = campaigns::load::Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
    };
    let reader = Reader::start(path.clone(), options, move |done| {
        let _ = tx.send(done);
        // Held until the test has asked the rest.
        let _ = wait.lock().unwrap().recv();
    })
    .unwrap();
    reader.ask(Job::Units(screen.reread_unit(0)));
    let first = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    assert!(matches!(first, Done::Units(ref read, None) if read.len() == 1));
    reader.ask(Job::Units(screen.reread_unit(1)));
    reader.ask(Job::Units(screen.reread_unit(1)));
    reader.ask(Job::All);
    go_on.send(()).unwrap();
    let second = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    assert!(matches!(second, Done::All(Ok(_))), "{second:?}");
    go_on.send(()).unwrap();
    assert!(
        rx.recv_timeout(Duration::from_millis(500)).is_err(),
        "one read"
    );
}
