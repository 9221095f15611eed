//! The whole plan's figures at a reporting date: each item's status from
//! `schedule`, each campaign's roll-up from `rollup`.

use chrono::NaiveDate;

use super::plan::{Campaign, Plan};
use super::rollup::{Rollup, rollup};
use super::schedule::{IndicatorState, TaskSchedule, task_schedule};

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
