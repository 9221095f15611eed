//! A lean spanned TOML document, built straight from `toml_parser`'s events:
//! one arena of nodes, each table a short list of keys in file order, strings
//! borrowed from the source unless they hold escapes, a span on every key and
//! value. It follows the table rules of the `toml` crate (headers, arrays of
//! tables, dotted keys, inline tables, implicit tables) and reports the first
//! error as `toml` would, so a file reads the same as with `toml::from_str`,
//! at a fraction of the cost of `toml`'s own tree.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

use toml_datetime::Datetime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::lexer::{Token, TokenKind};
use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, Expected, ParseError, Raw, Source, Span};

/// The most keys a header's table is made room for before it is read.
const MAX_TABLE_CAPACITY: usize = 32;

/// How deep arrays, inline tables and dotted keys may nest, as in `toml`.
const RECURSION_LIMIT: u32 = 80;

type NodeId = u32;

/// The first problem that stops a document from being read: a syntax error or
/// a broken table rule, worded as `toml` words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl SyntaxError {
    fn from_parse_error(error: &ParseError) -> Self {
        let mut message = error.description().to_owned();
        if let Some(expected) = error.expected() {
            message.push_str(", expected ");
            if expected.is_empty() {
                message.push_str("nothing");
            }
            for (i, expected) in expected.iter().enumerate() {
                if i != 0 {
                    message.push_str(", ");
                }
                match expected {
                    Expected::Literal(literal) => message.push_str(&render_literal(literal)),
                    Expected::Description(description) => message.push_str(description),
                    _ => message.push_str("etc"),
                }
            }
        }
        SyntaxError {
            message,
            span: error.unexpected().map(|span| span.start()..span.end()),
        }
    }
}

fn render_literal(literal: &str) -> String {
    match literal {
        "\n" => "newline".to_owned(),
        "`" => "'`'".to_owned(),
        s if s.chars().all(|c| c.is_ascii_control()) => format!("`{}`", s.escape_debug()),
        s => format!("`{s}`"),
    }
}

/// A parsed document; the root table is its first node.
pub struct Tree<'i> {
    nodes: Vec<Node<'i>>,
    /// The keys of closed inline tables.
    shared: Vec<Entry<'i>>,
}

#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    fn of(span: Span) -> Self {
        // `parse` refuses sources longer than u32::MAX, so offsets fit.
        Span32 {
            start: span.start() as u32,
            end: span.end() as u32,
        }
    }

    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    fn toml(self) -> Span {
        Span::new_unchecked(self.start as usize, self.end as usize)
    }
}

struct Node<'i> {
    span: Span32,
    kind: Kind<'i>,
}

enum Kind<'i> {
    String(Cow<'i, str>),
    /// `None` when the digits do not fit an i64.
    Integer(Option<i64>),
    /// `None` when the text is no f64 or overflows one (`1e400`).
    Float(Option<f64>),
    Boolean(bool),
    Datetime(Datetime),
    Array(ArrayNode),
    Table(TableNode<'i>),
}

impl Kind<'_> {
    fn type_str(&self) -> &'static str {
        match self {
            Kind::String(_) => "string",
            Kind::Integer(_) => "integer",
            Kind::Float(_) => "float",
            Kind::Boolean(_) => "boolean",
            Kind::Datetime(_) => "datetime",
            Kind::Array(_) => "array",
            Kind::Table(_) => "table",
        }
    }
}

struct ArrayNode {
    items: Vec<NodeId>,
    /// Made by `[[header]]`s, so more headers may append to it.
    of_tables: bool,
}

#[derive(Default)]
struct TableNode<'i> {
    entries: Entries<'i>,
    /// Made on the way to a deeper key, not (yet) defined itself.
    implicit: bool,
    /// Made by a dotted key, so no `[header]` may define it later.
    dotted: bool,
    /// Written `{ ... }`, or made inside one: closed to later keys.
    inline: bool,
    /// Its keys are in the arena's index of wide tables.
    indexed: bool,
}

/// Where a table's keys are. Most inline tables (a name's translations, a
/// history point) are closed once read, so their keys go into one shared
/// list rather than a list of their own each.
enum Entries<'i> {
    Own(Vec<Entry<'i>>),
    /// An inline table being read: its keys are the open list from here on.
    Open(u32),
    /// A closed inline table: `len` keys of the shared list from `start`.
    Shared {
        start: u32,
        len: u32,
    },
}

impl Default for Entries<'_> {
    fn default() -> Self {
        Entries::Own(Vec::new())
    }
}

struct Entry<'i> {
    key: Cow<'i, str>,
    key_span: Span32,
    value: NodeId,
}

#[derive(Clone)]
struct Key<'i> {
    name: Cow<'i, str>,
    span: Span32,
}

/// A value of the tree with its span; cheap to copy.
#[derive(Clone, Copy)]
pub struct Value<'a, 'i> {
    tree: &'a Tree<'i>,
    id: NodeId,
}

/// What a value holds.
pub enum Item<'a, 'i> {
    String(&'a str),
    /// `None` when the integer does not fit an i64.
    Integer(Option<i64>),
    /// `None` when the float overflows an f64 (inf and nan are kept).
    Float(Option<f64>),
    Boolean(bool),
    Datetime(&'a Datetime),
    Array(Array<'a, 'i>),
    Table(Table<'a, 'i>),
}

#[derive(Clone, Copy)]
pub struct Array<'a, 'i> {
    tree: &'a Tree<'i>,
    items: &'a [NodeId],
}

#[derive(Clone, Copy)]
pub struct Table<'a, 'i> {
    tree: &'a Tree<'i>,
    entries: &'a [Entry<'i>],
}

impl<'i> Tree<'i> {
    pub fn root(&self) -> Value<'_, 'i> {
        Value { tree: self, id: 0 }
    }
}

impl<'a, 'i> Value<'a, 'i> {
    fn node(&self) -> &'a Node<'i> {
        &self.tree.nodes[self.id as usize]
    }

    /// Where the value is written: for a `[table]` its header, for an
    /// implicit table the key that made it.
    pub fn span(&self) -> Range<usize> {
        self.node().span.range()
    }

    pub fn item(&self) -> Item<'a, 'i> {
        let tree = self.tree;
        match &self.node().kind {
            Kind::String(text) => Item::String(text),
            Kind::Integer(integer) => Item::Integer(*integer),
            Kind::Float(float) => Item::Float(*float),
            Kind::Boolean(boolean) => Item::Boolean(*boolean),
            Kind::Datetime(datetime) => Item::Datetime(datetime),
            Kind::Array(array) => Item::Array(Array {
                tree,
                items: &array.items,
            }),
            Kind::Table(table) => Item::Table(Table {
                tree,
                entries: match table.entries {
                    Entries::Own(ref entries) => entries,
                    Entries::Shared { start, len } => tree
                        .shared
                        .get(start as usize..(start + len) as usize)
                        .unwrap_or_default(),
                    Entries::Open(_) => &[],
                },
            }),
        }
    }

    /// How a message names the kind of value, e.g. "a string".
    pub fn describe(&self) -> &'static str {
        match self.node().kind {
            Kind::String(_) => "a string",
            Kind::Integer(_) => "an integer",
            Kind::Float(_) => "a float",
            Kind::Boolean(_) => "a boolean",
            Kind::Datetime(_) => "a date",
            Kind::Array(_) => "an array",
            Kind::Table(_) => "a table",
        }
    }
}

impl<'a, 'i> Array<'a, 'i> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Value<'a, 'i>> + use<'a, 'i> {
        let tree = self.tree;
        self.items.iter().map(move |&id| Value { tree, id })
    }
}

impl<'a, 'i> Table<'a, 'i> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<Value<'a, 'i>> {
        self.entries
            .iter()
            .find(|entry| same_key(&entry.key, key))
            .map(|entry| Value {
                tree: self.tree,
                id: entry.value,
            })
    }

    /// The keys in the order written, each with its span and value.
    pub fn iter(
        &self,
    ) -> impl ExactSizeIterator<Item = (&'a str, Range<usize>, Value<'a, 'i>)> + use<'a, 'i> {
        let tree = self.tree;
        self.entries.iter().map(move |entry| {
            (
                entry.key.as_ref(),
                entry.key_span.range(),
                Value {
                    tree,
                    id: entry.value,
                },
            )
        })
    }
}

/// Parses a whole document; on error, gives the first one `toml` would give.
pub fn parse(input: &str) -> Result<Tree<'_>, SyntaxError> {
    parse_in_chunks_of(input, CHUNK_TOKENS)
}

/// Tokens lexed before the parser runs over them: the document is never
/// lexed whole, which would take more memory than the tree itself.
const CHUNK_TOKENS: usize = 4096;

/// `parse`, handing the parser at least `chunk_tokens` tokens at a time.
///
/// A chunk ends only before a `[` that starts a line outside any array or
/// inline table, i.e. before a header, where the parser starts afresh; so
/// the events, and the first error, are those of one pass over the whole
/// document. Exposed so tests can cut documents into the smallest chunks.
#[doc(hidden)]
pub fn parse_in_chunks_of(input: &str, chunk_tokens: usize) -> Result<Tree<'_>, SyntaxError> {
    if u32::try_from(input.len()).is_err() {
        return Err(SyntaxError {
            message: "the document is larger than 4 GiB".into(),
            span: None,
        });
    }
    let source = Source::new(input);
    let failed = Cell::new(false);
    let mut syntax = FirstError {
        first: None,
        failed: &failed,
    };
    // About one value for every 16 bytes in a typical plan; a huge file
    // grows its list rather than claim it all up front.
    let mut builder = Builder::new(source, &failed, (input.len() / 16).min(1 << 22));
    {
        let mut chunk: Vec<Token> = Vec::with_capacity(chunk_tokens.min(input.len() / 2) + 1);
        let mut depth = 0i64;
        let mut after_newline = false;
        for token in source.lex() {
            match token.kind() {
                TokenKind::LeftSquareBracket => {
                    if depth == 0 && after_newline && chunk.len() >= chunk_tokens {
                        toml_parser::parser::parse_document(&chunk, &mut builder, &mut syntax);
                        chunk.clear();
                    }
                    depth += 1;
                }
                TokenKind::LeftCurlyBracket => depth += 1,
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth -= 1,
                _ => {}
            }
            after_newline = token.kind() == TokenKind::Newline;
            chunk.push(token);
        }
        toml_parser::parser::parse_document(&chunk, &mut builder, &mut syntax);
    }
    // `toml` lists the parser's errors before those of its walk over the events.
    if let Some(error) = syntax.first {
        return Err(SyntaxError::from_parse_error(&error));
    }
    if builder.active() {
        builder.finish_table();
    }
    if let Some(error) = builder.error {
        return Err(SyntaxError::from_parse_error(&error));
    }
    Ok(Tree {
        nodes: builder.arena.nodes,
        shared: builder.arena.shared,
    })
}

/// Keeps the parser's first error and flags the builder to stop.
struct FirstError<'f> {
    first: Option<ParseError>,
    failed: &'f Cell<bool>,
}

impl ErrorSink for FirstError<'_> {
    fn report_error(&mut self, error: ParseError) {
        self.failed.set(true);
        if self.first.is_none() {
            self.first = Some(error);
        }
    }
}

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

struct Builder<'i, 'f> {
    source: Source<'i>,
    arena: Arena<'i>,
    /// Set by the parser's sink on its first error: the tree is lost then.
    failed: &'f Cell<bool>,
    /// The first error of the tree itself (a decoding or a table rule).
    error: Option<ParseError>,
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
}

impl<'i, 'f> Builder<'i, 'f> {
    fn new(source: Source<'i>, failed: &'f Cell<bool>, expected_nodes: usize) -> Self {
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
        }
    }

    fn active(&self) -> bool {
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
        self.header = Some(header);
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
    fn finish_table(&mut self) {
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

/// The nodes being built, with a key index for the few tables too wide to
/// search key by key.
struct Arena<'i> {
    nodes: Vec<Node<'i>>,
    wide: HashMap<NodeId, HashMap<String, u32>>,
    /// Keys of the inline tables being read, innermost last.
    open: Vec<Entry<'i>>,
    /// Keys of the closed inline tables.
    shared: Vec<Entry<'i>>,
}

/// Tables with more keys than this get an index: a file may hold one table
/// of thousands of keys, and checking each new key against all the others
/// would take quadratic time.
const WIDE_TABLE: usize = 32;

impl<'i> Arena<'i> {
    fn keys_of<'s>(&'s self, node: &'s TableNode<'i>) -> &'s [Entry<'i>] {
        match node.entries {
            Entries::Own(ref entries) => entries,
            Entries::Open(from) => self.open.get(from as usize..).unwrap_or_default(),
            Entries::Shared { start, len } => self
                .shared
                .get(start as usize..(start + len) as usize)
                .unwrap_or_default(),
        }
    }

    fn entries(&self, table: NodeId) -> &[Entry<'i>] {
        match &self.nodes[table as usize].kind {
            Kind::Table(node) => self.keys_of(node),
            _ => &[],
        }
    }

    fn entry_mut(&mut self, table: NodeId, index: usize) -> Option<&mut Entry<'i>> {
        let Kind::Table(node) = &mut self.nodes[table as usize].kind else {
            return None;
        };
        match &mut node.entries {
            Entries::Own(entries) => entries.get_mut(index),
            Entries::Open(from) => self.open.get_mut(*from as usize + index),
            Entries::Shared { start, .. } => self.shared.get_mut(*start as usize + index),
        }
    }

    fn position(&self, table: NodeId, name: &str) -> Option<usize> {
        let Kind::Table(node) = &self.nodes[table as usize].kind else {
            return None;
        };
        if node.indexed {
            let index = self.wide.get(&table)?;
            return index.get(name).map(|&i| i as usize);
        }
        self.keys_of(node)
            .iter()
            .position(|entry| same_key(&entry.key, name))
    }

    fn find(&self, table: NodeId, name: &str) -> Option<&Entry<'i>> {
        let index = self.position(table, name)?;
        self.entries(table).get(index)
    }

    fn add(&mut self, table: NodeId, entry: Entry<'i>) {
        let Kind::Table(node) = &mut self.nodes[table as usize].kind else {
            return;
        };
        let len = match &mut node.entries {
            Entries::Own(entries) => {
                entries.push(entry);
                entries.len()
            }
            Entries::Open(from) => {
                self.open.push(entry);
                self.open.len() - *from as usize
            }
            // Closed tables take no more keys; the parser never asks.
            Entries::Shared { .. } => return,
        };
        if len > WIDE_TABLE {
            self.index_last_key(table, len);
        }
    }

    /// Keeps the index of a wide table up to date with its last key, making
    /// the index when the table first grows wide.
    #[cold]
    fn index_last_key(&mut self, table: NodeId, len: usize) {
        let entries = self.entries(table);
        if self.wide.contains_key(&table) {
            let key = entries.last().map(|entry| entry.key.to_string());
            if let (Some(key), Some(index)) = (key, self.wide.get_mut(&table)) {
                index.insert(key, len as u32 - 1);
            }
            return;
        }
        let index: HashMap<String, u32> = entries
            .iter()
            .enumerate()
            .map(|(i, entry)| (entry.key.to_string(), i as u32))
            .collect();
        self.wide.insert(table, index);
        if let Kind::Table(node) = &mut self.nodes[table as usize].kind {
            node.indexed = true;
        }
    }

    /// Moves the keys of a closing inline table to the shared list.
    fn close_inline(&mut self, table: NodeId) {
        let Kind::Table(node) = &mut self.nodes[table as usize].kind else {
            return;
        };
        let Entries::Open(from) = node.entries else {
            return;
        };
        let start = self.shared.len() as u32;
        let from = (from as usize).min(self.open.len());
        self.shared.extend(self.open.drain(from..));
        node.entries = Entries::Shared {
            start,
            len: self.shared.len() as u32 - start,
        };
    }
}

/// Key equality inlined: keys are a few bytes, shorter than a call to `memcmp`.
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

fn push_node<'i>(nodes: &mut Vec<Node<'i>>, span: Span32, kind: Kind<'i>) -> NodeId {
    let id = nodes.len() as NodeId;
    nodes.push(Node { span, kind });
    id
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

#[cfg(test)]
#[path = "tree_tests.rs"]
mod tests;
