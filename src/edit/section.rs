//! The `[[campaign]]` sections and the `[meta]` section of a file, found by lexing it (strings and
//! comments are tokens, so a header-like line inside a string is not taken
//! for one), so that toml_edit parses a few hundred lines rather than the
//! whole file (on a 100 000-task file its full parse takes a second and a
//! gigabyte).

use std::ops::Range;

use chrono::NaiveDate;
use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// The sections that may hold campaign `campaign`, in file order: from a
/// `[[campaign]]` header's line to the next one's (or the end), keeping only
/// those whose text mentions the id. The caller parses each with toml_edit
/// and takes the first in which the campaign is found, as a parse of the
/// whole file would; when none is, it parses the whole file, which also
/// words the error.
pub fn campaign_sections(body: &str, campaign: &str) -> Vec<Range<usize>> {
    let starts: Vec<usize> = headers(body)
        .into_iter()
        .filter(|&(_, header)| is_campaign_header(header))
        .map(|(start, _)| start)
        .collect();
    let ends = starts.iter().skip(1).copied().chain([body.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| start..end)
        .filter(|section| !campaign.is_empty() && body[section.clone()].contains(campaign))
        .collect()
}

/// The `[meta]` section: from its header's line to the next header's.
pub fn meta_section(body: &str) -> Option<Range<usize>> {
    let headers = headers(body);
    let at = headers
        .iter()
        .position(|&(_, header)| is_meta_header(header))?;
    let end = headers.get(at + 1).map_or(body.len(), |&(start, _)| start);
    Some(headers[at].0..end)
}

/// `as_of` in the text of a `[meta]` section, when it is a plain date.
pub fn as_of_in_meta(meta: &str) -> Option<NaiveDate> {
    let document = toml_edit::Document::parse(meta).ok()?;
    let date = document.get("meta")?.get("as_of")?.as_datetime()?;
    if date.time.is_some() || date.offset.is_some() {
        return None;
    }
    let day = date.date?;
    NaiveDate::from_ymd_opt(
        i32::from(day.year),
        u32::from(day.month),
        u32::from(day.day),
    )
}

/// Where each header's line starts (a `[` at the start of a line, after
/// spaces, outside any array or inline table), and the header.
fn headers(body: &str) -> Vec<(usize, &str)> {
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
                    && let Some(rest) = body.get(span.start()..)
                {
                    starts.push((line, header_text(rest)));
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

/// `[[...]]` or `[...]` at the start of `rest`, up to its closing brackets.
fn header_text(rest: &str) -> &str {
    let close = if rest.starts_with("[[") { "]]" } else { "]" };
    rest.find(close)
        .map_or("", |end| &rest[..end + close.len()])
}

/// `[meta]`, spaces inside the brackets allowed.
fn is_meta_header(text: &str) -> bool {
    let inner = text.strip_prefix('[').and_then(|t| t.strip_suffix(']'));
    inner.is_some_and(|key| !key.starts_with('[') && key.trim() == "meta")
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
        let campaigns: Vec<usize> = headers(plan)
            .into_iter()
            .filter(|&(_, header)| is_campaign_header(header))
            .map(|(start, _)| start)
            .collect();
        assert_eq!(campaigns, [0]);
        let sections = campaign_sections(plan, "b");
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0], 0..plan.len());
    }

    #[test]
    fn the_reporting_date_is_read_from_meta_alone() {
        let plan = "[meta]\ntitle = \"t\" # [x]\nas_of = 2024-12-31\n\n[meta.source]\nzh = \"s\"\n[[campaign]]\nid = \"a\"\n";
        let meta = meta_section(plan).expect("a [meta] section");
        assert_eq!(
            &plan[meta.clone()],
            "[meta]\ntitle = \"t\" # [x]\nas_of = 2024-12-31\n\n"
        );
        assert_eq!(
            as_of_in_meta(&plan[meta]),
            NaiveDate::from_ymd_opt(2024, 12, 31)
        );
        assert_eq!(
            meta_section("meta.as_of = 2024-12-31\n[[campaign]]\n"),
            None
        );
        assert_eq!(as_of_in_meta("[meta]\nas_of = 2024-12-31T10:00:00\n"), None);
    }

    #[test]
    fn unknown_ids_and_inline_campaigns_have_no_section() {
        assert!(campaign_sections(PLAN, "zz").is_empty());
        assert!(campaign_sections("campaign = [ { id = \"a\" } ]\n", "a").is_empty());
    }
}
