//! One figure, wherever it is shown: for every task of a generated plan, the
//! percentage and the `done/total unit` figure on the screen are those of the
//! markdown, text and CSV reports, and so is the campaign's roll-up.
//!
//! The plans lean on fractions whose floor and rounding differ (53/77 is
//! 68.8 %), on those where `fraction * 100` falls a hair below a whole
//! percent in floating point (29/100, 57/100), and on figures of exactly one,
//! whose English unit is singular on screen and in the reports alike
//! (`1/1 outfall`) while the CSV keeps the file's unit.

use chrono::NaiveDate;
use proptest::prelude::*;

use campaigns::load::{self, Options};
use campaigns::model::Lang;
use campaigns::report::{Format, Report};
use campaigns::tui::Settings;
use campaigns::tui::render::{Request, render};

const CAMPAIGN: &str = "river";
const START: (i32, u32, u32) = (2024, 1, 1);

/// The units a task may have: none, a CJK measure word in Chinese, or a
/// symbol that reads the same in both languages.
#[derive(Clone, Copy, Debug)]
enum Unit {
    None,
    Outfalls,
    Km,
}

impl Unit {
    fn toml(self) -> &'static str {
        match self {
            Unit::None => "",
            Unit::Outfalls => "unit = { zh = \"个\", en = \"outfalls\" }\n",
            Unit::Km => "unit = \"km\"\n",
        }
    }

    /// The unit as the file writes it in `lang` (the CSV's unit).
    fn word(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Unit::None, _) => None,
            (Unit::Outfalls, Lang::Zh) => Some("个"),
            (Unit::Outfalls, Lang::En) => Some("outfalls"),
            (Unit::Km, _) => Some("km"),
        }
    }

    /// The unit as a figure shows it after `amount`: singular after exactly
    /// one in English; `km` is an abbreviation and has none.
    fn shown(self, lang: Lang, amount: u32) -> Option<&'static str> {
        match (self, lang, amount) {
            (Unit::Outfalls, Lang::En, 1) => Some("outfall"),
            _ => self.word(lang),
        }
    }
}

#[derive(Clone, Debug)]
struct TaskSpec {
    done: u32,
    total: Option<u32>,
    unit: Unit,
    /// Days after the campaign's start that the task is due, if it says.
    due_in: Option<i64>,
}

/// Names that are unique and never part of one another.
fn name(index: usize) -> String {
    format!("Task{index:03}x")
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(START.0, START.1, START.2).unwrap()
}

fn plan_text(tasks: &[TaskSpec], as_of: NaiveDate) -> String {
    let mut out = format!(
        "[meta]\ntitle = \"Figures\"\nas_of = {as_of}\n\n\
         [[campaign]]\nid = \"{CAMPAIGN}\"\nname = \"River\"\nstart = {}\nend = 2024-12-31\n",
        start()
    );
    for (index, task) in tasks.iter().enumerate() {
        out.push_str(&format!(
            "\n[[campaign.task]]\nid = \"t{index}\"\nname = \"{}\"\ndone = {}\n{}",
            name(index),
            task.done,
            task.unit.toml()
        ));
        if let Some(total) = task.total {
            out.push_str(&format!("total = {total}\n"));
        }
        if let Some(days) = task.due_in {
            out.push_str(&format!(
                "due = {}\n",
                start() + chrono::Duration::days(days)
            ));
        }
    }
    out
}

/// A task's figures as one output shows them, taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shown {
    /// The whole percentage with its sign (`68%`); none for a plain count.
    percent: Option<String>,
    done: String,
    total: Option<String>,
    unit: Option<String>,
}

/// `53/77 outfalls`, `39 个`, `2/3`, `7` taken apart.
fn parse_figure(figure: &str, percent: Option<String>) -> Shown {
    let figure = figure.trim();
    let (numbers, unit) = match figure.split_once(' ') {
        Some((numbers, unit)) => (numbers, Some(unit.trim().to_owned())),
        None => (figure, None),
    };
    let (done, total) = match numbers.split_once('/') {
        Some((done, total)) => (done.to_owned(), Some(total.to_owned())),
        None => (numbers.to_owned(), None),
    };
    Shown {
        percent,
        done,
        total,
        unit,
    }
}

/// `77个`, `77 km`, `77` as (number, unit).
fn split_unit(text: &str) -> (String, Option<String>) {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(text.len());
    let unit = text[end..].trim();
    (
        text[..end].to_owned(),
        (!unit.is_empty()).then(|| unit.to_owned()),
    )
}

fn is_percent(token: &str) -> bool {
    token
        .strip_suffix('%')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The task's row in the campaign view's list (stacked above the detail
/// pane, so a line holds nothing else).
fn from_screen(frame: &str, name: &str) -> Shown {
    let needle = format!(" {name} ");
    let rows: Vec<&str> = frame.lines().filter(|l| l.contains(&needle)).collect();
    assert_eq!(rows.len(), 1, "one row for {name} in\n{frame}");
    let rest = rows[0].split_once(&needle).unwrap().1;
    let mut tokens = rest.split_whitespace().peekable();
    // The bar, if any, is one token of block characters before the percent.
    let percent = if rest.contains('%') {
        let token = tokens.find(|t| is_percent(t)).expect("a percentage");
        Some(token.to_owned())
    } else {
        None
    };
    let mut figure = tokens.next().expect("a figure").to_owned();
    let units = ["个", "outfalls", "outfall", "km"];
    if let Some(unit) = tokens.next_if(|t| units.contains(t)) {
        figure = format!("{figure} {unit}");
    }
    parse_figure(&figure, percent)
}

/// The task's row of the markdown tables: a task with a total in the
/// tasks' table (figure, then share), a plain count in the figures' table
/// (its figure alone).
fn from_md_table(md: &str, name: &str) -> Shown {
    let prefix = format!("| {name} | ");
    let mut header = "";
    let mut rows = Vec::new();
    for (line, next) in md.lines().zip(md.lines().skip(1).chain([""])) {
        if next.starts_with("| ---") {
            header = line;
        }
        if line.starts_with(&prefix) {
            rows.push((header, line));
        }
    }
    assert_eq!(rows.len(), 1, "one table row for {name} in\n{md}");
    let (header, row) = rows[0];
    let cells = cells_of(row);
    let has_share = matches!(cells_of(header).get(2), Some(&("%" | "完成率")));
    let percent = has_share.then(|| cells[2].to_owned());
    parse_figure(cells[1], percent)
}

/// The cells of a markdown table row, `| a | b |` as `["a", "b"]`.
fn cells_of(row: &str) -> Vec<&str> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row.strip_suffix('|').unwrap_or(row);
    row.split(" | ").map(str::trim).collect()
}

/// The task's line in the markdown's "needs attention" list, if it is there.
fn from_md_attention(md: &str, name: &str, lang: Lang) -> Option<Shown> {
    let (colon, open, close) = match lang {
        Lang::Zh => ("：", "（", "）"),
        Lang::En => (": ", " (", ")"),
    };
    let needle = format!(" / {name}{colon}");
    let line = md
        .lines()
        .find(|l| l.starts_with("- ") && l.contains(&needle))?;
    let rest = line.split_once(&needle).unwrap().1;
    let (figure, percent) = match rest.split_once(open) {
        Some((figure, after)) => (figure, Some(after.split_once(close).unwrap().0.to_owned())),
        None => (rest.split_once(',').map_or(rest, |(f, _)| f), None),
    };
    Some(parse_figure(figure, percent))
}

/// A plain count's figure without the dates and note that may follow it.
fn figure_alone(rest: &str) -> &str {
    [", ", "，", " (", "（"]
        .iter()
        .filter_map(|cut| rest.find(cut))
        .min()
        .map_or(rest, |end| &rest[..end])
}

/// The task's line of the plain-text report, read back from its sentence.
fn from_text(text: &str, name: &str, lang: Lang) -> Shown {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  - ") && l.contains(name))
        .collect();
    assert_eq!(lines.len(), 1, "one line for {name} in\n{text}");
    let line = &lines[0]["  - ".len()..];
    match lang {
        Lang::En => {
            let rest = line.strip_prefix(&format!("{name}: ")).unwrap();
            match rest.split_once(" of ") {
                // "53 of 77 outfalls done (68%), behind, due …"
                Some((done, after)) => {
                    let (total, after) = after.split_once(" done (").unwrap();
                    let percent = after.split_once(')').unwrap().0;
                    let (total, unit) = split_unit(total);
                    Shown {
                        percent: Some(percent.to_owned()),
                        done: done.to_owned(),
                        total: Some(total),
                        unit,
                    }
                }
                // A plain count: "39 outfalls", then its own dates, if any.
                None => {
                    let (done, unit) = split_unit(figure_alone(rest));
                    Shown {
                        percent: None,
                        done,
                        total: None,
                        unit,
                    }
                }
            }
        }
        Lang::Zh => {
            if let Some(count) = line.strip_prefix(&format!("{name}：")) {
                let (done, unit) = split_unit(figure_alone(count));
                return Shown {
                    percent: None,
                    done,
                    total: None,
                    unit,
                };
            }
            // "77个Task000x已完成53个（68%，滞后，…）" or "Task000x已完成53/77（…".
            let (before, after) = line.split_once(name).unwrap();
            let after = after.strip_prefix("已完成").unwrap();
            let (done, details) = after.split_once('（').unwrap();
            let percent = details.split_once('，').unwrap().0.to_owned();
            let (done, total, unit) = if before.is_empty() {
                let (done, total) = done.split_once('/').unwrap();
                (done.to_owned(), total.to_owned(), None)
            } else {
                let (total, unit) = split_unit(before);
                let (done, done_unit) = split_unit(done);
                assert_eq!(unit, done_unit, "one unit in {line}");
                (done, total, unit)
            };
            Shown {
                percent: Some(percent),
                done,
                total: Some(total),
                unit,
            }
        }
    }
}

/// The task's CSV row: the figures exactly, and the fraction (4 decimals).
fn from_csv(csv_text: &str, index: usize) -> (Shown, Option<f64>) {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let id = format!("t{index}");
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[1] == "task" && r[2] == id)
        .unwrap_or_else(|| panic!("a CSV row for {id} in\n{csv_text}"));
    let optional = |cell: &str| (!cell.is_empty()).then(|| cell.to_owned());
    let shown = Shown {
        percent: None,
        done: row[4].to_owned(),
        total: optional(&row[5]),
        unit: optional(&row[6]),
    };
    (shown, optional(&row[7]).map(|f| f.parse().unwrap()))
}

/// The campaign's overall percentage on its overview card: the end of the
/// card's first line (under the header and the card's top border).
fn rollup_on_screen(frame: &str) -> Option<String> {
    // The card's gauge line: under the status headline, the one with a bar.
    let gauge = frame
        .lines()
        .find(|line| line.contains('█') || line.contains('░'))?;
    gauge
        .split_whitespace()
        .map(|t| t.trim_end_matches('│'))
        .find(|t| is_percent(t))
        .map(str::to_owned)
}

/// The percentage of the campaign's roll-up line (`Status … · Progress 68%
/// (…) · …`); none when it shows no progress.
fn rollup_in_md(md: &str, lang: Lang) -> Option<String> {
    let label = match lang {
        Lang::Zh => "总体进度 ",
        Lang::En => "Progress ",
    };
    let part = md
        .lines()
        .flat_map(|line| line.split(" · "))
        .find_map(|part| part.strip_prefix(label))?;
    let figure = part.split([' ', '（', '(']).next()?;
    is_percent(figure).then(|| figure.to_owned())
}

/// The percentage of the campaign's sentence (`River: …; progress 68% (…`).
fn rollup_in_text(text: &str, lang: Lang) -> Option<String> {
    let line = text
        .lines()
        .find(|l| l.starts_with("River"))
        .expect("the campaign's line");
    let label = match lang {
        Lang::Zh => "总体进度",
        Lang::En => "progress ",
    };
    let figure = line.split_once(label)?.1.split([' ', '（', '(']).next()?;
    Some(figure.to_owned())
}

/// Whether `percent` is the floor of a fraction given to four decimals.
fn percent_matches_fraction(percent: &str, fraction: f64) -> bool {
    let whole: f64 = percent.trim_end_matches('%').parse().unwrap();
    // The CSV rounds to four decimals: allow half of its last place.
    let slack = 0.00005 + 1e-12;
    whole / 100.0 <= fraction + slack && fraction < (whole + 1.0) / 100.0 + slack
}

fn check(tasks: &[TaskSpec], as_of: NaiveDate, lang: Lang) -> Result<(), TestCaseError> {
    let text = plan_text(tasks, as_of);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    std::fs::write(&path, &text).unwrap();
    let settings = Settings::plain(
        lang,
        Options {
            as_of: Some(as_of),
            today: as_of,
        },
    );
    // Stacked (under 140 columns), wide and tall enough that no row or
    // figure is cut: the list takes all but 14 lines of the body if it needs.
    let size = (130, u16::try_from(tasks.len()).unwrap() + 24);
    let request = |view| Request {
        size,
        view,
        since: None,
        select: None,
        ansi: false,
    };
    let frame = render(&path, settings.clone(), &request(CAMPAIGN)).unwrap();
    let overview = render(&path, settings, &request("overview")).unwrap();

    let options = Options {
        as_of: Some(as_of),
        today: as_of,
    };
    let plan = load::parse(&text, options).plan.expect("a valid plan");
    let report = Report::new(&plan, as_of, lang);
    let md = report.render(Format::Markdown);
    let text_report = report.render(Format::Text);
    let csv_report = report.render(Format::Csv);

    for (index, task) in tasks.iter().enumerate() {
        let name = name(index);
        let screen = from_screen(&frame, &name);
        // The unit follows the total when there is one: `1/3 outfalls`.
        let counted = task.total.unwrap_or(task.done);
        prop_assert_eq!(
            &screen.unit.as_deref(),
            &task.unit.shown(lang, counted),
            "{}",
            frame
        );
        prop_assert_eq!(&from_md_table(&md, &name), &screen, "md table\n{}", md);
        if let Some(attention) = from_md_attention(&md, &name, lang) {
            prop_assert_eq!(&attention, &screen, "md attention\n{}", md);
        }
        prop_assert_eq!(
            &from_text(&text_report, &name, lang),
            &screen,
            "text\n{}",
            text_report
        );
        let (csv_figures, fraction) = from_csv(&csv_report, index);
        let without_percent = Shown {
            percent: None,
            unit: task.unit.word(lang).map(str::to_owned),
            ..screen.clone()
        };
        prop_assert_eq!(&csv_figures, &without_percent, "csv\n{}", csv_report);
        match (&screen.percent, fraction) {
            (Some(percent), Some(fraction)) => prop_assert!(
                percent_matches_fraction(percent, fraction),
                "{name}: {percent} on screen, fraction {fraction} in the CSV"
            ),
            (None, None) => {}
            other => prop_assert!(false, "{name}: percent and fraction {other:?}"),
        }
    }
    let rollup = rollup_on_screen(&overview);
    prop_assert_eq!(
        &rollup_in_md(&md, lang),
        &rollup,
        "md\n{}\n{}",
        md,
        overview
    );
    prop_assert_eq!(
        &rollup_in_text(&text_report, lang),
        &rollup,
        "text\n{}\n{}",
        text_report,
        overview
    );
    Ok(())
}

/// Pairs whose floor and nearest whole percent differ, or whose product
/// with 100 lands just below a whole number in floating point.
const AWKWARD: [(u32, u32); 10] = [
    (53, 77),
    (2, 3),
    (131, 166),
    (199, 200),
    (29, 100),
    (57, 100),
    (999, 1000),
    (5, 6),
    (7, 9),
    (115, 113),
];

/// Figures of exactly one, done or in total, and their neighbours.
const ONES: [(u32, Option<u32>); 5] = [
    (1, Some(1)),
    (0, Some(1)),
    (1, Some(3)),
    (1, None),
    (2, Some(2)),
];

fn task() -> impl Strategy<Value = TaskSpec> {
    let pair = prop_oneof![
        3 => proptest::sample::select(&AWKWARD[..]).prop_map(|(d, t)| (d, Some(t))),
        1 => proptest::sample::select(&ONES[..]),
        2 => (1u32..=1000).prop_flat_map(|t| (0..=t + t / 4, Just(Some(t)))),
        1 => (0u32..=500).prop_map(|d| (d, None)),
    ];
    let unit = prop_oneof![Just(Unit::None), Just(Unit::Outfalls), Just(Unit::Km)];
    let due_in = proptest::option::of(0i64..=730);
    (pair, unit, due_in).prop_map(|((done, total), unit, due_in)| TaskSpec {
        done,
        total,
        unit,
        due_in,
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_task_shows_the_same_figures_on_screen_and_in_reports(
        tasks in proptest::collection::vec(task(), 1..12),
        as_of_day in 0i64..=420,
        zh in any::<bool>(),
    ) {
        let as_of = start() + chrono::Duration::days(as_of_day);
        check(&tasks, as_of, if zh { Lang::Zh } else { Lang::En })?;
    }
}

/// The awkward pairs and the ones every time, in both languages, not left
/// to chance.
#[test]
fn awkward_fractions_read_the_same_everywhere() {
    let awkward = AWKWARD
        .iter()
        .zip([Unit::Outfalls, Unit::Km, Unit::None].into_iter().cycle())
        .map(|(&(done, total), unit)| (done, Some(total), unit));
    let ones = ONES
        .iter()
        .map(|&(done, total)| (done, total, Unit::Outfalls));
    let tasks: Vec<TaskSpec> = awkward
        .chain(ones)
        .map(|(done, total, unit)| TaskSpec {
            done,
            total,
            unit,
            due_in: Some(365),
        })
        .collect();
    let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    for lang in [Lang::En, Lang::Zh] {
        check(&tasks, as_of, lang).unwrap();
    }
}
