//! Finding a campaign's task or indicator in the parsed file, with the byte
//! spans the edit needs (toml_edit keeps them when it parses).

use std::ops::Range;

use toml_edit::{InlineTable, Item, Table, Value};

use super::EditError;
use crate::load::did_you_mean;
use crate::text::sanitize_line;

/// A table of the file, written either as a `[header]` section or inline
/// as `{ ... }`.
#[derive(Clone, Copy)]
pub enum Node<'d> {
    Section(&'d Table),
    Inline(&'d InlineTable),
}

/// One key = value of a table, with where its key and value are.
pub struct Entry<'d> {
    pub key_span: Range<usize>,
    pub value: &'d Value,
}

impl<'d> Node<'d> {
    pub fn of(item: &'d Item) -> Option<Node<'d>> {
        match item {
            Item::Table(table) => Some(Node::Section(table)),
            Item::Value(Value::InlineTable(table)) => Some(Node::Inline(table)),
            _ => None,
        }
    }

    pub fn get(self, key: &str) -> Option<&'d Item> {
        match self {
            Node::Section(table) => table.get(key),
            Node::Inline(table) => table.get_key_value(key).map(|(_, item)| item),
        }
    }

    pub fn value(self, key: &str) -> Option<&'d Value> {
        self.get(key).and_then(Item::as_value)
    }

    pub fn str(self, key: &str) -> Option<&'d str> {
        self.value(key).and_then(Value::as_str)
    }

    /// The key = value pair written last in the table (dotted keys included;
    /// sub-sections excluded), where a new key goes after.
    pub fn last_entry(self) -> Option<Entry<'d>> {
        let values = match self {
            Node::Section(table) => table.get_values(),
            Node::Inline(table) => table.get_values(),
        };
        values
            .into_iter()
            .filter_map(|(keys, value)| {
                let key_span = keys.first()?.span()?;
                value.span()?;
                Some(Entry { key_span, value })
            })
            .max_by_key(|entry| entry.value.span().map_or(0, |span| span.end))
    }

    /// For a section, its `[header]`; for an inline table, the braces.
    pub fn span(self) -> Option<Range<usize>> {
        match self {
            Node::Section(table) => table.span(),
            Node::Inline(table) => table.span(),
        }
    }
}

/// The tables of an array of tables, written as `[[x]]` sections or as an
/// inline array of `{ ... }`.
pub fn tables(item: &Item) -> Vec<Node<'_>> {
    match item {
        Item::ArrayOfTables(array) => array.iter().map(Node::Section).collect(),
        Item::Value(Value::Array(array)) => array
            .iter()
            .filter_map(|value| value.as_inline_table().map(Node::Inline))
            .collect(),
        _ => Vec::new(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Task,
    Indicator,
}

impl Kind {
    pub fn described(self) -> &'static str {
        match self {
            Kind::Task => "a task",
            Kind::Indicator => "an indicator",
        }
    }
}

pub struct Located<'d> {
    pub kind: Kind,
    pub node: Node<'d>,
}

/// The task or indicator `item` of campaign `campaign`: tasks and indicators
/// share one id namespace per campaign.
pub fn find<'d>(root: &'d Table, campaign: &str, item: &str) -> Result<Located<'d>, EditError> {
    let campaigns = root.get("campaign").map(tables).unwrap_or_default();
    let Some(found) = campaigns
        .iter()
        .find(|node| node.str("id") == Some(campaign))
    else {
        let ids: Vec<&str> = campaigns.iter().filter_map(|node| node.str("id")).collect();
        return Err(unknown_campaign(campaign, &ids));
    };
    let mut ids = Vec::new();
    for (key, kind) in [("task", Kind::Task), ("indicator", Kind::Indicator)] {
        for node in found.get(key).map(tables).unwrap_or_default() {
            match node.str("id") {
                Some(id) if id == item => return Ok(Located { kind, node }),
                Some(id) => ids.push(id),
                None => {}
            }
        }
    }
    Err(EditError::UnknownItem {
        campaign: sanitize_line(campaign),
        item: sanitize_line(item),
        suggestion: did_you_mean(item, &ids).map(str::to_owned),
    })
}

/// No campaign `campaign` among those of `ids`, with the closest one.
pub fn unknown_campaign(campaign: &str, ids: &[&str]) -> EditError {
    EditError::UnknownCampaign {
        campaign: sanitize_line(campaign),
        suggestion: did_you_mean(campaign, ids).map(str::to_owned),
    }
}

/// The task or indicator `item` in a text that holds its section alone:
/// `[[campaign.task]]` makes `campaign` a plain table there.
pub fn find_alone<'d>(root: &'d Table, item: &str) -> Option<Located<'d>> {
    let campaign = root.get("campaign")?.as_table()?;
    [("task", Kind::Task), ("indicator", Kind::Indicator)]
        .into_iter()
        .flat_map(|(key, kind)| {
            let nodes = campaign.get(key).map(tables).unwrap_or_default();
            nodes.into_iter().map(move |node| (kind, node))
        })
        .find(|(_, node)| node.str("id") == Some(item))
        .map(|(kind, node)| Located { kind, node })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"
[[campaign]]
id = "blue-sky"
indicator = [ { id = "pm25", value = 31.0 } ]
[[campaign.task]]
id = "coal-boilers"
done = 3

[[campaign]]
id = "clear-water"
[[campaign.task]]
id = "yangtze-outfalls"
done = 110
"#;

    fn root() -> toml_edit::Document<&'static str> {
        toml_edit::Document::parse(PLAN).unwrap()
    }

    #[test]
    fn finds_tasks_and_inline_indicators() {
        let doc = root();
        let task = find(doc.as_table(), "clear-water", "yangtze-outfalls")
            .ok()
            .unwrap();
        assert_eq!(task.kind, Kind::Task);
        let done = task.node.value("done").unwrap();
        assert_eq!(&PLAN[done.span().unwrap()], "110");
        let pm25 = find(doc.as_table(), "blue-sky", "pm25").ok().unwrap();
        assert_eq!(pm25.kind, Kind::Indicator);
        assert!(matches!(pm25.node, Node::Inline(_)));
    }

    #[test]
    fn unknown_ids_suggest_the_closest() {
        let doc = root();
        match find(doc.as_table(), "clear-watre", "x") {
            Err(EditError::UnknownCampaign { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("clear-water"));
            }
            _ => panic!("expected an unknown campaign"),
        }
        match find(doc.as_table(), "blue-sky", "coal-boiler") {
            Err(EditError::UnknownItem { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("coal-boilers"));
            }
            _ => panic!("expected an unknown item"),
        }
        match find(doc.as_table(), "blue-sky", "zzz") {
            Err(EditError::UnknownItem { suggestion, .. }) => assert_eq!(suggestion, None),
            _ => panic!("expected an unknown item"),
        }
    }

    #[test]
    fn last_entry_is_the_last_written() {
        let doc = root();
        let task = find(doc.as_table(), "blue-sky", "coal-boilers")
            .ok()
            .unwrap();
        let last = task.node.last_entry().unwrap();
        assert_eq!(&PLAN[last.key_span], "done");
    }
}
