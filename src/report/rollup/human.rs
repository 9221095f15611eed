//! The roll-up as a markdown or plain-text bulletin: the units and each
//! campaign's standing, the combined items, who drags each summed item
//! ("合计差55个，其中b市差30，占54%"), the rankings with ties (并列) at
//! each end, the units not reported (未报送), and each broken unit's
//! errors. Text from the files is escaped (markdown) or kept to one line.

use std::fmt::Write;

use super::RollupReport;
use crate::figures::{about, at_least_number, mark, number, percent};
use crate::i18n::status_word;
use crate::model::{Lang, Text};
use crate::report::md::escape::escape;
use crate::report::text::line::one_line;
use crate::rollup::{Combined, Drag, How, Unit};

#[path = "human_drags.rs"]
mod drags;
#[path = "human_rankings.rs"]
mod rankings;

/// How to write one bulletin: markdown or plain text, in one language.
struct Writer<'r> {
    report: &'r RollupReport<'r>,
    md: bool,
    lang: Lang,
    out: String,
    /// An assumed figure was shown: the legend is due.
    marked: bool,
}

pub fn render(report: &RollupReport<'_>, md: bool) -> String {
    let mut w = Writer {
        report,
        md,
        lang: report.lang,
        out: String::new(),
        marked: false,
    };
    w.head();
    w.units();
    w.combined();
    w.office();
    w.drags();
    w.rankings();
    w.problems();
    if w.marked {
        let legend = w.say(
            "* assumed: rests on a value not from the source",
            "* 示例：依据非来源数值",
        );
        w.line(&legend);
    }
    w.out
}

/// One summed item's "who drags" sentence in plain text ("合计差55个，其中
/// b市差30，占54%"), as the text bulletin writes it: the screen says the
/// same words.
pub(super) fn drag_sentence(report: &RollupReport<'_>, drag: &Drag) -> String {
    let w = Writer {
        report,
        md: false,
        lang: report.lang,
        out: String::new(),
        marked: false,
    };
    w.drag_line(drag)
}

impl Writer<'_> {
    fn say(&self, en: &str, zh: &str) -> String {
        match self.lang {
            Lang::En => en.to_owned(),
            Lang::Zh => zh.to_owned(),
        }
    }

    /// Text from a file, safe for the format.
    fn text(&self, text: &str) -> String {
        if self.md {
            escape(text)
        } else {
            one_line(text)
        }
    }

    fn heading(&mut self, en: &str, zh: &str) {
        let title = self.say(en, zh);
        let _ = if self.md {
            writeln!(self.out, "\n## {title}\n")
        } else {
            writeln!(self.out, "\n{title}")
        };
    }

    fn line(&mut self, text: &str) {
        let _ = writeln!(self.out, "{text}");
    }

    fn item(&mut self, text: &str) {
        let _ = writeln!(self.out, "- {text}");
    }

    fn unit_name(&self, id: &str) -> String {
        self.text(&self.report.unit_name(id))
    }

    fn head(&mut self) {
        let rollup = self.report.rollup;
        let title = self.text(rollup.manifest.title.get(self.lang));
        let _ = if self.md {
            writeln!(self.out, "# {title}\n")
        } else {
            writeln!(self.out, "{title}")
        };
        let (all, stale, broken) = (
            rollup.units.len(),
            rollup.stale().count(),
            rollup.broken().count(),
        );
        let counted = all - stale - broken;
        let line = match self.lang {
            Lang::En => format!(
                "as of {}: {all} units, {counted} counted, {stale} not reported, {broken} with errors",
                rollup.as_of
            ),
            Lang::Zh => format!(
                "截至{}：共{all}个单位，{counted}个计入，{stale}个未报送，{broken}个有错误",
                rollup.as_of
            ),
        };
        self.line(&line);
    }

    fn units(&mut self) {
        self.heading("Units", "各单位");
        for unit in &self.report.rollup.units {
            let line = self.unit_line(unit);
            self.item(&line);
        }
    }

    /// `潜江市 (qianjiang), as of 2024-12-31, abcd1234: 碧水保卫战 ▼ 滞后 68%（序时进度 100%）; …`
    fn unit_line(&mut self, unit: &Unit) -> String {
        let lang = self.lang;
        let mut line = format!("{} ({})", self.text(unit.name.get(lang)), unit.id);
        if unit.office {
            line.push_str(&self.say(", the office", "，本级"));
        }
        if let Some(as_of) = unit.as_of() {
            let _ = write!(line, "{}{as_of}", self.say(", as of ", "，截至"));
        }
        if let Some(commit) = &unit.commit {
            let _ = write!(line, ", {}", crate::history::short_commit(commit));
        }
        if unit.undated {
            line.push_str(&self.say(
                ": NOT REPORTED (未报送): no reporting date, left out",
                "：未报送（无报告日期），不计入",
            ));
            return line;
        }
        if unit.stale {
            line.push_str(&self.say(": NOT REPORTED (未报送), left out", "：未报送，不计入"));
            return line;
        }
        let (Some(document), Some(status)) = (unit.document(), unit.status()) else {
            let errors = unit.errors(lang).len();
            line.push_str(&match lang {
                Lang::En if errors == 1 => ": could not be counted (1 error, below)".to_owned(),
                Lang::En => format!(": could not be counted ({errors} errors, below)"),
                Lang::Zh => format!("：无法计入（{errors}处错误，见下）"),
            });
            return line;
        };
        let parts: Vec<String> = document
            .plan()
            .campaigns
            .iter()
            .zip(&status.campaigns)
            .map(|(campaign, shown)| {
                let rollup = &shown.rollup;
                let mut part = self.text(campaign.name.get(lang));
                if let Some(status) = rollup.status {
                    let symbol = status.symbol(self.report.ascii);
                    let _ = write!(part, " {symbol} {}", status_word(status, lang));
                }
                if let Some(progress) = rollup.progress {
                    let _ = write!(part, " {}", percent(progress));
                    if rollup.progress_assumed {
                        part.push('*');
                        self.marked = true;
                    }
                }
                if let Some(expected) = rollup.expected {
                    let mark = if rollup.expected_assumed { "*" } else { "" };
                    self.marked |= rollup.expected_assumed;
                    let _ = match lang {
                        Lang::En => write!(part, " (expected by now {}{mark})", percent(expected)),
                        Lang::Zh => write!(part, "（序时进度{}{mark}）", percent(expected)),
                    };
                }
                part
            })
            .collect();
        let separator = self.say("; ", "；");
        format!("{line}{}{}", self.say(": ", "："), parts.join(&separator))
    }

    fn named(&self, item: &str, name: Option<&Text>) -> String {
        match name {
            Some(name) => match self.lang {
                Lang::En => format!("{} ({item})", self.text(name.get(self.lang))),
                Lang::Zh => format!("{}（{item}）", self.text(name.get(self.lang))),
            },
            None => item.to_owned(),
        }
    }

    /// An item's name, from the first unit that has it.
    fn item_name(&self, key: &str) -> Option<Text> {
        let rollup = self.report.rollup;
        rollup.units.iter().find_map(|unit| {
            let found = crate::rollup::find(&rollup.manifest, unit, key)?;
            Some(match found.item {
                crate::model::Item::Task(i) => found.campaign.tasks[i].name.clone(),
                crate::model::Item::Indicator(i) => found.campaign.indicators[i].name.clone(),
            })
        })
    }

    fn combined(&mut self) {
        if self.report.combined.is_empty() {
            return;
        }
        self.heading("Combined", "汇总");
        let report = self.report;
        for combined in &report.combined {
            let line = self.combined_line(combined);
            self.item(&line);
        }
    }

    fn combined_line(&mut self, c: &Combined) -> String {
        let lang = self.lang;
        let name = self.named(&c.item, c.name.as_ref());
        let unit = c.unit_word.as_ref().map(|u| self.text(u.get(lang)));
        let figure = |n: f64| number(n, lang);
        // A sum with a part that is a lower bound is one: 1,200+ (≈68%).
        let (at_least, ascii) = (c.at_least(), self.report.ascii);
        let sum = |n: f64| at_least_number(n, at_least, lang);
        let combined_mark = mark(c.assumed());
        self.marked |= c.assumed();
        let mut line = match (c.how, c.done, c.total) {
            (How::Sum, Some(done), Some(total)) => {
                let unit = unit.map(|u| format!(" {u}")).unwrap_or_default();
                let share = about(percent(done / total), at_least, lang, ascii);
                let share = format!("{share}{combined_mark}");
                match lang {
                    Lang::En => {
                        format!("{name}: {}/{}{unit} ({share})", sum(done), figure(total))
                    }
                    Lang::Zh => {
                        format!("{name}：{}/{}{unit}（{share}）", sum(done), figure(total))
                    }
                }
            }
            (How::Sum, Some(done), None) => {
                format!("{name}{}{}{combined_mark}", self.say(": ", "："), sum(done))
            }
            (How::CountMet, Some(met), Some(of)) => match lang {
                Lang::En => format!(
                    "{name}: {}{combined_mark} of {} units meet the target",
                    figure(met),
                    figure(of)
                ),
                Lang::Zh => format!(
                    "{name}：{}个单位中{}{combined_mark}个达标",
                    figure(of),
                    figure(met)
                ),
            },
            _ => name,
        };
        let parts = if c.how == How::CountMet {
            self.met_or_not(c)
        } else {
            let parts: Vec<String> = c
                .by_unit
                .iter()
                .map(|(id, n)| {
                    let mark = mark(c.assumed_for(id));
                    let figure = at_least_number(*n, c.at_least_for(id), lang);
                    format!("{} {figure}{mark}", self.unit_name(id))
                })
                .collect();
            parts.join(&self.say(", ", "，"))
        };
        if !parts.is_empty() {
            let _ = write!(line, "{}{parts}", self.say(" — ", "——"));
        }
        if !c.missing.is_empty() {
            let missing: Vec<String> = c.missing.iter().map(|id| self.unit_name(id)).collect();
            let _ = write!(
                line,
                "{}{}",
                self.say("; no such item: ", "；无此项目："),
                missing.join(&self.say(", ", "、"))
            );
        }
        line
    }

    /// A `count-met` item's units by whether they meet the target, in
    /// words: their 1 and 0 are no figure of the item.
    fn met_or_not(&self, c: &Combined) -> String {
        let named = |met: bool| -> Vec<String> {
            c.by_unit
                .iter()
                .filter(|(_, n)| (*n > 0.0) == met)
                .map(|(id, _)| {
                    let mark = mark(c.assumed_for(id));
                    format!("{}{mark}", self.unit_name(id))
                })
                .collect()
        };
        let mut groups = Vec::new();
        for (met, en, zh) in [(true, "met: ", "达标："), (false, "not met: ", "未达标：")] {
            let units = named(met);
            if !units.is_empty() {
                let list = units.join(&self.say(", ", "、"));
                groups.push(format!("{}{list}", self.say(en, zh)));
            }
        }
        groups.join(&self.say("; ", "；"))
    }

    /// The office's own figures against the units' sum, a line each.
    fn office(&mut self) {
        let checks = self
            .report
            .office_checks(|c| self.named(&c.item, c.name.as_ref()));
        if checks.is_empty() {
            return;
        }
        self.heading("Office against the units' sum", "本级与各单位合计核对");
        for (line, differs) in checks {
            let mark = if differs {
                self.say("warning: ", "警告：")
            } else {
                String::new()
            };
            self.item(&format!("{mark}{line}"));
        }
    }

    fn problems(&mut self) {
        let broken: Vec<&Unit> = self.report.rollup.broken().collect();
        if broken.is_empty() {
            return;
        }
        self.heading("Units with errors", "有错误的单位");
        for unit in broken {
            for error in unit.errors(self.lang) {
                let line = format!("{}: {}", unit.id, self.text(&error));
                self.item(&line);
            }
        }
    }
}
