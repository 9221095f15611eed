//! Footer words about what the screen is doing with input and saves.

use crate::model::Lang;

/// A paste outside the filter and the update prompt is not typed in.
pub fn paste_ignored(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已忽略粘贴：请在筛选（/）或更新（u）时粘贴",
        Lang::En => "paste ignored: paste into the filter (/) or an update (u)",
    }
}

/// A save waits for another writer's lock; keys keep working meanwhile.
pub fn waiting_for_lock(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "正在等待另一处更新写完……",
        Lang::En => "waiting for another update of the file to finish…",
    }
}
