//! A `follows` on screen says what `campaigns check` says (contract 3):
//! the problems panel carries the same diagnostics, from the same
//! `follows::check`, once the history is read; nothing while it is read.

use std::path::Path;

use assert_cmd::Command;
use campaigns::history::{self, Since};
use campaigns::load::{self, Opened};
use campaigns::model::Lang;
use campaigns::tui::render::{frame, show, to_text};
use campaigns::tui::{Action, App, Settings};
use chrono::NaiveDate;

use crate::git_fixture::Fixture;

const NAME: &str = "campaigns.toml";
const SIZE: (u16, u16) = (120, 30);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 10).unwrap()
}

fn dates() -> load::Options {
    load::Options {
        as_of: None,
        today: today(),
    }
}

/// A plan reported on `as_of` with one campaign `soil` whose tasks follow
/// what `follows` says, task by task.
fn plan(as_of: &str, follows: &[(&str, Option<&str>)]) -> String {
    let mut text = format!("[meta]\ntitle = \"t\"\nas_of = {as_of}\n\n");
    text.push_str("[[campaign]]\nid = \"soil\"\nname = \"Soil\"\n");
    for (id, follows) in follows {
        text.push_str(&format!(
            "\n[[campaign.task]]\nid = \"{id}\"\nname = \"{id}\"\ndone = 1\n"
        ));
        if let Some(path) = follows {
            text.push_str(&format!("follows = \"{path}\"\n"));
        }
    }
    text
}

/// The app on `path` before its history arrives.
fn opened(path: &Path) -> App {
    let settings = Settings::plain(Lang::En, dates());
    let mut app = App::new(path.to_path_buf(), Opened::load(path, dates()), settings);
    app.update(Action::Resize(SIZE.0, SIZE.1));
    show(&mut app, "overview").unwrap();
    app
}

/// The history read as the event loop reads it, handed in.
fn history_arrives(app: &mut App, path: &Path) {
    let read = history::read(path, history::Options { today: today() });
    app.set_since(Since::LastReport);
    app.update(Action::HistoryRead {
        read: Box::new(read),
        rev_baseline: None,
    });
}

/// A load of new text as the event loop takes it in: the history is read
/// again after it (a commit or a new working copy changes it), which
/// brings last year's plans when a `follows` needs them.
fn reload(app: &mut App, path: &Path) {
    app.update(Action::Loaded(Box::new(Opened::load(path, dates()))));
    history_arrives(app, path);
}

/// `campaigns check` on `dir`'s file: (exit code, stderr).
fn check(dir: &Path) -> (i32, String) {
    let mut command: Command = crate::binary::assert_command();
    let output = command
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .current_dir(dir)
        .args(["check", "--lang", "en", NAME])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().unwrap_or(-1), stderr)
}

/// The panel's diagnostics as `check` writes them (its path, no colour).
fn panel_blocks(app: &App) -> Vec<String> {
    let problems = app.problems().expect("a document shown");
    problems
        .diagnostics
        .iter()
        .map(|d| d.render(problems.text, NAME, false, Lang::En))
        .collect()
}

fn screen(app: &App) -> String {
    to_text(&frame(app, SIZE))
}

fn panel(app: &mut App) -> String {
    app.update(Action::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('p'),
        crossterm::event::KeyModifiers::NONE,
    )));
    screen(app)
}

#[test]
fn outside_git_a_follows_naming_nothing_is_the_error_check_prints() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NAME);
    let text = plan(
        "2024-12-31",
        &[("bodies-2024", None), ("rest", Some("nowhere/x"))],
    );
    std::fs::write(&path, text).unwrap();
    let mut app = opened(&path);
    // While the history is read: nothing of `follows`, never a guess.
    assert!(panel_blocks(&app).is_empty());
    assert!(!screen(&app).contains("error"), "{}", screen(&app));
    history_arrives(&mut app, &path);
    let blocks = panel_blocks(&app);
    assert_eq!(blocks.len(), 1, "{blocks:?}");
    let (code, stderr) = check(dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&blocks[0]), "{stderr}\n---\n{}", blocks[0]);
    assert!(
        blocks[0].contains("`follows` names `nowhere/x`, which is no task of this file"),
        "{}",
        blocks[0]
    );
    let footer = screen(&app);
    assert!(footer.contains("1 error, 0 warnings"), "{footer}");
    let shown = panel(&mut app);
    assert!(shown.contains("1 error, 0 warnings"), "{shown}");
    assert!(shown.contains("18 | follows = \"nowhere/x\""), "{shown}");
    assert!(
        shown.contains("which is no task of this file; no last-year revision was found"),
        "{shown}"
    );
}

/// Last year's item in last year's revision, then this year's plan.
fn last_year_repo(this: &str) -> Fixture {
    let fixture = Fixture::new();
    let last = plan("2024-12-31", &[("bodies-2024", None)]);
    fixture.commit(NAME, &last, "2025-01-02T10:00:00+08:00");
    fixture.commit(NAME, this, "2026-01-03T10:00:00+08:00");
    fixture
}

#[test]
fn a_follows_of_last_years_item_is_no_problem_on_screen_nor_for_check() {
    let this = plan("2025-12-31", &[("rest", Some("soil/bodies-2024"))]);
    let fixture = last_year_repo(&this);
    let path = fixture.file(NAME);
    let mut app = opened(&path);
    history_arrives(&mut app, &path);
    assert!(app.baselined().is_some(), "the history was read");
    assert!(panel_blocks(&app).is_empty(), "{:?}", panel_blocks(&app));
    let (code, stderr) = check(fixture.path());
    assert_eq!(code, 0, "{stderr}");
    let shown = panel(&mut app);
    assert!(shown.contains("0 errors, 0 warnings"), "{shown}");
}

#[test]
fn a_reload_that_brings_a_typo_in_follows_shows_it_as_check_does() {
    // No `follows` at first: last year's plans are not read until needed.
    let this = plan("2025-12-31", &[("rest", None)]);
    let fixture = last_year_repo(&this);
    let path = fixture.file(NAME);
    let mut app = opened(&path);
    history_arrives(&mut app, &path);
    assert!(panel_blocks(&app).is_empty());
    let typo = plan("2025-12-31", &[("rest", Some("soil/bodies-2023"))]);
    std::fs::write(&path, typo).unwrap();
    reload(&mut app, &path);
    let blocks = panel_blocks(&app);
    assert_eq!(blocks.len(), 1, "{blocks:?}");
    let (code, stderr) = check(fixture.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&blocks[0]), "{stderr}\n---\n{}", blocks[0]);
    assert!(
        blocks[0].contains("nor an item of last year's revision"),
        "{}",
        blocks[0]
    );
    assert!(
        blocks[0].contains("did you mean `soil/bodies-2024`?"),
        "{}",
        blocks[0]
    );
    assert!(screen(&app).contains("1 error, 0 warnings"));
    // Put right: the panel is clear again.
    let fixed = plan("2025-12-31", &[("rest", Some("soil/bodies-2024"))]);
    std::fs::write(&path, fixed).unwrap();
    reload(&mut app, &path);
    assert!(panel_blocks(&app).is_empty(), "{:?}", panel_blocks(&app));
    assert!(!screen(&app).contains("error"), "{}", screen(&app));
}

/// A chain through last year's plan back to where it started: `check`'s
/// warning, counted on screen as a warning, not an error.
#[test]
fn a_loop_through_last_years_plan_is_the_warning_check_prints() {
    let fixture = Fixture::new();
    let last = plan("2024-12-31", &[("bodies-2024", Some("soil/rest"))]);
    fixture.commit(NAME, &last, "2025-01-02T10:00:00+08:00");
    let this = plan("2025-12-31", &[("rest", Some("soil/bodies-2024"))]);
    fixture.commit(NAME, &this, "2026-01-03T10:00:00+08:00");
    let path = fixture.file(NAME);
    let mut app = opened(&path);
    history_arrives(&mut app, &path);
    let blocks = panel_blocks(&app);
    assert_eq!(blocks.len(), 1, "{blocks:?}");
    assert!(
        blocks[0]
            .starts_with("warning: `follows` goes round in a loop through last year's revision"),
        "{}",
        blocks[0]
    );
    let (code, stderr) = check(fixture.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(&blocks[0]), "{stderr}\n---\n{}", blocks[0]);
    let footer = screen(&app);
    assert!(footer.contains("1 warning (p)"), "{footer}");
}
