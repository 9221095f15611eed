//! Common flags a command takes but does nothing with: refused, so that a
//! script's `schema --as-of 2024-12-31` is not silently the same as `schema`.

use crate::cli::{Command, Common};

/// Why the command line is refused: a flag named that does nothing for its
/// command; `None` when every flag given has a use.
pub fn unused(command: Option<&Command>, common: &Common) -> Option<String> {
    let (name, as_of, words) = match command? {
        // The file format and the completion scripts are the same whatever
        // the date, the language or the terminal.
        Command::Schema => ("schema", true, true),
        Command::Completions { .. } => ("completions", true, true),
        // The configuration in force has no reporting date.
        Command::Config { .. } => ("config", true, false),
        // The draft's reporting date is the new year's first day.
        Command::Rollover { .. } => ("rollover", true, false),
        // Fetching has no reporting date.
        Command::Fetch { .. } => ("fetch", true, false),
        _ => return None,
    };
    let given = [
        ("--as-of", as_of && common.as_of.is_some()),
        ("--lang", words && common.lang.is_some()),
        ("--ascii", words && common.ascii),
        ("--no-color", words && common.no_color),
    ];
    let (flag, _) = given.into_iter().find(|(_, given)| *given)?;
    Some(format!(
        "campaigns: {flag} does nothing for `{name}`; leave it out"
    ))
}
