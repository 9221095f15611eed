//! The file's format, declared once: every table of `campaigns.toml`, each
//! of its keys with what it holds, whether it is required, which field of
//! the model `assumed` may name by it, and a line saying what it is.
//!
//! The loader's unknown-key errors and "did you mean" hints, its
//! missing-field errors and the names `assumed` accepts are read from here;
//! so are the JSON Schema (`campaigns schema`) and the docs check of the
//! README's tables (`format_tests.rs`). A new key is one row of the tables
//! (`tables.rs`), plus the reader of its value, or none at all for a
//! qualifier of a figure (`Kind::Qualifier`), which only its renderer shows.

mod tables;

pub use tables::*;

use crate::model::{Field, Qualifier};

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
    /// A word saying how the item's figure reads (`approx`): kept on the
    /// item as written for the figure's renderer, refused on a water class
    /// (a class is exact), and left with last year's figure by `rollover`.
    Qualifier(&'static [QualifierWord]),
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

/// A word of a [`Kind::Qualifier`] key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QualifierWord {
    pub word: &'static str,
    /// The figure is at least what is written (a lower bound).
    pub at_least: bool,
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

    /// Its keys of kind [`Kind::Qualifier`], in the file's order.
    pub fn qualifiers(&self) -> impl Iterator<Item = &'static Key> + '_ {
        self.keys
            .iter()
            .filter(|key| matches!(key.kind, Kind::Qualifier(_)))
    }

    pub fn required(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys
            .iter()
            .filter(|key| key.need == Need::Required)
            .map(|key| key.name)
    }
}

impl Key {
    /// The words a key of words or qualifiers takes.
    pub fn words(&self) -> Vec<&'static str> {
        match self.kind {
            Kind::Words(words) => words.to_vec(),
            Kind::Qualifier(words) => words.iter().map(|w| w.word).collect(),
            _ => Vec::new(),
        }
    }

    /// The model's qualifier for `word` written under this key.
    pub fn qualifier(&self, word: &str) -> Option<Qualifier> {
        let Kind::Qualifier(words) = self.kind else {
            return None;
        };
        let declared = words.iter().find(|w| w.word == word)?;
        Some(Qualifier {
            key: self.name,
            word: declared.word,
            at_least: declared.at_least,
        })
    }
}

#[cfg(test)]
#[path = "../format_tests.rs"]
mod tests;
