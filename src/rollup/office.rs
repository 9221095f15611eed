//! `[rollup] office = "unit-id"`: which of the units is the office itself
//! (the province beside its cities). Read apart from the rest of
//! `[rollup]` because it names a unit, known only once the units are read.

use crate::load::tree::{Item, Value};
use crate::load::{Collector, Diagnostic, Words, did_you_mean, did_you_mean_help};

/// The office's unit id, when `[rollup]` names one; `Some(None)` when it
/// does not, `None` when it names no unit (an error at the value, with a
/// "did you mean").
pub(super) fn read(
    out: &mut Collector,
    rollup: Option<Value<'_, '_>>,
    units: &[String],
) -> Option<Option<String>> {
    let Some(Item::Table(table)) = rollup.map(|value| value.item()) else {
        return Some(None);
    };
    let Some(value) = table.get("office") else {
        return Some(None);
    };
    let office = out.id(value)?;
    if units.contains(&office) {
        return Some(Some(office));
    }
    let known: Vec<&str> = units.iter().map(String::as_str).collect();
    let diagnostic = Diagnostic::error(
        value.span(),
        Words::new(
            format!("`office` names `{office}`, which is no unit of the manifest"),
            format!("`office` 所指的 `{office}` 不是清单中的单位"),
        ),
        Words::new("unknown unit", "未知的单位"),
    );
    out.error(match did_you_mean(&office, &known) {
        Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
        None => diagnostic.with_help(Words::new(
            "name the [[unit]] whose file is the office's own, by its id",
            "以单位 id 指明哪个 `[[unit]]` 是本级自己的文件",
        )),
    });
    None
}
