//! Settings from the command line and the environment (read once at start).

use chrono::NaiveDate;

use super::app::Settings;
use crate::model::Lang;

impl Settings {
    /// `lang`: `--lang`, else LC_ALL / LC_MESSAGES / LANG. `ascii`: `--ascii`,
    /// or a locale that is set and not UTF-8. Colour: off with `--no-color`
    /// or a non-empty NO_COLOR.
    pub fn from_env(
        lang: Option<Lang>,
        ascii: bool,
        no_color: bool,
        mouse: bool,
        as_of: Option<NaiveDate>,
    ) -> Settings {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].into_iter().find_map(var);
        Settings {
            lang: lang.unwrap_or_else(Lang::from_env),
            ascii: ascii || locale.is_some_and(|l| !is_utf8_locale(&l)),
            color: !no_color && var("NO_COLOR").is_none(),
            mouse,
            as_of,
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// `en_GB.UTF-8`, `zh_CN.utf8`, `C.UTF-8`: yes. `C`, `POSIX`, `zh_CN.GB18030`: no.
pub fn is_utf8_locale(locale: &str) -> bool {
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
