//! What a filter or a search matches: an item whose id, name, unit or
//! status word (in either language) contains the text typed, ignoring case.
//! One rule for the campaign view's filter and the search across campaigns.

use crate::i18n::status_word;
use crate::model::attention::{self, Attention};
use crate::model::{Campaign, CampaignStatus, Item, Lang, Plan, PlanStatus, Status, Text};

/// The text typed, trimmed and lower-cased once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    needle: String,
}

impl Query {
    /// `None` for blank text: it matches everything and filters nothing.
    pub fn new(text: &str) -> Option<Query> {
        let needle = text.trim().to_lowercase();
        (!needle.is_empty()).then_some(Query { needle })
    }

    pub fn matches(&self, campaign: &Campaign, status: &CampaignStatus, item: Item) -> bool {
        let (id, name, unit, state) = match item {
            Item::Task(i) => {
                let Some(task) = campaign.tasks.get(i) else {
                    return false;
                };
                let state = status.tasks.get(i).map(|s| s.status);
                (&task.id, &task.name, task.unit.as_ref(), state)
            }
            Item::Indicator(i) => {
                let Some(indicator) = campaign.indicators.get(i) else {
                    return false;
                };
                let state = status.indicators.get(i).map(|s| s.status);
                (
                    &indicator.id,
                    &indicator.name,
                    indicator.unit.as_ref(),
                    state,
                )
            }
        };
        self.found_in(id)
            || self.in_both(name)
            || unit.is_some_and(|unit| self.in_both(unit))
            || state.is_some_and(|state| self.in_status(state))
    }

    fn in_both(&self, text: &Text) -> bool {
        self.found_in(text.get(Lang::Zh)) || self.found_in(text.get(Lang::En))
    }

    /// `behind`, `on-track`, 滞后, 正常推进: the word as the list shows it.
    fn in_status(&self, status: Status) -> bool {
        self.found_in(status_word(status, Lang::En)) || self.found_in(status_word(status, Lang::Zh))
    }

    fn found_in(&self, hay: &str) -> bool {
        contains_folded(hay, &self.needle)
    }
}

/// Every item of the plan that matches, campaign by campaign in the file's
/// order, as rows of a list across campaigns.
pub fn search(plan: &Plan, status: &PlanStatus, query: &Query) -> Vec<Attention> {
    let mut found = Vec::new();
    for (index, (campaign, state)) in plan.campaigns.iter().zip(&status.campaigns).enumerate() {
        let tasks = (0..campaign.tasks.len()).map(Item::Task);
        let indicators = (0..campaign.indicators.len()).map(Item::Indicator);
        found.extend(
            tasks
                .chain(indicators)
                .filter(|item| query.matches(campaign, state, *item))
                .filter_map(|item| attention::row(index, state, item)),
        );
    }
    found
}

/// Whether `hay` contains `needle` (already lower-case), ignoring case.
/// An ASCII needle is compared in place without allocating: in UTF-8 its
/// bytes can only match ASCII characters.
fn contains_folded(hay: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
        return needle.is_empty()
            || hay
                .windows(needle.len())
                .any(|window| window.eq_ignore_ascii_case(needle));
    }
    // Lower-casing allocates: only text that has upper case needs it.
    if hay.chars().any(char::is_uppercase) {
        hay.to_lowercase().contains(needle)
    } else {
        hay.contains(needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_ignores_case_in_ascii_and_beyond() {
        assert!(contains_folded("Yangtze Outfalls", "outfall"));
        assert!(contains_folded("yangtze-outfalls", "yangtze-"));
        assert!(!contains_folded("Yangtze", "yangtzee"));
        assert!(contains_folded("长江入河排污口整治", "排污口"));
        assert!(contains_folded("ÉCOLE", "école"));
        assert!(contains_folded("abc", ""));
    }

    #[test]
    fn blank_text_is_no_query() {
        assert_eq!(Query::new("  "), None);
        assert!(Query::new(" PM2.5 ").is_some());
    }
}
