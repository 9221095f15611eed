use std::collections::BTreeSet;

use super::*;

/// The schema's tables and the loader's key lists cannot drift apart:
/// every key the loader takes is described, and nothing else is.
#[test]
fn schema_keys_match_the_loader_keys() {
    let schema = schema();
    for (table, loader_keys) in tables() {
        let described: BTreeSet<&str> = table.keys.iter().map(|key| key.name).collect();
        let loader: BTreeSet<&str> = loader_keys.iter().copied().collect();
        assert_eq!(described, loader, "table `{}`", table.def);
        let node = if table.def.is_empty() {
            &schema
        } else {
            &schema["$defs"][table.def]
        };
        let properties: BTreeSet<&str> = node["properties"]
            .as_object()
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(properties, loader, "schema properties of `{}`", table.def);
        assert_eq!(node["additionalProperties"], json!(false));
        for required in table.required {
            assert!(loader.contains(required), "{required} in {}", table.def);
        }
    }
}

#[test]
fn every_property_has_a_type() {
    let schema = schema();
    for (table, _) in tables() {
        let node = if table.def.is_empty() {
            &schema
        } else {
            &schema["$defs"][table.def]
        };
        for (name, property) in node["properties"].as_object().into_iter().flatten() {
            let typed = ["type", "$ref", "enum"]
                .iter()
                .any(|k| property.get(k).is_some());
            assert!(typed, "`{name}` in `{}` has no type", table.def);
        }
    }
}
