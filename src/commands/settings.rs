//! What the command line and the environment settle, read once here at
//! the edge and passed down: the language, the dates, colour, ASCII, the
//! editor. Nothing under the library reads the environment or the clock.

use std::io::{self, IsTerminal};

use campaigns::load;
use campaigns::model::Lang;
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

/// `--lang`, else the language of LC_ALL, LC_MESSAGES or LANG (the first set).
pub fn lang(common: &Common) -> Lang {
    match common.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(var)
            .map_or(Lang::En, |locale| Lang::from_locale(&locale)),
    }
}

/// Colour on `stream`: a terminal, without `--no-color` or NO_COLOR.
pub fn use_color(common: &Common, stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && !common.no_color && var("NO_COLOR").is_none()
}

/// The screen's settings. ASCII: `--ascii`, or a locale that is set and
/// not UTF-8.
pub fn screen(common: &Common, mouse: bool) -> Settings {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].into_iter().find_map(var);
    Settings {
        lang: lang(common),
        ascii: common.ascii || locale.is_some_and(|l| !is_utf8_locale(&l)),
        color: !common.no_color && var("NO_COLOR").is_none(),
        mouse,
        dates: dates(common),
        editor: Editor {
            visual: std::env::var_os("VISUAL"),
            editor: std::env::var_os("EDITOR"),
        },
        keymap: Default::default(),
        palette: Default::default(),
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
