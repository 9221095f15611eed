//! The roll-up as JSON, in the shape of DESIGN "Contract 3": `{ title,
//! as_of, units: [ { id, name, as_of, commit, stale, errors, campaigns } ],
//! combined: [ { item, how, done, total, by_unit } ], rankings: [ { item,
//! by, rows: [ { rank, unit, figure, tied } ] } ] }`, keys in that order.
//! Each unit's `campaigns` are the plan report's own (`report --format
//! json`), written in as that report writes them. Beside the contract's
//! keys: a unit's `source`, `groups` and `stale_reason` (`too-old`,
//! `no-reporting-date`) and `office` (whether it is the office's own
//! file), a combined item's `missing` units and, for a `sum` the office
//! states, `office` (its figure) and `difference` (office − units' sum;
//! both null otherwise), a ranking's
//! `group`, `show`, `better` and `left_out`, and `drags` (each summed
//! item's shortfall against 序时进度, by unit). `by_unit` lists the units
//! in the manifest's order. What rests on a lower bound (`approx`) says so:
//! a combined item's `at_least` (its keys that are lower bounds: `done`
//! when a part is one, `office`) and `at_least_in` (the units whose figure
//! is one), a ranking row's `lower_bound`, a drag's and a share's
//! `approximate`.

use serde::Serialize;
use serde_json::{Map, Value};

use super::RollupReport;
use crate::report::cells::json_number;
use crate::report::{Format, Report};
use crate::rollup::{Combined, Drag, Ranked, Unit};

#[derive(Serialize)]
struct RollupJson<'a> {
    title: &'a str,
    as_of: String,
    units: Vec<UnitJson<'a>>,
    combined: Vec<CombinedJson<'a>>,
    rankings: Vec<RankingJson<'a>>,
    drags: Vec<DragJson<'a>>,
}

#[derive(Serialize)]
struct UnitJson<'a> {
    id: &'a str,
    name: &'a str,
    as_of: Option<String>,
    commit: Option<&'a str>,
    stale: bool,
    errors: Vec<String>,
    campaigns: Value,
    source: &'a str,
    groups: &'a [String],
    /// Why a stale unit is 未报送: `too-old` or `no-reporting-date`.
    stale_reason: Option<&'static str>,
    office: bool,
}

#[derive(Serialize)]
struct CombinedJson<'a> {
    item: &'a str,
    how: &'static str,
    done: Option<Value>,
    total: Option<Value>,
    by_unit: Map<String, Value>,
    missing: &'a [String],
    /// The units whose figure rests on an assumed value: `done`, `total`
    /// and theirs in `by_unit` carry the mark.
    assumed_in: &'a [String],
    office: Option<Value>,
    difference: Option<Value>,
    /// Its keys whose figures are lower bounds (`done`, `office`).
    at_least: Vec<&'static str>,
    /// The units whose figure is a lower bound: theirs in `by_unit` is one.
    at_least_in: &'a [String],
}

#[derive(Serialize)]
struct RankingJson<'a> {
    item: &'a str,
    by: &'static str,
    rows: Vec<RowJson<'a>>,
    group: Option<&'a str>,
    show: Option<usize>,
    better: &'static str,
    left_out: Vec<LeftOutJson<'a>>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    rank: usize,
    unit: &'a str,
    figure: Value,
    tied: bool,
    /// The figure rests on an assumed value.
    assumed: bool,
    /// The figure rests on a lower bound: by value it is one, by change
    /// only approximate.
    lower_bound: bool,
}

#[derive(Serialize)]
struct LeftOutJson<'a> {
    unit: &'a str,
    why: &'static str,
}

#[derive(Serialize)]
struct DragJson<'a> {
    item: &'a str,
    shortfall: Value,
    units: Vec<ShareJson<'a>>,
    /// The shortfall counts a lower bound: only approximate.
    approximate: bool,
}

#[derive(Serialize)]
struct ShareJson<'a> {
    unit: &'a str,
    shortfall: Value,
    share: f64,
    /// The shortfall rests on an assumed value.
    assumed: bool,
    /// The unit's done is a lower bound: its shortfall is approximate.
    approximate: bool,
}

pub fn render(report: &RollupReport<'_>) -> String {
    let rollup = report.rollup;
    let out = RollupJson {
        title: rollup.manifest.title.get(report.lang),
        as_of: rollup.as_of.format("%Y-%m-%d").to_string(),
        units: rollup
            .units
            .iter()
            .enumerate()
            .map(|u| unit(report, u))
            .collect(),
        combined: report.combined.iter().map(combined).collect(),
        rankings: report.rankings.iter().map(ranking).collect(),
        drags: report.drags.iter().map(drag).collect(),
    };
    let written = serde_json::to_string_pretty(&out).unwrap_or_default();
    // Each unit's campaigns as its own report writes them, keys in order:
    // the placeholders come in the units' order, so one pass writes them in.
    let mut text = String::with_capacity(written.len());
    let mut rest = written.as_str();
    for (at, unit) in rollup.units.iter().enumerate() {
        let Some(campaigns) = campaigns_of(report, unit) else {
            continue;
        };
        let placeholder = serde_json::to_string(&placeholder(at)).unwrap_or_default();
        let Some(found) = rest.find(&placeholder) else {
            continue;
        };
        text.push_str(&rest[..found]);
        text.push_str(&campaigns.replace('\n', "\n    "));
        rest = &rest[found + placeholder.len()..];
    }
    text.push_str(rest);
    text.push('\n');
    text
}

/// Stands for a unit's campaigns until they are written in: a control
/// character, which no text from a file keeps (they are sanitised).
fn placeholder(at: usize) -> String {
    format!("\u{1}campaigns of unit {at}")
}

/// The `campaigns` array of the unit's own JSON report, as written there.
fn campaigns_of(report: &RollupReport<'_>, unit: &Unit) -> Option<String> {
    let document = unit.document()?;
    let plan = Report::new(document.plan(), document.as_of(), report.lang);
    let whole = plan.render(Format::Json);
    // The plan report's last key, at the top level (two spaces in).
    let key = "\n  \"campaigns\": ";
    let start = whole.rfind(key)? + key.len();
    let end = whole.trim_end().strip_suffix('}')?.trim_end().len();
    whole.get(start..end).map(str::to_owned)
}

fn unit<'a>(report: &RollupReport<'a>, (at, unit): (usize, &'a Unit)) -> UnitJson<'a> {
    let campaigns = match unit.document() {
        Some(_) => Value::String(placeholder(at)),
        None => Value::Array(Vec::new()),
    };
    UnitJson {
        id: &unit.id,
        name: unit.name.get(report.lang),
        as_of: unit.as_of().map(|d| d.format("%Y-%m-%d").to_string()),
        commit: unit.commit.as_deref(),
        stale: unit.stale,
        errors: unit.errors(report.lang),
        campaigns,
        source: &unit.shown,
        groups: &unit.groups,
        stale_reason: match (unit.stale, unit.undated) {
            (_, true) => Some("no-reporting-date"),
            (true, false) => Some("too-old"),
            (false, false) => None,
        },
        office: unit.office,
    }
}

fn combined(c: &Combined) -> CombinedJson<'_> {
    CombinedJson {
        item: &c.item,
        how: c.how.as_str(),
        done: c.done.map(json_number),
        total: c.total.map(json_number),
        by_unit: c
            .by_unit
            .iter()
            .map(|(id, n)| (id.clone(), json_number(*n)))
            .collect(),
        missing: &c.missing,
        assumed_in: &c.assumed_in,
        office: c.office.map(json_number),
        difference: c.difference.map(json_number),
        at_least: [(c.at_least(), "done"), (c.office_at_least, "office")]
            .into_iter()
            .filter_map(|(at_least, key)| at_least.then_some(key))
            .collect(),
        at_least_in: &c.at_least_in,
    }
}

fn ranking(ranked: &Ranked) -> RankingJson<'_> {
    RankingJson {
        item: &ranked.item,
        by: ranked.by.as_str(),
        rows: ranked
            .rows
            .iter()
            .map(|row| RowJson {
                rank: row.rank,
                unit: &row.unit,
                figure: json_number(row.figure),
                tied: row.tied,
                assumed: row.assumed,
                lower_bound: row.lower_bound,
            })
            .collect(),
        group: ranked.group.as_deref(),
        show: ranked.show,
        better: ranked.better.as_str(),
        left_out: ranked
            .left_out
            .iter()
            .map(|(unit, why)| LeftOutJson {
                unit,
                why: why.as_str(),
            })
            .collect(),
    }
}

fn drag(drag: &Drag) -> DragJson<'_> {
    DragJson {
        item: &drag.item,
        shortfall: json_number(drag.shortfall),
        units: drag
            .units
            .iter()
            .map(|share| ShareJson {
                unit: &share.unit,
                shortfall: json_number(share.shortfall),
                share: share.share,
                assumed: share.assumed,
                approximate: share.approx,
            })
            .collect(),
        approximate: drag.approx(),
    }
}
