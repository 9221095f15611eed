//! Byte-exact text edits: replace a value's own bytes, or insert a key or an
//! array element, leaving every other byte of the file (comments, spacing,
//! line endings) as it was.

use std::ops::Range;

use toml_edit::{Array, ArrayOfTables, Table, Value};

use super::locate::Node;

/// Replace `range` of the text with `text` (an empty range inserts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Splice {
    pub range: Range<usize>,
    pub text: String,
}

impl Splice {
    pub fn replace(range: Range<usize>, text: impl Into<String>) -> Splice {
        Splice {
            range,
            text: text.into(),
        }
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Splice {
        Splice::replace(at..at, text)
    }
}

/// Applies non-overlapping splices, from the end of the text backwards so
/// earlier offsets stay valid. Insertions at the same offset keep the order
/// they were given in.
pub fn apply(body: &str, splices: Vec<Splice>) -> String {
    let mut ordered: Vec<(usize, Splice)> = splices.into_iter().enumerate().collect();
    ordered.sort_by_key(|(given, splice)| {
        std::cmp::Reverse((splice.range.start, splice.range.end, *given))
    });
    let mut out = body.to_owned();
    for (_, splice) in ordered {
        out.replace_range(splice.range, &splice.text);
    }
    out
}

/// The line break the file uses at `at` (or its first one): `\r\n` or `\n`.
pub fn line_break(body: &str, at: usize) -> &'static str {
    let next = body[at..].find('\n').map(|i| at + i);
    let first = body.find('\n');
    match next.or(first) {
        Some(i) if i > 0 && body.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Adds `key = literal` to a table: on a new line after its last key in a
/// section (indented like it), or after the last pair inside `{ ... }`.
pub fn insert_key(body: &str, node: Node<'_>, key: &str, literal: &str) -> Option<Splice> {
    let last = node.last_entry();
    match node {
        Node::Inline(table) => match last {
            Some(last) => Some(Splice::insert(
                last.value.span()?.end,
                format!(", {key} = {literal}"),
            )),
            None => Some(Splice::replace(
                table.span()?,
                format!("{{ {key} = {literal} }}"),
            )),
        },
        Node::Section(_) => {
            let (line_of, after) = match &last {
                Some(last) => (last.key_span.start, last.value.span()?.end),
                None => {
                    let header = node.span()?;
                    (header.start, header.end)
                }
            };
            let indent = indent_of(&body[line_start(body, line_of)..line_of]);
            let newline = line_break(body, after);
            let entry = format!("{indent}{key} = {literal}");
            Some(match body[after..].find('\n') {
                Some(i) => Splice::insert(after + i + 1, format!("{entry}{newline}")),
                None => Splice::insert(body.len(), format!("{newline}{entry}")),
            })
        }
    }
}

/// Inserts `literal` as element `index` of `array`, spaced like its
/// neighbours (same line or one per line). A comment after an element stays
/// on that element's line.
pub fn insert_element(
    body: &str,
    array: &Array,
    index: usize,
    literal: &str,
) -> Option<Vec<Splice>> {
    let values: Vec<&Value> = array.iter().collect();
    if values.is_empty() {
        let open = array.span()?.start;
        return Some(vec![Splice::insert(open + 1, literal)]);
    }
    if let Some(next) = values.get(index) {
        let separator = separator_before(body, next);
        return Some(vec![Splice::insert(
            next.span()?.start,
            format!("{literal},{separator}"),
        )]);
    }
    let last = values.last()?;
    let last_end = last.span()?.end;
    let separator = separator_before(body, last);
    let one_per_line = separator.contains('\n');
    let indent = separator.trim_start_matches(['\r', '\n']);
    let newline = line_break(body, last_end);
    if array.trailing_comma() {
        // `a, # comment` then `]`: the new element goes on a line of its own
        // after the comment, or after the comma on a single-line array.
        let trailing = array.trailing().span()?;
        let after_break = body[trailing.clone()]
            .find('\n')
            .map(|i| trailing.start + i + 1);
        return Some(vec![match (one_per_line, after_break) {
            (true, Some(at)) => Splice::insert(at, format!("{indent}{literal},{newline}")),
            _ => Splice::insert(trailing.start, format!(" {literal},")),
        }]);
    }
    // No trailing comma: the comma goes right after the last element, and
    // the new element after that element's comment, if it has one.
    let suffix = last.decor().suffix().and_then(|raw| raw.span());
    let after_break =
        suffix.and_then(|span| body[span.clone()].find('\n').map(|i| span.start + i + 1));
    Some(match (one_per_line, after_break) {
        (true, Some(at)) => vec![
            Splice::insert(last_end, ","),
            Splice::insert(at, format!("{indent}{literal}{newline}")),
        ],
        _ => vec![Splice::insert(last_end, format!(",{separator}{literal}"))],
    })
}

/// Inserts a `[[...]]` section holding `lines` as table `index` of
/// `sections`, with the same header and the same blank-line spacing as the
/// sections already there.
pub fn insert_section(
    body: &str,
    sections: &ArrayOfTables,
    index: usize,
    lines: &[String],
) -> Option<Vec<Splice>> {
    let tables: Vec<&Table> = sections.iter().collect();
    let neighbour = tables.get(index).or(tables.last())?;
    let header_span = neighbour.span()?;
    let header_start = line_start(body, header_span.start);
    let header = &body[header_start..header_span.end];
    let newline = line_break(body, header_span.end);
    // A blank line before the neighbour's header: keep sections apart the same way.
    let spaced = blank_line_before(body, header_start);
    let gap = if spaced { newline } else { "" };
    let indent = indent_of(header);
    let mut block = format!("{header}{newline}");
    for line in lines {
        block.push_str(&format!("{indent}{line}{newline}"));
    }
    if index < tables.len() {
        return Some(vec![Splice::insert(header_start, format!("{block}{gap}"))]);
    }
    let last = Node::Section(neighbour);
    let end = last
        .last_entry()
        .and_then(|entry| entry.value.span())
        .map_or(header_span.end, |span| span.end);
    Some(vec![match body[end..].find('\n') {
        Some(i) => Splice::insert(end + i + 1, format!("{gap}{block}")),
        None => Splice::insert(
            body.len(),
            format!("{newline}{gap}{}", block.trim_end_matches(['\r', '\n'])),
        ),
    }])
}

pub fn line_start(body: &str, at: usize) -> usize {
    body[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The spaces and tabs a line starts with.
pub fn indent_of(line: &str) -> &str {
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// Whether the line before the one starting at `start` is blank.
fn blank_line_before(body: &str, start: usize) -> bool {
    let Some(before) = body[..start].strip_suffix('\n') else {
        return false;
    };
    before[line_start(before, before.len())..].trim().is_empty()
}

/// What separates an element from the one before it: the line break and
/// indentation when the array has one element per line, else one space.
fn separator_before(body: &str, value: &Value) -> String {
    let prefix = value
        .decor()
        .prefix()
        .and_then(|raw| raw.span())
        .map_or("", |span| &body[span]);
    match prefix.rfind('\n') {
        Some(i) => {
            let crlf = prefix[..i].ends_with('\r');
            let indent = &prefix[i + 1..];
            format!("{}{indent}", if crlf { "\r\n" } else { "\n" })
        }
        None => " ".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section_insert(source: &str, key: &str, literal: &str) -> String {
        let doc = toml_edit::Document::parse(source).unwrap();
        let node = Node::of(&doc["t"]).unwrap();
        let splice = insert_key(source, node, key, literal).unwrap();
        apply(source, vec![splice])
    }

    #[test]
    fn splices_apply_in_the_order_given() {
        let splices = vec![
            Splice::insert(1, "a"),
            Splice::replace(2..3, "X"),
            Splice::insert(1, "b"),
            Splice::insert(0, ">"),
        ];
        assert_eq!(apply("0123", splices), ">0ab1X3");
    }

    #[test]
    fn a_new_key_goes_after_the_last_line_of_its_section() {
        let source = "[t]\n  a = 1 # one\n  b = [\n    2,\n  ]\n\n# next\n[u]\nc = 3\n";
        assert_eq!(
            section_insert(source, "note", "\"n\""),
            "[t]\n  a = 1 # one\n  b = [\n    2,\n  ]\n  note = \"n\"\n\n# next\n[u]\nc = 3\n"
        );
    }

    #[test]
    fn a_new_key_keeps_crlf_and_a_missing_final_newline() {
        assert_eq!(
            section_insert("[t]\r\na = 1\r\n", "b", "2"),
            "[t]\r\na = 1\r\nb = 2\r\n"
        );
        assert_eq!(section_insert("[t]\na = 1", "b", "2"), "[t]\na = 1\nb = 2");
        assert_eq!(
            section_insert("[t]\n[t.x]\ny = 1\n", "b", "2"),
            "[t]\nb = 2\n[t.x]\ny = 1\n"
        );
    }

    #[test]
    fn a_new_key_in_an_inline_table() {
        let source = "t = { a = 1 }\ne = {}\n";
        let doc = toml_edit::Document::parse(source).unwrap();
        let t = insert_key(source, Node::of(&doc["t"]).unwrap(), "b", "2").unwrap();
        let e = insert_key(source, Node::of(&doc["e"]).unwrap(), "b", "2").unwrap();
        assert_eq!(
            apply(source, vec![t, e]),
            "t = { a = 1, b = 2 }\ne = { b = 2 }\n"
        );
    }

    fn element_insert(source: &str, index: usize) -> String {
        let doc = toml_edit::Document::parse(source).unwrap();
        let array = doc["h"].as_array().unwrap();
        let splices = insert_element(source, array, index, "9").unwrap();
        apply(source, splices)
    }

    #[test]
    fn elements_are_spaced_like_their_neighbours() {
        assert_eq!(element_insert("h = [ 1, 2 ]", 2), "h = [ 1, 2, 9 ]");
        assert_eq!(element_insert("h = [ 1, 2 ]", 0), "h = [ 9, 1, 2 ]");
        assert_eq!(element_insert("h = [ 1, 2 ]", 1), "h = [ 1, 9, 2 ]");
        assert_eq!(element_insert("h = []", 0), "h = [9]");
        assert_eq!(
            element_insert("h = [\n  1, # one\n  2,\n]\n", 2),
            "h = [\n  1, # one\n  2,\n  9,\n]\n"
        );
        assert_eq!(
            element_insert("h = [\r\n  1,\r\n  2\r\n]\r\n", 2),
            "h = [\r\n  1,\r\n  2,\r\n  9\r\n]\r\n"
        );
        assert_eq!(
            element_insert("h = [\n  # first\n  1,\n]\n", 0),
            "h = [\n  # first\n  9,\n  1,\n]\n"
        );
        assert_eq!(element_insert("h = [ 1, 2, ]", 2), "h = [ 1, 2, 9, ]");
    }

    fn section_history(source: &str, index: usize) -> String {
        let doc = toml_edit::Document::parse(source).unwrap();
        let sections = doc["t"]["h"].as_array_of_tables().unwrap();
        let lines = ["date = 9".to_owned(), "done = 9".to_owned()];
        apply(
            source,
            insert_section(source, sections, index, &lines).unwrap(),
        )
    }

    #[test]
    fn sections_are_spaced_like_their_neighbours() {
        let spaced = "[t]\na = 1\n\n[[t.h]]\ndate = 1\n\n[[t.h]]\ndate = 2 # two\n\n[u]\n";
        assert_eq!(
            section_history(spaced, 2),
            "[t]\na = 1\n\n[[t.h]]\ndate = 1\n\n[[t.h]]\ndate = 2 # two\n\n[[t.h]]\ndate = 9\ndone = 9\n\n[u]\n"
        );
        assert_eq!(
            section_history(spaced, 1),
            "[t]\na = 1\n\n[[t.h]]\ndate = 1\n\n[[t.h]]\ndate = 9\ndone = 9\n\n[[t.h]]\ndate = 2 # two\n\n[u]\n"
        );
        let tight = "[t]\r\na = 1\r\n[[t.h]]\r\ndate = 1";
        assert_eq!(
            section_history(tight, 1),
            "[t]\r\na = 1\r\n[[t.h]]\r\ndate = 1\r\n[[t.h]]\r\ndate = 9\r\ndone = 9"
        );
    }

    #[test]
    fn a_comment_after_the_last_element_stays_with_it() {
        assert_eq!(
            element_insert("h = [\n  1,\n  2, # two\n]\n", 2),
            "h = [\n  1,\n  2, # two\n  9,\n]\n"
        );
        assert_eq!(
            element_insert("h = [\n  1,\n  2 # two\n]\n", 2),
            "h = [\n  1,\n  2, # two\n  9\n]\n"
        );
        assert_eq!(
            element_insert("h = [\r\n  1, # one\r\n]\r\n", 1),
            "h = [\r\n  1, # one\r\n  9,\r\n]\r\n"
        );
    }
}
