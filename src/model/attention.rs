//! The attention list (督办清单): every item that is overdue, not met,
//! behind or at risk, across campaigns, worst first. One order for the
//! screen's list, a card's "needs attention" and every report.

use std::cmp::Reverse;

use super::{CampaignStatus, Item, PlanStatus, Status};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Attention {
    /// Index into `Plan::campaigns`.
    pub campaign: usize,
    pub item: Item,
    pub status: Status,
    /// 序时进度 minus the fraction done (0..=1), for a task with a schedule
    /// that is short of it.
    pub gap: Option<f64>,
    /// Days past the due date, for an overdue task.
    pub days_late: Option<i64>,
    /// Whether the status rests on an assumed value.
    pub assumed: bool,
}

/// Every item of the plan that needs attention, worst first: by status
/// (overdue, not-met, behind, at-risk), then the longest overdue and the
/// widest gap, then the file's order.
pub fn attention(status: &PlanStatus) -> Vec<Attention> {
    let mut items: Vec<Attention> = status
        .campaigns
        .iter()
        .enumerate()
        .flat_map(|(index, campaign)| unsorted(index, campaign))
        .collect();
    sort(&mut items);
    items
}

/// One campaign's items that need attention, in the same order.
pub fn campaign_attention(index: usize, status: &CampaignStatus) -> Vec<Attention> {
    let mut items: Vec<Attention> = unsorted(index, status).collect();
    sort(&mut items);
    items
}

fn unsorted(index: usize, status: &CampaignStatus) -> impl Iterator<Item = Attention> + '_ {
    let tasks = status
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, task)| task.status.needs_attention())
        .map(move |(i, task)| Attention {
            campaign: index,
            item: Item::Task(i),
            status: task.status,
            gap: task
                .fraction
                .zip(task.expected)
                .map(|(fraction, expected)| expected - fraction.min(1.0))
                .filter(|gap| *gap > 0.0),
            days_late: task
                .days_left
                .filter(|_| task.status == Status::Overdue)
                .map(|days| -days),
            assumed: task.status_assumed,
        });
    let indicators = status
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, indicator)| indicator.status.needs_attention())
        .map(move |(i, indicator)| Attention {
            campaign: index,
            item: Item::Indicator(i),
            status: indicator.status,
            gap: None,
            days_late: None,
            assumed: indicator.status_assumed,
        });
    tasks.chain(indicators)
}

fn sort(items: &mut [Attention]) {
    // Stable: ties keep the campaign's and the file's order.
    items.sort_by(|a, b| {
        let key = |item: &Attention| (item.status, Reverse(item.days_late.unwrap_or(0)));
        key(a)
            .cmp(&key(b))
            .then(b.gap.unwrap_or(0.0).total_cmp(&a.gap.unwrap_or(0.0)))
    });
}
