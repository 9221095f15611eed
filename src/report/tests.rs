use chrono::NaiveDate;

use super::*;
use crate::load::{Options, parse};
use crate::model::{Lang, Plan};

const PLAN: &str = r#"
[meta]
title = "Plan"

[[campaign]]
id = "blue-sky"
name = "Blue Sky"
[[campaign.task]]
id = "a"
name = "A"
done = 1

[[campaign]]
id = "clear-water"
name = "Clear Water"
[[campaign.task]]
id = "b"
name = "B"
done = 2
"#;

fn plan() -> Plan {
    let date = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let options = Options {
        as_of: Some(date),
        today: date,
    };
    parse(PLAN, options).plan.expect("the test plan is valid")
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()
}

#[test]
fn selects_campaigns_in_file_order() {
    let plan = plan();
    let report = Report::new(&plan, as_of(), Lang::En)
        .only(&["clear-water".into(), "blue-sky".into()])
        .unwrap();
    let ids: Vec<&str> = report.campaigns().map(|(c, _)| c.id.as_str()).collect();
    assert_eq!(ids, ["blue-sky", "clear-water"]);
    let report = Report::new(&plan, as_of(), Lang::En)
        .only(&["clear-water".into()])
        .unwrap();
    let ids: Vec<&str> = report.campaigns().map(|(c, _)| c.id.as_str()).collect();
    assert_eq!(ids, ["clear-water"]);
}

#[test]
fn unknown_campaign_suggests_the_closest_id() {
    let plan = plan();
    let err = Report::new(&plan, as_of(), Lang::En)
        .only(&["blue-skye".into()])
        .unwrap_err();
    assert_eq!(err.suggestion.as_deref(), Some("blue-sky"));
    assert_eq!(
        err.to_string(),
        "no campaign `blue-skye` in the plan; did you mean `blue-sky`?"
    );
    let err = Report::new(&plan, as_of(), Lang::En)
        .only(&["zzz".into()])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no campaign `zzz` in the plan; its campaigns are: blue-sky, clear-water"
    );
}
