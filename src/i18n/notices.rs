//! Footer words about what the screen is doing with input and saves.

use crate::model::Lang;

/// `n` or `N` before anything was found.
pub fn no_search(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有可跳转的搜索结果：在总览按 / 搜索",
        Lang::En => "no search results to step through: / on the overview searches",
    }
}

/// A paste outside the filter and the update prompt is not typed in.
pub fn paste_ignored(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已忽略粘贴：请在筛选（/）或更新（u）时粘贴",
        Lang::En => "paste ignored: paste into the filter (/) or an update (u)",
    }
}

/// The typo guard: a done count above the task's total.
pub fn beyond_total(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "超过总量：按 y 仍然保存，Esc 取消",
        Lang::En => "more than the total: y saves it anyway, Esc cancels",
    }
}

/// The typo guard: more than twice or under half the current figure.
pub fn far_from_current(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "超过当前数的两倍或不到一半：按 y 仍然保存，Esc 取消",
        Lang::En => "over twice or under half the current figure: y saves it anyway, Esc cancels",
    }
}

/// `U` with no update made from this screen to take back.
pub fn nothing_to_undo(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "没有可撤销的更新",
        Lang::En => "nothing to undo: no update made here since the app started",
    }
}

/// A save waits for another writer's lock; keys keep working meanwhile.
pub fn waiting_for_lock(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "正在等待另一处更新写完……",
        Lang::En => "waiting for another update of the file to finish…",
    }
}

/// The footer after `c`: the line now on the clipboard follows.
pub fn copied(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "已复制",
        Lang::En => "copied",
    }
}
