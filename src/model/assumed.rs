//! Which of an item's figures are not from the source: `assumed = ["due"]`
//! marks an illustrative or estimated value, so every place that shows it
//! (and every status that depends on it) can say so (DESIGN "assumed").

use std::fmt;

/// A field that `assumed` may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Start,
    End,
    Due,
    Done,
    Total,
    Value,
    Target,
    Weight,
    History,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Start,
        Field::End,
        Field::Due,
        Field::Done,
        Field::Total,
        Field::Value,
        Field::Target,
        Field::Weight,
        Field::History,
    ];

    /// Which tables may mark which field is the format's to say
    /// (`load::format`): a key there names the field it marks.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Start => "start",
            Field::End => "end",
            Field::Due => "due",
            Field::Done => "done",
            Field::Total => "total",
            Field::Value => "value",
            Field::Target => "target",
            Field::Weight => "weight",
            Field::History => "history",
        }
    }

    pub fn parse(word: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.as_str() == word)
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of assumed fields; empty when every figure is from the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Assumed(u16);

impl Assumed {
    pub const NONE: Assumed = Assumed(0);

    pub fn of(fields: &[Field]) -> Assumed {
        fields
            .iter()
            .fold(Assumed::NONE, |set, field| set.with(*field))
    }

    pub fn with(self, field: Field) -> Assumed {
        Assumed(self.0 | field.bit())
    }

    pub fn contains(self, field: Field) -> bool {
        self.0 & field.bit() != 0
    }

    /// Whether any of `fields` is assumed.
    pub fn any(self, fields: &[Field]) -> bool {
        fields.iter().any(|field| self.contains(*field))
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The fields in the file's order, for JSON and the CSV.
    pub fn fields(self) -> impl Iterator<Item = Field> {
        Field::ALL
            .into_iter()
            .filter(move |field| self.contains(*field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_holds_what_was_put_in_and_lists_it_in_order() {
        let set = Assumed::of(&[Field::Target, Field::Due]);
        assert!(set.contains(Field::Due) && set.contains(Field::Target));
        assert!(!set.contains(Field::Done));
        assert_eq!(
            set.fields().collect::<Vec<_>>(),
            [Field::Due, Field::Target]
        );
        assert!(Assumed::NONE.is_empty() && !set.is_empty());
        assert!(set.any(&[Field::Done, Field::Due]) && !set.any(&[Field::Done]));
    }

    #[test]
    fn words_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.as_str()), Some(field));
        }
        assert_eq!(Field::parse("deadline"), None);
    }
}
