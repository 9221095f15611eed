//! `campaigns schema`: a JSON Schema (draft 2020-12) of `campaigns.toml`,
//! for editors (taplo's `#:schema` line gives completion and checking while
//! typing). The loader is hand-written; both read the file's tables from
//! the one declaration of the format (`load::format`), and this gives each
//! kind of value its JSON type.
//!
//! TOML dates are written `{"type": "string", "format": "date"}`: taplo hands
//! a TOML date to the validator as its `YYYY-MM-DD` string.

use serde_json::{Map, Value, json};

use crate::load::format::{self, Kind, Table};
use crate::model::MAX_WEIGHT;

/// Water classes exactly as `WaterClass::parse` reads them: I … V in ASCII
/// (any case), or in Unicode numerals (Ⅱ, or ⅠⅠ spelled out), and 劣V.
const WATER_CLASS_PATTERN: &str = concat!(
    r"^\s*(?:",
    r"[Ii]{1,3}|[Ii][Vv]|[Vv]",
    r"|Ⅰ{1,3}|ⅠⅡ|ⅡⅠ|Ⅱ|Ⅲ|ⅠⅤ|Ⅳ|Ⅴ",
    r"|劣\s*(?:[Vv]|Ⅴ)",
    r")\s*$"
);

fn kind_schema(kind: Kind, table: &Table) -> Value {
    match kind {
        Kind::Text => json!({ "$ref": "#/$defs/text" }),
        Kind::Date => json!({ "type": "string", "format": "date" }),
        Kind::Id => json!({ "type": "string", "pattern": "^[a-z0-9-]+$" }),
        Kind::ItemPath => json!({ "type": "string", "pattern": "^[a-z0-9-]+/[a-z0-9-]+$" }),
        Kind::ItemPaths => json!({
            "type": "array",
            "uniqueItems": true,
            "items": { "type": "string", "pattern": "^[a-z0-9-]+/[a-z0-9-]+$" }
        }),
        Kind::NonNegative => json!({ "type": "number", "minimum": 0 }),
        Kind::Positive => json!({ "type": "number", "exclusiveMinimum": 0 }),
        Kind::Weight => json!({ "type": "number", "exclusiveMinimum": 0, "maximum": MAX_WEIGHT }),
        Kind::Share => json!({ "type": "number", "minimum": 0, "maximum": 1 }),
        Kind::Words(words) => json!({ "enum": words }),
        Kind::Qualifier(words) => {
            let words: Vec<&str> = words.iter().map(|w| w.word).collect();
            json!({ "enum": words })
        }
        Kind::Level => json!({ "$ref": "#/$defs/level" }),
        Kind::Table(def) => json!({ "$ref": format!("#/$defs/{def}") }),
        Kind::Tables(def) => json!({
            "type": "array",
            "items": { "$ref": format!("#/$defs/{def}") }
        }),
        Kind::Closed => json!({
            "type": ["number", "string"],
            "anyOf": [
                { "type": "number", "minimum": 0 },
                { "type": "string", "format": "date" }
            ]
        }),
        Kind::Stages => {
            json!({ "type": "array", "uniqueItems": true, "items": { "type": "string" } })
        }
        Kind::Stage => json!({ "type": "string" }),
        Kind::Assumed => json!({
            "type": "array",
            "uniqueItems": true,
            "items": { "enum": table.markable().map(|field| field.as_str()).collect::<Vec<_>>() }
        }),
    }
}

fn table_schema(table: &Table) -> Map<String, Value> {
    let mut properties = Map::new();
    for key in table.keys {
        let mut schema = kind_schema(key.kind, table);
        if let Some(object) = schema.as_object_mut() {
            object.insert("description".into(), key.about.into());
        }
        properties.insert(key.name.to_owned(), schema);
    }
    let mut schema = Map::new();
    schema.insert("description".into(), table.about.into());
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(properties));
    schema.insert(
        "required".into(),
        json!(table.required().collect::<Vec<_>>()),
    );
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
    for table in format::TABLES {
        let mut schema = table_schema(table);
        if table.def == format::INDICATOR.def {
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

/// On the water-class scale levels are classes (and no qualifier such as
/// `approx` is written); otherwise they are numbers and a target needs `better`.
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
    let mut classes = levels(json!({ "$ref": "#/$defs/water-class" }));
    // A class is a class: never "more than" one.
    if let Some(properties) = classes["properties"].as_object_mut() {
        for key in format::INDICATOR.qualifiers() {
            properties.insert(key.name.into(), false.into());
        }
    }
    rules.insert("then".into(), classes);
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
