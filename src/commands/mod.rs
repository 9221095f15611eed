//! The headless commands and what they share: exit codes, flags turned into
//! settings, loading with diagnostics printed, output that survives a closed pipe.

mod brief;
mod check;
mod config;
mod fetch;
pub mod flags;
mod history;
mod render;
mod report;
mod rollover;
pub mod rollup;
mod set;
pub mod settings;
mod since;
mod yoy;

use std::io::{self, Write};
use std::path::Path;

use campaigns::load::{self, Opened};
use campaigns::model::Lang;

use crate::cli::Common;

pub use check::check;
pub use config::config;
pub use fetch::fetch;
pub use history::history;
pub use render::render;
pub use report::{Compare, completions, report, schema};
pub use rollover::rollover;
pub use set::set;
pub use since::check_for_screen as check_screen_since;

/// Exit codes of the headless commands.
pub const VALID: u8 = 0;
pub const INVALID: u8 = 1;
pub const COULD_NOT_RUN: u8 = 2;

/// Warnings beyond this many are counted, not printed.
const MAX_WARNINGS_SHOWN: usize = 50;

/// Loads `file` and prints its diagnostics on stderr. `Err` carries the exit
/// code when the file could not be read.
fn load_reporting_problems(file: &Path, common: &Common, lang: Lang) -> Result<Opened, u8> {
    let opened = Opened::load(file, settings::dates(common)).map_err(|err| {
        to_stderr(&format!("campaigns: {err}"));
        COULD_NOT_RUN
    })?;
    if !opened.diagnostics().is_empty() {
        let color = settings::stderr_color(common);
        to_stderr(&format!(
            "{}\n",
            opened.render_diagnostics(color, MAX_WARNINGS_SHOWN, lang)
        ));
    }
    Ok(opened)
}

/// "3 errors, 1 warning" (zh "3 处错误，1 条警告") for a file that did not load.
fn problems_summary(opened: &Opened, lang: Lang) -> String {
    let (errors, warnings) = load::summary(opened.diagnostics());
    campaigns::i18n::problem_counts(lang, errors, warnings)
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
