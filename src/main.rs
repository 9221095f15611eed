//! The `campaigns` binary: parse the command line, validate the config
//! file (before anything else, for every command), and dispatch.

mod cli;
mod commands;

use std::io;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let common = &cli.common;
    let wants_config_schema = matches!(cli.command, Some(Command::Schema))
        && common.config.as_ref().is_some_and(|p| p.is_empty());
    if common.config.as_ref().is_some_and(|p| p.is_empty()) && !wants_config_schema {
        commands::to_stderr("campaigns: --config needs a PATH (only `schema --config` takes none)");
        return ExitCode::from(commands::COULD_NOT_RUN);
    }
    if let Some(refused) = commands::flags::unused(cli.command.as_ref(), common) {
        commands::to_stderr(&refused);
        return ExitCode::from(commands::COULD_NOT_RUN);
    }
    let configured = match commands::settings::config(common) {
        Ok(configured) => configured,
        Err(message) => {
            commands::to_stderr(&message);
            return ExitCode::from(commands::COULD_NOT_RUN);
        }
    };
    let result = match manifest_command(&cli, &configured.config) {
        Some(result) => result,
        None => plan_command(&cli, wants_config_schema, &configured),
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

/// A roll-up manifest (`[rollup]`) given where a plan is taken: the
/// commands that read one, and a clear refusal from those that cannot yet.
fn manifest_command(cli: &Cli, config: &campaigns::config::Config) -> Option<anyhow::Result<u8>> {
    let common = &cli.common;
    let result = match &cli.command {
        None if commands::rollup::is_manifest(&cli.file) => rollup_screen(cli, config),
        Some(Command::Check { file }) if commands::rollup::is_manifest(file) => {
            commands::rollup::check(file, common, config)
        }
        Some(Command::Report {
            file,
            format,
            campaign,
            output,
            since,
            yoy,
            brief,
        }) if commands::rollup::is_manifest(file) => commands::rollup::report(
            file,
            *format,
            output.as_deref(),
            (campaign, since.is_some() || *yoy || *brief),
            common,
            config,
        ),
        Some(Command::Render {
            file,
            size,
            view,
            since,
            select,
            color,
        }) if commands::rollup::is_manifest(file) => {
            if since.is_some() {
                commands::to_stderr("campaigns: --since does not apply to a roll-up manifest");
                return Some(Ok(commands::COULD_NOT_RUN));
            }
            let request = campaigns::tui::rollup::RollupRequest {
                size: *size,
                view,
                select: select.as_deref(),
                ansi: *color,
            };
            commands::rollup::render(file, &request, common, config)
        }
        Some(Command::Set(args)) if commands::rollup::is_manifest(&args.file) => {
            commands::rollup::not_yet(&args.file, "set", common, config)
        }
        Some(Command::History(args))
            if args
                .args
                .first()
                .is_some_and(|f| commands::rollup::is_manifest(f)) =>
        {
            commands::rollup::not_yet(&args.args[0], "history", common, config)
        }
        _ => return None,
    };
    Some(result)
}

/// Every command on a plan.
fn plan_command(
    cli: &Cli,
    wants_config_schema: bool,
    configured: &commands::settings::Configured,
) -> anyhow::Result<u8> {
    let common = &cli.common;
    let config = &configured.config;
    match &cli.command {
        None => screen(cli, config),
        Some(Command::Check { file }) => commands::check(file, common, config),
        Some(Command::Report {
            file,
            format,
            campaign,
            output,
            since,
            yoy,
            brief,
        }) => commands::report(
            file,
            *format,
            campaign,
            output.as_deref(),
            commands::Compare {
                since: since.as_ref(),
                yoy: *yoy,
                brief: *brief,
            },
            common,
            config,
        ),
        Some(Command::Render {
            file,
            size,
            view,
            since,
            select,
            color,
        }) => {
            let request = campaigns::tui::render::Request {
                size: *size,
                view,
                since: since.clone(),
                select: select.as_deref(),
                ansi: *color,
            };
            commands::render(file, common, &request, config)
        }
        Some(Command::Set(args)) => commands::set(args, common, config),
        Some(Command::Rollover { year, file, output }) => {
            commands::rollover(*year, file, output, common, config)
        }
        Some(Command::Fetch { file, timeout }) => commands::fetch(file, *timeout, common, config),
        Some(Command::Schema) => commands::schema(wants_config_schema),
        Some(Command::Config { check }) => commands::config(*check, configured),
        Some(Command::History(args)) => commands::history(args, common, config),
        Some(Command::Completions { shell }) => commands::completions(*shell),
    }
}

/// The review screen: `--since` checked before the terminal is touched, the
/// history that check read handed to the screen.
fn screen(cli: &Cli, config: &campaigns::config::Config) -> anyhow::Result<u8> {
    // The last of --mouse / --no-mouse wins; neither: the config's.
    let mouse = (cli.mouse || cli.no_mouse).then_some(cli.mouse);
    let mut settings = commands::settings::screen(&cli.common, mouse, config);
    settings.screen_reader |= cli.screen_reader;
    let since = cli
        .since
        .clone()
        .unwrap_or(campaigns::history::Since::LastReport);
    let today = settings.dates.today;
    // Read once: the screen takes the history this check read.
    let read = match commands::check_screen_since(&cli.file, &since, today) {
        Ok(read) => read,
        Err(code) => return Ok(code),
    };
    campaigns::tui::run::run(cli.file.clone(), settings, since, read)
}

/// The roll-up screen on a manifest (`--since` has no meaning there).
fn rollup_screen(cli: &Cli, config: &campaigns::config::Config) -> anyhow::Result<u8> {
    if cli.since.is_some() {
        commands::to_stderr("campaigns: --since does not apply to a roll-up manifest");
        return Ok(commands::COULD_NOT_RUN);
    }
    let mouse = (cli.mouse || cli.no_mouse).then_some(cli.mouse);
    let settings = commands::settings::screen(&cli.common, mouse, config);
    commands::rollup::screen(&cli.file, settings, &cli.common)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|err| err.kind() == io::ErrorKind::BrokenPipe)
}
