//! The ledger workbook (`report --format xlsx`) read back with calamine and
//! compared, cell by cell, with the JSON report of the same plan (and with
//! the model where JSON says nothing: 序时进度, 责任单位, notes): names,
//! numbers as number cells, floored percentages, statuses with symbol and
//! word, dates as date cells, the assumed marker in the number format and
//! in the assumed column. For the shipped plan in both languages and a
//! generated one of 10 000 tasks; then the command line around it.

use std::collections::HashMap;
use std::io::Cursor;

use assert_cmd::Command;
use calamine::{Data, Range, Reader, StyleRange, Xlsx};
use chrono::NaiveDate;
use serde_json::Value;

use campaigns::i18n;
use campaigns::load::{self, Options};
use campaigns::model::attention::attention;
use campaigns::model::{Item, Lang, Plan, PlanStatus, Status};
use campaigns::report::{Export, Format, Report};

const SHIPPED: &str = "campaigns.toml";

/// Column headers, the contract words of the ledger in both languages.
const HEADERS: &[(&str, &str, &str)] = &[
    ("kind", "类别", "Kind"),
    ("name", "名称", "Name"),
    ("amount", "完成数/现值", "Done / value"),
    ("total", "总数/目标", "Total / target"),
    ("unit", "单位", "Unit"),
    ("share", "完成率", "%"),
    ("expected", "序时进度", "Expected by now"),
    ("gap", "差距（百分点）", "Gap (points)"),
    ("status", "状态", "Status"),
    ("start", "开始日期", "Start"),
    ("due", "截止日期", "Due"),
    ("days", "剩余天数", "Days left"),
    ("lead", "责任单位", "Lead"),
    ("note", "备注", "Note"),
    ("assumed", "示例字段", "Assumed fields"),
    ("no", "序号", "No."),
    ("campaign", "攻坚战", "Campaign"),
    ("progress", "总体进度", "Progress"),
    ("measured", "计入任务", "Tasks measured"),
    ("tasks", "任务数", "Tasks"),
    ("planned", "计划任务", "Planned"),
    ("met", "指标达标", "Indicators met"),
    ("with_target", "有目标的指标", "With a target"),
    ("end", "结束日期", "End"),
];

fn header(key: &str, lang: Lang) -> &'static str {
    let (_, zh, en) = HEADERS.iter().find(|(k, _, _)| *k == key).unwrap();
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// One sheet read back: its cells, their styles, and where its header is.
struct Sheet {
    name: String,
    cells: Range<Data>,
    styles: StyleRange,
    header_row: u32,
    columns: HashMap<String, u32>,
    lang: Lang,
}

impl Sheet {
    fn read(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str, first_header: &str, lang: Lang) -> Sheet {
        let cells = book.worksheet_range(name).unwrap();
        let styles = book.worksheet_style(name).unwrap();
        let header_row = (0..20)
            .find(|&row| cells.get_value((row, 0)) == Some(&Data::String(first_header.into())))
            .unwrap_or_else(|| panic!("{name}: no header row starting {first_header}"));
        let mut columns = HashMap::new();
        for column in 0..40 {
            if let Some(Data::String(text)) = cells.get_value((header_row, column)) {
                columns.insert(text.clone(), column);
            }
        }
        Sheet {
            name: name.to_owned(),
            cells,
            styles,
            header_row,
            columns,
            lang,
        }
    }

    fn column(&self, key: &str) -> u32 {
        let header = header(key, self.lang);
        *self
            .columns
            .get(header)
            .unwrap_or_else(|| panic!("{}: no column {header}", self.name))
    }

    /// The cell of data row `index` (0 = the first row under the header).
    fn get(&self, index: usize, key: &str) -> Data {
        let row = self.header_row + 1 + index as u32;
        self.cells
            .get_value((row, self.column(key)))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    fn format(&self, index: usize, key: &str) -> String {
        let row = self.header_row + 1 + index as u32;
        self.styles
            .get((row, self.column(key)))
            .and_then(|style| style.number_format.as_ref())
            .map(|format| format.format_code.clone())
            .unwrap_or_default()
    }

    /// Whether the cell's number format shows the assumed marker.
    fn marked(&self, index: usize, key: &str) -> bool {
        self.format(index, key).ends_with("\"*\"")
    }

    fn rows(&self) -> usize {
        (self.cells.end().map_or(0, |(row, _)| row) - self.header_row) as usize
    }

    fn title(&self) -> Vec<String> {
        (0..self.header_row)
            .filter_map(|row| match self.cells.get_value((row, 0)) {
                Some(Data::String(text)) => Some(text.clone()),
                _ => None,
            })
            .collect()
    }
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(value) => Some(*value),
        Data::Int(value) => Some(*value as f64),
        _ => None,
    }
}

/// A name as a one-line cell holds it: line breaks read as spaces.
fn one_line(json: &Value) -> Option<String> {
    json.as_str().map(|name| name.replace('\n', " "))
}

fn text(cell: &Data) -> Option<&str> {
    match cell {
        Data::String(text) => Some(text),
        _ => None,
    }
}

/// A JSON number as a number cell holds it, null as an empty cell.
fn assert_number(cell: &Data, json: &Value, what: &str) {
    match json.as_f64() {
        Some(value) => assert_eq!(number(cell), Some(value), "{what}: {cell:?} vs {json}"),
        None => assert_eq!(cell, &Data::Empty, "{what}: {json} is null"),
    }
}

/// A date as Excel counts it: days since 1899-12-30.
fn serial(date: &str) -> f64 {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (date - epoch).num_days() as f64
}

fn assert_date(cell: &Data, json: &Value, what: &str) {
    match json.as_str() {
        Some(date) => match cell {
            Data::DateTime(excel) => assert_eq!(excel.as_f64(), serial(date), "{what}"),
            other => panic!("{what}: {other:?} is no date cell"),
        },
        None => assert_eq!(cell, &Data::Empty, "{what}"),
    }
}

/// The percentage a fraction shows: floored, the one rounding rule.
fn shown(fraction: f64) -> f64 {
    let percent = campaigns::figures::percent(fraction);
    percent.trim_end_matches('%').parse::<f64>().unwrap() / 100.0
}

fn assert_percent(cell: &Data, fraction: Option<f64>, what: &str) {
    match fraction {
        Some(fraction) => {
            let value = number(cell).unwrap_or_else(|| panic!("{what}: {cell:?}"));
            assert_eq!(value, shown(fraction), "{what}");
            assert!(value <= fraction + 1e-9 && value > fraction - 0.01 - 1e-9);
        }
        None => assert_eq!(cell, &Data::Empty, "{what}"),
    }
}

fn status_text(status: Status, assumed: bool, lang: Lang) -> String {
    let mark = if assumed { "*" } else { "" };
    format!(
        "{} {}{mark}",
        status.symbol(false),
        i18n::status_word(status, lang)
    )
}

/// The assumed column back as the JSON names the fields.
fn assumed_fields(cell: &Data) -> Vec<String> {
    let zh = [
        ("开始日期", "start"),
        ("结束日期", "end"),
        ("截止日期", "due"),
        ("完成数", "done"),
        ("总数", "total"),
        ("现值", "value"),
        ("目标", "target"),
        ("权重", "weight"),
        ("历史", "history"),
    ];
    let Some(text) = text(cell) else {
        assert_eq!(cell, &Data::Empty);
        return Vec::new();
    };
    let list = text.strip_prefix("* ").expect("the marker first");
    list.split(['、', ','])
        .map(|field| {
            let field = field.trim();
            zh.iter()
                .find(|(word, _)| *word == field)
                .map_or(field, |(_, name)| name)
                .to_owned()
        })
        .collect()
}

fn json_fields(json: &Value) -> Vec<String> {
    json["assumed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect()
}

fn plain_text(text: Option<&campaigns::model::Text>, lang: Lang) -> Data {
    match text.map(|t| t.get(lang).trim().to_owned()) {
        Some(text) if !text.is_empty() => Data::String(text),
        _ => Data::Empty,
    }
}

/// Loads `text`, writes the workbook and the JSON of the same report, and
/// compares every sheet.
fn check(text: &str, lang: Lang) {
    let today = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let loaded = load::parse(text, Options { as_of: None, today });
    let plan = loaded.plan.expect("the plan is valid");
    let as_of = plan.meta.as_of.unwrap_or(today);
    let report = Report::new(&plan, as_of, lang);
    let json: Value = serde_json::from_str(&report.render(Format::Json)).unwrap();
    let bytes = report
        .export(Export::Xlsx)
        .expect("the workbook is written");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("calamine opens it");
    let names = book.sheet_names();
    let campaigns = json["campaigns"].as_array().unwrap();
    assert_eq!(names.len(), campaigns.len() + 2, "{names:?}");
    let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), names.len(), "unique sheet names: {names:?}");
    for name in &names {
        assert!(name.chars().count() <= 31 && !name.contains(['[', ']', ':', '*', '?', '/', '\\']));
    }
    let (overview, attention_sheet) = match lang {
        Lang::Zh => ("总览", "督办清单"),
        Lang::En => ("Overview", "Attention list"),
    };
    assert_eq!(names[..2], [overview, attention_sheet]);

    let title = plan.meta.title.get(lang);
    let sheet = Sheet::read(&mut book, overview, header("campaign", lang), lang);
    let lines = sheet.title();
    assert_eq!(lines[0], title.replace('\n', " "));
    assert!(lines[1].contains(&as_of.to_string()), "{lines:?}");
    if let Some(organisation) = &plan.meta.organisation {
        assert!(lines[1].starts_with(organisation.get(lang)));
    }
    check_overview(&sheet, campaigns, &plan, &report.status);

    let sheet = Sheet::read(&mut book, attention_sheet, header("no", lang), lang);
    check_attention(&sheet, campaigns, &plan, &report.status);

    let mut legends = 0;
    for (index, campaign_json) in campaigns.iter().enumerate() {
        let sheet = Sheet::read(&mut book, &names[index + 2], header("kind", lang), lang);
        let lines = sheet.title();
        assert!(lines[0].starts_with(&title.replace('\n', " ")), "{lines:?}");
        legends += lines.iter().filter(|l| l.starts_with("* ")).count();
        check_campaign(&sheet, campaign_json, &plan, &report.status, index);
    }
    // Text that looks like a formula (`=HYPERLINK(…)`) is a string cell.
    for name in &names {
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(
            formulas.cells().all(|(_, _, f)| f.is_empty()),
            "{name}: a formula"
        );
    }
    let assumed_anywhere = text.contains("assumed");
    assert_eq!(
        legends > 0,
        assumed_anywhere,
        "a legend exactly when marked"
    );
}

fn check_overview(sheet: &Sheet, campaigns: &[Value], plan: &Plan, status: &PlanStatus) {
    let lang = sheet.lang;
    assert_eq!(sheet.rows(), campaigns.len());
    for (i, json) in campaigns.iter().enumerate() {
        let (campaign, rollup) = (&plan.campaigns[i], &status.campaigns[i].rollup);
        let what = format!("overview row {i}");
        assert_eq!(
            text(&sheet.get(i, "campaign")).map(str::to_owned),
            one_line(&json["name"])
        );
        match json["status"].as_str() {
            Some(word) => {
                let status = Status::parse(word).unwrap();
                let expected = status_text(status, rollup.status_assumed, lang);
                assert_eq!(
                    text(&sheet.get(i, "status")),
                    Some(expected.as_str()),
                    "{what}"
                );
            }
            None => assert_eq!(sheet.get(i, "status"), Data::Empty),
        }
        assert_percent(&sheet.get(i, "progress"), json["progress"].as_f64(), &what);
        assert_eq!(
            sheet.marked(i, "progress"),
            rollup.progress_assumed && rollup.progress.is_some()
        );
        assert_percent(&sheet.get(i, "expected"), json["expected"].as_f64(), &what);
        assert_number(&sheet.get(i, "planned"), &json["planned"], &what);
        assert_number(&sheet.get(i, "met"), &json["indicators_met"], &what);
        // Marked as the JSON campaign marks it: a count of assumed statuses.
        let met_marked = json["marked"]
            .as_array()
            .unwrap()
            .contains(&"indicators_met".into());
        assert_eq!(sheet.marked(i, "met"), met_marked, "{what}");
        assert_number(
            &sheet.get(i, "with_target"),
            &json["indicators_with_target"],
            &what,
        );
        let counts = json["status_counts"].as_object().unwrap();
        let total: u64 = counts.values().map(|n| n.as_u64().unwrap()).sum();
        assert_eq!(number(&sheet.get(i, "tasks")), Some(total as f64), "{what}");
        for status in Status::TASK {
            let column = sheet.columns[i18n::status_word(status, lang)];
            let cell = sheet
                .cells
                .get_value((sheet.header_row + 1 + i as u32, column))
                .cloned()
                .unwrap_or(Data::Empty);
            let count = counts
                .get(status.as_str())
                .and_then(Value::as_u64)
                .unwrap_or(0);
            assert_eq!(number(&cell), Some(count as f64), "{what}: {status}");
        }
        assert_eq!(
            sheet.get(i, "lead"),
            plain_text(campaign.lead.as_ref(), lang)
        );
        let date = |d: Option<NaiveDate>| d.map_or(Value::Null, |d| Value::from(d.to_string()));
        assert_date(&sheet.get(i, "start"), &date(campaign.start), &what);
        assert_date(&sheet.get(i, "end"), &date(campaign.end), &what);
        assert_eq!(
            assumed_fields(&sheet.get(i, "assumed")),
            json_fields(json),
            "{what}"
        );
    }
}

fn check_attention(sheet: &Sheet, campaigns: &[Value], plan: &Plan, status: &PlanStatus) {
    let lang = sheet.lang;
    let items = attention(status);
    let flagged = campaigns
        .iter()
        .flat_map(|c| {
            c["tasks"]
                .as_array()
                .unwrap()
                .iter()
                .chain(c["indicators"].as_array().unwrap())
        })
        .filter(|item| {
            matches!(
                item["status"].as_str(),
                Some("overdue" | "not-met" | "behind" | "at-risk")
            )
        })
        .count();
    assert_eq!(items.len(), flagged);
    assert_eq!(
        sheet.rows(),
        flagged,
        "one row per item that needs attention"
    );
    for (i, item) in items.iter().enumerate() {
        let json = &campaigns[item.campaign];
        assert_eq!(number(&sheet.get(i, "no")), Some(i as f64 + 1.0));
        assert_eq!(
            text(&sheet.get(i, "campaign")).map(str::to_owned),
            one_line(&json["name"])
        );
        let (item_json, lead) = match item.item {
            Item::Task(t) => (
                &json["tasks"][t],
                plan.campaigns[item.campaign].tasks[t].lead.as_ref(),
            ),
            Item::Indicator(n) => (
                &json["indicators"][n],
                plan.campaigns[item.campaign].indicators[n].lead.as_ref(),
            ),
        };
        let what = format!("attention row {i}");
        assert_eq!(
            text(&sheet.get(i, "name")),
            item_json["name"].as_str(),
            "{what}"
        );
        let expected = status_text(item.status, item.assumed, lang);
        assert_eq!(
            text(&sheet.get(i, "status")),
            Some(expected.as_str()),
            "{what}"
        );
        let lead = lead.or(plan.campaigns[item.campaign].lead.as_ref());
        assert_eq!(sheet.get(i, "lead"), plain_text(lead, lang), "{what}");
        if let Item::Task(_) = item.item {
            assert_number(&sheet.get(i, "amount"), &item_json["done"], &what);
            assert_percent(
                &sheet.get(i, "share"),
                item_json["fraction"].as_f64(),
                &what,
            );
            assert_date(&sheet.get(i, "due"), &item_json["due"], &what);
            assert_number(&sheet.get(i, "days"), &item_json["days_left"], &what);
        }
    }
}

fn check_campaign(sheet: &Sheet, json: &Value, plan: &Plan, status: &PlanStatus, index: usize) {
    let lang = sheet.lang;
    let (campaign, status) = (&plan.campaigns[index], &status.campaigns[index]);
    let tasks = json["tasks"].as_array().unwrap();
    let indicators = json["indicators"].as_array().unwrap();
    assert_eq!(
        sheet.rows(),
        tasks.len() + indicators.len(),
        "{}",
        sheet.name
    );
    for (i, task) in tasks.iter().enumerate() {
        let (model, schedule) = (&campaign.tasks[i], &status.tasks[i]);
        let what = format!("{} task row {i}", sheet.name);
        let fields = json_fields(task);
        let has = |field: &str| fields.iter().any(|f| f == field);
        let name = text(&sheet.get(i, "name")).map(str::to_owned);
        assert_eq!(name, one_line(&task["name"]), "{what}");
        let kind = match (lang, task["total"].is_null()) {
            (Lang::Zh, false) => "任务",
            (Lang::Zh, true) => "工作量",
            (Lang::En, false) => "task",
            (Lang::En, true) => "figure",
        };
        assert_eq!(text(&sheet.get(i, "kind")), Some(kind), "{what}");
        assert_number(&sheet.get(i, "amount"), &task["done"], &what);
        assert_eq!(sheet.marked(i, "amount"), has("done"), "{what}");
        assert_number(&sheet.get(i, "total"), &task["total"], &what);
        assert_eq!(
            sheet.marked(i, "total"),
            has("total") && !task["total"].is_null()
        );
        let unit = task["unit"]
            .as_str()
            .map(str::trim)
            .filter(|u| !u.is_empty());
        assert_eq!(text(&sheet.get(i, "unit")), unit, "{what}");
        assert_percent(&sheet.get(i, "share"), task["fraction"].as_f64(), &what);
        assert_percent(&sheet.get(i, "expected"), schedule.expected, &what);
        let gap = schedule
            .expected
            .zip(schedule.fraction)
            .and_then(|(e, f)| campaigns::figures::gap_points(e, f));
        assert_eq!(number(&sheet.get(i, "gap")), gap.map(f64::from), "{what}");
        let word = Status::parse(task["status"].as_str().unwrap()).unwrap();
        let expected = status_text(word, schedule.status_assumed, lang);
        assert_eq!(
            text(&sheet.get(i, "status")),
            Some(expected.as_str()),
            "{what}"
        );
        assert_date(&sheet.get(i, "start"), &task["start"], &what);
        assert_eq!(
            sheet.marked(i, "start"),
            has("start") && !task["start"].is_null()
        );
        assert_date(&sheet.get(i, "due"), &task["due"], &what);
        assert_eq!(sheet.marked(i, "due"), has("due") && !task["due"].is_null());
        assert_number(&sheet.get(i, "days"), &task["days_left"], &what);
        assert_eq!(
            sheet.get(i, "lead"),
            plain_text(model.lead.as_ref(), lang),
            "{what}"
        );
        let note = model.note.as_ref().map(|n| n.get(lang));
        assert_eq!(
            text(&sheet.get(i, "note")),
            note.filter(|n| !n.is_empty()),
            "{what}"
        );
        assert_eq!(assumed_fields(&sheet.get(i, "assumed")), fields, "{what}");
    }
    for (n, indicator) in indicators.iter().enumerate() {
        let (i, model) = (tasks.len() + n, &campaign.indicators[n]);
        let what = format!("{} indicator row {n}", sheet.name);
        let fields = json_fields(indicator);
        let has = |field: &str| fields.iter().any(|f| f == field);
        assert_eq!(
            text(&sheet.get(i, "name")),
            indicator["name"].as_str(),
            "{what}"
        );
        match &indicator["value"] {
            Value::String(_) => {
                let class = campaigns::figures::level(model.value, lang, false);
                let mark = if has("value") { "*" } else { "" };
                assert_eq!(
                    text(&sheet.get(i, "amount")),
                    Some(format!("{class}{mark}").as_str())
                );
            }
            value => {
                assert_number(&sheet.get(i, "amount"), value, &what);
                assert_eq!(sheet.marked(i, "amount"), has("value"), "{what}");
            }
        }
        match (&indicator["target"], indicator["better"].as_str()) {
            (Value::Number(_), Some(better)) => {
                assert_number(&sheet.get(i, "total"), &indicator["target"], &what);
                let sign = if better == "higher" { "≥" } else { "≤" };
                let format = sheet.format(i, "total");
                assert!(
                    format.starts_with(&format!("\"{sign} \"")),
                    "{what}: {format}"
                );
                assert_eq!(sheet.marked(i, "total"), has("target"), "{what}");
            }
            (Value::Null, _) => assert_eq!(sheet.get(i, "total"), Data::Empty),
            (Value::String(_), _) => {
                let cell = sheet.get(i, "total");
                let shown = text(&cell).unwrap();
                assert_eq!(shown.ends_with('*'), has("target"), "{what}");
            }
            other => panic!("{what}: {other:?}"),
        }
        let word = Status::parse(indicator["status"].as_str().unwrap()).unwrap();
        let assumed = status.indicators[n].status_assumed;
        let expected = status_text(word, assumed, lang);
        assert_eq!(
            text(&sheet.get(i, "status")),
            Some(expected.as_str()),
            "{what}"
        );
        for empty in ["share", "expected", "gap", "start", "due", "days"] {
            assert_eq!(sheet.get(i, empty), Data::Empty, "{what}: {empty}");
        }
        assert_eq!(assumed_fields(&sheet.get(i, "assumed")), fields, "{what}");
    }
}

#[test]
fn shipped_plan_every_cell_agrees_with_json_zh() {
    check(&std::fs::read_to_string(SHIPPED).unwrap(), Lang::Zh);
}

#[test]
fn shipped_plan_every_cell_agrees_with_json_en() {
    check(&std::fs::read_to_string(SHIPPED).unwrap(), Lang::En);
}

/// Formulas, quotes, control characters and line breaks in names; every
/// status; assumed values everywhere.
#[test]
fn fixtures_every_cell_agrees_with_json() {
    for fixture in ["hostile", "all-statuses", "contract2", "small"] {
        let text =
            std::fs::read_to_string(format!("tests/fixtures/report/{fixture}.toml")).unwrap();
        check(&text, Lang::En);
        check(&text, Lang::Zh);
    }
}

#[test]
fn a_plan_without_campaigns_is_an_overview_and_an_empty_list() {
    check("[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n", Lang::Zh);
    let text = "[meta]\ntitle = \"t\"\n\n[[campaign]]\nid = \"a\"\nname = \"A\"\n";
    check(text, Lang::En);
}

/// Text Excel would read as its own escapes (`_x0041_` is `A` to it), or
/// that XML cannot hold, comes back as the file wrote it, less what
/// cannot be held.
#[test]
fn names_excel_would_unescape_come_back_as_written() {
    let plan = "[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n\n[[campaign]]\nid = \"a\"\n\
                name = \"_x0041_ \\uFFFF: [x]\"\n\n[[campaign.task]]\nid = \"t\"\n\
                name = \"_x0042_\\uFFFE\"\ndone = 1\n";
    let loaded = load::parse(
        plan,
        Options {
            as_of: None,
            today: NaiveDate::MIN,
        },
    );
    let plan = loaded.plan.expect("valid");
    let report = Report::new(
        &plan,
        NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
        Lang::En,
    );
    let mut book = Xlsx::new(Cursor::new(report.export(Export::Xlsx).unwrap())).unwrap();
    assert_eq!(book.sheet_names()[2], "_x0041_ x");
    let sheet = Sheet::read(&mut book, "_x0041_ x", "Kind", Lang::En);
    assert_eq!(text(&sheet.get(0, "name")), Some("_x0042_"));
    assert_eq!(
        text(&sheet.cells.get_value((0, 0)).cloned().unwrap()),
        Some("t · _x0041_ : [x]")
    );
}

#[test]
fn ten_thousand_tasks_every_cell_agrees_with_json() {
    let text = campaigns_synthetic::plan_text(campaigns_synthetic::Shape::tasks(10_000));
    check(&text, Lang::Zh);
}

fn campaigns_cmd() -> Command {
    crate::binary::assert_command()
}

#[test]
fn the_command_writes_the_file_and_to_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("台账.xlsx");
    campaigns_cmd()
        .args(["report", SHIPPED, "--format", "xlsx", "--lang", "zh", "-o"])
        .arg(&out)
        .assert()
        .success();
    let written = std::fs::read(&out).unwrap();
    assert!(written.starts_with(b"PK\x03\x04"), "a zip archive");
    let piped = campaigns_cmd()
        .args(["report", SHIPPED, "--format", "xlsx", "--lang", "zh"])
        .output()
        .unwrap();
    assert!(piped.status.success());
    let mut book = Xlsx::new(Cursor::new(piped.stdout)).unwrap();
    assert_eq!(book.sheet_names()[0], "总览");
    assert!(book.worksheet_range("督办清单").is_ok());
}

#[test]
fn the_workbook_never_overwrites_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("campaigns.toml");
    std::fs::copy(SHIPPED, &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let output = campaigns_cmd()
        .args(["report", "--format", "xlsx", "-o"])
        .arg(&plan)
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is the plan itself"), "{stderr}");
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}
