//! Builds the tree from the parser's events, keeping `toml`'s table rules.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;

use toml_datetime::Datetime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

use super::arena::{Arena, push_node};
use super::{ArrayNode, Entries, Entry, Key, Kind, Node, NodeId, Span32, TableNode};

/// The most keys a header's table is made room for before it is read.
const MAX_TABLE_CAPACITY: usize = 32;

/// How deep arrays, inline tables and dotted keys may nest, as in `toml`.
const RECURSION_LIMIT: u32 = 80;

/// An open array or inline table.
enum Frame {
    Array(NodeId),
    /// `keys_from`: where this table's keys start on the key stack.
    Inline {
        table: NodeId,
        keys_from: usize,
    },
}

struct Header {
    span: Span32,
    is_array: bool,
}

/// Table rules differ slightly between the document and an inline table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Document,
    Inline,
}

pub(super) struct Builder<'i, 'f> {
    source: Source<'i>,
    pub(super) arena: Arena<'i>,
    /// Set by the parser's sink on its first error: the tree is lost then.
    failed: &'f Cell<bool>,
    /// The first error of the tree itself (a decoding or a table rule).
    pub(super) error: Option<ParseError>,
    /// Keys read and not yet used: the document's pending key at the
    /// bottom, then each open inline table's.
    keys: Vec<Key<'i>>,
    stack: Vec<Frame>,
    /// The table that key-values go into.
    current: NodeId,
    /// The header being read or the last one read, with its keys.
    header: Option<Header>,
    header_keys: Vec<Key<'i>>,
    in_header: bool,
    header_start: u32,
    /// Open arrays and inline tables, counted as `toml`'s `RecursionGuard`
    /// counts them (the builder does its checks itself, saving two
    /// indirect calls per token).
    depth: i64,
    /// Keys of the last table a header opened: the next one likely has as
    /// many (every task has much the same keys), so its list is made that size.
    table_capacity: usize,
    /// Where each top-level section starts (see `Tree::section_starts`),
    /// and the first key of the section being read.
    pub(super) section_starts: Vec<u32>,
    section_key: Option<Cow<'i, str>>,
    /// Where each part starts (see `Tree::shallow_starts`), and the first
    /// two keys of the part being read.
    pub(super) shallow_starts: Vec<u32>,
    shallow_key: Option<(Cow<'i, str>, Cow<'i, str>)>,
}

impl<'i, 'f> Builder<'i, 'f> {
    pub(super) fn new(source: Source<'i>, failed: &'f Cell<bool>, expected_nodes: usize) -> Self {
        let mut nodes = Vec::with_capacity(expected_nodes + 1);
        nodes.push(Node {
            span: Span32::default(),
            kind: Kind::Table(TableNode::default()),
        });
        Builder {
            source,
            arena: Arena {
                nodes,
                wide: HashMap::new(),
                open: Vec::new(),
                shared: Vec::with_capacity(expected_nodes),
            },
            failed,
            error: None,
            keys: Vec::new(),
            stack: Vec::new(),
            current: 0,
            header: None,
            header_keys: Vec::new(),
            in_header: false,
            header_start: 0,
            depth: 0,
            table_capacity: 0,
            section_starts: Vec::new(),
            section_key: None,
            shallow_starts: Vec::new(),
            shallow_key: None,
        }
    }

    pub(super) fn active(&self) -> bool {
        !self.failed.get() && self.error.is_none()
    }

    fn fail(&mut self, error: ParseError) {
        if self.error.is_none() {
            self.error = Some(error);
        }
    }

    fn push(&mut self, span: Span32, kind: Kind<'i>) -> NodeId {
        push_node(&mut self.arena.nodes, span, kind)
    }

    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<Raw<'i>> {
        let text = self.source.input().get(span.start()..span.end())?;
        Some(Raw::new_unchecked(text, encoding, span))
    }

    fn on_key(&mut self, span: Span, encoding: Option<Encoding>) {
        let Some(raw) = self.raw(span, encoding) else {
            return;
        };
        let mut name = Cow::Borrowed("");
        let mut error = None;
        raw.decode_key(&mut name, &mut error);
        if let Some(error) = error {
            self.fail(error);
            return;
        }
        self.keys.push(Key {
            name,
            span: Span32::of(span),
        });
    }

    /// Keys of the level now being read (the document, or the innermost inline table).
    fn keys_from(&self) -> usize {
        match self.stack.last() {
            Some(Frame::Inline { keys_from, .. }) => *keys_from,
            _ => 0,
        }
    }

    fn check_key_depth(&mut self, from: usize) {
        // `toml` counts the parts before the last one.
        let parts = self.keys.len().saturating_sub(from);
        if parts >= RECURSION_LIMIT as usize {
            self.fail(ParseError::new("recursion limit"));
        }
    }

    fn on_scalar(&mut self, span: Span, encoding: Option<Encoding>) {
        let Some(raw) = self.raw(span, encoding) else {
            return;
        };
        let mut decoded = Cow::Borrowed("");
        let mut error = None;
        let kind = raw.decode_scalar(&mut decoded, &mut error);
        if let Some(error) = error {
            self.fail(error);
            return;
        }
        let kind = match kind {
            ScalarKind::String => Kind::String(decoded),
            ScalarKind::Boolean(value) => Kind::Boolean(value),
            ScalarKind::DateTime => match decoded.parse::<Datetime>() {
                Ok(datetime) => Kind::Datetime(datetime),
                Err(err) => {
                    self.fail(ParseError::new(err.to_string()).with_unexpected(span));
                    return;
                }
            },
            ScalarKind::Float => Kind::Float(decoded.parse::<f64>().ok().filter(|float| {
                // As `toml`: an infinity is only written `inf`, never by overflow.
                !float.is_infinite() || decoded.contains("inf")
            })),
            ScalarKind::Integer(radix) => {
                Kind::Integer(i64::from_str_radix(&decoded, radix.value()).ok())
            }
        };
        let id = self.push(Span32::of(span), kind);
        self.complete(id);
    }

    /// Puts a finished value where it belongs: in the open array, under the
    /// pending key of the open inline table, or under the document's pending key.
    fn complete(&mut self, value: NodeId) {
        let result = match self.stack.last() {
            Some(&Frame::Array(array)) => {
                if let Kind::Array(array) = &mut self.arena.nodes[array as usize].kind {
                    array.items.push(value);
                }
                Ok(())
            }
            Some(&Frame::Inline { table, keys_from }) => {
                self.insert_key_value(table, keys_from, value, Place::Inline)
            }
            None => self.insert_key_value(self.current, 0, value, Place::Document),
        };
        if let Err(error) = result {
            self.fail(error);
        }
    }

    /// `keys[from..]` = value in `table`, creating the tables of a dotted key.
    fn insert_key_value(
        &mut self,
        table: NodeId,
        from: usize,
        value: NodeId,
        place: Place,
    ) -> Result<(), ParseError> {
        if self.keys.len() <= from {
            return Ok(());
        }
        let Some(key) = self.keys.pop() else {
            return Ok(());
        };
        let path = &self.keys[from..];
        let dotted = !path.is_empty();
        let arena = &mut self.arena;
        let result = descend(arena, table, path, dotted, place).and_then(|parent| {
            let Kind::Table(parent_table) = &arena.nodes[parent as usize].kind else {
                return Err(duplicate(&key, None));
            };
            let mixed = match place {
                // Dotted keys may not add to a table defined by a header.
                Place::Document => dotted && !parent_table.implicit,
                Place::Inline => parent_table.dotted != dotted,
            };
            if mixed {
                return Err(duplicate(&key, None));
            }
            if let Some(old) = arena.find(parent, &key.name) {
                return Err(duplicate(&key, Some(old.key_span)));
            }
            arena.add(
                parent,
                Entry {
                    key: key.name,
                    key_span: key.span,
                    value,
                },
            );
            Ok(())
        });
        self.keys.truncate(from);
        result
    }

    fn open_header(&mut self, span: Span) {
        if self.header.is_some() {
            let keys = self.arena.entries(self.current).len();
            self.table_capacity = keys.min(MAX_TABLE_CAPACITY);
        }
        self.finish_table();
        self.keys.clear();
        self.in_header = true;
        self.header_start = span.start() as u32;
    }

    fn close_header(&mut self, span: Span, is_array: bool) {
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
        let existing = self.arena.position(parent, &key.name);
        let table = match existing {
            Some(index) => {
                let Some(entry) = self.arena.entries(parent).get(index) else {
                    return Ok(());
                };
                let (child, old_key_span) = (entry.value, entry.key_span);
                let reusable = matches!(
                    &self.arena.nodes[child as usize].kind,
                    Kind::Table(table) if table.implicit && !table.dotted
                );
                if !reusable {
                    return Err(duplicate(key, Some(old_key_span)));
                }
                // `toml` takes the implicit table out and puts it back under
                // this header's key: it is now spanned by the header.
                if let Some(entry) = self.arena.entry_mut(parent, index) {
                    entry.key = key.name.clone();
                    entry.key_span = key.span;
                }
                child
            }
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
    pub(super) fn finish_table(&mut self) {
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
        let result = descend(arena, 0, path, false, Place::Document).and_then(|parent| {
            let existing = arena.find(parent, &key.name).map(|entry| entry.value);
            let array = match existing {
                Some(array) => array,
                None => {
                    let id = push_node(
                        &mut arena.nodes,
                        header.span,
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
                    array.items.push(current);
                    Ok(())
                }
                _ => Err(duplicate(key, Some(old_span))),
            }
        });
        if let Err(error) = result {
            self.fail(error);
        }
    }
}

fn duplicate(key: &Key<'_>, old: Option<Span32>) -> ParseError {
    let error = ParseError::new("duplicate key").with_unexpected(key.span.toml());
    match old {
        Some(old) => error.with_context(old.toml()),
        None => error,
    }
}

/// Walks `path` down from `table`, making implicit tables as needed and
/// stepping into the last table of an array of tables, as `toml` does.
fn descend<'i>(
    arena: &mut Arena<'i>,
    mut table: NodeId,
    path: &[Key<'i>],
    dotted: bool,
    place: Place,
) -> Result<NodeId, ParseError> {
    for key in path {
        let found = arena.find(table, &key.name).map(|entry| entry.value);
        let Some(child) = found else {
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
            table = id;
            continue;
        };
        let nodes = &mut arena.nodes;
        let old_span = nodes[child as usize].span;
        let cannot_extend = |what: &str| {
            ParseError::new(format!(
                "cannot extend value of type {what} with a dotted key"
            ))
            .with_unexpected(key.span.toml())
            .with_context(old_span.toml())
        };
        table = match &mut nodes[child as usize].kind {
            Kind::Array(array) if place == Place::Document => {
                if !array.of_tables {
                    return Err(cannot_extend("array"));
                }
                let Some(&last) = array.items.last() else {
                    return Err(cannot_extend("array"));
                };
                match &nodes[last as usize].kind {
                    Kind::Table(_) => last,
                    other => return Err(cannot_extend(other.type_str())),
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
                child
            }
            other => return Err(cannot_extend(other.type_str())),
        };
    }
    Ok(table)
}

impl Builder<'_, '_> {
    /// One more array or inline table; past the limit it is refused, as in
    /// `toml`, and the parser skips it.
    fn deeper(&mut self, span: Span, error: &mut dyn ErrorSink) -> bool {
        self.depth += 1;
        if self.depth > i64::from(RECURSION_LIMIT) {
            error.report_error(
                ParseError::new("cannot recurse further; max recursion depth met")
                    .with_unexpected(span),
            );
            return false;
        }
        true
    }
}

impl EventReceiver for Builder<'_, '_> {
    fn comment(&mut self, span: Span, error: &mut dyn ErrorSink) {
        // The checks of `toml_parser`'s `ValidateWhitespace`.
        if let Some(raw) = self.source.get(span) {
            raw.decode_comment(error);
        }
    }

    fn newline(&mut self, span: Span, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.source.get(span) {
            raw.decode_newline(error);
        }
    }

    fn std_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        if self.active() {
            self.open_header(span);
        }
    }

    fn std_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        if self.active() && self.in_header {
            self.close_header(span, false);
        }
    }

    fn array_table_open(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        if self.active() {
            self.open_header(span);
        }
    }

    fn array_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        if self.active() && self.in_header {
            self.close_header(span, true);
        }
    }

    fn inline_table_open(&mut self, span: Span, error: &mut dyn ErrorSink) -> bool {
        if !self.deeper(span, error) {
            return false;
        }
        if self.active() {
            let table = self.push(
                Span32::of(span),
                Kind::Table(TableNode {
                    entries: Entries::Open(self.arena.open.len() as u32),
                    inline: true,
                    ..TableNode::default()
                }),
            );
            let keys_from = self.keys.len();
            self.stack.push(Frame::Inline { table, keys_from });
        }
        true
    }

    fn inline_table_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.depth -= 1;
        if !self.active() {
            return;
        }
        if let Some(Frame::Inline { table, keys_from }) = self.stack.pop() {
            self.keys.truncate(keys_from);
            self.arena.close_inline(table);
            self.arena.nodes[table as usize].span.end = span.end() as u32;
            self.complete(table);
        }
    }

    fn array_open(&mut self, span: Span, error: &mut dyn ErrorSink) -> bool {
        if !self.deeper(span, error) {
            return false;
        }
        if self.active() {
            let array = self.push(
                Span32::of(span),
                Kind::Array(ArrayNode {
                    items: Vec::new(),
                    of_tables: false,
                }),
            );
            self.stack.push(Frame::Array(array));
        }
        true
    }

    fn array_close(&mut self, span: Span, _error: &mut dyn ErrorSink) {
        self.depth -= 1;
        if !self.active() {
            return;
        }
        if let Some(Frame::Array(array)) = self.stack.pop() {
            self.arena.nodes[array as usize].span.end = span.end() as u32;
            self.complete(array);
        }
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        if self.active() {
            self.on_key(span, encoding);
        }
    }

    fn key_val_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        if self.active() {
            // A dotted key of more than the limit's parts is refused, as in `toml`.
            self.check_key_depth(self.keys_from() + 1);
        }
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        if self.active() {
            self.on_scalar(span, encoding);
        }
    }
}
