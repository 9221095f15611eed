//! The clerk's friction found in a month of trial updates (issue 25, items
//! 7–14): each test drives the screen's state machine as the clerk did.

use campaigns::model::Lang;
use campaigns::tui::app::{Change, Edit};
use campaigns::tui::render::{frame, to_text};
use campaigns::tui::{Action, App, Effect};
use crossterm::event::KeyCode;

// The screen state harness of the state-machine tests.
use super::tui_app::{app, ch, document, fixture_source, key, typed};

fn select(app: &mut App, id: &str) {
    ch(app, 'g');
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

fn restore(to: &str, from: &str) -> Change {
    Change::Restore {
        to: to.into(),
        from: from.into(),
    }
}

/// What the event loop does after a save: the written text comes back as
/// a load, then the outcome.
fn written(app: &mut App, source: &str, outcome: Result<String, String>) {
    app.update(Action::Loaded(Box::new(Ok(document(source)))));
    app.update(Action::Saved(outcome));
}

#[test]
fn u_takes_back_every_update_made_here_newest_first() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    select(&mut app, "yangtze-outfalls");
    ch(&mut app, '+');
    let one = fixture_source().replacen("done = 110", "done = 111", 1);
    written(&mut app, &one, Ok("done 110 → 111".into()));
    select(&mut app, "village-sewage");
    ch(&mut app, '+');
    let two = one.replacen("done = 40\n", "done = 41\n", 1);
    written(&mut app, &two, Ok("done 40 → 41".into()));
    // Newest first, each through the write path.
    assert_eq!(
        ch(&mut app, 'U'),
        save("clear-water", "village-sewage", restore("40", "41"))
    );
    written(&mut app, &one, Ok("done 41 → 40".into()));
    assert_eq!(
        ch(&mut app, 'U'),
        save("clear-water", "yangtze-outfalls", restore("110", "111"))
    );
    written(&mut app, &fixture_source(), Ok("done 111 → 110".into()));
    // Everything made here is taken back: said so, not "nothing to undo".
    assert_eq!(ch(&mut app, 'U'), Effect::Redraw);
    let message = app.message().unwrap_or_default().to_owned();
    assert!(!message.contains("nothing to undo"), "{message}");
    assert!(
        message.contains("all 2 updates made here are undone"),
        "{message}"
    );
}

#[test]
fn a_refused_undo_leaves_the_earlier_updates_undoable() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    select(&mut app, "yangtze-outfalls");
    ch(&mut app, '+');
    let one = fixture_source().replacen("done = 110", "done = 111", 1);
    written(&mut app, &one, Ok("done 110 → 111".into()));
    select(&mut app, "village-sewage");
    ch(&mut app, '+');
    let two = one.replacen("done = 40\n", "done = 41\n", 1);
    written(&mut app, &two, Ok("done 40 → 41".into()));
    // Someone changed the village figure since: that undo is refused...
    ch(&mut app, 'U');
    written(&mut app, &two, Err("the figure changed since".into()));
    // ...and the one before it is still there to take back.
    assert_eq!(
        ch(&mut app, 'U'),
        save("clear-water", "yangtze-outfalls", restore("110", "111"))
    );
}

#[test]
fn an_update_prompt_that_lowers_done_asks_for_y() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    select(&mut app, "canal-outfalls");
    ch(&mut app, 'u');
    typed(&mut app, "35");
    // 53 → 35 is neither beyond the total nor under half: still asked.
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::Redraw);
    assert!(app.prompt_open());
    let screen = to_text(&frame(&app, (120, 40)));
    assert!(screen.contains("lower than the current done"), "{screen}");
    assert_eq!(key(&mut app, KeyCode::Enter), Effect::None);
    assert_eq!(
        ch(&mut app, 'y'),
        save("clear-water", "canal-outfalls", Change::SetDone(35.0))
    );
    // Going up by a little is saved at once, as before.
    ch(&mut app, 'u');
    typed(&mut app, "60");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        save("clear-water", "canal-outfalls", Change::SetDone(60.0))
    );
}

#[test]
fn slash_starts_empty_each_time() {
    let mut app = app(Lang::En);
    ch(&mut app, '2');
    ch(&mut app, '/');
    typed(&mut app, "outfall");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.filter(), "outfall");
    ch(&mut app, '/');
    assert_eq!(app.filter(), "", "a new filter starts empty");
    typed(&mut app, "village");
    assert_eq!(app.row_ids(), ["village-sewage"]);
    // The search across campaigns too: `/water` after a search is "water".
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '/');
    typed(&mut app, "lake");
    key(&mut app, KeyCode::Esc);
    ch(&mut app, '/');
    typed(&mut app, "water");
    let screen = to_text(&frame(&app, (120, 40)));
    assert!(screen.contains("Search: water"), "{screen}");
    assert!(!screen.contains("lakewater"), "{screen}");
}

#[test]
fn the_update_prompt_spans_the_screen_and_names_y() {
    for (size, lang, words) in [
        ((80, 24), Lang::En, "y saves it anyway, Esc cancels"),
        ((60, 20), Lang::En, "y saves it anyway, Esc cancels"),
        ((80, 24), Lang::Zh, "按 y 仍然保存，Esc 取消"),
    ] {
        let mut app = app(lang);
        app.update(Action::Resize(size.0, size.1));
        ch(&mut app, '2');
        select(&mut app, "yangtze-outfalls");
        ch(&mut app, 'u');
        typed(&mut app, "11");
        key(&mut app, KeyCode::Enter);
        let screen = to_text(&frame(&app, size));
        // The whole confirmation, with its `y`, however narrow the screen.
        let joined = screen
            .lines()
            .map(|l| l.trim_matches(['│', ' ']))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(joined.contains(words), "{size:?} {lang:?}\n{screen}");
        // As wide as the screen allows: the box's corners near either edge.
        let top = screen
            .lines()
            .find(|l| l.contains("New done count") || l.contains("新的完成数"))
            .unwrap();
        assert!(
            top.starts_with('╭') && top.trim_end().ends_with('╮'),
            "{screen}"
        );
    }
    // The help's "Update prompt" section names `y`.
    let mut app = app(Lang::En);
    app.update(Action::Resize(80, 24));
    ch(&mut app, '?');
    let mut help = String::new();
    for _ in 0..12 {
        help.push_str(&to_text(&frame(&app, (80, 24))));
        key(&mut app, KeyCode::PageDown);
    }
    // The pages are read one after the other: the section may begin at the
    // foot of one page and go on at the top of the next.
    assert!(help.contains("Update prompt"), "an Update prompt section");
    let named = help.split("Update prompt").skip(1).any(|section| {
        section
            .lines()
            .take(6)
            .any(|l| l.contains(" y ") && l.contains("anyway"))
    });
    assert!(named, "{help}");
}

fn footer(app: &App, size: (u16, u16)) -> String {
    let screen = to_text(&frame(app, size));
    screen.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn at_80x24_the_footer_keeps_quit_and_help() {
    for lang in [Lang::En, Lang::Zh] {
        let (quit, help) = match lang {
            Lang::En => ("quit", "? help"),
            Lang::Zh => ("退出", "? 帮助"),
        };
        let mut app = app(lang);
        app.update(Action::Resize(80, 24));
        app.update(Action::LoadedAt(
            chrono::NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
        ));
        // A long message on the overview does not push them out.
        ch(&mut app, 'n');
        let line = footer(&app, (80, 24));
        assert!(line.contains(&format!("q {quit}")), "{line}");
        assert!(line.contains(help), "{line}");
        // Nor does a campaign's longer list of keys.
        ch(&mut app, '2');
        let line = footer(&app, (80, 24));
        assert!(line.contains(&format!("Q {quit}")), "{line}");
        assert!(line.contains(help), "{line}");
        ch(&mut app, 'a');
        let line = footer(&app, (80, 24));
        assert!(line.contains(&format!("Q {quit}")), "{line}");
        assert!(line.contains(help), "{line}");
    }
}

#[test]
fn the_detail_pane_says_when_more_lies_below() {
    let mut app = app(Lang::En);
    app.update(Action::Resize(80, 24));
    ch(&mut app, '2');
    select(&mut app, "yangtze-outfalls");
    let screen = to_text(&frame(&app, (80, 24)));
    let bottom = screen.lines().rev().nth(1).unwrap_or_default();
    assert!(bottom.contains("more below"), "{screen}");
    // Scrolled to its end, it says no more.
    key(&mut app, KeyCode::Tab);
    for _ in 0..30 {
        ch(&mut app, 'j');
    }
    let screen = to_text(&frame(&app, (80, 24)));
    assert!(!screen.contains("more below"), "{screen}");
    // Where it all fits, nothing is said.
    app.update(Action::Resize(120, 60));
    let screen = to_text(&frame(&app, (120, 60)));
    assert!(!screen.contains("more below"), "{screen}");
}

#[test]
fn p_then_enter_opens_the_editor_at_a_syntax_errors_column() {
    let mut app = app(Lang::Zh);
    // The `}` of line 3's names left out: the mistake is at its end.
    let broken = fixture_source().replacen("\" }\n", "\"\n", 1);
    let line = broken[..broken.find("\"\n").unwrap()].lines().count();
    let column = broken.lines().nth(line - 1).unwrap().chars().count() + 1;
    app.update(Action::Loaded(Box::new(Ok(document(&broken)))));
    ch(&mut app, 'p');
    let screen = to_text(&frame(&app, (120, 40)));
    assert!(screen.contains("内联表没有闭合"), "{screen}");
    assert_eq!(
        key(&mut app, KeyCode::Enter),
        Effect::OpenEditor { line, column }
    );
}

#[test]
fn the_attention_list_at_80_columns_keeps_each_figure_and_its_percent() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = app(lang);
        app.update(Action::Resize(80, 24));
        ch(&mut app, 'a');
        let screen = to_text(&frame(&app, (80, 24)));
        let rows: Vec<&str> = screen
            .lines()
            .filter(|l| l.starts_with("│▸") || l.starts_with("│  "))
            .filter(|l| {
                let b = l.as_bytes();
                b.windows(3)
                    .any(|w| w[0].is_ascii_digit() && w[1] == b'/' && w[2].is_ascii_digit())
            })
            .collect();
        assert!(rows.len() >= 3, "{screen}");
        for row in rows {
            // A task's done/total with its percentage beside it.
            assert!(row.contains('%'), "{lang:?}: {row}\n{screen}");
            // No name column cut to a stub: dropped rather than `Cit…`.
            for cell in row.split("  ") {
                let cell = cell.trim();
                let stub = cell.ends_with('…') && unicode_width::UnicodeWidthStr::width(cell) <= 4;
                assert!(!stub, "{lang:?}: `{cell}` in {row}\n{screen}");
            }
        }
    }
}
