//! Styled text broken into lines of a width: between words, and between
//! any two wide (CJK) characters, which Chinese breaks between; a word longer
//! than a line is cut where it has to be. For the banner, whose message and
//! path must be read whole, not cut at the terminal's edge.

use ratatui::style::Style;

use crate::text;

/// One piece of a line: its text and style.
pub type Piece = (String, Style);

/// `spans` in lines at most `width` columns wide, at most `max_lines` of
/// them; when more would be needed the last one ends in `ellipsis`.
pub fn wrap(
    spans: &[(&str, Style)],
    width: u16,
    max_lines: usize,
    ellipsis: &str,
) -> Vec<Vec<Piece>> {
    let width = usize::from(width);
    if width == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut used = 0;
    for (token, style) in tokens(spans) {
        let token_width = text::width(token);
        // A word that fits a line of its own starts one; a longer one
        // starts here and is cut below.
        if used + token_width > width && used > 0 && token_width <= width {
            // A space at a break is dropped, not carried to the next line.
            if token.trim().is_empty() {
                continue;
            }
            // Closing punctuation never starts a line: the character
            // before it comes along (禁则).
            let carried = if is_closing(token) {
                take_last_char(lines.last_mut().expect("a line"))
            } else {
                None
            };
            lines.push(Vec::new());
            used = 0;
            if let Some((c, c_style)) = carried {
                used += text::width(&c);
                push(lines.last_mut().expect("a line"), &c, c_style);
            }
        }
        // A word wider than a whole line: as much as fits, then the rest.
        let mut rest = token;
        while text::width(rest) > width - used {
            let (head, tail) = split_at_width(rest, width - used);
            if head.is_empty() && used == 0 {
                break;
            }
            push(lines.last_mut().expect("a line"), head, style);
            lines.push(Vec::new());
            used = 0;
            rest = tail;
        }
        if used == 0 && rest.trim().is_empty() {
            continue;
        }
        push(lines.last_mut().expect("a line"), rest, style);
        used += text::width(rest);
    }
    for line in &mut lines {
        trim_end(line);
    }
    if lines.last().is_some_and(Vec::is_empty) && lines.len() > 1 {
        lines.pop();
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().expect("a line");
        end_with(last, width, ellipsis);
    }
    lines
}

/// Words with the spaces between them as tokens of their own, and each wide
/// character alone, with the style of its span.
fn tokens<'a>(spans: &'a [(&'a str, Style)]) -> impl Iterator<Item = (&'a str, Style)> {
    spans.iter().flat_map(|(span, style)| {
        let mut out = Vec::new();
        let mut start = 0;
        let mut in_space = None;
        for (at, c) in span.char_indices() {
            let wide = text::width(c.encode_utf8(&mut [0; 4])) > 1;
            let space = c == ' ';
            if wide {
                if start < at {
                    out.push((&span[start..at], *style));
                }
                let end = at + c.len_utf8();
                out.push((&span[at..end], *style));
                start = end;
                in_space = None;
            } else if in_space.is_some_and(|was| was != space) {
                out.push((&span[start..at], *style));
                start = at;
                in_space = Some(space);
            } else {
                in_space = Some(space);
            }
        }
        if start < span.len() {
            out.push((&span[start..], *style));
        }
        out
    })
}

/// Full-width punctuation that closes or ends: never at a line's start.
fn is_closing(token: &str) -> bool {
    matches!(
        token,
        "）" | "，" | "。" | "、" | "：" | "；" | "！" | "？" | "」" | "』" | "”" | "》" | "】"
    )
}

/// The last character of `line`, taken off it, with its style.
fn take_last_char(line: &mut Vec<Piece>) -> Option<(String, Style)> {
    let (last, style) = line.last_mut()?;
    let c = last.pop()?;
    let style = *style;
    if last.is_empty() {
        line.pop();
    }
    Some((c.to_string(), style))
}

/// Spaces at the end of a line are not part of what it says.
fn trim_end(line: &mut Vec<Piece>) {
    while let Some((last, _)) = line.last_mut() {
        let kept = last.trim_end_matches(' ').len();
        last.truncate(kept);
        if !last.is_empty() {
            break;
        }
        line.pop();
    }
}

fn push(line: &mut Vec<Piece>, text_: &str, style: Style) {
    match line.last_mut() {
        Some((last, last_style)) if *last_style == style => last.push_str(text_),
        _ => line.push((text_.to_owned(), style)),
    }
}

/// The longest start of `s` at most `columns` wide, and the rest.
fn split_at_width(s: &str, columns: usize) -> (&str, &str) {
    let mut used = 0;
    for (at, c) in s.char_indices() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > columns {
            return s.split_at(at);
        }
        used += w;
    }
    (s, "")
}

/// Cuts `line` so that `ellipsis` fits after it within `width`.
fn end_with(line: &mut Vec<Piece>, width: usize, ellipsis: &str) {
    let room = width.saturating_sub(text::width(ellipsis));
    let mut used = 0;
    let mut kept = Vec::new();
    for (piece, style) in line.drain(..) {
        let (head, _) = split_at_width(&piece, room - used);
        used += text::width(head);
        kept.push((head.to_owned(), style));
        if used >= room {
            break;
        }
    }
    let style = kept.last().map_or_else(Style::default, |(_, s)| *s);
    kept.push((ellipsis.to_owned(), style));
    *line = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Vec<Piece>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn english_breaks_between_words() {
        let lines = wrap(&[("done must be a number", Style::default())], 10, 5, "…");
        assert_eq!(plain(&lines), ["done must", "be a", "number"]);
    }

    #[test]
    fn chinese_breaks_between_characters_and_never_splits_one() {
        let lines = wrap(&[("错误：应为数字", Style::default())], 5, 5, "…");
        assert_eq!(plain(&lines), ["错", "误：", "应为", "数字"]);
        // A closing bracket takes the character before it along.
        let bracketed = wrap(&[("数据（仍显示）", Style::default())], 12, 5, "…");
        assert_eq!(plain(&bracketed), ["数据（仍显", "示）"]);
        for line in plain(&lines) {
            assert!(text::width(&line) <= 5);
        }
    }

    #[test]
    fn a_long_path_is_cut_where_it_must_and_styles_are_kept() {
        let red = Style::default().fg(ratatui::style::Color::Red);
        let lines = wrap(
            &[("x ", red), ("/a/very/long/path.toml", Style::default())],
            10,
            5,
            "…",
        );
        assert_eq!(plain(&lines), ["x /a/very/", "long/path.", "toml"]);
        assert_eq!(lines[0][0], ("x ".to_owned(), red));
    }

    #[test]
    fn more_than_max_lines_ends_in_an_ellipsis() {
        let lines = wrap(&[("one two three four five", Style::default())], 8, 2, "…");
        assert_eq!(plain(&lines), ["one two", "three…"]);
    }
}
