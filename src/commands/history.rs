//! `campaigns history`: the figures over time, from the git history of the file.

use std::path::{Path, PathBuf};

use campaigns::config::Config;
use campaigns::history::{self, Boundary};
use campaigns::report::history as output;
use campaigns::text::sanitize_line;

use super::{COULD_NOT_RUN, INVALID, VALID, settings, to_stderr, to_stdout};
use crate::cli::{Common, HistoryArgs, HistoryFormat};

pub fn history(args: &HistoryArgs, common: &Common, config: &Config) -> anyhow::Result<u8> {
    if common.as_of.is_some() {
        to_stderr(
            "campaigns: --as-of does not apply to history: each revision is read at its own meta.as_of",
        );
        return Ok(COULD_NOT_RUN);
    }
    let (file, items) = file_and_items(&args.args);
    let options = history::Options {
        today: settings::dates(common).today,
    };
    let mut history = match history::read(&file, options) {
        Ok(history) => history,
        Err(err) => {
            to_stderr(&format!("campaigns: {err}"));
            return Ok(COULD_NOT_RUN);
        }
    };
    if let Err(unknown) = history.only(&items) {
        to_stderr(&format!("campaigns: {unknown}"));
        return Ok(INVALID);
    }
    let text = match args.format {
        HistoryFormat::Text => output::text(&history, settings::lang(common, config), common.ascii),
        HistoryFormat::Json => output::json(&history),
        HistoryFormat::Csv => output::csv(&history),
    };
    to_stdout(text.as_bytes())?;
    // The CSV has rows of points only: the boundary is said beside it.
    if let (HistoryFormat::Csv, Some(boundary)) = (args.format, &history.boundary) {
        to_stderr(&format!("campaigns: {}", boundary_note(boundary)));
    }
    Ok(VALID)
}

/// The first argument is the file when it ends in `.toml` or names an
/// existing file; otherwise every argument is an item and the file is
/// `./campaigns.toml`.
fn file_and_items(args: &[PathBuf]) -> (PathBuf, Vec<String>) {
    let is_file = |path: &Path| path.extension().is_some_and(|ext| ext == "toml") || path.is_file();
    let (file, rest) = match args.split_first() {
        Some((first, rest)) if is_file(first) => (first.clone(), rest),
        _ => (PathBuf::from("campaigns.toml"), args),
    };
    let items = rest
        .iter()
        .map(|item| item.to_string_lossy().into_owned())
        .collect();
    (file, items)
}

fn boundary_note(boundary: &Boundary) -> String {
    match boundary {
        Boundary::Shallow { commit } => format!(
            "history stops at the shallow clone's boundary: the parents of {commit} were not fetched"
        ),
        Boundary::Renamed { commit, from } => format!(
            "history stops at the rename: {commit} renamed the file from {}",
            sanitize_line(from)
        ),
    }
}
