//! The `campaigns` binary: parse the command line and dispatch.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use campaigns::edit;
use campaigns::load::{self, Document};
use cli::{Cli, Command, Common, LangArg, ReportFormat};

/// Exit codes of the headless commands.
const VALID: u8 = 0;
const INVALID: u8 = 1;
const COULD_NOT_RUN: u8 = 2;

/// Warnings beyond this many are counted, not printed.
const MAX_WARNINGS_SHOWN: usize = 50;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        None => review(&cli),
        Some(Command::Check { file }) => check(file, &cli.common),
        Some(Command::Render {
            file,
            size,
            view,
            color,
        }) => render(file, &cli.common, *size, view, *color),
        Some(Command::Set(args)) => set(args, &cli.common),
        Some(Command::Report {
            file,
            format,
            campaign,
            output,
        }) => report(file, *format, campaign, output.as_deref(), &cli.common),
        Some(Command::Schema) => schema(),
        Some(Command::Completions { shell }) => completions(*shell),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            to_stderr(&format!("campaigns: {err:#}"));
            ExitCode::from(COULD_NOT_RUN)
        }
    }
}

/// `campaigns [FILE]`: the review screen.
fn review(cli: &Cli) -> anyhow::Result<u8> {
    let settings = screen_settings(&cli.common, cli.mouse);
    campaigns::tui::run::run(cli.file.clone(), settings)
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
            to_stderr(&format!("campaigns: {err}"));
            return Ok(COULD_NOT_RUN);
        }
    };
    let color = use_color(common, io::stderr().is_terminal());
    if !document.loaded.diagnostics.is_empty() {
        to_stderr(&format!(
            "{}\n",
            document.render_diagnostics(color, MAX_WARNINGS_SHOWN)
        ));
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
                "{path}: valid: {} {}, {tasks} {}, {indicators} {}, {warnings} {}",
                plan.campaigns.len(),
                plural(plan.campaigns.len(), "campaign"),
                plural(tasks, "task"),
                plural(indicators, "indicator"),
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

/// The screen's settings from the common flags and the environment.
fn screen_settings(common: &Common, mouse: bool) -> campaigns::tui::Settings {
    let lang = common.lang.map(|lang| match lang {
        cli::LangArg::Zh => campaigns::model::Lang::Zh,
        cli::LangArg::En => campaigns::model::Lang::En,
    });
    campaigns::tui::Settings::from_env(lang, common.ascii, common.no_color, mouse, common.as_of)
}

/// `campaigns render`: one frame of the screen as text.
fn render(
    file: &Path,
    common: &Common,
    size: (u16, u16),
    view: &str,
    ansi: bool,
) -> anyhow::Result<u8> {
    let settings = screen_settings(common, false);
    match campaigns::tui::render::render(file, settings, size, view, ansi) {
        Ok(frame) => {
            io::stdout().lock().write_all(frame.as_bytes())?;
            Ok(VALID)
        }
        Err(failure) => {
            eprintln!("campaigns: {}", failure.message);
            Ok(failure.code)
        }
    }
}

/// `campaigns set`: one update through the write-back path; the summary on
/// stdout, a refusal or failure on stderr.
fn set(args: &cli::SetArgs, common: &Common) -> anyhow::Result<u8> {
    let Some((campaign, item)) = args.target.split_once('/') else {
        to_stderr(&format!(
            "campaigns: `{}` is not CAMPAIGN/ITEM, e.g. clear-water/yangtze-outfalls",
            campaigns::text::sanitize_line(&args.target)
        ));
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
            to_stderr(&format!("campaigns: {err}"));
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

/// `campaigns report`: the figures as markdown, JSON, CSV or text, on stdout
/// or into `--output`. A file with errors gets its diagnostics and exit 1.
fn report(
    file: &Path,
    format: ReportFormat,
    campaigns: &[String],
    output: Option<&Path>,
    common: &Common,
) -> anyhow::Result<u8> {
    use campaigns::model::Lang;
    use campaigns::report::{Format, Report};

    let options = options(common);
    let document = match Document::load(file, options) {
        Ok(document) => document,
        Err(err) => {
            to_stderr(&format!("campaigns: {err}"));
            return Ok(COULD_NOT_RUN);
        }
    };
    if !document.loaded.diagnostics.is_empty() {
        let color = use_color(common, io::stderr().is_terminal());
        to_stderr(&format!(
            "{}\n",
            document.render_diagnostics(color, MAX_WARNINGS_SHOWN)
        ));
    }
    let Some(plan) = &document.loaded.plan else {
        let (errors, warnings) = load::summary(&document.loaded.diagnostics);
        to_stderr(&format!(
            "campaigns: {}: {errors} {}, {warnings} {}; no report written",
            campaigns::text::sanitize_line(&document.shown_path()),
            plural(errors, "error"),
            plural(warnings, "warning")
        ));
        return Ok(INVALID);
    };
    let lang = match common.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    };
    let as_of = plan.as_of(options.as_of, options.today);
    let report = match Report::new(plan, as_of, lang)
        .ascii(common.ascii)
        .only(campaigns)
    {
        Ok(report) => report,
        Err(unknown) => {
            to_stderr(&format!("campaigns: {unknown}"));
            return Ok(INVALID);
        }
    };
    let format = match format {
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Text => Format::Text,
    };
    let text = report.render(format);
    match output {
        Some(path) => std::fs::write(path, text).map_err(|err| {
            let shown = campaigns::text::sanitize_line(&path.display().to_string());
            anyhow::anyhow!("{shown}: {err}")
        })?,
        None => {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(VALID)
}

/// A line on stderr. Unlike `eprintln!`, a closed stderr (`2>&1 | head`)
/// is ignored rather than a panic.
fn to_stderr(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// `campaigns schema`: the JSON Schema of the file format.
fn schema() -> anyhow::Result<u8> {
    let mut out = io::stdout().lock();
    out.write_all(campaigns::report::schema::render().as_bytes())?;
    out.flush()?;
    Ok(VALID)
}

/// `campaigns completions SHELL`: a completion script for the shell.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "campaigns", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(VALID)
}
