//! One task or indicator of a campaign, by its place in the campaign: what a
//! list row, the attention list and a jump point at.

use super::{Campaign, CampaignStatus, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Task(usize),
    Indicator(usize),
}

/// What identifies an item across reloads: its kind and its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemKey {
    pub task: bool,
    pub id: String,
}

impl Item {
    pub fn key(self, campaign: &Campaign) -> Option<ItemKey> {
        match self {
            Item::Task(i) => campaign.tasks.get(i).map(|t| ItemKey {
                task: true,
                id: t.id.clone(),
            }),
            Item::Indicator(i) => campaign.indicators.get(i).map(|ind| ItemKey {
                task: false,
                id: ind.id.clone(),
            }),
        }
    }

    /// Whether this is the item `key` names (without copying its id).
    pub fn has_key(self, campaign: &Campaign, key: &ItemKey) -> bool {
        match self {
            Item::Task(i) => key.task && campaign.tasks.get(i).is_some_and(|t| t.id == key.id),
            Item::Indicator(i) => {
                !key.task
                    && campaign
                        .indicators
                        .get(i)
                        .is_some_and(|ind| ind.id == key.id)
            }
        }
    }

    pub fn status(self, status: &CampaignStatus) -> Status {
        match self {
            Item::Task(i) => status.tasks.get(i).map_or(Status::Count, |s| s.status),
            Item::Indicator(i) => status
                .indicators
                .get(i)
                .map_or(Status::NoTarget, |s| s.status),
        }
    }

    /// Whether the item's status rests on a value the source does not give.
    pub fn status_assumed(self, status: &CampaignStatus) -> bool {
        match self {
            Item::Task(i) => status.tasks.get(i).is_some_and(|s| s.status_assumed),
            Item::Indicator(i) => status.indicators.get(i).is_some_and(|s| s.status_assumed),
        }
    }
}
