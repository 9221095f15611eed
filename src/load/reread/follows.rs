//! A re-read and `follows`: a part read alone does not check a `follows`
//! against the rest of the plan, so a re-read is taken only when it leaves
//! every `follows` as it was: the same links in the part, every task that
//! one names still there, and no link of the part on a loop (its warning
//! is found by a whole parse only). Anything else is left to a whole parse.

use std::collections::{HashMap, HashSet};

use super::{Patch, Replacement};
use crate::model::{Campaign, ItemPath, Plan, Task};

/// Whether putting `patch` in place could change what the plan's
/// `follows` say, or the warnings about them.
pub(super) fn touches_follows(plan: &Plan, patch: &Patch) -> bool {
    let links: HashMap<ItemPath, &ItemPath> = plan
        .campaigns
        .iter()
        .flat_map(|c| links_of(&c.id, &c.tasks))
        .collect();
    match &patch.replacement {
        Replacement::Meta(_) => false,
        Replacement::Head(index, head) => plan
            .campaigns
            .get(*index)
            .is_none_or(|old| old.id != head.id && (!old.tasks.is_empty() && !links.is_empty())),
        Replacement::Items {
            campaign,
            tasks,
            new_tasks,
            ..
        } => plan.campaigns.get(*campaign).is_none_or(|old| {
            old.tasks.get(tasks.clone()).is_none_or(|run| {
                let before = links_of(&old.id, run).collect();
                let after = links_of(&old.id, new_tasks).collect();
                differs(
                    &links,
                    before,
                    after,
                    paths(&old.id, run),
                    paths(&old.id, new_tasks),
                )
            })
        }),
        Replacement::Campaigns { range, new } => {
            plan.campaigns.get(range.clone()).is_none_or(|run| {
                let before = run.iter().flat_map(|c| links_of(&c.id, &c.tasks)).collect();
                let after = new.iter().flat_map(|c| links_of(&c.id, &c.tasks)).collect();
                differs(&links, before, after, every_path(run), every_path(new))
            })
        }
    }
}

type Links<'p> = Vec<(ItemPath, &'p ItemPath)>;

fn differs(
    all: &HashMap<ItemPath, &ItemPath>,
    before: Links<'_>,
    after: Links<'_>,
    old_tasks: HashSet<ItemPath>,
    new_tasks: HashSet<ItemPath>,
) -> bool {
    if before != after {
        return true;
    }
    let named: HashSet<&ItemPath> = all.values().copied().collect();
    let lost = old_tasks
        .iter()
        .any(|path| named.contains(path) && !new_tasks.contains(path));
    lost || before.iter().any(|(owner, _)| on_a_loop(owner, all))
}

fn links_of<'t>(
    campaign: &str,
    tasks: &'t [Task],
) -> impl Iterator<Item = (ItemPath, &'t ItemPath)> {
    tasks
        .iter()
        .filter_map(move |t| Some((ItemPath::new(campaign, &t.id), t.follows.as_ref()?)))
}

fn paths(campaign: &str, tasks: &[Task]) -> HashSet<ItemPath> {
    tasks
        .iter()
        .map(|t| ItemPath::new(campaign, &t.id))
        .collect()
}

fn every_path(campaigns: &[Campaign]) -> HashSet<ItemPath> {
    campaigns
        .iter()
        .flat_map(|c| paths(&c.id, &c.tasks))
        .collect()
}

/// Whether the links from `owner` come back to it through another task.
fn on_a_loop(owner: &ItemPath, all: &HashMap<ItemPath, &ItemPath>) -> bool {
    let mut at = owner;
    for _ in 0..all.len() {
        match all.get(at) {
            Some(&next) if next == at => return false,
            Some(&next) if next == owner => return true,
            Some(&next) => at = next,
            None => return false,
        }
    }
    false
}
