//! `assumed = ["due", ...]`: which of a table's own fields are not from the
//! source.

use super::PlanReader;
use crate::load::Diagnostic;
use crate::load::fields::{Fields, did_you_mean};
use crate::load::tree::Item;
use crate::model::{Assumed, Field};

impl PlanReader<'_> {
    /// The `assumed` list of a table that may mark `allowed`; a name that is
    /// not one of them is an error with a "did you mean", and a field the
    /// table does not write is warned of (only its own values can be marked).
    pub(super) fn assumed(
        &mut self,
        fields: &Fields<'_, '_>,
        allowed: &[Field],
    ) -> Option<Assumed> {
        let Some(list) = fields.get("assumed") else {
            return Some(Assumed::NONE);
        };
        let items = self.out.array(list, "assumed")?;
        let names: Vec<&str> = allowed.iter().map(|field| field.as_str()).collect();
        let mut assumed = Assumed::NONE;
        let mut ok = true;
        for item in items.iter() {
            let Item::String(word) = item.item() else {
                self.out.wrong_type(
                    item,
                    "each entry of `assumed` must be a field name",
                    &format!("a string, one of {}", names.join(", ")),
                );
                ok = false;
                continue;
            };
            match Field::parse(word).filter(|field| allowed.contains(field)) {
                Some(field) => {
                    if fields.get(field.as_str()).is_none() {
                        self.out.error(Diagnostic::warning(
                            item.span(),
                            format!(
                                "`{field}` is marked assumed but {} does not write it",
                                fields.what
                            ),
                            "nothing to mark",
                        ));
                    }
                    assumed = assumed.with(field);
                }
                None => {
                    let diagnostic = Diagnostic::error(
                        item.span(),
                        format!(
                            "`assumed` names `{word}`, which {} cannot mark",
                            fields.what
                        ),
                        "not a field of this table",
                    );
                    self.out.error(match did_you_mean(word, &names) {
                        Some(candidate) => {
                            diagnostic.with_help(format!("did you mean `{candidate}`?"))
                        }
                        None => diagnostic.with_help(format!(
                            "{} can mark: {}",
                            fields.what,
                            names.join(", ")
                        )),
                    });
                    ok = false;
                }
            }
        }
        ok.then_some(assumed)
    }
}
