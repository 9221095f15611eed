//! What stands alone across the years: last year's items that nothing of
//! this year's plan continues (ended), and this year's that continue
//! nothing of last year's (new), against last year's result. Paired as the
//! year view pairs them: by key, or by the key a `follows` names there.

use std::collections::HashSet;

use super::{Baseline, YearOnYear};
use crate::model::{Item, Plan};

impl YearOnYear {
    /// Last year's result: its last valid revision, reporting on or before
    /// 31 December; `None` when git holds none.
    pub fn result(&self) -> Option<&Baseline> {
        self.result_revision().map(|(baseline, _)| baseline)
    }

    /// Last year's items (`campaign/item`, in the revision's order) that no
    /// item of `plan` continues, by its key or its `follows`; `None` when git
    /// holds no revision of last year's result.
    pub fn ended(&self, plan: &Plan) -> Option<Vec<String>> {
        let (baseline, follows) = self.result_revision()?;
        let kept: HashSet<String> = keys(plan).collect();
        let continued: HashSet<&str> = follows.values().map(String::as_str).collect();
        let mut ended: Vec<(&str, usize)> = baseline
            .items()
            .filter(|(key, _, _)| !kept.contains(*key) && !continued.contains(key))
            .map(|(key, place, _)| (key, place))
            .collect();
        ended.sort_by_key(|&(_, place)| place);
        Some(ended.into_iter().map(|(key, _)| key.to_owned()).collect())
    }

    /// This year's items (`campaign/item`, in the plan's order) that
    /// continue nothing of last year's result; `None` when git holds no
    /// revision of it.
    pub fn new_items(&self, plan: &Plan) -> Option<Vec<String>> {
        let (baseline, follows) = self.result_revision()?;
        let new = keys(plan).filter(|key| {
            let there = follows.get(key).unwrap_or(key);
            baseline.previous(there).is_none()
        });
        Some(new.collect())
    }
}

/// Every item's key in the plan's order: a campaign's tasks, then its
/// indicators.
fn keys(plan: &Plan) -> impl Iterator<Item = String> + '_ {
    plan.campaigns.iter().flat_map(|campaign| {
        let tasks = (0..campaign.tasks.len()).map(Item::Task);
        let indicators = (0..campaign.indicators.len()).map(Item::Indicator);
        tasks.chain(indicators).filter_map(move |item| {
            let key = item.key(campaign)?;
            Some(format!("{}/{}", campaign.id, key.id))
        })
    })
}
