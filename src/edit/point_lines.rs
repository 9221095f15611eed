//! How `--record` lays out a `history` array: one point per line in a
//! section (`[[campaign.task]]`), as the shipped file writes it, so a
//! year of points stays readable and a diff shows one line per point. An
//! array already written one point per line keeps its own spacing
//! (`splice::insert_element`); in an inline table `{ ... }` the array
//! stays on the item's one line.

use toml_edit::Array;

use super::locate::Node;
use super::splice::{self, Splice};

/// `history = [ … ]` for a table that has none, holding `point`.
pub fn fresh(body: &str, node: Node<'_>, point: &str) -> Option<Splice> {
    let literal = match node {
        Node::Inline(_) => format!("[{point}]"),
        Node::Section(_) => {
            // Indented like the key it follows, as `insert_key` places it.
            let at = match node.last_entry() {
                Some(last) => last.key_span.start,
                None => node.span()?.start,
            };
            let indent = splice::indent_of(&body[splice::line_start(body, at)..at]);
            let newline = splice::line_break(body, at);
            format!("[{newline}{indent}  {point},{newline}{indent}]")
        }
    };
    splice::insert_key(body, node, "history", &literal)
}

/// `point` added as element `index` of a one-line array of a section: the
/// array written again one point per line, each point's text as it was.
/// `None` when the array already spans lines or sits in an inline table.
pub fn spread(
    body: &str,
    node: Node<'_>,
    array: &Array,
    index: usize,
    point: &str,
) -> Option<Splice> {
    if matches!(node, Node::Inline(_)) {
        return None;
    }
    let span = array.span()?;
    if body[span.clone()].contains('\n') {
        return None;
    }
    let mut points = array
        .iter()
        .map(|value| value.span().map(|at| &body[at]))
        .collect::<Option<Vec<&str>>>()?;
    points.insert(index.min(points.len()), point);
    let start = splice::line_start(body, span.start);
    let indent = splice::indent_of(&body[start..span.start]);
    let newline = splice::line_break(body, span.start);
    let mut text = String::from("[");
    for point in points {
        text.push_str(&format!("{newline}{indent}  {point},"));
    }
    text.push_str(&format!("{newline}{indent}]"));
    Some(Splice::replace(span, text))
}
