//! What falls due soon (临期): every task not yet done whose due date is on
//! the reporting date or within `[meta] due_soon_days` after it, across
//! campaigns, nearest first. What is already late is on the attention list.

use super::attention::{Attention, row};
use super::{Item, PlanStatus};

/// The tasks with a total, short of it, due within `days` of the reporting
/// date: nearest first, then the worst status, then the file's order.
pub fn due_soon(status: &PlanStatus, days: u32) -> Vec<Attention> {
    let window = 0..=i64::from(days);
    let mut items: Vec<(i64, Attention)> = status
        .campaigns
        .iter()
        .enumerate()
        .flat_map(|(index, campaign)| {
            let window = window.clone();
            campaign
                .tasks
                .iter()
                .enumerate()
                // A plain count (no fraction) is never done, nor due.
                .filter(|(_, task)| task.fraction.is_some_and(|f| f < 1.0))
                .filter_map(move |(i, task)| {
                    let left = task.days_left.filter(|left| window.contains(left))?;
                    Some((left, row(index, campaign, Item::Task(i))?))
                })
        })
        .collect();
    // Stable: ties keep the campaign's and the file's order.
    items.sort_by_key(|(left, item)| (*left, item.status));
    items.into_iter().map(|(_, item)| item).collect()
}
