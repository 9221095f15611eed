//! The marker that follows a value the source does not give (`assumed`),
//! and [`Shown`]: a figure as a reader sees it, carrying that marker with
//! it, so a figure worked out from an assumed value cannot reach the
//! screen or a report without it (DESIGN contract 3, "Marks travel").

use std::fmt;

use crate::model::Marked;

/// `*` after an assumed value or a status that rests on one; nothing
/// otherwise. The same in ASCII.
pub fn mark(assumed: bool) -> &'static str {
    if assumed { "*" } else { "" }
}

/// A figure as it is shown, and whether it rests on an assumed value.
/// Printed (`Display`) it carries `*`; a report with another sign (`\*` in
/// markdown) asks for it with [`Shown::marked_with`]. There is no way to
/// the bare text: whatever shows the figure decides about the mark.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    text: String,
    assumed: bool,
}

impl Shown {
    pub fn new(text: impl Into<String>, assumed: bool) -> Shown {
        Shown {
            text: text.into(),
            assumed,
        }
    }

    /// A marked figure written by `show`; the mark is the figure's.
    pub fn of<T>(figure: Marked<T>, show: impl FnOnce(T) -> String) -> Shown
    where
        T: Copy,
    {
        Shown::new(show(figure.value()), figure.assumed())
    }

    pub fn assumed(&self) -> bool {
        self.assumed
    }

    /// The same figure rewritten (escaped for markdown, cut to one line, or
    /// said in words); the mark stays after it.
    pub fn map(self, rewrite: impl FnOnce(&str) -> String) -> Shown {
        Shown::new(rewrite(&self.text), self.assumed)
    }

    /// The figure with `sign` after it when it rests on an assumed value.
    pub fn marked_with(&self, sign: &str) -> String {
        let sign = if self.assumed { sign } else { "" };
        format!("{}{sign}", self.text)
    }

    /// The figure and its mark apart, for a cell that styles them apart or
    /// cuts the figure but never the mark.
    pub fn parts(&self) -> (&str, &'static str) {
        (&self.text, mark(self.assumed))
    }

    /// The display width, the mark included.
    pub fn width(&self) -> usize {
        crate::text::width(&self.text) + mark(self.assumed).len()
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.text, mark(self.assumed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_figure_prints_with_its_mark() {
        let due = Shown::of(Marked::new(181_i64, true), |d| format!("{d}d"));
        assert_eq!(due.to_string(), "181d*");
        assert_eq!(due.marked_with("\\*"), "181d\\*");
        assert_eq!(due.parts(), ("181d", "*"));
        assert_eq!(due.width(), 5);
        let words = due.clone().map(|d| format!("{d} left"));
        assert_eq!(words.to_string(), "181d left*");
        let plain = Shown::of(Marked::new(3_i64, false), |d| d.to_string());
        assert_eq!((plain.to_string(), plain.width()), ("3".to_owned(), 1));
        assert_eq!(plain.marked_with("\\*"), "3");
    }
}
