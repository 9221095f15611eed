//! The review screen's state machine, driven with keys and actions, no
//! terminal: navigation, filter, sort, language, selection kept by id,
//! updates that produce the right save, and reloads that fail or vanish.

use std::path::PathBuf;

use campaigns::load::{self, Opened, ReadError};
use campaigns::model::Lang;
use campaigns::tui::app::{Change, Edit, Pane, View};
use campaigns::tui::rows::SortKey;
use campaigns::tui::{Action, App, Command, Effect, Settings};
use chrono::{NaiveDate, NaiveTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const FIXTURE: &str = "tests/fixtures/tui/plan.toml";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn settings(lang: Lang) -> Settings {
    Settings {
        color: true,
        ..Settings::plain(lang, options())
    }
}

pub(crate) fn options() -> load::Options {
    load::Options {
        as_of: None,
        today: today(),
    }
}

pub(crate) fn document(source: &str) -> Opened {
    Opened::parse(FIXTURE.as_ref(), source.to_owned(), options())
}

pub(crate) fn fixture_source() -> String {
    std::fs::read_to_string(FIXTURE).unwrap()
}

pub(crate) fn app(lang: Lang) -> App {
    let mut app = App::new(
        PathBuf::from(FIXTURE),
        Ok(document(&fixture_source())),
        settings(lang),
    );
    app.update(Action::Resize(120, 40));
    app
}

pub(crate) fn key(app: &mut App, code: KeyCode) -> Effect {
    app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub(crate) fn ch(app: &mut App, c: char) -> Effect {
    key(app, KeyCode::Char(c))
}

pub(crate) fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

#[test]
fn walks_from_overview_into_a_campaign_and_back() {
    let mut app = app(Lang::En);
    assert_eq!(app.view(), View::Overview);
    assert_eq!(app.overview_selected(), 0);
    assert_eq!(ch(&mut app, 'l'), Effect::Redraw);
    assert_eq!(app.overview_selected(), 1);
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::Redraw);
    assert_eq!(app.view(), View::Campaign);
    assert_eq!(app.campaign_id(), Some("clear-water"));
    // Sorted by status, tasks and indicators together: the not-met
    // indicator, then the behind tasks, the worst progress among them first.
    assert_eq!(app.selected_id(), Some("tianguan-river"));
    ch(&mut app, 'j');
    assert_eq!(app.selected_id(), Some("canal-outfalls"));
    ch(&mut app, 'j');
    assert_eq!(app.selected_id(), Some("lake-outfalls"));
    key(&mut app, KeyCode::Down);
    ch(&mut app, 'k');
    assert_eq!(app.selected_id(), Some("lake-outfalls"));
    ch(&mut app, 'G');
    assert_eq!(app.selected_id(), Some("han-river"));
    key(&mut app, KeyCode::Home);
    assert_eq!(app.selected_id(), Some("tianguan-river"));
    // Enter goes into the detail pane, Esc comes out, then back to the overview.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Detail);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Pane::List);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.view(), View::Overview);
    assert_eq!(app.overview_selected(), 1, "the card stays selected");
}

#[test]
fn digits_jump_and_q_backs_out_then_quits() {
    let mut app = app(Lang::Zh);
    assert_eq!(ch(&mut app, '3'), Effect::Redraw);
    assert_eq!(app.campaign_id(), Some("clean-soil"));
    assert_eq!(ch(&mut app, '9'), Effect::None, "no ninth campaign");
    assert_eq!(ch(&mut app, 'q'), Effect::Redraw);
    assert_eq!(app.view(), View::Overview);
    assert_eq!(ch(&mut app, 'q'), Effect::Quit);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(app.update(Action::Key(ctrl_c)), Effect::Quit);
}

#[test]
fn a_key_that_changes_nothing_asks_for_no_redraw() {
    let mut app = app(Lang::En);
    assert_eq!(ch(&mut app, 'k'), Effect::None, "already on the first card");
    assert_eq!(ch(&mut app, 'x'), Effect::None, "unbound");
    let ctrl_l = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert_eq!(app.update(Action::Key(ctrl_l)), Effect::None);
    ch(&mut app, '2');
    assert_eq!(ch(&mut app, 'g'), Effect::None, "already on the first row");
    assert_eq!(app.update(Action::Resize(120, 40)), Effect::None);
    assert_eq!(app.update(Action::Resize(80, 24)), Effect::Redraw);
}

#[test]
fn overview_moves_by_rows_of_cards() {
    let mut app = app(Lang::En);
    // Three cards a row at 120 columns: down goes to the fourth.
    ch(&mut app, 'j');
    assert_eq!(app.overview_selected(), 3);
    assert_eq!(ch(&mut app, 'j'), Effect::None);
    ch(&mut app, 'k');
    assert_eq!(app.overview_selected(), 0);
    key(&mut app, KeyCode::End);
    assert_eq!(app.overview_selected(), 3);
    // Stacked at 60 columns: down is the next campaign.
    app.update(Action::Resize(60, 20));
    ch(&mut app, 'g');
    ch(&mut app, 'j');
    assert_eq!(app.overview_selected(), 1);
}

#[test]
fn filter_is_live_and_esc_clears_it() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    assert_eq!(app.row_ids().len(), 7);
    ch(&mut app, '/');
    assert!(app.prompt_open());
    typed(&mut app, "outfall");
    assert_eq!(app.filter(), "outfall");
    assert_eq!(
        app.row_ids(),
        ["canal-outfalls", "lake-outfalls", "yangtze-outfalls"]
    );
    // Keys are text in the prompt: `q` does not quit, `j` does not move.
    typed(&mut app, "qj");
    assert_eq!(app.row_ids().len(), 0);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.row_ids().len(), 3);
    // Chinese names match too, in either language.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.filter(), "");
    assert_eq!(app.row_ids().len(), 7);
    ch(&mut app, '/');
    typed(&mut app, "水质");
    assert_eq!(app.row_ids(), ["tianguan-river", "han-river"]);
    key(&mut app, KeyCode::Enter);
    assert!(!app.prompt_open());
    assert_eq!(app.filter(), "水质", "Enter keeps the filter");
    // Esc in the list clears a kept filter before it leaves the campaign.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.filter(), "");
    assert_eq!(app.view(), View::Campaign);
}

#[test]
fn selection_survives_filter_by_id() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    for _ in 0..4 {
        ch(&mut app, 'j');
    }
    assert_eq!(app.selected_id(), Some("village-sewage"));
    ch(&mut app, '/');
    typed(&mut app, "village");
    assert_eq!(app.selected_id(), Some("village-sewage"));
    // Filtered out, then back: the selection returns to it.
    typed(&mut app, "zzz");
    assert_eq!(app.selected_id(), None);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.selected_id(), Some("village-sewage"));
}

#[test]
fn sort_cycles_and_keeps_the_selection() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    ch(&mut app, 'j');
    let selected = app.selected_id().map(str::to_owned);
    assert_eq!(app.sort(), SortKey::Status);
    ch(&mut app, 's');
    assert_eq!(app.sort(), SortKey::Progress);
    assert_eq!(
        &app.row_ids()[..5],
        [
            "lake-outfalls",
            "watershed-projects",
            "canal-outfalls",
            "village-sewage",
            "yangtze-outfalls"
        ]
    );
    assert_eq!(app.selected_id().map(str::to_owned), selected);
    ch(&mut app, 's');
    assert_eq!(app.sort(), SortKey::Due);
    assert_eq!(app.row_ids()[0], "canal-outfalls");
    assert_eq!(app.row_ids()[4], "watershed-projects");
    ch(&mut app, 's');
    assert_eq!(app.sort(), SortKey::Name);
    assert_eq!(
        app.row_ids()[0],
        "canal-outfalls",
        "Main Canal… first in English"
    );
    assert_eq!(app.selected_id().map(str::to_owned), selected);
    ch(&mut app, 's');
    assert_eq!(app.sort(), SortKey::Lead);
    assert_eq!(app.selected_id().map(str::to_owned), selected);
    ch(&mut app, 's');
    assert_eq!(app.sort(), SortKey::Status);
    // Worst first across tasks and indicators: the not-met indicator above
    // the behind tasks, the met one after the tasks on track.
    assert_eq!(app.row_ids()[..2], ["tianguan-river", "canal-outfalls"]);
    assert_eq!(app.row_ids()[5..], ["yangtze-outfalls", "han-river"]);
}

#[test]
fn language_toggle_changes_words_and_name_order() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    for _ in 0..3 {
        ch(&mut app, 's');
    }
    assert_eq!(app.sort(), SortKey::Name);
    let english = app.row_ids()[..5].to_vec().join(",");
    assert_eq!(ch(&mut app, 'L'), Effect::Redraw);
    assert_eq!(app.settings().lang, Lang::Zh);
    let chinese = app.row_ids()[..5].to_vec().join(",");
    assert_ne!(english, chinese, "names sort differently in Chinese");
    ch(&mut app, 'L');
    assert_eq!(app.settings().lang, Lang::En);
}

#[test]
fn selection_and_place_survive_a_reload() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    for _ in 0..3 {
        ch(&mut app, 'j');
    }
    assert_eq!(app.selected_id(), Some("watershed-projects"));
    // The campaigns come back in another order, with a figure changed.
    let source = fixture_source();
    let blue = source.find("[[campaign]]\nid = \"blue-sky\"").unwrap();
    let clear = source.find("[[campaign]]\nid = \"clear-water\"").unwrap();
    let reordered = format!(
        "{}{}{}",
        &source[..blue],
        &source[clear..],
        &source[blue..clear]
    )
    .replace("done = 2\n", "done = 4\n");
    assert_eq!(
        app.update(Action::Loaded(Box::new(Ok(document(&reordered))))),
        Effect::Redraw
    );
    assert_eq!(app.campaign_id(), Some("clear-water"));
    assert_eq!(app.selected_id(), Some("watershed-projects"));
    assert_eq!(
        app.task_done("clear-water", "watershed-projects"),
        Some(4.0)
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.overview_selected(),
        0,
        "clear-water is now the first card"
    );
}

#[test]
fn a_failed_reload_keeps_the_data_and_shows_the_banner() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    let broken = fixture_source().replace("done = 110", "done = -110");
    app.update(Action::Loaded(Box::new(Ok(document(&broken)))));
    let banner = app.banner().expect("a banner");
    assert!(banner.starts_with(&format!("{FIXTURE}:")), "{banner}");
    assert!(banner.contains("error"), "{banner}");
    assert_eq!(
        app.task_done("clear-water", "yangtze-outfalls"),
        Some(110.0)
    );
    assert_eq!(app.campaign_id(), Some("clear-water"));
    // The line and column of the problem are in it.
    let line = fixture_source()
        .lines()
        .position(|l| l == "done = 110")
        .unwrap()
        + 1;
    assert!(banner.contains(&format!(":{line}:")), "{banner}");
    // Fixing the file clears it.
    app.update(Action::Loaded(Box::new(Ok(document(&fixture_source())))));
    assert_eq!(app.banner(), None);
}

#[test]
fn a_syntax_error_and_an_unreadable_file_also_keep_the_data() {
    let mut app = app(Lang::En);
    app.update(Action::Loaded(Box::new(Ok(document("[meta\n")))));
    assert!(app.banner().is_some_and(|b| b.contains(":1:")));
    assert!(app.task_done("blue-sky", "alerts").is_some());
    let denied = ReadError::PermissionDenied {
        path: FIXTURE.into(),
    };
    app.update(Action::Loaded(Box::new(Err(denied))));
    assert!(
        app.banner()
            .is_some_and(|b| b.contains("permission denied"))
    );
    assert!(app.task_done("blue-sky", "alerts").is_some());
}

#[test]
fn a_vanished_file_shows_a_notice_and_keeps_the_data() {
    let mut app = app(Lang::En);
    assert_eq!(app.update(Action::FileMissing), Effect::Redraw);
    assert!(app.file_missing());
    assert_eq!(app.update(Action::FileMissing), Effect::None);
    assert!(app.task_done("blue-sky", "alerts").is_some());
    let gone = ReadError::NotFound {
        path: FIXTURE.into(),
    };
    app.update(Action::Loaded(Box::new(Err(gone))));
    assert!(app.file_missing());
    assert_eq!(app.banner(), None);
    app.update(Action::Loaded(Box::new(Ok(document(&fixture_source())))));
    assert!(!app.file_missing());
}

fn select(app: &mut App, id: &str) {
    for _ in 0..20 {
        if app.selected_id() == Some(id) {
            return;
        }
        ch(app, 'j');
    }
    panic!("{id} not found");
}

fn save(campaign: &str, item: &str, change: Change) -> Effect {
    Effect::Save(Edit {
        campaign: campaign.into(),
        item: item.into(),
        change: Some(change),
        note: None,
        lang: Lang::En,
        record: None,
    })
}

#[test]
fn plus_and_minus_save_a_step_of_one() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    select(&mut app, "yangtze-outfalls");
    assert_eq!(
        ch(&mut app, '+'),
        save("clear-water", "yangtze-outfalls", Change::AddDone(1.0))
    );
    assert_eq!(
        ch(&mut app, '-'),
        save("clear-water", "yangtze-outfalls", Change::AddDone(-1.0))
    );
    // An indicator has no done count: a message, no save.
    select(&mut app, "han-river");
    assert_eq!(ch(&mut app, '+'), Effect::Redraw);
    assert!(app.message().is_some());
    // A task at zero cannot go below.
    ch(&mut app, '3');
    select(&mut app, "farmland");
    assert_eq!(ch(&mut app, '-'), Effect::Redraw);
    assert!(app.message().is_some_and(|m| m.contains("negative")));
}

#[test]
fn the_update_prompt_validates_before_it_saves() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    select(&mut app, "yangtze-outfalls");
    assert_eq!(ch(&mut app, 'u'), Effect::Redraw);
    assert!(app.prompt_open());
    // It starts from the current figure.
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "abc");
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::Redraw);
    assert!(app.prompt_open(), "refused: not a number");
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "-3");
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::Redraw);
    assert!(app.prompt_open(), "refused: negative");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "112");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        save("clear-water", "yangtze-outfalls", Change::SetDone(112.0))
    );
    assert!(!app.prompt_open());
    // The figure is shown selected: typing replaces it.
    ch(&mut app, 'u');
    typed(&mut app, "111");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        save("clear-water", "yangtze-outfalls", Change::SetDone(111.0))
    );
    // Esc cancels without saving.
    ch(&mut app, 'u');
    typed(&mut app, "5");
    assert_eq!(key(&mut app, KeyCode::Esc), Effect::Redraw);
    assert!(!app.prompt_open());
}

#[test]
fn the_update_prompt_takes_a_water_class_for_a_class_indicator() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    select(&mut app, "tianguan-river");
    ch(&mut app, 'u');
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "VII");
    key(&mut app, KeyCode::Enter);
    assert!(app.prompt_open(), "VII is not a class");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        save(
            "clear-water",
            "tianguan-river",
            Change::SetValue("V".into())
        )
    );
}

#[test]
fn a_save_outcome_shows_in_the_footer() {
    let mut app = app(Lang::En);
    assert_eq!(
        app.update(Action::Saved(Ok("yangtze-outfalls: done 111".into()))),
        Effect::Redraw,
        "the loop has sent the written text already: no second read"
    );
    assert!(app.message().is_some_and(|m| m.contains("111")));
    // The next key clears it (and so redraws even if it does nothing else).
    assert_eq!(ch(&mut app, 'k'), Effect::Redraw);
    assert_eq!(app.message(), None);
    assert_eq!(
        app.update(Action::Saved(Err("the file changed\x1b[2J".into()))),
        Effect::Redraw
    );
    let message = app.message().unwrap();
    assert!(
        message.contains("save failed") && !message.contains('\x1b'),
        "{message}"
    );
    app.update(Action::EditorFailed("vi: not found".into()));
    assert!(app.message().is_some_and(|m| m.contains("vi: not found")));
}

#[test]
fn reload_editor_help_and_load_time() {
    let mut app = app(Lang::En);
    assert_eq!(ch(&mut app, 'r'), Effect::Reload);
    assert!(matches!(ch(&mut app, 'e'), Effect::OpenEditor { line, .. } if line > 1));
    ch(&mut app, '2');
    select(&mut app, "yangtze-outfalls");
    let line = fixture_source()
        .lines()
        .position(|l| l == "id = \"yangtze-outfalls\"")
        .unwrap();
    // The item's table header is the line before its id.
    assert_eq!(ch(&mut app, 'e'), Effect::OpenEditor { line, column: 0 });
    assert_eq!(ch(&mut app, '?'), Effect::Redraw);
    assert!(app.help_open());
    // At 120x40 the two columns hold all but the last few lines: it scrolls.
    assert_eq!(ch(&mut app, 'j'), Effect::Redraw);
    ch(&mut app, 'k');
    assert_eq!(ch(&mut app, 'q'), Effect::Redraw);
    assert!(!app.help_open());
    assert_eq!(app.view(), View::Campaign, "q closed the help only");
    let time = NaiveTime::from_hms_opt(10, 42, 5).unwrap();
    assert_eq!(app.update(Action::LoadedAt(time)), Effect::Redraw);
}

#[test]
fn help_scrolls_when_it_does_not_fit() {
    let mut app = app(Lang::En);
    app.update(Action::Resize(80, 24));
    ch(&mut app, '?');
    assert_eq!(ch(&mut app, 'j'), Effect::Redraw);
    assert_eq!(ch(&mut app, 'k'), Effect::Redraw);
    assert_eq!(ch(&mut app, 'k'), Effect::None);
}

#[test]
fn paging_moves_by_the_visible_rows() {
    // A campaign with 60 tasks.
    let mut source = String::from(
        "[meta]\ntitle = \"t\"\nas_of = 2024-06-30\n[[campaign]]\nid = \"c\"\nname = \"C\"\nstart = 2024-01-01\nend = 2024-12-31\n",
    );
    for i in 0..60 {
        source.push_str(&format!(
            "[[campaign.task]]\nid = \"t{i:02}\"\nname = \"Task {i:02}\"\ndone = {i}\ntotal = 100\n"
        ));
    }
    let mut app = App::new(
        PathBuf::from("many.toml"),
        Ok(document(&source)),
        settings(Lang::En),
    );
    app.update(Action::Resize(80, 24));
    ch(&mut app, '1');
    ch(&mut app, 's'); // by progress: t00 first
    assert_eq!(app.selected_id(), Some("t00"));
    key(&mut app, KeyCode::PageDown);
    let after_page: usize = app.selected_id().unwrap()[1..].parse().unwrap();
    assert!((5..=20).contains(&after_page), "moved {after_page}");
    key(&mut app, KeyCode::End);
    assert_eq!(app.selected_id(), Some("t59"));
    key(&mut app, KeyCode::PageUp);
    let back: usize = app.selected_id().unwrap()[1..].parse().unwrap();
    assert_eq!(back, 59 - after_page);
}

#[test]
fn mouse_wheel_moves_only_with_mouse_enabled() {
    use crossterm::event::{MouseEvent, MouseEventKind};
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 0,
        row: 0,
        modifiers: KeyModifiers::NONE,
    };
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    assert_eq!(app.update(Action::Mouse(wheel)), Effect::None);
    let mut with_mouse = App::new(
        PathBuf::from(FIXTURE),
        Ok(document(&fixture_source())),
        Settings {
            mouse: true,
            ..settings(Lang::En)
        },
    );
    with_mouse.update(Command::Jump(2).into());
    assert_eq!(with_mouse.update(Action::Mouse(wheel)), Effect::Redraw);
    assert_eq!(with_mouse.selected_id(), Some("canal-outfalls"));
}

#[test]
fn starts_without_a_plan_when_the_file_is_broken() {
    let mut app = App::new(
        PathBuf::from(FIXTURE),
        Ok(document("[meta]\ntitel = 1\n")),
        settings(Lang::En),
    );
    assert!(
        app.banner()
            .is_some_and(|b| b.contains(":1:1:") && b.ends_with("(+1)"))
    );
    assert_eq!(ch(&mut app, 'j'), Effect::None);
    assert_eq!(ch(&mut app, '1'), Effect::None);
    assert_eq!(ch(&mut app, 'q'), Effect::Quit);
}

#[test]
fn clicks_select_cards_rows_and_panes_with_mouse_enabled() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let click = |column, row| {
        Action::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let mut app = App::new(
        PathBuf::from(FIXTURE),
        Ok(document(&fixture_source())),
        Settings {
            mouse: true,
            ..settings(Lang::En)
        },
    );
    app.update(Action::Resize(120, 40));
    // Three cards of 40 columns under the header: the second is Clear Water.
    assert_eq!(app.update(click(45, 3)), Effect::Redraw);
    assert_eq!(app.overview_selected(), 1);
    assert_eq!(app.view(), View::Overview);
    assert_eq!(app.update(click(45, 3)), Effect::Redraw);
    assert_eq!(app.campaign_id(), Some("clear-water"));
    // The list's fourth row (header, border, then rows).
    assert_eq!(app.update(click(10, 5)), Effect::Redraw);
    assert_eq!(app.selected_id(), Some("watershed-projects"));
    assert_eq!(app.update(click(10, 5)), Effect::None);
    // The detail pane below the list (stacked at 120 columns).
    assert_eq!(app.update(click(100, 15)), Effect::Redraw);
    assert_eq!(app.focus(), Pane::Detail);
    assert_eq!(app.update(click(10, 2)), Effect::Redraw);
    assert_eq!(app.focus(), Pane::List);
    assert_eq!(app.selected_id(), Some("tianguan-river"));
    // On the list's border: nothing.
    assert_eq!(app.update(click(10, 9)), Effect::None);
}

/// Two apps in the same place, one given the new text whole and one given
/// only the campaign it changes, must show the same screens from then on.
fn assert_reread_matches_whole_reload(view: &str, keys: &str, edit: impl Fn(&str) -> String) {
    use campaigns::tui::render::{frame, show};
    let old = fixture_source();
    let new = edit(&old);
    assert_ne!(new, old, "the edit changes the text");
    let mut whole = app(Lang::En);
    let mut reread = app(Lang::En);
    for app in [&mut whole, &mut reread] {
        show(app, view).unwrap();
        typed(app, keys);
    }
    let shown = reread.document().expect("a document shown");
    let part = shown.reread(&new).expect("re-read alone");
    let action = Action::Reread {
        reread: Box::new(part),
        text: new.clone(),
    };
    assert_eq!(reread.update(action), Effect::Redraw);
    whole.update(Action::Loaded(Box::new(Ok(document(&new)))));
    for step in ["", "j", "\t", "k", "\x1b", "l", "\n", "G"] {
        for app in [&mut whole, &mut reread] {
            match step {
                "\t" => key(app, KeyCode::Tab),
                "\x1b" => key(app, KeyCode::Esc),
                "\n" => key(app, KeyCode::Enter),
                "" => Effect::None,
                c => ch(app, c.chars().next().unwrap()),
            };
        }
        assert_eq!(whole.view(), reread.view(), "after {step:?}");
        assert_eq!(
            frame(&whole, (120, 40)),
            frame(&reread, (120, 40)),
            "after {step:?}"
        );
    }
}

#[test]
fn a_campaign_reread_alone_shows_what_a_whole_reload_shows() {
    // A figure of the open campaign, the selected item's.
    assert_reread_matches_whole_reload("clear-water", "j", |s| {
        s.replacen("done = 53", "done = 60", 1)
    });
    // Another campaign's figure, seen on the overview's cards.
    assert_reread_matches_whole_reload("overview", "", |s| s.replacen("done = 40", "done = 54", 1));
    // Lines added to an earlier campaign move every later line (the editor opens there).
    assert_reread_matches_whole_reload("clean-soil", "j", |s| {
        s.replacen(
            "lead = \"市生态环境局\"",
            "lead = \"市生态环境局\"\n# checked\n\n",
            1,
        )
    });
    // A task added before the selected one, and one removed.
    assert_reread_matches_whole_reload("clear-water", "jj", |s| {
        s.replacen(
            "[[campaign.task]]\nid = \"canal-outfalls\"",
            "[[campaign.task]]\nid = \"new-outfalls\"\nname = \"New\"\ndone = 1\ntotal = 9\n\n\
             [[campaign.task]]\nid = \"canal-outfalls\"",
            1,
        )
    });
    assert_reread_matches_whole_reload("clear-water", "jjj", |s| {
        let start = s.find("[[campaign.task]]\nid = \"lake-outfalls\"").unwrap();
        let end = s[start..].find("\n\n").unwrap() + start + 2;
        format!("{}{}", &s[..start], &s[end..])
    });
    // `[meta]`: a new title, and a wider at-risk margin that every status uses.
    assert_reread_matches_whole_reload("clear-water", "j", |s| {
        s.replacen(
            "as_of = 2024-12-31",
            "as_of = 2024-12-31\nat_risk_margin = 0.5",
            1,
        )
        .replacen(
            "Qianjiang pollution-control campaigns",
            "Qianjiang campaigns",
            1,
        )
    });
    // A campaign's own name, its tasks kept.
    assert_reread_matches_whole_reload("clear-water", "j", |s| {
        s.replacen("en = \"Clear Water\"", "en = \"Clear Water 2025\"", 1)
    });
    // A campaign added at the end; one taken out before the open one (the
    // open one moves up a place); the open one taken out.
    assert_reread_matches_whole_reload("clean-soil", "j", |s| {
        format!("{s}\n[[campaign]]\nid = \"noise\"\nname = \"Noise\"\ntask = []\n")
    });
    let without = |s: &str, id: &str| {
        let start = s.find(&format!("[[campaign]]\nid = \"{id}\"")).unwrap();
        let end = start + 1 + s[start + 1..].find("[[campaign]]\n").unwrap();
        format!("{}{}", &s[..start], &s[end..])
    };
    assert_reread_matches_whole_reload("clean-soil", "j", |s| without(s, "clear-water"));
    assert_reread_matches_whole_reload("clear-water", "j", |s| without(s, "clear-water"));
    // The open campaign renamed: both go back to the overview.
    assert_reread_matches_whole_reload("clear-water", "", |s| {
        s.replacen("id = \"clear-water\"", "id = \"clean-water\"", 1)
    });
}

#[test]
fn a_lost_watch_is_said_in_the_footer_until_it_is_back() {
    let mut app = app(Lang::En);
    let reason = "inotify watch limit reached\x1b[2J".to_owned();
    assert_eq!(
        app.update(Action::WatchFailed(reason.clone())),
        Effect::Redraw
    );
    assert_eq!(
        app.watch_lost(),
        Some("inotify watch limit reached\u{FFFD}[2J")
    );
    // The same failure again changes nothing on screen.
    assert_eq!(app.update(Action::WatchFailed(reason)), Effect::None);
    // A key does not clear a state the way it clears a message.
    key(&mut app, KeyCode::Down);
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (120, 24)));
    let footer = frame.lines().last().unwrap();
    assert!(
        footer.contains("live reload is off (r retries): inotify watch limit reached"),
        "{footer}"
    );
    assert_eq!(app.update(Action::WatchRestored), Effect::Redraw);
    assert_eq!(app.watch_lost(), None);
    assert_eq!(app.update(Action::WatchRestored), Effect::None);
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (120, 24)));
    assert!(!frame.contains("live reload"), "{frame}");
    // In Chinese the label and the reason join with a full-width colon.
    let mut zh = self::app(Lang::Zh);
    zh.update(Action::WatchFailed("gone".into()));
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&zh, (120, 24)));
    let footer = frame.lines().last().unwrap();
    assert!(
        footer.contains("自动重新加载已停止（按 r 重试）：gone"),
        "{footer}"
    );
}

#[test]
fn a_paste_goes_into_the_filter_as_one_clean_line_and_nowhere_else() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    let before: Vec<String> = app.row_ids().iter().map(|id| id.to_string()).collect();
    // Outside a prompt: nothing moves, nothing is saved, the footer says why.
    assert_eq!(app.update(Action::Paste("j-+\r".into())), Effect::Redraw);
    assert_eq!(app.row_ids(), before);
    assert!(!app.prompt_open());
    assert_eq!(
        app.message(),
        Some("paste ignored: paste into the filter (/) or an update (u)")
    );
    ch(&mut app, '/');
    app.update(Action::Paste("out\u{1b}[2J\nfall".into()));
    // Newlines are spaces, escapes are replaced, and the filter applies at once.
    assert_eq!(app.filter(), "out\u{FFFD}[2J fall");
    assert!(app.row_ids().is_empty());
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '/');
    app.update(Action::Paste(" outfall \n".into()));
    assert_eq!(app.filter(), "outfall");
    assert_eq!(app.row_ids().len(), 3);
}

#[test]
fn a_save_message_goes_when_the_file_changes_under_it() {
    let mut app = app(Lang::En);
    app.update(Action::Saved(Err(
        "the file has errors, so it is left as it is".into(),
    )));
    assert!(app.message().is_some_and(|m| m.contains("save failed")));
    // The file is fixed from another pane: the failure no longer holds.
    app.update(Action::Loaded(Box::new(Ok(document(&fixture_source())))));
    assert_eq!(app.message(), None);
    app.update(Action::Saved(Ok("c/t: done 110 → 53".into())));
    assert!(app.message().is_some_and(|m| m.contains("110 → 53")));
    // An outside change: "saved 110 → 53" is no longer what the file says.
    let changed = fixture_source().replacen("done = 110", "done = 60", 1);
    app.update(Action::Loaded(Box::new(Ok(document(&changed)))));
    assert_eq!(app.message(), None);
}

#[test]
fn the_update_prompt_asks_before_saving_a_likely_typo() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    // 110 of 113 done.
    select(&mut app, "yangtze-outfalls");
    ch(&mut app, 'u');
    typed(&mut app, "1100");
    // Above the total: asked, not saved; Enter alone does not save it.
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::Redraw);
    assert!(app.prompt_open());
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (120, 40)));
    assert!(
        frame.contains("more than the total: y saves it anyway"),
        "{frame}"
    );
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::None);
    // Corrected, the figure saves on Enter as usual.
    key(&mut app, KeyCode::Backspace);
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        save("clear-water", "yangtze-outfalls", Change::SetDone(110.0))
    );
    let mut app = self::app(Lang::En);
    ch(&mut app, '2');
    select(&mut app, "yangtze-outfalls");
    ch(&mut app, 'u');
    typed(&mut app, "11");
    key(&mut app, KeyCode::Enter);
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (120, 40)));
    assert!(frame.contains("under half the current figure"), "{frame}");
    assert_eq!(
        ch(&mut app, 'y'),
        save("clear-water", "yangtze-outfalls", Change::SetDone(11.0))
    );
    assert!(!app.prompt_open());
    // Esc cancels an asked figure like any other.
    ch(&mut app, 'u');
    typed(&mut app, "1");
    key(&mut app, KeyCode::Enter);
    assert_eq!(key(&mut app, KeyCode::Esc), Effect::Redraw);
    assert!(!app.prompt_open());
}

#[test]
fn each_campaign_view_keeps_its_own_selection_and_filter() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    ch(&mut app, '/');
    typed(&mut app, "outfall");
    key(&mut app, KeyCode::Enter);
    select(&mut app, "lake-outfalls");
    // Another campaign: its own (empty) filter, its own first row.
    ch(&mut app, '1');
    assert_eq!(app.filter(), "");
    let first_of_blue_sky = app.selected_id().map(str::to_owned);
    key(&mut app, KeyCode::Down);
    let moved = app.selected_id().map(str::to_owned);
    assert_ne!(moved, first_of_blue_sky);
    // Back in Clear Water: the filter and the row it was left on.
    ch(&mut app, '2');
    assert_eq!(app.filter(), "outfall");
    assert_eq!(app.selected_id(), Some("lake-outfalls"));
    ch(&mut app, 'u');
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (120, 40)));
    // The prompt is for the row last selected there.
    assert!(frame.contains("Outfalls on 16 lakes: 20/55"), "{frame}");
    key(&mut app, KeyCode::Esc);
    // And Blue Sky kept the row it was moved to.
    ch(&mut app, '1');
    assert_eq!(app.selected_id().map(str::to_owned), moved);
}

#[test]
fn u_undoes_the_last_update_made_here_once() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    // Nothing written yet: nothing to undo.
    assert_eq!(ch(&mut app, 'U'), Effect::Redraw);
    assert!(app.message().is_some_and(|m| m.contains("nothing to undo")));
    select(&mut app, "yangtze-outfalls");
    assert_eq!(
        ch(&mut app, '+'),
        save("clear-water", "yangtze-outfalls", Change::AddDone(1.0))
    );
    // The loop writes 111 and reports it.
    let written = fixture_source().replacen("done = 110", "done = 111", 1);
    app.update(Action::Loaded(Box::new(Ok(document(&written)))));
    app.update(Action::Saved(Ok(
        "clear-water/yangtze-outfalls: done 110 → 111".into(),
    )));
    let restore = Change::Restore {
        to: "110".into(),
        from: "111".into(),
    };
    assert_eq!(
        ch(&mut app, 'U'),
        save("clear-water", "yangtze-outfalls", restore)
    );
    // The undo itself is not undone by a second U.
    app.update(Action::Loaded(Box::new(Ok(document(&fixture_source())))));
    app.update(Action::Saved(Ok(
        "clear-water/yangtze-outfalls: done 111 → 110".into(),
    )));
    ch(&mut app, 'U');
    // Updates were made here: `U` says they are taken back, not "nothing to undo".
    assert!(
        app.message()
            .is_some_and(|m| m.contains("1 update made here is undone"))
    );
}

#[test]
fn capital_q_quits_from_anywhere_but_a_prompt_takes_it_as_text() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    key(&mut app, KeyCode::Enter);
    // Deep in a campaign's detail, `q` only backs out; `Q` quits.
    assert_ne!(ch(&mut app, 'q'), Effect::Quit);
    assert_eq!(ch(&mut app, 'Q'), Effect::Quit);
    ch(&mut app, '?');
    assert_eq!(ch(&mut app, 'Q'), Effect::Quit);
    let mut app = self::app(Lang::En);
    ch(&mut app, '2');
    ch(&mut app, '/');
    assert_eq!(ch(&mut app, 'Q'), Effect::Redraw);
    assert_eq!(app.filter(), "Q");
}

#[test]
fn ctrl_z_suspends_from_a_prompt_and_leaves_it_open() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    ch(&mut app, '/');
    typed(&mut app, "out");
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(app.update(Action::Key(ctrl_z)), Effect::Suspend);
    assert!(app.prompt_open());
    assert_eq!(app.filter(), "out");
}

#[test]
fn the_help_scrolls_by_page_and_to_either_end() {
    let mut app = app(Lang::En);
    app.update(Action::Resize(80, 24));
    ch(&mut app, '?');
    assert_eq!(app.help_scroll(), 0);
    assert_eq!(ch(&mut app, 'G'), Effect::Redraw);
    let bottom = app.help_scroll();
    assert!(bottom > 20, "{bottom}");
    // At the end already: nothing to draw.
    assert_eq!(key(&mut app, KeyCode::End), Effect::None);
    assert_eq!(key(&mut app, KeyCode::PageUp), Effect::Redraw);
    let page = bottom - app.help_scroll();
    assert!((10..24).contains(&page), "{page}");
    assert_eq!(key(&mut app, KeyCode::Home), Effect::Redraw);
    assert_eq!(app.help_scroll(), 0);
    assert_eq!(key(&mut app, KeyCode::PageDown), Effect::Redraw);
    assert_eq!(app.help_scroll(), page);
    // The last line of the help is how to turn the mouse on.
    ch(&mut app, 'G');
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (80, 24)));
    assert!(frame.contains("start with --mouse"), "{frame}");
}

#[test]
fn the_footer_keeps_the_help_hint_when_narrow() {
    for (lang, hint) in [(Lang::En, "? help"), (Lang::Zh, "? 帮助")] {
        let mut app = app(lang);
        app.update(Action::Resize(60, 20));
        for view in ['2', 'a'] {
            ch(&mut app, view);
            let frame =
                campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (60, 20)));
            let footer = frame.lines().last().unwrap();
            assert!(footer.contains(hint), "{view}: {footer}");
        }
    }
}

/// The search results as (campaign id, item id), in their order.
fn results(app: &App) -> Vec<String> {
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(app, (120, 40)));
    frame
        .lines()
        .filter(|line| line.starts_with("│▸") || line.starts_with("│  "))
        .map(|line| line.to_owned())
        .collect()
}

#[test]
fn slash_on_the_overview_searches_every_campaign_as_it_is_typed() {
    let mut app = app(Lang::En);
    assert_eq!(ch(&mut app, '/'), Effect::Redraw);
    assert_eq!(app.context(), campaigns::tui::keymap::Context::Search);
    // Names in either language, ids, units and status words all match.
    for (typed, expected, campaign) in [
        ("outfall", "Outfalls on 16 lakes", "Clear Water"),
        ("排污口", "Yangtze outfall rectification", "Clear Water"),
        (
            "machinery-labels",
            "Labels for non-road mobile machinery",
            "Blue Sky",
        ),
        ("μg", "PM2.5 annual mean", "Blue Sky"),
        (
            "滞后",
            "Main Canal and Hannan River outfalls",
            "Clear Water",
        ),
        ("at-risk", "Village sewage treatment", "Clear Water"),
    ] {
        for _ in 0..20 {
            key(&mut app, KeyCode::Backspace);
        }
        typed_into(&mut app, typed);
        let frame =
            campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (120, 40)));
        assert!(frame.contains(&format!("Search “{typed}”")), "{frame}");
        assert!(frame.contains(expected), "{typed}: {frame}");
        let row = frame.lines().find(|line| line.contains(expected)).unwrap();
        assert!(
            row.contains(campaign),
            "{typed}: the campaign is named: {row}"
        );
    }
    // Nothing found: said, and Enter stays on the results.
    for _ in 0..20 {
        key(&mut app, KeyCode::Backspace);
    }
    typed_into(&mut app, "zzz");
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&app, (120, 40)));
    assert!(frame.contains("No item matches"), "{frame}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view(), View::Attention);
    assert!(!app.prompt_open());
}

/// Types `text` into the open prompt (letters like `q` are text there).
fn typed_into(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Do(campaigns::tui::Command::Input(c)));
    }
}

#[test]
fn enter_opens_the_result_and_n_steps_to_the_next_in_its_campaign() {
    let mut app = app(Lang::En);
    ch(&mut app, '/');
    typed_into(&mut app, "outfall");
    let found = results(&app).len();
    assert!(found >= 3, "{found}");
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::Redraw);
    assert_eq!(app.view(), View::Campaign);
    let first = app.selected_id().map(str::to_owned);
    assert_eq!(ch(&mut app, 'n'), Effect::Redraw);
    let second = app.selected_id().map(str::to_owned);
    assert_ne!(first, second);
    assert_eq!(ch(&mut app, 'N'), Effect::Redraw);
    assert_eq!(app.selected_id().map(str::to_owned), first);
    // Before the first, the last: N wraps.
    ch(&mut app, 'N');
    assert_ne!(app.selected_id().map(str::to_owned), first);
    // Esc: back to the results; Esc again: the overview.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Attention);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Overview);
    // The campaign's own filter was not touched.
    ch(&mut app, '2');
    assert_eq!(app.filter(), "");
}

#[test]
fn n_without_a_search_says_so_and_esc_cancels_a_search() {
    let mut app = app(Lang::En);
    assert_eq!(ch(&mut app, 'n'), Effect::Redraw);
    assert!(
        app.message()
            .is_some_and(|m| m.contains("/ on the overview searches")),
        "{:?}",
        app.message()
    );
    ch(&mut app, '/');
    typed_into(&mut app, "outfall");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Overview);
    assert!(!app.prompt_open());
    ch(&mut app, 'n');
    assert!(app.message().is_some());
    // In Chinese, the title and the words.
    let mut zh = self::app(Lang::Zh);
    ch(&mut zh, '/');
    typed_into(&mut zh, "滞后");
    let frame = campaigns::tui::render::to_text(&campaigns::tui::render::frame(&zh, (120, 40)));
    assert!(frame.contains("搜索“滞后”（3项）"), "{frame}");
    assert!(frame.contains("搜索：滞后"), "{frame}");
}

#[test]
fn a_campaign_filter_matches_status_words_too() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    ch(&mut app, '/');
    typed(&mut app, "behind");
    let ids: Vec<String> = app.row_ids().iter().map(|id| id.to_string()).collect();
    assert!(ids.contains(&"canal-outfalls".to_owned()), "{ids:?}");
    assert!(!ids.contains(&"yangtze-outfalls".to_owned()), "{ids:?}");
    // Arrows move through what the filter leaves while typing.
    let before = app.selected_id().map(str::to_owned);
    key(&mut app, KeyCode::Down);
    assert!(app.prompt_open());
    assert_ne!(app.selected_id().map(str::to_owned), before);
}
