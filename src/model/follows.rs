//! `follows = "campaign/item"` (contract 3): the item of last year's plan a
//! task continues, named the way `set` names an item.

use std::fmt;

/// An item named across plans by its campaign's id and its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemPath {
    pub campaign: String,
    pub item: String,
}

impl ItemPath {
    pub fn new(campaign: &str, item: &str) -> ItemPath {
        ItemPath {
            campaign: campaign.to_owned(),
            item: item.to_owned(),
        }
    }

    /// `campaign/item`, both ids of `[a-z0-9-]+`; `None` for anything else.
    pub fn parse(text: &str) -> Option<ItemPath> {
        let (campaign, item) = text.split_once('/')?;
        (is_id(campaign) && is_id(item)).then(|| ItemPath::new(campaign, item))
    }
}

impl fmt::Display for ItemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.campaign, self.item)
    }
}

/// The form of an id (the loader checks ids the same way, with its hints).
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_campaign_slash_item_and_writes_it_back() {
        let path = ItemPath::parse("clean-soil/black-odorous-2024").expect("a path");
        assert_eq!(path, ItemPath::new("clean-soil", "black-odorous-2024"));
        assert_eq!(path.to_string(), "clean-soil/black-odorous-2024");
    }

    #[test]
    fn refuses_what_is_not_two_ids() {
        for text in ["", "clean-soil", "/x", "x/", "a/b/c", "Clean/x", "a b/c"] {
            assert_eq!(ItemPath::parse(text), None, "{text:?}");
        }
    }
}
