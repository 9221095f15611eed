//! How markdown and text say the year on year: one sentence per item, in
//! the bulletin's words, naming where last year's figure came from (a
//! commit, or the file's own `history`): zh `PM2.5累计平均浓度同比下降20.5%，
//! 好转（上年同期2023-12-31：39 μg/m³，提交1a2b3c4d）`; en `PM2.5 cumulative mean
//! down 20.5% year on year, better (same period last year: 39 μg/m³ on
//! 2023-12-31, commit 1a2b3c4d)`; the items with no figure for it named
//! together, once per campaign.

use super::{ItemYoy, MeanYoy, YearSource, Yoy};
use crate::figures::{self, Against};
use crate::history::compare::{YearAgo, years_before};
use crate::history::short_commit;
use crate::model::{Campaign, Figure, Item, Lang, Level};
use crate::report::marks::Marker;

/// The section's heading: `同比（上年同期：2023-12-31）` / `Year on year (same
/// period last year: 2023-12-31)`.
pub fn heading(yoy: &Yoy, lang: Lang) -> String {
    let day = figures::date(years_before(yoy.years().as_of(), 1));
    match lang {
        Lang::Zh => format!("同比（上年同期：{day}）"),
        Lang::En => format!("Year on year (same period last year: {day})"),
    }
}

/// How a format writes: its language, symbols, what makes the file's text
/// safe in it, and its assumed marker.
pub struct Say<'a> {
    pub lang: Lang,
    pub ascii: bool,
    pub escape: fn(&str) -> String,
    pub marker: &'a Marker,
}

/// The campaign's items, one sentence each, tasks then indicators; those
/// with no figure for the same period last year named together in one
/// line after them, as a bulletin lists them.
pub fn lines(yoy: &Yoy, campaign: &Campaign, say: &Say<'_>) -> Vec<String> {
    let (lang, escape) = (say.lang, say.escape);
    let tasks = campaign.tasks.iter().enumerate();
    let tasks = tasks.map(|(i, t)| (Item::Task(i), t.name.get(lang)));
    let indicators = campaign.indicators.iter().enumerate();
    let indicators = indicators.map(|(i, ind)| (Item::Indicator(i), ind.name.get(lang)));
    let mut lines = Vec::new();
    let mut without = Vec::new();
    for (item, name) in tasks.chain(indicators) {
        let name = escape(name);
        let Some(found) = yoy.item(campaign, item) else {
            without.push(name);
            continue;
        };
        let mut line = sentence(&name, &found, campaign, item, say);
        if let Some(mean) = yoy.mean(campaign, item) {
            line.push_str(&mean_words(&mean, campaign, item, say));
        }
        lines.push(line);
    }
    if !without.is_empty() {
        lines.push(match lang {
            Lang::Zh => format!("无上年同期数据：{}", without.join("、")),
            Lang::En => format!(
                "No figure for the same period last year: {}",
                without.join(", ")
            ),
        });
    }
    lines
}

fn sentence(name: &str, found: &ItemYoy, campaign: &Campaign, item: Item, say: &Say<'_>) -> String {
    let (lang, ascii) = (say.lang, say.ascii);
    let words = match &found.change {
        Some(change) => change.words(Against::LastYear, lang, ascii, found.assumed),
        // Figures of different kinds: only last year's is said.
        None => figures::Shown::new("", found.assumed),
    };
    let words = say.marker.shown(&words);
    // Last year's figure carries the mark of an assumed point, as the change does.
    let ago = (found.ago.figure, found.ago.at_least);
    let then = (say.escape)(&figure(ago, campaign, item, lang, ascii));
    let then = say
        .marker
        .shown(&figures::Shown::new(then, found.ago.assumed));
    let day = figures::date(found.ago.as_of);
    let from = source(&found.ago, lang);
    match lang {
        Lang::Zh => format!("{name}{words}（上年同期{day}：{then}，{from}）"),
        Lang::En => format!("{name} {words} (same period last year: {then} on {day}, {from})"),
    }
}

fn mean_words(mean: &MeanYoy, campaign: &Campaign, item: Item, say: &Say<'_>) -> String {
    let (lang, ascii) = (say.lang, say.ascii);
    let Some(change) = &mean.change else {
        return String::new();
    };
    let words = change.words(Against::ThreeYearMean, lang, ascii, mean.assumed);
    let words = say.marker.shown(&words);
    // A mean with a lower bound among its figures is one too.
    let level = (
        Figure::Value(Level::Number(mean.mean.mean)),
        mean.mean.at_least(),
    );
    let amount = (say.escape)(&figure(level, campaign, item, lang, ascii));
    let amount = say.marker.shown(&figures::Shown::new(amount, mean.assumed));
    let days: Vec<String> = mean
        .mean
        .years
        .iter()
        .map(|y| figures::date(y.as_of))
        .collect();
    match lang {
        Lang::Zh => format!("；{words}（均值{amount}：{}）", days.join("、")),
        Lang::En => format!("; {words} (mean {amount} of {})", days.join(", ")),
    }
}

/// Where last year's figure came from: `提交1a2b3c4d` / `commit 1a2b3c4d`,
/// or `文件中的history记录` / `the file's history`.
pub fn source(ago: &YearAgo, lang: Lang) -> String {
    match (&ago.source, lang) {
        (YearSource::Commit(commit), Lang::Zh) => format!("提交{}", short_commit(commit)),
        (YearSource::Commit(commit), Lang::En) => format!("commit {}", short_commit(commit)),
        (YearSource::File, Lang::Zh) => "文件中的history记录".to_owned(),
        (YearSource::File, Lang::En) => "the file's history".to_owned(),
    }
}

/// A figure of the item with its unit, and the sign of a lower bound when
/// it is one: `39 μg/m³`, `94%`, `Ⅳ类`, `7条`, `90余份`, `90+ notices`.
pub fn figure(
    (figure, at_least): (Figure, bool),
    campaign: &Campaign,
    item: Item,
    lang: Lang,
    ascii: bool,
) -> String {
    let unit = match item {
        Item::Task(i) => campaign.tasks.get(i).and_then(|t| t.unit.as_ref()),
        Item::Indicator(i) => campaign.indicators.get(i).and_then(|ind| ind.unit.as_ref()),
    };
    let unit = unit.map(|u| u.get(lang));
    match figure {
        Figure::Done(amount) | Figure::Value(Level::Number(amount)) => {
            let shown = figures::at_least_number(amount, at_least, lang);
            figures::joined_unit(shown, amount, unit, lang)
        }
        Figure::Value(level) => figures::level(level, lang, ascii),
    }
}
