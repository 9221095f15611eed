//! `campaigns check` end to end: the shipped file, the valid and invalid
//! fixtures, and files that cannot be read at all.

use std::collections::BTreeMap;

use campaigns::load::{self, Options};
use campaigns::model::{PlanStatus, Status};
use chrono::NaiveDate;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The shipped file's statuses at its own reporting date, item by item: a
/// realistic mix, from the report's figures and the few illustrative dates.
#[test]
fn shipped_file_statuses_at_its_reporting_date() {
    let source = std::fs::read_to_string("campaigns.toml").unwrap();
    let loaded = load::parse(
        &source,
        Options {
            as_of: None,
            today: date("2000-01-01"),
        },
    );
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let plan = loaded.plan.unwrap();
    assert_eq!(plan.meta.as_of, Some(date("2024-12-31")));
    let status = PlanStatus::compute(&plan, date("2024-12-31"));
    let mut found = BTreeMap::new();
    for (campaign, computed) in plan.campaigns.iter().zip(&status.campaigns) {
        for (task, schedule) in campaign.tasks.iter().zip(&computed.tasks) {
            if schedule.status != Status::Count {
                found.insert(format!("{}/{}", campaign.id, task.id), schedule.status);
            }
        }
        for (indicator, status) in campaign.indicators.iter().zip(&computed.indicators) {
            found.insert(format!("{}/{}", campaign.id, indicator.id), *status);
        }
    }
    let mut expected: BTreeMap<String, Status> = [
        ("blue-sky/good-air-days", Status::NotMet),
        ("blue-sky/pm25", Status::Met),
        ("blue-sky/freight-shift", Status::Done),
        ("clear-water/drinking-water-class", Status::NoTarget),
        ("clear-water/drinking-water-compliance", Status::Met),
        ("clear-water/yangtze-outfalls", Status::OnTrack),
        ("clear-water/main-canal-outfalls", Status::Behind),
        ("clear-water/drinking-water-problems", Status::Done),
        ("clean-soil/village-sewage-rate", Status::Met),
        ("clean-soil/black-odorous-remaining", Status::NotStarted),
        ("inspection/inspection-tasks", Status::OnTrack),
        ("inspection/third-round-plans", Status::Done),
        ("model-city/hazardous-waste-firms", Status::Done),
        ("approvals/carbon-trading", Status::Done),
    ]
    .into_iter()
    .map(|(id, status)| (id.to_owned(), status))
    .collect();
    for river in [
        "han-river",
        "dongjing-river",
        "tianguan-river",
        "xijing-river",
        "baili-canal",
        "xinglong-river",
    ] {
        expected.insert(format!("clear-water/{river}"), Status::Met);
    }
    assert_eq!(found, expected);
}
