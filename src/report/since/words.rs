//! How markdown and text say a change since the baseline, beside the
//! figure: en "53/77 outfalls, +8 since 2024-11-30", zh "53/77 个，
//! 较2024-11-30 +8". The amounts are written by `figures`.

use super::Since;
use crate::figures::{self, Shown};
use crate::i18n;
use crate::model::{Campaign, Field, Figure, Item, Lang};

/// The phrase beside an item's figure: `+8 since 2024-11-30`, `unchanged
/// since …`, a class `was III on …`, or `new since …` for an item the
/// baseline does not have; zh `较2024-11-30 +8`, `较…持平`, `…为Ⅲ类`,
/// `…后新增`. `None` without a baseline.
pub fn beside(
    since: &Since<'_>,
    campaign: &Campaign,
    item: Item,
    lang: Lang,
    ascii: bool,
) -> Option<String> {
    let day = figures::date(since.baseline()?.as_of);
    let Some(previous) = since.previous(campaign, item) else {
        return Some(match lang {
            Lang::Zh => format!("{day}后新增"),
            Lang::En => format!("new since {day}"),
        });
    };
    if let Some(change) = since.change(campaign, item) {
        // The change of an assumed figure rests on it: `+8* since …`.
        let amount = figures::Shown::new(
            figures::signed(change, lang, ascii),
            figure_assumed(campaign, item),
        );
        // Two lower bounds that read the same are not known to be equal.
        let unchanged = change.amount == 0.0 && !change.approx;
        return Some(moved(&amount.to_string(), unchanged, &day, lang));
    }
    // A water class (or a value that changed kind): no number to subtract.
    let same = super::current(campaign, item).map(|(figure, _)| figure) == Some(previous.figure);
    let was = match previous.figure {
        Figure::Value(level) => figures::level(level, lang, ascii),
        Figure::Done(done) => figures::number(done, lang),
    };
    Some(match (lang, same) {
        (_, true) => moved("", true, &day, lang),
        (Lang::Zh, false) => format!("{day}为{was}"),
        (Lang::En, false) => format!("was {was} on {day}"),
    })
}

/// The item's status move in the screen's changes-list words: `↓* was
/// met` / `↓* 原为达标`, the arrow marked when either status rests on an
/// assumed value (`history::Change::status_move`), written by `mark` (the
/// report's sign) and the words by `escape`. `None` when the status did not
/// change; only the words when it has no better or worse (to no target).
pub fn status_moved(
    since: &Since<'_>,
    campaign: &Campaign,
    item: Item,
    (lang, ascii): (Lang, bool),
    mark: impl Fn(&Shown) -> String,
    escape: fn(&str) -> String,
) -> Option<String> {
    let change = since.moved(campaign, item)?;
    let ((_, was), (_, now)) = (change.previous?, change.current?);
    if was == now {
        return None;
    }
    let words = escape(&i18n::history::was(i18n::status_word(was, lang), lang));
    Some(match change.status_move() {
        Some(moved) => format!("{} {words}", mark(&figures::status_moved(moved, ascii))),
        None => words,
    })
}

/// Whether the item's own figure (a task's done, an indicator's value) is
/// assumed, as the screen's change cell says it (`history::Change::assumed`).
fn figure_assumed(campaign: &Campaign, item: Item) -> bool {
    match item {
        Item::Task(i) => campaign
            .tasks
            .get(i)
            .is_some_and(|t| t.assumed.contains(Field::Done)),
        Item::Indicator(i) => campaign
            .indicators
            .get(i)
            .is_some_and(|ind| ind.assumed.contains(Field::Value)),
    }
}

/// A campaign's progress moved, in points: `+10 pts since 2024-11-30` /
/// `较2024-11-30 +10个百分点`. `None` unless both progresses are measured.
pub fn progress(
    since: &Since<'_>,
    campaign: &Campaign,
    now: Option<f64>,
    lang: Lang,
) -> Option<String> {
    let day = figures::date(since.baseline()?.as_of);
    let points = figures::points_moved(now?, since.previous_progress(campaign)?)?;
    Some(moved(
        &figures::points_text(points, lang),
        points == 0,
        &day,
        lang,
    ))
}

fn moved(amount: &str, unchanged: bool, day: &str, lang: Lang) -> String {
    match (lang, unchanged) {
        (Lang::Zh, true) => format!("较{day}持平"),
        (Lang::Zh, false) => format!("较{day} {amount}"),
        (Lang::En, true) => format!("unchanged since {day}"),
        (Lang::En, false) => format!("{amount} since {day}"),
    }
}

/// The report's line about the baseline: `Baseline: 2024-11-30 (commit
/// 1a2b3c4d)`, or that there is none at or before what was asked.
/// `escape` makes the asked text safe for the format.
pub fn baseline_line(since: &Since<'_>, lang: Lang, escape: fn(&str) -> String) -> String {
    match (since.baseline(), lang) {
        (Some(baseline), Lang::Zh) => format!(
            "对比基准：{}（提交{}）",
            figures::date(baseline.as_of),
            baseline.short()
        ),
        (Some(baseline), Lang::En) => format!(
            "Baseline: {} (commit {})",
            figures::date(baseline.as_of),
            baseline.short()
        ),
        (None, Lang::Zh) => format!(
            "无对比基准：{}及以前没有该文件的有效版本，不显示变化。",
            escape(since.asked())
        ),
        (None, Lang::En) => format!(
            "No baseline: the file has no valid revision at or before {}, so no changes are shown.",
            escape(since.asked())
        ),
    }
}

/// The items gone since the baseline, named as the screen's changes list
/// names them: `Removed since 2024-11-30: blue-sky/dust-sites` /
/// `2024-11-30后删除：blue-sky/dust-sites`. `None` when nothing was removed.
pub fn removed_line(since: &Since<'_>, lang: Lang, escape: fn(&str) -> String) -> Option<String> {
    let day = figures::date(since.baseline()?.as_of);
    let keys: Vec<String> = since.removed().map(|(key, _, _)| escape(key)).collect();
    if keys.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Zh => format!("{day}后删除：{}", keys.join("、")),
        Lang::En => format!("Removed since {day}: {}", keys.join(", ")),
    })
}
