//! The report's own `yoy`: the revisions compared with (the same period
//! last year, last year's result) and what stands alone across the years
//! (`new`, `ended`: `campaign/item`, null without last year's result).
//! An item's `yoy` in the JSON report: `{ as_of, commit, figure, change,
//! unit, direction }` as contract 3 names them, then `from` (`commit` or
//! `history`: where last year's figure was read) and `mean3` (the three
//! years before, or null). `change` is exact (percent of last year's for
//! `%`), null where there is no such number.

use serde::Serialize;
use serde_json::Value;

use super::{YearSource, Yoy};
use crate::figures::YearChange;
use crate::history::compare::{Baseline, YearAgo};
use crate::model::{Campaign, Figure, Item, Plan};
use crate::report::cells::{json_level, json_number};

#[derive(Serialize)]
pub struct YoyJson {
    as_of: String,
    commit: Option<String>,
    figure: Value,
    change: Option<Value>,
    unit: Option<&'static str>,
    direction: Option<&'static str>,
    from: &'static str,
    mean3: Option<MeanJson>,
}

#[derive(Serialize)]
pub struct PlanYoyJson {
    as_of: String,
    last_year: Option<RevisionJson>,
    result: Option<RevisionJson>,
    /// This year's items that continue nothing of last year's result.
    new: Option<Vec<String>>,
    /// Last year's items that nothing of this year's continues.
    ended: Option<Vec<String>>,
}

#[derive(Serialize)]
pub struct RevisionJson {
    as_of: String,
    commit: Option<String>,
}

/// The report's `yoy`, for `plan`'s items.
pub fn plan(yoy: &Yoy, plan: &Plan) -> PlanYoyJson {
    let years = yoy.years();
    let revision = |baseline: &Baseline| RevisionJson {
        as_of: crate::figures::date(baseline.as_of),
        commit: baseline.commit.clone(),
    };
    PlanYoyJson {
        as_of: crate::figures::date(years.as_of()),
        last_year: years.last_year().map(revision),
        result: years.result().map(revision),
        new: years.new_items(plan),
        ended: years.ended(plan),
    }
}

#[derive(Serialize)]
pub struct MeanJson {
    figure: Value,
    change: Option<Value>,
    unit: Option<&'static str>,
    direction: Option<&'static str>,
    years: Vec<YearJson>,
}

#[derive(Serialize)]
pub struct YearJson {
    as_of: String,
    commit: Option<String>,
    figure: Value,
    from: &'static str,
}

/// The item's `yoy` (`None`: null, no figure for the same period last
/// year), and whether it rests on an assumed value (`yoy` is then among the
/// item's `marked`).
pub fn item(yoy: &Yoy, campaign: &Campaign, item: Item) -> (Option<YoyJson>, bool) {
    let Some(found) = yoy.item(campaign, item) else {
        return (None, false);
    };
    let mean = yoy.mean(campaign, item);
    let assumed = found.assumed || mean.as_ref().is_some_and(|m| m.assumed);
    let (change, unit, direction) = parts(found.change.as_ref());
    let year = year(&found.ago);
    let json = YoyJson {
        as_of: year.as_of,
        commit: year.commit,
        figure: year.figure,
        change,
        unit,
        direction,
        from: year.from,
        mean3: mean.map(|mean| {
            let (change, unit, direction) = parts(mean.change.as_ref());
            MeanJson {
                figure: json_number(mean.mean.mean),
                change,
                unit,
                direction,
                years: mean.mean.years.iter().map(self::year).collect(),
            }
        }),
    };
    (Some(json), assumed)
}

type Parts = (Option<Value>, Option<&'static str>, Option<&'static str>);

fn parts(change: Option<&YearChange>) -> Parts {
    match change {
        Some(change) => (
            change.change.map(json_number),
            Some(change.unit.as_str()),
            change.direction.map(|d| d.as_str()),
        ),
        None => (None, None, None),
    }
}

fn year(ago: &YearAgo) -> YearJson {
    let (commit, from) = match &ago.source {
        YearSource::Commit(commit) => (Some(commit.clone()), "commit"),
        YearSource::File => (None, "history"),
    };
    YearJson {
        as_of: crate::figures::date(ago.as_of),
        commit,
        figure: match ago.figure {
            Figure::Done(done) => json_number(done),
            Figure::Value(level) => json_level(level),
        },
        from,
    }
}
