//! `[table]` and `[[array of tables]]` headers: the table each opens, and
//! where the file's sections and parts start.

use toml_parser::{ParseError, Span};

use super::paths::{descend, duplicate};
use super::{Builder, Header, MAX_TABLE_CAPACITY, Place, RECURSION_LIMIT};
use crate::load::tree::arena::{Arena, push_node};
use crate::load::tree::{ArrayNode, Entries, Entry, Key, Kind, NodeId, Span32, TableNode};

impl<'i> Builder<'i, '_> {
    pub(super) fn open_header(&mut self, span: Span) {
        if self.header.is_some() {
            let keys = self.arena.entries(self.current).len();
            self.table_capacity = keys.min(MAX_TABLE_CAPACITY);
        }
        self.finish_table();
        self.keys.clear();
        self.in_header = true;
        self.header_start = span.start() as u32;
    }

    pub(super) fn close_header(&mut self, span: Span, is_array: bool) {
        self.in_header = false;
        let header = Header {
            span: Span32 {
                start: self.header_start,
                end: span.end() as u32,
            },
            is_array,
        };
        std::mem::swap(&mut self.keys, &mut self.header_keys);
        self.keys.clear();
        self.check_header_depth();
        if !self.active() || self.header_keys.is_empty() {
            return;
        }
        if let Err(error) = self.start_table(&header) {
            self.fail(error);
        }
        self.note_section(header.span.start);
        self.header = Some(header);
    }

    /// A header of one key starts a section, and so does a deeper header
    /// under another first key than the section before it (a `[meta.x]`
    /// after the campaigns). Parts are noted apart, one level deeper: a
    /// header of one or two keys starts one, and so does a deeper header
    /// under other first two keys than the part before it.
    fn note_section(&mut self, start: u32) {
        let Some(first) = self.header_keys.first() else {
            return;
        };
        let prefix = match &self.header_keys[..] {
            [first, second, ..] => Some((first.name.clone(), second.name.clone())),
            _ => None,
        };
        if self.header_keys.len() <= 2 || prefix != self.shallow_key {
            self.shallow_starts.push(start);
        }
        self.shallow_key = prefix;
        if self.header_keys.len() == 1 || self.section_key.as_ref() != Some(&first.name) {
            self.section_key = Some(first.name.clone());
            self.section_starts.push(start);
        }
    }

    fn check_header_depth(&mut self) {
        if self.header_keys.len() > RECURSION_LIMIT as usize {
            self.fail(ParseError::new("recursion limit"));
        }
    }

    /// Opens the table a header names. A `[table]` goes into place at once
    /// (reusing an implicit table of that name); a `[[table]]` is built
    /// apart and appended to its array when the next header comes.
    fn start_table(&mut self, header: &Header) -> Result<(), ParseError> {
        let Some((key, path)) = self.header_keys.split_last() else {
            return Ok(());
        };
        let new_table = TableNode {
            entries: Entries::Own(Vec::with_capacity(self.table_capacity)),
            ..TableNode::default()
        };
        if header.is_array {
            self.current = push_node(&mut self.arena.nodes, header.span, Kind::Table(new_table));
            return Ok(());
        }
        let parent = descend(&mut self.arena, 0, path, false, Place::Document)?;
        let table = match self.arena.position(parent, &key.name) {
            Some(index) => match reopen_implicit(&mut self.arena, parent, index, key)? {
                Some(table) => table,
                None => return Ok(()),
            },
            None => {
                let child = push_node(&mut self.arena.nodes, header.span, Kind::Table(new_table));
                self.arena.add(
                    parent,
                    Entry {
                        key: key.name.clone(),
                        key_span: key.span,
                        value: child,
                    },
                );
                child
            }
        };
        let node = &mut self.arena.nodes[table as usize];
        node.span = header.span;
        if let Kind::Table(table) = &mut node.kind {
            table.implicit = false;
            table.dotted = false;
        }
        self.current = table;
        Ok(())
    }

    /// Appends the table of a finished `[[header]]` to its array.
    pub(in crate::load::tree) fn finish_table(&mut self) {
        let Some(header) = self.header.take() else {
            return;
        };
        if !header.is_array {
            return;
        }
        let Some((key, path)) = self.header_keys.split_last() else {
            return;
        };
        let arena = &mut self.arena;
        let current = self.current;
        let result = descend(arena, 0, path, false, Place::Document)
            .and_then(|parent| append_to_array(arena, parent, key, header.span, current));
        if let Err(error) = result {
            self.fail(error);
        }
    }
}

/// The table at `index` of `parent`, taken over by a `[header]` naming it:
/// only an implicit table made by a deeper header may be (`None` when the
/// entry is gone).
fn reopen_implicit<'i>(
    arena: &mut Arena<'i>,
    parent: NodeId,
    index: usize,
    key: &Key<'i>,
) -> Result<Option<NodeId>, ParseError> {
    let Some(entry) = arena.entries(parent).get(index) else {
        return Ok(None);
    };
    let (child, old_key_span) = (entry.value, entry.key_span);
    let reusable = matches!(
        &arena.nodes[child as usize].kind,
        Kind::Table(table) if table.implicit && !table.dotted
    );
    if !reusable {
        return Err(duplicate(key, Some(old_key_span)));
    }
    // `toml` takes the implicit table out and puts it back under
    // this header's key: it is now spanned by the header.
    if let Some(entry) = arena.entry_mut(parent, index) {
        entry.key = key.name.clone();
        entry.key_span = key.span;
    }
    Ok(Some(child))
}

/// Appends `table` to the array of tables `key` of `parent`, making the
/// array at the first `[[key]]`.
fn append_to_array<'i>(
    arena: &mut Arena<'i>,
    parent: NodeId,
    key: &Key<'i>,
    span: Span32,
    table: NodeId,
) -> Result<(), ParseError> {
    let existing = arena.find(parent, &key.name).map(|entry| entry.value);
    let array = match existing {
        Some(array) => array,
        None => {
            let id = push_node(
                &mut arena.nodes,
                span,
                Kind::Array(ArrayNode {
                    items: Vec::new(),
                    of_tables: true,
                }),
            );
            arena.add(
                parent,
                Entry {
                    key: key.name.clone(),
                    key_span: key.span,
                    value: id,
                },
            );
            id
        }
    };
    let old_span = arena.nodes[array as usize].span;
    match &mut arena.nodes[array as usize].kind {
        Kind::Array(array) if array.of_tables => {
            array.items.push(table);
            Ok(())
        }
        _ => Err(duplicate(key, Some(old_span))),
    }
}
