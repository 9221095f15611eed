//! Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`,
//! not beginning or ending with an apostrophe, not blank, not `History`
//! (Excel keeps it for itself), and unique ignoring case.

/// The longest sheet name Excel takes, in characters.
const MAX_CHARS: usize = 31;

/// Hands out unique sheet names in the order they are asked for.
#[derive(Default)]
pub struct SheetNames {
    taken: Vec<String>,
}

impl SheetNames {
    /// `wanted` made valid, else `fallback` (an id), and made unique with
    /// ` (2)`, ` (3)`… cut to fit.
    pub fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let mut base = valid(wanted);
        if base.is_empty() {
            base = valid(fallback);
        }
        if base.is_empty() {
            base = "Sheet".to_owned();
        }
        let mut name = base.clone();
        let mut n = 2;
        while self.is_taken(&name) {
            let suffix = format!(" ({n})");
            let room = MAX_CHARS - suffix.chars().count();
            let cut: String = base.chars().take(room).collect();
            name = format!("{}{suffix}", cut.trim_end());
            n += 1;
        }
        self.taken.push(name.to_lowercase());
        name
    }

    fn is_taken(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        lower == "history" || self.taken.contains(&lower)
    }
}

/// `text` with what a sheet name may not hold taken out and cut to fit.
fn valid(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => ' ',
            c if crate::text::is_unsafe(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}') => ' ',
            c => c,
        })
        .collect();
    let words = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = words.trim_matches('\'').chars().take(MAX_CHARS).collect();
    cut.trim().trim_matches('\'').trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_and_unique() {
        let mut names = SheetNames::default();
        assert_eq!(names.claim("蓝天保卫战", "blue-sky"), "蓝天保卫战");
        assert_eq!(names.claim("蓝天保卫战", "blue-sky-2"), "蓝天保卫战 (2)");
        assert_eq!(names.claim("a/b: [c]*?\\", "x"), "a b c");
        assert_eq!(names.claim("'quoted'", "x"), "quoted");
        assert_eq!(names.claim("*?", "id-1"), "id-1");
        assert_eq!(names.claim("History", "h"), "History (2)");
        assert_eq!(names.claim("QUOTED", "q"), "QUOTED (2)");
        let long = "长".repeat(40);
        let first = names.claim(&long, "l");
        let second = names.claim(&long, "l");
        assert_eq!(first.chars().count(), 31);
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with(" (2)"));
    }
}
