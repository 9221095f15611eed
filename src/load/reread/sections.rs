//! Where each part of a plan is written: `[meta]`, each campaign, and each
//! campaign's tasks and indicators, noted at every load for the re-read.

use std::ops::Range;

use super::change::shift;
use crate::load::tree;

/// Where `[meta]`, each campaign and each of their items is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sections {
    /// `[meta]`, when it is written as a section.
    pub meta: Option<Range<usize>>,
    /// Each campaign's section: the `[` of its header to the start of the
    /// next top-level section. Empty when a campaign is not written as a
    /// `[[campaign]]` section of its own.
    pub campaigns: Vec<Range<usize>>,
    /// The items' sections, in file order, of the campaigns whose items are
    /// all written as sections of their own.
    pub items: Vec<ItemSection>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemSection {
    pub range: Range<usize>,
    pub campaign: usize,
    pub kind: ItemKind,
    /// Its place among the campaign's tasks, or among its indicators.
    pub index: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Task,
    Indicator,
}

impl Sections {
    /// The same sections in a text that has `by` more bytes in front.
    pub(crate) fn shifted(mut self, by: usize) -> Sections {
        self.move_from(0, by as isize);
        self
    }

    /// Moves every boundary at or after `offset` by `delta` bytes.
    pub(super) fn move_from(&mut self, offset: usize, delta: isize) {
        let moved = |range: &mut Range<usize>| {
            if range.start >= offset {
                range.start = shift(range.start, delta);
            }
            if range.end >= offset {
                range.end = shift(range.end, delta);
            }
        };
        self.meta.iter_mut().for_each(moved);
        self.campaigns.iter_mut().for_each(moved);
        self.items
            .iter_mut()
            .for_each(|item| moved(&mut item.range));
    }

    /// The places in `items` of campaign `index`'s items.
    pub(crate) fn items_of(&self, index: usize) -> Range<usize> {
        let from = self.items.partition_point(|item| item.campaign < index);
        let to = self.items.partition_point(|item| item.campaign <= index);
        from..to
    }
}

/// The sections of a parsed text of `len` bytes.
pub(crate) fn sections(tree: &tree::Tree<'_>, len: usize) -> Sections {
    let starts = tree.section_starts();
    let section_at = |start: usize| {
        let at = starts.binary_search_by_key(&start, |&s| s as usize).ok()?;
        Some(start..starts.get(at + 1).map_or(len, |&next| next as usize))
    };
    let tree::Item::Table(root) = tree.root().item() else {
        return Sections::default();
    };
    let mut sections = Sections {
        meta: root
            .get("meta")
            .and_then(|meta| section_at(meta.span().start)),
        ..Sections::default()
    };
    let Some(tree::Item::Array(list)) = root.get("campaign").map(|list| list.item()) else {
        return sections;
    };
    for (index, campaign) in list.iter().enumerate() {
        let Some(section) = section_at(campaign.span().start) else {
            return Sections::default();
        };
        let items = item_sections(tree, campaign, index, section.clone());
        sections.items.extend(items.unwrap_or_default());
        sections.campaigns.push(section);
    }
    // Every section is `[meta]` or a campaign's: a `[meta.title]` after
    // the campaigns would be part of `[meta]` that its section does not hold.
    if starts.len() != sections.campaigns.len() + usize::from(sections.meta.is_some()) {
        return Sections::default();
    }
    sections
}

/// The sections of one campaign's items (`campaign` is its table, written
/// in `section`), if each has its own and nothing else has one there: in
/// file order, each to the start of the next part.
pub(super) fn item_sections(
    tree: &tree::Tree<'_>,
    campaign: tree::Value<'_, '_>,
    index: usize,
    section: Range<usize>,
) -> Option<Vec<ItemSection>> {
    let campaign_end = section.end;
    let shallow = tree.shallow_starts();
    let tree::Item::Table(table) = campaign.item() else {
        return None;
    };
    let mut items = Vec::new();
    for (key, kind) in [("indicator", ItemKind::Indicator), ("task", ItemKind::Task)] {
        let Some(list) = table.get(key) else {
            continue;
        };
        let tree::Item::Array(list) = list.item() else {
            return None;
        };
        for (place, item) in list.iter().enumerate() {
            let start = item.span().start;
            let at = shallow.binary_search_by_key(&start, |&s| s as usize).ok()?;
            let end = shallow
                .get(at + 1)
                .map_or(campaign_end, |&next| (next as usize).min(campaign_end));
            items.push(ItemSection {
                range: start..end,
                campaign: index,
                kind,
                index: place,
            });
        }
    }
    items.sort_by_key(|item| item.range.start);
    // Any other part (an indicator's history after a task, a
    // `[campaign.name]`) would hold what no item's section holds.
    let from = shallow.partition_point(|&s| (s as usize) < section.start);
    let to = shallow.partition_point(|&s| (s as usize) < section.end);
    let header = campaign.span().start;
    let own = usize::from(
        shallow[from..to]
            .binary_search_by_key(&header, |&s| s as usize)
            .is_ok(),
    );
    (to - from - own == items.len()).then_some(items)
}
