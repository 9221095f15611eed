//! The ledger workbook (台账, `report --format xlsx`): an overview sheet,
//! the attention list (督办清单), and one sheet per campaign, in the chosen
//! language. Numbers are number cells, dates date cells, percentages
//! floored as everywhere (`figures`), assumed values marked `*` in their
//! number format with the legend in the sheet's title block. Made for
//! print too: see `sheet`.
//!
//! The campaign sheets and the attention list stream their rows
//! (rust_xlsxwriter's constant-memory mode), so 100 000 tasks cost little
//! beyond the plan itself; past 900 streamed sheets the smallest campaigns
//! are built in memory, to stay within 1 024 open files (`MAX_STREAMED`).

mod attention;
mod brief;
mod campaign;
mod cells;
mod error;
mod formats;
mod items;
mod names;
mod overview;
mod rollup;
mod sheet;
mod words;
mod yoy;

use std::collections::HashSet;

use rust_xlsxwriter::{DocProperties, Workbook, Worksheet};

use super::Report;
use super::marks::Marker;
use crate::model::Item;
use cells::clean;
use formats::Formats;
use names::SheetNames;
use sheet::Page;

pub use error::LedgerError;

pub(super) use brief::brief;
pub(super) use rollup::workbook as rollup_workbook;

impl Report<'_> {
    /// The workbook's bytes. With `--since`, each item's figure at the
    /// last progress meeting fills the 上次调度 / 较上次调度 columns.
    pub(super) fn xlsx(&self) -> Result<Vec<u8>, LedgerError> {
        let previous = |index: usize, item: Item| {
            let campaign = self.plan.campaigns.get(index)?;
            let since = self.compared()?;
            Some(items::Earlier {
                amount: since.previous_amount(campaign, item)?,
                at_least: since.previous(campaign, item)?.at_least,
                change: since.change(campaign, item),
            })
        };
        let previous: items::Previous<'_> = &previous;
        let (lang, ascii) = (self.lang, self.ascii);
        let ledger = words::ledger(lang);
        let mut workbook = Workbook::new();
        let mut formats = Formats::new();
        let mut names = SheetNames::default();
        let head = Head::of(self);

        let rows = overview::OverviewRows {
            campaigns: self.campaigns().collect(),
            lang,
            ascii,
        };
        let page = head.page(&head.title, Vec::new(), rows.headers(), 1, self);
        let sheet = workbook.add_worksheet();
        sheet.set_name(names.claim(ledger.overview_sheet, "overview"))?;
        sheet::write(sheet, &page, &rows, &mut formats)?;

        let rows = attention::AttentionRows::new(
            (self.plan, &self.status),
            self.attention(),
            (lang, ascii),
            previous,
        );
        let title = format!("{} · {}", head.title, ledger.attention_sheet);
        let page = head.page(&title, Vec::new(), rows.headers(), 2, self);
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name(names.claim(ledger.attention_sheet, "attention"))?;
        sheet::write(sheet, &page, &rows, &mut formats)?;

        let streamed = streamed(self);
        for &index in &self.selected {
            let sheet = if streamed.contains(&index) {
                workbook.add_worksheet_with_constant_memory()?
            } else {
                workbook.add_worksheet()
            };
            self.campaign_sheet(index, sheet, &head, (&mut names, &mut formats), previous)?;
        }

        let mut properties = DocProperties::new().set_title(&head.title);
        if let Some(organisation) = &head.organisation {
            properties = properties.set_company(organisation);
        }
        workbook.set_properties(&properties);
        Ok(workbook.save_to_buffer()?)
    }
}

impl Report<'_> {
    /// Campaign `index`'s sheet: its tasks and indicators.
    fn campaign_sheet(
        &self,
        index: usize,
        sheet: &mut Worksheet,
        head: &Head,
        (names, formats): (&mut SheetNames, &mut Formats),
        previous: items::Previous<'_>,
    ) -> Result<(), LedgerError> {
        let (lang, ascii) = (self.lang, self.ascii);
        let (Some(campaign), Some(status)) = (
            self.plan.campaigns.get(index),
            self.status.campaigns.get(index),
        ) else {
            return Ok(());
        };
        let rows = campaign::CampaignRows::new(index, (campaign, status), (lang, ascii), previous)
            .with_yoy(self.year_on_year());
        let marker = Marker::new("*");
        let extra = rows.title_lines(&marker);
        let name = clean(campaign.name.get(lang), false);
        let title = format!("{} · {name}", head.title);
        let headers = rows
            .columns
            .iter()
            .map(|c| c.header(lang).to_owned())
            .collect();
        let status_column = campaign::status_column(&rows.columns);
        let mut page = head.page(&title, extra, headers, status_column, self);
        page.marked = marker.used();
        sheet.set_name(names.claim(&name, &campaign.id))?;
        sheet::write(sheet, &page, &rows, formats)
    }
}

/// Streamed sheets at most, the attention list included. A streamed sheet
/// (rust_xlsxwriter's constant-memory mode) holds a temporary file open
/// until the workbook is saved: one per campaign ran out of descriptors at
/// about 1 020 campaigns under the usual limit of 1 024 open files. 900
/// leaves room below that limit for what else the process holds open.
const MAX_STREAMED: usize = 900;

/// The campaigns whose sheets stream: the largest, up to `MAX_STREAMED`
/// less the attention list. Any campaign beyond them is no larger than
/// each of them and is built in memory (about 2.5 KB a row, against a few
/// bytes streamed), so a workbook of any number of campaigns keeps fewer
/// than 1 024 files open, and only the smallest sheets of a very large
/// workbook cost memory.
fn streamed(report: &Report<'_>) -> HashSet<usize> {
    let mut by_size: Vec<(usize, usize)> = report
        .selected
        .iter()
        .filter_map(|&index| {
            let campaign = report.plan.campaigns.get(index)?;
            Some((campaign.tasks.len() + campaign.indicators.len(), index))
        })
        .collect();
    by_size.sort_unstable_by(|a, b| b.cmp(a));
    by_size
        .into_iter()
        .take(MAX_STREAMED - 1)
        .map(|(_, index)| index)
        .collect()
}

/// What every sheet's title block says of the plan.
struct Head {
    title: String,
    organisation: Option<String>,
    /// `潜江市生态环境局 · 报告日期：2024-12-31`.
    byline: String,
    /// `资料来源：…`.
    source: Option<String>,
}

impl Head {
    fn of(report: &Report<'_>) -> Head {
        let (lang, meta) = (report.lang, &report.plan.meta);
        let w = super::words::words(lang);
        let organisation = meta
            .organisation
            .as_ref()
            .map(|o| clean(o.get(lang), false));
        let date = format!("{}{}{}", w.reporting_date, w.colon, report.as_of());
        let byline = match &organisation {
            Some(organisation) => format!("{organisation} · {date}"),
            None => date,
        };
        Head {
            title: clean(meta.title.get(lang), false),
            organisation,
            byline,
            source: meta
                .source
                .as_ref()
                .map(|source| format!("{}{}{}", w.source, w.colon, clean(source.get(lang), false))),
        }
    }

    fn page(
        &self,
        title: &str,
        extra: Vec<String>,
        headers: Vec<String>,
        status_column: usize,
        report: &Report<'_>,
    ) -> Page {
        let (lang, ascii) = (report.lang, report.ascii);
        let mut lines = vec![title.to_owned(), self.byline.clone()];
        lines.extend(self.source.clone());
        lines.extend(extra);
        let w = super::words::words(lang);
        Page {
            title: lines,
            legend: format!("* {}", w.assumed_legend),
            marked: false,
            headers,
            statuses: Some((status_column, items::status_tones(lang, ascii))),
            running_head: (title.to_owned(), self.byline.clone()),
            page_numbers: words::ledger(lang).page,
        }
    }
}
