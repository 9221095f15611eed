//! `report --brief`: one page for the monthly meeting (调度会): what moved
//! since the last meeting and what was closed (销号) since, the attention
//! list by 责任单位 (lead), and what falls due before the next one (临期). Built once here as headings and
//! lines; markdown, text and the xlsx sheet only lay it out. Every figure
//! is the full report's (`figures`, `report::attention`), marked alike.

mod closed;
pub(super) mod closed_then;

use std::collections::HashMap;

use super::Report;
use super::attention::{self, Escape, indicator_figure, task_figure};
use super::marks::Marker;
use super::since::words as since_words;
use super::words::{self, status_with_symbol};
use crate::figures;
use crate::i18n;
use crate::model::attention::Attention;
use crate::model::by_lead::{LeadGroup, by_lead};
use crate::model::due_soon::due_soon;
use crate::model::{Item, Lang};

pub use closed_then::ClosedThen;

/// A section lists at most this many items, then says how many more: the
/// brief stays one page; the full report lists them all.
pub const SHOWN_ITEMS: usize = 12;

/// The brief as headings and lines, in the format's escaping.
#[derive(Debug, Default)]
pub struct Brief {
    pub title: String,
    /// The organisation, reporting date, baseline.
    pub byline: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Default)]
pub struct Section {
    pub heading: String,
    pub lines: Vec<Line>,
}

#[derive(Debug)]
pub enum Line {
    /// A group's heading within a section (a lead).
    Group(String),
    /// One item.
    Item(String),
    /// A sentence about the section (nothing to list, how many more).
    Note(String),
}

impl Report<'_> {
    /// The config's `due_soon_days`, for a plan that does not state its own.
    pub fn due_soon_configured(mut self, days: Option<u32>) -> Self {
        self.due_soon_configured = days;
        self
    }

    /// The days the brief's due-soon section looks ahead: the plan's own,
    /// else the config's, else a month (`Meta::due_soon_window`).
    pub fn due_soon_window(&self) -> u32 {
        self.plan.meta.due_soon_window(self.due_soon_configured)
    }
}

/// The brief of `report`, its file text escaped by `escape`.
pub fn build(report: &Report<'_>, escape: Escape, marker: &Marker) -> Brief {
    let lang = report.lang;
    let meta = &report.plan.meta;
    let title = escape(meta.title.get(lang));
    let mut byline = Vec::new();
    if let Some(organisation) = &meta.organisation {
        byline.push(escape(organisation.get(lang)));
    }
    let w = words::words(lang);
    byline.push(format!("{}{}{}", w.reporting_date, w.colon, report.as_of()));
    Brief {
        title: match lang {
            Lang::Zh => format!("调度简报：{title}"),
            Lang::En => format!("Meeting brief: {title}"),
        },
        byline,
        sections: vec![
            changes(report, escape, marker),
            closed::section(report, escape),
            by_lead_section(report, escape, marker),
            due_soon_section(report, escape, marker),
        ],
    }
}

/// What moved since the last meeting (`--since`, else the last report in
/// the file's git history): each item's figure now and its change.
fn changes(report: &Report<'_>, escape: Escape, marker: &Marker) -> Section {
    let lang = report.lang;
    let mut section = Section {
        heading: match lang {
            Lang::Zh => "较上次调度".to_owned(),
            Lang::En => "Since the last meeting".to_owned(),
        },
        lines: Vec::new(),
    };
    let Some(since) = report.compared().filter(|since| since.baseline().is_some()) else {
        let none = i18n::meeting::no_last_meeting(lang);
        section.lines.push(Line::Note(none.to_owned()));
        return section;
    };
    section
        .lines
        .push(Line::Note(since_words::baseline_line(since, lang, escape)));
    let moved: Vec<String> = since
        .changes()
        .iter()
        .filter_map(|change| change.at)
        .filter(|(campaign, _)| report.selected.contains(campaign))
        .filter_map(|(campaign, item)| moved_line(report, campaign, item, escape, marker))
        .collect();
    if moved.is_empty() {
        let nothing = i18n::history::nothing_moved(lang);
        section.lines.push(Line::Note(nothing.to_owned()));
    }
    push_items(&mut section, moved, lang);
    if let Some(removed) = since_words::removed_line(since, lang, escape) {
        section.lines.push(Line::Note(removed));
    }
    section
}

/// `Clear Water / Yangtze outfalls: 110/113 outfalls (97%), +10 since
/// 2024-11-30 · ▼ behind → ● on-track`.
fn moved_line(
    report: &Report<'_>,
    index: usize,
    item: Item,
    escape: Escape,
    marker: &Marker,
) -> Option<String> {
    let (lang, ascii) = (report.lang, report.ascii);
    let w = words::words(lang);
    let campaign = report.plan.campaigns.get(index)?;
    let (name, figure) = figure(report, index, item, escape, marker)?;
    let since = report.compared()?;
    let mut line = format!(
        "{} / {name}{}{figure}",
        escape(campaign.name.get(lang)),
        w.colon
    );
    // Escaped as the figures are: the `*` of an assumed change is no emphasis.
    if let Some(beside) = since_words::beside(since, campaign, item, lang, ascii) {
        line = format!("{line}{}{}", w.comma, escape(&beside));
    }
    let now = item.status(report.status.campaigns.get(index)?);
    if let Some(before) = since.previous(campaign, item).map(|p| p.status)
        && before != now
    {
        let (before, now) = (
            status_with_symbol(before, lang, ascii),
            status_with_symbol(now, lang, ascii),
        );
        // The move is marked when either status rests on an assumed value.
        let assumed = since
            .moved(campaign, item)
            .and_then(|change| change.status_move())
            .is_some_and(|moved| moved.assumed());
        line = format!("{line} · {before} → {}", marker.mark(now, assumed));
    }
    Some(line)
}

/// An item's name and figure as the reports write them, escaped and marked.
fn figure(
    report: &Report<'_>,
    index: usize,
    item: Item,
    escape: Escape,
    marker: &Marker,
) -> Option<(String, String)> {
    let (lang, ascii) = (report.lang, report.ascii);
    let w = words::words(lang);
    let campaign = report.plan.campaigns.get(index)?;
    let status = report.status.campaigns.get(index)?;
    Some(match item {
        Item::Task(i) => {
            let task = campaign.tasks.get(i)?;
            let schedule = status.tasks.get(i)?;
            let figure = task_figure(task, schedule, (lang, w), escape, marker);
            (escape(task.name.get(lang)), figure)
        }
        Item::Indicator(i) => {
            let indicator = campaign.indicators.get(i)?;
            let figure = indicator_figure(indicator, (lang, ascii, w), escape, marker);
            (escape(indicator.name.get(lang)), figure)
        }
    })
}

/// The attention list by lead: a heading per lead with its statuses and
/// how far its tasks are short of 序时进度, then its items, worst first.
fn by_lead_section(report: &Report<'_>, escape: Escape, marker: &Marker) -> Section {
    let lang = report.lang;
    let mut section = Section {
        heading: i18n::meeting::by_lead_title(lang).to_owned(),
        lines: Vec::new(),
    };
    let items = report.attention();
    // The full report's line of each item, looked up by the item.
    let lines = attention::lines(report, escape, marker);
    let line_of: HashMap<(usize, Item), &String> = items
        .iter()
        .map(|a| (a.campaign, a.item))
        .zip(&lines)
        .collect();
    if items.is_empty() {
        let none = words::words(lang).nothing_needs_attention;
        section.lines.push(Line::Note(none.to_owned()));
        return section;
    }
    let (grouped, groups) = by_lead(report.plan, &report.status, &items);
    let mut shown = 0;
    for group in &groups {
        if shown >= SHOWN_ITEMS {
            break;
        }
        section
            .lines
            .push(Line::Group(group_heading(report, group, escape, marker)));
        for item in &grouped[group.first..group.first + group.len] {
            if shown >= SHOWN_ITEMS {
                break;
            }
            if let Some(line) = line_of.get(&(item.campaign, item.item)) {
                section.lines.push(Line::Item((*line).clone()));
                shown += 1;
            }
        }
    }
    more(&mut section, items.len() - shown, lang);
    section
}

/// `City Ecology and Environment Bureau (2 items): 24 outfalls short* · ✗ not-met 1 · ▼ behind 1`.
fn group_heading(
    report: &Report<'_>,
    group: &LeadGroup,
    escape: Escape,
    marker: &Marker,
) -> String {
    let (lang, ascii) = (report.lang, report.ascii);
    let lead = group.lead.as_ref().map_or_else(
        || i18n::meeting::no_lead(lang).to_owned(),
        |lead| escape(lead.get(lang)),
    );
    let mut parts: Vec<String> = group
        .short
        .iter()
        .map(|short| marker.shown(&figures::shortfall(short, lang).map(escape)))
        .collect();
    parts.push(figures::status_counts(&group.counts, lang, ascii, " · "));
    let (n, rest) = (group.len, parts.join(" · "));
    match lang {
        Lang::Zh => format!("{lead}（{n}项）：{rest}"),
        Lang::En if n == 1 => format!("{lead} (1 item): {rest}"),
        Lang::En => format!("{lead} ({n} items): {rest}"),
    }
}

/// What is not done and falls due within the due-soon window: before the
/// next meeting, nearest first.
fn due_soon_section(report: &Report<'_>, escape: Escape, marker: &Marker) -> Section {
    let (lang, ascii) = (report.lang, report.ascii);
    let w = words::words(lang);
    let days = report.due_soon_window();
    let mut section = Section {
        heading: i18n::meeting::due_soon_heading(days, lang),
        lines: Vec::new(),
    };
    let items: Vec<Attention> = due_soon(&report.status, days)
        .into_iter()
        .filter(|a| report.selected.contains(&a.campaign))
        .collect();
    if items.is_empty() {
        section
            .lines
            .push(Line::Note(i18n::meeting::nothing_due(days, lang)));
        return section;
    }
    let lines = items.iter().filter_map(|a| {
        let campaign = report.plan.campaigns.get(a.campaign)?;
        let (name, figure) = figure(report, a.campaign, a.item, escape, marker)?;
        let Item::Task(i) = a.item else {
            return None;
        };
        let schedule = report.status.campaigns.get(a.campaign)?.tasks.get(i)?;
        let left = marker.shown(&figures::days_left(schedule.marked_days_left()?, lang));
        let status = marker.mark(status_with_symbol(a.status, lang, ascii), a.assumed);
        let mut line = format!(
            "{status} · {} / {name}{}{figure} · {left}",
            escape(campaign.name.get(lang)),
            w.colon
        );
        if let Some(lead) = crate::model::by_lead::lead(campaign, a.item) {
            line = format!("{line} · {}{}{}", w.lead, w.colon, escape(lead.get(lang)));
        }
        Some(line)
    });
    let lines: Vec<String> = lines.collect();
    push_items(&mut section, lines, lang);
    section
}

/// The first [`SHOWN_ITEMS`] of `lines`, then how many more.
pub(super) fn push_items(section: &mut Section, lines: Vec<String>, lang: Lang) {
    let total = lines.len();
    section
        .lines
        .extend(lines.into_iter().take(SHOWN_ITEMS).map(Line::Item));
    more(section, total.saturating_sub(SHOWN_ITEMS), lang);
}

fn more(section: &mut Section, more: usize, lang: Lang) {
    if more == 0 {
        return;
    }
    section.lines.push(Line::Note(match lang {
        Lang::Zh => format!("另有{more}项，见完整报告"),
        Lang::En => format!("and {more} more: see the full report"),
    }));
}
