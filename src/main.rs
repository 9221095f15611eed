//! The `campaigns` binary: parse the command line and dispatch.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use campaigns::edit;
use campaigns::load::{self, Document};
use cli::{Cli, Command, Common};

/// Exit codes of the headless commands.
const VALID: u8 = 0;
const INVALID: u8 = 1;
const COULD_NOT_RUN: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        None => Err(anyhow::anyhow!("the review screen is not built yet")),
        Some(Command::Check { file }) => check(file, &cli.common),
        Some(Command::Set(args)) => set(args, &cli.common),
        Some(_) => Err(anyhow::anyhow!("not built yet")),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("campaigns: {err:#}");
            ExitCode::from(COULD_NOT_RUN)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|err| err.kind() == io::ErrorKind::BrokenPipe)
}

fn options(common: &Common) -> load::Options {
    load::Options {
        as_of: common.as_of,
        ..load::Options::default()
    }
}

fn use_color(common: &Common, stream_is_terminal: bool) -> bool {
    stream_is_terminal
        && !common.no_color
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `campaigns check`: diagnostics on stderr, a summary line on stdout.
fn check(file: &Path, common: &Common) -> anyhow::Result<u8> {
    let document = match Document::load(file, options(common)) {
        Ok(document) => document,
        Err(err) => {
            eprintln!("campaigns: {err}");
            return Ok(COULD_NOT_RUN);
        }
    };
    let color = use_color(common, io::stderr().is_terminal());
    if !document.loaded.diagnostics.is_empty() {
        eprintln!("{}\n", document.render_diagnostics(color));
    }
    let (errors, warnings) = load::summary(&document.loaded.diagnostics);
    let mut out = io::stdout().lock();
    let path = campaigns::text::sanitize_line(&document.shown_path());
    match &document.loaded.plan {
        Some(plan) => {
            let tasks: usize = plan.campaigns.iter().map(|c| c.tasks.len()).sum();
            let indicators: usize = plan.campaigns.iter().map(|c| c.indicators.len()).sum();
            writeln!(
                out,
                "{path}: valid: {} campaigns, {tasks} tasks, {indicators} indicators, {warnings} {}",
                plan.campaigns.len(),
                plural(warnings, "warning")
            )?;
            Ok(VALID)
        }
        None => {
            writeln!(
                out,
                "{path}: {errors} {}, {warnings} {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            )?;
            Ok(INVALID)
        }
    }
}

/// `campaigns set`: one update through the write-back path; the summary on
/// stdout, a refusal or failure on stderr.
fn set(args: &cli::SetArgs, common: &Common) -> anyhow::Result<u8> {
    let Some((campaign, item)) = args.target.split_once('/') else {
        eprintln!(
            "campaigns: `{}` is not CAMPAIGN/ITEM, e.g. clear-water/yangtze-outfalls",
            campaigns::text::sanitize_line(&args.target)
        );
        return Ok(INVALID);
    };
    let change = match (args.done, args.add, &args.value) {
        (Some(done), _, _) => Some(edit::Change::SetDone(done)),
        (_, Some(add), _) => Some(edit::Change::AddDone(add)),
        (_, _, Some(value)) => Some(edit::Change::SetValue(value.clone())),
        _ => None,
    };
    let options = options(common);
    // The reporting date: --as-of, else the file's meta.as_of, else today.
    let record = args.record.then(|| {
        common.as_of.unwrap_or_else(|| {
            Document::load(&args.file, options)
                .ok()
                .and_then(|document| document.loaded.plan)
                .and_then(|plan| plan.meta.as_of)
                .unwrap_or(options.today)
        })
    });
    let request = edit::Edit {
        campaign: campaign.to_owned(),
        item: item.to_owned(),
        change,
        note: args.note.clone(),
        record,
    };
    match edit::apply(&args.file, &request, options) {
        Ok(saved) => {
            writeln!(io::stdout().lock(), "{}", saved.summary)?;
            Ok(VALID)
        }
        Err(err) => {
            eprintln!("campaigns: {err}");
            Ok(if err.is_refusal() {
                INVALID
            } else {
                COULD_NOT_RUN
            })
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}
