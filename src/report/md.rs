//! The markdown bulletin: title, organisation, reporting date and source;
//! the legend of the assumed marker when one is used; the attention list
//! (督办清单); then each campaign: its summary, lead and period, its
//! roll-up, and its tables of tasks, indicators and plain figures. Text from
//! the file is escaped so it stays text.

use std::fmt::Write;

use super::Report;
use super::attention;
use super::headline::{Headline, Progress, Style};
use super::marks::{self, Marker};
use super::md_tables;
use super::since::words as since_words;
use super::words::{self, Words};
use crate::model::{Campaign, CampaignStatus, Lang};

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
    let line = headline_line(&headline, lang);
    if !line.is_empty() {
        let _ = writeln!(out, "{line}\n");
    }
    let cx = md_tables::Context {
        lang,
        ascii,
        w,
        marker,
        since,
    };
    md_tables::tasks(out, campaign, status, &cx);
    md_tables::indicators(out, campaign, status, &cx);
    md_tables::figures(out, campaign, status, &cx);
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

/// `Status ✖ not-met\* · Progress 100% (1 of 9 tasks measured) · expected by now 100% · Tasks: 1 ✔ done · Indicators met 1/2 · 8 figures`
pub(super) fn headline_line(headline: &Headline, lang: Lang) -> String {
    let w = words::words(lang);
    let mut parts = Vec::new();
    if let Some(status) = &headline.status {
        parts.push(format!("{} {status}", w.status));
    }
    let planned = headline.planned.as_deref();
    match (&headline.progress, planned) {
        (Progress::Measured { percent, of }, Some(planned)) => parts.push(format!(
            "{} {percent}{}{of}{}{planned}{}",
            w.progress, w.open, w.semicolon, w.close
        )),
        (Progress::Measured { percent, of }, None) => {
            parts.push(format!("{} {percent}{}{of}{}", w.progress, w.open, w.close));
        }
        (Progress::NothingBegun, _) => {
            let nothing = words::nothing_begun(lang);
            parts.push(match planned {
                Some(planned) => format!(
                    "{}{}{nothing}{}{planned}{}",
                    w.progress, w.colon, w.open, w.close
                ),
                None => format!("{}{}{nothing}", w.progress, w.colon),
            });
        }
        (Progress::None, _) => {}
    }
    parts.extend(headline.progress_since.clone());
    if let Some(expected) = &headline.expected {
        parts.push(format!("{} {expected}", w.expected_inline));
    }
    if !headline.counts.is_empty() {
        parts.push(format!(
            "{}{}{}",
            w.tasks,
            w.colon,
            headline.counts.join(w.list_separator)
        ));
    }
    if let Some((met, of)) = headline.indicators {
        parts.push(format!("{} {met}/{of}", w.indicators_met));
    }
    parts.extend(headline.figures.clone());
    parts.join(" · ")
}

/// Text from the file as literal markdown: one line, with every character
/// markdown or HTML would act on escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if crate::text::is_unsafe(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_markdown_would_act_on() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
        assert_eq!(escape("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("PM2.5 年均浓度"), "PM2.5 年均浓度");
    }
}
