//! Ids: each is checked for its form and for being used once in its
//! namespace (the plan's campaigns, or one campaign's items).

use std::collections::HashMap;
use std::ops::Range;

use super::PlanReader;
use crate::load::fields::Fields;
use crate::load::{Diagnostic, Words};

/// Ids seen so far in one namespace, with where each was first written.
#[derive(Default)]
pub(super) struct IdSet(HashMap<String, Range<usize>>);

impl IdSet {
    /// Records `id`; returns the first span if it was already there.
    fn insert(&mut self, id: &str, span: Range<usize>) -> Option<Range<usize>> {
        if let Some(first) = self.0.get(id) {
            return Some(first.clone());
        }
        self.0.insert(id.to_owned(), span);
        None
    }
}

impl PlanReader<'_> {
    /// The table's `id`, if it is there, well formed and new in `ids`.
    pub(super) fn required_id(
        &mut self,
        fields: &Fields<'_, '_>,
        ids: &mut IdSet,
    ) -> Option<String> {
        let value = fields.get("id")?;
        let id = self.out.id(value)?;
        if let Some(first) = ids.insert(&id, value.span()) {
            let line = self.line_of(&first).0;
            self.out.error(
                Diagnostic::error(
                    value.span(),
                    Words::new(format!("duplicate id `{id}`"), format!("id `{id}` 重复")),
                    Words::new("used twice", "重复使用"),
                )
                .with_help(Words::new(
                    format!("`{id}` is first used on line {line}; ids must be unique"),
                    format!("`{id}` 已在第 {line} 行使用；id 不得重复"),
                )),
            );
            return None;
        }
        Some(id)
    }
}
