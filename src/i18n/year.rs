//! The words of the year view (`y`): each item beside last year's.

use crate::model::Lang;

/// The view's title with its count: `年度对比（12项）` / `Year on year: 12 items`.
pub fn title(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("年度对比（{count}项）"),
        Lang::En if count == 1 => "Year on year: 1 item".to_owned(),
        Lang::En => format!("Year on year: {count} items"),
    }
}

/// The column headings: campaign, item, last year's result, this year's
/// target, this year's figure, the same period last year, the 同比.
pub fn headings(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "攻坚战",
            "事项",
            "上年结果",
            "本年目标",
            "本年",
            "上年同期",
            "同比",
        ],
        Lang::En => [
            "Campaign",
            "Item",
            "Last year",
            "Target",
            "Now",
            "A year ago",
            "Year on year",
        ],
    }
}

/// After a figure of the same period last year read from the file's own
/// `history`, not from a commit.
pub fn from_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "（文件）",
        Lang::En => " (file)",
    }
}

/// An item with no figure for the same period last year.
pub fn none(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "无上年同期数据",
        Lang::En => "no figure for the same period last year",
    }
}

/// The same in a cell of the year view, where the column's heading already
/// says "year on year": short enough to leave the other columns whole.
pub fn none_cell(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "无上年同期数据",
        Lang::En => "no figure",
    }
}

/// The legend: where the same period last year was read.
pub fn legend(day: &str, commit: Option<&str>, lang: Lang) -> String {
    match (commit, lang) {
        (Some(commit), Lang::Zh) => {
            format!("上年同期：{day}（提交{commit}）；（文件）：文件中的history记录")
        }
        (Some(commit), Lang::En) => {
            format!("Same period last year: {day} (commit {commit}); (file): the file's history")
        }
        (None, Lang::Zh) => {
            format!("上年同期：{day}；git中无该日期及以前的版本，（文件）：文件中的history记录")
        }
        (None, Lang::En) => format!(
            "Same period last year: {day}; no revision in git then, (file): the file's history"
        ),
    }
}
