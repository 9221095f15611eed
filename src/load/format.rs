//! The file's format, declared once: every table of `campaigns.toml`, each
//! of its keys with what it holds, whether it is required, which field of
//! the model `assumed` may name by it, and a line saying what it is.
//!
//! The loader's unknown-key errors and "did you mean" hints, its
//! missing-field errors and the names `assumed` accepts are read from here;
//! so are the JSON Schema (`campaigns schema`) and the docs check of the
//! README's tables (`format_tests.rs`). A new key is one row here, plus the
//! reader of its value. This is a data table: it may grow past 450 lines.

use crate::model::Field;

use Need::{Optional, Required};

/// What a key holds, as far as the file's types go (the rules between
/// values, such as done within total, are the readers').
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string, or a table of translations `{ zh = "...", en = "..." }`.
    Text,
    /// A bare TOML date, `2024-12-31`.
    Date,
    /// `[a-z0-9-]+`.
    Id,
    /// `campaign/item`: two ids.
    ItemPath,
    /// A list of distinct `campaign/item` paths (`parts`).
    ItemPaths,
    NonNegative,
    Positive,
    /// A task's weight: above 0, at most `MAX_WEIGHT`.
    Weight,
    /// A share between 0 and 1.
    Share,
    /// One of these words.
    Words(&'static [&'static str]),
    /// A number, or a water class on the `water-class` scale.
    Level,
    /// A table of the format, named by its `def`.
    Table(&'static str),
    /// An array of tables of the format, named by their `def`.
    Tables(&'static str),
    /// `assumed`: names of this table's keys that carry a `marks`.
    Assumed,
    /// 销号: a count within `done`, or the day a task of one was closed.
    Closed,
    /// A list of distinct plain strings (`close_stages`).
    Stages,
    /// One of `[meta] close_stages`, a plain string.
    Stage,
}

/// Whether a table must write a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
    /// Required when the condition holds (a reader checks it): the
    /// README's "required" column reads this text.
    When(&'static str),
}

/// One key of a table.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub need: Need,
    /// The field `assumed = ["name"]` marks, when this key may be marked.
    pub marks: Option<Field>,
    /// What the key is, in a line of English (the schema's description).
    pub about: &'static str,
}

/// One kind of table of the file.
#[derive(Debug)]
pub struct Table {
    /// Its name in the schema's `$defs` (empty for the file itself).
    pub def: &'static str,
    /// How a message names it: `[[campaign.task]]`, "the file".
    pub what: &'static str,
    pub about: &'static str,
    pub keys: &'static [Key],
}

impl Table {
    pub fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|key| key.name == name)
    }

    /// Its keys' names, in the file's order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys.iter().map(|key| key.name)
    }

    /// The fields `assumed` may name here, in the file's order.
    pub fn markable(&self) -> impl Iterator<Item = Field> + '_ {
        self.keys.iter().filter_map(|key| key.marks)
    }

    pub fn required(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys
            .iter()
            .filter(|key| key.need == Need::Required)
            .map(|key| key.name)
    }
}

const fn key(name: &'static str, kind: Kind, need: Need, about: &'static str) -> Key {
    Key {
        name,
        kind,
        need,
        marks: None,
        about,
    }
}

/// A key that `assumed` may name, marking `field`.
const fn marked(
    name: &'static str,
    kind: Kind,
    need: Need,
    field: Field,
    about: &'static str,
) -> Key {
    Key {
        name,
        kind,
        need,
        marks: Some(field),
        about,
    }
}

pub const THEMES: &[&str] = &["air", "water", "soil", "other"];
pub const DIRECTIONS: &[&str] = &["higher", "lower"];
pub const SCALES: &[&str] = &["number", "water-class"];
pub const APPROX: &[&str] = &["more-than"];
const APPROX_ABOUT: &str =
    "\"more-than\" when the source gives a lower bound (90余): shown 90+ (en), 90余 (zh).";

const PARTS_ABOUT: &str = "Items of this file whose figures add up to this one's, [\"campaign/item\", ...] (29 cases = 20 decisions + 9 minor): a sum that differs is a warning.";

const NOTICES_ABOUT: &str = "督办 notices sent about the item, oldest first.";

const ASSUMED: &str = "Which of this table's fields are not from the source (an assumption, an illustrative or estimated value); each is shown with a * marker.";

pub static ROOT: Table = Table {
    def: "",
    what: "the file",
    about: "A plan of pollution-control campaigns (campaigns.toml).",
    keys: &[
        key(
            "meta",
            Kind::Table("meta"),
            Required,
            "The plan's title, organisation and reporting date.",
        ),
        key(
            "campaign",
            Kind::Tables("campaign"),
            Optional,
            "The campaigns, each a [[campaign]] table.",
        ),
    ],
};

pub static META: Table = Table {
    def: "meta",
    what: "[meta]",
    about: "The plan's title, organisation and reporting date.",
    keys: &[
        key("title", Kind::Text, Required, "The plan's title."),
        key(
            "organisation",
            Kind::Text,
            Optional,
            "The organisation that runs the campaigns.",
        ),
        key(
            "as_of",
            Kind::Date,
            Optional,
            "Reporting date: statuses are computed at it (absent: today; --as-of overrides).",
        ),
        key(
            "source",
            Kind::Text,
            Optional,
            "Where the figures come from.",
        ),
        key(
            "at_risk_margin",
            Kind::Share,
            Optional,
            "How far behind schedule a task may be and still be at-risk rather than behind (default 0.10).",
        ),
        key(
            "due_soon_days",
            Kind::NonNegative,
            Optional,
            "Items not done and due within this many days of as_of are due soon (临期; default 30).",
        ),
        key(
            "close_stages",
            Kind::Stages,
            Optional,
            "The steps of 销号 (closing an item) in order; a task's `stage` names one.",
        ),
    ],
};

pub static CAMPAIGN: Table = Table {
    def: "campaign",
    what: "[[campaign]]",
    about: "A campaign: its tasks and indicators.",
    keys: &[
        key(
            "id",
            Kind::Id,
            Required,
            "Unique in the file; a-z, 0-9 and -.",
        ),
        key("name", Kind::Text, Required, "The campaign's name."),
        key(
            "theme",
            Kind::Words(THEMES),
            Optional,
            "air, water, soil or other: colour and symbol only.",
        ),
        marked(
            "start",
            Kind::Date,
            Optional,
            Field::Start,
            "When the campaign starts; its tasks' default start.",
        ),
        marked(
            "end",
            Kind::Date,
            Optional,
            Field::End,
            "When the campaign ends; its tasks' default due date.",
        ),
        key("lead", Kind::Text, Optional, "The responsible unit."),
        key("summary", Kind::Text, Optional, "A short description."),
        key("assumed", Kind::Assumed, Optional, ASSUMED),
        key(
            "indicator",
            Kind::Tables("indicator"),
            Optional,
            "Measured levels against targets.",
        ),
        key("task", Kind::Tables("task"), Optional, "Countable work."),
    ],
};

pub static TASK: Table = Table {
    def: "task",
    what: "[[campaign.task]]",
    about: "Countable work: done of total.",
    keys: &[
        key(
            "id",
            Kind::Id,
            Required,
            "Unique in the campaign; a-z, 0-9 and -.",
        ),
        key("name", Kind::Text, Required, "The task's name."),
        marked(
            "done",
            Kind::NonNegative,
            Required,
            Field::Done,
            "How many are done.",
        ),
        marked(
            "total",
            Kind::Positive,
            Optional,
            Field::Total,
            "How many there are to do; without it the task is a plain count.",
        ),
        key(
            "unit",
            Kind::Text,
            Optional,
            "What is counted, e.g. { zh = \"个\", en = \"outfalls\" }.",
        ),
        marked(
            "start",
            Kind::Date,
            Optional,
            Field::Start,
            "When the task starts (default: the campaign's start).",
        ),
        marked(
            "due",
            Kind::Date,
            Optional,
            Field::Due,
            "When the task is due (default: the campaign's end).",
        ),
        marked(
            "weight",
            Kind::Weight,
            Optional,
            Field::Weight,
            "Weight in the campaign's progress: above 0, at most 1000000 (default 1).",
        ),
        key("lead", Kind::Text, Optional, "The responsible unit."),
        key("note", Kind::Text, Optional, "A note."),
        marked(
            "history",
            Kind::Tables("task-point"),
            Optional,
            Field::History,
            "Earlier figures, oldest first.",
        ),
        key("assumed", Kind::Assumed, Optional, ASSUMED),
        key("approx", Kind::Words(APPROX), Optional, APPROX_ABOUT),
        key(
            "follows",
            Kind::ItemPath,
            Optional,
            "Last year's item this task continues, \"campaign/item\": the year-on-year comparison pairs them.",
        ),
        key("parts", Kind::ItemPaths, Optional, PARTS_ABOUT),
        key(
            "closed",
            Kind::Closed,
            Optional,
            "销号: how many of those done are formally closed (at most `done`), or on a task of one (`total = 1`) the date it was closed.",
        ),
        key(
            "stage",
            Kind::Stage,
            Optional,
            "Which of [meta] close_stages the task's closing has reached.",
        ),
        key("notices", Kind::Tables("notice"), Optional, NOTICES_ABOUT),
    ],
};

pub static INDICATOR: Table = Table {
    def: "indicator",
    what: "[[campaign.indicator]]",
    about: "A measured level against a target.",
    keys: &[
        key(
            "id",
            Kind::Id,
            Required,
            "Unique in the campaign; a-z, 0-9 and -.",
        ),
        key("name", Kind::Text, Required, "The indicator's name."),
        key("unit", Kind::Text, Optional, "The unit, e.g. μg/m³."),
        marked(
            "value",
            Kind::Level,
            Required,
            Field::Value,
            "The measured level: a number, or a water class such as \"II\".",
        ),
        marked(
            "target",
            Kind::Level,
            Optional,
            Field::Target,
            "The target level.",
        ),
        key(
            "better",
            Kind::Words(DIRECTIONS),
            Need::When("with a numeric target"),
            "Which way is better: higher or lower (required with a numeric target).",
        ),
        key(
            "scale",
            Kind::Words(SCALES),
            Optional,
            "\"water-class\" for surface-water classes I … V, 劣V; absent for a number.",
        ),
        key("lead", Kind::Text, Optional, "The responsible unit."),
        key("note", Kind::Text, Optional, "A note."),
        marked(
            "history",
            Kind::Tables("indicator-point"),
            Optional,
            Field::History,
            "Earlier levels, oldest first.",
        ),
        key("assumed", Kind::Assumed, Optional, ASSUMED),
        key("approx", Kind::Words(APPROX), Optional, APPROX_ABOUT),
        key("notices", Kind::Tables("notice"), Optional, NOTICES_ABOUT),
        key("parts", Kind::ItemPaths, Optional, PARTS_ABOUT),
    ],
};

pub static TASK_POINT: Table = Table {
    def: "task-point",
    what: "a history point",
    about: "A task's figure at a date.",
    keys: &[
        key("date", Kind::Date, Required, "The date of the figure."),
        key(
            "done",
            Kind::NonNegative,
            Required,
            "How many were done by then.",
        ),
    ],
};

pub static INDICATOR_POINT: Table = Table {
    def: "indicator-point",
    what: "a history point",
    about: "An indicator's level at a date.",
    keys: &[
        key("date", Kind::Date, Required, "The date of the level."),
        key("value", Kind::Level, Required, "The level then."),
    ],
};

pub static NOTICE: Table = Table {
    def: "notice",
    what: "a notice",
    about: "A 督办 notice: a formal follow-up sent about an item.",
    keys: &[
        key("date", Kind::Date, Required, "The day the notice was sent."),
        key(
            "ref",
            Kind::Text,
            Optional,
            "Its reference number, e.g. 潜环督〔2024〕12号.",
        ),
        key("note", Kind::Text, Optional, "What it asks for."),
    ],
};

/// Every table of the format, the file itself first.
pub static TABLES: [&Table; 8] = [
    &ROOT,
    &META,
    &CAMPAIGN,
    &TASK,
    &INDICATOR,
    &TASK_POINT,
    &INDICATOR_POINT,
    &NOTICE,
];

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
