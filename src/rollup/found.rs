//! Finding an item of the manifest (`campaign/item`, in its ids) in one
//! unit's plan, through the manifest's `[alias]` table.

use super::manifest::{By, Manifest};
use super::units::Unit;
use crate::model::{
    Better, Campaign, CampaignStatus, Field, Figure, Item, Level, Qualifiers, WaterClass,
};

/// An item of a unit's plan with its statuses.
#[derive(Clone, Copy, Debug)]
pub struct Found<'u> {
    /// The campaign's index in the unit's plan.
    pub campaign_index: usize,
    pub campaign: &'u Campaign,
    pub status: &'u CampaignStatus,
    pub item: Item,
}

/// The item `key` names (in the manifest's ids) in `unit`: an alias of
/// this unit first, then one for every unit, then the key itself.
pub fn find<'u>(manifest: &Manifest, unit: &'u Unit, key: &str) -> Option<Found<'u>> {
    let (document, status) = (unit.document()?, unit.status()?);
    let own = manifest
        .aliases
        .iter()
        .filter(|alias| alias.to == key && alias.unit.as_deref() == Some(unit.id.as_str()));
    let any = manifest
        .aliases
        .iter()
        .filter(|alias| alias.to == key && alias.unit.is_none());
    let written = own
        .chain(any)
        .map(|alias| alias.from.as_str())
        .chain(std::iter::once(key));
    for written in written {
        let Some((campaign_id, item_id)) = written.split_once('/') else {
            continue;
        };
        let plan = document.plan();
        let Some(campaign_index) = plan.campaigns.iter().position(|c| c.id == campaign_id) else {
            continue;
        };
        let campaign = &plan.campaigns[campaign_index];
        let item = match campaign.tasks.iter().position(|t| t.id == item_id) {
            Some(i) => Item::Task(i),
            None => match campaign.indicators.iter().position(|i| i.id == item_id) {
                Some(i) => Item::Indicator(i),
                None => continue,
            },
        };
        return Some(Found {
            campaign_index,
            campaign,
            status: status.campaigns.get(campaign_index)?,
            item,
        });
    }
    None
}

impl Found<'_> {
    /// A task's done or an indicator's value: what the comparison compares.
    pub fn figure(&self) -> Figure {
        match self.item {
            Item::Task(i) => Figure::Done(self.campaign.tasks[i].done),
            Item::Indicator(i) => Figure::Value(self.campaign.indicators[i].value),
        }
    }

    /// The qualifiers of the item's figure (`approx`).
    pub fn qualifiers(&self) -> &Qualifiers {
        match self.item {
            Item::Task(i) => &self.campaign.tasks[i].qualifiers,
            Item::Indicator(i) => &self.campaign.indicators[i].qualifiers,
        }
    }

    /// Whether the item's figure is a lower bound (`approx`): 90余.
    pub fn at_least(&self) -> bool {
        self.qualifiers().at_least()
    }

    /// The item's level as one number to rank by: an indicator's value
    /// (a water class by its place, I = 1 … 劣V = 6), a task's fraction done
    /// (its done when it has no total).
    pub fn level(&self) -> f64 {
        match self.item {
            Item::Task(i) => {
                let task = &self.campaign.tasks[i];
                task.total.map_or(task.done, |total| task.done / total)
            }
            Item::Indicator(i) => match self.campaign.indicators[i].value {
                Level::Number(value) => value,
                Level::WaterClass(class) => class_place(class),
            },
        }
    }

    /// Whether the figure ranked `by` rests on an assumed value: the level
    /// on the done and total (a task) or the value (an indicator); the
    /// change, as every change is marked, on the figure now.
    pub fn assumed(&self, by: By) -> bool {
        match self.item {
            Item::Task(i) => {
                let task = &self.campaign.tasks[i];
                let rests_on: &[Field] = match (by, task.total) {
                    (By::Value, Some(_)) => &[Field::Done, Field::Total],
                    _ => &[Field::Done],
                };
                task.assumed.any(rests_on)
            }
            Item::Indicator(i) => self.campaign.indicators[i].assumed.contains(Field::Value),
        }
    }

    /// Which way is better: an indicator's `better` (a water class: lower),
    /// a task's: higher. `None`: an indicator that does not say.
    pub fn better(&self) -> Option<Better> {
        match self.item {
            Item::Task(_) => Some(Better::Higher),
            Item::Indicator(i) => {
                let indicator = &self.campaign.indicators[i];
                match indicator.value {
                    Level::WaterClass(_) => Some(Better::Lower),
                    Level::Number(_) => indicator.better,
                }
            }
        }
    }
}

/// A water class's place from the best: I = 1 … 劣V = 6.
pub fn class_place(class: WaterClass) -> f64 {
    let place = WaterClass::ALL
        .iter()
        .position(|c| *c == class)
        .unwrap_or(0);
    (place + 1) as f64
}
