//! The attention list (督办清单): every item that is overdue, not met,
//! behind or at risk, across campaigns, worst first. One order for the
//! screen's list, a card's "needs attention" and every report.

use std::cmp::Reverse;

use super::{CampaignStatus, Item, Marked, PlanStatus, Status};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Attention {
    /// Index into `Plan::campaigns`.
    pub campaign: usize,
    pub item: Item,
    pub status: Status,
    /// 序时进度 minus the fraction done (0..=1), for a task with a schedule
    /// that is short of it; marked as the dates and figures it rests on.
    pub gap: Option<Marked<f64>>,
    /// Days past the due date, for an overdue task; marked when the due is.
    pub days_late: Option<Marked<i64>>,
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
    let tasks = (0..status.tasks.len()).map(Item::Task);
    let indicators = (0..status.indicators.len()).map(Item::Indicator);
    tasks
        .chain(indicators)
        .filter_map(move |item| row(index, status, item))
        .filter(|row| row.status.needs_attention())
}

/// Any item of campaign `index` as a row of a list across campaigns (the
/// attention list, search results), with its gap and days late.
pub fn row(index: usize, status: &CampaignStatus, item: Item) -> Option<Attention> {
    Some(match item {
        Item::Task(i) => {
            let task = status.tasks.get(i)?;
            Attention {
                campaign: index,
                item,
                status: task.status,
                gap: task.marked_gap(),
                days_late: task
                    .marked_days_left()
                    .filter(|_| task.status == Status::Overdue)
                    .map(|days| days.map(|d| -d)),
                assumed: task.status_assumed,
            }
        }
        Item::Indicator(i) => {
            let indicator = status.indicators.get(i)?;
            Attention {
                campaign: index,
                item,
                status: indicator.status,
                gap: None,
                days_late: None,
                assumed: indicator.status_assumed,
            }
        }
    })
}

fn sort(items: &mut [Attention]) {
    // Stable: ties keep the campaign's and the file's order.
    items.sort_by(worse_first);
}

/// The attention list's one order: by status, then the longest overdue,
/// then the widest gap. A list across many plans (the roll-up's) sorts by
/// it too.
pub fn worse_first(a: &Attention, b: &Attention) -> std::cmp::Ordering {
    let late = |item: &Attention| item.days_late.map_or(0, |d| d.value());
    let gap = |item: &Attention| item.gap.map_or(0.0, |g| g.value());
    let key = |item: &Attention| (item.status, Reverse(late(item)));
    key(a).cmp(&key(b)).then(gap(b).total_cmp(&gap(a)))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Assumed, Better, Campaign, Indicator, Level, Plan, Scale, SourceLine};
    use crate::model::{Field, Meta, Task, Text, Theme};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn task(id: &str, done: f64, due: &str) -> Task {
        Task {
            id: id.into(),
            name: Text::from(id),
            done,
            qualifiers: Default::default(),
            total: Some(10.0),
            unit: None,
            start: Some(date("2024-01-01")),
            due: Some(date(due)),
            weight: 1.0,
            lead: None,
            note: None,
            history: vec![],
            parts: vec![],
            follows: None,
            assumed: Assumed::NONE,
            line: SourceLine(1),
            closed: None,
            stage: None,
            notices: vec![],
        }
    }

    fn campaign(id: &str, tasks: Vec<Task>, indicators: Vec<Indicator>) -> Campaign {
        Campaign {
            id: id.into(),
            name: Text::from(id),
            theme: Theme::Other,
            start: None,
            end: None,
            lead: None,
            summary: None,
            assumed: Assumed::NONE,
            indicators,
            tasks,
            line: SourceLine(1),
        }
    }

    fn missed(id: &str, assumed: Assumed) -> Indicator {
        Indicator {
            id: id.into(),
            name: Text::from(id),
            unit: None,
            scale: Scale::Number,
            value: Level::Number(94.0),
            qualifiers: Default::default(),
            target: Some(Level::Number(95.0)),
            better: Some(Better::Higher),
            lead: None,
            note: None,
            history: vec![],
            parts: vec![],
            assumed,
            line: SourceLine(1),
            notices: vec![],
        }
    }

    #[test]
    fn worst_first_across_campaigns() {
        let plan = Plan {
            meta: Meta {
                title: Text::from("T"),
                organisation: None,
                as_of: None,
                source: None,
                at_risk_margin: 0.10,
                due_soon_days: Some(30),
                close_stages: vec![],
            },
            campaigns: vec![
                campaign(
                    "a",
                    vec![
                        // Half the year gone at 2024-07-01: 0.1 done is behind by 0.4.
                        task("slightly-behind", 3.0, "2024-12-31"),
                        task("far-behind", 1.0, "2024-12-31"),
                        task("late-2-days", 5.0, "2024-06-29"),
                        task("fine", 9.0, "2024-12-31"),
                    ],
                    vec![],
                ),
                campaign(
                    "b",
                    vec![task("late-10-days", 5.0, "2024-06-21")],
                    vec![missed("missed", Assumed::of(&[Field::Target]))],
                ),
            ],
        };
        let status = PlanStatus::compute(&plan, date("2024-07-01"));
        let items = attention(&status);
        let names: Vec<(usize, Item, Status)> = items
            .iter()
            .map(|a| (a.campaign, a.item, a.status))
            .collect();
        assert_eq!(
            names,
            [
                (1, Item::Task(0), Status::Overdue),
                (0, Item::Task(2), Status::Overdue),
                (1, Item::Indicator(0), Status::NotMet),
                (0, Item::Task(1), Status::Behind),
                (0, Item::Task(0), Status::Behind),
            ]
        );
        assert_eq!(items[0].days_late.map(|d| d.value()), Some(10));
        assert_eq!(items[1].days_late.map(|d| d.value()), Some(2));
        // Only the not-met target is assumed.
        assert!(items[2].assumed && !items[0].assumed && !items[3].assumed);
        // 182 of 365 days gone: 0.4986 expected, 0.1 done.
        let gap = items[3].gap.unwrap().value();
        assert!((gap - (182.0 / 365.0 - 0.1)).abs() < 1e-12, "{gap}");
        // One campaign's list keeps the same order.
        let first: Vec<Item> = campaign_attention(0, &status.campaigns[0])
            .iter()
            .map(|a| a.item)
            .collect();
        assert_eq!(first, [Item::Task(2), Item::Task(1), Item::Task(0)]);
    }
}
