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

    /// What a figure worked out by adding this one to others carries: its
    /// lower-bound qualifiers, beside those already in `into` (a sum with a
    /// part of 90余 is 余 too).
    pub fn carry_into(&self, into: &mut Qualifiers) {
        let mut carried = into.0.to_vec();
        for q in self.0.iter().filter(|q| q.at_least) {
            if !carried.iter().any(|c| c.key == q.key) {
                carried.push(*q);
            }
        }
        *into = Qualifiers::new(carried);
    }
}

/// Whether a whole and the sum of its parts contradict each other, each
/// given with whether it is a lower bound (`at_least`). Exact ones must be
/// equal (up to the rounding of adding fractions); parts of at least S
/// contradict only a whole below S; a whole of at least W only parts that
/// add up to less than W; two lower bounds never do. The one rule of a
/// plan's `parts` check and of an office's figure against its units' sum.
pub fn whole_contradicts(
    (whole, whole_at_least): (f64, bool),
    (sum, sum_at_least): (f64, bool),
) -> bool {
    let tolerance = 1e-9 * whole.abs().max(sum.abs()).max(1.0);
    match (whole_at_least, sum_at_least) {
        (false, false) => (whole - sum).abs() > tolerance,
        (false, true) => sum > whole + tolerance,
        (true, false) => sum < whole - tolerance,
        (true, true) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::whole_contradicts;

    #[test]
    fn a_lower_bound_contradicts_only_from_one_side() {
        // 1 200 against parts of 1 187: apart when both are exact.
        assert!(whole_contradicts((1200.0, false), (1187.0, false)));
        assert!(!whole_contradicts((0.3, false), (0.1 + 0.2, false)));
        // Parts of at least 1 187 may well make 1 200; not 1 100.
        assert!(!whole_contradicts((1200.0, false), (1187.0, true)));
        assert!(whole_contradicts((1100.0, false), (1187.0, true)));
        // A whole of more than 1 200 is not made of parts of exactly 1 187.
        assert!(whole_contradicts((1200.0, true), (1187.0, false)));
        assert!(!whole_contradicts((1100.0, true), (1187.0, false)));
        assert!(!whole_contradicts((1200.0, true), (1.0, true)));
    }
}
