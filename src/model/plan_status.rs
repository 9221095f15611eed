//! The whole plan's figures at a reporting date: each item's status from
//! `schedule`, each campaign's roll-up from `rollup`.

use chrono::NaiveDate;

use super::marked::Marked;
use super::plan::{Campaign, Plan};
use super::rollup::{Rollup, rollup};
use super::schedule::{IndicatorState, TaskSchedule, task_schedule};
use super::status::Status;

/// The whole plan's figures at one date, computed once for views and reports.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanStatus {
    pub as_of: NaiveDate,
    pub campaigns: Vec<CampaignStatus>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CampaignStatus {
    pub rollup: Rollup,
    pub tasks: Vec<TaskSchedule>,
    pub indicators: Vec<IndicatorState>,
}

impl PlanStatus {
    pub fn compute(plan: &Plan, as_of: NaiveDate) -> PlanStatus {
        let margin = plan.meta.at_risk_margin;
        let campaigns = plan
            .campaigns
            .iter()
            .map(|campaign| CampaignStatus::compute(campaign, as_of, margin))
            .collect();
        PlanStatus { as_of, campaigns }
    }
}

impl CampaignStatus {
    /// Indicators met of those with a target, `None` when none has one;
    /// marked when a met or not-met it counts rests on an assumed value or
    /// target: the card, every report and the ledger show the count so.
    pub fn marked_indicators_met(&self) -> Option<Marked<(usize, usize)>> {
        let rollup = &self.rollup;
        let (met, of) = (rollup.indicators_met, rollup.indicators_with_target);
        let mut judged = self
            .indicators
            .iter()
            .filter(|s| s.status != Status::NoTarget);
        let assumed = judged.any(|s| s.status_assumed);
        (of > 0).then(|| Marked::new((met, of), assumed))
    }

    pub fn compute(campaign: &Campaign, as_of: NaiveDate, margin: f64) -> CampaignStatus {
        let tasks: Vec<TaskSchedule> = campaign
            .tasks
            .iter()
            .map(|task| task_schedule(task, campaign, as_of, margin))
            .collect();
        let indicators: Vec<IndicatorState> =
            campaign.indicators.iter().map(IndicatorState::of).collect();
        CampaignStatus {
            rollup: rollup(campaign, &tasks, &indicators, margin),
            tasks,
            indicators,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::IndicatorState;
    use crate::model::{Assumed, SourceLine, Text, Theme};

    /// A campaign of indicators with these statuses, each marked or not.
    fn campaign(indicators: &[(Status, bool)]) -> CampaignStatus {
        let campaign = Campaign {
            id: "c".into(),
            name: Text::from("C"),
            theme: Theme::Other,
            start: None,
            end: None,
            lead: None,
            summary: None,
            assumed: Assumed::NONE,
            indicators: vec![],
            tasks: vec![],
            line: SourceLine(1),
        };
        let indicators: Vec<IndicatorState> = indicators
            .iter()
            .map(|&(status, status_assumed)| IndicatorState {
                status,
                status_assumed,
            })
            .collect();
        CampaignStatus {
            rollup: rollup(&campaign, &[], &indicators, 0.1),
            tasks: vec![],
            indicators,
        }
    }

    #[test]
    fn indicators_met_is_marked_when_a_status_it_counts_rests_on_an_assumed_value() {
        let count = |c: &CampaignStatus| {
            let marked = c.marked_indicators_met()?;
            Some((marked.value(), marked.assumed()))
        };
        let sourced = campaign(&[(Status::Met, false), (Status::NotMet, false)]);
        assert_eq!(count(&sourced), Some(((1, 2), false)));
        // Met on an assumed target: the count rests on it.
        let assumed = campaign(&[(Status::Met, false), (Status::Met, true)]);
        assert_eq!(count(&assumed), Some(((2, 2), true)));
        // Without a target nothing is counted.
        assert_eq!(count(&campaign(&[(Status::NoTarget, false)])), None);
    }
}
