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

/// An item's `yoy`, with what its lists of keys say of it.
pub struct ItemJson {
    /// `None`: null, no figure for the same period last year.
    pub json: Option<YoyJson>,
    /// It rests on an assumed value.
    pub assumed: bool,
    /// It rests on a lower bound, so is only approximate.
    pub approx: bool,
}

impl ItemJson {
    /// `yoy` among the item's `marked` and `approximate` where it belongs.
    pub fn mark(
        &self,
        marked: &mut Vec<&'static str>,
        approximate: &mut Option<Vec<&'static str>>,
    ) {
        if self.assumed {
            marked.push("yoy");
        }
        let approximate = approximate.get_or_insert_with(Vec::new);
        if self.approx {
            approximate.push("yoy");
        }
    }
}

/// Whether the item's 同比 (or its change on the three years' mean) is
/// worked out from a lower bound.
pub fn approx(yoy: &Yoy, campaign: &Campaign, item: Item) -> bool {
    let Some(found) = yoy.item(campaign, item) else {
        return false;
    };
    let mean = yoy.mean(campaign, item);
    let approx = |change: Option<&YearChange>| change.is_some_and(|c| c.approx);
    approx(found.change.as_ref()) || mean.is_some_and(|m| approx(m.change.as_ref()))
}

/// The item's `yoy`, whether it rests on an assumed value (`yoy` is then
/// among the item's `marked`) and whether on a lower bound (then among its
/// `approximate`).
pub fn item(yoy: &Yoy, campaign: &Campaign, item: Item) -> ItemJson {
    let approx = self::approx(yoy, campaign, item);
    let Some(found) = yoy.item(campaign, item) else {
        return ItemJson {
            json: None,
            assumed: false,
            approx,
        };
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
    ItemJson {
        json: Some(json),
        assumed,
        approx,
    }
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
