//! The overview sheet: one row per campaign with its roll-up (DESIGN
//! "Campaign roll-up (contract 2)"): status, progress and 序时进度 with the
//! gap between them, how many tasks the progress stands for, tasks per
//! status, indicators met, 责任单位 and period.

use super::super::words::status_with_symbol;
use super::cells::{Cell, Shape};
use super::items::assumed_cell;
use super::sheet::Rows;
use crate::figures;
use crate::i18n;
use crate::model::{Campaign, CampaignStatus, Field, Lang, Status};

/// The task statuses counted, one column each, worst first.
pub const COUNTED: [Status; 9] = Status::TASK;

pub struct OverviewRows<'a> {
    pub campaigns: Vec<(&'a Campaign, &'a CampaignStatus)>,
    pub lang: Lang,
    pub ascii: bool,
}

impl OverviewRows<'_> {
    pub fn headers(&self) -> Vec<String> {
        let (l, w) = (
            super::words::ledger(self.lang),
            super::words::report(self.lang),
        );
        let mut headers = vec![
            l.campaign, w.status, w.progress, w.expected, l.gap, l.measured, l.tasks, l.planned,
        ];
        headers.extend(COUNTED.iter().map(|&s| i18n::status_word(s, self.lang)));
        headers.extend([
            l.indicators_met,
            l.with_target,
            w.lead,
            w.start,
            l.end,
            l.assumed,
        ]);
        headers.into_iter().map(str::to_owned).collect()
    }
}

impl Rows for OverviewRows<'_> {
    fn len(&self) -> usize {
        self.campaigns.len()
    }

    fn row(&self, index: usize, out: &mut Vec<Cell>) {
        out.clear();
        let Some((campaign, status)) = self.campaigns.get(index) else {
            return;
        };
        let (lang, rollup) = (self.lang, &status.rollup);
        let whole = |n: usize| Cell::number(n as f64, Shape::Whole, false);
        out.push(Cell::text(campaign.name.get(lang)));
        out.push(rollup.status.map_or(Cell::Empty, |s| {
            Cell::Status(format!(
                "{}{}",
                status_with_symbol(s, lang, self.ascii),
                figures::mark(rollup.status_assumed)
            ))
        }));
        out.push(Cell::percent(rollup.progress, rollup.progress_assumed));
        out.push(Cell::percent(rollup.expected, rollup.expected_assumed));
        let gap = rollup
            .expected
            .zip(rollup.progress)
            .and_then(|(expected, progress)| figures::gap_points(expected, progress));
        out.push(gap.map_or(Cell::Empty, |points| {
            let marked = rollup.progress_assumed || rollup.expected_assumed;
            Cell::number(f64::from(points), Shape::Whole, marked)
        }));
        out.push(whole(rollup.measured));
        out.push(whole(rollup.tasks));
        out.push(whole(rollup.planned));
        for counted in COUNTED {
            out.push(whole(
                rollup.status_counts.get(&counted).copied().unwrap_or(0),
            ));
        }
        let met = status.marked_indicators_met();
        let marked = met.is_some_and(|count| count.assumed());
        out.push(Cell::number(
            rollup.indicators_met as f64,
            Shape::Whole,
            marked,
        ));
        out.push(whole(rollup.indicators_with_target));
        out.push(Cell::optional(campaign.lead.as_ref().map(|l| l.get(lang))));
        let assumed = campaign.assumed;
        out.push(Cell::date(campaign.start, assumed.contains(Field::Start)));
        out.push(Cell::date(campaign.end, assumed.contains(Field::End)));
        out.push(assumed_cell(assumed, lang));
    }
}
