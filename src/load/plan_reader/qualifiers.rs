//! The words an item's table declares as qualifiers of its figure
//! (`Kind::Qualifier`, such as `approx`), read the same way for every item,
//! so a new one is a row of the table and not a line here.

use super::PlanReader;
use crate::load::fields::Fields;
use crate::load::{Diagnostic, Words};
use crate::model::{Qualifiers, Scale};

impl PlanReader<'_> {
    /// Every qualifier the item writes, as the table declares it. On the
    /// water-class scale a level is a class, never "more than" one, so
    /// any qualifier there is an error. `None` when one is in error.
    pub(super) fn qualifiers(
        &mut self,
        fields: &Fields<'_, '_>,
        scale: Scale,
    ) -> Option<Qualifiers> {
        let mut kept = Vec::new();
        let mut ok = true;
        for key in fields.format.qualifiers() {
            let Some(written) = self.out.word(fields, key.name) else {
                ok = false;
                continue;
            };
            let Some(qualifier) = written.and_then(|word| key.qualifier(word)) else {
                continue;
            };
            if let (Scale::WaterClass, Some(value)) = (scale, fields.get(key.name)) {
                let word = qualifier.word;
                self.out.error(Diagnostic::error(
                    value.span(),
                    Words::new(
                        format!("a water class cannot be \"{word}\""),
                        format!("水质类别不能标为 `\"{word}\"`"),
                    ),
                    Words::new("only for a number", "仅用于数值"),
                ));
                ok = false;
                continue;
            }
            kept.push(qualifier);
        }
        ok.then(|| Qualifiers::new(kept))
    }
}
