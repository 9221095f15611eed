//! The meeting's lists: what falls due soon (临期) and the attention list
//! by 责任单位 (lead), in the model, on the screen's state, and drawn by
//! the real binary from the shipped file.

use std::path::PathBuf;

use campaigns::load::{self, Opened};
use campaigns::model::by_lead::by_lead;
use campaigns::model::due_soon::due_soon;
use campaigns::model::{Item, Lang, PlanStatus, Status, Text, attention};
use campaigns::tui::app::View;
use campaigns::tui::{Action, App, Command, Settings};
use chrono::NaiveDate;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 1).unwrap()
}

fn options() -> load::Options {
    load::Options {
        as_of: None,
        today: day(),
    }
}

/// At 2024-07-01, 182 of 365 days of the year are gone: 序时进度 49.86%.
const PLAN: &str = r#"
[meta]
title = "Meeting"
as_of = 2024-07-01
{META}

[[campaign]]
id = "water"
name = "Water"
start = 2024-01-01
end = 2024-12-31
lead = "Water Bureau"

[[campaign.task]]
id = "outfalls"
name = "Outfalls"
done = 10
total = 100
unit = { zh = "个", en = "outfalls" }

[[campaign.task]]
id = "sewers"
name = "Sewers"
done = 1
total = 10
unit = { zh = "个", en = "outfalls" }
due = 2024-07-10

[[campaign.task]]
id = "plants"
name = "Plants"
done = 0
total = 4
due = 2024-08-15
lead = "Housing Bureau"

[[campaign.task]]
id = "done-soon"
name = "Done soon"
done = 3
total = 3
due = 2024-07-05

[[campaign.task]]
id = "late"
name = "Late"
done = 2
total = 5
due = 2024-06-01

[[campaign.task]]
id = "counted"
name = "Counted"
done = 7
due = 2024-07-02

[[campaign.task]]
id = "today"
name = "Due today"
done = 1
total = 2
due = 2024-07-01

[[campaign]]
id = "soil"
name = "Soil"
start = 2024-01-01
end = 2024-12-31

[[campaign.task]]
id = "sites"
name = "Sites"
done = 0
total = 8
"#;

fn source(meta: &str) -> String {
    PLAN.replace("{META}", meta)
}

fn parsed(meta: &str) -> (campaigns::model::Plan, PlanStatus) {
    let loaded = load::parse(&source(meta), options());
    let plan = loaded
        .plan
        .unwrap_or_else(|| panic!("{:#?}", loaded.diagnostics));
    let status = PlanStatus::compute(&plan, day());
    (plan, status)
}

fn ids(plan: &campaigns::model::Plan, items: &[attention::Attention]) -> Vec<String> {
    items
        .iter()
        .map(|a| {
            let campaign = &plan.campaigns[a.campaign];
            match a.item {
                Item::Task(i) => campaign.tasks[i].id.clone(),
                Item::Indicator(i) => campaign.indicators[i].id.clone(),
            }
        })
        .collect()
}

#[test]
fn due_soon_is_what_is_not_done_and_falls_due_within_the_days_nearest_first() {
    let (plan, status) = parsed("");
    assert_eq!(plan.meta.due_soon_days, None);
    assert_eq!(plan.meta.due_soon_window(None), 30);
    // Not the done task, the late one (the attention list has it), the
    // plain count, or what is due after 30 days.
    let soon = due_soon(&status, plan.meta.due_soon_window(None));
    assert_eq!(ids(&plan, &soon), ["today", "sewers"]);
    let (plan, status) = parsed("due_soon_days = 60");
    let soon = due_soon(&status, plan.meta.due_soon_window(None));
    assert_eq!(ids(&plan, &soon), ["today", "sewers", "plants"]);
    let (plan, status) = parsed("due_soon_days = 0");
    assert_eq!(
        ids(&plan, &due_soon(&status, plan.meta.due_soon_window(None))),
        ["today"]
    );
}

#[test]
fn due_soon_days_is_a_whole_number_of_days() {
    for (value, column) in [("-1", 17), ("2.5", 17), ("\"30\"", 17), ("99999", 17)] {
        let text = source(&format!("due_soon_days = {value}"));
        let loaded = load::parse(&text, options());
        assert!(loaded.plan.is_none(), "{value}");
        let line = text
            .lines()
            .position(|l| l.starts_with("due_soon_days"))
            .unwrap()
            + 1;
        let rendered: Vec<String> = loaded
            .diagnostics
            .iter()
            .map(|d| d.render(&text, "plan.toml", false, Lang::En))
            .collect();
        let at = format!("plan.toml:{line}:{column}");
        assert!(
            rendered.iter().any(|r| r.contains(&at)),
            "{value}: {rendered:#?}"
        );
    }
}

#[test]
fn the_attention_list_by_lead_counts_and_sums_the_shortfall_in_units() {
    let (plan, status) = parsed("");
    let items = attention::attention(&status);
    let (grouped, groups) = by_lead(&plan, &status, &items);
    let leads: Vec<Option<&str>> = groups
        .iter()
        .map(|g| g.lead.as_ref().map(|t| t.get(Lang::En)))
        .collect();
    // The worst item (overdue) leads the first group; no lead comes last.
    assert_eq!(leads, [Some("Water Bureau"), Some("Housing Bureau"), None]);
    // Worst first: overdue, then the widest gap to 序时进度.
    assert_eq!(
        ids(&plan, &items),
        ["late", "sewers", "plants", "today", "sites", "outfalls"]
    );
    assert_eq!(
        ids(&plan, &grouped),
        ["late", "sewers", "today", "outfalls", "plants", "sites"]
    );
    let water = &groups[0];
    assert_eq!((water.first, water.len), (0, 4));
    assert_eq!(water.counts, [(Status::Overdue, 1), (Status::Behind, 3)]);
    // The late task's 3 and today's 1 have no unit; outfalls 49.86 - 10
    // and sewers 10 × 序时进度 to 07-10 - 1 are in one.
    let units: Vec<Option<Text>> = water.short.iter().map(|s| s.unit.clone()).collect();
    assert_eq!(units.len(), 2, "{units:?}");
    let outfalls = campaigns::figures::shortfall(&water.short[1], Lang::Zh).to_string();
    let none = campaigns::figures::shortfall(&water.short[0], Lang::En).to_string();
    assert_eq!(none, "4 short");
    let expected_sewers = 10.0 * (182.0 / 191.0) - 1.0;
    let sum = 100.0 * 182.0 / 365.0 - 10.0 + expected_sewers;
    assert!((water.short[1].amount.value() - sum).abs() < 1e-9);
    assert_eq!(outfalls, format!("差{}个", sum.ceil()));
    assert_eq!(
        campaigns::figures::shortfall(&water.short[1], Lang::En).to_string(),
        format!("{} outfalls short", sum.ceil())
    );
    assert_eq!(groups[2].counts, [(Status::Behind, 1)]);
    assert_eq!(
        campaigns::figures::shortfall(&groups[2].short[0], Lang::Zh).to_string(),
        "差4"
    );
}

fn app() -> App {
    let settings = Settings::plain(Lang::En, options());
    let opened = Opened::parse("plan.toml".as_ref(), source(""), options());
    let mut app = App::new(PathBuf::from("plan.toml"), Ok(opened), settings);
    app.update(Action::Resize(120, 40));
    app
}

fn ch(app: &mut App, c: char) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )));
}

fn shown(app: &App) -> Vec<String> {
    app.list_ids()
        .iter()
        .map(|(_, item)| (*item).to_owned())
        .collect()
}

#[test]
fn o_groups_the_attention_list_by_lead_and_s_toggles_it() {
    let mut app = app();
    ch(&mut app, 'a');
    assert_eq!(
        shown(&app),
        ["late", "sewers", "plants", "today", "sites", "outfalls"]
    );
    ch(&mut app, 'j');
    ch(&mut app, 'o');
    assert_eq!(app.view(), View::Attention);
    assert_eq!(
        shown(&app),
        ["late", "sewers", "today", "outfalls", "plants", "sites"]
    );
    // The selection stays on its item.
    assert_eq!(app.attention_selected(), Some(1));
    ch(&mut app, 's');
    assert_eq!(shown(&app)[2], "plants");
    ch(&mut app, 's');
    assert_eq!(shown(&app)[2], "today");
    // From the overview, `o` opens the list grouped.
    ch(&mut app, 'o');
    ch(&mut app, 'q');
    assert_eq!(app.view(), View::Overview);
    ch(&mut app, 'o');
    assert_eq!(shown(&app)[5], "sites");
}

#[test]
fn t_opens_what_falls_due_soon_and_enter_opens_the_item() {
    let mut app = app();
    ch(&mut app, 't');
    assert_eq!(app.view(), View::Attention);
    assert_eq!(shown(&app), ["today", "sewers"]);
    ch(&mut app, 'j');
    app.update(Command::Enter.into());
    assert_eq!(app.view(), View::Campaign);
    assert_eq!(app.selected_id(), Some("sewers"));
    // Esc comes back to the list, `t` in it goes back.
    app.update(Command::Back.into());
    assert_eq!(app.view(), View::Attention);
    assert_eq!(shown(&app), ["today", "sewers"]);
    ch(&mut app, 't');
    assert_ne!(app.view(), View::Attention);
}

fn render(args: &[&str]) -> String {
    let assert = crate::binary::assert_command()
        .env_remove("NO_COLOR")
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .args(["render", "campaigns.toml", "--as-of", "2024-12-31"])
        .args(args)
        .assert()
        .success();
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

#[test]
fn shipped_by_lead_and_due_soon_frames() {
    for view in ["by-lead", "due-soon"] {
        for lang in ["zh", "en"] {
            for size in ["120x40", "80x24"] {
                let frame = render(&["--view", view, "--size", size, "--lang", lang]);
                insta::assert_snapshot!(format!("shipped_{view}_{size}_{lang}"), frame);
            }
        }
    }
}
