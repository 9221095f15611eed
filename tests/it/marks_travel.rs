//! DESIGN contract 3, "Marks travel": over the shipped file, every place a
//! figure worked out from an assumed value is shown carries the `*` (the
//! markdown's `\*`, the workbook's marked number format, the JSON's and
//! CSV's `marked` keys): 序时进度, days left and late, the gap, the rates
//! and the projected finish, the planned start, the targets and the history
//! points. One table: a row per place, each figure as it must read there;
//! where a mark shows, so does its legend.

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use serde_json::Value;

use campaigns::load::{self, Opened, Options};
use campaigns::model::Lang;
use campaigns::report::{Export, Format, Report};
use campaigns::tui::render::{frame, show, to_text};
use campaigns::tui::{App, Command, Effect};

use super::tui_snapshots::settings;

const SHIPPED: &str = "campaigns.toml";
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A place on the screen: a view, the item selected in it, and the figures
/// it must show marked, in English and in Chinese.
struct Place {
    view: &'static str,
    select: Option<&'static str>,
    en: &'static [&'static str],
    zh: &'static [&'static str],
}

const SCREEN: &[Place] = &[
    Place {
        view: "overview",
        select: None,
        en: &["not begun: 1 task from 2025-01-01*", "expected 88%*"],
        zh: &["尚未开始：1项任务2025-01-01*", "序时进度 88%*"],
    },
    Place {
        view: "clear-water",
        select: Some("main-canal-outfalls"),
        en: &[
            " 0d*",
            " 181d*",
            "expected by now 100%*",
            "Due 2024-12-31*",
            "due today*",
            "24 outfalls to finish today*",
        ],
        zh: &[
            " 0天*",
            " 181天*",
            "序时进度 100%*",
            "截止 2024-12-31*",
            "今日到期*",
            "今日需完成 24 个*",
        ],
    },
    Place {
        view: "clear-water",
        select: Some("han-river"),
        en: &["Target II or better*"],
        zh: &["目标 达到或优于Ⅱ类*"],
    },
    Place {
        view: "inspection",
        select: Some("inspection-tasks"),
        en: &[
            " 1095d*",
            "expected by now 75%*",
            "Start 2016-01-01*",
            "1095 days left*",
            "achieved 0.04 tasks/day*",
            "needed 0.03 tasks/day*",
            "Projected finish 2027-05-29*",
        ],
        zh: &[
            " 1095天*",
            "序时进度 75%*",
            "开始 2016-01-01*",
            "剩余1095天*",
            "实际 0.04 项/天*",
            "按期需 0.03 项/天*",
            "预计完成 2027-05-29*",
        ],
    },
    Place {
        view: "clean-soil",
        select: Some("black-odorous-remaining"),
        en: &[
            " 365d*",
            "Start 2025-01-01*",
            "365 days left*",
            "needed 0.0082 water bodies/day*",
        ],
        zh: &[
            " 365天*",
            "开始 2025-01-01*",
            "剩余365天*",
            "按期需 0.0082 条/天*",
        ],
    },
    Place {
        view: "blue-sky",
        select: Some("good-air-days"),
        en: &["Target ≥ 95%*"],
        zh: &["目标 ≥ 95%*"],
    },
    Place {
        view: "blue-sky",
        select: Some("pm25"),
        en: &[
            "Target ≤ 35 μg/m³*",
            "2021-12-31 35*",
            "2022-12-31 37*",
            "2023-12-31 39*",
        ],
        zh: &[
            "目标 ≤ 35 μg/m³*",
            "2021-12-31 35*",
            "2022-12-31 37*",
            "2023-12-31 39*",
        ],
    },
    Place {
        view: "attention",
        select: None,
        en: &["32 pts*"],
        zh: &["32个百分点*"],
    },
];

/// Every frame the place shows: the view, then its detail scrolled through.
fn screen_text(place: &Place, lang: Lang, size: (u16, u16)) -> String {
    let path = PathBuf::from(SHIPPED);
    let settings = settings(lang, false, false);
    let document = Opened::load(&path, settings.dates);
    let mut app = App::new(path, document, settings);
    app.update(campaigns::tui::Action::Resize(size.0, size.1));
    show(&mut app, place.view).unwrap();
    let Some(id) = place.select else {
        return to_text(&frame(&app, size));
    };
    for _ in 0..40 {
        if app.selected_id() == Some(id) {
            break;
        }
        app.update(Command::Down.into());
    }
    assert_eq!(app.selected_id(), Some(id), "{} selects {id}", place.view);
    let mut text = to_text(&frame(&app, size));
    // The detail pane, focused, scrolled to its end at a small size.
    app.update(Command::Enter.into());
    for _ in 0..40 {
        if app.update(Command::Down.into()) == Effect::None {
            break;
        }
        text.push_str(&to_text(&frame(&app, size)));
    }
    text
}

/// `marked` is shown, and nowhere is its figure shown without the mark.
fn assert_marked(text: &str, marked: &str, sign: &str, what: &str) {
    let figure = marked
        .strip_suffix(sign)
        .expect("the figure ends in its mark");
    let at: Vec<usize> = text.match_indices(figure).map(|(i, _)| i).collect();
    assert!(!at.is_empty(), "{what}: `{marked}` is not shown\n{text}");
    for i in at {
        let after = &text[i + figure.len()..];
        assert!(
            after.starts_with(sign),
            "{what}: `{figure}` without its mark\n{text}"
        );
    }
}

#[test]
fn the_screen_marks_every_figure_worked_out_from_an_assumed_value() {
    let mut checked = 0;
    for place in SCREEN {
        for (lang, figures, legend) in [
            (Lang::En, place.en, "* assumed"),
            (Lang::Zh, place.zh, "* 示例"),
        ] {
            for size in SIZES {
                let what = format!(
                    "{} {:?} {}x{} {lang:?}",
                    place.view, place.select, size.0, size.1
                );
                let text = screen_text(place, lang, size);
                for figure in figures {
                    assert_marked(&text, figure, "*", &what);
                    checked += 1;
                }
                assert!(text.contains(legend), "{what}: no legend\n{text}");
            }
        }
    }
    // Two languages at two sizes, 26 figures in each.
    assert_eq!(checked, 2 * 2 * 26);
}

/// The report of the shipped plan (leaked: one small plan per test).
fn report(lang: Lang) -> (Report<'static>, &'static campaigns::model::Plan) {
    let text = std::fs::read_to_string(SHIPPED).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let plan = load::parse(&text, Options { as_of: None, today })
        .plan
        .expect("the shipped plan is valid");
    let plan: &'static _ = Box::leak(Box::new(plan));
    let as_of = plan
        .meta
        .as_of
        .expect("the shipped file has a reporting date");
    (Report::new(plan, as_of, lang), plan)
}

/// The human reports: each figure as the format writes it.
const WRITTEN: &[(Format, Lang, &str, &[&str])] = &[
    (
        Format::Text,
        Lang::En,
        "* assumed",
        &[
            "32 points short*",
            "(68%) · expected by now 100%*",
            "behind*, expected by now 100%*",
            "(181 days left*",
            "(due today*",
            "(1095 days left*",
            "expected by now 75%*",
            "from 2025-01-01*",
            "(target ≥ 95%*",
            "(target II or better*",
        ],
    ),
    (
        Format::Text,
        Lang::Zh,
        "* 示例",
        &[
            "差32个百分点*",
            "（68%） · 序时进度100%*",
            "剩余181天*",
            "今日到期*",
            "剩余1095天*",
            "（另有1项计划任务，2025-01-01*",
            "目标 ≥ 95%*",
            "目标达到或优于Ⅱ类*",
        ],
    ),
    (
        Format::Markdown,
        Lang::En,
        "\\* assumed",
        &[
            "32 points short\\*",
            "(68%) · expected by now 100%\\*",
            "| 2025-06-30\\* | 181\\*",
            "| 2024-12-31\\* | 0\\*",
            "| 2027-12-31\\* | 1095\\*",
            "| 66%\\*",
            "from 2025-01-01\\*",
            "≥ 95%\\*",
            "II or better\\*",
        ],
    ),
    (
        Format::Markdown,
        Lang::Zh,
        "\\* 示例",
        &[
            "差32个百分点\\*",
            "| 2025-06-30\\* | 181\\*",
            "| 2024-12-31\\* | 0\\*",
            "| 66%\\*",
            "计划任务，2025-01-01\\*",
            "≥ 95%\\*",
            "达到或优于Ⅱ类\\*",
        ],
    ),
];

#[test]
fn the_text_and_markdown_reports_mark_them() {
    for (format, lang, legend, figures) in WRITTEN {
        let text = report(*lang).0.render(*format);
        let sign = if *format == Format::Markdown {
            "\\*"
        } else {
            "*"
        };
        let what = format!("{format:?} {lang:?}");
        for figure in *figures {
            assert_marked(&text, figure, sign, &what);
        }
        assert!(text.contains(legend), "{what}: no legend");
    }
}

/// The items whose days left count to an assumed due date, and the
/// campaigns whose 序时进度 rests on assumed dates.
const DUE_ASSUMED: [&str; 4] = [
    "yangtze-outfalls",
    "main-canal-outfalls",
    "inspection-tasks",
    "black-odorous-remaining",
];
const EXPECTED_ASSUMED: [&str; 2] = ["clear-water", "inspection"];

fn keys(json: &Value) -> Vec<&str> {
    json["marked"]
        .as_array()
        .expect("a marked list")
        .iter()
        .map(|key| key.as_str().unwrap())
        .collect()
}

#[test]
fn json_and_csv_name_the_marked_figures() {
    for lang in [Lang::En, Lang::Zh] {
        let (report, _) = report(lang);
        let json: Value = serde_json::from_str(&report.render(Format::Json)).unwrap();
        let csv = report.render(Format::Csv);
        let header = csv.lines().next().unwrap();
        // The qualifiers of a figure (`approx`) follow `assumed`.
        assert!(header.ends_with(",marked,assumed,approx"), "{header}");
        let mut seen = 0;
        for campaign in json["campaigns"].as_array().unwrap() {
            let id = campaign["id"].as_str().unwrap();
            let expected = keys(campaign).contains(&"expected");
            assert_eq!(expected, EXPECTED_ASSUMED.contains(&id), "{id}");
            for task in campaign["tasks"].as_array().unwrap() {
                let id = task["id"].as_str().unwrap();
                let marked = keys(task);
                let due = DUE_ASSUMED.contains(&id);
                assert_eq!(marked.contains(&"days_left"), due, "{id}: {marked:?}");
                assert_eq!(marked.contains(&"due"), due, "{id}: {marked:?}");
                let row = csv
                    .lines()
                    .find(|row| row.contains(&format!(",task,{id},")))
                    .unwrap();
                // `marked`, then `assumed` and `approx` (the last column).
                let cell = row.rsplit(',').nth(2).unwrap();
                assert_eq!(cell, marked.join(";"), "{id}");
                seen += usize::from(due);
            }
            for indicator in campaign["indicators"].as_array().unwrap() {
                let assumed_target = indicator["assumed"]
                    .as_array()
                    .unwrap()
                    .contains(&Value::from("target"));
                assert_eq!(keys(indicator).contains(&"target"), assumed_target);
            }
        }
        assert_eq!(seen, DUE_ASSUMED.len());
    }
}

/// Whether the cell of `column` in the row that holds `name` has the mark
/// in its number format, on the sheet at `sheet` (0: the overview, 1: the
/// attention list, then one per campaign).
fn workbook_marked(bytes: &[u8], sheet: usize, name: &str, column: &str) -> bool {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let sheet = book.sheet_names()[sheet].clone();
    let cells = book.worksheet_range(&sheet).unwrap();
    let styles = book.worksheet_style(&sheet).unwrap();
    let find = |text: &str| {
        cells
            .used_cells()
            .find(|(_, _, cell)| **cell == Data::String(text.to_owned()))
            .map(|(row, col, _)| (row, col))
            .unwrap_or_else(|| panic!("{sheet}: no `{text}`"))
    };
    let (row, _) = find(name);
    let (_, col) = find(column);
    let (top, left) = cells.start().unwrap();
    // Absolute positions, as the styles are looked up.
    let at = (row as u32 + top, col as u32 + left);
    let format = styles
        .get(at)
        .and_then(|style| style.number_format.as_ref())
        .map(|format| format.format_code.clone())
        .unwrap_or_default();
    format.ends_with("\"*\"")
}

#[test]
fn the_ledger_marks_them_in_its_number_formats() {
    let (report, plan) = report(Lang::En);
    let bytes = report.export(Export::Xlsx).unwrap();
    let name = |campaign: usize, task: &str| {
        let campaign = &plan.campaigns[campaign];
        let task = campaign.tasks.iter().find(|t| t.id == task).unwrap();
        task.name.get(Lang::En)
    };
    // The sheets: overview, attention list, then Blue Sky, Clear Water, …
    let (water, inspection) = (3, 5);
    let canal = name(1, "main-canal-outfalls");
    for column in ["Expected by now", "Gap (points)", "Days left"] {
        assert!(workbook_marked(&bytes, water, canal, column), "{column}");
        assert!(workbook_marked(&bytes, 1, canal, column), "{column}");
    }
    assert!(workbook_marked(
        &bytes,
        water,
        name(1, "yangtze-outfalls"),
        "Days left"
    ));
    let tasks = name(3, "inspection-tasks");
    assert!(workbook_marked(&bytes, inspection, tasks, "Days left"));
    // A sourced date is not marked: the drinking-water problems run by the
    // campaign's own end.
    let problems = name(1, "drinking-water-problems");
    assert!(!workbook_marked(&bytes, water, problems, "Due"));
    assert!(workbook_marked(&bytes, water, canal, "Due"));
}
