//! What the command line, the config file and the environment settle, read
//! once here at the edge and passed down: the language, the dates, colour,
//! ASCII, the editor, the keys and theme. A flag wins over the config file,
//! the config file over what the environment gives. Nothing under the
//! library reads the environment or the clock.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use campaigns::config::{self, Config, Source};
use campaigns::load;
use campaigns::model::Lang;
use campaigns::text::sanitize_line;
use campaigns::tui::Settings;
use campaigns::tui::editor::Editor;

use crate::cli::{Common, LangArg};

/// `--as-of`, and today by the local clock.
pub fn dates(common: &Common) -> load::Options {
    load::Options {
        as_of: common.as_of,
        today: chrono::Local::now().date_naive(),
    }
}

/// The config file read, and where from.
#[derive(Debug)]
pub struct Configured {
    pub config: Config,
    pub source: Source,
}

/// Reads and validates the config file: `--config PATH`, else
/// `$XDG_CONFIG_HOME/campaigns/config.toml`, else
/// `~/.config/campaigns/config.toml`. A missing file at the default place is
/// the defaults; one that cannot be read there (a HOME of another user, a
/// FIFO) is the defaults with a warning on stderr; a `--config PATH` that
/// cannot be read is an error. `Err`: the message for stderr (exit 2).
pub fn config(common: &Common) -> Result<Configured, String> {
    let (path, required) = match &common.config {
        Some(path) if !path.is_empty() => (PathBuf::from(path), true),
        _ => match default_config_path() {
            Some(path) => (path, false),
            None => {
                return Ok(Configured {
                    config: Config::default(),
                    source: Source::Nowhere,
                });
            }
        },
    };
    let (config, source) = config::read(path, required)
        .map_err(|err| err.render(stderr_color(common), lang(common, &Config::default())))?;
    if let Source::Unreadable { path, reason } = &source {
        let (path, reason) = (
            sanitize_line(&path.display().to_string()),
            sanitize_line(reason),
        );
        super::to_stderr(&match lang(common, &config) {
            Lang::En => {
                format!("campaigns: warning: config file {path}: {reason}; using the defaults")
            }
            Lang::Zh => {
                format!("campaigns：警告：配置文件 {path} 无法读取（{reason}），使用默认设置")
            }
        });
    }
    Ok(Configured { config, source })
}

/// Where the config file is when `--config` does not say.
fn default_config_path() -> Option<PathBuf> {
    // XDG: a relative XDG_CONFIG_HOME is to be ignored.
    let base = var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|path| path.is_absolute())
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("campaigns").join("config.toml"))
}

/// `--lang`, else the config file's `lang`, else the locale's.
pub fn lang(common: &Common, config: &Config) -> Lang {
    match common.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => config.lang.unwrap_or_else(locale_lang),
    }
}

/// The language of LC_ALL, LC_MESSAGES or LANG (the first set); English
/// when none is.
pub fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(var)
        .map_or(Lang::En, |locale| Lang::from_locale(&locale))
}

/// Colour on `stream`: a terminal, without `--no-color` or NO_COLOR.
pub fn use_color(common: &Common, stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && !common.no_color && var("NO_COLOR").is_none()
}

/// The screen's settings. ASCII: `--ascii`, or a locale that is set and
/// not UTF-8. Mouse: `--mouse` or `--no-mouse` (the last given), else the
/// config's `mouse`. Colour: off with `--no-color` or NO_COLOR whatever the
/// config's theme.
pub fn screen(common: &Common, mouse: Option<bool>, config: &Config) -> Settings {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].into_iter().find_map(var);
    Settings {
        lang: lang(common, config),
        ascii: common.ascii || locale.is_some_and(|l| !is_utf8_locale(&l)),
        color: !common.no_color && var("NO_COLOR").is_none(),
        mouse: mouse.or(config.mouse).unwrap_or(false),
        screen_reader: config.screen_reader.unwrap_or(false),
        dates: dates(common),
        editor: Editor {
            visual: std::env::var_os("VISUAL"),
            editor: std::env::var_os("EDITOR"),
        },
        keymap: config.keymap.clone(),
        palette: config.palette,
        due_soon_days: config.due_soon_days,
    }
}

/// Whether stderr shows colour (for diagnostics).
pub fn stderr_color(common: &Common) -> bool {
    use_color(common, &io::stderr())
}

/// A variable that is set and not empty.
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// `en_GB.UTF-8`, `zh_CN.utf8`, `C.UTF-8`: yes. `C`, `POSIX`, `zh_CN.GB18030`: no.
fn is_utf8_locale(locale: &str) -> bool {
    let lower = locale.to_ascii_lowercase();
    lower.contains("utf-8") || lower.contains("utf8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_locales_are_recognised() {
        assert!(is_utf8_locale("zh_CN.UTF-8"));
        assert!(is_utf8_locale("en_US.utf8"));
        assert!(!is_utf8_locale("C"));
        assert!(!is_utf8_locale("zh_CN.GB18030"));
    }
}
