//! Builds the tree from the parser's events, keeping `toml`'s table rules.
//!
//! This file holds the builder's state; `events` feeds it the parser's
//! events, `values` files keys and values, `headers` opens the tables that
//! `[headers]` name, and `paths` walks a dotted path to its table.

mod events;
mod headers;
mod paths;
mod values;

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;

use toml_parser::decoder::Encoding;
use toml_parser::{ParseError, Raw, Source, Span};

use super::arena::{Arena, push_node};
use super::{Key, Kind, Node, NodeId, Span32, TableNode};

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
}
