//! Re-reading what a save changed: when the change lies inside one task's
//! or indicator's section, only that section is parsed and checked again;
//! inside one `[[campaign]]` section, only that campaign. The rest of the
//! plan is kept. At 100 000 tasks a whole parse takes longer than the
//! screen may take to show a change.
//!
//! A campaign's section runs from its `[[campaign]]` header to the next
//! top-level section (or the end of the file); an item's, from its
//! `[[campaign.task]]` or `[[campaign.indicator]]` header to the next
//! header of one or two keys. The bytes before and after the section are
//! unchanged, and a section that parses on its own and ends with a line
//! break ends outside any comment, string or bracket, so the rest of the
//! file reads as it did; a section holding
//! exactly one campaign (or item) and nothing else means in the whole file
//! what it means alone. Anything else (a change across sections, in
//! `[meta]`, a section that now holds a second header of its own, any
//! error, an id that is taken) is left to a wider re-read or a whole parse,
//! which gives the full messages.

use std::ops::Range;

use chrono::NaiveDate;

use super::plan_reader::{OneItem, PlanReader};
use super::{Diagnostic, Loaded, Options, tree};
use crate::model::{Campaign, Indicator, Plan, SourceLine, Task};

/// Where each campaign, task and indicator is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sections {
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
    pub(super) fn shifted(mut self, by: usize) -> Sections {
        for campaign in &mut self.campaigns {
            *campaign = campaign.start + by..campaign.end + by;
        }
        for item in &mut self.items {
            item.range = item.range.start + by..item.range.end + by;
        }
        self
    }
}

/// The sections of a parsed text of `len` bytes.
pub(super) fn sections(tree: &tree::Tree<'_>, len: usize) -> Sections {
    let starts = tree.section_starts();
    let tree::Item::Table(root) = tree.root().item() else {
        return Sections::default();
    };
    let Some(tree::Item::Array(list)) = root.get("campaign").map(|list| list.item()) else {
        return Sections::default();
    };
    let mut sections = Sections::default();
    for (index, campaign) in list.iter().enumerate() {
        let start = campaign.span().start;
        let Ok(at) = starts.binary_search_by_key(&start, |&s| s as usize) else {
            return Sections::default();
        };
        let end = starts.get(at + 1).map_or(len, |&next| next as usize);
        sections.campaigns.push(start..end);
        item_sections(tree, campaign, index, end, &mut sections.items);
    }
    sections
}

/// Appends the sections of one campaign's items, if each has its own.
fn item_sections(
    tree: &tree::Tree<'_>,
    campaign: tree::Value<'_, '_>,
    index: usize,
    campaign_end: usize,
    out: &mut Vec<ItemSection>,
) {
    let shallow = tree.shallow_starts();
    let tree::Item::Table(table) = campaign.item() else {
        return;
    };
    let mut mine = Vec::new();
    for (key, kind) in [("indicator", ItemKind::Indicator), ("task", ItemKind::Task)] {
        let Some(list) = table.get(key) else {
            continue;
        };
        let tree::Item::Array(list) = list.item() else {
            return;
        };
        for (place, item) in list.iter().enumerate() {
            let start = item.span().start;
            let Ok(at) = shallow.binary_search_by_key(&start, |&s| s as usize) else {
                return;
            };
            let end = shallow
                .get(at + 1)
                .map_or(campaign_end, |&next| (next as usize).min(campaign_end));
            mine.push(ItemSection {
                range: start..end,
                campaign: index,
                kind,
                index: place,
            });
        }
    }
    mine.sort_by_key(|item| item.range.start);
    out.extend(mine);
}

/// What a re-read needs from the last load besides its text and its plan:
/// the diagnostics (warnings only: a load with errors has no plan to keep)
/// and where each campaign and item is.
#[derive(Clone, Debug)]
pub struct Baseline {
    diagnostics: Vec<Diagnostic>,
    sections: Sections,
    options: Options,
}

/// What a re-read changed: put it in place with [`CampaignPatch::apply`].
#[derive(Debug)]
pub struct CampaignPatch {
    /// The campaign changed.
    pub index: usize,
    pub replacement: Replacement,
    /// How many lines the change added (or, negative, removed): the lines
    /// recorded after it move by as much.
    pub line_delta: isize,
    /// The warnings of the whole file after the change.
    pub warnings: usize,
}

#[derive(Debug)]
pub enum Replacement {
    Campaign(Campaign),
    /// The campaign's task at this place.
    Task(usize, Task),
    Indicator(usize, Indicator),
}

impl Baseline {
    /// What the load of a text leaves for the next re-read, if it gave a
    /// plan whose campaigns are all `[[campaign]]` sections.
    pub fn new(loaded: &Loaded, options: Options) -> Option<Baseline> {
        let plan = loaded.plan.as_ref()?;
        let campaigns = loaded.sections.campaigns.len();
        if campaigns != plan.campaigns.len() || campaigns == 0 {
            return None;
        }
        Some(Baseline {
            diagnostics: loaded.diagnostics.clone(),
            sections: loaded.sections.clone(),
            options,
        })
    }

    /// Every diagnostic of the text last read, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Where things are in the text last read.
    pub fn sections(&self) -> &Sections {
        &self.sections
    }

    /// Where the campaign `id` of `plan` is written in the text last read.
    pub fn section_of(&self, plan: &Plan, id: &str) -> Option<Range<usize>> {
        let index = plan.campaigns.iter().position(|c| c.id == id)?;
        self.sections.campaigns.get(index).cloned()
    }

    /// Re-reads what `new` changes from `old`: `old` is the text this
    /// baseline describes (made from, or last re-read) and `plan` its plan.
    /// `None` when the change needs a whole parse; the baseline is then
    /// unchanged.
    pub fn reread(&mut self, plan: &Plan, old: &str, new: &str) -> Option<CampaignPatch> {
        let change = Change::between(old, new)?;
        let index = last_starting_before(&self.sections.campaigns, change.start, |r| r.start)?;
        let section = self.sections.campaigns[index].clone();
        if change.old_end > section.end || plan.campaigns.len() != self.sections.campaigns.len() {
            return None;
        }
        let as_of = plan.as_of(self.options.as_of, self.options.today);
        let item = last_starting_before(&self.sections.items, change.start, |i| i.range.start)
            .filter(|&i| {
                let item = &self.sections.items[i];
                item.campaign == index && change.old_end <= item.range.end
            });
        if let Some(item) = item {
            if let Some(patch) = self.reread_item(plan, item, &change, old, new, as_of) {
                return Some(patch);
            }
        }
        self.reread_campaign(plan, index, &change, old, new, as_of)
    }

    fn reread_item(
        &mut self,
        plan: &Plan,
        at: usize,
        change: &Change,
        old: &str,
        new: &str,
        as_of: NaiveDate,
    ) -> Option<CampaignPatch> {
        let item = self.sections.items[at].clone();
        let campaign = plan.campaigns.get(item.campaign)?;
        let new_end = change.moved(item.range.end);
        let text = new.get(item.range.start..new_end)?;
        if !ends_a_line(text, new_end == new.len()) {
            return None;
        }
        let parsed = tree::parse(text).ok()?;
        if parsed.section_starts() != [0] || parsed.shallow_starts() != [0] {
            return None;
        }
        let (old_id, first_line) = match item.kind {
            ItemKind::Task => campaign.tasks.get(item.index).map(|t| (&t.id, t.line.0))?,
            ItemKind::Indicator => campaign
                .indicators
                .get(item.index)
                .map(|i| (&i.id, i.line.0))?,
        };
        let mut reader =
            PlanReader::starting_at_line(text, first_line, self.options.as_of, self.options.today);
        let read = reader.read_one_item(parsed.root(), campaign, as_of)?;
        drop(parsed);
        let found = reader.out.diagnostics;
        let (id, replacement) = match (read, item.kind) {
            (OneItem::Task(task), ItemKind::Task) => {
                (task.id.clone(), Replacement::Task(item.index, task))
            }
            (OneItem::Indicator(indicator), ItemKind::Indicator) => (
                indicator.id.clone(),
                Replacement::Indicator(item.index, indicator),
            ),
            _ => return None,
        };
        // Tasks and indicators share one namespace of ids.
        if id != *old_id {
            let ids = campaign.tasks.iter().map(|t| &t.id);
            if ids
                .chain(campaign.indicators.iter().map(|i| &i.id))
                .any(|other| *other == id)
            {
                return None;
            }
        }
        let line_delta = line_delta(&old[item.range.clone()], text);
        self.take_diagnostics(found, item.range.clone(), change)?;
        let delta = change.delta;
        self.sections.items[at].range.end = new_end;
        for later in &mut self.sections.items[at + 1..] {
            later.range = shift(later.range.start, delta)..shift(later.range.end, delta);
        }
        self.move_campaigns_after(item.campaign, delta);
        Some(CampaignPatch {
            index: item.campaign,
            replacement,
            line_delta,
            warnings: self.warnings(),
        })
    }

    fn reread_campaign(
        &mut self,
        plan: &Plan,
        index: usize,
        change: &Change,
        old: &str,
        new: &str,
        as_of: NaiveDate,
    ) -> Option<CampaignPatch> {
        let section = self.sections.campaigns[index].clone();
        let new_end = change.moved(section.end);
        let text = new.get(section.start..new_end)?;
        if !ends_a_line(text, new_end == new.len()) {
            return None;
        }
        let parsed = tree::parse(text).ok()?;
        if parsed.section_starts() != [0] {
            return None;
        }
        // The section starts with its header, on the campaign's line.
        let first_line = plan.campaigns.get(index)?.line.0;
        let mut reader =
            PlanReader::starting_at_line(text, first_line, self.options.as_of, self.options.today);
        let campaign = reader.read_one_campaign(parsed.root(), as_of)?;
        let inner = sections(&parsed, text.len());
        drop(parsed);
        let taken = plan
            .campaigns
            .iter()
            .enumerate()
            .any(|(other, c)| other != index && c.id == campaign.id);
        if taken {
            return None;
        }
        let line_delta = line_delta(&old[section.clone()], text);
        self.take_diagnostics(reader.out.diagnostics, section.clone(), change)?;
        let delta = change.delta;
        // The campaign's items as the section now has them.
        let items = &mut self.sections.items;
        let from = items.partition_point(|i| i.range.start < section.start);
        let to = items.partition_point(|i| i.range.start < section.end);
        let mine: Vec<ItemSection> = inner
            .items
            .into_iter()
            .map(|item| ItemSection {
                range: item.range.start + section.start..item.range.end + section.start,
                campaign: index,
                ..item
            })
            .collect();
        let later = from + mine.len();
        items.splice(from..to, mine);
        for item in &mut items[later..] {
            item.range = shift(item.range.start, delta)..shift(item.range.end, delta);
        }
        self.move_campaigns_after(index, delta);
        Some(CampaignPatch {
            index,
            replacement: Replacement::Campaign(campaign),
            line_delta,
            warnings: self.warnings(),
        })
    }

    /// Puts the diagnostics found in `section` (relative to it) in place of
    /// those it had; those after it move. `None` when any is an error.
    fn take_diagnostics(
        &mut self,
        mut found: Vec<Diagnostic>,
        section: Range<usize>,
        change: &Change,
    ) -> Option<()> {
        if found.iter().any(Diagnostic::is_error) {
            return None;
        }
        for diagnostic in &mut found {
            diagnostic.span =
                diagnostic.span.start + section.start..diagnostic.span.end + section.start;
        }
        found.sort_by_key(|d| (d.span.start, d.severity));
        let all = &mut self.diagnostics;
        let before = all.partition_point(|d| d.span.start < section.start);
        let after = all.partition_point(|d| d.span.start < section.end);
        let mut moved: Vec<Diagnostic> = all.drain(after..).collect();
        for diagnostic in &mut moved {
            diagnostic.span = shift(diagnostic.span.start, change.delta)
                ..shift(diagnostic.span.end, change.delta);
        }
        all.truncate(before);
        all.extend(found);
        all.extend(moved);
        Some(())
    }

    fn move_campaigns_after(&mut self, index: usize, delta: isize) {
        let campaigns = &mut self.sections.campaigns;
        campaigns[index].end = shift(campaigns[index].end, delta);
        for later in &mut campaigns[index + 1..] {
            *later = shift(later.start, delta)..shift(later.end, delta);
        }
    }

    fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| !d.is_error()).count()
    }
}

impl CampaignPatch {
    /// Puts the re-read campaign or item in place and moves the lines
    /// recorded after it; gives back the campaign it replaced, or `None`
    /// for an item.
    pub fn apply(self, plan: &mut Plan) -> Option<Campaign> {
        let campaign = plan.campaigns.get_mut(self.index)?;
        let delta = self.line_delta;
        let replaced = match self.replacement {
            Replacement::Campaign(new) => Some(std::mem::replace(campaign, new)),
            Replacement::Task(at, task) => {
                let old_line = std::mem::replace(campaign.tasks.get_mut(at)?, task).line;
                move_lines_after(campaign, old_line, delta);
                None
            }
            Replacement::Indicator(at, indicator) => {
                let old_line = std::mem::replace(campaign.indicators.get_mut(at)?, indicator).line;
                move_lines_after(campaign, old_line, delta);
                None
            }
        };
        if delta != 0 {
            for later in &mut plan.campaigns[self.index + 1..] {
                move_lines_after(later, SourceLine(0), delta);
            }
        }
        replaced
    }
}

/// Moves the campaign's lines that come after `line` (all of them when it is 0).
fn move_lines_after(campaign: &mut Campaign, line: SourceLine, delta: isize) {
    if delta == 0 {
        return;
    }
    let moved = |at: &mut SourceLine| {
        if at.0 > line.0 {
            at.0 = shift(at.0, delta);
        }
    };
    moved(&mut campaign.line);
    campaign
        .tasks
        .iter_mut()
        .for_each(|task| moved(&mut task.line));
    campaign
        .indicators
        .iter_mut()
        .for_each(|indicator| moved(&mut indicator.line));
}

/// Whether what follows `text` starts a line, as the next section's header
/// did: a comment or a value left open at its end would run on into it.
fn ends_a_line(text: &str, at_the_end: bool) -> bool {
    at_the_end
        || text
            .rsplit_once('\n')
            .is_some_and(|(_, last)| last.bytes().all(|b| b == b' ' || b == b'\t'))
}

/// The last of `sorted` that starts before `offset`.
fn last_starting_before<T>(
    sorted: &[T],
    offset: usize,
    start: impl Fn(&T) -> usize,
) -> Option<usize> {
    sorted.partition_point(|s| start(s) < offset).checked_sub(1)
}

/// Where two texts differ.
struct Change {
    /// The first byte that differs.
    start: usize,
    /// Where the unchanged rest starts in the old text.
    old_end: usize,
    /// How much longer the new text is.
    delta: isize,
}

impl Change {
    fn between(old: &str, new: &str) -> Option<Change> {
        let (old, new) = (old.as_bytes(), new.as_bytes());
        let prefix = common_prefix(old, new);
        if prefix == old.len() && prefix == new.len() {
            return None;
        }
        let room = old.len().min(new.len()) - prefix;
        let suffix = common_suffix(&old[old.len() - room..], &new[new.len() - room..]);
        Some(Change {
            start: prefix,
            old_end: old.len() - suffix,
            delta: new.len() as isize - old.len() as isize,
        })
    }

    /// Where an offset of the old text at or after the change is in the new.
    fn moved(&self, offset: usize) -> usize {
        shift(offset, self.delta)
    }
}

fn shift(value: usize, delta: isize) -> usize {
    value.saturating_add_signed(delta)
}

fn line_delta(old: &str, new: &str) -> isize {
    let count = |text: &str| super::plan_reader::count_newlines(text.as_bytes()) as isize;
    count(new) - count(old)
}

/// Compared a block at a time: slices' `==` is a `memcmp`.
const BLOCK: usize = 4096;

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let len = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= len && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    at + a[at..len]
        .iter()
        .zip(&b[at..len])
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let len = a.len().min(b.len());
    let (a, b) = (&a[a.len() - len..], &b[b.len() - len..]);
    let mut at = len;
    while at >= BLOCK && a[at - BLOCK..at] == b[at - BLOCK..at] {
        at -= BLOCK;
    }
    len - at
        + a[..at]
            .iter()
            .rev()
            .zip(b[..at].iter().rev())
            .take_while(|(x, y)| x == y)
            .count()
}
