//! Keys and values: decoding them, and putting each finished value in its
//! place under its key.

use std::borrow::Cow;

use toml_datetime::Datetime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::{ParseError, Span};

use super::paths::{descend, duplicate};
use super::{Builder, Frame, Place, RECURSION_LIMIT};
use crate::load::tree::arena::Arena;
use crate::load::tree::{Entry, Key, Kind, NodeId, Span32};

impl<'i> Builder<'i, '_> {
    pub(super) fn on_key(&mut self, span: Span, encoding: Option<Encoding>) {
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
    pub(super) fn keys_from(&self) -> usize {
        match self.stack.last() {
            Some(Frame::Inline { keys_from, .. }) => *keys_from,
            _ => 0,
        }
    }

    pub(super) fn check_key_depth(&mut self, from: usize) {
        // `toml` counts the parts before the last one.
        let parts = self.keys.len().saturating_sub(from);
        if parts >= RECURSION_LIMIT as usize {
            self.fail(ParseError::new("recursion limit"));
        }
    }

    pub(super) fn on_scalar(&mut self, span: Span, encoding: Option<Encoding>) {
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
        let kind = match scalar_kind(kind, decoded, span) {
            Ok(kind) => kind,
            Err(error) => {
                self.fail(error);
                return;
            }
        };
        let id = self.push(Span32::of(span), kind);
        self.complete(id);
    }

    /// Puts a finished value where it belongs: in the open array, under the
    /// pending key of the open inline table, or under the document's pending key.
    pub(super) fn complete(&mut self, value: NodeId) {
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
        let result = descend(arena, table, path, dotted, place)
            .and_then(|parent| add_entry(arena, parent, key, value, dotted, place));
        self.keys.truncate(from);
        result
    }
}

/// The node of a decoded scalar, read as `toml` reads it.
fn scalar_kind<'i>(
    kind: ScalarKind,
    decoded: Cow<'i, str>,
    span: Span,
) -> Result<Kind<'i>, ParseError> {
    Ok(match kind {
        ScalarKind::String => Kind::String(decoded),
        ScalarKind::Boolean(value) => Kind::Boolean(value),
        ScalarKind::DateTime => match decoded.parse::<Datetime>() {
            Ok(datetime) => Kind::Datetime(datetime),
            Err(err) => return Err(ParseError::new(err.to_string()).with_unexpected(span)),
        },
        ScalarKind::Float => Kind::Float(decoded.parse::<f64>().ok().filter(|float| {
            // As `toml`: an infinity is only written `inf`, never by overflow.
            !float.is_infinite() || decoded.contains("inf")
        })),
        ScalarKind::Integer(radix) => {
            Kind::Integer(i64::from_str_radix(&decoded, radix.value()).ok())
        }
    })
}

/// `key` = `value` in the table `parent`, unless that breaks a table rule.
fn add_entry<'i>(
    arena: &mut Arena<'i>,
    parent: NodeId,
    key: Key<'i>,
    value: NodeId,
    dotted: bool,
    place: Place,
) -> Result<(), ParseError> {
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
}
