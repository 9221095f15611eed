//! A diagnostic's text in both languages, written side by side where the
//! diagnostic is built, so a message is never translated far from its cause.

use crate::model::Lang;

/// One piece of a diagnostic's text (message, label or help) in English and
/// Chinese. The zh text uses full-width punctuation; TOML keys and values
/// stay verbatim in backticks in both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub en: String,
    pub zh: String,
}

impl Words {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Words {
        Words {
            en: en.into(),
            zh: zh.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// `did you mean `x`?`, the hint every unknown name gets when a known one is close.
pub fn did_you_mean_help(candidate: &str) -> Words {
    Words::new(
        format!("did you mean `{candidate}`?"),
        format!("是否应为 `{candidate}`？"),
    )
}

/// The level words of the rustc-style block and the one-line headline.
pub(super) fn level_word(error: bool, lang: Lang) -> &'static str {
    match (error, lang) {
        (true, Lang::En) => "error",
        (false, Lang::En) => "warning",
        (true, Lang::Zh) => "错误",
        (false, Lang::Zh) => "警告",
    }
}

pub(super) fn help_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "help",
        Lang::Zh => "提示",
    }
}
