//! Taking in a re-read: what it computes again, and that it gives what a
//! whole load gives.

use chrono::NaiveDate;

use super::super::*;
use crate::load::Options;
use crate::model::Lang;

/// `outfalls` is overdue (the list's days-late column), `sewage` at risk,
/// `labels` behind: each campaign holds rows of the attention list.
const PLAN: &str = r#"
[meta]
title = "Old title"
as_of = 2024-12-31

[[campaign]]
id = "air"
name = "Air"
start = 2024-01-01
end = 2024-12-31
lead = "A bureau with a long name"

[[campaign.task]]
id = "labels"
name = "Labels"
done = 50
total = 100

[[campaign]]
id = "water"
name = "Water"
start = 2024-01-01
end = 2025-12-31

[[campaign.task]]
id = "outfalls"
name = "Outfalls of the Yangtze"
done = 10
total = 20
due = 2024-06-30

[[campaign.task]]
id = "sewage"
name = "Sewage"
done = 45
total = 100
"#;

fn options() -> Options {
    Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"),
    }
}

fn app(text: &str) -> App {
    let settings = Settings {
        color: true,
        ..Settings::plain(Lang::En, options())
    };
    let opened = Opened::parse("plan.toml".as_ref(), text.to_owned(), options());
    App::new("plan.toml".into(), Ok(opened), settings)
}

/// Re-reads `new` in `app` (which must take it alone); whether it was one
/// campaign's change.
fn reread(app: &mut App, new: &str) -> bool {
    let shown = app.document().expect("a document");
    let reread = shown.reread(new).expect("re-read alone");
    let one_campaign = reread.campaign().is_some();
    let action = Action::Reread {
        reread: Box::new(reread),
        text: new.to_owned(),
    };
    assert_eq!(app.update(action), Effect::Redraw);
    one_campaign
}

fn data(app: &App) -> &Data {
    app.data.as_ref().expect("data")
}

/// The attention list and statuses of `app` are those a whole load of its
/// text computes.
fn assert_as_whole(app: &App) {
    let whole = self::app(app.last_read().expect("a text"));
    let (got, want) = (data(app), data(&whole));
    assert_eq!(got.status, want.status);
    assert_eq!(got.any_assumed, want.any_assumed);
    let (list, fresh) = (&got.plan_attention, &want.plan_attention);
    assert_eq!(list.items, fresh.items);
    for lang in [Lang::Zh, Lang::En] {
        assert_eq!(list.widths(lang), fresh.widths(lang), "{lang:?}");
    }
    assert_eq!(
        (list.any_assumed, list.any_gap),
        (fresh.any_assumed, fresh.any_gap)
    );
}

#[test]
fn a_saved_figure_measures_its_campaign_again_and_the_list_is_as_a_whole_loads() {
    let mut app = app(PLAN);
    let before = data(&app).plan_attention.widths(Lang::En);
    // The overdue task is done: the days-late column has no row left.
    let done = PLAN.replace("done = 10\n", "done = 20\n");
    assert!(reread(&mut app, &done), "one campaign re-read");
    assert_as_whole(&app);
    assert_ne!(data(&app).plan_attention.widths(Lang::En), before);
    // And back: the column comes back with it.
    assert!(reread(&mut app, PLAN));
    assert_as_whole(&app);
    assert_eq!(data(&app).plan_attention.widths(Lang::En), before);
    // A change in the other campaign keeps the first one's widths.
    let lead = PLAN.replace("long name", "longer name still");
    assert!(reread(&mut app, &lead));
    assert_as_whole(&app);
}

#[test]
fn a_new_title_keeps_the_statuses_and_a_new_margin_computes_them_again() {
    let mut app = app(PLAN);
    let retitled = PLAN.replace("Old title", "New title");
    assert!(!reread(&mut app, &retitled), "[meta] re-read");
    assert_eq!(
        app.plan().expect("a plan").meta.title.get(Lang::En),
        "New title"
    );
    assert_as_whole(&app);
    let sewage = |app: &App| data(app).status.campaigns[1].tasks[1].status;
    assert_eq!(sewage(&app), crate::model::Status::AtRisk);
    // 45 % of about 50 % expected is behind under a margin of 1 %.
    let margin = retitled.replace(
        "as_of = 2024-12-31\n",
        "as_of = 2024-12-31\nat_risk_margin = 0.01\n",
    );
    assert!(!reread(&mut app, &margin), "[meta] re-read");
    assert_eq!(sewage(&app), crate::model::Status::Behind);
    assert_as_whole(&app);
}

#[test]
fn a_value_marked_assumed_by_a_save_shows_the_legend_without_a_scan_per_frame() {
    let mut app = app(PLAN);
    assert!(!data(&app).any_assumed);
    let assumed = PLAN.replace("done = 45\n", "done = 45\nassumed = [\"done\"]\n");
    assert!(reread(&mut app, &assumed), "one campaign re-read");
    assert!(data(&app).any_assumed);
    assert_as_whole(&app);
    assert!(reread(&mut app, PLAN));
    assert!(!data(&app).any_assumed);
}

#[test]
fn a_new_campaign_name_keeps_its_statuses_and_widens_the_name_column() {
    let mut app = app(PLAN);
    let statuses = |app: &App| data(app).status.campaigns[1].tasks.as_ptr();
    let (kept, before) = (statuses(&app), data(&app).plan_attention.widths(Lang::En));
    let renamed = PLAN.replace("name = \"Water\"", "name = \"Water, the long campaign\"");
    assert!(reread(&mut app, &renamed), "the campaign's head re-read");
    assert_eq!(statuses(&app), kept, "the statuses were not computed again");
    assert_as_whole(&app);
    let after = data(&app).plan_attention.widths(Lang::En);
    assert!(after.campaign > before.campaign, "{after:?}");
    // A name with no row in the list: the column follows the others.
    let air_done = renamed.replace("done = 50\n", "done = 100\n");
    assert!(reread(&mut app, &air_done));
    let narrow = data(&app).plan_attention.widths(Lang::En);
    let quiet = air_done.replace("name = \"Air\"", "name = \"Air, with no row in the list\"");
    assert!(reread(&mut app, &quiet));
    assert_eq!(statuses(&app), kept, "the statuses were not computed again");
    assert_as_whole(&app);
    assert_eq!(data(&app).plan_attention.widths(Lang::En), narrow);
}
