//! The `[[campaign]]` sections of a file, found by lexing it (strings and
//! comments are tokens, so a header-like line inside a string is not taken
//! for one), so that toml_edit parses a few hundred lines rather than the
//! whole file (on a 100 000-task file its full parse takes a second and a
//! gigabyte).

use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// The sections that may hold campaign `campaign`, in file order: from a
/// `[[campaign]]` header's line to the next one's (or the end), keeping only
/// those whose text mentions the id. The caller parses each with toml_edit
/// and takes the first in which the campaign is found, as a parse of the
/// whole file would; when none is, it parses the whole file, which also
/// words the error.
pub fn campaign_sections(body: &str, campaign: &str) -> Vec<Range<usize>> {
    let starts = campaign_headers(body);
    let ends = starts.iter().skip(1).copied().chain([body.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| start..end)
        .filter(|section| !campaign.is_empty() && body[section.clone()].contains(campaign))
        .collect()
}

/// Where each `[[campaign]]` header's line starts: a `[` at the start of a
/// line (after spaces), outside any array or inline table.
fn campaign_headers(body: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut depth = 0i64;
    let mut line_start = Some(0);
    for token in Source::new(body).lex() {
        let span = token.span();
        match token.kind() {
            TokenKind::Newline => {
                line_start = Some(span.end());
                continue;
            }
            TokenKind::Whitespace => continue,
            TokenKind::LeftSquareBracket => {
                if depth == 0
                    && let Some(line) = line_start
                    && body
                        .get(span.start()..)
                        .is_some_and(|rest| is_campaign_header(header_text(rest)))
                {
                    starts.push(line);
                }
                depth += 1;
            }
            TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth -= 1,
            _ => {}
        }
        line_start = None;
    }
    starts
}

/// `[[...]]` at the start of `rest`, up to its closing brackets.
fn header_text(rest: &str) -> &str {
    rest.find("]]").map_or("", |end| &rest[..end + 2])
}

/// `[[campaign]]`, spaces inside the brackets allowed.
fn is_campaign_header(text: &str) -> bool {
    let inner = text.strip_prefix("[[").and_then(|t| t.strip_suffix("]]"));
    inner.is_some_and(|key| key.trim() == "campaign")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "title = \"x\"\n\n[[campaign]]\nid = \"a\"\n[[campaign.task]]\nid = \"t\"\ndone = 1\n\n  [[ campaign ]]\nid = \"b\"\n[[campaign.task]]\nid = \"u\"\ndone = 2\n";

    #[test]
    fn a_campaign_runs_to_the_next_header_line() {
        let a = campaign_sections(PLAN, "\"a\"");
        assert_eq!(
            a.iter().map(|r| &PLAN[r.clone()]).collect::<Vec<_>>(),
            ["[[campaign]]\nid = \"a\"\n[[campaign.task]]\nid = \"t\"\ndone = 1\n\n"]
        );
        let b = campaign_sections(PLAN, "b");
        assert_eq!(
            b.iter().map(|r| &PLAN[r.clone()]).collect::<Vec<_>>(),
            ["  [[ campaign ]]\nid = \"b\"\n[[campaign.task]]\nid = \"u\"\ndone = 2\n"]
        );
    }

    #[test]
    fn headers_inside_strings_and_arrays_are_not_headers() {
        let plan = "[[campaign]]\nid = \"a\"\nnote = \"\"\"\n[[campaign]]\nid = \"b\"\n\"\"\"\nx = [\n[[1]]]\n";
        assert_eq!(campaign_headers(plan), [0]);
        let sections = campaign_sections(plan, "b");
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0], 0..plan.len());
    }

    #[test]
    fn unknown_ids_and_inline_campaigns_have_no_section() {
        assert!(campaign_sections(PLAN, "zz").is_empty());
        assert!(campaign_sections("campaign = [ { id = \"a\" } ]\n", "a").is_empty());
    }
}
