//! The one `[[campaign]]` section an edit touches, found with the lean tree,
//! so that toml_edit parses a few lines rather than the whole file (on a
//! 100 000-task file its full parse takes a second and a gigabyte).

use std::ops::Range;

use crate::load::tree::{self, Item};

/// The bytes of `body` from the first `[[campaign]]` header whose `id` is
/// `campaign` up to the line of the next campaign's header (or the end).
/// `None` when the file does not read, the campaign is not there, or the
/// campaigns are not written as `[[campaign]]` sections: the caller then
/// parses the whole file, which also words the error.
pub fn campaign_section(body: &str, campaign: &str) -> Option<Range<usize>> {
    let tree = tree::parse(body).ok()?;
    let Item::Table(root) = tree.root().item() else {
        return None;
    };
    let Item::Array(campaigns) = root.get("campaign")?.item() else {
        return None;
    };
    let headers: Vec<Range<usize>> = campaigns.iter().map(|c| c.span()).collect();
    let index = campaigns.iter().position(|c| match c.item() {
        Item::Table(table) => table
            .get("id")
            .is_some_and(|id| matches!(id.item(), Item::String(s) if s == campaign)),
        _ => false,
    })?;
    // Every campaign must be a `[[campaign]]` header, in file order, so that
    // what lies between two headers is all one campaign's.
    let is_header = |span: &Range<usize>| body.get(span.clone()).is_some_and(is_campaign_header);
    if !headers.iter().all(is_header) || !headers.is_sorted_by_key(|span| span.start) {
        return None;
    }
    let start = line_start(body, headers[index].start);
    let end = headers
        .get(index + 1)
        .map_or(body.len(), |next| line_start(body, next.start));
    Some(start..end)
}

/// `[[campaign]]`, spaces inside the brackets allowed.
fn is_campaign_header(text: &str) -> bool {
    let inner = text.strip_prefix("[[").and_then(|t| t.strip_suffix("]]"));
    inner.is_some_and(|key| key.trim() == "campaign")
}

fn line_start(body: &str, at: usize) -> usize {
    body[..at].rfind('\n').map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "title = \"x\"\n\n[[campaign]]\nid = \"a\"\n[[campaign.task]]\nid = \"t\"\ndone = 1\n\n  [[ campaign ]]\nid = \"b\"\n[[campaign.task]]\nid = \"u\"\ndone = 2\n";

    #[test]
    fn a_campaign_runs_to_the_next_header_line() {
        let a = campaign_section(PLAN, "a").unwrap();
        assert_eq!(
            &PLAN[a],
            "[[campaign]]\nid = \"a\"\n[[campaign.task]]\nid = \"t\"\ndone = 1\n\n"
        );
        let b = campaign_section(PLAN, "b").unwrap();
        assert_eq!(
            &PLAN[b],
            "  [[ campaign ]]\nid = \"b\"\n[[campaign.task]]\nid = \"u\"\ndone = 2\n"
        );
    }

    #[test]
    fn unknown_inline_or_broken_files_have_no_section() {
        assert_eq!(campaign_section(PLAN, "c"), None);
        assert_eq!(
            campaign_section("campaign = [ { id = \"a\" } ]\n", "a"),
            None
        );
        assert_eq!(
            campaign_section("[[campaign]]\nid = \"a\"\nx = \n", "a"),
            None
        );
    }
}
