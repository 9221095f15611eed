//! The JSON report, in exactly the shape of DESIGN.md (contract 2). Keys
//! keep the order of the structs below; dates are `YYYY-MM-DD`; absent
//! values are `null`; `assumed` lists the fields not from the source, `[]`
//! when every figure is; each qualifier the file's table declares
//! (`approx`: "more-than" for a lower bound) is written, null when absent;
//! `marked` lists the object's keys whose figures rest on an assumed
//! value, worked-out ones included (`days_left` from an assumed `due`):
//! those the human formats show with `*`. With `--since` the report gains `since` (the
//! baseline used), each campaign `previous_progress`, each item `previous`
//! and `change`; without it those keys are absent, not null. With `--yoy`
//! each item gains `yoy` (`super::yoy::json`), null when there is no figure
//! for the same period last year, and the report a `yoy` of its own (last
//! year's revisions, the items new and ended). With either, each item
//! gains `approximate`: its worked-out keys (`change`, `yoy`) that rest on
//! a lower bound (`approx`), so are only approximate (`≈+30` in the human
//! formats).

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use super::Report;
use super::cells::{json_level as level, json_number as number};
use super::closing::{ClosingJson, NoticeJson, closing_json, notices_json};
use super::marks;
use super::since::Since;
use super::yoy::Yoy;
use super::yoy::json::YoyJson;
use crate::load::format::{self, Table};
use crate::model::{
    Assumed, Campaign, CampaignStatus, Figure, Indicator, IndicatorState, Item, Lang, Qualifiers,
    Status, Task, TaskSchedule,
};

#[derive(Serialize)]
struct PlanJson<'a> {
    title: &'a str,
    organisation: Option<&'a str>,
    as_of: Date,
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<SinceJson<'a>>,
    /// With `--yoy`: the revisions of last year and the items new or ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    yoy: Option<super::yoy::json::PlanYoyJson>,
    campaigns: Vec<CampaignJson<'a>>,
}

/// What `--since` asked and the baseline it found: `commit` and `as_of`
/// null when there is none.
#[derive(Serialize)]
struct SinceJson<'a> {
    asked: &'a str,
    commit: Option<&'a str>,
    as_of: Option<Date>,
    /// The items the baseline has and the plan no longer does.
    removed: Vec<RemovedJson<'a>>,
}

/// An item gone since the baseline: its key, and its figure and status then.
#[derive(Serialize)]
struct RemovedJson<'a> {
    item: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    done: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
    status: &'static str,
}

/// An item at the baseline: `done` for a task, `value` for an indicator.
#[derive(Serialize)]
struct PreviousJson<'a> {
    commit: &'a str,
    as_of: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    done: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
    status: &'static str,
    /// Its status rests on an assumed value: `previous.status` is marked.
    #[serde(skip)]
    status_assumed: bool,
}

/// An item's previous figure and change: `None` without `--since` (the
/// keys are left out), `Some(None)` for null.
type WithSince<T> = Option<Option<T>>;

#[derive(Serialize)]
struct CampaignJson<'a> {
    id: &'a str,
    name: &'a str,
    theme: &'static str,
    summary: Option<&'a str>,
    /// Weighted mean of the fractions (each capped at 1) of the tasks with
    /// a total that have begun.
    progress: Option<f64>,
    /// `progress` at the baseline (`--since`).
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_progress: WithSince<f64>,
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
    /// The keys whose figures rest on an assumed value (shown with `*`).
    marked: Vec<&'static str>,
    tasks: Vec<TaskJson<'a>>,
    indicators: Vec<IndicatorJson<'a>>,
}

#[derive(Serialize)]
struct TaskJson<'a> {
    id: &'a str,
    name: &'a str,
    done: Value,
    /// `approx`: "more-than" when `done` is a lower bound.
    #[serde(flatten)]
    qualifiers: QualifiersJson<'a>,
    total: Option<Value>,
    unit: Option<&'a str>,
    /// done / total, uncapped.
    fraction: Option<f64>,
    status: &'static str,
    start: Option<Date>,
    due: Option<Date>,
    days_left: Option<i64>,
    assumed: Fields,
    marked: Vec<&'static str>,
    /// Last year's item this one continues, "campaign/item".
    follows: Option<String>,
    #[serde(flatten)]
    closing: ClosingJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: WithSince<PreviousJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    change: WithSince<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    yoy: WithSince<YoyJson>,
    /// The worked-out keys resting on a lower bound (`change`, `yoy`).
    #[serde(skip_serializing_if = "Option::is_none")]
    approximate: Option<Vec<&'static str>>,
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    id: &'a str,
    name: &'a str,
    value: Value,
    /// `approx`: "more-than" when `value` is a lower bound.
    #[serde(flatten)]
    qualifiers: QualifiersJson<'a>,
    target: Option<Value>,
    better: Option<&'static str>,
    scale: &'static str,
    unit: Option<&'a str>,
    status: &'static str,
    assumed: Fields,
    marked: Vec<&'static str>,
    notices: Vec<NoticeJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: WithSince<PreviousJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    change: WithSince<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    yoy: WithSince<YoyJson>,
    /// The worked-out keys resting on a lower bound (`change`, `yoy`).
    #[serde(skip_serializing_if = "Option::is_none")]
    approximate: Option<Vec<&'static str>>,
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

/// Every qualifier key of the item's table, with the word written or null.
struct QualifiersJson<'a>(&'static Table, &'a Qualifiers);

impl Serialize for QualifiersJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for key in self.0.qualifiers() {
            map.serialize_entry(key.name, &self.1.word(key.name))?;
        }
        map.end()
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
    let since = report.compared();
    let plan = PlanJson {
        title: meta.title.get(lang),
        organisation: meta.organisation.as_ref().map(|o| o.get(lang)),
        as_of: Date(report.as_of()),
        source: meta.source.as_ref().map(|s| s.get(lang)),
        since: since.map(|since| SinceJson {
            asked: since.asked(),
            commit: since.baseline().map(|b| b.commit.as_str()),
            as_of: since.baseline().map(|b| Date(b.as_of)),
            removed: since
                .removed()
                .map(|(item, figure, status)| {
                    let (done, value) = match figure {
                        Figure::Done(done) => (Some(number(done)), None),
                        Figure::Value(value) => (None, Some(level(value))),
                    };
                    RemovedJson {
                        item,
                        done,
                        value,
                        status: status.as_str(),
                    }
                })
                .collect(),
        }),
        yoy: report
            .year_on_year()
            .map(|yoy| super::yoy::json::plan(yoy, report.plan)),
        campaigns: report
            .campaigns()
            .map(|(campaign, status)| {
                let mut json = campaign_json(campaign, status, lang, since);
                if let Some(yoy) = report.year_on_year() {
                    add_yoy(&mut json, yoy, campaign);
                }
                json
            })
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
    since: Option<&'a Since<'_>>,
) -> CampaignJson<'a> {
    let rollup = &status.rollup;
    let compared = |item: Item| since.map(|since| compared(since, campaign, item));
    CampaignJson {
        id: &campaign.id,
        name: campaign.name.get(lang),
        theme: campaign.theme.as_str(),
        summary: campaign.summary.as_ref().map(|s| s.get(lang)),
        progress: rollup.progress,
        previous_progress: since.map(|since| since.previous_progress(campaign)),
        expected: rollup.expected,
        planned: rollup.planned,
        status: rollup.status.map(Status::as_str),
        status_counts: StatusCounts(rollup.status_counts.iter().map(|(s, n)| (*s, *n)).collect()),
        indicators_met: rollup.indicators_met,
        indicators_with_target: rollup.indicators_with_target,
        assumed: Fields(campaign.assumed),
        marked: marks::campaign_marked(status),
        tasks: campaign
            .tasks
            .iter()
            .zip(&status.tasks)
            .enumerate()
            .map(|(i, (task, schedule))| task_json(task, schedule, lang, compared(Item::Task(i))))
            .collect(),
        indicators: campaign
            .indicators
            .iter()
            .zip(&status.indicators)
            .enumerate()
            .map(|(i, (indicator, state))| {
                let compared = compared(Item::Indicator(i));
                indicator_json(indicator, state, lang, compared)
            })
            .collect(),
    }
}

/// An item's `previous` and `change`, and whether the change is only
/// approximate.
type Compared<'a> = (Option<PreviousJson<'a>>, Option<Value>, bool);

fn compared<'a>(since: &'a Since<'_>, campaign: &Campaign, item: Item) -> Compared<'a> {
    let previous = since.previous(campaign, item).and_then(|previous| {
        let baseline = since.baseline()?;
        let (done, value) = match previous.figure {
            Figure::Done(done) => (Some(number(done)), None),
            Figure::Value(value) => (None, Some(level(value))),
        };
        Some(PreviousJson {
            commit: &baseline.commit,
            as_of: Date(baseline.as_of),
            done,
            value,
            status: previous.status.as_str(),
            status_assumed: previous.status_assumed,
        })
    });
    let change = since.change(campaign, item);
    (
        previous,
        change.map(|change| number(change.amount)),
        change.is_some_and(|change| change.approx),
    )
}

fn task_json<'a>(
    task: &'a Task,
    schedule: &TaskSchedule,
    lang: Lang,
    compared: Option<Compared<'a>>,
) -> TaskJson<'a> {
    let marked = marked_keys(marks::task_marked(schedule), compared.as_ref());
    let (previous, change, approximate) = split(compared);
    TaskJson {
        id: &task.id,
        name: task.name.get(lang),
        done: number(task.done),
        qualifiers: QualifiersJson(&format::TASK, &task.qualifiers),
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
        marked,
        follows: task.follows.as_ref().map(ToString::to_string),
        closing: closing_json(task, lang),
        previous,
        change,
        yoy: None,
        approximate,
    }
}

fn indicator_json<'a>(
    indicator: &'a Indicator,
    state: &IndicatorState,
    lang: Lang,
    compared: Option<Compared<'a>>,
) -> IndicatorJson<'a> {
    let marked = marked_keys(marks::indicator_marked(indicator, state), compared.as_ref());
    let (previous, change, approximate) = split(compared);
    IndicatorJson {
        id: &indicator.id,
        name: indicator.name.get(lang),
        value: level(indicator.value),
        qualifiers: QualifiersJson(&format::INDICATOR, &indicator.qualifiers),
        target: indicator.target.map(level),
        better: indicator.better.map(|better| better.as_str()),
        scale: indicator.scale.as_str(),
        unit: indicator.unit.as_ref().map(|unit| unit.get(lang)),
        status: state.status.as_str(),
        assumed: Fields(indicator.assumed),
        marked,
        notices: notices_json(&indicator.notices, lang),
        previous,
        change,
        yoy: None,
        approximate,
    }
}

/// The marked keys of an item, `change` only where there is one, and
/// `previous.status` when the status at the baseline rests on an assumed
/// value (a status move from it is marked on the screen and in md/text).
fn marked_keys(keys: Vec<&'static str>, compared: Option<&Compared<'_>>) -> Vec<&'static str> {
    let previous = compared.and_then(|(previous, _, _)| previous.as_ref());
    let status_assumed = previous.is_some_and(|previous| previous.status_assumed);
    marks::with_baseline(keys, compared.is_some(), status_assumed)
}

/// Absent without `--since`, else each as found (null when not), and
/// `change` among the approximate keys when it is.
fn split<'a>(
    compared: Option<Compared<'a>>,
) -> (
    WithSince<PreviousJson<'a>>,
    WithSince<Value>,
    Option<Vec<&'static str>>,
) {
    match compared {
        Some((previous, change, approx)) => {
            let approximate: Vec<&str> = approx.then_some("change").into_iter().collect();
            (Some(previous), Some(change), Some(approximate))
        }
        None => (None, None, None),
    }
}

/// Each item's `yoy`, and `yoy` among its `marked` when it rests on an
/// assumed value, among its `approximate` when on a lower bound.
fn add_yoy(json: &mut CampaignJson<'_>, yoy: &Yoy, campaign: &Campaign) {
    for (i, task) in json.tasks.iter_mut().enumerate() {
        let found = super::yoy::json::item(yoy, campaign, Item::Task(i));
        found.mark(&mut task.marked, &mut task.approximate);
        task.yoy = Some(found.json);
    }
    for (i, indicator) in json.indicators.iter_mut().enumerate() {
        let found = super::yoy::json::item(yoy, campaign, Item::Indicator(i));
        found.mark(&mut indicator.marked, &mut indicator.approximate);
        indicator.yoy = Some(found.json);
    }
}
