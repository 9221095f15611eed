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
//! `tests/it/reread_differential.rs` checks it against a whole parse over
//! arbitrary plans and edits.

mod change;
mod patch;
mod sections;

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

use super::plan_reader::{PlanReader, count_newlines};
use super::{Diagnostic, Loaded, Options, tree};
use crate::model::Plan;
use change::{Change, line_delta, shift};
use sections::item_sections;

pub use patch::{Patch, Replacement};
pub(crate) use sections::sections;
pub use sections::{ItemKind, ItemSection, Sections};

/// What a re-read needs from the last load besides its text and its plan:
/// the diagnostics (warnings only: a load with errors has no plan to keep)
/// and where everything is.
#[derive(Clone, Debug)]
pub struct Baseline {
    diagnostics: Vec<Diagnostic>,
    sections: Sections,
    options: Options,
}

/// One part re-read: its range in the old text, its text in the new one,
/// and the line it starts on.
struct Part<'n> {
    old: Range<usize>,
    text: &'n str,
    first_line: usize,
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

    /// Where item `item` of campaign `campaign` is written, if it has a
    /// section of its own.
    pub fn item_section_of(&self, plan: &Plan, campaign: &str, item: &str) -> Option<Range<usize>> {
        let index = plan.campaigns.iter().position(|c| c.id == campaign)?;
        let found = &plan.campaigns[index];
        let (kind, place) = match found.tasks.iter().position(|t| t.id == item) {
            Some(at) => (ItemKind::Task, at),
            None => (
                ItemKind::Indicator,
                found.indicators.iter().position(|i| i.id == item)?,
            ),
        };
        self.sections.items[self.sections.items_of(index)]
            .iter()
            .find(|section| section.kind == kind && section.index == place)
            .map(|section| section.range.clone())
    }

    /// Re-reads what `new` changes from `old`: `old` is the text this
    /// baseline describes (made from, or last re-read) and `plan` its plan.
    /// `None` when the change needs a whole parse; the baseline is then
    /// unchanged.
    pub fn reread(&mut self, plan: &Plan, old: &str, new: &str) -> Option<Patch> {
        if plan.campaigns.len() != self.sections.campaigns.len() {
            return None;
        }
        let change = Change::between(old, new)?;
        if let Some(meta) = self.sections.meta.clone() {
            if change.within(&meta) {
                return self.reread_meta(plan, meta, &change, old, new);
            }
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
        if last == first {
            if let Some(patch) = self.reread_in_campaign(plan, first, &change, old, new) {
                return Some(patch);
            }
        }
        self.reread_campaigns(plan, first..last + 1, &change, old, new)
    }

    /// Re-reads a change inside one campaign's items, or inside its head.
    fn reread_in_campaign(
        &mut self,
        plan: &Plan,
        index: usize,
        change: &Change,
        old: &str,
        new: &str,
    ) -> Option<Patch> {
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
            self.reread_items(plan, index, items, change, old, new)
        } else if change.old_end <= first.range.start {
            let head = section.start..first.range.start;
            self.reread_head(plan, index, head, change, old, new)
        } else {
            None
        }
    }

    fn reread_meta(
        &mut self,
        plan: &Plan,
        meta: Range<usize>,
        change: &Change,
        old: &str,
        new: &str,
    ) -> Option<Patch> {
        let first_line = count_newlines(old.get(..meta.start)?.as_bytes()) + 1;
        let part = part(meta, first_line, change, new)?;
        let parsed = tree::parse(part.text).ok()?;
        if parsed.section_starts() != [0] {
            return None;
        }
        let mut reader = self.reader(&part);
        let meta = reader.read_meta_alone(parsed.root())?;
        let found = without_errors(reader.out.diagnostics)?;
        // Histories are checked against the reporting date.
        if meta.as_of != plan.meta.as_of && self.options.as_of.is_none() {
            return None;
        }
        self.take(found, &part, change, Vec::new());
        Some(self.patch(Replacement::Meta(meta), &part, old))
    }

    /// Re-reads the campaigns at `run` (one or more), which may now be more
    /// or fewer.
    fn reread_campaigns(
        &mut self,
        plan: &Plan,
        run: Range<usize>,
        change: &Change,
        old: &str,
        new: &str,
    ) -> Option<Patch> {
        let campaigns = &self.sections.campaigns;
        let range = campaigns[run.start].start..campaigns[run.end - 1].end;
        let first_line = plan.campaigns.get(run.start)?.line.0;
        let part = part(range, first_line, change, new)?;
        let parsed = tree::parse(part.text).ok()?;
        let mut reader = self.reader(&part);
        let read = reader.read_campaigns(parsed.root(), self.as_of(plan))?;
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
        let after = self.take(found, &part, change, items.collect());
        let more = read.len() as isize - run.len() as isize;
        for item in &mut self.sections.items[after..] {
            item.campaign = shift(item.campaign, more);
        }
        let placed = inner.campaigns.into_iter().map(at);
        self.sections.campaigns.splice(run.clone(), placed);
        let replacement = Replacement::Campaigns {
            range: run,
            new: read,
        };
        Some(self.patch(replacement, &part, old))
    }

    fn reread_head(
        &mut self,
        plan: &Plan,
        index: usize,
        head: Range<usize>,
        change: &Change,
        old: &str,
        new: &str,
    ) -> Option<Patch> {
        let campaign = plan.campaigns.get(index)?;
        let part = part(head, campaign.line.0, change, new)?;
        let parsed = tree::parse(part.text).ok()?;
        if parsed.section_starts() != [0] || parsed.shallow_starts() != [0] {
            return None;
        }
        let mut reader = self.reader(&part);
        let head = reader.read_campaign_head(parsed.root(), self.as_of(plan))?;
        let found = without_errors(reader.out.diagnostics)?;
        drop(parsed);
        // The tasks were checked against the campaign's dates.
        let same_dates = (head.start, head.end) == (campaign.start, campaign.end);
        if !same_dates || taken_by_another(plan, index, &head.id) {
            return None;
        }
        self.take(found, &part, change, Vec::new());
        Some(self.patch(Replacement::Head(index, head), &part, old))
    }

    /// Re-reads the items from the one the change starts in to the one it
    /// ends in (`items`: the places of the campaign's items).
    fn reread_items(
        &mut self,
        plan: &Plan,
        index: usize,
        items: Range<usize>,
        change: &Change,
        old: &str,
        new: &str,
    ) -> Option<Patch> {
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
        let campaign = plan.campaigns.get(index)?;
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
        let (new_indicators, new_tasks) =
            reader.read_items(parsed.root(), campaign, self.as_of(plan))?;
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
        // Tasks and indicators share one namespace of ids.
        let new_ids: HashSet<&str> = new_tasks
            .iter()
            .map(|t| t.id.as_str())
            .chain(new_indicators.iter().map(|i| i.id.as_str()))
            .collect();
        let mut others = campaign
            .tasks
            .iter()
            .enumerate()
            .filter(|(at, _)| !tasks.contains(at))
            .map(|(_, t)| t.id.as_str())
            .chain(
                campaign
                    .indicators
                    .iter()
                    .enumerate()
                    .filter(|(at, _)| !indicators.contains(at))
                    .map(|(_, i)| i.id.as_str()),
            );
        if others.any(|id| new_ids.contains(id)) {
            return None;
        }
        // The items after the run in this campaign change places.
        let task_shift = new_tasks.len() as isize - tasks.len() as isize;
        let indicator_shift = new_indicators.len() as isize - indicators.len() as isize;
        for item in &mut self.sections.items[items.start + last + 1..items.end] {
            let by = match item.kind {
                ItemKind::Task => task_shift,
                ItemKind::Indicator => indicator_shift,
            };
            item.index = shift(item.index, by);
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
        self.take(found, &part, change, placed.collect());
        let replacement = Replacement::Items {
            campaign: index,
            tasks,
            new_tasks,
            indicators,
            new_indicators,
        };
        Some(self.patch(replacement, &part, old))
    }

    fn reader<'n>(&self, part: &Part<'n>) -> PlanReader<'n> {
        let Options { as_of, today } = self.options;
        PlanReader::starting_at_line(part.text, part.first_line, as_of, today)
    }

    fn as_of(&self, plan: &Plan) -> NaiveDate {
        plan.as_of(self.options.as_of, self.options.today)
    }

    /// Takes in a part read without errors: its diagnostics (relative to
    /// it) in place of those it had, its items' sections (already placed)
    /// in place of the old ones, everything after it moved. Gives where
    /// the items after the part now start in the list.
    fn take(
        &mut self,
        mut found: Vec<Diagnostic>,
        part: &Part<'_>,
        change: &Change,
        items: Vec<ItemSection>,
    ) -> usize {
        let Range { start, end } = part.old;
        for diagnostic in &mut found {
            diagnostic.span = diagnostic.span.start + start..diagnostic.span.end + start;
        }
        found.sort_by_key(|d| (d.span.start, d.severity));
        let all = &mut self.diagnostics;
        let before = all.partition_point(|d| d.span.start < start);
        let after = all.partition_point(|d| d.span.start < end);
        let mut moved: Vec<Diagnostic> = all.drain(after..).collect();
        for diagnostic in &mut moved {
            diagnostic.span = shift(diagnostic.span.start, change.delta)
                ..shift(diagnostic.span.end, change.delta);
        }
        all.truncate(before);
        all.extend(found);
        all.extend(moved);

        let listed = &mut self.sections.items;
        let from = listed.partition_point(|i| i.range.start < start);
        let to = listed.partition_point(|i| i.range.start < end);
        self.sections.move_from(end, change.delta);
        let after = from + items.len();
        self.sections.items.splice(from..to, items);
        after
    }

    fn patch(&self, replacement: Replacement, part: &Part<'_>, old: &str) -> Patch {
        Patch {
            replacement,
            from_line: part.first_line,
            line_delta: line_delta(&old[part.old.clone()], part.text),
            warnings: self.diagnostics.iter().filter(|d| !d.is_error()).count(),
        }
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
    let new_end = shift(range.end, change.delta);
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
