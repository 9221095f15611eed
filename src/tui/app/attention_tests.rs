//! The attention list's state: opened from anywhere, moved through, Enter
//! to the item in its campaign, Esc back, and the place kept over reloads.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::*;
use crate::load::Options;
use crate::model::Lang;

/// Worst first: `outfalls` overdue (31 days), `good-days` not met on an
/// assumed target, `labels` behind (50% of 100% expected), `sewage` at risk
/// (45% of 50%); `fine` and `clean` need nothing.
const PLAN: &str = r#"
[meta]
title = "t"
as_of = 2024-12-31

[[campaign]]
id = "air"
name = { zh = "蓝天", en = "Air" }
start = 2024-01-01
end = 2024-12-31
lead = "Bureau"

[[campaign.indicator]]
id = "good-days"
name = "Good days"
unit = "%"
value = 94.0
target = 95.0
better = "higher"
assumed = ["target"]

[[campaign.task]]
id = "labels"
name = "Labels"
done = 50
total = 100
lead = "Traffic police"

[[campaign]]
id = "water"
name = "Water"
start = 2024-01-01
end = 2025-12-31

[[campaign.task]]
id = "fine"
name = "Fine"
done = 90
total = 100

[[campaign.task]]
id = "outfalls"
name = "Outfalls"
done = 10
total = 20
due = 2024-11-30

[[campaign.task]]
id = "sewage"
name = "Sewage"
done = 45
total = 100

[[campaign]]
id = "soil"
name = "Soil"

[[campaign.task]]
id = "clean"
name = "Clean"
done = 3
total = 3
"#;

fn options() -> Options {
    Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"),
    }
}

fn opened(text: &str) -> Opened {
    Opened::parse("plan.toml".as_ref(), text.to_owned(), options())
}

fn app_of(text: &str, size: (u16, u16)) -> App {
    let settings = Settings {
        color: true,
        ..Settings::plain(Lang::En, options())
    };
    let mut app = App::new("plan.toml".into(), Ok(opened(text)), settings);
    app.update(Action::Resize(size.0, size.1));
    app
}

fn app() -> App {
    app_of(PLAN, (120, 40))
}

fn press(app: &mut App, code: KeyCode) -> Effect {
    app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn ch(app: &mut App, c: char) -> Effect {
    press(app, KeyCode::Char(c))
}

fn reload(app: &mut App, text: &str) {
    app.update(Action::Loaded(Box::new(Ok(opened(text)))));
}

fn selected(app: &App) -> Option<(&str, &str)> {
    let ids = app.attention_ids();
    app.attention_selected().and_then(|i| ids.get(i).copied())
}

#[test]
fn the_list_holds_every_campaigns_items_worst_first() {
    let app = app();
    assert_eq!(
        app.attention_ids(),
        [
            ("water", "outfalls"),
            ("air", "good-days"),
            ("air", "labels"),
            ("water", "sewage"),
        ]
    );
    let list = &app.data.as_ref().expect("data").plan_attention;
    assert!(list.any_assumed, "good-days rests on an assumed target");
    assert!(list.any_gap);
    let lead = |i: usize| {
        let a = list.items[i];
        let campaign = &app.plan().expect("a plan").campaigns[a.campaign];
        super::lead(campaign, a.item).map(|t| t.get(Lang::En).to_owned())
    };
    assert_eq!(lead(2).as_deref(), Some("Traffic police"), "its own lead");
    assert_eq!(lead(1).as_deref(), Some("Bureau"), "else the campaign's");
    assert_eq!(lead(0), None);
}

#[test]
fn a_opens_it_from_the_overview_and_esc_goes_back() {
    let mut app = app();
    assert_eq!(ch(&mut app, 'a'), Effect::Redraw);
    assert_eq!(app.view(), View::Attention);
    assert_eq!(app.context(), Context::Attention);
    assert_eq!(selected(&app), Some(("water", "outfalls")));
    assert_eq!(press(&mut app, KeyCode::Esc), Effect::Redraw);
    assert_eq!(app.view(), View::Overview);
    // `a` again opens it where it was; `a` in it, and `q`, go back too.
    ch(&mut app, 'j');
    ch(&mut app, 'a');
    assert_eq!(app.view(), View::Attention);
    ch(&mut app, 'a');
    assert_eq!(app.view(), View::Overview);
    ch(&mut app, 'a');
    assert_eq!(ch(&mut app, 'q'), Effect::Redraw, "q backs out, not quits");
    assert_eq!(app.view(), View::Overview);
}

#[test]
fn opened_from_a_campaign_it_goes_back_to_that_campaign_as_it_was() {
    let mut app = app();
    ch(&mut app, '2');
    ch(&mut app, 'j');
    let before = app.selected_id().map(str::to_owned);
    ch(&mut app, 'a');
    assert_eq!(app.view(), View::Attention);
    assert_eq!(app.campaign_id(), None);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.view(), View::Campaign);
    assert_eq!(app.campaign_id(), Some("water"));
    assert_eq!(app.selected_id().map(str::to_owned), before);
}

#[test]
fn j_k_g_capital_g_and_pages_move_the_selection_within_the_list() {
    let mut app = app();
    ch(&mut app, 'a');
    assert_eq!(ch(&mut app, 'k'), Effect::None, "already at the top");
    assert_eq!(ch(&mut app, 'j'), Effect::Redraw);
    assert_eq!(selected(&app), Some(("air", "good-days")));
    press(&mut app, KeyCode::Down);
    assert_eq!(selected(&app), Some(("air", "labels")));
    ch(&mut app, 'G');
    assert_eq!(selected(&app), Some(("water", "sewage")));
    assert_eq!(ch(&mut app, 'j'), Effect::None, "already at the bottom");
    press(&mut app, KeyCode::Up);
    assert_eq!(selected(&app), Some(("air", "labels")));
    ch(&mut app, 'g');
    assert_eq!(app.attention_selected(), Some(0));
    press(&mut app, KeyCode::PageDown);
    assert_eq!(
        app.attention_selected(),
        Some(3),
        "a page is more than the list"
    );
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.attention_selected(), Some(0));
}

#[test]
fn a_page_is_what_the_view_shows() {
    let mut text = String::from(
        "[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n[[campaign]]\nid = \"c\"\nname = \"C\"\n\
         start = 2024-01-01\nend = 2024-12-31\n",
    );
    for i in 0..30 {
        text.push_str(&format!(
            "[[campaign.task]]\nid = \"t{i}\"\nname = \"T{i}\"\ndone = {i}\ntotal = 100\n"
        ));
    }
    let mut app = app_of(&text, (80, 24));
    ch(&mut app, 'a');
    assert_eq!(app.attention_ids().len(), 30);
    // 24 lines: the header and footer lines, the border, the column
    // headings and the legend leave 18 rows.
    let page = app.attention_page();
    assert_eq!(page, 18);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.attention_selected(), Some(18));
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.attention_selected(), Some(29));
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.attention_selected(), Some(11));
    assert_eq!(app.attention.as_ref().map(|v| v.offset), Some(11));
}

#[test]
fn enter_opens_the_item_in_its_campaign_and_esc_comes_back_to_the_list() {
    let mut app = app();
    ch(&mut app, 'a');
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    assert_eq!(press(&mut app, KeyCode::Enter), Effect::Redraw);
    assert_eq!(app.view(), View::Campaign);
    assert_eq!(app.campaign_id(), Some("air"));
    assert_eq!(app.selected_id(), Some("labels"));
    assert_eq!(app.focus(), Pane::List);
    // Esc: back to the list at the same item, then to where it was opened.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Attention);
    assert_eq!(selected(&app), Some(("air", "labels")));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Overview);
}

#[test]
fn a_campaign_opened_another_way_backs_out_to_the_overview() {
    let mut app = app();
    ch(&mut app, 'a');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.campaign_id(), Some("water"));
    ch(&mut app, '1');
    assert_eq!(app.campaign_id(), Some("air"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Overview);
}

#[test]
fn enter_clears_a_filter_that_would_hide_the_item() {
    let mut app = app();
    ch(&mut app, '2');
    ch(&mut app, '/');
    for c in "fine".chars() {
        ch(&mut app, c);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.row_ids(), ["fine"]);
    ch(&mut app, 'a');
    ch(&mut app, 'G');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter(), "");
    assert_eq!(app.campaign_id(), Some("water"));
    assert_eq!(app.selected_id(), Some("sewage"));
}

#[test]
fn a_reload_keeps_the_selection_on_the_same_item() {
    let mut app = app();
    ch(&mut app, 'a');
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    assert_eq!(selected(&app), Some(("air", "labels")));
    // A task that is later still comes before `labels`, in the file and in
    // the list: both indices move.
    let late = "[[campaign.task]]\nid = \"late\"\nname = \"Late\"\ndone = 1\ntotal = 10\n\
                due = 2024-06-30\n\n[[campaign.task]]\nid = \"labels\"";
    let text = PLAN.replacen("[[campaign.task]]\nid = \"labels\"", late, 1);
    reload(&mut app, &text);
    assert_eq!(app.attention_ids()[0], ("air", "late"));
    assert_eq!(app.view(), View::Attention);
    assert_eq!(selected(&app), Some(("air", "labels")));
    assert_eq!(app.attention_selected(), Some(3));
    // Labels done: the row is gone and the selection stays in the list.
    reload(&mut app, &text.replace("done = 50", "done = 100"));
    assert_eq!(app.attention_ids().len(), 4);
    assert_eq!(selected(&app), Some(("water", "sewage")));
}

#[test]
fn a_reload_that_drops_the_campaign_it_came_from_leads_back_to_the_overview() {
    let mut app = app();
    ch(&mut app, '3');
    ch(&mut app, 'a');
    let (head, _) = PLAN
        .split_once("[[campaign]]\nid = \"soil\"")
        .expect("soil");
    reload(&mut app, head);
    assert_eq!(app.view(), View::Attention, "the list stays open");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Overview);
}

#[test]
fn switching_language_keeps_the_list_and_its_place() {
    let mut app = app();
    ch(&mut app, 'a');
    ch(&mut app, 'j');
    let ids: Vec<(String, String)> = app
        .attention_ids()
        .iter()
        .map(|(c, i)| (c.to_string(), i.to_string()))
        .collect();
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char('L'),
        KeyModifiers::SHIFT,
    )));
    assert_eq!(app.settings().lang, Lang::Zh);
    assert_eq!(app.view(), View::Attention);
    let now: Vec<(String, String)> = app
        .attention_ids()
        .iter()
        .map(|(c, i)| (c.to_string(), i.to_string()))
        .collect();
    assert_eq!(now, ids);
    assert_eq!(selected(&app), Some(("air", "good-days")));
}

#[test]
fn with_nothing_to_attend_to_the_list_is_empty_and_enter_does_nothing() {
    let (_, soil) = PLAN
        .split_once("[[campaign]]\nid = \"soil\"")
        .expect("soil");
    let text =
        format!("[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n[[campaign]]\nid = \"soil\"{soil}");
    let mut app = app_of(&text, (80, 24));
    ch(&mut app, 'a');
    assert_eq!(app.view(), View::Attention);
    assert!(app.attention_ids().is_empty());
    assert_eq!(press(&mut app, KeyCode::Enter), Effect::None);
    assert_eq!(ch(&mut app, 'j'), Effect::None);
    assert_eq!(app.view(), View::Attention);
}

#[test]
fn e_opens_the_editor_at_the_selected_item() {
    let mut app = app();
    ch(&mut app, 'a');
    let line = PLAN
        .lines()
        .position(|l| l == "id = \"outfalls\"")
        .expect("outfalls");
    // The item's table header is the line above its id.
    assert_eq!(ch(&mut app, 'e'), Effect::OpenEditor { line, column: 0 });
}

#[test]
fn the_key_is_free_in_prompts_and_listed_in_the_help() {
    let key = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
    for context in [Context::Overview, Context::Campaign, Context::Attention] {
        assert_eq!(
            crate::tui::keymap::Keymap::default().lookup(&key, context),
            Some(Command::ToggleAttention)
        );
    }
    assert_eq!(
        crate::tui::keymap::Keymap::default().lookup(&key, Context::Filter),
        None
    );
    let listed = crate::tui::keymap::bindings_in(Context::Global)
        .any(|b| b.command == Command::ToggleAttention && b.keys_shown(false) == "a");
    assert!(listed);
}

#[test]
fn s_groups_the_search_results_by_lead_and_back() {
    // The soil campaign answers to a lead; the water campaign to none.
    let text = PLAN.replacen(
        "id = \"soil\"\nname = \"Soil\"\n",
        "id = \"soil\"\nname = \"Soil\"\nlead = \"Water office\"\n",
        1,
    );
    let mut app = app_of(&text, (120, 40));
    ch(&mut app, '/');
    ch(&mut app, 'a');
    let found = |app: &App| -> Vec<String> {
        app.list_ids()
            .iter()
            .map(|(_, item)| (*item).to_owned())
            .collect()
    };
    let as_found = found(&app);
    assert_eq!(
        as_found,
        ["labels", "good-days", "fine", "outfalls", "sewage", "clean"]
    );
    // The results' list: Enter opens the first, Esc comes back to them.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Attention);
    ch(&mut app, 'G');
    assert_eq!(ch(&mut app, 's'), Effect::Redraw);
    // The leads in the order of their first result, the unled last.
    assert_eq!(
        found(&app),
        ["labels", "good-days", "clean", "fine", "outfalls", "sewage"]
    );
    assert_eq!(
        app.attention_selected(),
        Some(2),
        "the selection stays on its item"
    );
    ch(&mut app, 's');
    assert_eq!(found(&app), as_found);
}
