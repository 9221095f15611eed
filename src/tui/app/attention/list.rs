//! The list across campaigns as computed from the data: its rows in the
//! one order of `model::attention` and the widths its columns need,
//! measured when the data changes, never while drawing.

use super::widths::{ByCampaign, measure};
use crate::model::Plan;
use crate::model::PlanStatus;
use crate::model::attention::{self as order, Attention};
use crate::model::{Lang, Status};
use crate::tui::changes::Change;
use crate::tui::geometry::columns::Columns;

/// The attention list of the data shown, and what its columns need.
pub(crate) struct AttentionList {
    pub items: Vec<Attention>,
    /// Whether a row's status rests on an assumed value (the `*` legend shows).
    pub any_assumed: bool,
    /// Whether a row shows a gap to 序时进度 (the gap legend shows).
    pub any_gap: bool,
    /// For the changes list: how each row moved (beside `items`), and the
    /// items removed since the baseline, which have no row to open.
    pub changes: Vec<Change>,
    /// Named in the file's words at the newest revision that had them
    /// (their `campaign/item` when no name is known).
    pub removed: Vec<crate::model::Text>,
    /// The groups by lead (责任单位), each heading its rows; empty when the
    /// list is not grouped.
    pub groups: Vec<crate::model::by_lead::LeadGroup>,
    /// The last column holds each row's days left to its due date (临期).
    pub due: bool,
    pub(super) zh: Columns,
    pub(super) en: Columns,
    /// The plan's list only: its widths campaign by campaign.
    by_campaign: Option<ByCampaign>,
}

impl AttentionList {
    /// `ascii`: the figures are measured as the screen writes them.
    pub fn new(plan: &Plan, status: &PlanStatus, ascii: bool) -> AttentionList {
        let items = order::attention(status);
        let by_campaign = ByCampaign::new(plan, status, &items, ascii);
        AttentionList {
            zh: by_campaign.columns(Lang::Zh),
            en: by_campaign.columns(Lang::En),
            by_campaign: Some(by_campaign),
            ..AttentionList::unmeasured(items)
        }
    }

    /// The plan's list after campaign `index`, and nothing else, changed:
    /// the rows found again, only that campaign's cells measured again.
    pub fn campaign_changed(
        &mut self,
        index: usize,
        plan: &Plan,
        status: &PlanStatus,
        ascii: bool,
    ) {
        let Some(by_campaign) = self.by_campaign.as_mut() else {
            *self = AttentionList::new(plan, status, ascii);
            return;
        };
        let items = order::attention(status);
        by_campaign.remeasure(index, (plan, status), &items, ascii);
        *self = AttentionList {
            zh: by_campaign.columns(Lang::Zh),
            en: by_campaign.columns(Lang::En),
            by_campaign: self.by_campaign.take(),
            ..AttentionList::unmeasured(items)
        };
    }

    /// The plan's list after campaign `index` took a new name, and nothing
    /// else changed: the rows stay, the name's column is measured again.
    pub fn campaign_renamed(&mut self, index: usize, plan: &Plan) {
        let Some(by_campaign) = self.by_campaign.as_mut() else {
            return;
        };
        let listed = self.items.iter().any(|a| a.campaign == index);
        by_campaign.renamed(index, plan, listed);
        self.zh = by_campaign.columns(Lang::Zh);
        self.en = by_campaign.columns(Lang::En);
    }

    /// A list of any rows across campaigns (search results), measured alike.
    pub fn of(
        plan: &Plan,
        status: &PlanStatus,
        items: Vec<Attention>,
        ascii: bool,
    ) -> AttentionList {
        let measure = |lang: Lang| measure(plan, status, &items, lang, ascii);
        AttentionList {
            zh: measure(Lang::Zh),
            en: measure(Lang::En),
            ..AttentionList::unmeasured(items)
        }
    }

    fn unmeasured(items: Vec<Attention>) -> AttentionList {
        let any_assumed = items.iter().any(|a| a.assumed);
        let any_gap = items
            .iter()
            .any(|a| matches!(a.status, Status::Behind | Status::AtRisk) && a.gap.is_some());
        AttentionList {
            items,
            any_assumed,
            any_gap,
            changes: Vec::new(),
            removed: Vec::new(),
            groups: Vec::new(),
            due: false,
            zh: Columns::default(),
            en: Columns::default(),
            by_campaign: None,
        }
    }

    /// The last column holds each row's change instead of a gap: measured
    /// from the changes, and the gap's legend does not apply.
    pub(in crate::tui::app) fn measure_changes(&mut self, changes: &[Change], ascii: bool) {
        self.any_gap = false;
        for (lang, widths) in [(Lang::Zh, &mut self.zh), (Lang::En, &mut self.en)] {
            widths.gap = changes
                .iter()
                .map(|change| crate::tui::change_cell::list_text(change, lang, ascii))
                .map(|text| u16::try_from(crate::text::width(&text)).unwrap_or(u16::MAX))
                .max()
                .unwrap_or(0);
        }
    }

    /// Whether the list shows a legend line (assumed marks, gaps, removed items).
    pub fn has_legend(&self) -> bool {
        self.any_assumed || self.any_gap || !self.removed.is_empty()
    }

    pub fn widths(&self, lang: Lang) -> Columns {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}
