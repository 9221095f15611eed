//! Every table of `campaigns.toml` and each of its keys: the data the
//! loader, the hints, the JSON Schema and the README check read.

use super::{Key, Kind, Need, QualifierWord, Table};
use crate::model::Field;

use Need::{Optional, Required};

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
pub const APPROX: &[QualifierWord] = &[QualifierWord {
    word: "more-than",
    at_least: true,
}];
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
        key("approx", Kind::Qualifier(APPROX), Optional, APPROX_ABOUT),
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
        key("approx", Kind::Qualifier(APPROX), Optional, APPROX_ABOUT),
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
