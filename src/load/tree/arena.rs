//! The nodes under construction, and the keys of their tables.

use std::collections::HashMap;

use super::{Entries, Entry, Kind, Node, NodeId, Span32, TableNode};

/// The nodes being built, with a key index for the few tables too wide to
/// search key by key.
pub(super) struct Arena<'i> {
    pub(super) nodes: Vec<Node<'i>>,
    pub(super) wide: HashMap<NodeId, HashMap<String, u32>>,
    /// Keys of the inline tables being read, innermost last.
    pub(super) open: Vec<Entry<'i>>,
    /// Keys of the closed inline tables.
    pub(super) shared: Vec<Entry<'i>>,
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

    pub(super) fn entries(&self, table: NodeId) -> &[Entry<'i>] {
        match &self.nodes[table as usize].kind {
            Kind::Table(node) => self.keys_of(node),
            _ => &[],
        }
    }

    pub(super) fn entry_mut(&mut self, table: NodeId, index: usize) -> Option<&mut Entry<'i>> {
        let Kind::Table(node) = &mut self.nodes[table as usize].kind else {
            return None;
        };
        match &mut node.entries {
            Entries::Own(entries) => entries.get_mut(index),
            Entries::Open(from) => self.open.get_mut(*from as usize + index),
            Entries::Shared { start, .. } => self.shared.get_mut(*start as usize + index),
        }
    }

    pub(super) fn position(&self, table: NodeId, name: &str) -> Option<usize> {
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

    pub(super) fn find(&self, table: NodeId, name: &str) -> Option<&Entry<'i>> {
        let index = self.position(table, name)?;
        self.entries(table).get(index)
    }

    pub(super) fn add(&mut self, table: NodeId, entry: Entry<'i>) {
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
    pub(super) fn close_inline(&mut self, table: NodeId) {
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
pub(super) fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

pub(super) fn push_node<'i>(nodes: &mut Vec<Node<'i>>, span: Span32, kind: Kind<'i>) -> NodeId {
    let id = nodes.len() as NodeId;
    nodes.push(Node { span, kind });
    id
}
