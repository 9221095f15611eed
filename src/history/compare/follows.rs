//! `follows` checked against last year's revisions (contract 3): a task's
//! `follows` must name a task of this file or an item of the revision of
//! the same period last year or of last year's result
//! ([`super::year::last_years_plans`] finds them, by the rule the
//! year-on-year comparison pairs with). The loader alone has no history, so
//! it leaves a `follows` naming nothing of its own file as written; here
//! such a one is an error only when last year's revisions do not hold it
//! either, and a chain that runs through last year's plan back to where it
//! started is a warning.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;

use super::{Baseline, last_years_end, last_years_plans};
use crate::history::{History, HistoryError};
use crate::load::{Diagnostic, Document, Words, did_you_mean, did_you_mean_help, tree};
use crate::model::{ItemPath, Plan};

/// One of last year's revisions, loaded whole.
#[derive(Clone, Copy, Debug)]
pub struct Revision<'p> {
    pub as_of: NaiveDate,
    /// Its commit's first digits.
    pub commit: &'p str,
    pub plan: &'p Plan,
}

/// What last year's revisions could be looked in.
#[derive(Clone, Debug)]
pub enum LastYear<'p> {
    /// The same period last year, then last year's result: one or two
    /// revisions, oldest first.
    Found(Vec<Revision<'p>>),
    /// The file is not in git: there is no history to look in.
    NotInGit,
    /// Git holds no valid revision reporting on or before this day (last
    /// year's last).
    NoneBy(NaiveDate),
}

/// Last year's revisions as read from git, owned, for a caller that keeps
/// them (the screen checks each new document against them): the one way
/// a [`LastYear`] is built.
#[derive(Debug)]
pub enum LastYearPlans {
    /// The same period last year, then last year's result, each loaded whole.
    Found(Vec<(Baseline, Plan)>),
    NotInGit,
    NoneBy(NaiveDate),
}

impl LastYearPlans {
    /// Last year's revisions for a file reporting on `as_of` (at most two
    /// plans loaded).
    pub fn read(history: &History, as_of: NaiveDate) -> Result<LastYearPlans, HistoryError> {
        let found = last_years_plans(history, as_of)?;
        Ok(if found.is_empty() {
            LastYearPlans::NoneBy(last_years_end(as_of))
        } else {
            LastYearPlans::Found(found)
        })
    }

    /// What [`check`] looks in.
    pub fn last_year(&self) -> LastYear<'_> {
        match self {
            LastYearPlans::Found(found) => LastYear::Found(
                found
                    .iter()
                    .map(|(baseline, plan)| Revision {
                        as_of: baseline.as_of,
                        commit: baseline.short(),
                        plan,
                    })
                    .collect(),
            ),
            LastYearPlans::NotInGit => LastYear::NotInGit,
            LastYearPlans::NoneBy(day) => LastYear::NoneBy(*day),
        }
    }
}

/// The `follows` of `plan` that name no task of it, as (task, named), in
/// the plan's order: what only last year's revision can resolve.
pub fn unresolved(plan: &Plan) -> Vec<(ItemPath, ItemPath)> {
    let tasks = task_paths(plan);
    links(plan)
        .filter(|(_, named)| !tasks.contains(*named))
        .map(|(owner, named)| (owner, named.clone()))
        .collect()
}

/// The problems of `document`'s `follows` that name no task of it: an
/// error for each that `last` year's revision does not hold either (or
/// that cannot be looked for there), a warning for each loop through last
/// year's plan. Nothing, and no parse, when every `follows` names a task
/// of the file.
pub fn check(document: &Document, last: &LastYear<'_>) -> Vec<Diagnostic> {
    let plan = document.plan();
    let unresolved = unresolved(plan);
    if unresolved.is_empty() {
        return Vec::new();
    }
    let spans = follows_spans(document.text());
    let span_of = |owner: &ItemPath| spans.get(owner).cloned().unwrap_or(0..0);
    let mut problems = Vec::new();
    let revisions: &[Revision<'_>] = match last {
        LastYear::Found(revisions) => revisions,
        _ => &[],
    };
    let held: HashSet<ItemPath> = revisions.iter().flat_map(|r| item_paths(r.plan)).collect();
    let mut known: Vec<String> = task_paths(plan).iter().map(ItemPath::to_string).collect();
    known.extend(held.iter().map(ItemPath::to_string));
    known.sort();
    known.dedup();
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    for (owner, named) in &unresolved {
        if !held.contains(named) {
            problems.push(names_nothing(named, span_of(owner), &known, last));
        }
    }
    if !revisions.is_empty() {
        for (owner, chain) in loops_across(plan, revisions) {
            problems.push(loops(&chain, span_of(&owner)));
        }
    }
    problems.sort_by_key(|d| d.span.start);
    problems
}

/// The tables of an array of tables (`[[campaign]]`, `[[campaign.task]]`).
fn tables<'a, 'i>(value: Option<tree::Value<'a, 'i>>) -> Vec<tree::Table<'a, 'i>> {
    let Some(tree::Item::Array(array)) = value.map(|v| v.item()) else {
        return Vec::new();
    };
    array
        .iter()
        .filter_map(|v| match v.item() {
            tree::Item::Table(table) => Some(table),
            _ => None,
        })
        .collect()
}

/// Where each task's `follows` value is written, by the task's path: read
/// off the file's syntax tree (only when some `follows` needs it).
fn follows_spans(text: &str) -> HashMap<ItemPath, Range<usize>> {
    // The loader reads past a byte-order mark and counts from the file's start.
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let shift = text.len() - body.len();
    let mut spans = HashMap::new();
    let Ok(parsed) = tree::parse(body) else {
        return spans;
    };
    let string = |table: &tree::Table<'_, '_>, key: &str| match table.get(key)?.item() {
        tree::Item::String(text) => Some(text.to_owned()),
        _ => None,
    };
    let tree::Item::Table(root) = parsed.root().item() else {
        return spans;
    };
    for campaign in tables(root.get("campaign")) {
        let Some(campaign_id) = string(&campaign, "id") else {
            continue;
        };
        for task in tables(campaign.get("task")) {
            if let (Some(id), Some(follows)) = (string(&task, "id"), task.get("follows")) {
                let span = follows.span();
                let span = span.start + shift..span.end + shift;
                spans.insert(ItemPath::new(&campaign_id, &id), span);
            }
        }
    }
    spans
}

fn names_nothing(
    named: &ItemPath,
    span: Range<usize>,
    known: &[&str],
    last: &LastYear<'_>,
) -> Diagnostic {
    let written = named.to_string();
    let message = match last {
        LastYear::Found(revisions) => {
            let en: Vec<String> = revisions
                .iter()
                .map(|r| format!("{}, {}", r.as_of, r.commit))
                .collect();
            let zh: Vec<String> = revisions
                .iter()
                .map(|r| format!("{}，{}", r.as_of, r.commit))
                .collect();
            let plural = if revisions.len() > 1 { "s" } else { "" };
            Words::new(
                format!(
                    "`follows` names `{written}`, which is no task of this file \
                     nor an item of last year's revision{plural} ({})",
                    en.join("; ")
                ),
                format!(
                    "`follows` 所指的 `{written}` 不是本文件中的任务，\
                     也不是上年版本（{}）中的事项",
                    zh.join("；")
                ),
            )
        }
        LastYear::NotInGit => Words::new(
            format!(
                "`follows` names `{written}`, which is no task of this file; \
                 no last-year revision was found to look in (the file is not in git)"
            ),
            format!(
                "`follows` 所指的 `{written}` 不是本文件中的任务；\
                 未找到上年的版本可查（文件不在 git 中）"
            ),
        ),
        LastYear::NoneBy(day) => Words::new(
            format!(
                "`follows` names `{written}`, which is no task of this file; \
                 no last-year revision was found to look in (none reports on or before {day})"
            ),
            format!(
                "`follows` 所指的 `{written}` 不是本文件中的任务；\
                 未找到上年的版本可查（没有报告日期在 {day} 或之前的版本）"
            ),
        ),
    };
    let diagnostic = Diagnostic::error(
        span,
        message,
        Words::new("names nothing", "指向不存在的任务"),
    );
    match did_you_mean(&written, known) {
        Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
        None => diagnostic.with_help(Words::new(
            "name a task as campaign/item, e.g. \"clean-soil/black-odorous-2024\"",
            "以“攻坚战/任务”指明任务，如 \"clean-soil/black-odorous-2024\"",
        )),
    }
}

fn loops(chain: &[ItemPath], span: Range<usize>) -> Diagnostic {
    let shown: Vec<String> = chain.iter().map(ItemPath::to_string).collect();
    let shown = shown.join(" → ");
    Diagnostic::warning(
        span,
        Words::new(
            format!("`follows` goes round in a loop through last year's revision: {shown}"),
            format!("`follows` 经上年同期版本形成循环：{shown}"),
        ),
        Words::new("a loop", "循环"),
    )
}

/// The loops of `follows` that run through last year's plans: from a task
/// of this file through items only last year's plans hold (each step is
/// this file's link where it has the task, else last year's result's, else
/// the same period's), back to the task. Each loop once, at its first task
/// of this file in path order; a loop within this file alone is the
/// loader's warning.
fn loops_across(this: &Plan, last: &[Revision<'_>]) -> Vec<(ItemPath, Vec<ItemPath>)> {
    let here = task_paths(this);
    let mut next: HashMap<ItemPath, ItemPath> = last
        .iter()
        .flat_map(|r| links(r.plan))
        .filter(|(owner, _)| !here.contains(owner))
        .map(|(owner, named)| (owner, named.clone()))
        .collect();
    next.extend(links(this).map(|(owner, named)| (owner, named.clone())));
    let mut found = Vec::new();
    for (owner, _) in links(this) {
        let mut chain = vec![owner.clone()];
        let mut at = &next[&owner];
        while *at != owner && !chain.contains(at) {
            chain.push(at.clone());
            match next.get(at) {
                Some(step) => at = step,
                None => break,
            }
        }
        let first_here = chain.iter().filter(|p| here.contains(*p)).min();
        let through_last = chain.iter().any(|p| !here.contains(p));
        if *at == owner && chain.len() > 1 && through_last && first_here == Some(&owner) {
            chain.push(owner.clone());
            found.push((owner, chain));
        }
    }
    found
}

/// Every (task, named) of a plan's `follows`.
fn links(plan: &Plan) -> impl Iterator<Item = (ItemPath, &ItemPath)> {
    plan.campaigns.iter().flat_map(|c| {
        c.tasks
            .iter()
            .filter_map(move |t| Some((ItemPath::new(&c.id, &t.id), t.follows.as_ref()?)))
    })
}

fn task_paths(plan: &Plan) -> HashSet<ItemPath> {
    plan.campaigns
        .iter()
        .flat_map(|c| c.tasks.iter().map(|t| ItemPath::new(&c.id, &t.id)))
        .collect()
}

/// Every task's and indicator's path: last year's item may be either
/// (`model::pairs` pairs a `follows` with either).
fn item_paths(plan: &Plan) -> HashSet<ItemPath> {
    let indicators = plan
        .campaigns
        .iter()
        .flat_map(|c| c.indicators.iter().map(|i| ItemPath::new(&c.id, &i.id)));
    task_paths(plan).into_iter().chain(indicators).collect()
}

#[cfg(test)]
#[path = "follows_tests.rs"]
mod tests;
