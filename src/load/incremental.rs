//! Re-reading one campaign: when a saved change lies inside one
//! `[[campaign]]` section, only that section is parsed and checked again,
//! and the other campaigns are kept. At 100 000 tasks a whole parse takes
//! longer than the screen may take to show a change.
//!
//! A section runs from its `[[campaign]]` header to the next top-level
//! section (or the end of the file). The bytes before it and after it are
//! unchanged, and a section that parses on its own ends outside any string
//! or bracket, so the rest of the file reads as it did; a section holding
//! exactly one campaign and nothing else means in the whole file what it
//! means alone. Anything else (a change across sections, in `[meta]`, a
//! section that now holds a second header of its own, any error, an id
//! that another campaign has) is left to a whole parse, which gives the
//! full messages.

use std::ops::Range;

use chrono::NaiveDate;

use super::plan_reader::PlanReader;
use super::{Diagnostic, Loaded, Options, tree};
use crate::model::{Campaign, Plan, SourceLine};

/// Where each campaign's section lies: the `[` of its header to the start
/// of the next top-level section. Empty when a campaign is not written as
/// a `[[campaign]]` section of its own.
pub(super) fn campaign_sections(tree: &tree::Tree<'_>, len: usize) -> Vec<Range<usize>> {
    let starts = tree.section_starts();
    let tree::Item::Table(root) = tree.root().item() else {
        return Vec::new();
    };
    let Some(tree::Item::Array(list)) = root.get("campaign").map(|list| list.item()) else {
        return Vec::new();
    };
    let mut sections = Vec::with_capacity(list.len());
    for campaign in list.iter() {
        let start = campaign.span().start;
        let Ok(at) = starts.binary_search_by_key(&start, |&s| s as usize) else {
            return Vec::new();
        };
        let end = starts.get(at + 1).map_or(len, |&next| next as usize);
        sections.push(start..end);
    }
    sections
}

/// What a re-read of one campaign needs from the last load besides its
/// text: the diagnostics (warnings only: a load with errors has no plan to
/// keep), where each campaign's section is, and the campaigns' ids, lines
/// and reporting date.
#[derive(Clone, Debug)]
pub struct Baseline {
    diagnostics: Vec<Diagnostic>,
    sections: Vec<Range<usize>>,
    ids: Vec<String>,
    lines: Vec<usize>,
    as_of: NaiveDate,
    options: Options,
}

/// A campaign re-read: put it in place with [`CampaignPatch::apply`].
#[derive(Debug)]
pub struct CampaignPatch {
    pub index: usize,
    pub campaign: Campaign,
    /// How many lines the change added (or, negative, removed): the lines
    /// recorded for the later campaigns move by as much.
    pub line_delta: isize,
    /// The warnings of the whole file after the change.
    pub warnings: usize,
}

impl Baseline {
    /// What the load of `source` leaves for the next re-read, if it gave a
    /// plan whose campaigns are all `[[campaign]]` sections.
    pub fn new(loaded: &Loaded, options: Options) -> Option<Baseline> {
        let plan = loaded.plan.as_ref()?;
        if loaded.sections.len() != plan.campaigns.len() || plan.campaigns.is_empty() {
            return None;
        }
        Some(Baseline {
            diagnostics: loaded.diagnostics.clone(),
            sections: loaded.sections.clone(),
            ids: plan.campaigns.iter().map(|c| c.id.clone()).collect(),
            lines: plan.campaigns.iter().map(|c| c.line.0).collect(),
            as_of: plan.as_of(options.as_of, options.today),
            options,
        })
    }

    /// Every diagnostic of the text last read, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Where each campaign's section is in the text last read.
    pub fn sections(&self) -> &[Range<usize>] {
        &self.sections
    }

    /// Where the campaign `id` is written in the text last read.
    pub fn section_of(&self, id: &str) -> Option<Range<usize>> {
        let index = self.ids.iter().position(|known| known == id)?;
        self.sections.get(index).cloned()
    }

    /// Re-reads the one campaign that `new` changes from `old` (the text
    /// this baseline was made from, or last re-read). `None` when the
    /// change needs a whole parse; the baseline is then unchanged.
    pub fn reread(&mut self, old: &str, new: &str) -> Option<CampaignPatch> {
        let (start, old_end, new_end) = changed(old, new)?;
        // The section the change starts in, after its header's `[`.
        let index = self
            .sections
            .partition_point(|section| section.start < start)
            .checked_sub(1)?;
        let section = self.sections[index].clone();
        if old_end > section.end {
            return None;
        }
        let new_section_end = section.end + new_end - old_end;
        let text = new.get(section.start..new_section_end)?;
        let parsed = tree::parse(text).ok()?;
        if parsed.section_starts() != [0] {
            return None;
        }
        // The section starts with its header, on the campaign's line.
        let first_line = self.lines[index];
        let mut reader =
            PlanReader::starting_at_line(text, first_line, self.options.as_of, self.options.today);
        let campaign = reader.read_one_campaign(parsed.root(), self.as_of)?;
        drop(parsed);
        let mut found = reader.out.diagnostics;
        if found.iter().any(Diagnostic::is_error) {
            return None;
        }
        let taken = self
            .ids
            .iter()
            .enumerate()
            .any(|(other, id)| other != index && *id == campaign.id);
        if taken {
            return None;
        }
        let old_lines = newlines(&old[section.clone()]);
        let new_lines = newlines(text);
        let line_delta = new_lines as isize - old_lines as isize;
        let byte_delta = new_section_end as isize - section.end as isize;

        // The diagnostics: those before the section kept, those in it
        // replaced, those after it moved.
        for diagnostic in &mut found {
            diagnostic.span =
                diagnostic.span.start + section.start..diagnostic.span.end + section.start;
        }
        found.sort_by_key(|d| (d.span.start, d.severity));
        let before = self
            .diagnostics
            .partition_point(|d| d.span.start < section.start);
        let after = self
            .diagnostics
            .partition_point(|d| d.span.start < section.end);
        let mut moved: Vec<Diagnostic> = self.diagnostics.drain(after..).collect();
        for diagnostic in &mut moved {
            diagnostic.span =
                shift(diagnostic.span.start, byte_delta)..shift(diagnostic.span.end, byte_delta);
        }
        self.diagnostics.truncate(before);
        self.diagnostics.extend(found);
        self.diagnostics.extend(moved);

        self.sections[index].end = new_section_end;
        for later in &mut self.sections[index + 1..] {
            *later = shift(later.start, byte_delta)..shift(later.end, byte_delta);
        }
        self.ids[index] = campaign.id.clone();
        self.lines[index] = campaign.line.0;
        for line in &mut self.lines[index + 1..] {
            *line = shift(*line, line_delta);
        }
        Some(CampaignPatch {
            index,
            warnings: self.diagnostics.iter().filter(|d| !d.is_error()).count(),
            campaign,
            line_delta,
        })
    }
}

impl CampaignPatch {
    /// Puts the re-read campaign in place and moves the lines recorded for
    /// the campaigns after it; gives back the campaign it replaced.
    pub fn apply(self, plan: &mut Plan) -> Option<Campaign> {
        let slot = plan.campaigns.get_mut(self.index)?;
        let old = std::mem::replace(slot, self.campaign);
        if self.line_delta != 0 {
            for campaign in &mut plan.campaigns[self.index + 1..] {
                move_lines(campaign, self.line_delta);
            }
        }
        Some(old)
    }
}

fn move_lines(campaign: &mut Campaign, delta: isize) {
    let moved = |line: &mut SourceLine| line.0 = shift(line.0, delta);
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

fn shift(value: usize, delta: isize) -> usize {
    value.saturating_add_signed(delta)
}

/// Where `old` and `new` differ: the first differing byte, and where the
/// unchanged rest starts in each. `None` when they are the same.
fn changed(old: &str, new: &str) -> Option<(usize, usize, usize)> {
    let (old, new) = (old.as_bytes(), new.as_bytes());
    let prefix = common_prefix(old, new);
    if prefix == old.len() && prefix == new.len() {
        return None;
    }
    let room = old.len().min(new.len()) - prefix;
    let suffix = common_suffix(&old[old.len() - room..], &new[new.len() - room..]);
    Some((prefix, old.len() - suffix, new.len() - suffix))
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

fn newlines(text: &str) -> usize {
    super::plan_reader::count_newlines(text.as_bytes())
}
