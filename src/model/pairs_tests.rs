use super::*;
use crate::model::{Assumed, Campaign, Indicator, Level, Meta, Scale, SourceLine, Task, Text};
use crate::model::{DEFAULT_AT_RISK_MARGIN, Theme};

fn task(id: &str, follows: Option<&str>) -> Task {
    Task {
        id: id.into(),
        name: Text::from(id),
        done: 1.0,
        qualifiers: Default::default(),
        total: None,
        unit: None,
        start: None,
        due: None,
        weight: 1.0,
        lead: None,
        note: None,
        history: vec![],
        parts: vec![],
        follows: follows.map(|path| ItemPath::parse(path).expect("a path")),
        assumed: Assumed::NONE,
        line: SourceLine(1),
        closed: None,
        stage: None,
        notices: vec![],
    }
}

fn indicator(id: &str) -> Indicator {
    Indicator {
        id: id.into(),
        name: Text::from(id),
        unit: None,
        scale: Scale::Number,
        value: Level::Number(1.0),
        qualifiers: Default::default(),
        target: None,
        better: None,
        lead: None,
        note: None,
        history: vec![],
        parts: vec![],
        assumed: Assumed::NONE,
        line: SourceLine(1),
        notices: vec![],
    }
}

fn campaign(id: &str, indicators: Vec<Indicator>, tasks: Vec<Task>) -> Campaign {
    Campaign {
        id: id.into(),
        name: Text::from(id),
        theme: Theme::Other,
        start: None,
        end: None,
        lead: None,
        summary: None,
        assumed: Assumed::NONE,
        indicators,
        tasks,
        line: SourceLine(1),
    }
}

fn plan(campaigns: Vec<Campaign>) -> Plan {
    Plan {
        meta: Meta {
            title: Text::from("t"),
            organisation: None,
            as_of: None,
            source: None,
            at_risk_margin: DEFAULT_AT_RISK_MARGIN,
            due_soon_days: None,
            close_stages: vec![],
        },
        campaigns,
    }
}

/// Each pair, new and ended item as `campaign/item`, to compare at a glance.
fn named(this: &Plan, last: &Plan) -> (Vec<String>, Vec<String>, Vec<String>) {
    let found = pair(this, last);
    let path = |plan: &Plan, at: ItemAt| path_of(plan, at).expect("an item").to_string();
    let pairs = found
        .pairs
        .iter()
        .map(|p| format!("{} {:?} {}", path(this, p.this), p.by, path(last, p.last)))
        .collect();
    let new = found.new.iter().map(|&at| path(this, at)).collect();
    let ended = found.ended.iter().map(|&at| path(last, at)).collect();
    (pairs, new, ended)
}

#[test]
fn items_pair_by_campaign_and_id_and_the_rest_are_new_or_ended() {
    let last = plan(vec![
        campaign("air", vec![indicator("pm25")], vec![task("labels", None)]),
        campaign("gone", vec![], vec![task("old", None)]),
    ]);
    let this = plan(vec![campaign(
        "air",
        vec![indicator("pm25")],
        vec![task("labels", None), task("sites", None)],
    )]);
    let (pairs, new, ended) = named(&this, &last);
    assert_eq!(pairs, ["air/pm25 Id air/pm25", "air/labels Id air/labels"]);
    assert_eq!(new, ["air/sites"]);
    assert_eq!(ended, ["gone/old"]);
}

#[test]
fn a_task_that_follows_pairs_with_the_item_it_names_even_under_another_id() {
    let last = plan(vec![campaign(
        "soil",
        vec![],
        vec![task("bodies-2024", None), task("bodies-rest", None)],
    )]);
    let this = plan(vec![campaign(
        "soil",
        vec![],
        vec![task("bodies-rest", Some("soil/bodies-2024"))],
    )]);
    let (pairs, new, ended) = named(&this, &last);
    assert_eq!(pairs, ["soil/bodies-rest Follows soil/bodies-2024"]);
    assert!(new.is_empty(), "{new:?}");
    // Last year's planned item of the same id goes on under its path.
    assert!(ended.is_empty(), "{ended:?}");
}

#[test]
fn a_task_that_follows_its_own_path_pairs_by_id() {
    let last = plan(vec![campaign(
        "water",
        vec![],
        vec![task("outfalls", None)],
    )]);
    let this = plan(vec![campaign(
        "water",
        vec![],
        vec![task("outfalls", Some("water/outfalls"))],
    )]);
    let (pairs, new, ended) = named(&this, &last);
    assert_eq!(pairs, ["water/outfalls Id water/outfalls"]);
    assert!(new.is_empty() && ended.is_empty());
}

#[test]
fn follows_naming_nothing_last_year_falls_back_to_the_id_and_kinds_never_cross() {
    let last = plan(vec![campaign(
        "c",
        vec![indicator("x")],
        vec![task("t", None)],
    )]);
    let this = plan(vec![campaign(
        "c",
        vec![],
        vec![task("t", Some("c/missing")), task("x", None)],
    )]);
    let (pairs, new, ended) = named(&this, &last);
    assert_eq!(pairs, ["c/t Id c/t"]);
    assert_eq!(new, ["c/x"]);
    assert_eq!(ended, ["c/x"]);
}

#[test]
fn two_of_this_years_items_may_continue_one_of_last_years() {
    let last = plan(vec![campaign("c", vec![], vec![task("a", None)])]);
    let this = plan(vec![campaign(
        "c",
        vec![],
        vec![task("a", None), task("b", Some("c/a"))],
    )]);
    let found = pair(&this, &last);
    assert_eq!(found.pairs.len(), 2);
    assert!(found.ended.is_empty() && found.new.is_empty());
    let b = ItemAt {
        campaign: 0,
        item: Item::Task(1),
    };
    assert_eq!(found.last_of(b).map(|p| p.by), Some(PairedBy::Follows));
}
