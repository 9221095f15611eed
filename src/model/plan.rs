//! The plan as the file describes it, after validation.

use chrono::NaiveDate;

use super::{Assumed, Closed, ItemPath, Notice, Qualifiers, Text, WaterClass};

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub meta: Meta,
    pub campaigns: Vec<Campaign>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub title: Text,
    pub organisation: Option<Text>,
    /// The reporting date written in the file; `load::Options` resolves it.
    pub as_of: Option<NaiveDate>,
    pub source: Option<Text>,
    pub at_risk_margin: f64,
    /// How many days after the reporting date count as "due soon" (临期),
    /// as the file states it (`None`: not stated). Read it through
    /// `due_soon_window`, the one rule of precedence.
    pub due_soon_days: Option<u32>,
    /// The steps of 销号 in order (`close_stages`); a task's `stage` is one.
    pub close_stages: Vec<String>,
}

pub const DEFAULT_AT_RISK_MARGIN: f64 = 0.10;

/// `[meta] due_soon_days` when it is left out: a month, the meetings' rhythm.
pub const DEFAULT_DUE_SOON_DAYS: u32 = 30;

impl Meta {
    /// The days after the reporting date that count as due soon. The file's
    /// `due_soon_days` is the bureau's meeting rhythm, shared by everyone who
    /// opens it, so it wins; `configured` (the reader's config) stands in for
    /// files that do not state it; else a month.
    pub fn due_soon_window(&self, configured: Option<u32>) -> u32 {
        self.due_soon_days
            .or(configured)
            .unwrap_or(DEFAULT_DUE_SOON_DAYS)
    }
}

/// The largest `weight` a task may have: far beyond any real share, small
/// enough that a campaign's sum of weights stays finite.
pub const MAX_WEIGHT: f64 = 1e6;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Theme {
    Air,
    Water,
    Soil,
    Other,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Air, Theme::Water, Theme::Soil, Theme::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Air => "air",
            Theme::Water => "water",
            Theme::Soil => "soil",
            Theme::Other => "other",
        }
    }

    pub fn parse(word: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.as_str() == word)
    }
}

/// Where an item starts in the file, so the editor can be opened there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourceLine(pub usize);

#[derive(Clone, Debug, PartialEq)]
pub struct Campaign {
    pub id: String,
    pub name: Text,
    pub theme: Theme,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub lead: Option<Text>,
    pub summary: Option<Text>,
    pub assumed: Assumed,
    pub indicators: Vec<Indicator>,
    pub tasks: Vec<Task>,
    pub line: SourceLine,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub id: String,
    pub name: Text,
    pub done: f64,
    /// How `done` reads when it is not exact (`approx`).
    pub qualifiers: Qualifiers,
    pub total: Option<f64>,
    pub unit: Option<Text>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub weight: f64,
    pub lead: Option<Text>,
    pub note: Option<Text>,
    pub history: Vec<TaskPoint>,
    /// Last year's item this task continues (`follows = "campaign/item"`).
    pub follows: Option<ItemPath>,
    /// Items of this file whose `done` should add up to this one's
    /// (`parts = ["campaign/item", ...]`); empty when not written.
    pub parts: Vec<ItemPath>,
    pub assumed: Assumed,
    pub line: SourceLine,
    /// 销号: how much of what is done is formally closed.
    pub closed: Option<Closed>,
    /// Which of `[meta] close_stages` the task's closing has reached.
    pub stage: Option<String>,
    /// 督办 notices sent about the task, oldest first.
    pub notices: Vec<Notice>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaskPoint {
    pub date: NaiveDate,
    pub done: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

impl Better {
    pub fn as_str(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }

    /// The comparison a reader sees beside the target: ≥ or ≤.
    pub fn comparison(self, ascii: bool) -> &'static str {
        match (self, ascii) {
            (Better::Higher, false) => "≥",
            (Better::Higher, true) => ">=",
            (Better::Lower, false) => "≤",
            (Better::Lower, true) => "<=",
        }
    }
}

/// An indicator's level: a number, or a class on the water-quality scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Level {
    Number(f64),
    WaterClass(WaterClass),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Number,
    WaterClass,
}

impl Scale {
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Number => "number",
            Scale::WaterClass => "water-class",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    pub unit: Option<Text>,
    pub scale: Scale,
    pub value: Level,
    /// How `value` reads when it is not exact (`approx`).
    pub qualifiers: Qualifiers,
    pub target: Option<Level>,
    /// Present for numeric targets; water classes are always better when lower.
    pub better: Option<Better>,
    pub lead: Option<Text>,
    pub note: Option<Text>,
    pub history: Vec<IndicatorPoint>,
    /// Indicators of this file, in the same unit, whose values should add
    /// up to this one's (`parts = [...]`); empty when not written.
    pub parts: Vec<ItemPath>,
    pub assumed: Assumed,
    pub line: SourceLine,
    /// 督办 notices sent about the indicator, oldest first.
    pub notices: Vec<Notice>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndicatorPoint {
    pub date: NaiveDate,
    pub value: Level,
}

impl Plan {
    pub fn campaign(&self, id: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|campaign| campaign.id == id)
    }
}

impl Campaign {
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|task| task.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|indicator| indicator.id == id)
    }
}
