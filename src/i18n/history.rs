//! The words of the screen's history: the baseline, where it stops, why
//! there is none.

use chrono::NaiveDate;

use crate::model::Lang;

/// `since 2024-11-30 (abc1234)` / `较2024-11-30（abc1234）`; `commit` is
/// `None` for the working copy.
pub fn since(as_of: NaiveDate, commit: Option<&str>, lang: Lang) -> String {
    let day = as_of.format("%Y-%m-%d");
    match (lang, commit) {
        (Lang::En, Some(commit)) => format!("since {day} ({commit})"),
        (Lang::En, None) => format!("since {day} (working copy)"),
        (Lang::Zh, Some(commit)) => format!("较{day}（{commit}）"),
        (Lang::Zh, None) => format!("较{day}（工作副本）"),
    }
}

/// The history has no revision to compare with.
pub fn no_baseline(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no earlier report in git",
        Lang::Zh => "git 中无上次报告",
    }
}

/// Not in git, or never committed: normal, said quietly.
pub fn not_in_git(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no history (not in git)",
        Lang::Zh => "无历史（不在 git 中）",
    }
}

/// The repository could not be read.
pub fn unreadable(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no history",
        Lang::Zh => "无历史",
    }
}

/// Where the history stops: a shallow clone, or a rename.
pub fn stops_shallow(commit: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("history stops at {commit}: a shallow clone"),
        Lang::Zh => format!("历史止于 {commit}：浅克隆"),
    }
}

pub fn stops_renamed(commit: &str, from: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("history stops at {commit}: renamed from {from}"),
        Lang::Zh => format!("历史止于 {commit}：由 {from} 改名"),
    }
}

/// Revisions where the file does not load (a syntax error, a broken rule).
pub fn invalid_revisions(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 revision with errors skipped".to_owned(),
        (Lang::En, n) => format!("{n} revisions with errors skipped"),
        (Lang::Zh, n) => format!("跳过 {n} 个有错误的版本"),
    }
}

/// The title of the changes list, and its empty state.
pub fn changes_title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Changes",
        Lang::Zh => "变化",
    }
}

pub fn nothing_moved(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "nothing moved since the baseline",
        Lang::Zh => "较基准无变化",
    }
}

/// An item added or removed since the baseline.
pub fn added(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "new",
        Lang::Zh => "新增",
    }
}

pub fn removed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "removed",
        Lang::Zh => "已删除",
    }
}

/// The changes list's last column: how each item moved.
pub fn change_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Change",
        Lang::Zh => "较上次",
    }
}

/// What an item was at the baseline, when no difference can say it (a
/// water class): `was Ⅲ` / `原为Ⅲ类`.
pub fn was(figure: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("was {figure}"),
        Lang::Zh => format!("原为{figure}"),
    }
}

/// The items removed since the baseline, under the changes list.
pub fn removed_items(keys: &[String], lang: Lang) -> String {
    let keys = keys.join(match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    });
    match lang {
        Lang::En => format!("removed since the baseline: {keys}"),
        Lang::Zh => format!("较基准已删除：{keys}"),
    }
}

/// The history is still being read (off the event loop).
pub fn reading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "reading the file's history in git…",
        Lang::Zh => "正在读取 git 历史……",
    }
}
