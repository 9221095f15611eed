//! How a document's diagnostics and sections move when a re-read part
//! takes the place of what it was.

use std::ops::Range;

use super::change::shift;
use super::sections::{ItemKind, ItemSection, Sections};
use crate::load::Diagnostic;

/// Worked out by the re-read from the old document alone, put in place
/// by [`Moves::apply`].
#[derive(Debug)]
pub(super) struct Moves {
    /// The bytes of the old text re-read.
    pub old: Range<usize>,
    /// How much longer the new text is.
    pub delta: isize,
    /// The part's diagnostics, placed in the new text.
    pub diagnostics: Vec<Diagnostic>,
    /// The part's item sections, placed in the new text.
    pub items: Vec<ItemSection>,
    pub renumber: Renumber,
}

/// What changes places besides the bytes after the part.
#[derive(Debug)]
pub(super) enum Renumber {
    None,
    /// Items of the campaign re-read: those listed at `after` (before the
    /// part's items are put in) move by so many places among the tasks and
    /// among the indicators.
    InCampaign {
        after: Range<usize>,
        tasks: isize,
        indicators: isize,
    },
    /// The campaigns at `run` are now those at `placed`: the items after
    /// them belong to campaigns `more` places further.
    Campaigns {
        run: Range<usize>,
        placed: Vec<Range<usize>>,
        more: isize,
    },
}

impl Moves {
    pub(super) fn apply(self, diagnostics: &mut Vec<Diagnostic>, sections: &mut Sections) {
        let Range { start, end } = self.old;
        let before = diagnostics.partition_point(|d| d.span.start < start);
        let after = diagnostics.partition_point(|d| d.span.start < end);
        let mut moved: Vec<Diagnostic> = diagnostics.drain(after..).collect();
        for diagnostic in &mut moved {
            diagnostic.span =
                shift(diagnostic.span.start, self.delta)..shift(diagnostic.span.end, self.delta);
        }
        diagnostics.truncate(before);
        diagnostics.extend(self.diagnostics);
        diagnostics.extend(moved);

        if let Renumber::InCampaign {
            after,
            tasks,
            indicators,
        } = &self.renumber
        {
            for item in &mut sections.items[after.clone()] {
                let by = match item.kind {
                    ItemKind::Task => *tasks,
                    ItemKind::Indicator => *indicators,
                };
                item.index = shift(item.index, by);
            }
        }
        let listed = &sections.items;
        let from = listed.partition_point(|i| i.range.start < start);
        let to = listed.partition_point(|i| i.range.start < end);
        sections.move_from(end, self.delta);
        let after = from + self.items.len();
        sections.items.splice(from..to, self.items);
        if let Renumber::Campaigns { run, placed, more } = self.renumber {
            for item in &mut sections.items[after..] {
                item.campaign = shift(item.campaign, more);
            }
            sections.campaigns.splice(run, placed);
        }
    }
}
