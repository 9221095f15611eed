//! `campaigns schema`: a JSON Schema (draft 2020-12) of `campaigns.toml`,
//! for editors (taplo's `#:schema` line gives completion and checking while
//! typing). The loader is hand-written, so the schema is built from the same
//! key lists (`load::keys`) plus a type for each key; a test keeps the two
//! in step.
//!
//! TOML dates are written `{"type": "string", "format": "date"}`: taplo hands
//! a TOML date to the validator as its `YYYY-MM-DD` string.

use serde_json::{Map, Value, json};

use crate::load::keys;
use crate::model::{Field, MAX_WEIGHT};

/// What a key holds.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// A string, or a table of translations `{ zh = "...", en = "..." }`.
    Text,
    Date,
    Id,
    NonNegative,
    Positive,
    /// A task's weight: above 0, at most `MAX_WEIGHT`.
    Weight,
    /// A share between 0 and 1.
    Share,
    Theme,
    Better,
    Scale,
    /// A number, or a water class on the `water-class` scale.
    Level,
    /// A table described in `$defs`.
    Table(&'static str),
    /// An array of tables described in `$defs`.
    Tables(&'static str),
    /// `assumed`: the fields of this table that are not from the source.
    Assumed(&'static [Field]),
}

struct Key {
    name: &'static str,
    kind: Kind,
    description: &'static str,
}

const fn key(name: &'static str, kind: Kind, description: &'static str) -> Key {
    Key {
        name,
        kind,
        description,
    }
}

/// A table of the file: its `$defs` name, keys and required keys.
struct Table {
    def: &'static str,
    description: &'static str,
    keys: &'static [Key],
    required: &'static [&'static str],
}

const ROOT: Table = Table {
    def: "",
    description: "A plan of pollution-control campaigns (campaigns.toml).",
    keys: &[
        key(
            "meta",
            Kind::Table("meta"),
            "The plan's title, organisation and reporting date.",
        ),
        key(
            "campaign",
            Kind::Tables("campaign"),
            "The campaigns, each a [[campaign]] table.",
        ),
    ],
    required: &["meta"],
};

const META: Table = Table {
    def: "meta",
    description: "The plan's title, organisation and reporting date.",
    keys: &[
        key("title", Kind::Text, "The plan's title."),
        key(
            "organisation",
            Kind::Text,
            "The organisation that runs the campaigns.",
        ),
        key(
            "as_of",
            Kind::Date,
            "Reporting date: statuses are computed at it (absent: today; --as-of overrides).",
        ),
        key("source", Kind::Text, "Where the figures come from."),
        key(
            "at_risk_margin",
            Kind::Share,
            "How far behind schedule a task may be and still be at-risk rather than behind (default 0.10).",
        ),
    ],
    required: &["title"],
};

const ASSUMED: &str = "Which of this table's fields are not from the source (an assumption, an illustrative or estimated value); each is shown with a * marker.";

const CAMPAIGN: Table = Table {
    def: "campaign",
    description: "A campaign: its tasks and indicators.",
    keys: &[
        key("id", Kind::Id, "Unique in the file; a-z, 0-9 and -."),
        key("name", Kind::Text, "The campaign's name."),
        key(
            "theme",
            Kind::Theme,
            "air, water, soil or other: colour and symbol only.",
        ),
        key(
            "start",
            Kind::Date,
            "When the campaign starts; its tasks' default start.",
        ),
        key(
            "end",
            Kind::Date,
            "When the campaign ends; its tasks' default due date.",
        ),
        key("lead", Kind::Text, "The responsible unit."),
        key("summary", Kind::Text, "A short description."),
        key("assumed", Kind::Assumed(Field::CAMPAIGN), ASSUMED),
        key(
            "indicator",
            Kind::Tables("indicator"),
            "Measured levels against targets.",
        ),
        key("task", Kind::Tables("task"), "Countable work."),
    ],
    required: &["id", "name"],
};

const TASK: Table = Table {
    def: "task",
    description: "Countable work: done of total.",
    keys: &[
        key("id", Kind::Id, "Unique in the campaign; a-z, 0-9 and -."),
        key("name", Kind::Text, "The task's name."),
        key("done", Kind::NonNegative, "How many are done."),
        key(
            "total",
            Kind::Positive,
            "How many there are to do; without it the task is a plain count.",
        ),
        key(
            "unit",
            Kind::Text,
            "What is counted, e.g. { zh = \"个\", en = \"outfalls\" }.",
        ),
        key(
            "start",
            Kind::Date,
            "When the task starts (default: the campaign's start).",
        ),
        key(
            "due",
            Kind::Date,
            "When the task is due (default: the campaign's end).",
        ),
        key(
            "weight",
            Kind::Weight,
            "Weight in the campaign's progress: above 0, at most 1000000 (default 1).",
        ),
        key("lead", Kind::Text, "The responsible unit."),
        key("note", Kind::Text, "A note."),
        key(
            "history",
            Kind::Tables("task-point"),
            "Earlier figures, oldest first.",
        ),
        key("assumed", Kind::Assumed(Field::TASK), ASSUMED),
    ],
    required: &["id", "name", "done"],
};

const INDICATOR: Table = Table {
    def: "indicator",
    description: "A measured level against a target.",
    keys: &[
        key("id", Kind::Id, "Unique in the campaign; a-z, 0-9 and -."),
        key("name", Kind::Text, "The indicator's name."),
        key("unit", Kind::Text, "The unit, e.g. μg/m³."),
        key(
            "value",
            Kind::Level,
            "The measured level: a number, or a water class such as \"II\".",
        ),
        key("target", Kind::Level, "The target level."),
        key(
            "better",
            Kind::Better,
            "Which way is better: higher or lower (required with a numeric target).",
        ),
        key(
            "scale",
            Kind::Scale,
            "\"water-class\" for surface-water classes I … V, 劣V; absent for a number.",
        ),
        key("lead", Kind::Text, "The responsible unit."),
        key("note", Kind::Text, "A note."),
        key(
            "history",
            Kind::Tables("indicator-point"),
            "Earlier levels, oldest first.",
        ),
        key("assumed", Kind::Assumed(Field::INDICATOR), ASSUMED),
    ],
    required: &["id", "name", "value"],
};

const TASK_POINT: Table = Table {
    def: "task-point",
    description: "A task's figure at a date.",
    keys: &[
        key("date", Kind::Date, "The date of the figure."),
        key("done", Kind::NonNegative, "How many were done by then."),
    ],
    required: &["date", "done"],
};

const INDICATOR_POINT: Table = Table {
    def: "indicator-point",
    description: "An indicator's level at a date.",
    keys: &[
        key("date", Kind::Date, "The date of the level."),
        key("value", Kind::Level, "The level then."),
    ],
    required: &["date", "value"],
};

/// Every table of the format with the key list the loader accepts for it.
fn tables() -> [(&'static Table, &'static [&'static str]); 7] {
    [
        (&ROOT, keys::ROOT_KEYS),
        (&META, keys::META_KEYS),
        (&CAMPAIGN, keys::CAMPAIGN_KEYS),
        (&TASK, keys::TASK_KEYS),
        (&INDICATOR, keys::INDICATOR_KEYS),
        (&TASK_POINT, keys::TASK_POINT_KEYS),
        (&INDICATOR_POINT, keys::INDICATOR_POINT_KEYS),
    ]
}

/// Water classes exactly as `WaterClass::parse` reads them: I … V in ASCII
/// (any case), or in Unicode numerals (Ⅱ, or ⅠⅠ spelled out), and 劣V.
const WATER_CLASS_PATTERN: &str = concat!(
    r"^\s*(?:",
    r"[Ii]{1,3}|[Ii][Vv]|[Vv]",
    r"|Ⅰ{1,3}|ⅠⅡ|ⅡⅠ|Ⅱ|Ⅲ|ⅠⅤ|Ⅳ|Ⅴ",
    r"|劣\s*(?:[Vv]|Ⅴ)",
    r")\s*$"
);

fn kind_schema(kind: Kind) -> Value {
    match kind {
        Kind::Text => json!({ "$ref": "#/$defs/text" }),
        Kind::Date => json!({ "type": "string", "format": "date" }),
        Kind::Id => json!({ "type": "string", "pattern": "^[a-z0-9-]+$" }),
        Kind::NonNegative => json!({ "type": "number", "minimum": 0 }),
        Kind::Positive => json!({ "type": "number", "exclusiveMinimum": 0 }),
        Kind::Weight => json!({ "type": "number", "exclusiveMinimum": 0, "maximum": MAX_WEIGHT }),
        Kind::Share => json!({ "type": "number", "minimum": 0, "maximum": 1 }),
        Kind::Theme => json!({ "enum": ["air", "water", "soil", "other"] }),
        Kind::Better => json!({ "enum": ["higher", "lower"] }),
        Kind::Scale => json!({ "enum": ["number", "water-class"] }),
        Kind::Level => json!({ "$ref": "#/$defs/level" }),
        Kind::Table(def) => json!({ "$ref": format!("#/$defs/{def}") }),
        Kind::Tables(def) => json!({
            "type": "array",
            "items": { "$ref": format!("#/$defs/{def}") }
        }),
        Kind::Assumed(fields) => json!({
            "type": "array",
            "uniqueItems": true,
            "items": { "enum": fields.iter().map(|field| field.as_str()).collect::<Vec<_>>() }
        }),
    }
}

fn table_schema(table: &Table, keys: &[&str]) -> Map<String, Value> {
    let mut properties = Map::new();
    // The loader's key list decides which keys exist; the description gives
    // each its type. A key without one is allowed with any value (and the
    // unit test fails).
    for name in keys {
        let schema = match table.keys.iter().find(|key| key.name == *name) {
            Some(key) => {
                let mut schema = kind_schema(key.kind);
                if let Some(object) = schema.as_object_mut() {
                    object.insert("description".into(), key.description.into());
                }
                schema
            }
            None => json!({}),
        };
        properties.insert((*name).to_owned(), schema);
    }
    let mut schema = Map::new();
    schema.insert("description".into(), table.description.into());
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(properties));
    schema.insert("required".into(), json!(table.required));
    schema.insert("additionalProperties".into(), false.into());
    schema
}

/// The JSON Schema of the file format.
pub fn schema() -> Value {
    let mut defs = Map::new();
    defs.insert(
        "text".into(),
        json!({
            "description": "A plain string, or a table of translations such as { zh = \"蓝天保卫战\", en = \"Blue Sky\" }.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": { "type": "string" }
                }
            ]
        }),
    );
    defs.insert(
        "water-class".into(),
        json!({
            "description": "A surface-water class: I, II, III, IV, V or 劣V (or Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ).",
            "type": "string",
            "pattern": WATER_CLASS_PATTERN
        }),
    );
    defs.insert(
        "level".into(),
        json!({
            "anyOf": [ { "type": "number" }, { "$ref": "#/$defs/water-class" } ]
        }),
    );
    let mut root = Map::new();
    for (table, keys) in tables() {
        let mut schema = table_schema(table, keys);
        if table.def == INDICATOR.def {
            schema.extend(indicator_scale_rules());
        }
        if table.def.is_empty() {
            root = schema;
        } else {
            defs.insert(table.def.into(), Value::Object(schema));
        }
    }
    let mut out = Map::new();
    out.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    out.insert("title".into(), "campaigns.toml".into());
    out.extend(root);
    out.insert("$defs".into(), Value::Object(defs));
    Value::Object(out)
}

/// On the water-class scale levels are classes; otherwise they are numbers
/// and a target needs `better`.
fn indicator_scale_rules() -> Map<String, Value> {
    let levels = |level: Value| {
        json!({
            "properties": {
                "value": level,
                "target": level,
                "history": { "items": { "properties": { "value": level } } }
            }
        })
    };
    let mut otherwise = levels(json!({ "type": "number" }));
    if let Some(object) = otherwise.as_object_mut() {
        object.insert("dependentRequired".into(), json!({ "target": ["better"] }));
    }
    let mut rules = Map::new();
    rules.insert(
        "if".into(),
        json!({
            "properties": { "scale": { "const": "water-class" } },
            "required": ["scale"]
        }),
    );
    rules.insert(
        "then".into(),
        levels(json!({ "$ref": "#/$defs/water-class" })),
    );
    rules.insert("else".into(), otherwise);
    rules
}

/// The schema, pretty-printed, ending with a line break.
pub fn render() -> String {
    let mut out = serde_json::to_string_pretty(&schema()).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

#[cfg(test)]
#[path = "schema_tests.rs"]
mod tests;
