//! Arbitrary valid plans, written in every layout the format allows (inline
//! tables or sections, histories inline, spread over lines or as
//! `[[...history]]` sections, texts plain or translated, CRLF, a byte-order
//! mark, comments everywhere) with bilingual names full of hostile
//! characters: `check` finds them valid, and any edit through the write-back
//! path leaves a valid file in which only the edited value changed and every
//! comment survived (the check is `tests/edit_oracle`, shared with the
//! `set` fuzz target).

mod edit_oracle;

use std::fmt::Write as _;

use campaigns::edit::{self, Change, Edit};
use campaigns::load;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

/// Cases per property: enough to cover every layout and edit kind in CI,
/// bounded in time (each case writes a file and parses it three times).
const CASES: u32 = 200;

// ---------------------------------------------------------------------------
// The generated plan.

#[derive(Clone, Debug)]
enum GenText {
    Plain(String),
    Translated(Vec<(&'static str, String)>),
}

#[derive(Clone, Copy, Debug)]
enum Num {
    Int(u32),
    /// Hundredths, written as a float.
    Float(u32),
}

impl Num {
    fn literal(self) -> String {
        match self {
            Num::Int(n) => n.to_string(),
            Num::Float(h) => format!("{}.{:02}", h / 100, h % 100),
        }
    }

    fn value(self) -> f64 {
        match self {
            Num::Int(n) => f64::from(n),
            Num::Float(h) => f64::from(h) / 100.0,
        }
    }
}

#[derive(Clone, Debug)]
struct GenTask {
    name: GenText,
    done: Num,
    /// Added to `done` when the total is there (so a total is never 0).
    total: Option<u32>,
    unit: Option<GenText>,
    /// Days from the campaign's start.
    window: Option<(u16, u16)>,
    note: Option<GenText>,
    /// Strictly increasing day offsets from 2023-01-01, and figures.
    history: Vec<(u16, Num)>,
}

#[derive(Clone, Debug)]
enum GenLevel {
    Number {
        value: Num,
        target: Option<(Num, bool)>,
    },
    Class {
        value: usize,
        target: Option<usize>,
        unicode: bool,
    },
}

#[derive(Clone, Debug)]
struct GenIndicator {
    name: GenText,
    level: GenLevel,
    unit: Option<GenText>,
    note: Option<GenText>,
    history: Vec<(u16, Num, usize)>,
}

#[derive(Clone, Debug)]
struct GenCampaign {
    name: GenText,
    theme: usize,
    /// Start as days from 2024-01-01, and length.
    period: Option<(u16, u16)>,
    lead: Option<GenText>,
    tasks: Vec<GenTask>,
    indicators: Vec<GenIndicator>,
}

/// How the plan is laid out in the file.
#[derive(Clone, Copy, Debug)]
struct Layout {
    /// Items as `task = [ { ... } ]` inline tables instead of sections.
    inline_items: bool,
    /// 0: `history = [ ... ]` on one line; 1: one point per line; 2:
    /// `[[campaign.task.history]]` sections (only with item sections).
    history: u8,
    crlf: bool,
    bom: bool,
    /// Trailing `#~` comments on value lines.
    trailing_comments: bool,
}

#[derive(Clone, Debug)]
struct GenPlan {
    title: GenText,
    organisation: Option<GenText>,
    campaigns: Vec<GenCampaign>,
    layout: Layout,
}

// ---------------------------------------------------------------------------
// Strategies.

/// Pieces of names: ordinary words in both languages, and what a copy from
/// a chat or a document brings along.
const PIECES: &[&str] = &[
    "Blue Sky",
    "蓝天保卫战",
    "长江入河排污口整治",
    "PM2.5",
    "μg/m³",
    "劣Ⅴ",
    " ",
    "\u{1b}[2J",
    "\u{1b}]0;title\u{7}",
    "\u{1b}]52;c;cm0gLXJm\u{1b}\\",
    "\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}31m",
    "\u{0}",
    "\u{202E}",
    "\u{2066}",
    "\u{2069}",
    "\u{200B}",
    "\u{200D}",
    "e\u{301}\u{302}",
    "👨‍👩‍👧",
    "🇨🇳",
    "𠀀",
    "\"",
    "'",
    "\\",
    "\\u0041",
    "'''",
    "\"\"\"",
    "=",
    "[[campaign]]",
    "\t",
    "\n",
    "\r\n",
    "\u{2028}",
    "\u{FEFF}",
];

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..5).prop_map(|pieces| pieces.concat())
}

fn gen_text() -> impl Strategy<Value = GenText> {
    prop_oneof![
        words().prop_map(GenText::Plain),
        (words(), words()).prop_map(|(zh, en)| GenText::Translated(vec![("zh", zh), ("en", en)])),
        words().prop_map(|zh| GenText::Translated(vec![("zh", zh)])),
        (words(), words()).prop_map(|(en, fr)| GenText::Translated(vec![("en", en), ("fr", fr)])),
    ]
}

fn num() -> impl Strategy<Value = Num> {
    prop_oneof![
        (0u32..500).prop_map(Num::Int),
        (0u32..50_000).prop_map(Num::Float)
    ]
}

/// A history: strictly increasing dates, each with a figure.
fn history<T: std::fmt::Debug + Clone>(
    figure: impl Strategy<Value = T>,
) -> impl Strategy<Value = Vec<(u16, T)>> {
    prop::collection::vec((1u16..60, figure), 0..4).prop_map(|steps| {
        let mut day = 0;
        steps
            .into_iter()
            .map(|(step, figure)| {
                day += step * 7;
                (day, figure)
            })
            .collect()
    })
}

fn task() -> impl Strategy<Value = GenTask> {
    (
        gen_text(),
        num(),
        prop::option::of(1u32..300),
        prop::option::of(gen_text()),
        prop::option::of((0u16..200, 0u16..400)),
        prop::option::of(gen_text()),
        history(num()),
    )
        .prop_map(|(name, done, total, unit, window, note, history)| GenTask {
            name,
            done,
            total,
            unit,
            window,
            note,
            history,
        })
}

fn level() -> impl Strategy<Value = GenLevel> {
    prop_oneof![
        (num(), prop::option::of((num(), any::<bool>())))
            .prop_map(|(value, target)| GenLevel::Number { value, target }),
        (0usize..6, prop::option::of(0usize..6), any::<bool>()).prop_map(
            |(value, target, unicode)| GenLevel::Class {
                value,
                target,
                unicode
            }
        ),
    ]
}

fn indicator() -> impl Strategy<Value = GenIndicator> {
    (
        gen_text(),
        level(),
        prop::option::of(gen_text()),
        prop::option::of(gen_text()),
        history((num(), 0usize..6)),
    )
        .prop_map(|(name, level, unit, note, history)| GenIndicator {
            name,
            level,
            unit,
            note,
            history: history
                .into_iter()
                .map(|(day, (n, class))| (day, n, class))
                .collect(),
        })
}

fn campaign() -> impl Strategy<Value = GenCampaign> {
    (
        gen_text(),
        0usize..4,
        prop::option::of((0u16..200, 0u16..500)),
        prop::option::of(gen_text()),
        prop::collection::vec(task(), 0..4),
        prop::collection::vec(indicator(), 0..3),
    )
        .prop_map(
            |(name, theme, period, lead, tasks, indicators)| GenCampaign {
                name,
                theme,
                period,
                lead,
                tasks,
                indicators,
            },
        )
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        any::<bool>(),
        0u8..3,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(inline_items, history, crlf, bom, trailing_comments)| Layout {
                inline_items,
                history: if inline_items { history % 2 } else { history },
                crlf,
                bom,
                trailing_comments,
            },
        )
}

fn plan() -> impl Strategy<Value = GenPlan> {
    (
        gen_text(),
        prop::option::of(gen_text()),
        prop::collection::vec(campaign(), 1..4),
        layout(),
    )
        .prop_map(|(title, organisation, campaigns, layout)| GenPlan {
            title,
            organisation,
            campaigns,
            layout,
        })
}

// ---------------------------------------------------------------------------
// Writing the plan as TOML.

/// A TOML string for `text`: a literal string when it can be one, else a
/// basic string with escapes.
fn string(text: &str) -> String {
    let literal_ok = text.chars().all(|c| c == '\t' || !c.is_control()) && !text.contains('\'');
    if literal_ok && text.len() % 2 == 0 {
        return format!("'{text}'");
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn text(text: &GenText) -> String {
    match text {
        GenText::Plain(s) => string(s),
        GenText::Translated(pairs) => {
            let entries: Vec<String> = pairs
                .iter()
                .map(|(lang, s)| format!("{lang} = {}", string(s)))
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
    }
}

fn date(from: NaiveDate, days: u16) -> String {
    (from + Days::new(u64::from(days)))
        .format("%Y-%m-%d")
        .to_string()
}

const THEMES: [&str; 4] = ["air", "water", "soil", "other"];
const CLASSES: [&str; 6] = ["I", "II", "III", "IV", "V", "劣V"];
const UNICODE_CLASSES: [&str; 6] = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"];

fn class(index: usize, unicode: bool) -> String {
    string(if unicode {
        UNICODE_CLASSES[index]
    } else {
        CLASSES[index]
    })
}

fn history_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()
}

/// An item's key/value lines and its history points (each point as its
/// own key/value lines).
struct Item {
    fields: Vec<(String, String)>,
    history: Vec<Vec<(String, String)>>,
}

fn task_item(task: &GenTask, k: usize, campaign_start: Option<NaiveDate>) -> Item {
    let mut fields = vec![
        ("id".to_owned(), format!("\"t{k}\"")),
        ("name".to_owned(), text(&task.name)),
        ("done".to_owned(), task.done.literal()),
    ];
    if let Some(extra) = task.total {
        let total = task.done.value().ceil() as u32 + extra;
        fields.push(("total".into(), total.to_string()));
    }
    if let Some(unit) = &task.unit {
        fields.push(("unit".into(), text(unit)));
    }
    if let Some((from, length)) = task.window {
        let base = campaign_start.unwrap_or(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
        fields.push(("start".into(), date(base, from)));
        fields.push(("due".into(), date(base, from + length)));
    }
    if let Some(note) = &task.note {
        fields.push(("note".into(), text(note)));
    }
    let history = task
        .history
        .iter()
        .map(|(day, done)| {
            vec![
                ("date".to_owned(), date(history_start(), *day)),
                ("done".to_owned(), done.literal()),
            ]
        })
        .collect();
    Item { fields, history }
}

fn indicator_item(indicator: &GenIndicator, k: usize) -> Item {
    let mut fields = vec![
        ("id".to_owned(), format!("\"i{k}\"")),
        ("name".to_owned(), text(&indicator.name)),
    ];
    let class_scale = match &indicator.level {
        GenLevel::Number { value, target } => {
            fields.push(("value".into(), value.literal()));
            if let Some((target, higher)) = target {
                fields.push(("target".into(), target.literal()));
                let better = if *higher { "\"higher\"" } else { "\"lower\"" };
                fields.push(("better".into(), better.into()));
            }
            None
        }
        GenLevel::Class {
            value,
            target,
            unicode,
        } => {
            fields.push(("scale".into(), "\"water-class\"".into()));
            fields.push(("value".into(), class(*value, *unicode)));
            if let Some(target) = target {
                fields.push(("target".into(), class(*target, *unicode)));
            }
            Some(*unicode)
        }
    };
    if let Some(unit) = &indicator.unit {
        fields.push(("unit".into(), text(unit)));
    }
    if let Some(note) = &indicator.note {
        fields.push(("note".into(), text(note)));
    }
    let history = indicator
        .history
        .iter()
        .map(|(day, n, c)| {
            let value = match class_scale {
                Some(unicode) => class(*c, unicode),
                None => n.literal(),
            };
            vec![
                ("date".to_owned(), date(history_start(), *day)),
                ("value".to_owned(), value),
            ]
        })
        .collect();
    Item { fields, history }
}

fn inline_table(fields: &[(String, String)]) -> String {
    let entries: Vec<String> = fields.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("{{ {} }}", entries.join(", "))
}

/// A counter that makes every `#~` comment different, so a comment moved
/// to another place is noticed too.
struct Comments(usize);

impl Comments {
    fn next(&mut self, what: &str) -> String {
        self.0 += 1;
        format!("#~ {what} {} 注释", self.0)
    }
}

fn inline_history(points: &[Vec<(String, String)>], layout: Layout) -> String {
    let tables: Vec<String> = points.iter().map(|p| inline_table(p)).collect();
    if layout.history == 1 && !tables.is_empty() {
        format!("[\n  {},\n]", tables.join(",\n  "))
    } else {
        format!("[{}]", tables.join(", "))
    }
}

fn write_section_item(
    out: &mut String,
    header: &str,
    item: &Item,
    layout: Layout,
    comments: &mut Comments,
) {
    let _ = writeln!(out, "\n{}\n[[{header}]]", comments.next("section"));
    for (key, value) in &item.fields {
        let _ = write!(out, "{key} = {value}");
        if layout.trailing_comments {
            let _ = write!(out, " {}", comments.next(key));
        }
        out.push('\n');
    }
    if item.history.is_empty() {
        return;
    }
    if layout.history == 2 {
        for point in &item.history {
            let _ = writeln!(out, "\n[[{header}.history]]");
            for (key, value) in point {
                let _ = writeln!(out, "{key} = {value}");
            }
        }
    } else {
        let _ = writeln!(out, "history = {}", inline_history(&item.history, layout));
    }
}

fn write_inline_items(out: &mut String, key: &str, items: &[Item], layout: Layout) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{key} = [");
    for item in items {
        let mut fields = item.fields.clone();
        if !item.history.is_empty() {
            let mut flat = layout;
            flat.history = 0;
            fields.push(("history".into(), inline_history(&item.history, flat)));
        }
        let _ = writeln!(out, "  {},", inline_table(&fields));
    }
    out.push_str("]\n");
}

fn toml(plan: &GenPlan) -> String {
    let layout = plan.layout;
    let mut comments = Comments(0);
    let mut out = String::new();
    let _ = writeln!(out, "{}\n[meta]", comments.next("file"));
    let _ = writeln!(out, "title = {}", text(&plan.title));
    if let Some(organisation) = &plan.organisation {
        let _ = writeln!(
            out,
            "organisation = {} {}",
            text(organisation),
            comments.next("org")
        );
    }
    out.push_str("as_of = 2024-12-31\n");
    for (c, campaign) in plan.campaigns.iter().enumerate() {
        let _ = writeln!(out, "\n{}\n[[campaign]]", comments.next("campaign"));
        let _ = writeln!(out, "id = \"c{c}\"\nname = {}", text(&campaign.name));
        let _ = writeln!(out, "theme = \"{}\"", THEMES[campaign.theme]);
        let start = campaign.period.map(|(from, length)| {
            let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Days::new(u64::from(from));
            let _ = writeln!(
                out,
                "start = {}\nend = {}",
                date(start, 0),
                date(start, length)
            );
            start
        });
        if let Some(lead) = &campaign.lead {
            let _ = writeln!(out, "lead = {}", text(lead));
        }
        let tasks: Vec<Item> = campaign
            .tasks
            .iter()
            .enumerate()
            .map(|(k, task)| task_item(task, k, start))
            .collect();
        let indicators: Vec<Item> = campaign
            .indicators
            .iter()
            .enumerate()
            .map(|(k, indicator)| indicator_item(indicator, k))
            .collect();
        if layout.inline_items {
            write_inline_items(&mut out, "indicator", &indicators, layout);
            write_inline_items(&mut out, "task", &tasks, layout);
        } else {
            for item in &indicators {
                write_section_item(&mut out, "campaign.indicator", item, layout, &mut comments);
            }
            for item in &tasks {
                write_section_item(&mut out, "campaign.task", item, layout, &mut comments);
            }
        }
    }
    let _ = writeln!(out, "\n{}", comments.next("end"));
    if layout.crlf {
        out = out.replace('\n', "\r\n");
    }
    if layout.bom {
        out.insert(0, '\u{FEFF}');
    }
    out
}

// ---------------------------------------------------------------------------
// Edits.

/// What to do to which item; resolved against the generated plan.
#[derive(Clone, Debug)]
struct GenEdit {
    campaign: usize,
    item: usize,
    figure: GenFigure,
    note: Option<String>,
    /// Days from 2023-01-01.
    record: Option<u16>,
}

#[derive(Clone, Debug)]
enum GenFigure {
    None,
    /// A new figure of the right kind: done for a task, value for an indicator.
    Set(Num, usize),
    /// A task's done plus this many hundredths, never below zero.
    Add(i32),
    /// A figure of the wrong kind: refused.
    WrongKind,
    /// Not a number or not a class: refused.
    Garbage(String),
}

fn gen_edit() -> impl Strategy<Value = GenEdit> {
    let figure = prop_oneof![
        1 => Just(GenFigure::None),
        4 => (num(), 0usize..6).prop_map(|(n, c)| GenFigure::Set(n, c)),
        3 => (-50_000i32..50_000).prop_map(GenFigure::Add),
        1 => Just(GenFigure::WrongKind),
        1 => words().prop_map(GenFigure::Garbage),
    ];
    (
        any::<usize>(),
        any::<usize>(),
        figure,
        prop::option::of(words()),
        prop::option::of(0u16..1000),
    )
        .prop_map(|(campaign, item, figure, note, record)| GenEdit {
            campaign,
            item,
            figure,
            note,
            record,
        })
}

/// The request, and whether it must be written (true) or refused (false);
/// `current` is the plan as the file holds it now (after earlier edits).
fn request(
    plan: &GenPlan,
    wanted: &GenEdit,
    current: &campaigns::model::Plan,
) -> Option<(Edit, bool)> {
    let c = wanted.campaign % plan.campaigns.len();
    let campaign = &plan.campaigns[c];
    let count = campaign.tasks.len() + campaign.indicators.len();
    if count == 0 {
        return None;
    }
    let k = wanted.item % count;
    let task = campaign.tasks.get(k);
    let indicator = k
        .checked_sub(campaign.tasks.len())
        .map(|i| (i, &campaign.indicators[i]));
    let item = match (task, indicator) {
        (Some(_), _) => format!("t{k}"),
        (None, Some((i, _))) => format!("i{i}"),
        (None, None) => return None,
    };
    let (change, valid) = match (&wanted.figure, task, indicator) {
        (GenFigure::None, ..) => (None, true),
        (GenFigure::Set(n, _), Some(_), _) => (Some(Change::SetDone(n.value())), true),
        (GenFigure::Set(n, c), None, Some((_, indicator))) => match indicator.level {
            GenLevel::Number { .. } => (Some(Change::SetValue(n.literal())), true),
            GenLevel::Class { .. } => (Some(Change::SetValue(CLASSES[*c].to_owned())), true),
        },
        (GenFigure::Add(h), Some(_), _) => {
            let done = current.campaigns[c].tasks[k].done;
            let delta = f64::from(*h) / 100.0;
            let delta = if done + delta < 0.0 { -done } else { delta };
            (Some(Change::AddDone(delta)), true)
        }
        (GenFigure::Add(_) | GenFigure::WrongKind, None, _) => (Some(Change::AddDone(1.0)), false),
        (GenFigure::WrongKind, Some(_), _) => (Some(Change::SetValue("1".into())), false),
        (GenFigure::Garbage(text), Some(_), _) => (Some(Change::SetValue(text.clone())), false),
        (GenFigure::Garbage(text), None, Some((_, indicator))) => {
            let text = text.trim();
            let accepted = match indicator.level {
                GenLevel::Number { .. } => text.parse::<f64>().is_ok_and(f64::is_finite),
                GenLevel::Class { .. } => campaigns::model::WaterClass::parse(text).is_some(),
            };
            (Some(Change::SetValue(text.to_owned())), accepted)
        }
        (GenFigure::Set(..) | GenFigure::Garbage(_), None, None) => return None,
    };
    let record = wanted
        .record
        .map(|days| history_start() + Days::new(u64::from(days)));
    let edit = Edit {
        campaign: format!("c{c}"),
        item,
        change,
        note: wanted.note.clone(),
        record,
    };
    // Nothing asked is refused.
    let valid = valid && (edit.change.is_some() || edit.note.is_some() || edit.record.is_some());
    Some((edit, valid))
}

// ---------------------------------------------------------------------------
// Properties.

fn assert_valid(source: &str) -> Result<(), TestCaseError> {
    let loaded = load::parse(source, edit_oracle::options());
    let errors: Vec<String> = loaded
        .errors()
        .map(|e| e.headline(source, "generated"))
        .collect();
    prop_assert!(errors.is_empty(), "{errors:#?}\n{source}");
    prop_assert!(loaded.plan.is_some());
    Ok(())
}

/// The shipped file with its comments marked `#~` for the oracle.
fn shipped_with_marked_comments() -> String {
    include_str!("../campaigns.toml")
        .lines()
        .map(|line| match line.strip_prefix('#') {
            Some(rest) => format!("#~{rest}\n"),
            None => format!("{line}\n"),
        })
        .collect()
}

/// A small change to a text: bytes deleted, a fragment inserted, a line
/// dropped or repeated.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, fragment: usize },
    DropLine(usize),
    RepeatLine(usize),
}

const FRAGMENTS: &[&str] = &[
    "=",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    ",",
    "#",
    "\n",
    "\r\n",
    "-",
    "0",
    "1e400",
    "nan",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{0}",
    "[[campaign.task]]\n",
    "done = -1\n",
    "history = [",
    "total = 0\n",
    "id = \"x\"\n",
    "note = \"n\"\n",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 0..FRAGMENTS.len())
            .prop_map(|(at, fragment)| Mutation::Insert { at, fragment }),
        any::<usize>().prop_map(Mutation::DropLine),
        any::<usize>().prop_map(Mutation::RepeatLine),
    ]
}

fn mutate(text: &str, mutation: &Mutation) -> String {
    let floor = |mut at: usize| {
        at %= text.len() + 1;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match mutation {
        Mutation::Delete { at, len } => {
            let start = floor(*at);
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            format!("{}{}", &text[..start], &text[end..])
        }
        Mutation::Insert { at, fragment } => {
            let at = floor(*at);
            format!("{}{}{}", &text[..at], FRAGMENTS[*fragment], &text[at..])
        }
        Mutation::DropLine(line) | Mutation::RepeatLine(line) => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            let index = line % lines.len();
            if matches!(mutation, Mutation::DropLine(_)) {
                lines.remove(index);
            } else {
                lines.insert(index, lines[index]);
            }
            lines.concat()
        }
    }
}

/// Edits of the shipped file's items, by id.
const SHIPPED_TARGETS: &[(&str, &str)] = &[
    ("blue-sky", "pm25"),
    ("blue-sky", "key-tasks"),
    ("clear-water", "han-river"),
    ("clear-water", "yangtze-outfalls"),
];

/// Runs the real `campaigns set` for `request`: its exit code.
fn set_through_the_binary(path: &std::path::Path, request: &Edit) -> (i32, String) {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("campaigns"));
    command
        .arg("set")
        .arg(path)
        .arg(format!("{}/{}", request.campaign, request.item));
    match &request.change {
        Some(Change::SetDone(n)) => command.arg(format!("--done={n}")),
        Some(Change::AddDone(n)) => command.arg(format!("--add={n}")),
        Some(Change::SetValue(text)) => command.arg(format!("--value={text}")),
        None => &mut command,
    };
    if let Some(note) = &request.note {
        command.arg(format!("--note={note}"));
    }
    if let Some(date) = request.record {
        command.arg("--record").arg(format!("--as-of={date}"));
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        ..ProptestConfig::default()
    })]

    /// The same round trip through the real binary: `set` exits 0 exactly
    /// when the library writes, the oracle holds, and `check` then passes.
    #[test]
    fn set_and_check_through_the_binary(plan in plan(), wanted in gen_edit()) {
        let before = toml(&plan);
        let current = load::parse(&before, edit_oracle::options()).plan.unwrap();
        let Some((mut request, must_write)) = request(&plan, &wanted, &current) else {
            return Ok(());
        };
        // A command line cannot carry NUL.
        request.note = request.note.map(|note| note.replace('\0', ""));
        if let Some(Change::SetValue(text)) = &mut request.change {
            *text = text.replace('\0', "");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("campaigns.toml");
        std::fs::write(&path, &before).unwrap();
        let (code, stderr) = set_through_the_binary(&path, &request);
        let after = std::fs::read_to_string(&path).unwrap();
        prop_assert!(code == 0 || code == 1, "exit {code}: {stderr}");
        if code == 0 {
            // What the library would have answered: written.
            let written = edit_oracle::written(&before, &after, &request);
            prop_assert!(written.is_ok(), "{:?}\n{request:?}", written);
        } else {
            prop_assert_eq!(&after, &before, "refused, yet changed: {}", stderr);
        }
        // A refusal the generator did not expect may only be a value that
        // lost its NUL and became acceptable; nothing else.
        if must_write {
            prop_assert_eq!(code, 0, "{}", stderr);
        }
        let check = std::process::Command::new(assert_cmd::cargo::cargo_bin("campaigns"))
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        prop_assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        ..ProptestConfig::default()
    })]

    /// The shipped file with a few mutations, then an edit: a file with
    /// errors is refused untouched; a valid one is edited as asked.
    #[test]
    fn edits_of_a_mutated_shipped_file(
        mutations in prop::collection::vec(mutation(), 1..4),
        target in 0..SHIPPED_TARGETS.len(),
        note in prop::option::of(words()),
        add in -5i32..50,
    ) {
        let mut before = shipped_with_marked_comments();
        for mutation in &mutations {
            before = mutate(&before, mutation);
        }
        let (campaign, item) = SHIPPED_TARGETS[target];
        let change = if item == "han-river" {
            Change::SetValue("III".into())
        } else if item == "pm25" {
            Change::SetValue(format!("{}.5", 20 + add))
        } else {
            Change::AddDone(f64::from(add))
        };
        let request = Edit {
            campaign: campaign.into(),
            item: item.into(),
            change: Some(change),
            note,
            record: Some(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()),
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("campaigns.toml");
        std::fs::write(&path, &before).unwrap();
        let outcome = edit::apply(&path, &request, edit_oracle::options());
        let after = std::fs::read_to_string(&path).unwrap();
        if let Err(problem) = edit_oracle::check(&before, &after, &request, &outcome) {
            return Err(TestCaseError::fail(format!("{problem}\nrequest {request:?}\nmutations {mutations:?}")));
        }
        let valid_before = load::parse(&before, edit_oracle::options()).plan.is_some();
        if !valid_before {
            prop_assert!(outcome.is_err(), "an invalid file was written");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: CASES,
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    /// Every generated plan is valid, its figures are as written, and its
    /// texts come out of the loader without a control character.
    #[test]
    fn generated_plans_are_valid(plan in plan()) {
        let source = toml(&plan);
        assert_valid(&source)?;
        let loaded = load::parse(&source, edit_oracle::options()).plan.unwrap();
        prop_assert_eq!(loaded.campaigns.len(), plan.campaigns.len());
        for (campaign, generated) in loaded.campaigns.iter().zip(&plan.campaigns) {
            prop_assert_eq!(campaign.tasks.len(), generated.tasks.len());
            for (task, generated_task) in campaign.tasks.iter().zip(&generated.tasks) {
                prop_assert_eq!(task.done, generated_task.done.value());
                for text in [Some(&task.name), task.note.as_ref(), task.unit.as_ref()].into_iter().flatten() {
                    for lang in [campaigns::model::Lang::Zh, campaigns::model::Lang::En] {
                        let shown = text.get(lang);
                        prop_assert!(
                            !shown.chars().any(|c| campaigns::text::is_unsafe(c) && c != '\n'),
                            "{shown:?}"
                        );
                    }
                }
            }
        }
    }

    /// Any edit of a generated plan: written as asked with nothing else
    /// changed, or refused with the bytes left alone.
    #[test]
    fn edits_change_only_their_item(plan in plan(), edits in prop::collection::vec(gen_edit(), 1..4)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("campaigns.toml");
        let mut before = toml(&plan);
        std::fs::write(&path, &before).unwrap();
        for wanted in &edits {
            let current = load::parse(&before, edit_oracle::options()).plan.unwrap();
            let Some((request, must_write)) = request(&plan, wanted, &current) else { continue };
            let outcome = edit::apply(&path, &request, edit_oracle::options());
            let after = std::fs::read_to_string(&path).unwrap();
            if let Err(problem) = edit_oracle::check(&before, &after, &request, &outcome) {
                return Err(TestCaseError::fail(format!(
                    "{problem}\nrequest {request:?}\noutcome {outcome:?}\nbefore:\n{before}\nafter:\n{after}"
                )));
            }
            prop_assert_eq!(
                outcome.is_ok(),
                must_write,
                "request {:?}: {:?}\n{}",
                request,
                outcome.as_ref().err().map(ToString::to_string),
                before
            );
            if outcome.is_ok() {
                assert_valid(&after)?;
            }
            before = after;
        }
    }
}
