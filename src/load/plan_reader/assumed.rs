//! `assumed = ["due", ...]`: which of a table's own fields are not from the
//! source.

use super::PlanReader;
use crate::load::did_you_mean_help;
use crate::load::fields::{Fields, backticked, did_you_mean, what_zh};
use crate::load::tree::Item;
use crate::load::{Diagnostic, Words};
use crate::model::Assumed;

impl PlanReader<'_> {
    /// The `assumed` list of a table, naming keys the format lets it mark;
    /// any other name is an error with a "did you mean", and a field the
    /// table does not write is warned of (only its own values can be marked).
    pub(super) fn assumed(&mut self, fields: &Fields<'_, '_>) -> Option<Assumed> {
        let Some(list) = fields.get("assumed") else {
            return Some(Assumed::NONE);
        };
        let items = self.out.array(list, "assumed")?;
        let names: Vec<&str> = fields
            .format
            .markable()
            .map(|field| field.as_str())
            .collect();
        let mut assumed = Assumed::NONE;
        let mut ok = true;
        for item in items.iter() {
            let Item::String(word) = item.item() else {
                self.out.wrong_type(
                    item,
                    Words::new(
                        "each entry of `assumed` must be a field name",
                        "`assumed` 的每一项应为字段名",
                    ),
                    Words::new(
                        format!("a string, one of {}", names.join(", ")),
                        format!("字符串，可选 {}", backticked(&names)),
                    ),
                );
                ok = false;
                continue;
            };
            match fields.format.key(word).and_then(|key| key.marks) {
                Some(field) => {
                    if fields.get(field.as_str()).is_none() {
                        self.out.error(Diagnostic::warning(
                            item.span(),
                            Words::new(
                                format!(
                                    "`{field}` is marked assumed but {} does not write it",
                                    fields.what
                                ),
                                format!(
                                    "`{field}` 标为示例，但{}中没有写这一项",
                                    what_zh(fields.what)
                                ),
                            ),
                            Words::new("nothing to mark", "无可标注"),
                        ));
                    }
                    assumed = assumed.with(field);
                }
                None => {
                    let diagnostic = Diagnostic::error(
                        item.span(),
                        Words::new(
                            format!(
                                "`assumed` names `{word}`, which {} cannot mark",
                                fields.what
                            ),
                            format!(
                                "`assumed` 中的 `{word}` 不能在{}中标注",
                                what_zh(fields.what)
                            ),
                        ),
                        Words::new("not a field of this table", "不是此表的字段"),
                    );
                    self.out.error(match did_you_mean(word, &names) {
                        Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
                        None => diagnostic.with_help(Words::new(
                            format!("{} can mark: {}", fields.what, names.join(", ")),
                            format!("{}可标注：{}", what_zh(fields.what), backticked(&names)),
                        )),
                    });
                    ok = false;
                }
            }
        }
        ok.then_some(assumed)
    }
}
