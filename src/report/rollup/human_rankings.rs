//! The rankings of the bulletin (排名通报): each ranking's heading, its rows
//! best first with ties (并列), `show` rows at each end (a tie never cut),
//! `*` on a figure resting on an assumed value, and the units not
//! ranked with why.

use super::Writer;
use crate::model::Lang;
use crate::rollup::{By, LeftOut, Ranked};

impl Writer<'_> {
    pub(super) fn rankings(&mut self) {
        for ranked in &self.report.rankings {
            self.ranking(ranked);
        }
    }

    fn ranking(&mut self, ranked: &Ranked) {
        let lang = self.lang;
        let by = match (ranked.by, lang) {
            (By::Value, Lang::En) => "by value",
            (By::Change, Lang::En) => "by change since the previous report",
            (By::Value, Lang::Zh) => "按数值",
            (By::Change, Lang::Zh) => "按较上次调度变化",
        };
        let group = ranked
            .group
            .as_ref()
            .map(|g| format!(" [{g}]"))
            .unwrap_or_default();
        let better = match lang {
            Lang::En => format!("{} is better", ranked.better.as_str()),
            Lang::Zh => match ranked.better {
                crate::model::Better::Higher => "越高越好".to_owned(),
                crate::model::Better::Lower => "越低越好".to_owned(),
            },
        };
        let item = self.named(&ranked.item, self.item_name(&ranked.item).as_ref());
        self.heading(
            &format!("Ranking: {item} {by}, {better}{group}"),
            &format!("排名：{item}，{by}，{better}{group}"),
        );
        for row in ranked.shown() {
            let Some(row) = row else {
                self.line(&self.say("  …", "  ……"));
                continue;
            };
            let tied = if row.tied {
                self.say(" (tied)", "（并列）")
            } else {
                String::new()
            };
            let figure = row.figure_text(ranked.by, lang, self.report.ascii);
            let mark = crate::figures::mark(row.assumed);
            self.marked |= row.assumed;
            let line = format!(
                "{}. {} {figure}{mark}{tied}",
                row.rank,
                self.unit_name(&row.unit)
            );
            self.line(&line);
        }
        let left: Vec<String> = ranked
            .left_out
            .iter()
            .map(|(id, why)| self.left_out(id, why))
            .collect();
        if !left.is_empty() {
            let line = format!(
                "{}{}",
                self.say("Not ranked: ", "未参与排名："),
                left.join(&self.say("; ", "；"))
            );
            self.line(&line);
        }
    }

    fn left_out(&self, id: &str, why: &LeftOut) -> String {
        let reason = self.report.left_out_word(why);
        match self.lang {
            Lang::En => format!("{} ({reason})", self.unit_name(id)),
            Lang::Zh => format!("{}（{reason}）", self.unit_name(id)),
        }
    }
}
