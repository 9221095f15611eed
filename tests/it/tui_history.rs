//! The screen's figures over time: a history read from a fixture repository
//! (built with the git command line) handed to the app as the event loop
//! hands it, then the rows, footer and detail pane as text. The cases the
//! screen must word: not in git, a shallow clone, a rename, a revision with
//! a syntax error, an item removed.

use std::path::{Path, PathBuf};

use campaigns::history::{self, Since};
use campaigns::load::{self, Opened};
use campaigns::model::Lang;
use campaigns::tui::render::{frame, show, to_text};
use campaigns::tui::{Action, App, Command, Settings};
use chrono::NaiveDate;

use crate::git_fixture::{Fixture, git_command};

const FIXTURE: &str = "tests/fixtures/tui/plan.toml";
pub(crate) const NAME: &str = "campaigns.toml";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn settings(lang: Lang, ascii: bool) -> Settings {
    Settings {
        ascii,
        color: true,
        ..Settings::plain(
            lang,
            load::Options {
                as_of: None,
                today: today(),
            },
        )
    }
}

pub(crate) fn current() -> String {
    std::fs::read_to_string(FIXTURE).unwrap()
}

/// The last report: a month earlier, 8 fewer labels, good-air days met.
pub(crate) fn last_report() -> String {
    current()
        .replacen("as_of = 2024-12-31", "as_of = 2024-11-30", 1)
        .replacen("done = 513", "done = 505", 1)
        .replacen("value = 94.0", "value = 96.0", 1)
}

/// A repository with the last report, then the current figures.
pub(crate) fn repo() -> Fixture {
    let fixture = Fixture::new();
    fixture.commit(NAME, &last_report(), "2024-12-01T10:00:00+08:00");
    fixture.commit(NAME, &current(), "2025-01-02T10:00:00+08:00");
    fixture
}

/// The app on `path`, its history read as the loop reads it, in `view`.
pub(crate) fn app(path: &Path, lang: Lang, ascii: bool, since: Since, view: &str) -> App {
    let settings = settings(lang, ascii);
    let document = Opened::load(path, settings.dates);
    let mut app = App::new(path.to_path_buf(), document, settings);
    app.set_since(since.clone());
    app.update(Action::Resize(80, 24));
    show(&mut app, view).unwrap();
    let read = history::read(path, history::Options { today: today() });
    let rev_baseline = match (&read, &since) {
        (Ok(h), Since::Rev(_)) => h.baseline(&since, today()).unwrap(),
        _ => None,
    };
    app.update(Action::HistoryRead {
        read: Box::new(read),
        rev_baseline,
    });
    app
}

/// `plan` with one more Blue Sky task, `blue-sky/dust-sites`, before its
/// alerts: an item that comes or goes between two revisions.
pub(crate) fn with_dust_sites(plan: &str) -> String {
    plan.replacen(
        "[[campaign.task]]\nid = \"alerts\"",
        "[[campaign.task]]\nid = \"dust-sites\"\nname = \"Dust sites\"\ndone = 4\ntotal = 9\n\n[[campaign.task]]\nid = \"alerts\"",
        1,
    )
}

pub(crate) fn screen(app: &App) -> String {
    to_text(&frame(app, (80, 24)))
}

/// Tall enough for the whole detail pane (where the history stops).
fn tall(app: &mut App) -> String {
    app.update(Action::Resize(100, 40));
    to_text(&frame(app, (100, 40)))
}

pub(crate) fn row<'a>(text: &'a str, name: &str) -> &'a str {
    text.lines()
        .find(|line| line.contains(name))
        .unwrap_or_else(|| panic!("no row {name} in\n{text}"))
}

#[test]
fn rows_show_the_change_since_the_last_report() {
    let fixture = repo();
    let app = app(
        &fixture.file(NAME),
        Lang::En,
        false,
        Since::LastReport,
        "blue-sky",
    );
    let text = screen(&app);
    assert!(row(&text, "Labels for non-road").contains("+8 ↓"), "{text}");
    assert!(row(&text, "Share of good-air").contains("−2 ↓"), "{text}");
    // Unchanged: nothing, never +0.
    assert!(!row(&text, "Air-pollution contro").contains("+0"), "{text}");
    assert!(text.contains("since 2024-11-30"), "{text}");
    insta::assert_snapshot!("campaign_with_changes_80x24_en", text);
    let app_zh = self::app(
        &fixture.file(NAME),
        Lang::Zh,
        false,
        Since::LastReport,
        "blue-sky",
    );
    let text = screen(&app_zh);
    assert!(text.contains("较2024-11-30"), "{text}");
    insta::assert_snapshot!("campaign_with_changes_80x24_zh", text);
}

#[test]
fn before_the_history_arrives_rows_show_no_change() {
    let fixture = repo();
    let path = fixture.file(NAME);
    let settings = settings(Lang::En, false);
    let mut app = App::new(path.clone(), Opened::load(&path, settings.dates), settings);
    show(&mut app, "blue-sky").unwrap();
    let text = screen(&app);
    assert!(!text.contains("+8") && !text.contains("since"), "{text}");
}

#[test]
fn ascii_mode_arrows_and_minus() {
    let fixture = repo();
    let app = app(
        &fixture.file(NAME),
        Lang::En,
        true,
        Since::LastReport,
        "blue-sky",
    );
    let text = screen(&app);
    assert!(row(&text, "Share of good-air").contains("-2 v"), "{text}");
}

#[test]
fn b_steps_the_baseline_and_since_picks_one() {
    let fixture = Fixture::new();
    fixture.commit(
        NAME,
        &last_report()
            .replacen("done = 505", "done = 500", 1)
            .replacen("2024-11-30", "2024-10-31", 1),
        "2024-11-01T10:00:00+08:00",
    );
    fixture.commit(NAME, &last_report(), "2024-12-01T10:00:00+08:00");
    fixture.commit(NAME, &current(), "2025-01-02T10:00:00+08:00");
    let mut app = app(
        &fixture.file(NAME),
        Lang::En,
        false,
        Since::LastReport,
        "blue-sky",
    );
    assert!(row(&screen(&app), "Labels for non-road").contains("+8 ↓"));
    app.update(Command::OlderBaseline.into());
    let text = screen(&app);
    assert!(row(&text, "Labels for non-road").contains("+13"), "{text}");
    assert!(text.contains("since 2024-10-31"), "{text}");
    app.update(Command::NewerBaseline.into());
    assert!(row(&screen(&app), "Labels for non-road").contains("+8 ↓"));
    let since = Since::Date(NaiveDate::from_ymd_opt(2024, 11, 15).unwrap());
    let app = self::app(&fixture.file(NAME), Lang::En, false, since, "blue-sky");
    assert!(row(&screen(&app), "Labels for non-road").contains("+13"));
    let app = self::app(
        &fixture.file(NAME),
        Lang::En,
        false,
        Since::Rev("HEAD~1".into()),
        "blue-sky",
    );
    assert!(row(&screen(&app), "Labels for non-road").contains("+8 ↓"));
}

#[test]
fn not_in_git_says_so_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NAME);
    std::fs::write(&path, current()).unwrap();
    let app = app(&path, Lang::En, false, Since::LastReport, "blue-sky");
    let text = screen(&app);
    assert!(text.contains("no history (not in git)"), "{text}");
    assert!(!text.contains("+8"), "{text}");
    let app = self::app(&path, Lang::Zh, false, Since::LastReport, "blue-sky");
    assert!(screen(&app).contains("无历史（不在 git 中）"));
}

#[test]
fn a_shallow_clone_says_where_history_stops() {
    let origin = repo();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.path().display());
    let out = git_command(Path::new("/"))
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(clone.path().join("c"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path: PathBuf = clone.path().join("c").join(NAME);
    let mut app = app(&path, Lang::En, false, Since::LastReport, "blue-sky");
    let text = tall(&mut app);
    assert!(text.contains("history stops at"), "{text}");
    assert!(text.contains("shallow clone"), "{text}");
    assert!(text.contains("no earlier report in git"), "{text}");
}

#[test]
fn a_rename_says_where_history_stops() {
    let fixture = Fixture::new();
    fixture.commit("old.toml", &last_report(), "2024-12-01T10:00:00+08:00");
    fixture.git(&["mv", "old.toml", NAME]);
    fixture.git_at(
        &["commit", "-q", "-m", "rename"],
        "2024-12-15T10:00:00+08:00",
    );
    fixture.commit(NAME, &current(), "2025-01-02T10:00:00+08:00");
    let mut app = app(
        &fixture.file(NAME),
        Lang::En,
        false,
        Since::LastReport,
        "blue-sky",
    );
    let text = tall(&mut app);
    assert!(text.contains("renamed from old.toml"), "{text}");
    // The rename commit itself holds the last report's figures.
    assert!(row(&text, "Labels for non-road").contains("+8 ↓"), "{text}");
}

#[test]
fn a_revision_with_a_syntax_error_is_counted_and_skipped() {
    let fixture = Fixture::new();
    fixture.commit(NAME, &last_report(), "2024-12-01T10:00:00+08:00");
    fixture.commit(
        NAME,
        &current().replacen("done = 513", "done = = 513", 1),
        "2024-12-20T10:00:00+08:00",
    );
    fixture.commit(NAME, &current(), "2025-01-02T10:00:00+08:00");
    let mut app = app(
        &fixture.file(NAME),
        Lang::En,
        false,
        Since::LastReport,
        "blue-sky",
    );
    let text = tall(&mut app);
    assert!(text.contains("1 revision with errors skipped"), "{text}");
    assert!(row(&text, "Labels for non-road").contains("+8 ↓"), "{text}");
}

#[test]
fn an_item_removed_is_a_change_and_no_row() {
    let fixture = Fixture::new();
    let before = with_dust_sites(&last_report());
    assert_ne!(before, last_report());
    fixture.commit(NAME, &before, "2024-12-01T10:00:00+08:00");
    fixture.commit(NAME, &current(), "2025-01-02T10:00:00+08:00");
    let app = app(
        &fixture.file(NAME),
        Lang::En,
        false,
        Since::LastReport,
        "blue-sky",
    );
    let baselined = app.baselined().unwrap();
    let removed = baselined.change("blue-sky/dust-sites").unwrap();
    assert!(removed.current.is_none() && removed.previous.is_some());
    let text = screen(&app);
    assert!(!text.contains("Dust sites"), "{text}");
    assert!(row(&text, "Labels for non-road").contains("+8 ↓"), "{text}");
}
