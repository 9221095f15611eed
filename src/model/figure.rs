//! An item's figure at one revision of the file: what the history records
//! and what a comparison (`--since`) sets beside today's.

use super::plan::Level;

/// A task's `done` or an indicator's `value`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    Done(f64),
    Value(Level),
}
