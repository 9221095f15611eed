//! The printed JSON Schema checked against real files, read the way taplo
//! reads them (a TOML date becomes its `YYYY-MM-DD` string): valid plans
//! pass; unknown keys and wrong types fail, as they do in the loader.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn schema() -> jsonschema::Validator {
    let output = crate::binary::assert_command()
        .arg("schema")
        .output()
        .unwrap();
    assert!(output.status.success());
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid 2020-12 schema")
}

/// TOML as JSON, dates as strings, the way taplo hands it to the validator.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, to_json(value)))
                .collect(),
        ),
    }
}

fn parse(text: &str) -> Value {
    let table: toml::Table = text.parse().expect("test input is TOML");
    to_json(toml::Value::Table(table))
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// Whether the loader accepts `text` (no errors; warnings are fine).
fn loader_accepts(text: &str) -> bool {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let options = campaigns::load::Options {
        as_of: Some(date),
        today: date,
    };
    campaigns::load::parse(text, options).plan.is_some()
}

/// Every plan the project ships or tests as valid.
fn valid_files() -> Vec<PathBuf> {
    let mut files = vec![];
    let shipped = Path::new("campaigns.toml");
    if shipped.exists() {
        files.push(shipped.to_owned());
    }
    for dir in ["tests/fixtures/valid", "tests/fixtures/report"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if path.extension().is_some_and(|e| e == "toml") && loader_accepts(&text) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn valid_plans_validate() {
    let validator = schema();
    let files = valid_files();
    assert!(files.len() >= 3, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let errors = errors(&validator, &parse(&text));
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

const BASE: &str = r#"
[meta]
title = { zh = "计划", en = "Plan" }
as_of = 2024-12-31
at_risk_margin = 0.1

[[campaign]]
id = "work"
name = "Work"
theme = "water"
start = 2024-01-01
end = 2024-12-31

[[campaign.indicator]]
id = "pm25"
name = "PM2.5"
value = 31
target = 35
better = "lower"
history = [ { date = 2023-12-31, value = 33.0 } ]

[[campaign.indicator]]
id = "river"
name = "River"
scale = "water-class"
value = "Ⅱ"
target = "III"
history = [ { date = 2023-12-31, value = "劣V" } ]

[[campaign.task]]
id = "outfalls"
name = "Outfalls"
done = 110
total = 113
unit = { zh = "个", en = "outfalls" }
due = 2025-06-30
weight = 2
history = [ { date = 2024-06-30, done = 80 } ]
"#;

#[test]
fn the_base_plan_is_valid_for_both() {
    assert!(loader_accepts(BASE));
    let errors = errors(&schema(), &parse(BASE));
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Each change makes the plan invalid, for the loader and the schema alike.
const BROKEN: &[(&str, &str, &str)] = &[
    // unknown keys, at every level
    (
        "unknown key in meta",
        "at_risk_margin = 0.1",
        "at_risk_margin = 0.1\ncolour = \"red\"",
    ),
    (
        "unknown key in a task",
        "weight = 2",
        "weight = 2\ntotl = 3",
    ),
    (
        "unknown key in a campaign",
        "theme = \"water\"",
        "theme = \"water\"\nowner = \"x\"",
    ),
    (
        "unknown key in an indicator",
        "better = \"lower\"",
        "better = \"lower\"\nbest = 1",
    ),
    (
        "unknown key in a history point",
        "done = 80 }",
        "done = 80, note = \"x\" }",
    ),
    ("unknown top-level key", "[meta]", "version = 1\n[meta]"),
    // wrong types
    ("done as a string", "done = 110", "done = \"110\""),
    (
        "title as a number",
        "title = { zh = \"计划\", en = \"Plan\" }",
        "title = 5",
    ),
    (
        "translation not a string",
        "en = \"outfalls\" }",
        "en = 3 }",
    ),
    ("date as a number", "due = 2025-06-30", "due = 20250630"),
    ("theme not a theme", "theme = \"water\"", "theme = \"sea\""),
    (
        "id not kebab-case",
        "id = \"outfalls\"",
        "id = \"Outfalls 1\"",
    ),
    ("negative done", "done = 110", "done = -1"),
    ("zero total", "total = 113", "total = 0"),
    (
        "margin above 1",
        "at_risk_margin = 0.1",
        "at_risk_margin = 2",
    ),
    ("class without a scale", "value = 31", "value = \"II\""),
    ("number on the class scale", "value = \"Ⅱ\"", "value = 2"),
    ("not a water class", "target = \"III\"", "target = \"good\""),
    ("numeric target without better", "better = \"lower\"\n", ""),
    (
        "history not an array",
        "history = [ { date = 2024-06-30, done = 80 } ]",
        "history = { date = 2024-06-30, done = 80 }",
    ),
    ("missing required done", "done = 110\n", ""),
    (
        "approx not a word of the format",
        "weight = 2",
        "weight = 2\napprox = \"about\"",
    ),
    (
        "approx on a water class",
        "target = \"III\"",
        "target = \"III\"\napprox = \"more-than\"",
    ),
];

#[test]
fn unknown_keys_and_wrong_types_are_rejected_by_both() {
    let validator = schema();
    for (what, from, to) in BROKEN {
        assert!(
            BASE.contains(from),
            "{what}: `{from}` is not in the base plan"
        );
        let text = BASE.replacen(from, to, 1);
        assert!(!loader_accepts(&text), "{what}: the loader accepts it");
        let errors = errors(&validator, &parse(&text));
        assert!(!errors.is_empty(), "{what}: the schema accepts it");
    }
}

#[test]
fn a_date_written_as_a_string_passes_the_schema_but_not_the_loader() {
    // taplo turns TOML dates into strings before validating, so the schema
    // cannot tell `due = 2025-06-30` from `due = "2025-06-30"`; the loader
    // (and `campaigns check`) can. A string that is not a date fails both.
    let validator = schema();
    let quoted = BASE.replacen("due = 2025-06-30", "due = \"2025-06-30\"", 1);
    assert!(!loader_accepts(&quoted));
    assert!(errors(&validator, &parse(&quoted)).is_empty());
    let nonsense = BASE.replacen("due = 2025-06-30", "due = \"next June\"", 1);
    assert!(!loader_accepts(&nonsense));
    assert!(!errors(&validator, &parse(&nonsense)).is_empty());
}

#[test]
fn invalid_fixtures_about_keys_and_types_are_rejected() {
    let validator = schema();
    // The rules that compare values (duplicate ids, date order, history
    // order) are beyond a schema; these are about keys, types and words.
    for name in [
        "unknown-key",
        "wrong-type",
        "bad-id",
        "bad-water-class",
        "water-class-without-scale",
        "target-without-better",
        "missing-field",
        "missing-meta",
        "negative-done",
        "zero-total",
        "date-with-time",
        "approx-word",
    ] {
        let path = format!("tests/fixtures/invalid/{name}.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!loader_accepts(&text), "{path}: the loader accepts it");
        let errors = errors(&validator, &parse(&text));
        assert!(!errors.is_empty(), "{path}: the schema accepts it");
    }
}

#[test]
fn water_class_pattern_agrees_with_the_loader() {
    let output = crate::binary::assert_command()
        .arg("schema")
        .output()
        .unwrap();
    let schema: Value = serde_json::from_slice(&output.stdout).unwrap();
    let class = serde_json::json!({ "$defs": schema["$defs"], "$ref": "#/$defs/water-class" });
    let validator = jsonschema::draft202012::new(&class).unwrap();
    let alphabet = ["I", "V", "i", "v", "X", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "1"];
    let mut candidates = vec![String::new()];
    for _ in 0..3 {
        let longer: Vec<String> = candidates
            .iter()
            .flat_map(|prefix| alphabet.iter().map(move |c| format!("{prefix}{c}")))
            .collect();
        candidates.extend(longer);
    }
    candidates.sort();
    candidates.dedup();
    let mut checked = 0;
    for numeral in &candidates {
        for text in [
            numeral.clone(),
            format!(" {numeral} "),
            format!("劣{numeral}"),
            format!("劣 {numeral}"),
        ] {
            let loader = campaigns::model::WaterClass::parse(&text).is_some();
            let schema = validator.is_valid(&Value::String(text.clone()));
            assert_eq!(schema, loader, "{text:?}");
            checked += 1;
        }
    }
    assert!(checked > 5000, "{checked}");
}
