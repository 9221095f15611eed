//! The `campaigns` binary: parse the command line and dispatch.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use campaigns::load::{self, Document};
use cli::{Cli, Command, Common};

/// Exit codes of the headless commands.
const VALID: u8 = 0;
const INVALID: u8 = 1;
const COULD_NOT_RUN: u8 = 2;

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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}
