//! The `campaigns` binary: parse the command line and dispatch.

mod cli;
mod commands;

use std::io;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let common = &cli.common;
    let result = match &cli.command {
        None => {
            let settings = commands::settings::screen(common, cli.mouse);
            campaigns::tui::run::run(cli.file.clone(), settings)
        }
        Some(Command::Check { file }) => commands::check(file, common),
        Some(Command::Report {
            file,
            format,
            campaign,
            output,
        }) => commands::report(file, *format, campaign, output.as_deref(), common),
        Some(Command::Render {
            file,
            size,
            view,
            color,
        }) => commands::render(file, common, *size, view, *color),
        Some(Command::Set(args)) => commands::set(args, common),
        Some(Command::History(args)) => commands::history(args, common),
        Some(Command::Schema) => commands::schema(),
        Some(Command::Completions { shell }) => commands::completions(*shell),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            commands::to_stderr(&format!("campaigns: {err:#}"));
            ExitCode::from(commands::COULD_NOT_RUN)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|err| err.kind() == io::ErrorKind::BrokenPipe)
}
