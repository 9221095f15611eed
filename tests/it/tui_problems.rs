//! The problems panel (`p`): every error and warning of the file with the
//! line, a caret and the hint, in the language of the moment; Enter opens
//! the editor at the selected one; Esc closes it.

use campaigns::load::Opened;
use campaigns::model::Lang;
use campaigns::tui::{Action, App, Effect};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui_snapshots::{FIXTURE, app_with, settings, text};

const SIZE: (u16, u16) = (80, 24);

fn press(app: &mut App, code: KeyCode) -> Effect {
    app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// The fixture with a misspelt key (line 91) and a negative count (line 90).
fn broken() -> String {
    std::fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("done = 110\ntotal = 113", "done = -1\ntotl = 113")
}

/// The app after a reload of `source`, in `lang`, on the overview.
fn reloaded(lang: Lang, source: String) -> App {
    let mut app = app_with(settings(lang, false, true), SIZE, "overview");
    let document = Opened::parse(FIXTURE.as_ref(), source, app.settings().dates);
    app.update(Action::Loaded(Box::new(Ok(document))));
    app
}

#[test]
fn p_lists_every_error_with_the_line_a_caret_and_the_hint() {
    let mut app = reloaded(Lang::En, broken());
    assert!(!text(&app, SIZE).contains("Problems"));
    assert!(text(&app, SIZE).contains("p lists every problem"));
    assert_eq!(press(&mut app, KeyCode::Char('p')), Effect::Redraw);
    let screen = text(&app, SIZE);
    assert!(
        screen.contains("Problems: tests/fixtures/tui/plan.toml"),
        "{screen}"
    );
    assert!(screen.contains("2 errors, 0 warnings"), "{screen}");
    assert!(
        screen.contains("`done` must not be negative, found -1"),
        "{screen}"
    );
    assert!(screen.contains("90 | done = -1"), "{screen}");
    assert!(screen.contains("91 | totl = 113"), "{screen}");
    assert!(screen.contains("| ^^^^ unknown key"), "{screen}");
    assert!(screen.contains("= help: did you mean `total`?"), "{screen}");
    insta::assert_snapshot!("problems_80x24_en", screen);
}

#[test]
fn the_panel_reads_in_chinese_and_follows_l() {
    let mut app = reloaded(Lang::Zh, broken());
    press(&mut app, KeyCode::Char('p'));
    let screen = text(&app, SIZE);
    assert!(
        screen.contains("问题列表：tests/fixtures/tui/plan.toml"),
        "{screen}"
    );
    assert!(screen.contains("2 处错误，0 条警告"), "{screen}");
    assert!(screen.contains("`done` 不能为负数，实为 -1"), "{screen}");
    assert!(screen.contains("是否应为 `total`？"), "{screen}");
    insta::assert_snapshot!("problems_80x24_zh", screen);
    press(&mut app, KeyCode::Char('L'));
    assert!(text(&app, SIZE).contains("did you mean `total`?"));
}

#[test]
fn enter_opens_the_editor_at_the_selected_problems_line() {
    let mut app = reloaded(Lang::En, broken());
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Effect::OpenEditor {
            line: 90,
            column: 8
        }
    );
    assert_eq!(press(&mut app, KeyCode::Char('j')), Effect::Redraw);
    // The last problem: `j` goes no further.
    assert_eq!(press(&mut app, KeyCode::Char('j')), Effect::None);
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Effect::OpenEditor {
            line: 91,
            column: 1
        }
    );
    assert_eq!(press(&mut app, KeyCode::Char('g')), Effect::Redraw);
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Effect::OpenEditor {
            line: 90,
            column: 8
        }
    );
}

#[test]
fn esc_closes_the_panel_and_the_view_is_as_it_was() {
    let mut app = reloaded(Lang::En, broken());
    let before = text(&app, SIZE);
    press(&mut app, KeyCode::Char('p'));
    assert_ne!(text(&app, SIZE), before);
    assert_eq!(press(&mut app, KeyCode::Esc), Effect::Redraw);
    assert_eq!(text(&app, SIZE), before);
    // `p` toggles it too.
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(text(&app, SIZE), before);
}

#[test]
fn warnings_of_a_file_that_loads_are_listed_too() {
    let source = std::fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("done = 110\ntotal = 113", "done = 120\ntotal = 113");
    let mut app = reloaded(Lang::En, source);
    press(&mut app, KeyCode::Char('p'));
    let screen = text(&app, SIZE);
    assert!(screen.contains("0 errors, 1 warning"), "{screen}");
    assert!(
        screen.contains("`done` (120) is more than `total` (113)"),
        "{screen}"
    );
    assert!(screen.contains("^^^ over-achieved"), "{screen}");
}

#[test]
fn a_file_without_problems_says_so() {
    for (lang, words) in [
        (Lang::En, "No problems: the file has no errors or warnings."),
        (Lang::Zh, "没有问题：文件中没有错误或警告。"),
    ] {
        let mut app = app_with(settings(lang, false, true), SIZE, "clear-water");
        press(&mut app, KeyCode::Char('p'));
        let screen = text(&app, SIZE);
        assert!(screen.contains(words), "{screen}");
    }
}

#[test]
fn the_panel_is_fixed_once_the_file_is() {
    let mut app = reloaded(Lang::En, broken());
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('j'));
    let fixed = std::fs::read_to_string(FIXTURE).unwrap();
    let document = Opened::parse(FIXTURE.as_ref(), fixed, app.settings().dates);
    app.update(Action::Loaded(Box::new(Ok(document))));
    let screen = text(&app, SIZE);
    assert!(screen.contains("0 errors, 0 warnings"), "{screen}");
    assert!(screen.contains("No problems"), "{screen}");
    assert!(!screen.contains("p lists every problem"), "{screen}");
}

#[test]
fn the_help_lists_the_panels_keys() {
    let mut app = app_with(settings(Lang::En, false, true), (120, 40), "help");
    for _ in 0..3 {
        if text(&app, (120, 40)).contains("problems: the file's errors and warnings") {
            break;
        }
        press(&mut app, KeyCode::PageDown);
    }
    let screen = text(&app, (120, 40));
    assert!(
        screen.contains("problems: the file's errors and warnings"),
        "{screen}"
    );
}

#[test]
fn a_key_of_every_view_closes_the_panel_and_does_what_it_does() {
    let mut app = reloaded(Lang::En, broken());
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(press(&mut app, KeyCode::Char('2')), Effect::Redraw);
    assert_eq!(app.view(), campaigns::tui::app::View::Campaign);
    assert_eq!(app.campaign_id(), Some("clear-water"));
    assert!(!text(&app, SIZE).contains("Problems:"));
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.view(), campaigns::tui::app::View::Attention);
    assert!(!text(&app, SIZE).contains("Problems:"));
}
