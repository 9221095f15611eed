//! The rankings pane's lines, as the bulletin lays a ranking out: a heading
//! (the item, by value or by change, which way is better, the group), the
//! best and the worst `show` units with their rank and figure, 并列 on a
//! shared rank, and the units left out with why. The ranks are
//! `Rollup::rankings`'; this only words them.

use super::state::RollupScreen;
use super::words::{self, say};
use crate::model::{Better, Item, Lang, Text};
use crate::rollup::{By, LeftOut, Ranked};
use crate::text::sanitize_line;

/// One line of the pane.
#[derive(Clone, Debug, PartialEq)]
pub enum RankLine {
    Heading(String),
    /// A ranked unit: its rank and the rest of the line.
    Row {
        rank: usize,
        text: String,
    },
    /// Rows left out between the best and the worst.
    Gap,
    LeftOut(String),
}

/// Every ranking's lines, one after another.
pub fn lines(screen: &RollupScreen) -> Vec<RankLine> {
    screen
        .rankings()
        .iter()
        .flat_map(|ranked| ranking(screen, ranked))
        .collect()
}

fn ranking(screen: &RollupScreen, ranked: &Ranked) -> Vec<RankLine> {
    let lang = screen.settings().lang;
    let mut out = vec![RankLine::Heading(heading(screen, ranked, lang))];
    for row in ranked.shown() {
        let Some(row) = row else {
            out.push(RankLine::Gap);
            continue;
        };
        let figure = row.figure_text(ranked.by, lang, screen.settings().ascii);
        let mark = crate::figures::mark(row.assumed);
        let tied = if row.tied { words::tied(lang) } else { "" };
        out.push(RankLine::Row {
            rank: row.rank,
            text: format!("{} {figure}{mark}{tied}", screen.unit_name(&row.unit)),
        });
    }
    let left: Vec<String> = ranked
        .left_out
        .iter()
        .map(|(id, why)| left_out(screen, id, why, lang))
        .collect();
    if !left.is_empty() {
        let joined = left.join(say(lang, "; ", "；"));
        out.push(RankLine::LeftOut(format!(
            "{}{joined}",
            words::not_ranked(lang)
        )));
    }
    out
}

/// "PM2.5 · by value · lower is better [national]".
fn heading(screen: &RollupScreen, ranked: &Ranked, lang: Lang) -> String {
    let name = item_name(screen, &ranked.item)
        .map_or_else(|| ranked.item.clone(), |n| sanitize_line(n.get(lang)));
    let by = match ranked.by {
        By::Value => say(lang, "by value", "按数值"),
        By::Change => say(
            lang,
            "by change since the previous report",
            "按较上次调度变化",
        ),
    };
    let better = match ranked.better {
        Better::Higher => say(lang, "higher is better", "越高越好"),
        Better::Lower => say(lang, "lower is better", "越低越好"),
    };
    let group = ranked
        .group
        .as_ref()
        .map(|g| format!(" [{}]", sanitize_line(g)))
        .unwrap_or_default();
    let dot = say(lang, " · ", "，");
    format!("{name}{dot}{by}{dot}{better}{group}")
}

/// An item's name, from the first unit that has it.
fn item_name(screen: &RollupScreen, key: &str) -> Option<Text> {
    let rollup = screen.rollup();
    rollup.units.iter().find_map(|unit| {
        let found = crate::rollup::find(&rollup.manifest, unit, key)?;
        Some(match found.item {
            Item::Task(i) => found.campaign.tasks.get(i)?.name.clone(),
            Item::Indicator(i) => found.campaign.indicators.get(i)?.name.clone(),
        })
    })
}

fn left_out(screen: &RollupScreen, id: &str, why: &LeftOut, lang: Lang) -> String {
    let reason = match why {
        LeftOut::Stale => words::not_reported(lang).to_owned(),
        LeftOut::Broken => words::errors(lang).to_owned(),
        LeftOut::NoItem => say(lang, "no such item", "无此项目").to_owned(),
        LeftOut::NoBaseline(why) if why.is_empty() => {
            say(lang, "no baseline", "无比较基准").to_owned()
        }
        LeftOut::NoBaseline(why) => format!(
            "{}{}",
            say(lang, "no baseline: ", "无比较基准："),
            sanitize_line(why)
        ),
    };
    let name = screen.unit_name(id);
    match lang {
        Lang::En => format!("{name} ({reason})"),
        Lang::Zh => format!("{name}（{reason}）"),
    }
}
