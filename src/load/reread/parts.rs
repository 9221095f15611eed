//! A re-read and `parts`: a part read alone does not check a whole against
//! the sum of its parts, which may lie anywhere in the plan, so a plan
//! that writes `parts` anywhere (before or after the change) is left to a
//! whole parse, unless only `[meta]` changed. Plans with `parts` are
//! bureau-sized; the re-read is for the very large ones.

use super::{Patch, Replacement};
use crate::model::{Campaign, Indicator, Plan, Task};

/// Whether putting `patch` in place could change what the plan's `parts`
/// say, or the warnings about them.
pub(super) fn touches_parts(plan: &Plan, patch: &Patch) -> bool {
    let brings = match &patch.replacement {
        Replacement::Meta(_) => return false,
        Replacement::Campaigns { new, .. } => new.iter().any(has_parts),
        Replacement::Head(_, head) => has_parts(head),
        Replacement::Items {
            new_tasks,
            new_indicators,
            ..
        } => items_have_parts(new_tasks, new_indicators),
    };
    brings || plan.campaigns.iter().any(has_parts)
}

fn has_parts(campaign: &Campaign) -> bool {
    items_have_parts(&campaign.tasks, &campaign.indicators)
}

fn items_have_parts(tasks: &[Task], indicators: &[Indicator]) -> bool {
    tasks.iter().any(|task| !task.parts.is_empty())
        || indicators
            .iter()
            .any(|indicator| !indicator.parts.is_empty())
}
