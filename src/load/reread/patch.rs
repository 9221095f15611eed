//! What a re-read changed, and how it goes into the plan.

use std::ops::Range;

use super::change::shift;
use crate::model::{Campaign, Indicator, Meta, Plan, SourceLine, Task};

/// What a re-read changed: put it in place with [`Patch::apply`].
#[derive(Debug)]
pub struct Patch {
    pub replacement: Replacement,
    /// The line the re-read part starts on: the lines recorded after it
    /// move by `line_delta`.
    pub from_line: usize,
    /// How many lines the change added (or, negative, removed).
    pub line_delta: isize,
    /// The warnings of the whole file after the change.
    pub warnings: usize,
}

#[derive(Debug)]
pub enum Replacement {
    Meta(Meta),
    /// A run of whole campaigns, from one to a few: those at `range` give
    /// way to `new` (as many, or more, or fewer).
    Campaigns {
        range: Range<usize>,
        new: Vec<Campaign>,
    },
    /// A campaign's own keys; its tasks and indicators stay.
    Head(usize, Campaign),
    /// A run of a campaign's items: its tasks at `tasks` give way to
    /// `new_tasks`, its indicators at `indicators` to `new_indicators`.
    Items {
        campaign: usize,
        tasks: Range<usize>,
        new_tasks: Vec<Task>,
        indicators: Range<usize>,
        new_indicators: Vec<Indicator>,
    },
}

impl Patch {
    /// The one campaign changed, still at its place; `None` when the change
    /// touches them all (`[meta]`) or adds or removes campaigns.
    pub fn campaign(&self) -> Option<usize> {
        match &self.replacement {
            Replacement::Meta(_) => None,
            Replacement::Campaigns { range, new } => {
                (range.len() == 1 && new.len() == 1).then_some(range.start)
            }
            Replacement::Head(index, _) => Some(*index),
            Replacement::Items { campaign, .. } => Some(*campaign),
        }
    }

    /// Puts the re-read part in place and moves the lines recorded after
    /// it; gives back the campaigns it replaced whole.
    pub fn apply(self, plan: &mut Plan) -> Vec<Campaign> {
        if self.line_delta != 0 {
            move_lines(plan, self.from_line, self.line_delta);
        }
        match self.replacement {
            Replacement::Meta(meta) => plan.meta = meta,
            Replacement::Campaigns { range, new } => {
                if range.end <= plan.campaigns.len() {
                    return plan.campaigns.splice(range, new).collect();
                }
            }
            Replacement::Head(index, mut head) => {
                if let Some(campaign) = plan.campaigns.get_mut(index) {
                    head.tasks = std::mem::take(&mut campaign.tasks);
                    head.indicators = std::mem::take(&mut campaign.indicators);
                    *campaign = head;
                }
            }
            Replacement::Items {
                campaign,
                tasks,
                new_tasks,
                indicators,
                new_indicators,
            } => {
                if let Some(campaign) = plan.campaigns.get_mut(campaign) {
                    campaign.tasks.splice(tasks, new_tasks);
                    campaign.indicators.splice(indicators, new_indicators);
                }
            }
        }
        Vec::new()
    }
}

/// Moves every line recorded after `line` by `delta`.
fn move_lines(plan: &mut Plan, line: usize, delta: isize) {
    let moved = |at: &mut SourceLine| {
        if at.0 > line {
            at.0 = shift(at.0, delta);
        }
    };
    for campaign in &mut plan.campaigns {
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
}
