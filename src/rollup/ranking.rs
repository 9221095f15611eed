//! Rankings of the units (排名通报): by an item's level or by how far it
//! moved since each unit's previous report, in the direction of the item's
//! `better`. Units equal on the item and on every `then` item share a rank
//! (并列, competition ranking: 1, 2, 2, 4); the units left out are listed
//! with why.

use std::cmp::Ordering;

use super::found::{Found, find};
use super::manifest::{By, Manifest, Ranking};
use super::previous::Previous;
use super::units::Unit;
use crate::figures;
use crate::history::compare::delta;
use crate::model::{Better, Lang};

/// One ranking as computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub item: String,
    pub by: By,
    pub group: Option<String>,
    /// How many to show at each end; `None`: all.
    pub show: Option<usize>,
    pub better: Better,
    /// Best first.
    pub rows: Vec<Row>,
    /// Units not ranked, in the manifest's order, with why.
    pub left_out: Vec<(String, LeftOut)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// 1 for the best; tied units share the rank of the first of them.
    pub rank: usize,
    pub unit: String,
    /// The level, or the change since the previous report.
    pub figure: f64,
    /// Another unit shares this rank (并列).
    pub tied: bool,
    /// The figure rests on an assumed value: shown with `*`.
    pub assumed: bool,
    /// The figure rests on a lower bound (`approx`): by value it is one
    /// (`90+`), by change only approximate (`≈+30`).
    pub lower_bound: bool,
}

impl Row {
    /// The figure as every ranking shows it: by value with the sign of a
    /// lower bound (`90+`), by change signed, approximate when it rests on
    /// one (`≈+30`); the `*` is the writer's.
    pub fn figure_text(&self, by: By, lang: Lang, ascii: bool) -> String {
        match by {
            By::Value => figures::at_least_number(self.figure, self.lower_bound, lang),
            By::Change => {
                let delta = figures::Delta {
                    amount: self.figure,
                    approx: self.lower_bound,
                };
                figures::signed(delta, lang, ascii)
            }
        }
    }
}

/// Why a unit is not in a ranking.
#[derive(Clone, Debug, PartialEq)]
pub enum LeftOut {
    /// 未报送: its report is older than `stale_after_days`.
    Stale,
    /// Its file could not be read or has errors.
    Broken,
    /// Its plan has no such item.
    NoItem,
    /// By change, with no earlier report to compare with: why.
    NoBaseline(String),
}

impl LeftOut {
    /// `stale`, `broken`, `no-item`, `no-baseline`, as JSON and CSV write it.
    pub fn as_str(&self) -> &'static str {
        match self {
            LeftOut::Stale => "stale",
            LeftOut::Broken => "broken",
            LeftOut::NoItem => "no-item",
            LeftOut::NoBaseline(_) => "no-baseline",
        }
    }
}

/// Every `[[ranking]]` of the manifest.
pub fn rank_all(manifest: &Manifest, units: &[Unit]) -> Vec<Ranked> {
    let rankings = manifest.rankings.iter();
    rankings
        .map(|ranking| rank(manifest, units, ranking))
        .collect()
}

/// One unit's sort keys: the figure, then each `then` item's level, each
/// turned so that less is better (a missing one last).
struct Entry<'u> {
    unit: &'u str,
    figure: f64,
    assumed: bool,
    lower_bound: bool,
    keys: Vec<f64>,
}

pub fn rank(manifest: &Manifest, units: &[Unit], ranking: &Ranking) -> Ranked {
    // The office's own file is the whole, not one of the units ranked.
    let in_group = |unit: &&Unit| {
        !unit.office
            && ranking
                .group
                .as_deref()
                .is_none_or(|group| unit.groups.iter().any(|g| g == group))
    };
    let mut better = None;
    let mut entries = Vec::new();
    let mut left_out = Vec::new();
    for unit in units.iter().filter(in_group) {
        let found = find(manifest, unit, &ranking.item);
        better = better.or_else(|| found.and_then(|found| found.better()));
        match figure_of(unit, found, ranking.by) {
            Ok(figure) => entries.push((unit, found, figure)),
            Err(why) => left_out.push((unit.id.clone(), why)),
        }
    }
    let better = better.unwrap_or(Better::Higher);
    let mut entries: Vec<Entry> = entries
        .into_iter()
        .map(|(unit, found, (figure, lower_bound))| Entry {
            unit: &unit.id,
            figure,
            assumed: found.is_some_and(|found| found.assumed(ranking.by)),
            lower_bound,
            keys: std::iter::once(turned(Some(figure), better))
                .chain(
                    ranking
                        .then
                        .iter()
                        .map(|then| then_key(manifest, unit, then)),
                )
                .collect(),
        })
        .collect();
    entries.sort_by(|a, b| compare(&a.keys, &b.keys));
    let rows = rows(&entries);
    Ranked {
        item: ranking.item.clone(),
        by: ranking.by,
        group: ranking.group.clone(),
        show: ranking.show,
        better,
        rows,
        left_out,
    }
}

impl Ranked {
    /// The rows a bulletin shows, best first: the best `show` and the worst
    /// `show`, each end widened to every unit that shares the rank of its
    /// last row (a tie is never cut in two), `None` once where rows are
    /// left out between. Every writer of a ranking lays it out by this.
    pub fn shown(&self) -> Vec<Option<&Row>> {
        let count = self.rows.len();
        let show = self.show.unwrap_or(count).min(count);
        if show == 0 || 2 * show >= count {
            return self.rows.iter().map(Some).collect();
        }
        let top_rank = self.rows[show - 1].rank;
        let top = self
            .rows
            .iter()
            .take_while(|row| row.rank <= top_rank)
            .count();
        let bottom_rank = self.rows[count - show].rank;
        let bottom = self.rows.iter().position(|row| row.rank >= bottom_rank);
        let bottom = bottom.unwrap_or(count).max(top);
        let mut shown: Vec<Option<&Row>> = self.rows[..top].iter().map(Some).collect();
        if bottom > top {
            shown.push(None);
        }
        shown.extend(self.rows[bottom..].iter().map(Some));
        shown
    }
}

/// The figure a unit is ranked by and whether it rests on a lower bound,
/// or why it is left out.
fn figure_of(unit: &Unit, found: Option<Found<'_>>, by: By) -> Result<(f64, bool), LeftOut> {
    if unit.document().is_none() {
        return Err(LeftOut::Broken);
    }
    if unit.stale {
        return Err(LeftOut::Stale);
    }
    let found = found.ok_or(LeftOut::NoItem)?;
    match by {
        By::Value => Ok((found.level(), found.at_least())),
        By::Change => {
            let comparison = match &unit.previous {
                Previous::Found(comparison) => comparison,
                Previous::NoBaseline(why) => return Err(LeftOut::NoBaseline(why.clone())),
                Previous::NotAsked => return Err(LeftOut::NoBaseline(String::new())),
            };
            let before = comparison
                .previous(found.campaign_index, found.item)
                .ok_or_else(|| LeftOut::NoBaseline("the item is new since".into()))?;
            let change = delta((found.figure(), found.at_least()), &before);
            change
                .map(|change| (change.amount, change.approx))
                .ok_or_else(|| LeftOut::NoBaseline("a water class has no change in numbers".into()))
        }
    }
}

/// The level of a `then` item, turned so that less is better.
fn then_key(manifest: &Manifest, unit: &Unit, then: &str) -> f64 {
    let found = find(manifest, unit, then);
    let better = found.and_then(|f| f.better()).unwrap_or(Better::Higher);
    turned(found.map(|f| f.level()), better)
}

/// Less is better; a missing figure is the worst.
fn turned(figure: Option<f64>, better: Better) -> f64 {
    match (figure, better) {
        (Some(figure), Better::Lower) => figure,
        (Some(figure), Better::Higher) => -figure,
        (None, _) => f64::INFINITY,
    }
}

fn compare(a: &[f64], b: &[f64]) -> Ordering {
    a.iter()
        .zip(b)
        .map(|(a, b)| a.total_cmp(b))
        .find(|order| order.is_ne())
        .unwrap_or(Ordering::Equal)
}

/// Ranks from sorted entries: equal keys share the rank of the first.
fn rows(entries: &[Entry<'_>]) -> Vec<Row> {
    let same = |a: &Entry, b: &Entry| compare(&a.keys, &b.keys).is_eq();
    let mut rows: Vec<Row> = Vec::with_capacity(entries.len());
    for (at, entry) in entries.iter().enumerate() {
        let with_previous = at > 0 && same(&entries[at - 1], entry);
        let with_next = entries.get(at + 1).is_some_and(|next| same(entry, next));
        let rank = match rows.last() {
            Some(last) if with_previous => last.rank,
            _ => at + 1,
        };
        rows.push(Row {
            rank,
            unit: entry.unit.to_owned(),
            figure: entry.figure + 0.0,
            tied: with_previous || with_next,
            assumed: entry.assumed,
            lower_bound: entry.lower_bound,
        });
    }
    rows
}
