//! The parser's events, each passed on to the part of the builder that
//! handles it, and the nesting limit `toml` keeps.

use toml_parser::decoder::Encoding;
use toml_parser::parser::EventReceiver;
use toml_parser::{ErrorSink, ParseError, Span};

use super::{Builder, Frame, RECURSION_LIMIT};
use crate::load::tree::{ArrayNode, Entries, Kind, Span32, TableNode};

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
