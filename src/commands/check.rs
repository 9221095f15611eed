//! `campaigns check`: diagnostics on stderr, a summary line on stdout.

use std::path::Path;

use campaigns::config::Config;
use campaigns::model::Lang;
use campaigns::text::sanitize_line;

use super::{
    INVALID, VALID, load_reporting_problems, plural, problems_summary, settings, to_stdout,
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
    let plan = document.plan();
    let tasks: usize = plan.campaigns.iter().map(|c| c.tasks.len()).sum();
    let indicators: usize = plan.campaigns.iter().map(|c| c.indicators.len()).sum();
    let warnings = document.warnings().len();
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
