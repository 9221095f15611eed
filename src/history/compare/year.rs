//! The same period last year (同比) and the three years before (较前三年均值):
//! the baselines a year-on-year comparison stands on, found by the rule
//! `--since DATE` uses ([`History::baseline`]) at the same day one, two and
//! three years before the reporting date (29 February → 28 February).
//!
//! An item pairs with last year's by id, or with the item its `follows`
//! names (`model::pairs`, read off the revision's plan loaded whole when
//! any task of the plan follows another). An item's figure there is the
//! revision's own. Where git holds no
//! revision for that year (or the item is not in it), the item's own
//! `history` point of that year serves, said to be from the file; a year
//! with neither has no figure: nothing is made up.

use chrono::{Datelike, NaiveDate};

use std::collections::HashMap;

use super::Baseline;
use crate::history::{History, HistoryError, Since};
use crate::model::pairs::{self, PairedBy};
use crate::model::{Campaign, Field, Figure, Item, Level, Plan};

/// How many years the mean (较前三年均值) looks back.
pub const MEAN_YEARS: usize = 3;

/// The same day `years` years before `day`; 29 February falls on the 28th.
pub fn years_before(day: NaiveDate, years: u32) -> NaiveDate {
    let year = day.year() - years as i32;
    day.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, day.month(), 28))
        .unwrap_or(day)
}

/// Where a figure of an earlier year was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YearSource {
    /// The file as committed there: 40 hex digits.
    Commit(String),
    /// A point of the item's own `history` array in the file shown.
    File,
}

/// An item's figure on (or nearest before) the same day of an earlier year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearAgo {
    /// The reporting date of the figure: always shown beside it.
    pub as_of: NaiveDate,
    pub source: YearSource,
    pub figure: Figure,
    /// The figure is a lower bound (`approx` in that revision): it reads
    /// `90余`, and a change on it is only approximate.
    pub at_least: bool,
    /// It is a point of a `history` array marked assumed.
    pub assumed: bool,
}

/// The mean of an item's figures in each of the three years before.
#[derive(Clone, Debug, PartialEq)]
pub struct YearsMean {
    pub mean: f64,
    /// The three figures it is the mean of, last year first.
    pub years: Vec<YearAgo>,
}

impl YearsMean {
    /// One of its figures is an assumed point.
    pub fn assumed(&self) -> bool {
        self.years.iter().any(|year| year.assumed)
    }

    /// One of its figures is a lower bound: the mean is only approximate.
    pub fn at_least(&self) -> bool {
        self.years.iter().any(|year| year.at_least)
    }
}

/// The revisions of the same period one, two and three years before a
/// reporting date.
#[derive(Clone, Debug, PartialEq)]
pub struct YearOnYear {
    as_of: NaiveDate,
    /// Last year first; `None` where git holds no valid revision then.
    years: Vec<Option<Baseline>>,
    /// Per year, as `years`: this year's `campaign/item` → the key of the
    /// item it `follows` there (the pairs by id are not listed).
    follows: Vec<HashMap<String, String>>,
    /// Last year's result: its last valid revision (reporting on or before
    /// 31 December), with the keys followed there.
    result: Option<(Baseline, HashMap<String, String>)>,
}

impl YearOnYear {
    /// The baselines for `plan`'s figures reported on `as_of`, from
    /// `history` (`None`: the file is not in git, so only its own `history`
    /// points serve).
    pub fn new(
        history: Option<&History>,
        plan: &Plan,
        as_of: NaiveDate,
    ) -> Result<YearOnYear, HistoryError> {
        let mut years = Vec::with_capacity(MEAN_YEARS);
        let mut follows = Vec::with_capacity(MEAN_YEARS);
        // Each revision's plan is paired once: last year's result is often
        // the revision of the same period last year.
        let mut paired: HashMap<Option<usize>, HashMap<String, String>> = HashMap::new();
        let mut follows_at = |history: &History, baseline: &Baseline| {
            if let Some(found) = paired.get(&baseline.revision) {
                return Ok(found.clone());
            }
            let found = followed(history, baseline, plan)?;
            paired.insert(baseline.revision, found.clone());
            Ok::<_, HistoryError>(found)
        };
        for back in 1..=MEAN_YEARS as u32 {
            let baseline = match history {
                Some(history) => at_day(history, years_before(as_of, back))?,
                None => None,
            };
            follows.push(match (history, &baseline) {
                (Some(history), Some(baseline)) => follows_at(history, baseline)?,
                _ => HashMap::new(),
            });
            years.push(baseline);
        }
        let result = match history {
            Some(history) => match at_day(history, last_years_end(as_of))? {
                Some(b) => {
                    let found = follows_at(history, &b)?;
                    Some((b, found))
                }
                None => None,
            },
            None => None,
        };
        Ok(YearOnYear {
            as_of,
            years,
            follows,
            result,
        })
    }

    /// The reporting date the years are counted back from.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Last year's revision (its date and commit); `None` when git holds none.
    pub fn last_year(&self) -> Option<&Baseline> {
        self.years.first()?.as_ref()
    }

    /// Last year's result (its last revision), with this year's keys that
    /// follow one of its items under another key.
    pub(super) fn result_revision(&self) -> Option<(&Baseline, &HashMap<String, String>)> {
        self.result
            .as_ref()
            .map(|(baseline, follows)| (baseline, follows))
    }

    /// The item's figure of the same period last year; `None`: no figure.
    pub fn item(&self, campaign: &Campaign, item: Item) -> Option<YearAgo> {
        self.year(1, campaign, item)
    }

    /// The item's result of last year: its figure in the last revision of
    /// that year, else the file's own last point of that year (marked as
    /// from the file); `None` when neither holds one.
    pub fn last_result(&self, campaign: &Campaign, item: Item) -> Option<YearAgo> {
        self.committed_result(campaign, item).or_else(|| {
            let year = self.as_of.year() - 1;
            let end = NaiveDate::from_ymd_opt(year, 12, 31)?;
            let before = NaiveDate::from_ymd_opt(year - 1, 12, 31)?;
            written_point(campaign, item, before, end)
        })
    }

    fn committed_result(&self, campaign: &Campaign, item: Item) -> Option<YearAgo> {
        let (baseline, follows) = self.result.as_ref()?;
        let key = own_key(campaign, item)?;
        let key = follows.get(&key).unwrap_or(&key);
        let previous = baseline.previous(key)?;
        same_kind(previous.figure, current_figure(campaign, item)?).then_some(YearAgo {
            as_of: baseline.as_of,
            source: YearSource::Commit(baseline.commit.clone()?),
            figure: previous.figure,
            at_least: previous.at_least,
            assumed: false,
        })
    }

    /// The mean of its numeric figures of the three years before, each
    /// within its own year; `None` unless all three are there.
    pub fn mean(&self, campaign: &Campaign, item: Item) -> Option<YearsMean> {
        let mut years = Vec::with_capacity(MEAN_YEARS);
        for back in 1..=MEAN_YEARS as u32 {
            let year = self.year(back, campaign, item)?;
            // A revision older than its year would count twice.
            if year.as_of <= years_before(self.as_of, back + 1) {
                return None;
            }
            years.push(year);
        }
        let numbers: Option<Vec<f64>> = years.iter().map(|y| amount(y.figure)).collect();
        let numbers = numbers?;
        let mean = numbers.iter().sum::<f64>() / numbers.len() as f64;
        mean.is_finite().then_some(YearsMean { mean, years })
    }

    /// The figure `back` years before: the revision's own, else the file's
    /// point of that year.
    fn year(&self, back: u32, campaign: &Campaign, item: Item) -> Option<YearAgo> {
        let key = own_key(campaign, item)?;
        let current = current_figure(campaign, item)?;
        let follows = self.follows.get(back as usize - 1)?;
        let key = follows.get(&key).unwrap_or(&key);
        let from_commit = self.years.get(back as usize - 1)?.as_ref().and_then(|b| {
            let previous = b.previous(key)?;
            let commit = b.commit.clone()?;
            same_kind(previous.figure, current).then_some(YearAgo {
                as_of: b.as_of,
                source: YearSource::Commit(commit),
                figure: previous.figure,
                at_least: previous.at_least,
                assumed: false,
            })
        });
        from_commit.or_else(|| {
            let day = years_before(self.as_of, back);
            written_point(campaign, item, years_before(self.as_of, back + 1), day)
        })
    }
}

/// The last day of the year before `as_of`'s: last year's result is the
/// newest revision reporting on or before it.
pub fn last_years_end(as_of: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(as_of.year() - 1, 12, 31).unwrap_or(as_of)
}

/// Last year's revisions the year view pairs with, each with its plan
/// loaded whole: the same period last year, then last year's result (when
/// it is another revision). What a `follows` naming nothing of this year's
/// file is looked for in (`super::follows`): a plan opened early in the
/// year names last year's items as they stood at its end, which the same
/// day last year may not hold yet. At most two revisions are loaded, never
/// every one; none when git holds no valid revision by last year's end.
pub fn last_years_plans(
    history: &History,
    as_of: NaiveDate,
) -> Result<Vec<(Baseline, Plan)>, HistoryError> {
    let same_day = at_day(history, years_before(as_of, 1))?;
    let result = at_day(history, last_years_end(as_of))?;
    let mut plans: Vec<(Baseline, Plan)> = Vec::with_capacity(2);
    for baseline in [same_day, result].into_iter().flatten() {
        let Some(index) = baseline.revision else {
            continue;
        };
        if plans.iter().any(|(b, _)| b.revision == Some(index)) {
            continue;
        }
        let options = crate::load::Options {
            as_of: None,
            today: baseline.as_of,
        };
        if let Some(document) = history.load(index, options)? {
            plans.push((baseline, document.into_plan()));
        }
    }
    Ok(plans)
}

/// The newest valid committed revision reporting on or before `day`; git
/// holding none is no error here (the file's own points may serve).
fn at_day(history: &History, day: NaiveDate) -> Result<Option<Baseline>, HistoryError> {
    match history.baseline(&Since::Date(day), day) {
        Ok(index) => Ok(index.and_then(|index| Baseline::at(history, index))),
        Err(HistoryError::NothingBefore { .. } | HistoryError::NoCommits { .. }) => Ok(None),
        Err(err) => Err(err),
    }
}

/// The items of `plan` that `follows` one of the baseline's under another
/// key, with that key: `model::pairs` pairs the plan with the baseline's,
/// loaded whole (only when some task follows another: else every pair is
/// by id, and the loading is spared).
fn followed(
    history: &History,
    baseline: &Baseline,
    plan: &Plan,
) -> Result<HashMap<String, String>, HistoryError> {
    let any = plan.campaigns.iter().flat_map(|c| &c.tasks);
    let (true, Some(index)) = (
        any.into_iter().any(|t| t.follows.is_some()),
        baseline.revision,
    ) else {
        return Ok(HashMap::new());
    };
    let options = crate::load::Options {
        as_of: None,
        today: baseline.as_of,
    };
    let Some(document) = history.load(index, options)? else {
        return Ok(HashMap::new());
    };
    let last = document.plan();
    let pairs = pairs::pair(plan, last);
    let by_follows = pairs.pairs.iter().filter(|p| p.by == PairedBy::Follows);
    Ok(by_follows
        .filter_map(|p| {
            let this = pairs::path_of(plan, p.this)?.to_string();
            Some((this, pairs::path_of(last, p.last)?.to_string()))
        })
        .collect())
}

/// The item's own key, `campaign/item`.
fn own_key(campaign: &Campaign, item: Item) -> Option<String> {
    let id = match item {
        Item::Task(i) => &campaign.tasks.get(i)?.id,
        Item::Indicator(i) => &campaign.indicators.get(i)?.id,
    };
    Some(format!("{}/{id}", campaign.id))
}

/// The item's figure as the plan gives it now.
pub fn current_figure(campaign: &Campaign, item: Item) -> Option<Figure> {
    Some(match item {
        Item::Task(i) => Figure::Done(campaign.tasks.get(i)?.done),
        Item::Indicator(i) => Figure::Value(campaign.indicators.get(i)?.value),
    })
}

/// The newest point of the item's `history` array after `after` and on or
/// before `day`.
fn written_point(
    campaign: &Campaign,
    item: Item,
    after: NaiveDate,
    day: NaiveDate,
) -> Option<YearAgo> {
    let within = |date: NaiveDate| date > after && date <= day;
    let (date, figure, assumed) = match item {
        Item::Task(i) => {
            let task = campaign.tasks.get(i)?;
            let point = task.history.iter().rfind(|p| within(p.date))?;
            let assumed = task.assumed.contains(Field::History);
            (point.date, Figure::Done(point.done), assumed)
        }
        Item::Indicator(i) => {
            let indicator = campaign.indicators.get(i)?;
            let point = indicator.history.iter().rfind(|p| within(p.date))?;
            let assumed = indicator.assumed.contains(Field::History);
            (point.date, Figure::Value(point.value), assumed)
        }
    };
    Some(YearAgo {
        as_of: date,
        source: YearSource::File,
        figure,
        // A `history` array gives no qualifier: its points read as written.
        at_least: false,
        assumed,
    })
}

fn same_kind(a: Figure, b: Figure) -> bool {
    matches!(
        (a, b),
        (Figure::Done(_), Figure::Done(_))
            | (
                Figure::Value(Level::Number(_)),
                Figure::Value(Level::Number(_))
            )
            | (
                Figure::Value(Level::WaterClass(_)),
                Figure::Value(Level::WaterClass(_))
            )
    )
}

/// A count or a number; `None` for a water class.
fn amount(figure: Figure) -> Option<f64> {
    match figure {
        Figure::Done(done) => Some(done),
        Figure::Value(Level::Number(value)) => Some(value),
        Figure::Value(Level::WaterClass(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_year_before_29_february_is_the_28th() {
        assert_eq!(years_before(day(2024, 2, 29), 1), day(2023, 2, 28));
        assert_eq!(years_before(day(2024, 2, 29), 4), day(2020, 2, 29));
        assert_eq!(years_before(day(2024, 12, 31), 3), day(2021, 12, 31));
    }
}
