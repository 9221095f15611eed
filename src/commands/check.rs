//! `campaigns check`: diagnostics on stderr, a summary line on stdout.

use std::path::Path;

use campaigns::text::sanitize_line;

use super::{INVALID, VALID, load_reporting_problems, plural, problems_summary, to_stdout};
use crate::cli::Common;

pub fn check(file: &Path, common: &Common) -> anyhow::Result<u8> {
    let opened = match load_reporting_problems(file, common) {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let path = sanitize_line(&opened.shown_path());
    let Some(document) = opened.document() else {
        to_stdout(format!("{path}: {}\n", problems_summary(&opened)).as_bytes())?;
        return Ok(INVALID);
    };
    let plan = document.plan();
    let tasks: usize = plan.campaigns.iter().map(|c| c.tasks.len()).sum();
    let indicators: usize = plan.campaigns.iter().map(|c| c.indicators.len()).sum();
    let warnings = document.warnings().len();
    let line = format!(
        "{path}: valid: {} {}, {tasks} {}, {indicators} {}, {warnings} {}\n",
        plan.campaigns.len(),
        plural(plan.campaigns.len(), "campaign"),
        plural(tasks, "task"),
        plural(indicators, "indicator"),
        plural(warnings, "warning")
    );
    to_stdout(line.as_bytes())?;
    Ok(VALID)
}
