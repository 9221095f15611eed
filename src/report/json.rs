//! The JSON report, in exactly the shape of DESIGN.md (contract 2). Keys
//! keep the order of the structs below; dates are `YYYY-MM-DD`; absent
//! values are `null`; `assumed` lists the fields not from the source, `[]`
//! when every figure is.

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use super::Report;
use crate::model::{
    Assumed, Campaign, CampaignStatus, Indicator, Lang, Level, Status, Task, TaskSchedule,
};

#[derive(Serialize)]
struct PlanJson<'a> {
    title: &'a str,
    organisation: Option<&'a str>,
    as_of: Date,
    source: Option<&'a str>,
    campaigns: Vec<CampaignJson<'a>>,
}

#[derive(Serialize)]
struct CampaignJson<'a> {
    id: &'a str,
    name: &'a str,
    theme: &'static str,
    summary: Option<&'a str>,
    /// Weighted mean of the fractions (each capped at 1) of the tasks with
    /// a total that have begun.
    progress: Option<f64>,
    /// 序时进度: where `progress` should be by now, over the same tasks.
    expected: Option<f64>,
    /// Tasks with a total that start after the reporting date.
    planned: usize,
    /// The first status present over tasks and indicators, in the roll-up
    /// order.
    status: Option<&'static str>,
    status_counts: StatusCounts,
    indicators_met: usize,
    indicators_with_target: usize,
    assumed: Fields,
    tasks: Vec<TaskJson<'a>>,
    indicators: Vec<IndicatorJson<'a>>,
}

#[derive(Serialize)]
struct TaskJson<'a> {
    id: &'a str,
    name: &'a str,
    done: Value,
    total: Option<Value>,
    unit: Option<&'a str>,
    /// done / total, uncapped.
    fraction: Option<f64>,
    status: &'static str,
    start: Option<Date>,
    due: Option<Date>,
    days_left: Option<i64>,
    assumed: Fields,
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    id: &'a str,
    name: &'a str,
    value: Value,
    target: Option<Value>,
    better: Option<&'static str>,
    scale: &'static str,
    unit: Option<&'a str>,
    status: &'static str,
    assumed: Fields,
}

/// A date written `YYYY-MM-DD`.
struct Date(NaiveDate);

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

/// The assumed fields as a list of their names, in the file's order.
struct Fields(Assumed);

impl Serialize for Fields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.fields().map(|field| field.as_str()))
    }
}

/// Tasks per status, worst first (the roll-up order), only statuses present.
struct StatusCounts(Vec<(Status, usize)>);

impl Serialize for StatusCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (status, count) in &self.0 {
            map.serialize_entry(status.as_str(), count)?;
        }
        map.end()
    }
}

pub fn render(report: &Report<'_>) -> String {
    let lang = report.lang;
    let meta = &report.plan.meta;
    let plan = PlanJson {
        title: meta.title.get(lang),
        organisation: meta.organisation.as_ref().map(|o| o.get(lang)),
        as_of: Date(report.as_of()),
        source: meta.source.as_ref().map(|s| s.get(lang)),
        campaigns: report
            .campaigns()
            .map(|(campaign, status)| campaign_json(campaign, status, lang))
            .collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail; the
    // fallback keeps the output valid JSON all the same.
    let mut out = serde_json::to_string_pretty(&plan).unwrap_or_else(|_| "null".to_owned());
    out.push('\n');
    out
}

fn campaign_json<'a>(
    campaign: &'a Campaign,
    status: &CampaignStatus,
    lang: Lang,
) -> CampaignJson<'a> {
    let rollup = &status.rollup;
    CampaignJson {
        id: &campaign.id,
        name: campaign.name.get(lang),
        theme: campaign.theme.as_str(),
        summary: campaign.summary.as_ref().map(|s| s.get(lang)),
        progress: rollup.progress,
        expected: rollup.expected,
        planned: rollup.planned,
        status: rollup.status.map(Status::as_str),
        status_counts: StatusCounts(rollup.status_counts.iter().map(|(s, n)| (*s, *n)).collect()),
        indicators_met: rollup.indicators_met,
        indicators_with_target: rollup.indicators_with_target,
        assumed: Fields(campaign.assumed),
        tasks: campaign
            .tasks
            .iter()
            .zip(&status.tasks)
            .map(|(task, schedule)| task_json(task, schedule, lang))
            .collect(),
        indicators: campaign
            .indicators
            .iter()
            .zip(&status.indicators)
            .map(|(indicator, state)| indicator_json(indicator, state.status, lang))
            .collect(),
    }
}

fn task_json<'a>(task: &'a Task, schedule: &TaskSchedule, lang: Lang) -> TaskJson<'a> {
    TaskJson {
        id: &task.id,
        name: task.name.get(lang),
        done: number(task.done),
        total: task.total.map(number),
        unit: task.unit.as_ref().map(|unit| unit.get(lang)),
        fraction: schedule.fraction,
        status: schedule.status.as_str(),
        start: schedule.start.map(Date),
        due: schedule.due.map(Date),
        days_left: schedule.days_left,
        // With the campaign's assumed start or end when a task with a total
        // runs by it.
        assumed: Fields(schedule.assumed),
    }
}

fn indicator_json<'a>(indicator: &'a Indicator, status: Status, lang: Lang) -> IndicatorJson<'a> {
    IndicatorJson {
        id: &indicator.id,
        name: indicator.name.get(lang),
        value: level(indicator.value),
        target: indicator.target.map(level),
        better: indicator.better.map(|better| better.as_str()),
        scale: indicator.scale.as_str(),
        unit: indicator.unit.as_ref().map(|unit| unit.get(lang)),
        status: status.as_str(),
        assumed: Fields(indicator.assumed),
    }
}

/// A whole number as a JSON integer (`110`, not `110.0`), others as they are.
pub(crate) fn number(value: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    if value.fract() == 0.0 && value.abs() < EXACT {
        Value::from(value as i64)
    } else {
        serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

pub(crate) fn level(level: Level) -> Value {
    match level {
        Level::Number(value) => number(value),
        Level::WaterClass(class) => Value::from(class.as_str()),
    }
}
