//! The roll-up screen as text (insta) in both languages at 80×24 and
//! 120×40, on a roll-up with a unit not reported (未报送) and a unit whose
//! file is broken; and the screen's state: moves, Tab between panes,
//! Enter into a unit's own screen (read-only) and Esc back to the roll-up.

use std::path::{Path, PathBuf};

use campaigns::model::Lang;
use campaigns::tui::rollup::{Outcome, Pane, RollupRequest, RollupScreen, render_rollup};
use campaigns::tui::{Action, Settings};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::rollup_fixture::{HEAD, UnitFigures, folder_of, load, path_unit, write_unit};

/// a and b ahead and behind, c done and PM2.5 over its target, d older
/// than `stale_after_days` (未报送), e a file with a syntax error.
pub(crate) fn fixture(dir: &Path) -> PathBuf {
    let stale = UnitFigures {
        as_of: "2024-10-01",
        ..UnitFigures::new(10, 50, 33.0, 300)
    };
    let units: [(&str, &[&str], UnitFigures); 4] = [
        ("a", &["national"], UnitFigures::new(100, 120, 30.0, 310)),
        ("b", &["national"], UnitFigures::new(50, 80, 30.0, 310)),
        ("c", &[], UnitFigures::new(60, 60, 40.0, 280)),
        ("d", &[], stale),
    ];
    let path = folder_of(dir, HEAD, &units);
    let mut manifest = std::fs::read_to_string(&path).unwrap();
    manifest.push_str(&path_unit("e", &[]));
    std::fs::write(&path, manifest).unwrap();
    write_unit(
        dir,
        "e",
        "[meta]\ntitle = \"e\"\nas_of = 2024-12-31\n\n[[campaign]\nid = \"x\"\n",
    );
    path
}

fn settings(lang: Lang) -> Settings {
    crate::tui_snapshots::settings(lang, false, false)
}

fn frame(lang: Lang, size: (u16, u16), view: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let rollup = load(&fixture(dir.path()));
    let request = RollupRequest {
        size,
        view,
        select: None,
        ansi: false,
    };
    render_rollup(rollup, settings(lang), &request).unwrap()
}

#[test]
fn the_rollup_screen_in_both_languages_at_80x24_and_120x40() {
    for lang in [Lang::Zh, Lang::En] {
        for size in [(80, 24), (120, 40)] {
            let name = format!("rollup_{}x{}_{}", size.0, size.1, lang.code());
            insta::assert_snapshot!(name, frame(lang, size, "rollup"));
        }
    }
}

#[test]
fn the_side_panes_one_at_a_time_when_narrow() {
    for view in ["drags", "freshness", "attention", "help"] {
        let name = format!("rollup_{view}_80x24_en");
        insta::assert_snapshot!(name, frame(Lang::En, (80, 24), view));
    }
}

#[test]
fn every_size_draws_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    for (width, height) in [
        (0, 0),
        (1, 1),
        (20, 5),
        (39, 9),
        (40, 10),
        (60, 20),
        (300, 100),
    ] {
        let request = RollupRequest {
            size: (width, height),
            view: "rollup",
            select: None,
            ansi: false,
        };
        let text = render_rollup(load(&path), settings(Lang::Zh), &request).unwrap();
        assert_eq!(
            text.lines().count(),
            usize::from(height),
            "{width}×{height}"
        );
    }
}

fn screen(lang: Lang) -> (tempfile::TempDir, RollupScreen) {
    let dir = tempfile::tempdir().unwrap();
    let rollup = load(&fixture(dir.path()));
    let mut screen = RollupScreen::new(rollup, settings(lang));
    screen.update(Action::Resize(100, 30));
    (dir, screen)
}

fn press(screen: &mut RollupScreen, code: KeyCode) -> Outcome {
    screen.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ch(screen: &mut RollupScreen, c: char) -> Outcome {
    press(screen, KeyCode::Char(c))
}

#[test]
fn j_and_k_move_the_unit_selection_within_the_units() {
    let (_dir, mut screen) = screen(Lang::En);
    assert_eq!(screen.selected_id(), Some("a"));
    assert_eq!(ch(&mut screen, 'k'), Outcome::None, "already the first");
    assert_eq!(ch(&mut screen, 'j'), Outcome::Redraw);
    assert_eq!(press(&mut screen, KeyCode::Down), Outcome::Redraw);
    assert_eq!(screen.selected_id(), Some("c"));
    ch(&mut screen, 'G');
    assert_eq!(screen.selected_id(), Some("e"));
    assert_eq!(ch(&mut screen, 'j'), Outcome::None, "already the last");
    press(&mut screen, KeyCode::Up);
    assert_eq!(screen.selected_id(), Some("d"));
    ch(&mut screen, 'g');
    assert_eq!(screen.selected_id(), Some("a"));
}

#[test]
fn tab_and_h_l_go_round_the_panes() {
    let (_dir, mut screen) = screen(Lang::En);
    let mut seen = vec![screen.focus()];
    for _ in 0..4 {
        press(&mut screen, KeyCode::Tab);
        seen.push(screen.focus());
    }
    let order = [
        Pane::Matrix,
        Pane::Rankings,
        Pane::Drags,
        Pane::Freshness,
        Pane::Matrix,
    ];
    assert_eq!(seen, order);
    ch(&mut screen, 'h');
    assert_eq!(screen.focus(), Pane::Freshness);
    ch(&mut screen, 'l');
    assert_eq!(screen.focus(), Pane::Matrix);
    // In the rankings, j scrolls the pane: the unit selected stays.
    ch(&mut screen, 'l');
    ch(&mut screen, 'j');
    assert_eq!(screen.selected_id(), Some("a"));
}

#[test]
fn enter_opens_the_unit_read_only_and_esc_comes_back_with_it_selected() {
    let (_dir, mut screen) = screen(Lang::En);
    ch(&mut screen, 'j');
    assert_eq!(press(&mut screen, KeyCode::Enter), Outcome::Redraw);
    let (unit, app) = screen.open_unit().expect("b's screen is open");
    assert_eq!(unit.id, "b");
    assert!(app.read_only());
    assert_eq!(app.plan().map(|p| p.meta.title.get(Lang::En)), Some("b"));
    // Into a campaign and out again: Esc is the unit's own there.
    press(&mut screen, KeyCode::Enter);
    assert!(
        screen
            .open_unit()
            .is_some_and(|(_, app)| app.campaign_id().is_some())
    );
    assert_eq!(ch(&mut screen, '+'), Outcome::Redraw);
    let refused = screen
        .open_unit()
        .and_then(|(_, app)| app.message().map(str::to_owned));
    assert!(
        refused.is_some_and(|m| m.starts_with("read-only")),
        "+ is refused"
    );
    press(&mut screen, KeyCode::Esc);
    assert!(screen.open_unit().is_some(), "back on the unit's overview");
    assert_eq!(press(&mut screen, KeyCode::Esc), Outcome::Redraw);
    assert!(screen.open_unit().is_none());
    assert_eq!(screen.selected_id(), Some("b"));
}

#[test]
fn q_quits_from_a_units_screen_too() {
    let (_dir, mut screen) = screen(Lang::En);
    press(&mut screen, KeyCode::Enter);
    assert!(screen.open_unit().is_some());
    assert_eq!(ch(&mut screen, 'q'), Outcome::Quit);
}

#[test]
fn a_unit_whose_file_has_errors_opens_on_its_problems() {
    let (_dir, mut screen) = screen(Lang::En);
    ch(&mut screen, 'G');
    press(&mut screen, KeyCode::Enter);
    let (unit, app) = screen.open_unit().expect("e's screen is open");
    assert_eq!(unit.id, "e");
    assert!(app.plan().is_none(), "nothing of e loaded");
}

#[test]
fn the_attention_list_spans_the_fresh_units_worst_first() {
    let (_dir, mut screen) = screen(Lang::En);
    ch(&mut screen, 'a');
    let view = screen.attention().expect("open");
    let units: Vec<&str> = view
        .items
        .iter()
        .map(|row| screen.rollup().units[row.unit].id.as_str())
        .collect();
    // Not met before behind; d (未报送) and e (errors) list nothing.
    assert_eq!(units, ["c", "c", "b", "a"]);
    ch(&mut screen, 'j');
    ch(&mut screen, 'j');
    press(&mut screen, KeyCode::Enter);
    let (unit, app) = screen.open_unit().expect("b at its item");
    assert_eq!(unit.id, "b");
    assert_eq!(app.selected_id(), Some("yangtze-outfalls"));
    assert_eq!(screen.selected_id(), Some("b"));
    press(&mut screen, KeyCode::Esc);
    press(&mut screen, KeyCode::Esc);
    assert!(screen.open_unit().is_none());
    assert!(screen.attention().is_some(), "back on the list");
    press(&mut screen, KeyCode::Esc);
    assert!(screen.attention().is_none());
}

#[test]
fn l_switches_the_language_and_the_drags_say_it() {
    let (_dir, mut screen) = screen(Lang::En);
    assert!(screen.drag_lines()[0].contains("short in all"));
    ch(&mut screen, 'L');
    assert_eq!(screen.settings().lang, Lang::Zh);
    assert!(screen.drag_lines()[0].contains("合计差50个，其中b市差30，占60%"));
}

/// `render` on a manifest draws the roll-up screen (its default view);
/// a view of a plan's screen is refused naming the roll-up's.
#[test]
fn render_draws_the_rollup_of_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let run = |args: &[&str]| {
        crate::binary::command()
            .args(args)
            .arg(&path)
            .output()
            .unwrap()
    };
    let drawn = run(&["render", "--size", "80x24", "--lang", "en"]);
    assert_eq!(drawn.status.code(), Some(0));
    let text = String::from_utf8(drawn.stdout).unwrap();
    assert!(text.starts_with("Province campaigns roll-up\n"), "{text}");
    assert!(text.contains("d city   2024-10-01 not reported"), "{text}");
    let zh = run(&["render", "--view", "freshness", "--lang", "zh"]);
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.contains("d市 · 未报送 · 2024-10-01"), "{zh}");
    let refused = run(&["render", "--view", "clear-water"]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(
        stderr.contains("unknown view `clear-water` of a roll-up"),
        "{stderr}"
    );
    let selected = run(&["render", "--select", "c", "--lang", "en"]);
    let selected = String::from_utf8(selected.stdout).unwrap();
    assert!(selected.contains("▸ c city"), "{selected}");
}

/// Styles the text snapshots cannot show: the selected row reversed, a
/// status in its colour, a unit not reported (out of the sums) dimmed.
#[test]
fn the_selection_the_statuses_and_a_stale_unit_have_their_look() {
    use ratatui::style::Modifier;
    let dir = tempfile::tempdir().unwrap();
    let rollup = load(&fixture(dir.path()));
    let mut screen = RollupScreen::new(
        rollup,
        crate::tui_snapshots::settings(Lang::En, false, true),
    );
    screen.update(Action::Resize(100, 30));
    let buffer = campaigns::tui::rollup::render::frame(&screen, (100, 30));
    let text = campaigns::tui::render::to_text(&buffer);
    let row = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() as u16;
    let column = |line: &str, needle: &str| {
        let at = line.find(needle).unwrap();
        campaigns::text::width(&line[..at]) as u16
    };
    let a = row("a city");
    assert!(
        buffer[(5, a)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED),
        "a selected"
    );
    let b_line = text.lines().nth(usize::from(row("b city"))).unwrap();
    let behind = buffer[(column(b_line, "behind"), row("b city"))].style();
    let d_line = text.lines().nth(usize::from(row("d city"))).unwrap();
    let stale = buffer[(column(d_line, "behind"), row("d city"))].style();
    assert_ne!(behind.fg, None, "a status in its colour");
    assert_ne!(
        behind.fg, stale.fg,
        "d (未报送) is dimmed, not in the status colour"
    );
}

/// A unit's name and its file's text are untrusted: no escape sequence
/// or control character reaches the frame.
#[test]
fn hostile_names_are_shown_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let manifest = std::fs::read_to_string(&path).unwrap();
    let hostile = manifest.replace("en = \"a city\"", "en = \"a\\u001b[2J\\u0007city\\u202e\"");
    assert_ne!(hostile, manifest);
    std::fs::write(&path, hostile).unwrap();
    let plan = dir.path().join("units/b/campaigns.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replace(
            "en = \"Clear Water\"",
            "en = \"Clear\\u001b]52;c;eA==\\u0007\"",
        ),
    )
    .unwrap();
    for view in ["rollup", "attention", "freshness"] {
        let request = RollupRequest {
            size: (120, 40),
            view,
            select: None,
            ansi: false,
        };
        let frame = render_rollup(load(&path), settings(Lang::En), &request).unwrap();
        let control = frame
            .chars()
            .find(|c| c.is_control() && *c != '\n' || *c == '\u{202e}');
        assert_eq!(control, None, "{view}:\n{frame}");
    }
}

/// `--ascii`: nothing but ASCII in a frame of English words (the
/// rules, the marks, the missing figures included).
#[test]
fn ascii_frames_are_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    for view in ["rollup", "freshness", "drags", "attention"] {
        let request = RollupRequest {
            size: (120, 40),
            view,
            select: None,
            ansi: false,
        };
        let ascii = crate::tui_snapshots::settings(Lang::En, true, false);
        let frame = render_rollup(load(&path), ascii, &request).unwrap();
        let other = frame.chars().find(|c| !c.is_ascii());
        assert_eq!(other, None, "{view}:\n{frame}");
    }
}

/// `r` asks for a reload; the roll-up read again keeps the unit selected
/// by its id, and a unit's open screen follows its unit.
#[test]
fn a_reload_keeps_the_unit_selected() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let mut screen = RollupScreen::new(load(&path), settings(Lang::En));
    ch(&mut screen, 'j');
    ch(&mut screen, 'j');
    assert_eq!(screen.selected_id(), Some("c"));
    assert_eq!(ch(&mut screen, 'r'), Outcome::Reload);
    // c's file now behind schedule too; a and b swap places in the manifest.
    let plan = dir.path().join("units/c/campaigns.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, text.replace("done = 60", "done = 30")).unwrap();
    let manifest = std::fs::read_to_string(&path).unwrap();
    let (a, b) = (path_unit("a", &["national"]), path_unit("b", &["national"]));
    let swapped = manifest.replace(&a, "@").replace(&b, &a).replace('@', &b);
    std::fs::write(&path, swapped).unwrap();
    screen.reloaded(load(&path));
    assert_eq!(screen.selected_id(), Some("c"));
    assert_eq!(screen.rollup().units[0].id, "b");
    assert!(
        screen.drag_lines()[0].contains("c city 30"),
        "{:?}",
        screen.drag_lines()
    );
    press(&mut screen, KeyCode::Enter);
    screen.reloaded(load(&path));
    assert_eq!(
        screen.open_unit().map(|(unit, _)| unit.id.as_str()),
        Some("c")
    );
}

/// A unit whose file gives no reporting date is 未报送 and says why.
#[test]
fn an_undated_unit_is_not_reported_for_want_of_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    let plan = dir.path().join("units/a/campaigns.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, text.replace("as_of = 2024-12-31\n", "")).unwrap();
    let request = RollupRequest {
        size: (100, 30),
        view: "freshness",
        select: None,
        ansi: false,
    };
    for (lang, said) in [
        (Lang::En, "a city · not reported (no reporting date)"),
        (Lang::Zh, "a市 · 未报送（无报告日期）"),
    ] {
        let frame = render_rollup(load(&path), settings(lang), &request).unwrap();
        assert!(frame.contains(said), "{frame}");
    }
}

/// `--since` has no meaning for a roll-up: the screen and `render` say so
/// and exit 2 before anything is drawn.
#[test]
fn since_is_refused_for_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(dir.path());
    for args in [vec!["--since", "HEAD"], vec!["render", "--since", "HEAD"]] {
        let output = crate::binary::command()
            .args(&args)
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains("--since does not apply to a roll-up"),
            "{args:?}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

/// PgDn and PgUp move ten units at a time, within the units; with
/// `--mouse` the wheel moves one.
#[test]
fn pages_and_the_wheel_move_the_selection() {
    use crossterm::event::{MouseEvent, MouseEventKind};
    let (_dir, mut screen) = screen(Lang::En);
    assert_eq!(press(&mut screen, KeyCode::PageDown), Outcome::Redraw);
    assert_eq!(screen.selected_id(), Some("e"), "the last of five");
    press(&mut screen, KeyCode::PageUp);
    assert_eq!(screen.selected_id(), Some("a"));
    let wheel = |kind| {
        Action::Mouse(MouseEvent {
            kind,
            column: 0,
            row: 0,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        screen.update(wheel(MouseEventKind::ScrollDown)),
        Outcome::None,
        "no --mouse"
    );
    let dir = tempfile::tempdir().unwrap();
    let mouse = Settings {
        mouse: true,
        ..settings(Lang::En)
    };
    let mut screen = RollupScreen::new(load(&fixture(dir.path())), mouse);
    assert_eq!(
        screen.update(wheel(MouseEventKind::ScrollDown)),
        Outcome::Redraw
    );
    assert_eq!(screen.selected_id(), Some("b"));
}
