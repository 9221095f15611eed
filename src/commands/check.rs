//! `campaigns check`: diagnostics on stderr, a summary line on stdout. A
//! `follows` naming nothing of the file is looked for in last year's
//! revision, read from git only then.

use std::path::Path;

use campaigns::config::Config;
use campaigns::history::compare::follows::{self, LastYear, LastYearPlans};
use campaigns::history::{self, HistoryError};
use campaigns::load::{Diagnostic, Document};
use campaigns::model::Lang;
use campaigns::text::sanitize_line;

use super::{
    COULD_NOT_RUN, INVALID, VALID, load_reporting_problems, plural, problems_summary, settings,
    to_stderr, to_stdout,
};
use crate::cli::Common;

pub fn check(file: &Path, common: &Common, config: &Config) -> anyhow::Result<u8> {
    let lang = settings::lang(common, config);
    let opened = match load_reporting_problems(file, common, lang) {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let path = sanitize_line(&opened.shown_path());
    let Some(document) = opened.document() else {
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        let summary = problems_summary(&opened, lang);
        to_stdout(format!("{path}{colon}{summary}\n").as_bytes())?;
        return Ok(INVALID);
    };
    let follows = match follows_problems(file, document, common) {
        Ok(problems) => problems,
        Err(code) => return Ok(code),
    };
    if !follows.is_empty() {
        let color = settings::stderr_color(common);
        let shown = opened.shown_path();
        let blocks: Vec<String> = follows
            .iter()
            .map(|d| d.render(document.text(), &shown, color, lang))
            .collect();
        to_stderr(&format!("{}\n", blocks.join("\n\n")));
    }
    let (errors, follows_warnings) = campaigns::load::summary(&follows);
    if errors > 0 {
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        let warnings = document.warnings().len() + follows_warnings;
        let summary = campaigns::i18n::problem_counts(lang, errors, warnings);
        to_stdout(format!("{path}{colon}{summary}\n").as_bytes())?;
        return Ok(INVALID);
    }
    let plan = document.plan();
    let tasks: usize = plan.campaigns.iter().map(|c| c.tasks.len()).sum();
    let indicators: usize = plan.campaigns.iter().map(|c| c.indicators.len()).sum();
    let warnings = document.warnings().len() + follows_warnings;
    let campaigns = plan.campaigns.len();
    let line = match lang {
        Lang::En => format!(
            "{path}: valid: {campaigns} {}, {tasks} {}, {indicators} {}, {warnings} {}\n",
            plural(campaigns, "campaign"),
            plural(tasks, "task"),
            plural(indicators, "indicator"),
            plural(warnings, "warning")
        ),
        Lang::Zh => format!(
            "{path}：校验通过：{campaigns} 个攻坚战，{tasks} 项任务，{indicators} 项指标，{warnings} 条警告\n"
        ),
    };
    to_stdout(line.as_bytes())?;
    Ok(VALID)
}

/// The problems of the `follows` that name no task of the file, against
/// last year's revisions (the same period, last year's result); git is read
/// only when there is such a `follows`. `Err`: the exit code, the repository unreadable.
fn follows_problems(
    file: &Path,
    document: &Document,
    common: &Common,
) -> Result<Vec<Diagnostic>, u8> {
    if follows::unresolved(document.plan()).is_empty() {
        return Ok(Vec::new());
    }
    let said = |err: HistoryError| {
        to_stderr(&format!("campaigns: {err}"));
        COULD_NOT_RUN
    };
    let today = settings::dates(common).today;
    let as_of = document.as_of();
    let history = match history::read(file, history::Options { today }) {
        Ok(history) => history,
        Err(
            HistoryError::NotInGit { .. }
            | HistoryError::NoWorkTree { .. }
            | HistoryError::OutsideWorkTree { .. }
            | HistoryError::NeverCommitted { .. },
        ) => return Ok(follows::check(document, &LastYear::NotInGit)),
        Err(err) => return Err(said(err)),
    };
    let last = LastYearPlans::read(&history, as_of).map_err(said)?;
    Ok(follows::check(document, &last.last_year()))
}
