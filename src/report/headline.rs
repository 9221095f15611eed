//! A campaign's roll-up as the human formats word it (DESIGN "Campaign
//! roll-up (contract 2)"): its status, its progress and how many tasks that
//! stands for, the planned tasks apart, 序时进度, and the plain figures
//! counted apart from the tasks. Markdown and text lay the pieces out.

use super::marks::Marker;
use super::words::{self, status_with_symbol};
use crate::figures;
use crate::model::{CampaignStatus, Lang, Status};

/// The pieces of a campaign's headline, with their marks.
pub struct Headline {
    /// `✗ not-met* (1 of 2 indicators)` (markdown) or `not-met* (1 of 2
    /// indicators)` (text): the status with what it speaks for.
    pub status: Option<String>,
    pub progress: Progress,
    /// How far progress moved since the baseline (`--since`): "+10 pts
    /// since 2024-11-30"; set by the caller, which has the baseline.
    pub progress_since: Option<String>,
    /// "1 planned, from 2025-01-01*".
    pub planned: Option<String>,
    /// 序时进度 as a percentage: "100%*".
    pub expected: Option<String>,
    /// Tasks per status, planned ones and plain figures left to their own
    /// phrases: "1 ✔ done" (markdown) or "1 done" (text).
    pub counts: Vec<String>,
    /// "8 figures" / "工作量8项".
    pub figures: Option<String>,
    /// (met, of), when any indicator has a target.
    pub indicators: Option<(usize, usize)>,
    /// The marker after `indicators` when a status they count rests on an
    /// assumed value; empty otherwise.
    pub indicators_mark: String,
}

pub enum Progress {
    /// "100%*" over "1 of 9 tasks measured".
    Measured { percent: String, of: String },
    /// Every task with a total starts after the reporting date.
    NothingBegun,
    /// No task has a total: nothing to measure.
    None,
}

/// How the headline shows a status and a count of one.
#[derive(Clone, Copy)]
pub enum Style {
    /// Symbol and word: `✔ done`.
    Symbols { ascii: bool },
    /// The word alone, in running text.
    Words,
}

impl Headline {
    pub fn of(status: &CampaignStatus, lang: Lang, style: Style, marker: &Marker) -> Headline {
        let rollup = &status.rollup;
        let indicators = status.marked_indicators_met();
        let status_word = |status: Status| match style {
            Style::Symbols { ascii } => status_with_symbol(status, lang, ascii),
            Style::Words => crate::i18n::status_word(status, lang).to_owned(),
        };
        let progress = match rollup.marked_progress() {
            Some(progress) => Progress::Measured {
                percent: marker.shown(&figures::marked_percent(progress)),
                of: crate::i18n::measured(rollup.measured, rollup.tasks, lang),
            },
            None if rollup.planned > 0 => Progress::NothingBegun,
            None => Progress::None,
        };
        let planned = (rollup.planned > 0).then(|| {
            let from = rollup
                .marked_planned_from()
                .map(|from| marker.shown(&figures::marked_date(from)));
            crate::i18n::planned(rollup.planned, from.as_deref(), lang)
        });
        let expected = rollup
            .marked_expected()
            .map(|expected| marker.shown(&figures::marked_percent(expected)));
        let counts = rollup
            .status_counts
            .iter()
            .filter(|(status, _)| !matches!(status, Status::Count | Status::NotStarted))
            .map(|(status, n)| match style {
                Style::Symbols { .. } => format!("{n} {}", status_word(*status)),
                Style::Words => words::status_count(*status, *n, lang),
            })
            .collect();
        let figures = rollup
            .status_counts
            .get(&Status::Count)
            .map(|n| words::figures_count(*n, lang));
        // What the status speaks for, as the card says it: "(1 of 2 indicators)".
        let w = words::words(lang);
        let scope = rollup
            .scope()
            .map(|scope| format!("{}{}{}", w.open, crate::i18n::scope(scope, lang), w.close));
        Headline {
            status: rollup.status.map(|s| {
                let status = marker.mark(status_word(s), rollup.status_assumed);
                format!("{status}{}", scope.as_deref().unwrap_or_default())
            }),
            progress,
            progress_since: None,
            planned,
            expected,
            counts,
            figures,
            indicators: (rollup.indicators_with_target > 0)
                .then_some((rollup.indicators_met, rollup.indicators_with_target)),
            indicators_mark: marker.mark("", indicators.is_some_and(|n| n.assumed())),
        }
    }
}

impl Headline {
    /// The headline on one line, as the markdown bulletin and the ledger's
    /// campaign sheets give it:
    /// `Status ✖ not-met\* · Progress 100% (1 of 9 tasks measured) · expected by now 100% · Tasks: 1 ✔ done · Indicators met 1/2 · 8 figures`
    pub fn line(&self, lang: Lang) -> String {
        let w = words::words(lang);
        let mut parts = Vec::new();
        if let Some(status) = &self.status {
            parts.push(format!("{} {status}", w.status));
        }
        let planned = self.planned.as_deref();
        match (&self.progress, planned) {
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
        parts.extend(self.progress_since.clone());
        if let Some(expected) = &self.expected {
            parts.push(format!("{} {expected}", w.expected_inline));
        }
        if !self.counts.is_empty() {
            parts.push(format!(
                "{}{}{}",
                w.tasks,
                w.colon,
                self.counts.join(w.list_separator)
            ));
        }
        if let Some((met, of)) = self.indicators {
            let mark = &self.indicators_mark;
            parts.push(format!("{} {met}/{of}{mark}", w.indicators_met));
        }
        parts.extend(self.figures.clone());
        parts.join(" · ")
    }
}
