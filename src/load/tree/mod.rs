//! A lean spanned TOML document, built straight from `toml_parser`'s events:
//! one arena of nodes, each table a short list of keys in file order, strings
//! borrowed from the source unless they hold escapes, a span on every key and
//! value. It follows the table rules of the `toml` crate (headers, arrays of
//! tables, dotted keys, inline tables, implicit tables) and reports the first
//! error as `toml` would, so a file reads the same as with `toml::from_str`,
//! at a fraction of the cost of `toml`'s own tree.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use toml_datetime::Datetime;
use toml_parser::lexer::{Token, TokenKind};
use toml_parser::{ErrorSink, Expected, ParseError, Source, Span};

use super::Words;
use arena::same_key;
use builder::Builder;

mod arena;
mod builder;

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
    section_starts: Vec<u32>,
    shallow_starts: Vec<u32>,
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

    /// Where each top-level section starts, in order: the byte offset of
    /// the `[` of a header of one key (`[meta]`, `[[campaign]]`), or of a
    /// deeper header whose first key differs from that of the section
    /// before it. Everything from one start to the next belongs to the
    /// first key's value, which is what lets one section be re-read alone.
    pub fn section_starts(&self) -> &[u32] {
        &self.section_starts
    }

    /// Where each part starts, in order: a header of one or two keys
    /// (`[[campaign]]`, `[[campaign.task]]`), or a deeper one under other
    /// first two keys than the part before it (an indicator's
    /// `[[campaign.indicator.history]]` after a task). Not a task's own
    /// `[[campaign.task.history]]`: a task's part runs from its header to
    /// the next of these, and holds all of it.
    pub fn shallow_starts(&self) -> &[u32] {
        &self.shallow_starts
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
    /// What kind of value this is, as a message names it.
    pub fn describe(&self) -> Words {
        let (en, zh) = match self.node().kind {
            Kind::String(_) => ("a string", "字符串"),
            Kind::Integer(_) => ("an integer", "整数"),
            Kind::Float(_) => ("a float", "小数"),
            Kind::Boolean(_) => ("a boolean", "布尔值"),
            Kind::Datetime(_) => ("a date", "日期"),
            Kind::Array(_) => ("an array", "数组"),
            Kind::Table(_) => ("a table", "表"),
        };
        Words::new(en, zh)
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
        section_starts: builder.section_starts,
        shallow_starts: builder.shallow_starts,
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

#[cfg(test)]
mod tests;
