//! Reading a `campaigns.toml`: read → parse → validate, giving a plan and
//! every problem found, each tied to `file:line:col`.

mod diagnostic;
mod document;
mod fields;
pub mod format;
mod plan_reader;
mod reread;
mod syntax;
pub mod tree;
pub mod watch;
mod words;

use std::io::{self, Read};
use std::path::Path;

use chrono::NaiveDate;

pub use diagnostic::{Diagnostic, LineIndex, Position, Severity, summary};
pub use document::{Document, Invalid, Opened};
pub use fields::{Collector, Fields, backticked, did_you_mean, is_valid_id};
pub use reread::{ItemKind, ItemSection, Patch, Replacement, Reread, Sections};
pub use words::{Words, did_you_mean_help};

use crate::model::Plan;
use plan_reader::PlanReader;

/// Files larger than this are refused before parsing: a plan of 100 000
/// tasks is about 25 MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file could not be read at all (as opposed to read and found wrong).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: no such file")]
    NotFound { path: String },
    #[error("{path}: is a directory, not a file")]
    IsDirectory { path: String },
    #[error("{path}: not a regular file")]
    NotAFile { path: String },
    #[error("{path}: permission denied")]
    PermissionDenied { path: String },
    #[error("{path}: {size} bytes is more than the {limit} a plan may have")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}:{line}:{column}: the file is not valid UTF-8 (save it as UTF-8)")]
    NotUtf8 {
        path: String,
        line: usize,
        column: usize,
    },
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
}

/// What loading a text gave: the plan when there was no error, and every
/// diagnostic (errors and warnings), in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each campaign, task and indicator is written, for the
    /// re-read: empty when there is no plan.
    pub sections: Sections,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// How to read the dates of a file; both come from the command line and
/// the clock, read once where the program starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// `--as-of`: overrides `meta.as_of`.
    pub as_of: Option<NaiveDate>,
    /// The date when neither `--as-of` nor `meta.as_of` gives one.
    pub today: NaiveDate,
}

impl Options {
    /// The reporting date, the one rule: `--as-of`, else the file's
    /// `meta.as_of`, else today.
    pub fn reporting_date(&self, meta_as_of: Option<NaiveDate>) -> NaiveDate {
        self.as_of.or(meta_as_of).unwrap_or(self.today)
    }
}

/// Reads a file as UTF-8 text, refusing what is not a plain, reasonably
/// sized text file with a one-line reason.
pub fn read(path: &Path) -> Result<String, ReadError> {
    // A file name can hold escape sequences too.
    let shown = crate::text::sanitize_line(&path.display().to_string());
    let metadata = std::fs::metadata(path).map_err(|err| io_error(&shown, err))?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory { path: shown });
    }
    if !metadata.is_file() {
        return Err(ReadError::NotAFile { path: shown });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: shown,
            size: metadata.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|err| io_error(&shown, err))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: shown,
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        // Valid up to here, so this slice is text.
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let Position { line, column } = Position::of(text, text.len());
        ReadError::NotUtf8 {
            path: shown,
            line,
            column,
        }
    })
}

fn io_error(path: &str, err: io::Error) -> ReadError {
    match err.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound { path: path.into() },
        io::ErrorKind::PermissionDenied => ReadError::PermissionDenied { path: path.into() },
        io::ErrorKind::IsADirectory => ReadError::IsDirectory { path: path.into() },
        _ => ReadError::Io {
            path: path.into(),
            source: err,
        },
    }
}

thread_local! {
    static WHOLE_PARSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many whole files this thread has parsed so far: the loader's parse
/// ([`parse`]) and the write-back's parse of a whole file. For tests that
/// count what one command or one key costs; a re-read of the part of a file
/// that changed ([`Document::reread`]) is not a whole parse.
pub fn whole_parses() -> usize {
    WHOLE_PARSES.with(std::cell::Cell::get)
}

/// Counts one whole-file parse on this thread (see [`whole_parses`]).
pub(crate) fn count_whole_parse() {
    WHOLE_PARSES.with(|count| count.set(count.get() + 1));
}

/// Parses and validates `source`, collecting every problem in one pass.
pub fn parse(source: &str, options: Options) -> Loaded {
    count_whole_parse();
    // A byte-order mark is legal in UTF-8 files but not in TOML.
    let body = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let shift = source.len() - body.len();
    let first = if body.starts_with('\u{FEFF}') {
        Err(syntax::second_byte_order_mark(shift))
    } else {
        tree::parse(body).map_err(|first| syntax::diagnostic(body, &first, shift))
    };
    let tree = match first {
        Ok(tree) => tree,
        // After the first syntax error the parser's recovery guesses; the
        // guesses would only add noise, so report the first one alone.
        Err(diagnostic) => {
            return Loaded {
                plan: None,
                diagnostics: vec![diagnostic],
                sections: Sections::default(),
            };
        }
    };
    let mut reader = PlanReader::new(body, options);
    let plan = reader.read(tree.root());
    let sections = match plan {
        Some(_) => reread::sections(&tree, body.len()),
        None => Sections::default(),
    };
    drop(tree);
    let mut diagnostics = reader.out.diagnostics;
    if shift > 0 {
        for diagnostic in &mut diagnostics {
            diagnostic.span = diagnostic.span.start + shift..diagnostic.span.end + shift;
        }
    }
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    let plan = plan.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    let sections = match plan {
        Some(_) => sections.shifted(shift),
        None => Sections::default(),
    };
    Loaded {
        plan,
        diagnostics,
        sections,
    }
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
