//! The keys each table of the file may hold: the format's vocabulary, shared
//! by the loader (unknown-key errors) and the JSON Schema.

pub const ROOT_KEYS: &[&str] = &["meta", "campaign"];
pub const META_KEYS: &[&str] = &["title", "organisation", "as_of", "source", "at_risk_margin"];
pub const CAMPAIGN_KEYS: &[&str] = &[
    "id",
    "name",
    "theme",
    "start",
    "end",
    "lead",
    "summary",
    "assumed",
    "indicator",
    "task",
];
pub const TASK_KEYS: &[&str] = &[
    "id", "name", "done", "total", "unit", "start", "due", "weight", "lead", "note", "history",
    "assumed",
];
pub const INDICATOR_KEYS: &[&str] = &[
    "id", "name", "unit", "value", "target", "better", "scale", "lead", "note", "history",
    "assumed",
];
pub const TASK_POINT_KEYS: &[&str] = &["date", "done"];
pub const INDICATOR_POINT_KEYS: &[&str] = &["date", "value"];
