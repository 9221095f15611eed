//! The ledger of a roll-up (`campaigns report rollup.toml --format xlsx`):
//! a sheet for the matrix (units × campaigns: each campaign's status with
//! its symbol and word, and its progress), one for the combined items (with
//! the office's own figure beside the units' sum), one per ranking, and one
//! for who drags and each unit's freshness. The figures are the roll-up
//! report's own (`report::rollup`), so they are the md and JSON reports'.

use rust_xlsxwriter::{DocProperties, Workbook};

use super::cells::{Cell, Shape, clean};
use super::error::LedgerError;
use super::formats::Formats;
use super::names::SheetNames;
use super::sheet::{self, Page, Rows};
use crate::figures;
use crate::model::{Lang, Text};
use crate::report::rollup::RollupReport;
use crate::report::words::status_with_symbol;
use crate::rollup::{By, Unit};

/// `en` or `zh`, as the workbook's language asks.
fn say(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The roll-up's workbook, whole.
pub(in crate::report) fn workbook(report: &RollupReport<'_>) -> Result<Vec<u8>, LedgerError> {
    let lang = report.lang;
    let title = clean(report.rollup.manifest.title.get(lang), false);
    let byline = format!(
        "{}{}",
        say(lang, "Reporting date: ", "报告日期："),
        report.rollup.as_of
    );
    let mut book = Book {
        workbook: Workbook::new(),
        formats: Formats::new(),
        names: SheetNames::default(),
        title: title.clone(),
        byline,
        lang,
    };
    book.add(say(lang, "Units", "各单位"), "units", &Matrix::new(report))?;
    book.add(
        say(lang, "Combined", "汇总"),
        "combined",
        &CombinedRows { report },
    )?;
    for (at, ranked) in report.rankings.iter().enumerate() {
        let by = match ranked.by {
            By::Value => "",
            By::Change => say(lang, " (change)", "（变化）"),
        };
        // A sheet name holds no `/`: the item's own id names it.
        let item = ranked.item.rsplit('/').next().unwrap_or(&ranked.item);
        let name = format!("{}{} {item}{by}", say(lang, "Ranking ", "排名"), at + 1);
        book.add(&name, "ranking", &RankingRows { report, at })?;
    }
    let drags = say(lang, "Drags and freshness", "拖后腿与报送");
    book.add(drags, "drags", &UnitRows { report })?;
    book.workbook
        .set_properties(&DocProperties::new().set_title(&title));
    Ok(book.workbook.save_to_buffer()?)
}

struct Book {
    workbook: Workbook,
    formats: Formats,
    names: SheetNames,
    title: String,
    byline: String,
    lang: Lang,
}

/// A sheet's rows with their headers.
trait Sheet: Rows {
    fn headers(&self) -> Vec<String>;
}

impl Book {
    fn add(&mut self, name: &str, fallback: &str, rows: &dyn Sheet) -> Result<(), LedgerError> {
        let name = self.names.claim(name, fallback);
        let title = format!("{} · {name}", self.title);
        let page = Page {
            title: vec![title.clone(), self.byline.clone()],
            legend: format!("* {}", say(self.lang, "assumed", "示例")),
            marked: false,
            headers: rows.headers(),
            statuses: None,
            running_head: (title, self.byline.clone()),
            page_numbers: super::words::ledger(self.lang).page,
        };
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(name)?;
        sheet::write(sheet, &page, rows, &mut self.formats)
    }
}

/// Each unit's name, id, reporting date, commit and whether it counts.
fn unit_cells(unit: &Unit, lang: Lang, out: &mut Vec<Cell>) {
    out.push(Cell::text(unit.name.get(lang)));
    out.push(Cell::text(&unit.id));
    out.push(Cell::date(unit.as_of(), false));
    let commit = unit.commit.as_deref().map(crate::history::short_commit);
    out.push(Cell::optional(commit));
    let standing = match (unit.document().is_some(), unit.undated, unit.stale) {
        (false, ..) => say(lang, "errors", "有错误"),
        (true, true, _) => say(
            lang,
            "not reported (no reporting date)",
            "未报送（无报告日期）",
        ),
        (true, false, true) => say(lang, "not reported", "未报送"),
        _ if unit.office => say(lang, "the office", "本级"),
        _ => say(lang, "reported", "已报送"),
    };
    out.push(Cell::text(standing));
}

fn unit_headers(lang: Lang) -> Vec<String> {
    [
        say(lang, "Unit", "单位"),
        "id",
        say(lang, "Reporting date", "报告日期"),
        say(lang, "Commit", "提交"),
        say(lang, "Standing", "报送情况"),
    ]
    .map(str::to_owned)
    .to_vec()
}

/// Units × campaigns: each campaign's status and progress, by campaign
/// id, in the order the units first name them.
struct Matrix<'r> {
    report: &'r RollupReport<'r>,
    campaigns: Vec<(String, Text)>,
}

impl<'r> Matrix<'r> {
    fn new(report: &'r RollupReport<'r>) -> Matrix<'r> {
        let mut campaigns: Vec<(String, Text)> = Vec::new();
        let plans = report.rollup.units.iter().filter_map(Unit::document);
        for campaign in plans.flat_map(|document| &document.plan().campaigns) {
            if !campaigns.iter().any(|(id, _)| *id == campaign.id) {
                campaigns.push((campaign.id.clone(), campaign.name.clone()));
            }
        }
        Matrix { report, campaigns }
    }
}

impl Sheet for Matrix<'_> {
    fn headers(&self) -> Vec<String> {
        let lang = self.report.lang;
        let mut headers = unit_headers(lang);
        for (_, name) in &self.campaigns {
            let name = clean(name.get(lang), false);
            headers.push(format!("{name}{}", say(lang, " status", "状态")));
            headers.push(format!("{name}{}", say(lang, " progress", "进度")));
        }
        headers
    }
}

impl Rows for Matrix<'_> {
    fn len(&self) -> usize {
        self.report.rollup.units.len()
    }

    fn row(&self, index: usize, out: &mut Vec<Cell>) {
        out.clear();
        let Some(unit) = self.report.rollup.units.get(index) else {
            return;
        };
        let (lang, ascii) = (self.report.lang, self.report.ascii);
        unit_cells(unit, lang, out);
        for (id, _) in &self.campaigns {
            let shown = unit
                .document()
                .zip(unit.status())
                .and_then(|(document, status)| {
                    let at = document.plan().campaigns.iter().position(|c| c.id == *id)?;
                    status.campaigns.get(at).map(|status| &status.rollup)
                });
            let Some(rollup) = shown else {
                out.extend([Cell::Empty, Cell::Empty]);
                continue;
            };
            out.push(rollup.status.map_or(Cell::Empty, |status| {
                let mark = figures::mark(rollup.status_assumed);
                Cell::Status(format!("{}{mark}", status_with_symbol(status, lang, ascii)))
            }));
            out.push(Cell::percent(rollup.progress, rollup.progress_assumed));
        }
    }
}

/// The combined items, the office's figure and the difference beside.
struct CombinedRows<'r> {
    report: &'r RollupReport<'r>,
}

impl Sheet for CombinedRows<'_> {
    fn headers(&self) -> Vec<String> {
        let lang = self.report.lang;
        [
            say(lang, "Item", "项目"),
            say(lang, "Name", "名称"),
            say(lang, "How", "汇总方式"),
            say(
                lang,
                "Done (or units meeting the target)",
                "完成数（或达标单位数）",
            ),
            say(
                lang,
                "Total (or units with a target)",
                "总数（或有目标单位数）",
            ),
            say(lang, "Unit of count", "计量单位"),
            say(lang, "The office's own figure", "本级数"),
            say(lang, "Office less units' sum", "本级减各单位合计"),
            say(lang, "Units without the item", "无此项目的单位"),
        ]
        .map(str::to_owned)
        .to_vec()
    }
}

impl Rows for CombinedRows<'_> {
    fn len(&self) -> usize {
        self.report.combined.len()
    }

    fn row(&self, index: usize, out: &mut Vec<Cell>) {
        out.clear();
        let Some(c) = self.report.combined.get(index) else {
            return;
        };
        let (lang, ascii) = (self.report.lang, self.report.ascii);
        let amount = |n: Option<f64>, assumed: bool| {
            n.map_or(Cell::Empty, |n| Cell::number(n, Shape::Amount, assumed))
        };
        // A lower bound reads 1,200+ / 1 200余; a difference from one ≈13.
        let at_least = |n: Option<f64>, at_least: bool, assumed: bool| {
            n.map_or(Cell::Empty, |n| {
                Cell::number(n, lower_bound_shape(at_least, lang), assumed)
            })
        };
        let about = c.at_least() || c.office_at_least;
        let difference = c.difference.map_or(Cell::Empty, |n| {
            Cell::number(n, about_shape(about && n != 0.0, lang, ascii), c.assumed())
        });
        out.push(Cell::text(&c.item));
        out.push(Cell::optional(c.name.as_ref().map(|n| n.get(lang))));
        out.push(Cell::text(c.how.as_str()));
        out.extend([
            at_least(c.done, c.at_least(), c.assumed()),
            amount(c.total, c.assumed()),
        ]);
        out.push(Cell::optional(c.unit_word.as_ref().map(|u| u.get(lang))));
        out.extend([at_least(c.office, c.office_at_least, false), difference]);
        let missing: Vec<String> = c
            .missing
            .iter()
            .map(|id| self.report.unit_name(id))
            .collect();
        out.push(Cell::text(&missing.join(say(lang, ", ", "、"))));
    }
}

/// One ranking: every ranked unit, best first, then those left out.
struct RankingRows<'r> {
    report: &'r RollupReport<'r>,
    at: usize,
}

impl Sheet for RankingRows<'_> {
    fn headers(&self) -> Vec<String> {
        let lang = self.report.lang;
        let figure = match self.report.rankings.get(self.at).map(|r| r.by) {
            Some(By::Change) => say(lang, "Change since the previous report", "较上次调度变化"),
            _ => say(lang, "Figure", "数值"),
        };
        [
            say(lang, "Rank", "名次"),
            say(lang, "Unit", "单位"),
            "id",
            figure,
            say(lang, "Tied", "并列"),
            say(lang, "Not ranked because", "未参与排名原因"),
        ]
        .map(str::to_owned)
        .to_vec()
    }
}

impl Rows for RankingRows<'_> {
    fn len(&self) -> usize {
        let ranked = &self.report.rankings[self.at];
        ranked.rows.len() + ranked.left_out.len()
    }

    fn row(&self, index: usize, out: &mut Vec<Cell>) {
        out.clear();
        let (ranked, lang) = (&self.report.rankings[self.at], self.report.lang);
        if let Some(row) = ranked.rows.get(index) {
            let tied = if row.tied {
                say(lang, "tied", "并列")
            } else {
                ""
            };
            out.push(Cell::number(row.rank as f64, Shape::Whole, false));
            out.push(Cell::text(&self.report.unit_name(&row.unit)));
            out.push(Cell::text(&row.unit));
            let shape = match ranked.by {
                By::Value => lower_bound_shape(row.lower_bound, lang),
                By::Change => about_shape(row.lower_bound, lang, self.report.ascii),
            };
            out.push(Cell::number(row.figure, shape, row.assumed));
            out.extend([Cell::text(tied), Cell::Empty]);
            return;
        }
        let Some((unit, why)) = ranked.left_out.get(index - ranked.rows.len()) else {
            return;
        };
        out.push(Cell::Empty);
        out.push(Cell::text(&self.report.unit_name(unit)));
        out.push(Cell::text(unit));
        out.extend([Cell::Empty, Cell::Empty]);
        out.push(Cell::text(&self.report.left_out_word(why)));
    }
}

/// Per unit: its freshness, then its shortfall against 序时进度 and share
/// of it for each summed item (who drags).
struct UnitRows<'r> {
    report: &'r RollupReport<'r>,
}

impl Sheet for UnitRows<'_> {
    fn headers(&self) -> Vec<String> {
        let lang = self.report.lang;
        let mut headers = unit_headers(lang);
        for drag in &self.report.drags {
            headers.push(format!(
                "{}{}",
                drag.item,
                say(lang, " short of expected", " 差序时进度")
            ));
            headers.push(format!("{}{}", drag.item, say(lang, " share", " 占比")));
        }
        headers
    }
}

impl Rows for UnitRows<'_> {
    fn len(&self) -> usize {
        self.report.rollup.units.len()
    }

    fn row(&self, index: usize, out: &mut Vec<Cell>) {
        out.clear();
        let Some(unit) = self.report.rollup.units.get(index) else {
            return;
        };
        unit_cells(unit, self.report.lang, out);
        for drag in &self.report.drags {
            match drag.units.iter().find(|share| share.unit == unit.id) {
                Some(share) => {
                    let shape = about_shape(share.approx, self.report.lang, self.report.ascii);
                    out.push(Cell::number(share.shortfall, shape, share.assumed));
                    // Every share of a total that counts a lower bound is approximate.
                    let about = match drag.approx() {
                        true => crate::figures::approx_prefix(self.report.lang, self.report.ascii),
                        false => "",
                    };
                    out.push(Cell::about_percent(Some(share.share), about, share.assumed));
                }
                None => out.extend([Cell::Empty, Cell::Empty]),
            }
        }
    }
}

/// A figure that is a lower bound (`90+`, `90余`), else a plain amount.
fn lower_bound_shape(at_least: bool, lang: Lang) -> Shape {
    match crate::figures::at_least_sign(at_least, lang) {
        "" => Shape::Amount,
        sign => Shape::AtLeast(sign),
    }
}

/// A figure worked out from a lower bound (`≈13`, `约13`), else a plain
/// amount.
fn about_shape(approx: bool, lang: Lang, ascii: bool) -> Shape {
    match approx {
        true => Shape::About(crate::figures::approx_prefix(lang, ascii)),
        false => Shape::Amount,
    }
}
