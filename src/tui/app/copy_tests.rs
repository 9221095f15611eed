//! `c` copies the selected line: what it says in each view, the footer's
//! word, and that a prompt takes `c` as text.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::*;
use crate::load::Options;
use crate::model::Lang;
use crate::tui::clipboard::osc52;

const PLAN: &str = r#"
[meta]
title = "t"
as_of = 2024-12-31

[[campaign]]
id = "water"
name = { zh = "碧水保卫战", en = "Clear Water" }
start = 2024-01-01
end = 2024-12-31

[[campaign.task]]
id = "outfalls"
name = { zh = "长江入河排污口整治", en = "Yangtze outfalls" }
done = 110
total = 113
unit = { zh = "个", en = "outfalls" }
due = 2024-11-30
assumed = ["due"]
"#;

fn app(lang: Lang) -> App {
    let options = Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"),
    };
    let settings = Settings {
        color: true,
        ..Settings::plain(lang, options)
    };
    let opened = Opened::parse("plan.toml".as_ref(), PLAN.to_owned(), options);
    let mut app = App::new("plan.toml".into(), Ok(opened), settings);
    app.update(Action::Resize(120, 40));
    app
}

fn ch(app: &mut App, c: char) -> Effect {
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

#[test]
fn c_copies_the_selected_items_line_through_osc_52() {
    let mut app = app(Lang::Zh);
    ch(&mut app, '1');
    let line = "碧水保卫战 / 长江入河排污口整治：110/113 个（97%） · ✖ 逾期*";
    assert_eq!(ch(&mut app, 'c'), Effect::Clipboard(osc52(line)));
    assert_eq!(app.message(), Some(format!("已复制：{line}").as_str()));
    // The next key clears the footer's word.
    assert_eq!(ch(&mut app, 'j'), Effect::Redraw);
    assert_eq!(app.message(), None);
}

#[test]
fn the_overview_copies_the_campaigns_line_and_the_list_its_items() {
    let mut app = app(Lang::En);
    let expected = osc52("Clear Water: 97% · ✖ overdue*");
    assert_eq!(ch(&mut app, 'c'), Effect::Clipboard(expected));
    assert_eq!(app.message(), Some("copied: Clear Water: 97% · ✖ overdue*"));
    ch(&mut app, 'a');
    let line = "Clear Water / Yangtze outfalls: 110/113 outfalls (97%) · ✖ overdue*";
    assert_eq!(ch(&mut app, 'c'), Effect::Clipboard(osc52(line)));
}

#[test]
fn in_the_filter_c_is_typed_not_copied() {
    let mut app = app(Lang::En);
    ch(&mut app, '1');
    ch(&mut app, '/');
    assert_eq!(ch(&mut app, 'c'), Effect::Redraw);
    assert_eq!(app.filter(), "c");
}
