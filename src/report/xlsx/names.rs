//! Sheet names Excel accepts: at most 31 UTF-16 units (Excel's own
//! measure: an emoji or a CJK Extension B character is two), none of
//! `[]:*?/\`, not beginning or ending with an apostrophe, not blank, not
//! `History` (Excel keeps it for itself), and unique ignoring case once cut.

/// The longest sheet name Excel takes, in UTF-16 units.
const MAX_UNITS: usize = 31;

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
            let cut = cut_to_units(&base, MAX_UNITS - suffix.len());
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
    let cut = cut_to_units(words.trim_matches('\''), MAX_UNITS);
    cut.trim().trim_matches('\'').trim().to_owned()
}

/// The longest start of `text` within `units` UTF-16 units, cut between
/// characters (never inside a surrogate pair).
fn cut_to_units(text: &str, units: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.len_utf16();
        if used > units {
            return &text[..at];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> usize {
        text.encode_utf16().count()
    }

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

    /// Excel counts UTF-16 units: 20 emoji are 40 of them, and a name that
    /// fits by characters was refused as a whole workbook.
    #[test]
    fn names_are_cut_by_utf16_units_and_stay_unique_after_the_cut() {
        let mut names = SheetNames::default();
        let emoji = "🌳".repeat(20);
        let first = names.claim(&emoji, "trees");
        assert_eq!(first, "🌳".repeat(15));
        assert_eq!(units(&first), 30);
        // 𠀀 (CJK Extension B, as some place names use) is two units too;
        // the same start cut the same way is told apart by its suffix.
        let place = format!("{}江镇", "𠀀".repeat(16));
        let second = names.claim(&place, "town-1");
        let third = names.claim(&format!("{}河镇", "𠀀".repeat(16)), "town-2");
        assert_eq!(second, "𠀀".repeat(15));
        assert_eq!(third, format!("{} (2)", "𠀀".repeat(13)));
        for name in [&first, &second, &third] {
            assert!(units(name) <= MAX_UNITS, "{name}");
            rust_xlsxwriter::utility::check_sheet_name(name).unwrap();
        }
        // Never half a surrogate pair, whatever the room.
        assert_eq!(cut_to_units("a🌳b", 2), "a");
        assert_eq!(cut_to_units("a🌳b", 3), "a🌳");
    }
}
