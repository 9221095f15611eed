//! The history as the reader thread hands it in: compared there, compared
//! again here when `b` / `B` moved the baseline meanwhile; a large plan's
//! comparison set aside at a reload until the reader brings it back.

use std::path::Path;

use super::*;
use crate::history::read_tests::{options, repository};
use crate::history::{self, compare::Comparison};
use crate::load::{self, Opened};
use crate::model::{Lang, PlanStatus};
use crate::tui::action::{Action, Command};
use crate::tui::app::Settings;
use crate::tui::changes::Baselined;

fn settings() -> Settings {
    Settings {
        color: true,
        ..Settings::plain(Lang::En, dates())
    }
}

fn dates() -> load::Options {
    load::Options {
        as_of: None,
        today: options().today,
    }
}

/// HEAD's text (task `c/t` done 4) with `done` at `done`, and `extra`
/// more tasks.
fn text(path: &Path, done: u32, extra: usize) -> String {
    let head = std::fs::read_to_string(path).unwrap();
    let mut text = head.replace("done = 4", &format!("done = {done}"));
    for i in 0..extra {
        text.push_str(&format!(
            "[[campaign.task]]\nid = \"x{i}\"\nname = \"X\"\ndone = 1\n"
        ));
    }
    text
}

fn app(path: &Path, text: String) -> App {
    let mut app = App::new(
        path.to_path_buf(),
        Ok(Opened::parse(path, text, dates())),
        settings(),
    );
    let read = history::read(path, options());
    app.update(Action::HistoryRead {
        read: Box::new(read),
        rev_baseline: None,
    });
    app
}

/// The history compared as the reader compares it, with `text` shown.
fn compared(path: &Path, text: String, since: &Since) -> Box<Baselined> {
    let document = Opened::parse(path, text, dates()).into_document().unwrap();
    let status = PlanStatus::compute(document.plan(), document.as_of());
    let history = history::read(path, options()).unwrap();
    Box::new(Baselined::new(
        history,
        since,
        None,
        document.plan(),
        &status,
    ))
}

fn previous_done(app: &App) -> Option<f64> {
    let change = app.baselined()?.change("c/t")?;
    match change.previous?.0 {
        crate::model::Figure::Done(done) => Some(done),
        _ => None,
    }
}

#[test]
fn a_history_compared_by_the_reader_is_taken_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    let mut app = app(&path, text(&path, 10, 0));
    assert_eq!(app.wanted_since(), Since::LastReport);
    let baselined = compared(&path, text(&path, 10, 0), &Since::LastReport);
    let effect = app.update(Action::HistoryCompared {
        baselined,
        since: Since::LastReport,
    });
    assert_eq!(effect, Effect::Redraw);
    // The last report is the commit of April: done 3.
    assert_eq!(previous_done(&app), Some(3.0));
}

#[test]
fn a_baseline_stepped_while_the_history_was_read_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    let mut app = app(&path, text(&path, 10, 0));
    app.update(Action::Do(Command::OlderBaseline));
    assert_eq!(previous_done(&app), Some(2.0));
    let Since::Rev(kept) = app.wanted_since() else {
        panic!("{:?}", app.wanted_since());
    };
    // Asked for before `b`: compared with the last report there.
    let baselined = compared(&path, text(&path, 10, 0), &Since::LastReport);
    app.update(Action::HistoryCompared {
        baselined,
        since: Since::LastReport,
    });
    assert_eq!(previous_done(&app), Some(2.0));
    assert_eq!(app.wanted_since(), Since::Rev(kept));
}

#[test]
fn a_large_plans_reload_sets_its_comparison_aside_until_it_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    let mut app = app(&path, text(&path, 10, COMPARE_ASIDE_ITEMS));
    assert_eq!(previous_done(&app), Some(3.0));
    let reloaded = Opened::parse(&path, text(&path, 11, COMPARE_ASIDE_ITEMS), dates());
    app.update(Action::Loaded(Box::new(Ok(reloaded))));
    // Not compared on the screen's thread: no change shown meanwhile.
    assert!(app.baselined().unwrap().comparison().is_none());
    assert_eq!(previous_done(&app), None);
    let mut aside: Comparison = app.take_comparison_aside().unwrap();
    assert!(app.take_comparison_aside().is_none(), "handed out once");
    let data = app.data.as_ref().unwrap();
    aside.compare(data.plan(), &data.status);
    assert_eq!(
        app.update(Action::Recompared(Box::new(aside))),
        Effect::Redraw
    );
    assert_eq!(previous_done(&app), Some(3.0));
    let now = app.baselined().unwrap().change("c/t").unwrap().current;
    assert_eq!(
        now.map(|(figure, _)| figure),
        Some(crate::model::Figure::Done(11.0))
    );
}

#[test]
fn a_small_plans_reload_is_compared_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    let mut app = app(&path, text(&path, 10, 0));
    let reloaded = Opened::parse(&path, text(&path, 11, 0), dates());
    app.update(Action::Loaded(Box::new(Ok(reloaded))));
    assert!(app.take_comparison_aside().is_none());
    assert_eq!(previous_done(&app), Some(3.0));
}

#[test]
fn a_comparison_with_another_baseline_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    let mut app = app(&path, text(&path, 10, 0));
    let data = app.data.as_ref().unwrap();
    let other = crate::history::compare::Baseline::of_plan(data.plan(), &data.status, None);
    let comparison = Comparison::new(other, data.plan(), &data.status);
    assert_eq!(
        app.update(Action::Recompared(Box::new(comparison))),
        Effect::None
    );
    assert_eq!(previous_done(&app), Some(3.0));
}

#[test]
fn a_large_comparison_or_history_let_go_is_handed_to_the_event_loop() {
    let dir = tempfile::tempdir().unwrap();
    let path = repository(dir.path(), 5);
    for (extra, handed) in [(0, 0), (COMPARE_ASIDE_ITEMS, 1)] {
        let mut app = app(&path, text(&path, 10, extra));
        assert!(
            app.take_retired().is_empty(),
            "the screen freed the first load's"
        );
        // A comparison refused (another baseline).
        let data = app.data.as_ref().unwrap();
        let other = crate::history::compare::Baseline::of_plan(data.plan(), &data.status, None);
        let comparison = Comparison::new(other, data.plan(), &data.status);
        let refused = app.apply(Action::Recompared(Box::new(comparison)));
        assert_eq!(refused, Effect::None);
        assert_eq!(app.take_retired().len(), handed, "{extra} more tasks");
        // The history read again replaces the one shown.
        app.apply(Action::HistoryRead {
            read: Box::new(history::read(&path, options())),
            rev_baseline: None,
        });
        assert_eq!(app.take_retired().len(), handed, "{extra} more tasks");
        assert_eq!(previous_done(&app), Some(3.0));
    }
}
