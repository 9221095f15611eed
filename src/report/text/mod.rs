//! The plain-text summary for a terminal or an email: the header with the
//! source and the assumed marker's legend, the attention list (督办清单),
//! then each campaign's roll-up in one sentence, its summary, lead and
//! period, and one line per task, indicator and plain figure.

mod brief;
mod items;
pub(super) mod line;

pub(super) use brief::brief;

use std::fmt::Write;

use crate::model::{Campaign, CampaignStatus, Lang};
use crate::report::Report;
use crate::report::attention;
use crate::report::headline::{Headline, Progress, Style};
use crate::report::marks::{self, Marker};
use crate::report::since::words as since_words;
use crate::report::words::{self, Words};
use crate::report::yoy::words as yoy_words;
use line::one_line;

pub fn render(report: &Report<'_>) -> String {
    let lang = report.lang;
    let w = words::words(lang);
    let marker = Marker::new("*");
    let mut body = String::new();
    attention_section(&mut body, report, w, &marker);
    for (campaign, status) in report.campaigns() {
        body.push('\n');
        campaign_block(&mut body, campaign, status, report, &marker);
    }
    yoy_block(&mut body, report, &marker);

    let meta = &report.plan.meta;
    let mut out = String::new();
    let _ = writeln!(out, "{}", one_line(meta.title.get(lang)));
    let as_of = match lang {
        Lang::Zh => format!("截至{}", report.as_of()),
        Lang::En => format!("as of {}", report.as_of()),
    };
    match &meta.organisation {
        Some(organisation) => {
            let _ = writeln!(
                out,
                "{}{}{as_of}",
                one_line(organisation.get(lang)),
                w.comma
            );
        }
        None => {
            let _ = writeln!(out, "{as_of}");
        }
    }
    if let Some(source) = &meta.source {
        let _ = writeln!(out, "{}{}{}", w.source, w.colon, one_line(source.get(lang)));
    }
    if let Some(since) = report.compared() {
        let _ = writeln!(out, "{}", since_words::baseline_line(since, lang, one_line));
        if let Some(removed) = since_words::removed_line(since, lang, one_line) {
            let _ = writeln!(out, "{removed}");
        }
    }
    if marker.used() {
        let _ = writeln!(out, "{} {}", marker.sign(), w.assumed_legend);
    }
    out.push('\n');
    out.push_str(&body);
    out
}

/// Each item beside the same period last year (`--yoy`), per campaign.
fn yoy_block(out: &mut String, report: &Report<'_>, marker: &Marker) {
    let Some(yoy) = report.year_on_year() else {
        return;
    };
    let lang = report.lang;
    let w = words::words(lang);
    let say = yoy_words::Say {
        lang,
        ascii: report.ascii,
        escape: one_line,
        marker,
    };
    let _ = writeln!(out, "\n{}", yoy_words::heading(yoy, lang));
    for (campaign, _) in report.campaigns() {
        let _ = writeln!(
            out,
            "{}{}",
            one_line(campaign.name.get(lang)),
            w.colon.trim_end()
        );
        for line in yoy_words::lines(yoy, campaign, &say) {
            let _ = writeln!(out, "  - {line}");
        }
    }
}

/// The attention list, in the model's order; lines begin with `- ` at the
/// margin (a campaign's own lines are indented).
fn attention_section(out: &mut String, report: &Report<'_>, w: &Words, marker: &Marker) {
    let lines = attention::lines(report, one_line, marker);
    if lines.is_empty() {
        let _ = writeln!(out, "{}", w.nothing_needs_attention);
        return;
    }
    let _ = writeln!(out, "{}{}", w.needs_attention, w.colon.trim_end());
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
}

fn campaign_block(
    out: &mut String,
    campaign: &Campaign,
    status: &CampaignStatus,
    report: &Report<'_>,
    marker: &Marker,
) {
    let (lang, ascii) = (report.lang, report.ascii);
    let w = words::words(lang);
    let since = report.compared();
    let mut headline = Headline::of(status, lang, Style::Words, marker);
    headline.progress_since = since
        .and_then(|since| since_words::progress(since, campaign, status.rollup.progress, lang));
    let _ = writeln!(
        out,
        "{}{}{}",
        one_line(campaign.name.get(lang)),
        w.colon,
        sentence(&headline, lang)
    );
    if let Some(summary) = &campaign.summary {
        let _ = writeln!(out, "  {}", one_line(summary.get(lang)));
    }
    let mut about = Vec::new();
    if let Some(lead) = &campaign.lead {
        about.push(format!("{}{}{}", w.lead, w.colon, one_line(lead.get(lang))));
    }
    about.extend(marks::period(campaign, lang, marker));
    if !about.is_empty() {
        let _ = writeln!(out, "  {}", about.join(w.semicolon));
    }
    let items = items::Items {
        lang,
        ascii,
        w,
        marker,
        campaign,
        since,
        as_of: report.as_of(),
    };
    let tasks = campaign.tasks.iter().zip(&status.tasks).enumerate();
    for (i, (task, schedule)) in tasks.clone().filter(|(_, (_, s))| s.fraction.is_some()) {
        let _ = writeln!(out, "  - {}", items.task(i, task, schedule));
    }
    let indicators = campaign.indicators.iter().zip(&status.indicators);
    for (i, (indicator, state)) in indicators.enumerate() {
        let _ = writeln!(out, "  - {}", items.indicator(i, indicator, state));
    }
    let mut counts = tasks.filter(|(_, (_, s))| s.fraction.is_none()).peekable();
    if counts.peek().is_some() {
        let _ = writeln!(out, "  {}{}", w.figures, w.colon.trim_end());
    }
    for (i, (task, schedule)) in counts {
        let _ = writeln!(out, "  - {}", items.count(i, task, schedule));
    }
}

/// `not-met*; progress 100% (1 of 9 tasks measured), expected by now 100%; tasks: 1 done; indicators met 1 of 2; 8 figures.`
fn sentence(headline: &Headline, lang: Lang) -> String {
    let w = words::words(lang);
    let mut parts = Vec::new();
    if let Some(status) = &headline.status {
        parts.push(match lang {
            Lang::Zh => format!("状态{status}"),
            Lang::En => status.clone(),
        });
    }
    let planned = headline
        .planned
        .as_ref()
        .map(|planned| format!("{}{planned}", w.semicolon));
    let planned = planned.as_deref().unwrap_or("");
    let mut progress = match &headline.progress {
        Progress::Measured { percent, of } => Some(match lang {
            Lang::Zh => format!("总体进度{percent}（{of}{planned}）"),
            Lang::En => format!("progress {percent} ({of}{planned})"),
        }),
        Progress::NothingBegun => {
            let planned = headline.planned.as_deref().unwrap_or("");
            Some(format!(
                "{}{}{planned}{}",
                words::nothing_begun(lang),
                w.open,
                w.close
            ))
        }
        Progress::None => None,
    };
    if let Some(moved) = &headline.progress_since {
        progress = progress.map(|progress| format!("{progress}{}{moved}", w.comma));
    }
    if let Some(expected) = &headline.expected {
        let expected = words::expected(expected, lang);
        progress = Some(match progress {
            Some(progress) => format!("{progress}{}{expected}", w.comma),
            None => expected,
        });
    }
    parts.extend(progress);
    if !headline.counts.is_empty() {
        let counts = headline.counts.join(w.list_separator);
        parts.push(match lang {
            Lang::Zh => format!("任务：{counts}"),
            Lang::En => format!("tasks: {counts}"),
        });
    }
    if let Some((met, of)) = headline.indicators {
        let mark = &headline.indicators_mark;
        parts.push(match lang {
            Lang::Zh => format!("指标达标{met}/{of}{mark}"),
            Lang::En => format!("indicators met {met} of {of}{mark}"),
        });
    }
    parts.extend(headline.figures.clone());
    if parts.is_empty() {
        return match lang {
            Lang::Zh => "暂无任务和指标。".to_owned(),
            Lang::En => "no tasks or indicators yet.".to_owned(),
        };
    }
    format!("{}{}", parts.join(w.semicolon), w.full_stop)
}
