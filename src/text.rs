//! Untrusted text made safe for a terminal or a report, and fitted to a
//! display width. Text from the file passes through here before it is shown.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters that must never reach a terminal: C0 and C1 controls (ESC
/// starts every escape sequence), DEL, and the bidi controls that reorder
/// what a reader sees (Trojan Source).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200E}' | '\u{200F}'            // LRM, RLM
            | '\u{202A}'..='\u{202E}'         // embeddings and overrides
            | '\u{2066}'..='\u{2069}'         // isolates
            | '\u{061C}'                       // Arabic letter mark
            | '\u{2028}' | '\u{2029}'          // line and paragraph separators
            | '\u{FEFF}')
}

/// A fast byte-level check for the common case. Every unsafe character is
/// either an ASCII control or starts with one of the lead bytes C2 (C1
/// controls), D8 (U+061C), E2 (U+2xxx marks) or EF (U+FEFF); CJK text uses
/// other lead bytes, so it passes here without decoding.
fn is_plainly_safe(text: &str) -> bool {
    text.bytes()
        .all(|b| (b >= 0x20 && b != 0x7f && !matches!(b, 0xC2 | 0xD8 | 0xE2 | 0xEF)) || b == b'\n')
}

/// Text for the model: unsafe characters removed, tabs as spaces, line
/// breaks kept (a note may have paragraphs).
pub fn sanitize(text: &str) -> String {
    if is_plainly_safe(text) {
        return text.to_owned();
    }
    let text = text.replace("\r\n", "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

/// One line for display: every unsafe character (line breaks included)
/// becomes one visible replacement, so columns computed on the original
/// still line up.
pub fn sanitize_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// A unit's signs as ASCII for `--ascii` (`μg/m³` is `ug/m3`), one
/// character for one, so a drawn frame keeps its columns.
pub fn ascii_signs(text: &str) -> std::borrow::Cow<'_, str> {
    const SIGNS: [(char, char); 4] = [('μ', 'u'), ('µ', 'u'), ('²', '2'), ('³', '3')];
    if !text
        .chars()
        .any(|c| SIGNS.iter().any(|(sign, _)| *sign == c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let ascii = |c: char| {
        SIGNS
            .iter()
            .find(|(sign, _)| *sign == c)
            .map_or(c, |(_, to)| *to)
    };
    std::borrow::Cow::Owned(text.chars().map(ascii).collect())
}

/// Display width in terminal columns (CJK counts two).
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` columns, ending in `…` when cut, never
/// splitting a character. Line breaks become spaces.
pub fn truncate(text: &str, max: usize) -> String {
    truncate_with(text, max, "…")
}

/// As [`truncate`], with the ellipsis of the caller's choice (`~` in ASCII mode).
/// A cut that drops the assumed mark `*` writes it after the ellipsis: the
/// words are cut, never the mark (`not-met*` → `not-m…*`).
pub fn truncate_with(text: &str, max: usize, ellipsis: &str) -> String {
    let single = |c: char| if c == '\n' { ' ' } else { c };
    if text.width() <= max && !text.contains('\n') {
        return text.to_owned();
    }
    if text
        .chars()
        .map(|c| single(c).width().unwrap_or(0))
        .sum::<usize>()
        <= max
    {
        return text.chars().map(single).collect();
    }
    let ellipsis_width = ellipsis.width();
    if max < ellipsis_width {
        return String::new();
    }
    let (mut out, kept) = head(text, max - ellipsis_width, single);
    // Keeping the mark moves the cut left, which drops no mark it kept.
    if text[kept..].contains(MARK) {
        if max < ellipsis_width + 1 {
            return MARK.to_string();
        }
        out = head(text, max - ellipsis_width - 1, single).0;
        out.push_str(ellipsis);
        out.push(MARK);
        return out;
    }
    out.push_str(ellipsis);
    out
}

/// The assumed mark: a figure that is not from the source.
const MARK: char = '*';

/// The longest start of `text` at most `room` columns wide, as `single`
/// maps its characters, and its length in bytes.
fn head(text: &str, room: usize, single: impl Fn(char) -> char) -> (String, usize) {
    let mut out = String::new();
    let mut used = 0;
    for (at, c) in text.char_indices() {
        let w = single(c).width().unwrap_or(0);
        if used + w > room {
            return (out, at);
        }
        used += w;
        out.push(single(c));
    }
    (out, text.len())
}

/// `text` padded with spaces (or cut) to exactly `columns` wide.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = truncate(text, columns);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escapes_and_bidi_controls() {
        let hostile = "a\x1b[31mred\x07\u{202E}txt\u{2066}\x7f\u{9b}b";
        assert_eq!(sanitize(hostile), "a[31mredtxtb");
        assert_eq!(sanitize("line\r\nnext\ttab"), "line\nnext tab");
    }

    #[test]
    fn fast_path_agrees_with_the_full_check() {
        for text in [
            "潜江 PM2.5 μg/m³ 劣Ⅴ",
            "plain",
            "a\u{85}b",
            "x\u{202E}y",
            "\u{FEFF}z",
            "–—",
        ] {
            let full = text.chars().all(|c| c == '\n' || !is_unsafe(c));
            assert!(!is_plainly_safe(text) || full, "{text:?}");
            assert!(sanitize(text).chars().all(|c| c == '\n' || !is_unsafe(c)));
        }
    }

    #[test]
    fn line_sanitising_keeps_one_char_per_char() {
        let s = sanitize_line("a\x1bb\nc");
        assert_eq!(s.chars().count(), 5);
        assert!(!s.contains('\x1b') && !s.contains('\n'));
    }

    #[test]
    fn truncates_by_display_width_without_splitting() {
        assert_eq!(truncate("长江入河排污口整治", 9), "长江入河…");
        assert_eq!(width(&truncate("长江入河排污口整治", 9)), 9);
        assert_eq!(truncate("长江入河排污口整治", 8), "长江入…");
        assert_eq!(truncate("Blue Sky", 8), "Blue Sky");
        assert_eq!(truncate("Blue Sky", 5), "Blue…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("two\nlines", 20), "two lines");
    }

    #[test]
    fn a_cut_keeps_the_assumed_mark() {
        assert_eq!(truncate("not-met*", 6), "not-…*");
        assert_eq!(
            truncate_with("94% (target >= 95%*)", 19, "~"),
            "94% (target >= 95~*"
        );
        assert_eq!(width(&truncate("优良天数比例 94%（目标 ≥ 95%*）", 12)), 12);
        assert!(truncate("优良天数比例 94%（目标 ≥ 95%*）", 12).ends_with("…*"));
        // A mark already kept is not written twice; no mark, none added.
        assert_eq!(truncate("0d* late", 5), "0d* …");
        assert_eq!(truncate("Share of good-air days", 8), "Share o…");
        // Too narrow for words: the mark alone still says it.
        assert_eq!(truncate("met*", 1), "*");
        assert_eq!(truncate("met*", 0), "");
    }

    #[test]
    fn fit_pads_to_width() {
        assert_eq!(fit("潜江", 6), "潜江  ");
        assert_eq!(width(&fit("潜江市生态环境局", 7)), 7);
    }
}
