//! The problems panel's words: its title with the counts, and what it says
//! when there is nothing to list.

use crate::model::Lang;

/// The panel's name, also the help's heading for its keys.
pub fn problems_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "问题列表",
        Lang::En => "Problems",
    }
}

/// "1 error, 2 warnings" / "1 处错误，2 条警告": the panel's title and
/// what `check` and the other commands say of a file that did not load.
pub fn problem_counts(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Zh => format!("{errors} 处错误，{warnings} 条警告"),
        Lang::En => format!(
            "{errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
    }
}

/// A file that reads cleanly.
pub fn no_problems(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有问题：文件中没有错误或警告。",
        Lang::En => "No problems: the file has no errors or warnings.",
    }
}

/// The banner's pointer to the panel, opened by `key`.
pub fn problems_hint(lang: Lang, key: &str) -> String {
    match lang {
        Lang::Zh => format!("按 {key} 查看全部问题"),
        Lang::En => format!("{key} lists every problem"),
    }
}
