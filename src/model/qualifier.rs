//! Words the file adds to how an item's figure reads: `approx =
//! "more-than"` says `done` is a lower bound (90余). The file's table
//! declares each such key and its words (`Kind::Qualifier`); the item
//! readers keep what is written here and the figure's renderer shows it, so
//! a new one is a row of that table and its renderer.

/// One qualifying word, as the table declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Qualifier {
    /// The key it is written under (`approx`).
    pub key: &'static str,
    pub word: &'static str,
    /// The figure is at least what is written, so a sum of parts can only
    /// contradict it from one side.
    pub at_least: bool,
}

/// The qualifiers written on an item, in the table's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Qualifiers(Box<[Qualifier]>);

impl Qualifiers {
    pub fn new(qualifiers: Vec<Qualifier>) -> Self {
        Qualifiers(qualifiers.into_boxed_slice())
    }

    /// The word written under `key`, if any.
    pub fn word(&self, key: &str) -> Option<&'static str> {
        self.0.iter().find(|q| q.key == key).map(|q| q.word)
    }

    /// Whether the figure is a lower bound rather than exact.
    pub fn at_least(&self) -> bool {
        self.0.iter().any(|q| q.at_least)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Qualifier> {
        self.0.iter()
    }
}
