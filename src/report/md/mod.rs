//! The markdown bulletin: title, organisation, reporting date and source;
//! the legend of the assumed marker when one is used; the attention list
//! (督办清单); then each campaign: its summary, lead and period, its
//! roll-up, and its tables of tasks, indicators and plain figures. Text from
//! the file is escaped so it stays text.

mod brief;
pub(super) mod escape;
mod tables;

pub(super) use brief::brief;

use std::fmt::Write;

use crate::model::{Campaign, CampaignStatus, Lang};
use crate::report::Report;
use crate::report::attention;
use crate::report::headline::{Headline, Style};
use crate::report::marks::{self, Marker};
use crate::report::since::words as since_words;
use crate::report::words::{self, Words};
use crate::report::yoy::words as yoy_words;
use escape::escape;

pub fn render(report: &Report<'_>) -> String {
    let lang = report.lang;
    let w = words::words(lang);
    // A bare `*` could open emphasis with a later one.
    let marker = Marker::new("\\*");
    let mut body = String::new();
    attention_section(&mut body, report, w, &marker);
    for (campaign, status) in report.campaigns() {
        campaign_section(&mut body, campaign, status, report, &marker);
    }
    yoy_section(&mut body, report, &marker);

    let meta = &report.plan.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(meta.title.get(lang)));
    let mut byline = Vec::new();
    if let Some(organisation) = &meta.organisation {
        byline.push(escape(organisation.get(lang)));
    }
    byline.push(format!("{}{}{}", w.reporting_date, w.colon, report.as_of()));
    let _ = writeln!(out, "{}\n", byline.join(" · "));
    if let Some(source) = &meta.source {
        let _ = writeln!(out, "{}{}{}\n", w.source, w.colon, escape(source.get(lang)));
    }
    if let Some(since) = report.compared() {
        let _ = writeln!(out, "{}\n", since_words::baseline_line(since, lang, escape));
        if let Some(removed) = since_words::removed_line(since, lang, escape) {
            let _ = writeln!(out, "{removed}\n");
        }
    }
    if marker.used() {
        let _ = writeln!(out, "{} {}\n", marker.sign(), w.assumed_legend);
    }
    out.push_str(&body);
    // One trailing line break, however the last section ended.
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// Each item beside the same period last year (`--yoy`), per campaign.
fn yoy_section(out: &mut String, report: &Report<'_>, marker: &Marker) {
    let Some(yoy) = report.year_on_year() else {
        return;
    };
    let lang = report.lang;
    let say = yoy_words::Say {
        lang,
        ascii: report.ascii,
        escape,
        marker,
    };
    let _ = writeln!(out, "## {}\n", escape(&yoy_words::heading(yoy, lang)));
    for (campaign, _) in report.campaigns() {
        let _ = writeln!(out, "### {}\n", escape(campaign.name.get(lang)));
        for line in yoy_words::lines(yoy, campaign, &say) {
            let _ = writeln!(out, "- {line}");
        }
        out.push('\n');
    }
}

/// The attention list, in the model's order.
fn attention_section(out: &mut String, report: &Report<'_>, w: &Words, marker: &Marker) {
    let _ = writeln!(out, "## {}\n", w.needs_attention);
    let lines = attention::lines(report, escape, marker);
    if lines.is_empty() {
        let _ = writeln!(out, "{}\n", w.nothing_needs_attention);
        return;
    }
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

fn campaign_section(
    out: &mut String,
    campaign: &Campaign,
    status: &CampaignStatus,
    report: &Report<'_>,
    marker: &Marker,
) {
    let (lang, ascii) = (report.lang, report.ascii);
    let w = words::words(lang);
    let _ = writeln!(out, "## {}\n", escape(campaign.name.get(lang)));
    if let Some(summary) = &campaign.summary {
        let _ = writeln!(out, "> {}\n", escape(summary.get(lang)));
    }
    if let Some(line) = lead_and_period(campaign, lang, marker) {
        let _ = writeln!(out, "{line}\n");
    }
    let mut headline = Headline::of(status, lang, Style::Symbols { ascii }, marker);
    let since = report.compared();
    headline.progress_since = since
        .and_then(|since| since_words::progress(since, campaign, status.rollup.progress, lang));
    let line = headline.line(lang);
    if !line.is_empty() {
        let _ = writeln!(out, "{line}\n");
    }
    let cx = tables::Context {
        lang,
        ascii,
        w,
        marker,
        since,
        as_of: report.as_of(),
    };
    tables::tasks(out, campaign, status, &cx);
    tables::indicators(out, campaign, status, &cx);
    tables::figures(out, campaign, status, &cx);
}

/// `Lead: City Ecology and Environment Bureau · 2024-01-01 – 2024-12-31`
fn lead_and_period(campaign: &Campaign, lang: Lang, marker: &Marker) -> Option<String> {
    let w = words::words(lang);
    let mut parts = Vec::new();
    if let Some(lead) = &campaign.lead {
        parts.push(format!("{}{}{}", w.lead, w.colon, escape(lead.get(lang))));
    }
    parts.extend(marks::period(campaign, lang, marker));
    (!parts.is_empty()).then(|| parts.join(" · "))
}
