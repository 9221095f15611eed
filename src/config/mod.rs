//! The user's configuration file (`config.toml`): default language, mouse,
//! the due-soon window, theme, status colours and key bindings. Read and validated as a whole
//! before any command runs; every problem is a diagnostic with
//! `config.toml:line:col`, like the plan's. Where the file is, and what the
//! command line overrides, is settled by the binary (`commands/settings.rs`).

mod colors;
mod file;
mod keys;
pub mod print;
mod read;
pub mod schema;
mod spans;

use std::path::PathBuf;

use crate::load::Diagnostic;
use crate::model::Lang;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Palette;

pub use file::TOP_KEYS;

/// The configuration in force: the file's values over the defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// `lang`; `None`: the locale's.
    pub lang: Option<Lang>,
    /// `mouse`; `None`: off.
    pub mouse: Option<bool>,
    /// `screen_reader`; `None`: off.
    pub screen_reader: Option<bool>,
    /// `due_soon_days`; `None`: a month. A plan's own `[meta] due_soon_days`
    /// wins (`model::Meta::due_soon_window`).
    pub due_soon_days: Option<u32>,
    /// `theme` and `[colors]`.
    pub palette: Palette,
    /// The keys in force: the table with `[keys]` applied.
    pub keymap: Keymap,
    /// `[keys]` as written: each action given and its keys.
    pub keys: keys::Given,
}

impl Config {
    /// Reads a config file's text. `Err` holds every problem found.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        file::parse(text)
    }
}

/// Where the configuration came from, for `campaigns config` and messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Read from this file.
    File(PathBuf),
    /// No file at the default location: the defaults.
    Missing(PathBuf),
    /// Something at the default location that cannot be read (a HOME that
    /// belongs to another user, a FIFO, a directory): the defaults, with a
    /// warning, as git does with a config it cannot read.
    Unreadable { path: PathBuf, reason: String },
    /// No default location (neither XDG_CONFIG_HOME nor HOME is set).
    Nowhere,
}

/// A config file that could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// `--config PATH` names a file that cannot be read (or it is not UTF-8).
    Unreadable { path: PathBuf, reason: String },
    /// Read, with problems.
    Invalid {
        path: PathBuf,
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
}

impl ConfigError {
    /// The message for stderr: the reason, or every diagnostic rendered
    /// like rustc with `path:line:col`.
    pub fn render(&self, color: bool, lang: Lang) -> String {
        match self {
            ConfigError::Unreadable { path, reason } => format!(
                "campaigns: config file {}: {reason}",
                crate::text::sanitize_line(&path.display().to_string())
            ),
            ConfigError::Invalid {
                path,
                text,
                diagnostics,
            } => {
                let shown = path.display().to_string();
                let index = crate::load::LineIndex::new(text);
                let mut out: Vec<String> = diagnostics
                    .iter()
                    .map(|d| d.render_indexed(text, &index, &shown, color, lang))
                    .collect();
                let shown = crate::text::sanitize_line(&shown);
                out.push(match (lang, diagnostics.len()) {
                    (Lang::Zh, n) => {
                        format!("campaigns：{shown}：配置文件有 {n} 处错误，未执行任何命令")
                    }
                    (Lang::En, 1) => {
                        format!("campaigns: {shown}: 1 error in the config file; nothing was run")
                    }
                    (Lang::En, n) => format!(
                        "campaigns: {shown}: {n} errors in the config file; nothing was run"
                    ),
                });
                out.join("\n")
            }
        }
    }
}

/// Reads and validates the config file at `path`. A file that does not
/// exist or cannot be read is the defaults when `required` is false (the
/// default location: `Source` says which), an error when true (`--config
/// PATH`). Text that is not a config file's (too large, not UTF-8) or has
/// errors is an error either way: someone wrote it to be read.
pub fn read(path: PathBuf, required: bool) -> Result<(Config, Source), ConfigError> {
    let text = match read::text(&path) {
        Ok(text) => text,
        Err(read::Failure::Missing) if !required => {
            return Ok((Config::default(), Source::Missing(path)));
        }
        Err(read::Failure::Unreadable(reason)) if !required => {
            return Ok((Config::default(), Source::Unreadable { path, reason }));
        }
        Err(read::Failure::Missing) => {
            return Err(ConfigError::Unreadable {
                path,
                reason: "no such file".into(),
            });
        }
        Err(read::Failure::Unreadable(reason) | read::Failure::NotText(reason)) => {
            return Err(ConfigError::Unreadable { path, reason });
        }
    };
    match Config::parse(&text) {
        Ok(config) => Ok((config, Source::File(path))),
        Err(diagnostics) => Err(ConfigError::Invalid {
            path,
            text,
            diagnostics,
        }),
    }
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
