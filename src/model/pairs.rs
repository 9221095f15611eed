//! Pairs across years: each item of this year's plan beside the item of
//! last year's it continues, and what stands alone on either side.
//!
//! An item pairs with last year's item of the same campaign and id and of
//! the same kind; a task that `follows` another item of last year's plan
//! pairs with that one instead, since its author said so (the shipped
//! plan's remaining 3 black-odorous water bodies continue 2024's 7, under
//! another id). Several of this year's items may continue one of last
//! year's; an item of last year's has ended when none continues it and
//! this year's plan has no item of its path.

use std::collections::{HashMap, HashSet};

use super::{Campaign, Item, ItemPath, Plan};

/// An item by its place in its plan: the campaign's index and the item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ItemAt {
    pub campaign: usize,
    pub item: Item,
}

/// How a pair was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairedBy {
    /// The same campaign id, item id and kind.
    Id,
    /// This year's task `follows` last year's item.
    Follows,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The item in this year's plan.
    pub this: ItemAt,
    /// The item in last year's plan it continues.
    pub last: ItemAt,
    pub by: PairedBy,
}

/// Every item of both plans, each in one place: paired, new or ended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairs {
    /// In this year's plan's order.
    pub pairs: Vec<Pair>,
    /// This year's items that continue nothing of last year's.
    pub new: Vec<ItemAt>,
    /// Last year's items that nothing of this year's continues.
    pub ended: Vec<ItemAt>,
}

impl Pairs {
    /// The item of last year's plan that `this` continues, if any.
    pub fn last_of(&self, this: ItemAt) -> Option<&Pair> {
        self.pairs.iter().find(|pair| pair.this == this)
    }
}

/// Pairs the items of `this` year's plan with those of `last` year's.
pub fn pair(this: &Plan, last: &Plan) -> Pairs {
    let last_places = places(last);
    let mut out = Pairs::default();
    let mut continued = HashSet::new();
    for (c, campaign) in this.campaigns.iter().enumerate() {
        for item in items_of(campaign) {
            let at = ItemAt { campaign: c, item };
            let follows = match item {
                Item::Task(t) => campaign.tasks[t].follows.as_ref(),
                Item::Indicator(_) => None,
            };
            let own = path_of(this, at);
            let by_follows = follows
                .filter(|path| Some(*path) != own.as_ref())
                .and_then(|path| last_places.get(path))
                .map(|&last| (last, PairedBy::Follows));
            let by_id = || {
                own.as_ref()
                    .and_then(|path| last_places.get(path))
                    .filter(|last| same_kind(last.item, item))
                    .map(|&last| (last, PairedBy::Id))
            };
            match by_follows.or_else(by_id) {
                Some((last, by)) => {
                    continued.insert(last);
                    out.pairs.push(Pair { this: at, last, by });
                }
                None => out.new.push(at),
            }
        }
    }
    // Last year's item whose path this year's plan still holds goes on
    // under it, even when that item pairs with another by `follows`.
    let kept = places(this);
    out.ended = every_item(last)
        .filter(|at| !continued.contains(at))
        .filter(|&at| {
            let same = path_of(last, at).and_then(|path| kept.get(&path).copied());
            !same.is_some_and(|this| same_kind(this.item, at.item))
        })
        .collect();
    out
}

/// `campaign/item` of an item of `plan`.
pub fn path_of(plan: &Plan, at: ItemAt) -> Option<ItemPath> {
    let campaign = plan.campaigns.get(at.campaign)?;
    let key = at.item.key(campaign)?;
    Some(ItemPath::new(&campaign.id, &key.id))
}

fn same_kind(a: Item, b: Item) -> bool {
    matches!(
        (a, b),
        (Item::Task(_), Item::Task(_)) | (Item::Indicator(_), Item::Indicator(_))
    )
}

/// Where each item of `plan` is, by its path.
fn places(plan: &Plan) -> HashMap<ItemPath, ItemAt> {
    every_item(plan)
        .filter_map(|at| Some((path_of(plan, at)?, at)))
        .collect()
}

fn every_item(plan: &Plan) -> impl Iterator<Item = ItemAt> + '_ {
    plan.campaigns
        .iter()
        .enumerate()
        .flat_map(|(c, campaign)| items_of(campaign).map(move |item| ItemAt { campaign: c, item }))
}

/// A campaign's indicators, then its tasks.
fn items_of(campaign: &Campaign) -> impl Iterator<Item = Item> + use<> {
    let indicators = (0..campaign.indicators.len()).map(Item::Indicator);
    indicators.chain((0..campaign.tasks.len()).map(Item::Task))
}

#[cfg(test)]
#[path = "pairs_tests.rs"]
mod tests;
