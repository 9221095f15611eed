//! The brief's 销号 since the last meeting: each task whose closed count
//! grew since the baseline, or that was closed on a day after it.

use super::{Line, Section, push_items};
use crate::figures;
use crate::model::{Closed, Lang};
use crate::report::Report;
use crate::report::attention::Escape;
use crate::report::words;

pub(super) fn section(report: &Report<'_>, escape: Escape) -> Section {
    let lang = report.lang;
    let mut section = Section {
        heading: match lang {
            Lang::Zh => "较上次调度新增销号".to_owned(),
            Lang::En => "Closed since the last meeting".to_owned(),
        },
        lines: Vec::new(),
    };
    let Some(then) = report.closed_at_last_meeting() else {
        let none = crate::i18n::meeting::no_last_meeting(lang);
        section.lines.push(Line::Note(none.to_owned()));
        return section;
    };
    let w = words::words(lang);
    let day = figures::date(then.as_of);
    let mut lines = Vec::new();
    for (campaign, _) in report.campaigns() {
        for task in &campaign.tasks {
            let Some(closed) = task.closed else {
                continue;
            };
            let key = format!("{}/{}", campaign.id, task.id);
            let before = then.counts.get(&key).copied().unwrap_or(0.0);
            let said = match closed {
                Closed::On(date) if date > then.as_of || before == 0.0 => match lang {
                    Lang::Zh => format!("{}销号", figures::date(date)),
                    Lang::En => format!("closed on {}", figures::date(date)),
                },
                Closed::On(_) => continue,
                Closed::Count(now) if now > before => {
                    let (now, more) = (
                        figures::number(now, lang),
                        figures::number(now - before, lang),
                    );
                    match lang {
                        Lang::Zh => format!("已销号{now}（较{day} +{more}）"),
                        Lang::En => format!("{now} closed (+{more} since {day})"),
                    }
                }
                Closed::Count(_) => continue,
            };
            let names = format!(
                "{} / {}",
                escape(campaign.name.get(lang)),
                escape(task.name.get(lang))
            );
            lines.push(format!("{names}{}{said}", w.colon));
        }
    }
    if lines.is_empty() {
        section.lines.push(Line::Note(match lang {
            Lang::Zh => format!("{day}以来无新增销号"),
            Lang::En => format!("Nothing closed since {day}"),
        }));
    }
    push_items(&mut section, lines, lang);
    section
}
