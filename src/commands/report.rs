//! `campaigns report`, `schema` and `completions`: text for other tools.

use std::io::IsTerminal;
use std::path::Path;

use clap::CommandFactory;

use campaigns::config::Config;
use campaigns::history::Since;
use campaigns::history::compare::Comparison;
use campaigns::model::Lang;
use campaigns::report::output::Target;
use campaigns::report::since as compare;
use campaigns::report::yoy::Yoy;
use campaigns::report::{Export, Format, Report};
use campaigns::text::sanitize_line;

use super::{
    COULD_NOT_RUN, INVALID, VALID, load_reporting_problems, problems_summary, settings, to_stderr,
    to_stdout,
};
use crate::cli::{Cli, Common, ReportFormat};

/// The figures as markdown, JSON, CSV or text, on stdout or into `--output`;
/// the xlsx workbook into `--output` or a pipe, never onto a terminal.
/// A file with errors gets its diagnostics and exit 1. With `--since`, the
/// baseline from the git history of the file; exit 2 when there is no
/// history to read or the REV names nothing. With `--yoy`, the same period
/// last year from the same history (else the file's own points).
pub fn report(
    file: &Path,
    format: ReportFormat,
    campaigns: &[String],
    output: Option<&Path>,
    compare: Compare<'_>,
    common: &Common,
    config: &Config,
) -> anyhow::Result<u8> {
    if compare.brief
        && let Err(code) = super::brief::refused(format)
    {
        return Ok(code);
    }
    let target = match refused_output(file, format, output) {
        Ok(target) => target,
        Err(code) => return Ok(code),
    };
    let lang = settings::lang(common, config);
    let opened = match load_reporting_problems(file, common, lang) {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let Some(document) = opened.document() else {
        let (path, summary) = (
            sanitize_line(&opened.shown_path()),
            problems_summary(&opened, lang),
        );
        to_stderr(&match lang {
            Lang::En => format!("campaigns: {path}: {summary}; no report written"),
            Lang::Zh => format!("campaigns：{path}：{summary}，未生成报告"),
        });
        return Ok(INVALID);
    };
    let report = match Report::new(document.plan(), document.as_of(), lang)
        .ascii(common.ascii)
        .due_soon_configured(config.due_soon_days)
        .only(campaigns)
    {
        Ok(report) => report,
        Err(unknown) => {
            to_stderr(&format!("campaigns: {unknown}"));
            return Ok(INVALID);
        }
    };
    let report = match compared(report, file, document, compare, common) {
        Ok(report) => report,
        Err(code) => return Ok(code),
    };
    let mut bytes = made(&report, export(format), compare.brief)
        .map_err(|err| anyhow::anyhow!("the workbook could not be made: {err}; nothing written"))?;
    // The text for reading keeps the file's units in ASCII too; data
    // (JSON, CSV, the workbook) keeps them as written.
    if common.ascii && matches!(format, ReportFormat::Text | ReportFormat::Md) {
        let text = String::from_utf8_lossy(&bytes);
        bytes = campaigns::text::ascii_signs(&text)
            .into_owned()
            .into_bytes();
    }
    write_out(target.as_ref(), &bytes)
}

/// The report with what `--since`, `--brief` and `--yoy` compare it with;
/// the exit code when a baseline cannot be had.
fn compared<'a>(
    mut report: Report<'a>,
    file: &Path,
    document: &'a campaigns::load::Document,
    compare: Compare<'_>,
    common: &Common,
) -> Result<Report<'a>, u8> {
    if let Some(since) = compare.since {
        let today = settings::dates(common).today;
        let baseline = super::since::baseline_or_exit(file, since, document.as_of(), today)?;
        let comparison = Comparison::new(baseline, document.plan(), &report.status);
        let asked = super::since::asked(since);
        report = report.since(compare::Since::new(
            &asked,
            document.plan(),
            Some(comparison),
        ));
    }
    if compare.brief {
        report = super::brief::last_meeting(file, compare.since, document, report, common);
    }
    if compare.yoy {
        let today = settings::dates(common).today;
        let years = super::yoy::years_or_exit(file, document.plan(), document.as_of(), today)?;
        report = report.yoy(Yoy::new(years));
    }
    Ok(report)
}

/// What the figures are compared with: a baseline (`--since`), the same
/// period last year (`--yoy`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Compare<'a> {
    pub since: Option<&'a Since>,
    pub yoy: bool,
    /// The one-page brief (`--brief`) instead of the full report.
    pub brief: bool,
}

/// The report's bytes. rust_xlsxwriter panics when a streamed sheet's
/// temporary file cannot be written (a full TMPDIR, a file size limit):
/// that panic is caught and said in one line like any other failure,
/// instead of a trace and exit 101. Nothing else runs meanwhile, so the
/// panic hook can be swapped for the call.
fn made(report: &Report<'_>, export: Export, brief: bool) -> Result<Vec<u8>, String> {
    use std::panic::{self, AssertUnwindSafe};
    use std::sync::{Arc, Mutex};
    let said = Arc::new(Mutex::new(String::new()));
    let previous = panic::take_hook();
    let hook_said = Arc::clone(&said);
    panic::set_hook(Box::new(move |info| {
        let message = match info.payload().downcast_ref::<String>() {
            Some(text) => text.clone(),
            None => info
                .payload()
                .downcast_ref::<&str>()
                .map_or_else(String::new, |t| (*t).to_owned()),
        };
        if let Ok(mut said) = hook_said.lock() {
            *said = message;
        }
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(|| match brief {
        // JSON and CSV have no brief: refused before anything was read.
        true => report
            .brief(export)
            .unwrap_or_else(|| report.export(export)),
        false => report.export(export),
    }));
    panic::set_hook(previous);
    match result {
        Ok(made) => made.map_err(|err| err.to_string()),
        Err(_) => Err(sanitize_line(
            &said.lock().map(|said| said.clone()).unwrap_or_default(),
        )),
    }
}

/// Where the report goes: `--output` checked (`None`: stdout). `Err`: why
/// no report may be written there, said on stderr, with the exit code.
pub(super) fn refused_output(
    file: &Path,
    format: ReportFormat,
    output: Option<&Path>,
) -> Result<Option<Target>, u8> {
    // Checked before anything is read: a report written over the plan
    // would replace every figure with its own summary.
    if let Some(path) = output.filter(|path| is_the_plan(path, file)) {
        to_stderr(&format!(
            "campaigns: --output {} is the plan itself ({}); no report written, choose another file",
            sanitize_line(&path.display().to_string()),
            sanitize_line(&file.display().to_string()),
        ));
        return Err(COULD_NOT_RUN);
    }
    // A zip archive on a terminal is garbage at best and escape sequences
    // at worst; a pipe (`> file`, `| ssh …`) is what scripts use.
    if format == ReportFormat::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
        to_stderr(
            "campaigns: --format xlsx writes a binary workbook, not for a terminal; \
             use -o FILE (e.g. -o ledger.xlsx) or redirect stdout to a file",
        );
        return Err(COULD_NOT_RUN);
    }
    // Checked before the report is made: a FIFO or a device is refused
    // at once, never opened (a FIFO would block until a reader came).
    output.map(Target::check).transpose().map_err(|err| {
        to_stderr(&format!("campaigns: --output {err}"));
        COULD_NOT_RUN
    })
}

fn export(format: ReportFormat) -> Export {
    match format {
        ReportFormat::Md => Export::Text(Format::Markdown),
        ReportFormat::Json => Export::Text(Format::Json),
        ReportFormat::Csv => Export::Text(Format::Csv),
        ReportFormat::Text => Export::Text(Format::Text),
        ReportFormat::Xlsx => Export::Xlsx,
    }
}

/// In place of `--output`'s file (the old one stays whole if the write
/// fails), else onto stdout.
pub(super) fn write_out(output: Option<&Target>, bytes: &[u8]) -> anyhow::Result<u8> {
    match output {
        Some(target) => target
            .replace(bytes)
            .map_err(|err| anyhow::anyhow!("--output {err}"))?,
        None => to_stdout(bytes)?,
    }
    Ok(VALID)
}

/// Whether `output` names the plan's file: the same file after links are
/// resolved (a symlink or a hard link to it counts). An output that does
/// not exist yet is never the plan. Compared by device and inode, never
/// opened: opening a FIFO would block.
fn is_the_plan(output: &Path, plan: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(output), std::fs::metadata(plan)) {
        (Ok(output), Ok(plan)) => (output.dev(), output.ino()) == (plan.dev(), plan.ino()),
        _ => false,
    }
}

/// The JSON Schema of the file format, or of the config file.
pub fn schema(of_config: bool) -> anyhow::Result<u8> {
    let schema = if of_config {
        campaigns::config::schema::render()
    } else {
        campaigns::report::schema::render()
    };
    to_stdout(schema.as_bytes())?;
    Ok(VALID)
}

/// A completion script for the shell.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "campaigns", &mut script);
    to_stdout(&script)?;
    Ok(VALID)
}
