//! A list of items by 责任单位 (lead): the item's own lead, else its
//! campaign's. Each group keeps the list's order (worst first), groups come
//! in the order of their first item, and the items with no lead come last.
//! A group counts its items per status and says how far its tasks are short
//! of 序时进度 in their own units ("差24个").

use std::collections::HashMap;

use super::attention::Attention;
use super::{Campaign, Field, Item, Lang, Marked, Plan, PlanStatus, Status, Text};

/// The 责任单位 of an item: its own lead, else its campaign's.
pub fn lead(campaign: &Campaign, item: Item) -> Option<&Text> {
    let own = match item {
        Item::Task(i) => campaign.tasks.get(i).and_then(|t| t.lead.as_ref()),
        Item::Indicator(i) => campaign.indicators.get(i).and_then(|t| t.lead.as_ref()),
    };
    own.or(campaign.lead.as_ref())
}

/// One lead's items: `items[first..first + len]` of the grouped list.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadGroup {
    /// `None`: the items no lead answers for.
    pub lead: Option<Text>,
    pub first: usize,
    pub len: usize,
    /// How many items carry each status, in the status order.
    pub counts: Vec<(Status, usize)>,
    /// How far the group's tasks are short of 序时进度, one amount per unit
    /// (the unit of the first task that has it, in the list's order).
    pub short: Vec<Shortfall>,
}

/// Units a group's tasks lack to be on schedule, in one unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Shortfall {
    pub unit: Option<Text>,
    /// Marked when a task's 序时进度, done or total it rests on is assumed.
    pub amount: Marked<f64>,
}

/// `items` in groups by lead, and the groups.
pub fn by_lead(
    plan: &Plan,
    status: &PlanStatus,
    items: &[Attention],
) -> (Vec<Attention>, Vec<LeadGroup>) {
    let lead_of = |a: &Attention| {
        plan.campaigns
            .get(a.campaign)
            .and_then(|campaign| lead(campaign, a.item))
    };
    // One pass: each item to its lead's bucket, leads in the order of their
    // first item (a lead reads the same in both languages or is another).
    let mut buckets: Vec<(Option<&Text>, Vec<Attention>)> = Vec::new();
    let mut bucket_of: HashMap<Option<(&str, &str)>, usize> = HashMap::new();
    for item in items {
        let lead = lead_of(item);
        let key = lead.map(|t| (t.get(Lang::Zh), t.get(Lang::En)));
        let bucket = *bucket_of.entry(key).or_insert_with(|| {
            buckets.push((lead, Vec::new()));
            buckets.len() - 1
        });
        buckets[bucket].1.push(*item);
    }
    // No lead last: the groups with someone to answer for them come first.
    if let Some(none) = buckets.iter().position(|(lead, _)| lead.is_none()) {
        let none = buckets.remove(none);
        buckets.push(none);
    }
    let mut grouped = Vec::with_capacity(items.len());
    let mut groups = Vec::with_capacity(buckets.len());
    for (lead, members) in buckets {
        let first = grouped.len();
        grouped.extend(members);
        let members = &grouped[first..];
        groups.push(LeadGroup {
            lead: lead.cloned(),
            first,
            len: members.len(),
            counts: counts(members),
            short: shortfalls(plan, status, members),
        });
    }
    (grouped, groups)
}

fn counts(items: &[Attention]) -> Vec<(Status, usize)> {
    let mut counts: Vec<(Status, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(status, _)| *status == item.status) {
            Some((_, n)) => *n += 1,
            None => counts.push((item.status, 1)),
        }
    }
    counts.sort_by_key(|(status, _)| *status);
    counts
}

/// Per unit, what the tasks lack to reach 序时进度 (an overdue task: all
/// of what is left).
fn shortfalls(plan: &Plan, status: &PlanStatus, items: &[Attention]) -> Vec<Shortfall> {
    let mut short: Vec<Shortfall> = Vec::new();
    for item in items {
        let Some(lack) = shortfall(plan, status, item) else {
            continue;
        };
        match short.iter_mut().find(|s| s.unit == lack.unit) {
            Some(s) => {
                s.amount = s.amount.and(lack.amount).map(|(a, b)| a + b);
            }
            None => short.push(lack),
        }
    }
    short
}

/// One task's units short of 序时进度; `None` for an indicator, a plain
/// count, or a task on schedule.
pub fn shortfall(plan: &Plan, status: &PlanStatus, item: &Attention) -> Option<Shortfall> {
    let Item::Task(i) = item.item else {
        return None;
    };
    let task = plan.campaigns.get(item.campaign)?.tasks.get(i)?;
    let schedule = status.campaigns.get(item.campaign)?.tasks.get(i)?;
    let total = task.total?;
    let expected = match item.status {
        Status::Overdue => Marked::resting(1.0, schedule.assumed, &[Field::Due]),
        _ => schedule.marked_expected()?,
    };
    let figures = [Field::Done, Field::Total];
    let figure_assumed = figures.iter().any(|f| task.assumed.contains(*f));
    let lack = expected
        .map(|e| e * total - task.done)
        .or_assumed(figure_assumed);
    (lack.value() > 0.0).then(|| Shortfall {
        unit: task.unit.clone(),
        amount: lack,
    })
}
