//! The words about input the screen did not take as keys.

use crate::model::Lang;

/// A paste outside the filter and the update prompt is not typed in.
pub fn paste_ignored(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已忽略粘贴：请在筛选（/）或更新（u）时粘贴",
        Lang::En => "paste ignored: paste into the filter (/) or an update (u)",
    }
}
