//! The loader's rules, one by one: every error and warning of DESIGN.md, with
//! where it points, plus the things a real file throws at it (BOM, CRLF,
//! translations, several mistakes at once).

use super::*;
use crate::model::{Lang, Level, Text, WaterClass};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn options() -> Options {
    Options {
        as_of: None,
        today: date("2024-12-31"),
    }
}

fn load(source: &str) -> Loaded {
    parse(source, options())
}

/// Each diagnostic as (line, column, severity, message).
fn found(source: &str) -> Vec<(usize, usize, Severity, String)> {
    load(source)
        .diagnostics
        .iter()
        .map(|d| {
            let Position { line, column } = d.position(source);
            (line, column, d.severity, d.message.en.clone())
        })
        .collect()
}

/// The one diagnostic of `source`: its line, column and message.
fn only(source: &str) -> (usize, usize, Severity, String) {
    let mut all = found(source);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

/// Asserts `source` has exactly one error, at `line:column`, whose message
/// contains `words`.
fn error_at(source: &str, line: usize, column: usize, words: &str) {
    let (l, c, severity, message) = only(source);
    assert_eq!(severity, Severity::Error, "{message}");
    assert_eq!((l, c), (line, column), "{message}");
    assert!(message.contains(words), "{message:?} lacks {words:?}");
    assert!(load(source).plan.is_none(), "an error leaves no plan");
}

fn warning_at(source: &str, line: usize, column: usize, words: &str) {
    let (l, c, severity, message) = only(source);
    assert_eq!(severity, Severity::Warning, "{message}");
    assert_eq!((l, c), (line, column), "{message}");
    assert!(message.contains(words), "{message:?} lacks {words:?}");
    assert!(load(source).plan.is_some(), "warnings keep the plan");
}

const META: &str = "[meta]\ntitle = \"T\"\n";

/// A file with one campaign and, after its header, `body` (line 6 on).
fn campaign(body: &str) -> String {
    format!("{META}[[campaign]]\nid = \"c\"\nname = \"C\"\n{body}")
}

/// A file whose one task holds `fields` (line 10 on).
fn task(fields: &str) -> String {
    campaign(&format!(
        "\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\n{fields}"
    ))
}

/// A file whose one indicator holds `fields` (line 10 on).
fn indicator(fields: &str) -> String {
    campaign(&format!(
        "\n[[campaign.indicator]]\nid = \"i\"\nname = \"I\"\n{fields}"
    ))
}

#[test]
fn a_good_file_loads_without_diagnostics() {
    let source = task("done = 3\ntotal = 10\nstart = 2024-02-29\ndue = 2024-12-31\n");
    let loaded = load(&source);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let plan = loaded.plan.unwrap();
    let task = &plan.campaigns[0].tasks[0];
    assert_eq!((task.done, task.total), (3.0, Some(10.0)));
    assert_eq!(task.start, Some(date("2024-02-29")));
    assert_eq!(task.weight, 1.0);
    assert_eq!(task.line.0, 7);
    assert_eq!(plan.campaigns[0].line.0, 3);
}

#[test]
fn syntax_errors_point_at_the_mistake() {
    error_at("[meta]\ntitle = \"T\"\nx = = 1\n", 3, 5, "TOML syntax");
    error_at("[meta]\ntitle = \"unclosed\n", 2, 18, "TOML syntax");
}

#[test]
fn unknown_keys_get_a_did_you_mean() {
    let cases = [
        ("[meta]\ntitel = \"T\"\n", "title"),
        (&campaign("nmae = \"x\"\n") as &str, "name"),
        (&task("done = 1\ntotl = 2\n"), "total"),
        (&indicator("value = 1.0\ntraget = 2.0\n"), "target"),
    ];
    for (source, suggestion) in cases {
        let loaded = load(source);
        let unknown: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.message.en.starts_with("unknown key"))
            .collect();
        assert_eq!(unknown.len(), 1, "{source}");
        assert_eq!(
            unknown[0].help.as_ref().map(|h| h.en.as_str()),
            Some(format!("did you mean `{suggestion}`?").as_str())
        );
        assert!(loaded.plan.is_none());
    }
}

#[test]
fn an_unknown_key_far_from_any_lists_the_keys_instead() {
    let source = task("done = 1\ncolour = \"red\"\n");
    let loaded = load(&source);
    let diagnostic = &loaded.diagnostics[0];
    assert_eq!(
        diagnostic.position(&source),
        Position {
            line: 11,
            column: 1
        }
    );
    let help = diagnostic.help.as_ref().map(|h| h.en.as_str()).unwrap();
    assert!(help.contains("id, name, done, total"), "{help}");
}

#[test]
fn unknown_keys_in_history_points_and_at_the_root() {
    let source = task("done = 1\nhistory = [ { date = 2024-01-31, dnoe = 1 } ]\n");
    let messages: Vec<_> = found(&source).into_iter().map(|d| d.3).collect();
    assert!(messages.iter().any(|m| m.contains("unknown key `dnoe`")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("missing required field `done`"))
    );
    // Keys above [meta] belong to the file itself.
    error_at(
        &format!("campaigns = []\n{META}"),
        1,
        1,
        "unknown key `campaigns`",
    );
    let loaded = load(&format!("campaigns = []\n{META}"));
    assert_eq!(
        loaded.diagnostics[0].help.as_ref().map(|h| h.en.as_str()),
        Some("did you mean `campaign`?")
    );
}

#[test]
fn missing_required_fields_point_at_their_table() {
    error_at(
        "[meta]\nas_of = 2024-12-31\n",
        1,
        1,
        "missing required field `title` in [meta]",
    );
    error_at(
        &format!("{META}\n[[campaign]]\nname = \"C\"\n"),
        4,
        1,
        "`id`",
    );
    error_at(
        &format!("{META}\n[[campaign]]\nid = \"c\"\ntask = []\n"),
        4,
        1,
        "`name`",
    );
    error_at(
        &task(""),
        7,
        1,
        "missing required field `done` in [[campaign.task]]",
    );
    error_at(&indicator(""), 7, 1, "missing required field `value`");
    let no_task_name = campaign("\n[[campaign.task]]\nid = \"t\"\ndone = 1\n");
    error_at(&no_task_name, 7, 1, "`name`");
    error_at(
        &task("done = 1\nhistory = [ { done = 1 } ]\n"),
        11,
        13,
        "missing required field `date`",
    );
}

#[test]
fn wrong_types_say_what_was_expected() {
    error_at(
        "[meta]\ntitle = 7\n",
        2,
        9,
        "`title` must be a string or a table",
    );
    error_at(&task("done = \"3\"\n"), 10, 8, "`done` must be a number");
    error_at(
        &task("done = 3\ndue = \"2024-12-31\"\n"),
        11,
        7,
        "`due` must be a date",
    );
    error_at(
        &task("done = 3\nhistory = 1\n"),
        11,
        11,
        "`history` must be an array",
    );
    error_at(
        &format!("campaign = 1\n{META}"),
        1,
        12,
        "`campaign` must be an array",
    );
    error_at(
        &campaign("theme = 1\ntask = []\n"),
        6,
        9,
        "`theme` must be a string",
    );
    error_at(
        "[meta]\ntitle = { zh = 1 }\n",
        2,
        16,
        "translation `title.zh` must be a string",
    );
    let loaded = load(&task("done = true\n"));
    assert_eq!(
        loaded.diagnostics[0].label.en,
        "expected a number, found a boolean"
    );
}

#[test]
fn ids_must_be_unique_where_they_are_addressed() {
    let two_campaigns = format!(
        "{META}\n[[campaign]]\nid = \"c\"\nname = \"A\"\ntask = []\n\n[[campaign]]\nid = \"c\"\nname = \"B\"\n"
    );
    error_at(&two_campaigns, 10, 6, "duplicate id `c`");
    let help = load(&two_campaigns).diagnostics[0]
        .help
        .clone()
        .map(|h| h.en)
        .unwrap();
    assert!(help.contains("first used on line 5"), "{help}");
    // Tasks and indicators share one namespace: `set` names them CAMPAIGN/ITEM.
    let task_and_indicator = campaign(
        "\n[[campaign.indicator]]\nid = \"x\"\nname = \"I\"\nvalue = 1.0\n\n[[campaign.task]]\nid = \"x\"\nname = \"T\"\ndone = 1\n",
    );
    error_at(&task_and_indicator, 13, 6, "duplicate id `x`");
    // The same item id in two campaigns is fine.
    let apart = format!(
        "{META}\n[[campaign]]\nid = \"a\"\nname = \"A\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\n\n[[campaign]]\nid = \"b\"\nname = \"B\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\n"
    );
    assert!(load(&apart).diagnostics.is_empty());
}

#[test]
fn ids_are_lower_case_letters_digits_and_dashes() {
    for bad in ["Blue", "blue sky", "blue_sky", "", "蓝天"] {
        let source = format!("{META}\n[[campaign]]\nid = \"{bad}\"\nname = \"C\"\ndone = 1\n");
        let loaded = load(&source);
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.message.en.contains("is not made of")),
            "{bad:?}: {:?}",
            loaded.diagnostics
        );
    }
    let loaded = load(&format!(
        "{META}\n[[campaign]]\nid = \"Blue Sky\"\nname = \"C\"\n"
    ));
    let diagnostic = loaded.errors().next().unwrap();
    assert_eq!(
        diagnostic.help.as_ref().map(|h| h.en.as_str()),
        Some("try \"blue-sky\"")
    );
    assert!(
        load(&format!(
            "{META}\n[[campaign]]\nid = \"b-2\"\nname = \"C\"\n"
        ))
        .plan
        .is_some()
    );
}

#[test]
fn done_must_not_be_negative_and_weight_must_be_positive() {
    error_at(&task("done = -1\n"), 10, 8, "`done` must not be negative");
    error_at(
        &task("done = -0.5\ntotal = 3\n"),
        10,
        8,
        "`done` must not be negative",
    );
    error_at(
        &task("done = 1\nweight = -2\n"),
        11,
        10,
        "`weight` must be more than 0",
    );
    error_at(
        &task("done = 1\nweight = 0\n"),
        11,
        10,
        "`weight` must be more than 0",
    );
    error_at(
        &task("done = 1\nhistory = [ { date = 2024-01-31, done = -1 } ]\n"),
        11,
        41,
        "`done` must not be negative",
    );
    assert!(load(&task("done = 0\n")).diagnostics.is_empty());
}

#[test]
fn total_must_be_positive() {
    error_at(
        &task("done = 0\ntotal = 0\n"),
        11,
        9,
        "`total` must be more than 0",
    );
    error_at(
        &task("done = 0\ntotal = -3\n"),
        11,
        9,
        "`total` must be more than 0",
    );
    assert!(
        load(&task("done = 0\ntotal = 0.5\n"))
            .diagnostics
            .is_empty()
    );
}

#[test]
fn numbers_must_be_finite() {
    error_at(&task("done = nan\n"), 10, 8, "finite");
    error_at(&task("done = 1\ntotal = inf\n"), 11, 9, "finite");
    let plan = load(&task("done = 1_000\ntotal = 2_000.5\n")).plan.unwrap();
    assert_eq!(plan.campaigns[0].tasks[0].total, Some(2000.5));
    assert_eq!(plan.campaigns[0].tasks[0].done, 1000.0);
}

#[test]
fn a_campaign_cannot_end_before_it_starts() {
    error_at(
        &campaign("start = 2024-12-31\nend = 2024-01-01\ntask = []\n"),
        7,
        7,
        "ends (2024-01-01) before it starts (2024-12-31)",
    );
    // One day long is fine.
    assert!(load(&campaign("start = 2024-06-01\nend = 2024-06-01\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\n")).diagnostics.is_empty());
}

#[test]
fn a_task_cannot_be_due_before_it_starts() {
    error_at(
        &task("done = 1\nstart = 2024-06-01\ndue = 2024-03-01\n"),
        12,
        7,
        "due (2024-03-01) before it starts (2024-06-01)",
    );
    // Its own due date against the campaign's start, pointed at the due date.
    let source = campaign(
        "start = 2024-06-01\nend = 2024-12-31\n\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\ndue = 2024-01-31\n",
    );
    error_at(&source, 13, 7, "before it starts");
    // Its own start after the campaign's end, pointed at the start.
    let source = campaign(
        "start = 2024-01-01\nend = 2024-12-31\n\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\nstart = 2025-03-01\n",
    );
    error_at(&source, 13, 9, "before it starts");
    // start = due is a one-day task, not an error.
    assert!(
        load(&task("done = 1\nstart = 2024-06-01\ndue = 2024-06-01\n"))
            .diagnostics
            .is_empty()
    );
}

#[test]
fn dates_are_bare_real_dates() {
    error_at(
        &task("done = 1\ndue = 2024-12-31T12:00:00\n"),
        11,
        7,
        "without a time of day",
    );
    error_at(
        &task("done = 1\ndue = 2024-12-31T12:00:00+08:00\n"),
        11,
        7,
        "without a time of day",
    );
    error_at(
        &task("done = 1\ndue = 12:00:00\n"),
        11,
        7,
        "without a time of day",
    );
    let leap = load(&task("done = 1\ndue = 2024-02-29\n"));
    assert!(leap.diagnostics.is_empty(), "{:?}", leap.diagnostics);
    // Not a real day: refused, whichever stage notices.
    let loaded = load(&task("done = 1\ndue = 2023-02-29\n"));
    assert!(loaded.plan.is_none());
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(
        loaded.diagnostics[0]
            .position(&task("done = 1\ndue = 2023-02-29\n"))
            .line,
        11
    );
}

#[test]
fn a_numeric_target_needs_a_direction() {
    error_at(
        &indicator("value = 31.0\ntarget = 35.0\n"),
        11,
        10,
        "needs `better`",
    );
    let help = load(&indicator("value = 31.0\ntarget = 35.0\n")).diagnostics[0]
        .help
        .clone()
        .map(|h| h.en);
    assert_eq!(
        help.as_deref(),
        Some("add better = \"higher\" or better = \"lower\"")
    );
    error_at(
        &indicator("value = 31.0\ntarget = 35.0\nbetter = \"less\"\n"),
        12,
        10,
        "`better` must be \"higher\" or \"lower\"",
    );
    // No target, or a water-class target: no direction needed.
    assert!(load(&indicator("value = 31.0\n")).diagnostics.is_empty());
    let class = indicator("scale = \"water-class\"\nvalue = \"II\"\ntarget = \"III\"\n");
    assert!(load(&class).diagnostics.is_empty());
}

#[test]
fn water_classes_as_the_report_writes_them() {
    for (written, class) in [
        ("I", WaterClass::I),
        ("Ⅱ", WaterClass::II),
        ("iii", WaterClass::III),
        ("Ⅳ", WaterClass::IV),
        ("V", WaterClass::V),
        ("劣V", WaterClass::WorseThanV),
        ("劣Ⅴ", WaterClass::WorseThanV),
    ] {
        let source = indicator(&format!("scale = \"water-class\"\nvalue = \"{written}\"\n"));
        let plan = load(&source).plan.unwrap_or_else(|| panic!("{written}"));
        assert_eq!(
            plan.campaigns[0].indicators[0].value,
            Level::WaterClass(class)
        );
    }
}

#[test]
fn bad_water_classes_are_refused_wherever_they_are() {
    let value = indicator("scale = \"water-class\"\nvalue = \"VI\"\n");
    error_at(&value, 11, 9, "`VI` is not a water class");
    let target = indicator("scale = \"water-class\"\nvalue = \"II\"\ntarget = \"劣III\"\n");
    error_at(&target, 12, 10, "`劣III` is not a water class");
    let history = indicator(
        "scale = \"water-class\"\nvalue = \"II\"\nhistory = [ { date = 2023-12-31, value = \"X\" } ]\n",
    );
    error_at(&history, 12, 42, "`X` is not a water class");
    let number = indicator("scale = \"water-class\"\nvalue = 2\n");
    error_at(&number, 11, 9, "`value` must be a water class");
    // A class on an indicator without the scale gets told to add it.
    let unscaled = indicator("value = \"II\"\n");
    error_at(
        &unscaled,
        10,
        9,
        "water class but the indicator has no scale",
    );
    let unknown_scale = indicator("scale = \"class\"\nvalue = \"II\"\n");
    let messages: Vec<_> = found(&unknown_scale).into_iter().map(|d| d.3).collect();
    assert!(
        messages[0].contains("unknown scale `class`"),
        "{messages:?}"
    );
}

#[test]
fn history_must_be_in_date_order() {
    let source = task(
        "done = 3\nhistory = [\n  { date = 2024-03-31, done = 1 },\n  { date = 2024-06-30, done = 2 },\n  { date = 2024-05-31, done = 2 },\n]\n",
    );
    error_at(
        &source,
        14,
        12,
        "out of date order: 2024-05-31 comes after 2024-06-30",
    );
    let same_day = task(
        "done = 3\nhistory = [ { date = 2024-03-31, done = 1 }, { date = 2024-03-31, done = 2 } ]\n",
    );
    error_at(&same_day, 11, 55, "out of date order");
    let indicator_history = indicator(
        "value = 31.0\nhistory = [ { date = 2023-12-31, value = 33.0 }, { date = 2022-12-31, value = 35.0 } ]\n",
    );
    error_at(&indicator_history, 11, 59, "out of date order");
}

#[test]
fn history_after_the_reporting_date_is_a_warning() {
    let source = "[meta]\ntitle = \"T\"\nas_of = 2024-06-30\n\n[[campaign]]\nid = \"c\"\nname = \"C\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 3\nhistory = [ { date = 2024-09-30, done = 3 } ]\n";
    warning_at(source, 12, 22, "after the reporting date 2024-06-30");
    // `--as-of` moves the reporting date, and the warning with it.
    let later = parse(
        source,
        Options {
            as_of: Some(date("2024-12-31")),
            today: date("2024-01-01"),
        },
    );
    assert!(later.diagnostics.is_empty(), "{:?}", later.diagnostics);
    // Without as_of anywhere, today is the reporting date.
    let no_as_of = source.replace("as_of = 2024-06-30\n", "");
    let today = parse(
        &no_as_of,
        Options {
            as_of: None,
            today: date("2024-08-01"),
        },
    );
    assert_eq!(today.diagnostics.len(), 1);
    assert!(today.diagnostics[0].message.en.contains("2024-08-01"));
}

#[test]
fn done_over_total_is_a_warning() {
    warning_at(
        &task("done = 120\ntotal = 113\n"),
        10,
        8,
        "`done` (120) is more than `total` (113)",
    );
    assert!(
        load(&task("done = 113\ntotal = 113\n"))
            .diagnostics
            .is_empty()
    );
}

#[test]
fn an_empty_campaign_is_a_warning() {
    warning_at(
        &campaign(""),
        3,
        1,
        "campaign `c` has no tasks and no indicators",
    );
    let plan = load(&campaign("")).plan.unwrap();
    assert!(plan.campaigns[0].tasks.is_empty());
}

#[test]
fn a_missing_meta_table_is_an_error() {
    error_at(
        "[[campaign]]\nid = \"c\"\nname = \"C\"\ntask = []\n",
        1,
        1,
        "missing the [meta] table",
    );
    error_at("", 1, 1, "missing the [meta] table");
}

#[test]
fn meta_fields_are_checked() {
    error_at(
        "[meta]\ntitle = \"T\"\nat_risk_margin = 1.5\n",
        3,
        18,
        "between 0 and 1",
    );
    error_at(
        "[meta]\ntitle = \"T\"\nas_of = \"today\"\n",
        3,
        9,
        "`as_of` must be a date",
    );
    let plan = load("[meta]\ntitle = \"T\"\nat_risk_margin = 0.2\nas_of = 2024-12-31\n")
        .plan
        .unwrap();
    assert_eq!(plan.meta.at_risk_margin, 0.2);
    assert_eq!(plan.meta.as_of, Some(date("2024-12-31")));
    let default = load(META).plan.unwrap();
    assert_eq!(
        default.meta.at_risk_margin,
        crate::model::DEFAULT_AT_RISK_MARGIN
    );
    assert_eq!(default.meta.as_of, None);
}

#[test]
fn themes_are_a_closed_list() {
    error_at(
        &campaign("theme = \"sky\"\ntask = []\n"),
        6,
        9,
        "unknown theme `sky`",
    );
    let plan = load(&campaign("theme = \"water\"\n")).plan.unwrap();
    assert_eq!(plan.campaigns[0].theme.as_str(), "water");
    let plan = load(&campaign("")).plan.unwrap();
    assert_eq!(plan.campaigns[0].theme.as_str(), "other");
}

#[test]
fn every_problem_is_found_in_one_pass() {
    let source = "\
[meta]
titel = \"Six mistakes\"

[[campaign]]
id = \"Air\"
name = \"Air\"

[[campaign.task]]
id = \"t\"
name = \"T\"
done = -1
total = 0

[[campaign.indicator]]
id = \"i\"
name = \"I\"
value = 31.0
target = 35.0
";
    let all = found(source);
    let positions: Vec<_> = all.iter().map(|d| (d.0, d.1)).collect();
    // Missing title (at [meta]), unknown key, bad id, negative done, total 0,
    // target without better: six kinds of mistake, six diagnostics, in file order.
    assert_eq!(
        positions,
        [(1, 1), (2, 1), (5, 6), (11, 8), (12, 9), (18, 10)],
        "{all:#?}"
    );
    assert!(all.iter().all(|d| d.2 == Severity::Error));
    assert!(load(source).plan.is_none());
}

#[test]
fn errors_and_warnings_come_out_in_file_order() {
    let source = format!(
        "{META}as_of = 2024-06-30\n\n[[campaign]]\nid = \"empty\"\nname = \"E\"\n\n[[campaign]]\nid = \"c\"\nname = \"C\"\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 5\ntotal = 4\nbogus = 1\n"
    );
    let all = found(&source);
    let lines: Vec<_> = all.iter().map(|d| (d.0, d.2)).collect();
    assert_eq!(
        lines,
        [
            (5, Severity::Warning),
            (15, Severity::Warning),
            (17, Severity::Error)
        ],
        "{all:#?}"
    );
}

#[test]
fn a_byte_order_mark_and_crlf_change_nothing() {
    let plain = task("done = -1\ntotal = 0\n");
    let windows = format!("\u{FEFF}{}", plain.replace('\n', "\r\n"));
    let positions = |source: &str| -> Vec<(usize, usize, String)> {
        found(source).into_iter().map(|d| (d.0, d.1, d.3)).collect()
    };
    assert_eq!(positions(&windows), positions(&plain));
    assert_eq!(positions(&plain).len(), 2);
    // An error on the first line: the mark is not a column.
    let first = "\u{FEFF}[meta]\r\ntitel = \"T\"\r\n";
    assert_eq!(
        found(first).iter().map(|d| (d.0, d.1)).collect::<Vec<_>>(),
        [(1, 1), (2, 1)]
    );
    let good = format!("\u{FEFF}{}", task("done = 1\n").replace('\n', "\r\n"));
    let plan = load(&good).plan.unwrap();
    assert_eq!(plan.campaigns[0].tasks[0].name.get(Lang::En), "T");
    // The caret line shows neither the mark nor the carriage return.
    let diagnostic = &load(&windows).diagnostics[0];
    let text = diagnostic.render(&windows, "f.toml", false, Lang::En);
    assert!(text.contains("--> f.toml:10:8"), "{text}");
    assert!(
        !text.contains('\r') && !text.contains('\u{FEFF}'),
        "{text:?}"
    );
}

#[test]
fn translations_keep_their_order_and_fall_back() {
    let source = "[meta]\ntitle = { zh = \"潜江\", en = \"Qianjiang\" }\norganisation = { zh = \"生态环境局\" }\nsource = { fr = \"Rapport\" }\n";
    let plan = load(source).plan.unwrap();
    assert_eq!(plan.meta.title.get(Lang::Zh), "潜江");
    assert_eq!(plan.meta.title.get(Lang::En), "Qianjiang");
    let organisation = plan.meta.organisation.unwrap();
    assert_eq!(organisation.get(Lang::En), "生态环境局");
    assert_eq!(plan.meta.source.unwrap().get(Lang::Zh), "Rapport");
    // Written en first: en is the first fallback for a third language.
    let en_first = load("[meta]\ntitle = { en = \"Sky\", zh = \"天\" }\n")
        .plan
        .unwrap();
    assert_eq!(
        en_first.meta.title,
        Text::Translated(vec![
            ("en".into(), "Sky".into()),
            ("zh".into(), "天".into())
        ])
    );
    // An empty table of translations is not text.
    error_at(
        "[meta]\ntitle = {}\n",
        2,
        9,
        "`title` must be a string or a table",
    );
}

#[test]
fn text_from_the_file_is_sanitised() {
    let source = "[meta]\ntitle = \"Qian\\u001b[31mjiang\\u202e\"\n";
    let plan = load(source).plan.unwrap();
    let title = plan.meta.title.get(Lang::En);
    assert!(
        !title.contains('\u{1b}') && !title.contains('\u{202e}'),
        "{title:?}"
    );
    assert!(
        title.starts_with("Qian") && title.ends_with("jiang"),
        "{title:?}"
    );
}

#[test]
fn files_that_cannot_be_read_say_why_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let err = Opened::load(&missing, options()).unwrap_err();
    assert!(matches!(err, ReadError::NotFound { .. }), "{err}");
    assert!(
        err.to_string().ends_with("missing.toml: no such file"),
        "{err}"
    );

    let err = Opened::load(dir.path(), options()).unwrap_err();
    assert!(matches!(err, ReadError::IsDirectory { .. }), "{err}");

    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"[meta]\ntitle = \"\xe9t\xe9\"\n").unwrap();
    let err = Opened::load(&latin1, options()).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::NotUtf8 {
                line: 2,
                column: 10,
                ..
            }
        ),
        "{err}"
    );
    assert!(!err.to_string().contains('\n'), "{err}");

    let good = dir.path().join("campaigns.toml");
    std::fs::write(&good, task("done = 1\n")).unwrap();
    let document = Opened::load(&good, options()).unwrap();
    assert!(document.document().is_some());
    assert_eq!(document.render_diagnostics(false, usize::MAX, Lang::En), "");
}

#[test]
fn rendered_diagnostics_name_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, task("done = 1\ntotl = 3\n")).unwrap();
    let document = Opened::load(&path, options()).unwrap();
    let text = document.render_diagnostics(false, usize::MAX, Lang::En);
    assert!(
        text.contains(&format!("--> {}:11:1", path.display())),
        "{text}"
    );
    assert!(text.contains("totl = 3"), "{text}");
    assert!(text.contains("did you mean `total`?"), "{text}");
    let diagnostic = &document.diagnostics()[0];
    assert_eq!(
        diagnostic.headline(document.text(), "plan.toml", Lang::En),
        "plan.toml:11:1: error: unknown key `totl` in [[campaign.task]]"
    );
}

/// The generator of big plans lives in its own crate, which cannot load
/// what it writes: the check that its plans are valid is here.
#[test]
fn generated_plans_load_without_errors() {
    use campaigns_synthetic::{Shape, plan_text};
    let text = plan_text(Shape::tasks(2500));
    let loaded = parse(&text, options());
    let errors: Vec<_> = loaded
        .errors()
        .map(|d| d.headline(&text, "gen", Lang::En))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let plan = loaded.plan.unwrap();
    assert_eq!(
        plan.campaigns.iter().map(|c| c.tasks.len()).sum::<usize>(),
        2500
    );
    assert_eq!(plan.campaigns.len(), 3);
}

#[test]
fn assumed_names_the_fields_that_are_not_from_the_source() {
    use crate::model::{Assumed, Field};
    let source = task("done = 3\ntotal = 10\ndue = 2024-12-31\nassumed = [\"due\", \"total\"]\n");
    let loaded = load(&source);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let plan = loaded.plan.unwrap();
    assert_eq!(
        plan.campaigns[0].tasks[0].assumed,
        Assumed::of(&[Field::Due, Field::Total])
    );
    assert!(plan.campaigns[0].assumed.is_empty());

    let source = campaign("end = 2024-12-31\nassumed = [\"end\"]\n");
    let plan = load(&source).plan.unwrap();
    assert_eq!(plan.campaigns[0].assumed, Assumed::of(&[Field::End]));

    let source = indicator("value = 3\ntarget = 4\nbetter = \"lower\"\nassumed = [\"target\"]\n");
    let plan = load(&source).plan.unwrap();
    assert_eq!(
        plan.campaigns[0].indicators[0].assumed,
        Assumed::of(&[Field::Target])
    );
}

#[test]
fn assumed_refuses_what_its_table_cannot_mark() {
    // A typo gets a "did you mean" among the task's own fields.
    let source = task("done = 3\ntotal = 4\nassumed = [\"totl\"]\n");
    error_at(&source, 12, 12, "`assumed` names `totl`");
    let help = load(&source).diagnostics[0].help.clone().map(|h| h.en);
    assert_eq!(help.as_deref(), Some("did you mean `total`?"));
    // An indicator has no due date; the help lists what it can mark.
    let source = indicator("value = 3\nassumed = [\"due\"]\n");
    error_at(&source, 11, 12, "[[campaign.indicator]] cannot mark");
    let help = load(&source).diagnostics[0]
        .help
        .clone()
        .map(|h| h.en)
        .unwrap();
    assert!(help.contains("value, target, history"), "{help}");
    // Not a list of names.
    error_at(
        &task("done = 3\nassumed = \"due\"\n"),
        11,
        11,
        "must be an array",
    );
    error_at(&task("done = 3\nassumed = [1]\n"), 11, 12, "field name");
}

#[test]
fn assumed_warns_of_a_field_the_table_does_not_write() {
    let source = task("done = 3\nassumed = [\"due\"]\n");
    warning_at(
        &source,
        11,
        12,
        "`due` is marked assumed but [[campaign.task]] does not write it",
    );
}

#[test]
fn approx_says_a_figure_is_more_than_written() {
    let plan = load(&task("done = 90\napprox = \"more-than\"\n"))
        .plan
        .unwrap();
    let qualifiers = &plan.campaigns[0].tasks[0].qualifiers;
    assert_eq!(qualifiers.word("approx"), Some("more-than"));
    assert!(qualifiers.at_least());
    let plan = load(&task("done = 90\n")).plan.unwrap();
    let qualifiers = &plan.campaigns[0].tasks[0].qualifiers;
    assert_eq!(qualifiers.word("approx"), None);
    assert!(!qualifiers.at_least());
    let plan = load(&indicator("value = 40\napprox = \"more-than\"\n"))
        .plan
        .unwrap();
    let qualifiers = &plan.campaigns[0].indicators[0].qualifiers;
    assert_eq!(qualifiers.word("approx"), Some("more-than"));
    assert!(qualifiers.at_least());
}

#[test]
fn approx_takes_more_than_only() {
    let source = task("done = 90\napprox = \"more than\"\n");
    error_at(
        &source,
        11,
        10,
        "`approx` must be \"more-than\", found `more than`",
    );
    let loaded = load(&source);
    let help = loaded.diagnostics[0].help.as_ref().unwrap();
    assert_eq!(help.en, "did you mean `more-than`?");
    let loaded = load(&task("done = 90\napprox = \"about\"\n"));
    let help = loaded.diagnostics[0].help.as_ref().unwrap();
    assert_eq!(help.en, "`approx` takes: \"more-than\"");
    assert_eq!(help.zh, "`approx` 可选：`\"more-than\"`");
    error_at(
        &task("done = 90\napprox = true\n"),
        11,
        10,
        "`approx` must be a string",
    );
    let class = indicator("scale = \"water-class\"\nvalue = \"II\"\napprox = \"more-than\"\n");
    error_at(&class, 12, 10, "a water class cannot be \"more-than\"");
}
