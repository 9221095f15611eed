//! The clerk's friction with the changes since the last report (issue 25,
//! item 13): removed items by name, and `b` / `B` at either end of the
//! history say so.

use campaigns::history::Since;
use campaigns::model::Lang;
use campaigns::tui::{Action, Command, Effect};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::git_fixture::Fixture;
use crate::tui_history::{NAME, app, current, last_report, repo, screen, with_dust_sites};

#[test]
fn removed_items_are_named_in_the_screens_language() {
    let fixture = Fixture::new();
    let before = with_dust_sites(&last_report()).replacen(
        "name = \"Dust sites\"",
        "name = { zh = \"扬尘工地\", en = \"Dust sites\" }",
        1,
    );
    fixture.commit(NAME, &before, "2024-12-01T10:00:00+08:00");
    fixture.commit(NAME, &current(), "2025-01-02T10:00:00+08:00");
    for (lang, said) in [
        (Lang::En, "removed since the baseline: Dust sites"),
        (Lang::Zh, "较基准已删除：扬尘工地"),
    ] {
        let mut app = app(
            &fixture.file(NAME),
            lang,
            false,
            Since::LastReport,
            "overview",
        );
        let d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(app.update(Action::Key(d)), Effect::Redraw);
        let text = screen(&app);
        assert!(text.contains(said), "{text}");
        assert!(!text.contains("blue-sky/dust-sites"), "{text}");
    }
}

#[test]
fn b_at_the_oldest_and_shift_b_at_the_newest_revision_say_so() {
    let fixture = repo();
    let mut app = app(
        &fixture.file(NAME),
        Lang::En,
        false,
        Since::LastReport,
        "overview",
    );
    // The last report is the oldest revision: `b` can go no further.
    assert_eq!(app.update(Command::OlderBaseline.into()), Effect::Redraw);
    let said = app.message().unwrap_or_default().to_owned();
    assert!(
        said.contains("the baseline is already the oldest revision"),
        "{said}"
    );
    app.update(Command::NewerBaseline.into());
    assert_eq!(app.update(Command::NewerBaseline.into()), Effect::Redraw);
    let said = app.message().unwrap_or_default().to_owned();
    assert!(
        said.contains("the baseline is already the newest revision"),
        "{said}"
    );
    let mut zh = crate::tui_history::app(
        &fixture.file(NAME),
        Lang::Zh,
        false,
        Since::LastReport,
        "overview",
    );
    zh.update(Command::OlderBaseline.into());
    assert!(
        zh.message().is_some_and(|m| m.contains("最早")),
        "{:?}",
        zh.message()
    );
}
