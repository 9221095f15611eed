//! The declaration and what follows from it agree: the loader reads every
//! declared key and no other, reports each required one missing, accepts
//! in `assumed` exactly the keys that mark a field, and takes exactly the
//! declared words; the README's format tables list the same keys.

use super::*;
use crate::load::{Loaded, Options, parse};
use crate::model::Theme;

/// A document of the format written as one nested value, so any key of
/// any table can be set or left out the same way.
struct Node {
    table: &'static Table,
    entries: Vec<(&'static str, Entry)>,
}

enum Entry {
    Raw(String),
    Tables(Vec<Node>),
    Table(Box<Node>),
}

fn raw(text: &str) -> Entry {
    Entry::Raw(text.to_owned())
}

/// The smallest plan that holds every table of the format.
fn base() -> Node {
    let node = |table, entries| Node { table, entries };
    let task_point = node(
        &TASK_POINT,
        vec![("date", raw("2024-01-01")), ("done", raw("1"))],
    );
    let indicator_point = node(
        &INDICATOR_POINT,
        vec![("date", raw("2024-01-01")), ("value", raw("1"))],
    );
    let notice = || node(&NOTICE, vec![("date", raw("2024-01-01"))]);
    let task = node(
        &TASK,
        vec![
            ("id", raw("\"t\"")),
            ("name", raw("\"t\"")),
            ("done", raw("1")),
            ("history", Entry::Tables(vec![task_point])),
            ("notices", Entry::Tables(vec![notice()])),
        ],
    );
    let indicator = node(
        &INDICATOR,
        vec![
            ("id", raw("\"i\"")),
            ("name", raw("\"i\"")),
            ("value", raw("1")),
            ("history", Entry::Tables(vec![indicator_point])),
            ("notices", Entry::Tables(vec![notice()])),
        ],
    );
    let campaign = node(
        &CAMPAIGN,
        vec![
            ("id", raw("\"c\"")),
            ("name", raw("\"c\"")),
            ("indicator", Entry::Tables(vec![indicator])),
            ("task", Entry::Tables(vec![task])),
        ],
    );
    let meta = node(&META, vec![("title", raw("\"t\""))]);
    node(
        &ROOT,
        vec![
            ("meta", Entry::Table(Box::new(meta))),
            ("campaign", Entry::Tables(vec![campaign])),
        ],
    )
}

impl Node {
    /// Sets (or, with `None`, removes) `key` in every table of the kind `table`.
    fn with(mut self, table: &Table, key: &'static str, value: Option<&str>) -> Node {
        if self.table.def == table.def && self.table.what == table.what {
            self.entries.retain(|(name, _)| *name != key);
            if let Some(value) = value {
                self.entries.push((key, raw(value)));
            }
            return self;
        }
        self.entries = self
            .entries
            .into_iter()
            .map(|(name, entry)| {
                let entry = match entry {
                    Entry::Table(node) => Entry::Table(Box::new(node.with(table, key, value))),
                    Entry::Tables(nodes) => Entry::Tables(
                        nodes
                            .into_iter()
                            .map(|node| node.with(table, key, value))
                            .collect(),
                    ),
                    raw => raw,
                };
                (name, entry)
            })
            .collect();
        self
    }

    fn inline(&self) -> String {
        let entries: Vec<String> = self
            .entries
            .iter()
            .map(|(name, entry)| format!("{name} = {}", entry.inline()))
            .collect();
        format!("{{ {} }}", entries.join(", "))
    }

    /// The file: the root's keys one a line, every table inside inline.
    fn text(&self) -> String {
        self.entries
            .iter()
            .map(|(name, entry)| format!("{name} = {}\n", entry.inline()))
            .collect()
    }
}

impl Entry {
    fn inline(&self) -> String {
        match self {
            Entry::Raw(text) => text.clone(),
            Entry::Table(node) => node.inline(),
            Entry::Tables(nodes) => {
                let nodes: Vec<String> = nodes.iter().map(Node::inline).collect();
                format!("[ {} ]", nodes.join(", "))
            }
        }
    }
}

fn load(text: &str) -> Loaded {
    let today = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
    parse(text, Options { as_of: None, today })
}

/// Whether some error of `loaded` stands where `value` is written in `text`.
fn error_at(loaded: &Loaded, text: &str, value: &str) -> bool {
    let at = text.find(value).expect("the value is in the text");
    loaded.errors().any(|error| error.span.start == at)
}

#[test]
fn the_base_plan_is_valid() {
    let text = base().text();
    let loaded = load(&text);
    assert!(loaded.plan.is_some(), "{text}\n{:#?}", loaded.diagnostics);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
}

/// A key that is declared but never read would take any value: a value of
/// the wrong type must be an error at that value, for every declared key.
#[test]
fn the_loader_reads_every_declared_key() {
    let mut checked = 0;
    for table in TABLES {
        for key in table.keys {
            let wrong = match key.kind {
                Kind::NonNegative
                | Kind::Positive
                | Kind::Weight
                | Kind::Share
                | Kind::Level
                | Kind::Closed => "\"wrong-type\"",
                _ => "123456789",
            };
            let text = base().with(table, key.name, Some(wrong)).text();
            let loaded = load(&text);
            assert!(
                error_at(&loaded, &text, wrong),
                "`{}` in {}: {text}\n{:#?}",
                key.name,
                table.what,
                loaded.diagnostics
            );
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked}");
}

#[test]
fn the_loader_refuses_undeclared_keys_with_a_hint() {
    for table in TABLES {
        let text = base().with(table, "undeclared", Some("1")).text();
        let loaded = load(&text);
        let error = loaded.errors().next().expect("an error");
        assert_eq!(
            error.message.en,
            format!("unknown key `undeclared` in {}", table.what)
        );
        let names: Vec<&str> = table.names().collect();
        let help = error.help.as_ref().expect("a hint");
        assert_eq!(
            help.en,
            format!("{} takes: {}", table.what, names.join(", "))
        );
    }
}

#[test]
fn every_required_key_is_reported_missing_and_only_those() {
    for table in TABLES {
        for key in table.keys {
            let text = base().with(table, key.name, None).text();
            let loaded = load(&text);
            let missing = loaded.errors().any(|error| {
                error.message.en.starts_with("missing") && error.message.en.contains(key.name)
            });
            assert_eq!(
                missing,
                key.need == Need::Required,
                "`{}` in {}: {:#?}",
                key.name,
                table.what,
                loaded.diagnostics
            );
        }
    }
}

/// `assumed` takes a key's name exactly when the key marks a field, and
/// that field has the key's name.
#[test]
fn assumed_takes_the_keys_that_mark_a_field() {
    for table in TABLES {
        let Some(assumed) = table.key("assumed") else {
            assert_eq!(table.markable().count(), 0, "{}", table.what);
            continue;
        };
        assert_eq!(assumed.kind, Kind::Assumed);
        for key in table.keys {
            if let Some(field) = key.marks {
                assert_eq!(field.as_str(), key.name);
            }
            let list = format!("[\"{}\"]", key.name);
            let text = base().with(table, "assumed", Some(&list)).text();
            let loaded = load(&text);
            let at = text.find(&list).expect("the list") + 1;
            let refused = loaded.errors().any(|error| error.span.start == at);
            assert_eq!(
                refused,
                key.marks.is_none(),
                "`{}` in {}",
                key.name,
                table.what
            );
        }
    }
}

/// A key of words takes each of its words and refuses any other.
#[test]
fn word_keys_take_their_words_only() {
    for table in TABLES {
        for key in table.keys {
            if !matches!(key.kind, Kind::Words(_) | Kind::Qualifier(_)) {
                continue;
            }
            for word in key.words().into_iter().chain(["not-a-word"]) {
                let quoted = format!("\"{word}\"");
                let text = base().with(table, key.name, Some(&quoted)).text();
                let refused = error_at(&load(&text), &text, &quoted);
                assert_eq!(refused, word == "not-a-word", "`{}` = {quoted}", key.name);
            }
        }
    }
    let themes: Vec<&str> = Theme::ALL.iter().map(|theme| theme.as_str()).collect();
    assert_eq!(themes, THEMES);
}

/// The README documents the file's tables: each `### `[table]`` section's
/// rows name exactly the declared keys, with the same "required".
#[test]
fn the_readme_tables_list_the_declared_keys() {
    let readme = include_str!("../../README.md");
    for table in [&META, &CAMPAIGN, &INDICATOR, &TASK] {
        let heading = format!("### `{}`", table.what);
        let start = readme
            .find(&heading)
            .unwrap_or_else(|| panic!("the README has no {heading}"));
        let section = &readme[start + heading.len()..];
        let section = &section[..section.find("\n#").unwrap_or(section.len())];
        let mut documented = Vec::new();
        for row in section.lines().filter(|line| line.starts_with("| `")) {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let need = match cells[2] {
                "yes" => Need::Required,
                "no" => Need::Optional,
                other => Need::When(other),
            };
            for name in cells[1].split('`').skip(1).step_by(2) {
                let key = table
                    .key(name)
                    .unwrap_or_else(|| panic!("README: `{name}` is not a key of {}", table.what));
                assert_eq!(need, key.need, "README: `{name}` in {}", table.what);
                documented.push(name);
            }
        }
        documented.sort_unstable();
        let mut declared: Vec<&str> = table.names().collect();
        declared.sort_unstable();
        assert_eq!(documented, declared, "README rows of {}", table.what);
    }
}
