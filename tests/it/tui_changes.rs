//! The changes list (`d`): only what moved since the baseline of the file's
//! git history, each row with how it moved; Enter opens the item in its
//! campaign; the removed items are named under it; it follows `b` / `B`
//! and says why it is empty.

use std::path::Path;

use campaigns::history::Since;
use campaigns::model::Lang;
use campaigns::tui::app::View;
use campaigns::tui::{Action, App, Command, Effect};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::git_fixture::Fixture;
use crate::tui_history::{NAME, app, current, last_report, repo, row, screen, with_dust_sites};

fn press(app: &mut App, code: KeyCode) -> Effect {
    app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// The app on `path` with its history read, the changes list open.
fn changes_list(path: &Path, lang: Lang) -> App {
    let mut app = app(path, lang, false, Since::LastReport, "overview");
    assert_eq!(press(&mut app, KeyCode::Char('d')), Effect::Redraw);
    app
}

/// The rows of the list: the lines between its heading and its bottom.
fn list_rows(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|l| !l.contains("Status") && !l.contains("状态"))
        .skip(1)
        .take_while(|l| !l.starts_with('╰'))
        .filter(|l| l.contains('%') || l.contains("/"))
        .collect()
}

#[test]
fn d_lists_only_what_moved_since_the_last_report() {
    let fixture = repo();
    let mut app = changes_list(&fixture.file(NAME), Lang::En);
    assert_eq!(app.view(), View::Attention);
    let text = screen(&app);
    // Every item that moved has a row, and nothing else does.
    let moved = app
        .baselined()
        .unwrap()
        .changes()
        .iter()
        .filter(|c| c.at.is_some())
        .count();
    assert!(moved >= 2, "{text}");
    assert!(text.contains("Changes since 2024-11-30 ("), "{text}");
    assert!(text.contains(&format!(": {moved} items")), "{text}");
    assert!(row(&text, "Labels for non-").contains("+8"), "{text}");
    assert!(
        row(&text, "Share of good-a").contains("−2 ↓ was met"),
        "{text}"
    );
    // Figures that did not move are not listed.
    assert!(!text.contains("Air-pollution contro"), "{text}");
    insta::assert_snapshot!("changes_80x24_en", text);
    press(&mut app, KeyCode::Char('L'));
    let zh = screen(&app);
    assert!(zh.contains("变化（较2024-11-30（"), "{zh}");
    assert!(row(&zh, "优良天数").contains("原为达标"), "{zh}");
    insta::assert_snapshot!("changes_80x24_zh", zh);
}

#[test]
fn enter_opens_the_moved_item_in_its_campaign_and_esc_comes_back() {
    let fixture = repo();
    let mut app = changes_list(&fixture.file(NAME), Lang::En);
    let first = app.baselined().unwrap().changes()[0].key.clone();
    assert_eq!(press(&mut app, KeyCode::Enter), Effect::Redraw);
    assert_eq!(app.view(), View::Campaign);
    let opened = format!(
        "{}/{}",
        app.campaign_id().unwrap(),
        app.selected_id().unwrap()
    );
    assert_eq!(opened, first);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Attention, "back to the changes list");
    assert!(screen(&app).contains("Changes since"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view(), View::Overview);
    // `d` opens it and closes it.
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.view(), View::Attention);
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.view(), View::Overview);
}

#[test]
fn the_list_follows_the_baseline() {
    let fixture = repo();
    let mut app = changes_list(&fixture.file(NAME), Lang::En);
    assert!(!list_rows(&screen(&app)).is_empty());
    // The newest revision holds the figures shown: nothing moved since it.
    app.update(Command::NewerBaseline.into());
    let text = screen(&app);
    assert!(text.contains("nothing moved since the baseline"), "{text}");
    assert!(text.contains("Changes since 2024-12-31"), "{text}");
    app.update(Command::OlderBaseline.into());
    assert!(row(&screen(&app), "Labels for non-").contains("+8"));
}

#[test]
fn removed_items_are_named_under_the_list() {
    let fixture = Fixture::new();
    let before = with_dust_sites(&last_report());
    fixture.commit(NAME, &before, "2024-12-01T10:00:00+08:00");
    fixture.commit(NAME, &current(), "2025-01-02T10:00:00+08:00");
    let app = changes_list(&fixture.file(NAME), Lang::En);
    let text = screen(&app);
    // Named as the file named it, not by id (issue 25): and never a row.
    assert!(
        text.contains("removed since the baseline: Dust sites"),
        "{text}"
    );
    assert!(
        list_rows(&text)
            .iter()
            .all(|row| !row.contains("Dust sites")),
        "{text}"
    );
}

#[test]
fn a_new_item_is_marked_new() {
    let fixture = Fixture::new();
    fixture.commit(NAME, &last_report(), "2024-12-01T10:00:00+08:00");
    let now = with_dust_sites(&current());
    std::fs::write(fixture.file(NAME), now).unwrap();
    let app = changes_list(&fixture.file(NAME), Lang::En);
    let text = screen(&app);
    assert!(row(&text, "Dust sites").ends_with("new│"), "{text}");
}

#[test]
fn outside_git_the_list_says_why_it_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(NAME);
    std::fs::write(&path, current()).unwrap();
    for (lang, words) in [
        (Lang::En, "no history (not in git)"),
        (Lang::Zh, "无历史（不在 git 中）"),
    ] {
        let app = changes_list(&path, lang);
        let text = screen(&app);
        assert!(list_rows(&text).is_empty(), "{text}");
        assert!(
            text.lines()
                .any(|l| l.starts_with("│") && l.contains(words)),
            "{text}"
        );
    }
}

/// `text` with the soil campaign answered for by the air campaign's lead.
fn soil_led_by_the_bureau(text: &str) -> String {
    text.replacen(
        "theme = \"soil\"\n",
        "theme = \"soil\"\nlead = { zh = \"市生态环境局\", en = \"City ecology bureau\" }\n",
        1,
    )
}

#[test]
fn s_groups_the_changes_by_lead_and_each_change_stays_beside_its_item() {
    let fixture = Fixture::new();
    let before = last_report()
        .replacen("done = 110", "done = 100", 1)
        .replacen("done = 66", "done = 60", 1);
    fixture.commit(
        NAME,
        &soil_led_by_the_bureau(&before),
        "2024-12-01T10:00:00+08:00",
    );
    let now = soil_led_by_the_bureau(&current());
    fixture.commit(NAME, &now, "2025-01-02T10:00:00+08:00");
    let mut app = changes_list(&fixture.file(NAME), Lang::En);
    let ids = |app: &App| -> Vec<String> {
        app.list_ids()
            .iter()
            .map(|(_, item)| (*item).to_owned())
            .collect()
    };
    // The plan's order: the water campaign's outfalls before the soil plots.
    let plan_order = ids(&app);
    assert_eq!(
        plan_order,
        [
            "machinery-labels",
            "good-days",
            "yangtze-outfalls",
            "lake-outfalls",
            "village-sewage",
            "plot-surveys"
        ]
    );
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(press(&mut app, KeyCode::Char('s')), Effect::Redraw);
    // The bureau's items (air and soil) together, the water campaign's
    // lead (written in zh only, so another) after them.
    assert_eq!(
        ids(&app),
        [
            "machinery-labels",
            "good-days",
            "plot-surveys",
            "yangtze-outfalls",
            "lake-outfalls",
            "village-sewage"
        ]
    );
    assert_eq!(
        app.attention_selected(),
        Some(3),
        "the selection stays on its item"
    );
    let text = screen(&app);
    assert!(text.contains("City ecology bureau"), "{text}");
    assert!(row(&text, "Soil-contam").contains("+6"), "{text}");
    assert!(row(&text, "Yangtze").contains("+10"), "{text}");
    // `s` again: the plan's order.
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(ids(&app), plan_order);
}
