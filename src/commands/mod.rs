//! The headless commands and what they share: exit codes, flags turned into
//! settings, loading with diagnostics printed, output that survives a closed pipe.

mod check;
mod render;
mod report;
mod set;

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use campaigns::load::{self, Document};
use campaigns::model::Lang;

use crate::cli::{Common, LangArg};

pub use check::check;
pub use render::render;
pub use report::{completions, report, schema};
pub use set::set;

/// Exit codes of the headless commands.
pub const VALID: u8 = 0;
pub const INVALID: u8 = 1;
pub const COULD_NOT_RUN: u8 = 2;

/// Warnings beyond this many are counted, not printed.
const MAX_WARNINGS_SHOWN: usize = 50;

pub fn options(common: &Common) -> load::Options {
    load::Options {
        as_of: common.as_of,
        ..load::Options::default()
    }
}

pub fn lang(common: &Common) -> Option<Lang> {
    common.lang.map(|lang| match lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    })
}

fn use_color(common: &Common, stream_is_terminal: bool) -> bool {
    stream_is_terminal
        && !common.no_color
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The screen's settings from the common flags and the environment.
pub fn screen_settings(common: &Common, mouse: bool) -> campaigns::tui::Settings {
    campaigns::tui::Settings::from_env(
        lang(common),
        common.ascii,
        common.no_color,
        mouse,
        common.as_of,
    )
}

/// Loads `file` and prints its diagnostics on stderr. `Err` carries the exit
/// code when the file could not be read.
fn load_reporting_problems(file: &Path, common: &Common) -> Result<Document, u8> {
    let document = Document::load(file, options(common)).map_err(|err| {
        to_stderr(&format!("campaigns: {err}"));
        COULD_NOT_RUN
    })?;
    if !document.loaded.diagnostics.is_empty() {
        let color = use_color(common, io::stderr().is_terminal());
        to_stderr(&format!(
            "{}\n",
            document.render_diagnostics(color, MAX_WARNINGS_SHOWN)
        ));
    }
    Ok(document)
}

/// "3 errors, 1 warning" for a file that did not load.
fn problems_summary(document: &Document) -> String {
    let (errors, warnings) = load::summary(&document.loaded.diagnostics);
    format!(
        "{errors} {}, {warnings} {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// A line on stderr. Unlike `eprintln!`, a closed stderr (`2>&1 | head`)
/// is ignored rather than a panic.
pub fn to_stderr(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// Writes all of `text` to stdout; a closed pipe comes back as an error that
/// `main` treats as success.
fn to_stdout(text: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text)?;
    out.flush()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}
