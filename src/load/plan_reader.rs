//! Walks the parsed document into a `Plan`, checking every rule of
//! DESIGN.md on the way, with the span of each offending value.

use std::collections::HashMap;
use std::ops::Range;

use super::Diagnostic;
use super::fields::{Collector, Fields, Value};
use super::keys::*;
use super::tree::Item;
use crate::model::{
    Better, Campaign, DEFAULT_AT_RISK_MARGIN, Indicator, IndicatorPoint, Level, Meta, Plan, Scale,
    SourceLine, Task, TaskPoint, Text, Theme, WaterClass,
};
use chrono::NaiveDate;

pub struct PlanReader<'s> {
    lines: LineCursor<'s>,
    /// The date statuses are computed at, for the "history after as_of" warning.
    as_of_override: Option<NaiveDate>,
    today: NaiveDate,
    pub out: Collector,
}

impl<'s> PlanReader<'s> {
    pub fn new(source: &'s str, as_of_override: Option<NaiveDate>, today: NaiveDate) -> Self {
        Self::starting_at_line(source, 1, as_of_override, today)
    }

    /// A reader of a piece of a file that starts on line `first_line`.
    pub fn starting_at_line(
        source: &'s str,
        first_line: usize,
        as_of_override: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Self {
        PlanReader {
            lines: LineCursor {
                source,
                offset: 0,
                line: first_line,
            },
            as_of_override,
            today,
            out: Collector::default(),
        }
    }

    pub fn read(&mut self, root: Value<'_, '_>) -> Option<Plan> {
        let root = self.out.table(root, "the file", ROOT_KEYS)?;
        let meta = match root.get("meta") {
            Some(meta) => self.meta(meta),
            None => {
                self.out.error(
                    Diagnostic::error(0..0, "missing the [meta] table", "the file starts here")
                        .with_help("add [meta] with at least title = \"...\""),
                );
                None
            }
        };
        let as_of = self
            .as_of_override
            .or(meta.as_ref().and_then(|meta| meta.as_of))
            .unwrap_or(self.today);
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
        Some(Plan {
            meta: meta?,
            campaigns,
        })
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
        let fields = self.out.table(inner, "[[campaign]]", CAMPAIGN_KEYS)?;
        let window = (campaign.start, campaign.end);
        Some(self.items(&fields, window, as_of, &mut IdSet::default()))
    }

    /// Reads a text that holds the `[meta]` table and nothing else.
    pub fn read_meta_alone(&mut self, root: Value<'_, '_>) -> Option<Meta> {
        self.meta(only_key(root, "meta")?)
    }

    fn meta(&mut self, value: Value<'_, '_>) -> Option<Meta> {
        let fields = self.out.table(value, "[meta]", META_KEYS)?;
        let title = self
            .out
            .required(&fields, "title")
            .and_then(|v| self.out.text(v, "title"));
        let organisation = self.optional_text(&fields, "organisation");
        let source = self.optional_text(&fields, "source");
        let as_of = fields.get("as_of").and_then(|v| self.out.date(v, "as_of"));
        let at_risk_margin = match fields.get("at_risk_margin") {
            None => Some(DEFAULT_AT_RISK_MARGIN),
            Some(v) => self.out.number(v, "at_risk_margin").and_then(|margin| {
                if (0.0..=1.0).contains(&margin) {
                    Some(margin)
                } else {
                    self.out.error(Diagnostic::error(
                        v.span(),
                        "`at_risk_margin` must be between 0 and 1",
                        "a share, like 0.10",
                    ));
                    None
                }
            }),
        };
        Some(Meta {
            title: title?,
            organisation,
            as_of,
            source,
            at_risk_margin: at_risk_margin?,
        })
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

    /// Reads a campaign; `items_elsewhere` when its tasks and indicators are
    /// not in `value` (its head re-read alone), so it is not "empty".
    fn campaign(
        &mut self,
        value: Value<'_, '_>,
        as_of: NaiveDate,
        ids: &mut IdSet,
        items_elsewhere: bool,
    ) -> Option<Campaign> {
        let fields = self.out.table(value, "[[campaign]]", CAMPAIGN_KEYS)?;
        // Asked before the tasks are read, so the line count runs through the file once.
        let line = self.line_of(&fields.span);
        let id = self.required_id(&fields, ids);
        let name = self
            .out
            .required(&fields, "name")
            .and_then(|v| self.out.text(v, "name"));
        let theme = match fields.get("theme") {
            None => Some(Theme::Other),
            Some(v) => self.out.string(v, "theme").and_then(|word| {
                let theme = Theme::parse(&word);
                if theme.is_none() {
                    self.out.error(
                        Diagnostic::error(
                            v.span(),
                            format!("unknown theme `{word}`"),
                            "unknown theme",
                        )
                        .with_help("theme is one of: air, water, soil, other"),
                    );
                }
                theme
            }),
        };
        let start = self.optional_date(&fields, "start");
        let end = self.optional_date(&fields, "end");
        if let (Some(start), Some(end), Some(end_value)) = (start, end, fields.get("end")) {
            if start > end {
                self.out.error(Diagnostic::error(
                    end_value.span(),
                    format!("the campaign ends ({end}) before it starts ({start})"),
                    "end is before start",
                ));
            }
        }
        let lead = self.optional_text(&fields, "lead");
        let summary = self.optional_text(&fields, "summary");
        // Ids of tasks and indicators share one namespace: `set` addresses both as CAMPAIGN/ITEM.
        let (indicators, tasks) = self.items(&fields, (start, end), as_of, &mut IdSet::default());
        let empty = fields.get("task").is_none() && fields.get("indicator").is_none();
        if empty && id.is_some() && !items_elsewhere {
            self.out.error(Diagnostic::warning(
                fields.span.clone(),
                format!(
                    "campaign `{}` has no tasks and no indicators",
                    id.as_deref().unwrap_or("")
                ),
                "nothing to track here yet",
            ));
        }
        Some(Campaign {
            id: id?,
            name: name?,
            theme: theme?,
            start,
            end,
            lead,
            summary,
            indicators,
            tasks,
            line,
        })
    }

    /// A campaign's indicators and tasks, as far as they are right.
    fn items(
        &mut self,
        fields: &Fields<'_, '_>,
        window: (Option<NaiveDate>, Option<NaiveDate>),
        as_of: NaiveDate,
        ids: &mut IdSet,
    ) -> (Vec<Indicator>, Vec<Task>) {
        let mut indicators = Vec::new();
        if let Some(list) = fields.get("indicator") {
            for value in self
                .out
                .array(list, "indicator")
                .into_iter()
                .flat_map(|items| items.iter())
            {
                if let Some(indicator) = self.indicator(value, as_of, ids) {
                    indicators.push(indicator);
                }
            }
        }
        let mut tasks = Vec::new();
        if let Some(list) = fields.get("task") {
            for value in self
                .out
                .array(list, "task")
                .into_iter()
                .flat_map(|items| items.iter())
            {
                if let Some(task) = self.task(value, window, as_of, ids) {
                    tasks.push(task);
                }
            }
        }
        (indicators, tasks)
    }

    fn required_id(&mut self, fields: &Fields<'_, '_>, ids: &mut IdSet) -> Option<String> {
        let value = self.out.required(fields, "id")?;
        let id = self.out.id(value)?;
        if let Some(first) = ids.insert(&id, value.span()) {
            let line = self.line_of(&first).0;
            self.out.error(
                Diagnostic::error(value.span(), format!("duplicate id `{id}`"), "used twice")
                    .with_help(format!(
                        "`{id}` is first used on line {line}; ids must be unique"
                    )),
            );
            return None;
        }
        Some(id)
    }

    fn task(
        &mut self,
        value: Value<'_, '_>,
        campaign_window: (Option<NaiveDate>, Option<NaiveDate>),
        as_of: NaiveDate,
        ids: &mut IdSet,
    ) -> Option<Task> {
        let fields = self.out.table(value, "[[campaign.task]]", TASK_KEYS)?;
        let id = self.required_id(&fields, ids);
        let name = self
            .out
            .required(&fields, "name")
            .and_then(|v| self.out.text(v, "name"));
        let done = self.out.required(&fields, "done").and_then(|v| {
            let done = self.out.number(v, "done")?;
            self.non_negative(v, "done", done)
        });
        let total = fields.get("total").and_then(|v| {
            let total = self.out.number(v, "total")?;
            if total <= 0.0 {
                self.out.error(
                    Diagnostic::error(
                        v.span(),
                        format!("`total` must be more than 0, found {total}"),
                        "not a positive total",
                    )
                    .with_help("leave `total` out to make the task a plain count"),
                );
                return None;
            }
            Some(total)
        });
        if let (Some(done), Some(total), Some(v)) = (done, total, fields.get("done")) {
            if done > total {
                self.out.error(Diagnostic::warning(
                    v.span(),
                    format!("`done` ({done}) is more than `total` ({total})"),
                    "over-achieved",
                ));
            }
        }
        let start = self.optional_date(&fields, "start");
        let due = self.optional_date(&fields, "due");
        let (effective_start, effective_due) =
            (start.or(campaign_window.0), due.or(campaign_window.1));
        let own_dates = start.is_some() || due.is_some();
        if let (true, Some(s), Some(d)) = (own_dates, effective_start, effective_due) {
            if s > d {
                let at = fields
                    .get("due")
                    .or(fields.get("start"))
                    .map_or(fields.span.clone(), |v| v.span());
                self.out.error(Diagnostic::error(
                    at,
                    format!("the task is due ({d}) before it starts ({s})"),
                    "due is before start",
                ));
            }
        }
        let weight = match fields.get("weight") {
            None => Some(1.0),
            Some(v) => self
                .out
                .number(v, "weight")
                .and_then(|weight| self.non_negative(v, "weight", weight)),
        };
        let unit = self.optional_text(&fields, "unit");
        let lead = self.optional_text(&fields, "lead");
        let note = self.optional_text(&fields, "note");
        let history = match fields.get("history") {
            None => Some(Vec::new()),
            Some(list) => self.history(list, as_of, TASK_POINT_KEYS, |reader, point| {
                let done = reader.out.required(point, "done")?;
                let number = reader.out.number(done, "done")?;
                reader.non_negative(done, "done", number)
            }),
        };
        Some(Task {
            id: id?,
            name: name?,
            done: done?,
            total,
            unit,
            start,
            due,
            weight: weight?,
            lead,
            note,
            history: history?
                .into_iter()
                .map(|(date, done)| TaskPoint { date, done })
                .collect(),
            line: self.line_of(&fields.span),
        })
    }

    fn non_negative(&mut self, value: Value<'_, '_>, key: &str, number: f64) -> Option<f64> {
        if number < 0.0 {
            self.out.error(Diagnostic::error(
                value.span(),
                format!("`{key}` must not be negative, found {number}"),
                "negative",
            ));
            return None;
        }
        Some(number)
    }

    fn indicator(
        &mut self,
        value: Value<'_, '_>,
        as_of: NaiveDate,
        ids: &mut IdSet,
    ) -> Option<Indicator> {
        let fields = self
            .out
            .table(value, "[[campaign.indicator]]", INDICATOR_KEYS)?;
        let id = self.required_id(&fields, ids);
        let name = self
            .out
            .required(&fields, "name")
            .and_then(|v| self.out.text(v, "name"));
        let scale = match fields.get("scale") {
            None => Some(Scale::Number),
            Some(v) => self
                .out
                .string(v, "scale")
                .and_then(|word| match word.as_str() {
                    "water-class" => Some(Scale::WaterClass),
                    "number" => Some(Scale::Number),
                    _ => {
                        self.out.error(
                            Diagnostic::error(
                                v.span(),
                                format!("unknown scale `{word}`"),
                                "unknown scale",
                            )
                            .with_help("scale is \"water-class\", or leave it out for a number"),
                        );
                        None
                    }
                }),
        };
        let better = fields.get("better").and_then(|v| {
            let word = self.out.string(v, "better")?;
            match word.as_str() {
                "higher" => Some(Better::Higher),
                "lower" => Some(Better::Lower),
                _ => {
                    self.out.error(Diagnostic::error(
                        v.span(),
                        format!("`better` must be \"higher\" or \"lower\", found `{word}`"),
                        "unknown direction",
                    ));
                    None
                }
            }
        });
        let scale_value = scale.unwrap_or(Scale::Number);
        let value = self
            .out
            .required(&fields, "value")
            .and_then(|v| self.level(v, "value", scale_value));
        let target = fields
            .get("target")
            .and_then(|v| self.level(v, "target", scale_value));
        if let (Some(Level::Number(_)), None, Some(v)) = (target, better, fields.get("target")) {
            if fields.get("better").is_none() {
                self.out.error(
                    Diagnostic::error(
                        v.span(),
                        "a numeric target needs `better`",
                        "which way is better?",
                    )
                    .with_help("add better = \"higher\" or better = \"lower\""),
                );
            }
        }
        let history = match fields.get("history") {
            None => Some(Vec::new()),
            Some(list) => self.history(list, as_of, INDICATOR_POINT_KEYS, |reader, point| {
                let value = reader.out.required(point, "value")?;
                reader.level(value, "value", scale_value)
            }),
        };
        Some(Indicator {
            id: id?,
            name: name?,
            unit: self.optional_text(&fields, "unit"),
            scale: scale?,
            value: value?,
            target,
            better: match (target, better) {
                (Some(Level::Number(_)), None) => return None,
                (_, better) => better,
            },
            lead: self.optional_text(&fields, "lead"),
            note: self.optional_text(&fields, "note"),
            history: history?
                .into_iter()
                .map(|(date, value)| IndicatorPoint { date, value })
                .collect(),
            line: self.line_of(&fields.span),
        })
    }

    fn level(&mut self, value: Value<'_, '_>, key: &str, scale: Scale) -> Option<Level> {
        match scale {
            Scale::Number => {
                if let Item::String(text) = value.item() {
                    if WaterClass::parse(text).is_some() {
                        self.out.error(
                            Diagnostic::error(
                                value.span(),
                                format!("`{key}` is a water class but the indicator has no scale"),
                                "a water class",
                            )
                            .with_help("add scale = \"water-class\" to this indicator"),
                        );
                        return None;
                    }
                }
                self.out.number(value, key).map(Level::Number)
            }
            Scale::WaterClass => {
                let Item::String(text) = value.item() else {
                    self.out.wrong_type(
                        value,
                        &format!("`{key}` must be a water class"),
                        "a class such as \"II\"",
                    );
                    return None;
                };
                match WaterClass::parse(text) {
                    Some(class) => Some(Level::WaterClass(class)),
                    None => {
                        self.out.error(
                            Diagnostic::error(
                                value.span(),
                                format!("`{text}` is not a water class"),
                                "bad water class",
                            )
                            .with_help(
                                "water classes are I, II, III, IV, V and 劣V (or Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ)",
                            ),
                        );
                        None
                    }
                }
            }
        }
    }

    /// A history array of `{ date = ..., <figure> = ... }` in date order.
    fn history<T>(
        &mut self,
        list: Value<'_, '_>,
        as_of: NaiveDate,
        point_keys: &'static [&'static str],
        mut figure: impl FnMut(&mut Self, &Fields<'_, '_>) -> Option<T>,
    ) -> Option<Vec<(NaiveDate, T)>> {
        let items = self.out.array(list, "history")?;
        let mut points = Vec::with_capacity(items.len());
        let mut ok = true;
        let mut previous: Option<NaiveDate> = None;
        for item in items.iter() {
            let Some(point) = self.out.table(item, "a history point", point_keys) else {
                ok = false;
                continue;
            };
            let date_value = self.out.required(&point, "date");
            let date = date_value.and_then(|v| self.out.date(v, "date"));
            let value = figure(self, &point);
            let (Some(date), Some(value), Some(date_value)) = (date, value, date_value) else {
                ok = false;
                continue;
            };
            if let Some(previous) = previous.filter(|previous| date <= *previous) {
                self.out.error(
                    Diagnostic::error(
                        date_value.span(),
                        format!("history is out of date order: {date} comes after {previous}"),
                        "out of order",
                    )
                    .with_help("list history points from the oldest to the newest, one per date"),
                );
                ok = false;
            }
            if date > as_of {
                self.out.error(Diagnostic::warning(
                    date_value.span(),
                    format!("history point dated {date}, after the reporting date {as_of}"),
                    "in the future",
                ));
            }
            previous = Some(date);
            points.push((date, value));
        }
        ok.then_some(points)
    }
}

/// The line of an offset, counted on from the last one asked: the reader
/// asks in file order, so the whole file is scanned about once, and no
/// index of every line is built for the few lines a plan records.
struct LineCursor<'s> {
    source: &'s str,
    offset: usize,
    line: usize,
}

impl LineCursor<'_> {
    /// The 1-based line that byte `offset` is on.
    fn line(&mut self, offset: usize) -> usize {
        let bytes = self.source.as_bytes();
        let offset = offset.min(bytes.len());
        if offset >= self.offset {
            self.line += count_newlines(&bytes[self.offset..offset]);
        } else {
            self.line -= count_newlines(&bytes[offset..self.offset]);
        }
        self.offset = offset;
        self.line
    }
}

/// Counts `\n` eight bytes at a time: a byte-by-byte count costs more than
/// the rest of the reader.
pub(super) fn count_newlines(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        // Bytes equal to `\n` become zero; the high bit of each zero byte is set below.
        let x = u64::from_le_bytes(chunk) ^ (ONES * u64::from(b'\n'));
        let zero_bytes = !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7);
        count += zero_bytes.count_ones() as usize;
    }
    count + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
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

/// Ids seen so far in one namespace, with where each was first written.
#[derive(Default)]
struct IdSet(HashMap<String, Range<usize>>);

impl IdSet {
    /// Records `id`; returns the first span if it was already there.
    fn insert(&mut self, id: &str, span: Range<usize>) -> Option<Range<usize>> {
        if let Some(first) = self.0.get(id) {
            return Some(first.clone());
        }
        self.0.insert(id.to_owned(), span);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::LineIndex;

    #[test]
    fn line_cursor_agrees_with_the_line_index_in_any_order() {
        let source = "a\nbb\n\nccc\r\nd\n";
        let index = LineIndex::new(source);
        let mut cursor = LineCursor {
            source,
            offset: 0,
            line: 1,
        };
        for offset in [0, 1, 2, 5, 6, 4, 0, 12, 13, 99, 3, 10] {
            assert_eq!(cursor.line(offset), index.line(offset), "offset {offset}");
        }
    }

    #[test]
    fn counts_newlines_across_words_and_tails() {
        let text = "x\n\n\u{a0a}\n中\n\x0b\u{8a}\x7f\n".repeat(7) + "\n\n";
        for start in 0..9 {
            let bytes = &text.as_bytes()[start..];
            let expected = bytes.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(count_newlines(bytes), expected);
        }
    }
}
