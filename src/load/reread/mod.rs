//! Re-reading what a save changed, and no more: at 100 000 tasks a whole
//! parse takes longer than the screen may take to show a change.
//!
//! The file is cut into sections, each from a header to the next header
//! that is not under it: `[meta]`; each `[[campaign]]`, and inside it its
//! head (its own keys) and each `[[campaign.task]]` and
//! `[[campaign.indicator]]` with its histories. When the bytes that differ
//! lie inside one section, or a run of items or of campaigns, only that
//! part is parsed and checked again and the rest of the plan is kept.
//!
//! Why that gives what a whole parse gives: the bytes before and after the
//! part are unchanged; a part that parses on its own and ends with a line
//! break ends outside any comment, string or bracket, so the rest of the
//! file reads as it did; and a part that holds only what it held before
//! (campaigns, a campaign's own keys, items, `[meta]`) means in the whole
//! file what it means alone. Everything else (a part that now holds another
//! kind of header, any error, an id that is taken, a new reporting date) is
//! left to a wider part or a whole parse, which also words the errors.
//! The re-read is pure ([`Document::reread`]): it reads the document and
//! the new text and says what changes; [`Document::take`] puts that in
//! place. `tests/it/reread_differential.rs` checks it against a whole parse over
//! arbitrary plans and edits.

mod change;
mod follows;
mod moves;
mod parts;
mod patch;
mod sections;

use std::collections::HashSet;
use std::ops::Range;

use super::plan_reader::{PlanReader, count_newlines};
use super::{Diagnostic, Document, tree};
use crate::model::{Campaign, Plan};
use change::{Change, line_delta};
use moves::{Moves, Renumber};
use sections::item_sections;

pub use patch::{Patch, Replacement};
pub(crate) use sections::sections;
pub use sections::{ItemKind, ItemSection, Sections};

/// What a new text changes in a document: the plan's part that changed,
/// and how its diagnostics and sections move. Put in place with
/// [`Document::take`].
#[derive(Debug)]
pub struct Reread {
    pub patch: Patch,
    moves: Moves,
}

impl Reread {
    /// The one campaign changed, still at its place; `None` when the change
    /// touches them all (`[meta]`) or adds or removes campaigns.
    pub fn campaign(&self) -> Option<usize> {
        self.patch.campaign()
    }

    /// The warnings of the whole file after the change.
    pub fn warnings(&self) -> usize {
        self.patch.warnings
    }
}

/// One part re-read: its range in the old text, its text in the new one,
/// and the line it starts on.
struct Part<'n> {
    old: Range<usize>,
    text: &'n str,
    first_line: usize,
}

impl Document {
    /// What `new` changes from this document's text, when that part can be
    /// read alone (see the module's doc); `None` when the change needs a
    /// whole parse. Reads nothing but its arguments.
    pub fn reread(&self, new: &str) -> Option<Reread> {
        self.reread_part(new)
            .filter(|reread| !follows::touches_follows(&self.plan, &reread.patch))
            .filter(|reread| !parts::touches_parts(&self.plan, &reread.patch))
    }

    fn reread_part(&self, new: &str) -> Option<Reread> {
        if !self.rereadable() {
            return None;
        }
        let old = self.text.as_str();
        let change = Change::between(old, new)?;
        if let Some(meta) = self.sections.meta.clone()
            && change.within(&meta)
        {
            return self.reread_meta(meta, &change, new);
        }
        // The campaigns the change starts and ends in.
        let campaigns = &self.sections.campaigns;
        let first = campaigns
            .partition_point(|c| c.start < change.start)
            .checked_sub(1)?;
        let last = campaigns
            .partition_point(|c| c.start < change.old_end)
            .saturating_sub(1)
            .max(first);
        if last == first
            && let Some(reread) = self.reread_in_campaign(first, &change, new)
        {
            return Some(reread);
        }
        self.reread_campaigns(first..last + 1, &change, new)
    }

    /// Puts a re-read of `text` in place: the document then describes
    /// `text`. Gives back the campaigns it replaced whole (for the caller
    /// to drop where it likes: a big plan takes a while to free).
    pub fn take(&mut self, reread: Reread, text: String) -> Vec<Campaign> {
        reread
            .moves
            .apply(&mut self.diagnostics, &mut self.sections);
        self.text = std::sync::Arc::new(text);
        reread.patch.apply(&mut self.plan)
    }

    /// Re-reads a change inside one campaign's items, or inside its head.
    fn reread_in_campaign(&self, index: usize, change: &Change, new: &str) -> Option<Reread> {
        let section = self.sections.campaigns[index].clone();
        let items = self.sections.items_of(index);
        let first = self
            .sections
            .items
            .get(items.start)
            .filter(|_| !items.is_empty())?;
        if !change.within(&section) {
            None
        } else if change.start > first.range.start {
            self.reread_items(index, items, change, new)
        } else if change.old_end <= first.range.start {
            let head = section.start..first.range.start;
            self.reread_head(index, head, change, new)
        } else {
            None
        }
    }

    fn reread_meta(&self, meta: Range<usize>, change: &Change, new: &str) -> Option<Reread> {
        let first_line = count_newlines(self.text.get(..meta.start)?.as_bytes()) + 1;
        let part = part(meta, first_line, change, new)?;
        let parsed = tree::parse(part.text).ok()?;
        if parsed.section_starts() != [0] {
            return None;
        }
        let mut reader = self.reader(&part);
        let meta = reader.read_meta_alone(parsed.root())?;
        let found = without_errors(reader.out.diagnostics)?;
        // Histories are checked against the reporting date, stages against the list.
        if (meta.as_of != self.plan.meta.as_of && self.options.as_of.is_none())
            || meta.close_stages != self.plan.meta.close_stages
        {
            return None;
        }
        let moves = self.moves(found, &part, change, Vec::new(), Renumber::None);
        Some(self.reread_of(Replacement::Meta(meta), &part, moves))
    }

    /// Re-reads the campaigns at `run` (one or more), which may now be more
    /// or fewer.
    fn reread_campaigns(&self, run: Range<usize>, change: &Change, new: &str) -> Option<Reread> {
        let plan = &self.plan;
        let campaigns = &self.sections.campaigns;
        let range = campaigns[run.start].start..campaigns[run.end - 1].end;
        let first_line = plan.campaigns.get(run.start)?.line.0;
        let part = part(range, first_line, change, new)?;
        let parsed = tree::parse(part.text).ok()?;
        let mut reader = self.reader(&part);
        let read = reader.read_campaigns(parsed.root(), self.as_of)?;
        let found = without_errors(reader.out.diagnostics)?;
        // Each campaign has its section, and nothing else has one.
        let inner = sections(&parsed, part.text.len());
        drop(parsed);
        if inner.campaigns.len() != read.len() {
            return None;
        }
        let ids: HashSet<&str> = read.iter().map(|c| c.id.as_str()).collect();
        let others = plan.campaigns.iter().enumerate();
        if others
            .filter(|(at, _)| !run.contains(at))
            .any(|(_, c)| ids.contains(c.id.as_str()))
        {
            return None;
        }
        let at = |range: Range<usize>| range.start + part.old.start..range.end + part.old.start;
        let items = inner.items.into_iter().map(|item| ItemSection {
            range: at(item.range),
            campaign: item.campaign + run.start,
            ..item
        });
        let renumber = Renumber::Campaigns {
            run: run.clone(),
            placed: inner.campaigns.into_iter().map(at).collect(),
            more: read.len() as isize - run.len() as isize,
        };
        let moves = self.moves(found, &part, change, items.collect(), renumber);
        let replacement = Replacement::Campaigns {
            range: run,
            new: read,
        };
        Some(self.reread_of(replacement, &part, moves))
    }

    fn reread_head(
        &self,
        index: usize,
        head: Range<usize>,
        change: &Change,
        new: &str,
    ) -> Option<Reread> {
        let campaign = self.plan.campaigns.get(index)?;
        let part = part(head, campaign.line.0, change, new)?;
        let parsed = tree::parse(part.text).ok()?;
        if parsed.section_starts() != [0] || parsed.shallow_starts() != [0] {
            return None;
        }
        let mut reader = self.reader(&part);
        let head = reader.read_campaign_head(parsed.root(), self.as_of)?;
        let found = without_errors(reader.out.diagnostics)?;
        drop(parsed);
        // The tasks were checked against the campaign's dates.
        let same_dates = (head.start, head.end) == (campaign.start, campaign.end);
        if !same_dates || taken_by_another(&self.plan, index, &head.id) {
            return None;
        }
        let moves = self.moves(found, &part, change, Vec::new(), Renumber::None);
        Some(self.reread_of(Replacement::Head(index, head), &part, moves))
    }

    /// Re-reads the items from the one the change starts in to the one it
    /// ends in (`items`: the places of the campaign's items).
    fn reread_items(
        &self,
        index: usize,
        items: Range<usize>,
        change: &Change,
        new: &str,
    ) -> Option<Reread> {
        let all = &self.sections.items[items.clone()];
        let first = all
            .partition_point(|i| i.range.start < change.start)
            .checked_sub(1)?;
        let last = all
            .partition_point(|i| i.range.start < change.old_end)
            .saturating_sub(1)
            .max(first);
        if change.old_end > all[last].range.end {
            return None;
        }
        let run = &all[first..=last];
        let campaign = self.plan.campaigns.get(index)?;
        let places = |kind: ItemKind, len: usize| {
            let mine = || run.iter().filter(move |i| i.kind == kind).map(|i| i.index);
            let before = all[..first].iter().filter(|i| i.kind == kind).count();
            let from = mine().next().unwrap_or(before);
            let to = mine().next_back().map_or(from, |last| last + 1);
            from.min(len)..to.min(len)
        };
        let tasks = places(ItemKind::Task, campaign.tasks.len());
        let indicators = places(ItemKind::Indicator, campaign.indicators.len());
        let first_line = match run[0].kind {
            ItemKind::Task => campaign.tasks.get(run[0].index)?.line.0,
            ItemKind::Indicator => campaign.indicators.get(run[0].index)?.line.0,
        };
        let range = run[0].range.start..run[run.len() - 1].range.end;
        let part = part(range, first_line, change, new)?;
        let parsed = tree::parse(part.text).ok()?;
        if parsed.section_starts() != [0] {
            return None;
        }
        let mut reader = self.reader(&part);
        let (new_indicators, new_tasks) = reader.read_items(parsed.root(), campaign, self.as_of)?;
        let found = without_errors(reader.out.diagnostics)?;
        // Every item of the part is a section of its own, and nothing else is.
        let tree::Item::Table(root) = parsed.root().item() else {
            return None;
        };
        let inner = item_sections(&parsed, root.get("campaign")?, index, 0..part.text.len())?;
        if inner.len() != new_tasks.len() + new_indicators.len() {
            return None;
        }
        drop(parsed);
        if ids_taken(campaign, &tasks, &indicators, &new_tasks, &new_indicators) {
            return None;
        }
        let placed = inner.into_iter().map(|item| ItemSection {
            range: item.range.start + part.old.start..item.range.end + part.old.start,
            index: item.index
                + match item.kind {
                    ItemKind::Task => tasks.start,
                    ItemKind::Indicator => indicators.start,
                },
            ..item
        });
        // The items after the run in this campaign change places.
        let renumber = Renumber::InCampaign {
            after: items.start + last + 1..items.end,
            tasks: new_tasks.len() as isize - tasks.len() as isize,
            indicators: new_indicators.len() as isize - indicators.len() as isize,
        };
        let moves = self.moves(found, &part, change, placed.collect(), renumber);
        let replacement = Replacement::Items {
            campaign: index,
            tasks,
            new_tasks,
            indicators,
            new_indicators,
        };
        Some(self.reread_of(replacement, &part, moves))
    }

    fn reader<'n>(&self, part: &Part<'n>) -> PlanReader<'n> {
        PlanReader::starting_at_line(part.text, part.first_line, self.options)
            .with_close_stages(&self.plan.meta.close_stages)
    }

    /// How the diagnostics and sections move when a part read without
    /// errors takes the place of what it was: `found` (relative to the
    /// part) in place of its old diagnostics, `items` (already placed) in
    /// place of its old sections, everything after it moved.
    fn moves(
        &self,
        mut found: Vec<Diagnostic>,
        part: &Part<'_>,
        change: &Change,
        items: Vec<ItemSection>,
        renumber: Renumber,
    ) -> Moves {
        let start = part.old.start;
        for diagnostic in &mut found {
            diagnostic.span = diagnostic.span.start + start..diagnostic.span.end + start;
        }
        found.sort_by_key(|d| (d.span.start, d.severity));
        Moves {
            old: part.old.clone(),
            delta: change.delta,
            diagnostics: found,
            items,
            renumber,
        }
    }

    fn reread_of(&self, replacement: Replacement, part: &Part<'_>, moves: Moves) -> Reread {
        let Range { start, end } = part.old;
        let all = &self.diagnostics;
        let replaced = all.partition_point(|d| d.span.start < end)
            - all.partition_point(|d| d.span.start < start);
        let patch = Patch {
            replacement,
            from_line: part.first_line,
            line_delta: line_delta(&self.text[part.old.clone()], part.text),
            // A document's diagnostics are all warnings, and so are those found.
            warnings: all.len() - replaced + moves.diagnostics.len(),
        };
        Reread { patch, moves }
    }
}

/// The part of the new text that `range` of the old one became, if the
/// change lies inside it and what follows it still starts a line.
fn part<'n>(
    range: Range<usize>,
    first_line: usize,
    change: &Change,
    new: &'n str,
) -> Option<Part<'n>> {
    if !change.within(&range) {
        return None;
    }
    let new_end = change::shift(range.end, change.delta);
    let text = new.get(range.start..new_end)?;
    let at_the_end = new_end == new.len();
    // A comment or a value left open at its end would run on into the next header.
    let ends_a_line = text
        .rsplit_once('\n')
        .is_some_and(|(_, last)| last.bytes().all(|b| b == b' ' || b == b'\t'));
    (at_the_end || ends_a_line).then_some(Part {
        old: range,
        text,
        first_line,
    })
}

/// The diagnostics of a part, if none is an error: an error is left to a
/// whole parse, which words it with all its context.
fn without_errors(found: Vec<Diagnostic>) -> Option<Vec<Diagnostic>> {
    (!found.iter().any(Diagnostic::is_error)).then_some(found)
}

fn taken_by_another(plan: &Plan, index: usize, id: &str) -> bool {
    plan.campaigns
        .iter()
        .enumerate()
        .any(|(other, c)| other != index && c.id == id)
}

/// Whether an item re-read takes an id of another item of its campaign
/// (tasks and indicators share one namespace of ids).
fn ids_taken(
    campaign: &Campaign,
    tasks: &Range<usize>,
    indicators: &Range<usize>,
    new_tasks: &[crate::model::Task],
    new_indicators: &[crate::model::Indicator],
) -> bool {
    let new_ids: HashSet<&str> = new_tasks
        .iter()
        .map(|t| t.id.as_str())
        .chain(new_indicators.iter().map(|i| i.id.as_str()))
        .collect();
    let other_tasks = campaign.tasks.iter().enumerate();
    let other_indicators = campaign.indicators.iter().enumerate();
    other_tasks
        .filter(|(at, _)| !tasks.contains(at))
        .map(|(_, t)| t.id.as_str())
        .chain(
            other_indicators
                .filter(|(at, _)| !indicators.contains(at))
                .map(|(_, i)| i.id.as_str()),
        )
        .any(|id| new_ids.contains(id))
}
