//! Walking a header's or a dotted key's path down to its table, and the
//! error of a key that may not be written where it is.

use toml_parser::ParseError;

use super::Place;
use crate::load::tree::arena::{Arena, push_node};
use crate::load::tree::{Entries, Entry, Key, Kind, Node, NodeId, Span32, TableNode};

pub(super) fn duplicate(key: &Key<'_>, old: Option<Span32>) -> ParseError {
    let error = ParseError::new("duplicate key").with_unexpected(key.span.toml());
    match old {
        Some(old) => error.with_context(old.toml()),
        None => error,
    }
}

/// Walks `path` down from `table`, making implicit tables as needed and
/// stepping into the last table of an array of tables, as `toml` does.
pub(super) fn descend<'i>(
    arena: &mut Arena<'i>,
    mut table: NodeId,
    path: &[Key<'i>],
    dotted: bool,
    place: Place,
) -> Result<NodeId, ParseError> {
    for key in path {
        let found = arena.find(table, &key.name).map(|entry| entry.value);
        table = match found {
            Some(child) => step_into(&mut arena.nodes, child, key, dotted, place)?,
            None => add_implicit(arena, table, key, dotted, place),
        };
    }
    Ok(table)
}

/// A new implicit table `key` in `table`, for a path that names it first.
fn add_implicit<'i>(
    arena: &mut Arena<'i>,
    table: NodeId,
    key: &Key<'i>,
    dotted: bool,
    place: Place,
) -> NodeId {
    let id = push_node(
        &mut arena.nodes,
        key.span,
        Kind::Table(TableNode {
            entries: Entries::Own(Vec::new()),
            implicit: true,
            dotted,
            inline: place == Place::Inline,
            indexed: false,
        }),
    );
    arena.add(
        table,
        Entry {
            key: key.name.clone(),
            key_span: key.span,
            value: id,
        },
    );
    id
}

/// The table a path goes on into from the value `child` that `key` names,
/// if the path may go on through it.
fn step_into(
    nodes: &mut [Node<'_>],
    child: NodeId,
    key: &Key<'_>,
    dotted: bool,
    place: Place,
) -> Result<NodeId, ParseError> {
    let old_span = nodes[child as usize].span;
    let cannot_extend = |what: &str| {
        ParseError::new(format!(
            "cannot extend value of type {what} with a dotted key"
        ))
        .with_unexpected(key.span.toml())
        .with_context(old_span.toml())
    };
    match &mut nodes[child as usize].kind {
        Kind::Array(array) if place == Place::Document => {
            if !array.of_tables {
                return Err(cannot_extend("array"));
            }
            let Some(&last) = array.items.last() else {
                return Err(cannot_extend("array"));
            };
            match &nodes[last as usize].kind {
                Kind::Table(_) => Ok(last),
                other => Err(cannot_extend(other.type_str())),
            }
        }
        Kind::Table(node) => {
            if place == Place::Document {
                if node.inline {
                    return Err(ParseError::new(
                        "cannot extend value of type inline table with a dotted key",
                    )
                    .with_unexpected(key.span.toml()));
                }
                if dotted && node.implicit {
                    node.dotted = true;
                }
            }
            if dotted && !node.implicit {
                return Err(ParseError::new("duplicate key").with_unexpected(key.span.toml()));
            }
            Ok(child)
        }
        other => Err(cannot_extend(other.type_str())),
    }
}
