//! Arbitrary valid plans, written in every layout the format allows, for
//! the property tests (`tests/it/props_roundtrip.rs`,
//! `tests/it/reread_differential.rs`).

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// The generated plan.

#[derive(Clone, Debug)]
pub enum GenText {
    Plain(String),
    Translated(Vec<(&'static str, String)>),
}

#[derive(Clone, Copy, Debug)]
pub enum Num {
    Int(u32),
    /// Hundredths, written as a float.
    Float(u32),
}

impl Num {
    pub fn literal(self) -> String {
        match self {
            Num::Int(n) => n.to_string(),
            Num::Float(h) => format!("{}.{:02}", h / 100, h % 100),
        }
    }

    pub fn value(self) -> f64 {
        match self {
            Num::Int(n) => f64::from(n),
            Num::Float(h) => f64::from(h) / 100.0,
        }
    }
}

#[derive(Clone, Debug)]
pub struct GenTask {
    pub name: GenText,
    pub done: Num,
    /// Added to `done` when the total is there (so a total is never 0).
    pub total: Option<u32>,
    pub unit: Option<GenText>,
    /// Days from the campaign's start.
    pub window: Option<(u16, u16)>,
    pub note: Option<GenText>,
    /// Strictly increasing day offsets from 2023-01-01, and figures.
    pub history: Vec<(u16, Num)>,
}

#[derive(Clone, Debug)]
pub enum GenLevel {
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
pub struct GenIndicator {
    pub name: GenText,
    pub level: GenLevel,
    pub unit: Option<GenText>,
    pub note: Option<GenText>,
    pub history: Vec<(u16, Num, usize)>,
}

#[derive(Clone, Debug)]
pub struct GenCampaign {
    pub name: GenText,
    pub theme: usize,
    /// Start as days from 2024-01-01, and length.
    pub period: Option<(u16, u16)>,
    pub lead: Option<GenText>,
    pub tasks: Vec<GenTask>,
    pub indicators: Vec<GenIndicator>,
}

/// How the plan is laid out in the file.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Items as `task = [ { ... } ]` inline tables instead of sections.
    pub inline_items: bool,
    /// 0: `history = [ ... ]` on one line; 1: one point per line; 2:
    /// `[[campaign.task.history]]` sections (only with item sections).
    pub history: u8,
    pub crlf: bool,
    pub bom: bool,
    /// Trailing `#~` comments on value lines.
    pub trailing_comments: bool,
}

#[derive(Clone, Debug)]
pub struct GenPlan {
    pub title: GenText,
    pub organisation: Option<GenText>,
    pub campaigns: Vec<GenCampaign>,
    pub layout: Layout,
}

// ---------------------------------------------------------------------------
// Strategies.

/// Pieces of names: ordinary words in both languages, and what a copy from
/// a chat or a document brings along.
pub const PIECES: &[&str] = &[
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

pub fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..5).prop_map(|pieces| pieces.concat())
}

pub fn gen_text() -> impl Strategy<Value = GenText> {
    prop_oneof![
        words().prop_map(GenText::Plain),
        (words(), words()).prop_map(|(zh, en)| GenText::Translated(vec![("zh", zh), ("en", en)])),
        words().prop_map(|zh| GenText::Translated(vec![("zh", zh)])),
        (words(), words()).prop_map(|(en, fr)| GenText::Translated(vec![("en", en), ("fr", fr)])),
    ]
}

pub fn num() -> impl Strategy<Value = Num> {
    prop_oneof![
        (0u32..500).prop_map(Num::Int),
        (0u32..50_000).prop_map(Num::Float)
    ]
}

/// A history: strictly increasing dates, each with a figure.
pub fn history<T: std::fmt::Debug + Clone>(
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

pub fn task() -> impl Strategy<Value = GenTask> {
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

pub fn level() -> impl Strategy<Value = GenLevel> {
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

pub fn indicator() -> impl Strategy<Value = GenIndicator> {
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

pub fn campaign() -> impl Strategy<Value = GenCampaign> {
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

pub fn layout() -> impl Strategy<Value = Layout> {
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

pub fn plan() -> impl Strategy<Value = GenPlan> {
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
pub fn string(text: &str) -> String {
    let literal_ok = text.chars().all(|c| c == '\t' || !c.is_control()) && !text.contains('\'');
    if literal_ok && text.len().is_multiple_of(2) {
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

pub fn text(text: &GenText) -> String {
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

pub fn date(from: NaiveDate, days: u16) -> String {
    (from + Days::new(u64::from(days)))
        .format("%Y-%m-%d")
        .to_string()
}

pub const THEMES: [&str; 4] = ["air", "water", "soil", "other"];
pub const CLASSES: [&str; 6] = ["I", "II", "III", "IV", "V", "劣V"];
pub const UNICODE_CLASSES: [&str; 6] = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"];

pub fn class(index: usize, unicode: bool) -> String {
    string(if unicode {
        UNICODE_CLASSES[index]
    } else {
        CLASSES[index]
    })
}

pub fn history_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()
}

/// An item's key/value lines and its history points (each point as its
/// own key/value lines).
pub struct Item {
    pub fields: Vec<(String, String)>,
    pub history: Vec<Vec<(String, String)>>,
}

pub fn task_item(task: &GenTask, k: usize, campaign_start: Option<NaiveDate>) -> Item {
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

pub fn indicator_item(indicator: &GenIndicator, k: usize) -> Item {
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

pub fn inline_table(fields: &[(String, String)]) -> String {
    let entries: Vec<String> = fields.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("{{ {} }}", entries.join(", "))
}

/// A counter that makes every `#~` comment different, so a comment moved
/// to another place is noticed too.
pub struct Comments(usize);

impl Comments {
    pub fn next(&mut self, what: &str) -> String {
        self.0 += 1;
        format!("#~ {what} {} 注释", self.0)
    }
}

pub fn inline_history(points: &[Vec<(String, String)>], layout: Layout) -> String {
    let tables: Vec<String> = points.iter().map(|p| inline_table(p)).collect();
    if layout.history == 1 && !tables.is_empty() {
        format!("[\n  {},\n]", tables.join(",\n  "))
    } else {
        format!("[{}]", tables.join(", "))
    }
}

pub fn write_section_item(
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

pub fn write_inline_items(out: &mut String, key: &str, items: &[Item], layout: Layout) {
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

pub fn toml(plan: &GenPlan) -> String {
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
