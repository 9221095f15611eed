//! Reports on a roll-up (`campaigns report rollup.toml`): the JSON of
//! DESIGN "Contract 3", the CSV of every unit's items with a unit column,
//! and the markdown and plain-text bulletins. The figures are the roll-up's
//! own (`crate::rollup`): sums, rankings and who drags are computed once
//! here and written by each format.

mod csv;
mod human;
mod json;
mod ledger;
mod office;

use crate::model::Lang;
use crate::report::Format;
use crate::rollup::{Combined, Drag, LeftOut, Ranked, Rollup};

/// A roll-up with its figures, in one language.
pub struct RollupReport<'a> {
    pub rollup: &'a Rollup,
    pub lang: Lang,
    pub ascii: bool,
    pub combined: Vec<Combined>,
    pub rankings: Vec<Ranked>,
    pub drags: Vec<Drag>,
}

impl<'a> RollupReport<'a> {
    pub fn new(rollup: &'a Rollup, lang: Lang, ascii: bool) -> RollupReport<'a> {
        RollupReport {
            rollup,
            lang,
            ascii,
            combined: rollup.combined(),
            rankings: rollup.rankings(),
            drags: rollup.drags(),
        }
    }

    /// The report in `format`, ending with a line break.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Json => json::render(self),
            Format::Csv => csv::render(self),
            Format::Markdown => human::render(self, true),
            Format::Text => human::render(self, false),
        }
    }

    /// "Who drags" for one summed item in plain text, as the text report
    /// writes it (the roll-up screen shows this very sentence).
    pub fn drag_sentence(&self, drag: &Drag) -> String {
        human::drag_sentence(self, drag)
    }

    /// Why a unit is not ranked, in the report's language.
    pub fn left_out_word(&self, why: &LeftOut) -> String {
        let say = |en: &str, zh: &str| match self.lang {
            Lang::En => en.to_owned(),
            Lang::Zh => zh.to_owned(),
        };
        match why {
            LeftOut::Stale => say("not reported", "未报送"),
            LeftOut::Broken => say("errors", "有错误"),
            LeftOut::NoItem => say("no such item", "无此项目"),
            LeftOut::NoBaseline(why) if why.is_empty() => say("no baseline", "无比较基准"),
            LeftOut::NoBaseline(why) => format!(
                "{}{}",
                say("no baseline: ", "无比较基准："),
                crate::report::text::line::one_line(why)
            ),
        }
    }

    /// A unit's name in the report's language, by id.
    pub(crate) fn unit_name(&self, id: &str) -> String {
        let unit = self.rollup.units.iter().find(|unit| unit.id == id);
        unit.map_or_else(|| id.to_owned(), |unit| unit.name.get(self.lang).to_owned())
    }
}
