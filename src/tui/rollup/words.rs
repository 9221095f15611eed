//! The roll-up screen's own words, in zh and en: the bureau's terms
//! (未报送, 序时进度, 并列, 拖后腿) as the reports on a roll-up use them.

use crate::model::Lang;

/// A word in the screen's language.
pub fn say(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// "as of 2024-12-31: 5 units, 3 counted, 1 not reported, 1 with errors".
pub fn counts(as_of: &str, (all, stale, broken): (usize, usize, usize), lang: Lang) -> String {
    let counted = all.saturating_sub(stale + broken);
    match lang {
        Lang::En => format!(
            "as of {as_of}: {all} units, {counted} counted, {stale} not reported, {broken} with errors"
        ),
        Lang::Zh => format!(
            "截至{as_of}：共{all}个单位，{counted}个计入，{stale}个未报送，{broken}个有错误"
        ),
    }
}

pub fn not_reported(lang: Lang) -> &'static str {
    say(lang, "not reported", "未报送")
}

pub fn errors(lang: Lang) -> &'static str {
    say(lang, "errors", "有误")
}

pub fn unit(lang: Lang) -> &'static str {
    say(lang, "Unit", "单位")
}

pub fn as_of(lang: Lang) -> &'static str {
    say(lang, "As of", "截至")
}

pub fn combined(lang: Lang) -> &'static str {
    say(lang, "Combined", "合计")
}

pub fn matrix_title(lang: Lang) -> &'static str {
    say(lang, " Units × campaigns ", " 各单位 × 攻坚战 ")
}

/// The matrix's cells read "status progress/序时进度".
pub fn matrix_legend(lang: Lang) -> &'static str {
    say(
        lang,
        "68%/100%: progress / expected by now",
        "68%/100%：进度/序时进度",
    )
}

/// The legend when the cells show progress alone (a narrow column).
pub fn matrix_legend_progress(lang: Lang) -> &'static str {
    say(lang, "68%: progress", "68%：进度")
}

pub fn rankings_title(lang: Lang) -> &'static str {
    say(lang, "Rankings", "排名")
}

pub fn drags_title(lang: Lang) -> &'static str {
    say(lang, "Who drags", "拖后腿")
}

pub fn freshness_title(lang: Lang) -> &'static str {
    say(lang, "Freshness", "报送情况")
}

pub fn tied(lang: Lang) -> &'static str {
    say(lang, " (tied)", "（并列）")
}

pub fn not_ranked(lang: Lang) -> &'static str {
    say(lang, "Not ranked: ", "未参与排名：")
}

pub fn no_rankings(lang: Lang) -> &'static str {
    say(
        lang,
        "no [[ranking]] in the manifest",
        "清单中没有排名（[[ranking]]）",
    )
}

pub fn no_drags(lang: Lang) -> &'static str {
    say(
        lang,
        "no summed item ([[combine]] how = \"sum\")",
        "没有合计项（[[combine]] how = \"sum\"）",
    )
}

pub fn reported(lang: Lang) -> &'static str {
    say(lang, "reported", "已报送")
}

pub fn met(lang: Lang) -> &'static str {
    say(lang, "met", "达标")
}

pub fn attention_title(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" Needs attention across units ({count}) "),
        Lang::Zh => format!(" 各单位督办清单（{count}项） "),
    }
}

pub fn attention_none(lang: Lang) -> &'static str {
    say(lang, "nothing needs attention", "无需督办的事项")
}

pub fn help_title(lang: Lang) -> &'static str {
    say(lang, " Keys of the roll-up ", " 汇总界面按键 ")
}

/// The footer's hints, shortest last.
pub fn hints(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::En => [
            "j/k unit · Enter open (read-only) · Tab pane · a attention · L 中文 · ? help · q quit",
            "j/k · Enter open · Tab · a · ? · q",
        ],
        Lang::Zh => [
            "j/k 选单位 · Enter 打开（只读）· Tab 切换 · a 督办 · L English · ? 帮助 · q 退出",
            "j/k · Enter 打开 · Tab · a · ? · q",
        ],
    }
}

pub fn too_small(lang: Lang) -> &'static str {
    say(
        lang,
        "window too small for the roll-up",
        "窗口太小，无法显示汇总",
    )
}

/// Why a unit has no screen to open: its file could not be read.
pub fn cannot_open(unit: &str, why: &str, lang: Lang) -> String {
    let why = crate::text::sanitize_line(why);
    match lang {
        Lang::En => format!("{unit} cannot be opened: {why}"),
        Lang::Zh => format!("无法打开{unit}：{why}"),
    }
}
