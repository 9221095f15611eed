//! `report --brief`: which formats have a brief, and the last meeting it
//! compares with when `--since` does not say.

use std::path::Path;

use campaigns::history::Since;
use campaigns::history::compare::Comparison;
use campaigns::load::Document;
use campaigns::report::Report;
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

/// `report` compared with the last report before this one in the file's
/// git history; unchanged outside git or when there is none, and the
/// brief says so.
pub fn last_meeting<'a>(
    file: &Path,
    document: &'a Document,
    report: Report<'a>,
    common: &Common,
) -> Report<'a> {
    let today = settings::dates(common).today;
    let Ok(baseline) = super::since::baseline(file, &Since::LastReport, document.as_of(), today)
    else {
        return report;
    };
    let comparison = Comparison::new(baseline, document.plan(), &report.status);
    report.since(compare::Since::new("", document.plan(), Some(comparison)))
}
