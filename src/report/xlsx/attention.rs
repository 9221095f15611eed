//! The attention list (督办清单) sheet: every item overdue, not met, behind
//! or at risk, in the model's order (worst first across the campaigns),
//! numbered, with its campaign, figure, 序时进度 and gap, due date, days
//! left (negative when late) and 责任单位 (the campaign's when the item
//! names none), as the other reports list it.

use super::cells::Cell;
use super::items::{Column, ItemCells, Previous};
use super::sheet::Rows;
use crate::model::attention::Attention;
use crate::model::{Lang, Plan, PlanStatus};

/// What follows the number and the campaign on each row.
pub const ITEM_COLUMNS: [Column; 15] = [
    Column::Status,
    Column::Name,
    Column::Amount,
    Column::Total,
    Column::Unit,
    Column::Share,
    Column::Expected,
    Column::Gap,
    Column::Due,
    Column::DaysLeft,
    Column::Lead,
    Column::Note,
    Column::Assumed,
    Column::Notices,
    Column::LastNotice,
];

pub struct AttentionRows<'a> {
    pub plan: &'a Plan,
    pub status: &'a PlanStatus,
    pub items: Vec<Attention>,
    pub lang: Lang,
    pub ascii: bool,
    pub previous: Previous<'a>,
    pub columns: Vec<Column>,
}

impl<'a> AttentionRows<'a> {
    pub fn new(
        (plan, status): (&'a Plan, &'a PlanStatus),
        items: Vec<Attention>,
        (lang, ascii): (Lang, bool),
        previous: Previous<'a>,
    ) -> AttentionRows<'a> {
        let mut columns = ITEM_COLUMNS.to_vec();
        if items.iter().any(|a| previous(a.campaign, a.item).is_some()) {
            columns.extend([Column::Previous, Column::Change]);
        }
        AttentionRows {
            plan,
            status,
            items,
            lang,
            ascii,
            previous,
            columns,
        }
    }

    pub fn headers(&self) -> Vec<String> {
        let l = super::words::ledger(self.lang);
        [l.number, l.campaign]
            .into_iter()
            .chain(self.columns.iter().map(|c| c.header(self.lang)))
            .map(str::to_owned)
            .collect()
    }
}

impl Rows for AttentionRows<'_> {
    fn len(&self) -> usize {
        self.items.len()
    }

    fn row(&self, index: usize, out: &mut Vec<Cell>) {
        out.clear();
        let Some(item) = self.items.get(index) else {
            return;
        };
        let (Some(campaign), Some(status)) = (
            self.plan.campaigns.get(item.campaign),
            self.status.campaigns.get(item.campaign),
        ) else {
            return;
        };
        out.push(Cell::number(
            (index + 1) as f64,
            super::cells::Shape::Whole,
            false,
        ));
        out.push(Cell::text(campaign.name.get(self.lang)));
        let cells = ItemCells {
            campaign,
            status,
            item: item.item,
            lang: self.lang,
            ascii: self.ascii,
            lead_from_campaign: true,
            previous: (self.previous)(item.campaign, item.item),
            yoy: None,
        };
        out.extend(self.columns.iter().map(|&column| cells.cell(column)));
    }
}
