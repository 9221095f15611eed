//! One campaign's sheet: its title block (the plan, the campaign, its
//! 责任单位, period and roll-up), then one row per task and per indicator
//! in the file's order, every column of the ledger.

use super::super::headline::{Headline, Style};
use super::super::marks::{self, Marker};
use super::cells::{Cell, clean};
use super::items::{Column, ItemCells, Previous, items};
use super::sheet::Rows;
use crate::model::{Campaign, CampaignStatus, Item, Lang};

/// The columns of a campaign sheet; the last two only with `--since`.
pub const COLUMNS: [Column; 18] = [
    Column::Kind,
    Column::Name,
    Column::Amount,
    Column::Total,
    Column::Unit,
    Column::Share,
    Column::Expected,
    Column::Gap,
    Column::Status,
    Column::Start,
    Column::Due,
    Column::DaysLeft,
    Column::Lead,
    Column::Note,
    Column::Assumed,
    Column::Closed,
    Column::Notices,
    Column::LastNotice,
];

pub struct CampaignRows<'a> {
    pub index: usize,
    pub campaign: &'a Campaign,
    pub status: &'a CampaignStatus,
    pub lang: Lang,
    pub ascii: bool,
    pub previous: Previous<'a>,
    /// Whether any item has a previous figure: then the sheet shows it.
    pub with_previous: bool,
    pub columns: Vec<Column>,
    /// The same period last year (`--yoy`): its three columns follow.
    pub yoy: Option<&'a crate::report::yoy::Yoy>,
}

impl<'a> CampaignRows<'a> {
    pub fn new(
        index: usize,
        (campaign, status): (&'a Campaign, &'a CampaignStatus),
        (lang, ascii): (Lang, bool),
        previous: Previous<'a>,
    ) -> CampaignRows<'a> {
        let with_previous = items(campaign).any(|item| previous(index, item).is_some());
        let mut columns = COLUMNS.to_vec();
        if with_previous {
            columns.extend([Column::Previous, Column::Change]);
        }
        CampaignRows {
            index,
            campaign,
            status,
            lang,
            ascii,
            previous,
            with_previous,
            columns,
            yoy: None,
        }
    }

    /// With the columns of the same period last year, when `yoy` is given.
    pub fn with_yoy(mut self, yoy: Option<&'a crate::report::yoy::Yoy>) -> CampaignRows<'a> {
        if yoy.is_some() {
            self.columns
                .extend([Column::LastYear, Column::LastYearFrom, Column::Yoy]);
        }
        self.yoy = yoy;
        self
    }

    fn item(&self, index: usize) -> Item {
        let tasks = self.campaign.tasks.len();
        match index < tasks {
            true => Item::Task(index),
            false => Item::Indicator(index - tasks),
        }
    }

    /// `责任单位：… · 2024-01-01至2024-12-31*`, then the roll-up:
    /// `状态 ▼ 滞后 · 总体进度 68%（…）· 序时进度 100%`.
    pub fn title_lines(&self, marker: &Marker) -> Vec<String> {
        let w = super::words::report(self.lang);
        let mut parts = Vec::new();
        if let Some(lead) = &self.campaign.lead {
            parts.push(format!("{}{}{}", w.lead, w.colon, lead.get(self.lang)));
        }
        parts.extend(marks::period(self.campaign, self.lang, marker));
        let style = Style::Symbols { ascii: self.ascii };
        let headline = Headline::of(self.status, self.lang, style, marker);
        let mut lines = Vec::new();
        if !parts.is_empty() {
            lines.push(clean(&parts.join(" · "), false));
        }
        let headline = headline.line(self.lang);
        if !headline.is_empty() {
            lines.push(clean(&headline, false));
        }
        if let Some(summary) = &self.campaign.summary {
            lines.push(clean(summary.get(self.lang), false));
        }
        lines
    }
}

impl Rows for CampaignRows<'_> {
    fn len(&self) -> usize {
        self.campaign.tasks.len() + self.campaign.indicators.len()
    }

    fn row(&self, index: usize, out: &mut Vec<Cell>) {
        out.clear();
        let item = self.item(index);
        let cells = ItemCells {
            campaign: self.campaign,
            status: self.status,
            item,
            lang: self.lang,
            ascii: self.ascii,
            lead_from_campaign: false,
            previous: match self.with_previous {
                true => (self.previous)(self.index, item),
                false => None,
            },
            yoy: self.yoy,
        };
        out.extend(self.columns.iter().map(|&column| cells.cell(column)));
    }
}

/// Where the status stands among `columns`, for its colours.
pub fn status_column(columns: &[Column]) -> usize {
    columns
        .iter()
        .position(|&c| c == Column::Status)
        .unwrap_or(0)
}
