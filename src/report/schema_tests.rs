use std::collections::BTreeSet;

use super::*;

fn node<'s>(schema: &'s Value, table: &Table) -> &'s Value {
    if table.def.is_empty() {
        schema
    } else {
        &schema["$defs"][table.def]
    }
}

/// The schema and the format's declaration cannot drift apart: each table
/// has exactly the declared keys, closed to others, with the declared
/// required ones.
#[test]
fn schema_properties_are_the_declared_keys() {
    let schema = schema();
    for table in format::TABLES {
        let declared: BTreeSet<&str> = table.names().collect();
        let node = node(&schema, table);
        let properties: BTreeSet<&str> = node["properties"]
            .as_object()
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(properties, declared, "schema properties of `{}`", table.def);
        assert_eq!(node["additionalProperties"], json!(false));
        let required: Vec<&str> = table.required().collect();
        assert_eq!(node["required"], json!(required), "{}", table.def);
        for required in table.required() {
            assert!(declared.contains(required), "{required} in {}", table.def);
        }
    }
}

#[test]
fn every_property_has_a_type() {
    let schema = schema();
    for table in format::TABLES {
        for (name, property) in node(&schema, table)["properties"]
            .as_object()
            .into_iter()
            .flatten()
        {
            let typed = ["type", "$ref", "enum"]
                .iter()
                .any(|k| property.get(k).is_some());
            assert!(typed, "`{name}` in `{}` has no type", table.def);
        }
    }
}

/// `assumed` lists exactly the keys the format lets each table mark.
#[test]
fn assumed_names_are_the_markable_keys() {
    let schema = schema();
    for table in format::TABLES {
        let Some(assumed) = node(&schema, table)["properties"].get("assumed") else {
            assert_eq!(table.markable().count(), 0, "{}", table.def);
            continue;
        };
        let markable: Vec<&str> = table.markable().map(|field| field.as_str()).collect();
        assert_eq!(assumed["items"]["enum"], json!(markable), "{}", table.def);
    }
}
