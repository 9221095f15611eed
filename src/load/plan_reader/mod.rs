//! Walks the parsed document into a `Plan`, checking every rule of
//! DESIGN.md on the way, with the span of each offending value.
//!
//! This file holds the reader and its ways in (a whole file, or one part of
//! it re-read alone); each table kind is read in a file of its own.

mod assumed;
mod campaign;
mod closing;
mod follows;
mod history;
mod ids;
mod indicator;
mod lines;
mod meta;
mod parts;
mod qualifiers;
mod task;

use std::ops::Range;

use super::fields::{Collector, Fields, Value};
use super::format;
use super::tree::Item;
use super::{Diagnostic, Options, Words};
use crate::model::{Campaign, Indicator, Meta, Plan, SourceLine, Task, Text};
use chrono::NaiveDate;
use ids::IdSet;
use lines::LineCursor;

pub(super) use lines::count_newlines;

pub struct PlanReader<'s> {
    lines: LineCursor<'s>,
    /// How the reporting date is found, for the "history after as_of" warning.
    dates: Options,
    /// Where each `follows` read so far is written, checked with the plan.
    follows: Vec<Range<usize>>,
    /// Where each `parts` read so far is written, checked with the plan.
    parts: Vec<parts::WrittenParts>,
    /// `[meta] close_stages`, which a task's `stage` must name.
    close_stages: Vec<String>,
    pub out: Collector,
}

impl<'s> PlanReader<'s> {
    pub fn new(source: &'s str, dates: Options) -> Self {
        Self::starting_at_line(source, 1, dates)
    }

    /// A reader of a piece of a file that starts on line `first_line`.
    pub fn starting_at_line(source: &'s str, first_line: usize, dates: Options) -> Self {
        PlanReader {
            lines: LineCursor::new(source, first_line),
            dates,
            follows: Vec::new(),
            parts: Vec::new(),
            close_stages: Vec::new(),
            out: Collector::default(),
        }
    }

    /// A reader of a part of a plan whose `[meta]` lists these stages.
    pub fn with_close_stages(mut self, stages: &[String]) -> Self {
        self.close_stages = stages.to_vec();
        self
    }

    pub fn read(&mut self, root: Value<'_, '_>) -> Option<Plan> {
        let root = self.out.table(root, &format::ROOT)?;
        let meta = match root.get("meta") {
            Some(meta) => {
                let meta = self.meta(meta);
                if let Some(meta) = &meta {
                    self.close_stages.clone_from(&meta.close_stages);
                }
                meta
            }
            None => {
                self.out.error(
                    Diagnostic::error(
                        0..0,
                        Words::new("missing the [meta] table", "缺少 `[meta]` 表"),
                        Words::new("the file starts here", "文件从这里开始"),
                    )
                    .with_help(Words::new(
                        "add [meta] with at least title = \"...\"",
                        "请加上 `[meta]`，至少写明 `title = \"...\"`",
                    )),
                );
                None
            }
        };
        let as_of = self
            .dates
            .reporting_date(meta.as_ref().and_then(|meta| meta.as_of));
        let mut campaigns = Vec::new();
        let mut campaign_ids = IdSet::default();
        if let Some(list) = root.get("campaign") {
            for value in self
                .out
                .array(list, "campaign")
                .into_iter()
                .flat_map(|items| items.iter())
            {
                if let Some(campaign) = self.campaign(value, as_of, &mut campaign_ids, false) {
                    campaigns.push(campaign);
                }
            }
        }
        let plan = Plan {
            meta: meta?,
            campaigns,
        };
        self.check_follows(&plan);
        self.check_parts(&plan);
        Some(plan)
    }

    /// Reads a text that holds `[[campaign]]` tables and nothing else (a
    /// run of campaigns' sections, re-read alone). Their ids are checked
    /// against each other, not against the plan's other campaigns; the
    /// caller looks for errors.
    pub fn read_campaigns(
        &mut self,
        root: Value<'_, '_>,
        as_of: NaiveDate,
    ) -> Option<Vec<Campaign>> {
        let Item::Array(list) = only_key(root, "campaign")?.item() else {
            return None;
        };
        let ids = &mut IdSet::default();
        list.iter()
            .map(|value| self.campaign(value, as_of, ids, false))
            .collect()
    }

    /// Reads a text that holds the head of one `[[campaign]]` table: its
    /// own keys, none of its tasks or indicators (they are kept).
    pub fn read_campaign_head(
        &mut self,
        root: Value<'_, '_>,
        as_of: NaiveDate,
    ) -> Option<Campaign> {
        let value = only_element(only_key(root, "campaign")?)?;
        let Item::Table(table) = value.item() else {
            return None;
        };
        if table.get("task").is_some() || table.get("indicator").is_some() {
            return None;
        }
        self.campaign(value, as_of, &mut IdSet::default(), true)
    }

    /// Reads a text that holds `[[campaign.task]]` and
    /// `[[campaign.indicator]]` tables and nothing else (a run of items
    /// re-read alone) as items of `campaign`. Their ids are checked against
    /// each other, not against the campaign's other items.
    pub fn read_items(
        &mut self,
        root: Value<'_, '_>,
        campaign: &Campaign,
        as_of: NaiveDate,
    ) -> Option<(Vec<Indicator>, Vec<Task>)> {
        let inner = only_key(root, "campaign")?;
        let Item::Table(table) = inner.item() else {
            return None;
        };
        let known = table
            .iter()
            .all(|(key, _, _)| key == "task" || key == "indicator");
        if table.is_empty() || !known {
            return None;
        }
        let fields = self.out.table_keys(inner, &format::CAMPAIGN)?;
        let window = (campaign.start, campaign.end);
        Some(self.items(&fields, window, as_of, &mut IdSet::default()))
    }

    /// Reads a text that holds the `[meta]` table and nothing else.
    pub fn read_meta_alone(&mut self, root: Value<'_, '_>) -> Option<Meta> {
        self.meta(only_key(root, "meta")?)
    }

    fn optional_text(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<Text> {
        fields.get(key).and_then(|v| self.out.text(v, key))
    }

    fn optional_date(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<NaiveDate> {
        fields.get(key).and_then(|v| self.out.date(v, key))
    }

    fn line_of(&mut self, span: &Range<usize>) -> SourceLine {
        SourceLine(self.lines.line(span.start))
    }

    fn non_negative(&mut self, value: Value<'_, '_>, key: &str, number: f64) -> Option<f64> {
        if number < 0.0 {
            self.out.error(Diagnostic::error(
                value.span(),
                Words::new(
                    format!("`{key}` must not be negative, found {number}"),
                    format!("`{key}` 不能为负数，实为 {number}"),
                ),
                Words::new("negative", "负数"),
            ));
            return None;
        }
        Some(number)
    }
}

/// The value of the root's one key `key`.
fn only_key<'a, 'i>(root: Value<'a, 'i>, key: &str) -> Option<Value<'a, 'i>> {
    let Item::Table(table) = root.item() else {
        return None;
    };
    table.get(key).filter(|_| table.len() == 1)
}

/// The one element of an array.
fn only_element<'a, 'i>(list: Value<'a, 'i>) -> Option<Value<'a, 'i>> {
    let Item::Array(list) = list.item() else {
        return None;
    };
    let mut items = list.iter();
    match (items.next(), items.next()) {
        (Some(value), None) => Some(value),
        _ => None,
    }
}
