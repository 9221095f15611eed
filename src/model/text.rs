//! Translatable text: a plain string or a table of translations.

use std::fmt;

/// The languages the interface speaks. Data text may carry others; they are
/// used only as a fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the language from a locale string such as `zh_CN.UTF-8`.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language a text is written in, by its script: Chinese when it
    /// holds a Han character, else English.
    pub fn of_script(text: &str) -> Lang {
        let han = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}');
        if text.chars().any(han) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A text field of the file. Translations keep the order they were written in,
/// so the fallback is predictable: the first one present.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Translated(Vec<(String, String)>),
}

impl Text {
    /// The text in `lang`, else in the other interface language, else the
    /// first translation given.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(text) => text,
            Text::Translated(translations) => {
                let find = |code: &str| {
                    translations
                        .iter()
                        .find(|(lang, _)| lang == code)
                        .map(|(_, text)| text.as_str())
                };
                find(lang.code())
                    .or_else(|| find(lang.other().code()))
                    .or_else(|| translations.first().map(|(_, text)| text.as_str()))
                    .unwrap_or("")
            }
        }
    }
}

/// An optional text in `lang`, or "" when it is absent (units, leads, notes).
pub fn text_or_empty(text: Option<&Text>, lang: Lang) -> &str {
    text.map_or("", |text| text.get(lang))
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both() -> Text {
        Text::Translated(vec![
            ("zh".into(), "蓝天保卫战".into()),
            ("en".into(), "Blue Sky".into()),
        ])
    }

    #[test]
    fn picks_the_asked_language() {
        assert_eq!(both().get(Lang::Zh), "蓝天保卫战");
        assert_eq!(both().get(Lang::En), "Blue Sky");
    }

    #[test]
    fn falls_back_to_the_other_then_to_any() {
        let zh_only = Text::Translated(vec![("zh".into(), "净土".into())]);
        assert_eq!(zh_only.get(Lang::En), "净土");
        let fr_only = Text::Translated(vec![("fr".into(), "Ciel bleu".into())]);
        assert_eq!(fr_only.get(Lang::Zh), "Ciel bleu");
        assert_eq!(Text::from("plain").get(Lang::Zh), "plain");
    }

    #[test]
    fn locale_picks_language() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }
}
