//! `report --brief`: which formats have a brief, and the last meeting it
//! compares with when `--since` does not say.

use std::path::Path;

use campaigns::history::compare::{Baseline, Comparison};
use campaigns::history::{self, Since};
use campaigns::load::{self, Document};
use campaigns::report::Report;
use campaigns::report::brief::ClosedThen;
use campaigns::report::since as compare;

use super::{COULD_NOT_RUN, settings, to_stderr};
use crate::cli::{Common, ReportFormat};

/// The brief is a page for people: markdown, text or a sheet. JSON and
/// CSV are refused (exit 2) before anything is read.
pub fn refused(format: ReportFormat) -> Result<(), u8> {
    if matches!(format, ReportFormat::Json | ReportFormat::Csv) {
        to_stderr("campaigns: --brief writes md, text or xlsx; for JSON or CSV leave --brief out");
        return Err(COULD_NOT_RUN);
    }
    Ok(())
}

/// `report` with what the brief needs of the last meeting: the baseline
/// `--since` names, else the last report before this one in the file's git
/// history, to compare with; and what each task had closed (销号) there.
/// Unchanged outside git or when there is none, and the brief says so.
pub fn last_meeting<'a>(
    file: &Path,
    since: Option<&Since>,
    document: &'a Document,
    mut report: Report<'a>,
    common: &Common,
) -> Report<'a> {
    let today = settings::dates(common).today;
    let Ok(history) = history::read(file, history::Options { today }) else {
        return report;
    };
    let asked = since.cloned().unwrap_or(Since::LastReport);
    let Ok(Some(index)) = history.baseline(&asked, document.as_of()) else {
        return report;
    };
    // `--since` has compared already, and said any error.
    if since.is_none()
        && let Some(baseline) = Baseline::at(&history, index)
    {
        let comparison = Comparison::new(baseline, document.plan(), &report.status);
        report = report.since(compare::Since::new("", document.plan(), Some(comparison)));
    }
    let options = load::Options { as_of: None, today };
    if let Ok(Some(then)) = history.load(index, options) {
        report = report.closed_then(ClosedThen::of(then.plan(), then.as_of()));
    }
    report
}
