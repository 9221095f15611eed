//! What the lists across campaigns are called: the attention list's, the
//! search results' and the changes list's titles, and why the changes list
//! is empty when it is.

use crate::i18n::{self, Strings};
use crate::model::Lang;
use crate::tui::app::App;

/// The search results' title: what was searched and how much it found.
pub fn search_title(s: &Strings, query: &str, count: usize, lang: Lang) -> String {
    let query = crate::text::sanitize_line(query.trim());
    match lang {
        Lang::Zh => format!(" {}“{query}”（{count}项） ", s.search),
        Lang::En if count == 1 => format!(" {} “{query}” (1 match) ", s.search),
        Lang::En => format!(" {} “{query}” ({count} matches) ", s.search),
    }
}

/// The changes list's title: since when, and how many moved.
pub fn changes_title(app: &App, count: usize, lang: Lang) -> String {
    let name = i18n::history::changes_title(lang);
    // Without a baseline the empty list says why; the title is its name.
    if app.baselined().and_then(|b| b.baseline).is_none() {
        return format!(" {name} ");
    }
    let since = app.baseline_words().unwrap_or_default();
    match lang {
        Lang::Zh => format!(" {name}（{since}，{count}项） "),
        Lang::En if count == 1 => format!(" {name} {since}: 1 item "),
        Lang::En => format!(" {name} {since}: {count} items "),
    }
}

/// What the changes list says when it has no row: why.
pub fn no_changes(app: &App, lang: Lang) -> &'static str {
    use crate::tui::changes::{Absent, HistoryState};
    match app.history() {
        HistoryState::Reading => i18n::history::reading(lang),
        HistoryState::Absent(Absent::NotInGit) => i18n::history::not_in_git(lang),
        HistoryState::Absent(Absent::Unreadable(_)) => i18n::history::unreadable(lang),
        HistoryState::Read(b) if b.baseline.is_none() => i18n::history::no_baseline(lang),
        HistoryState::Read(_) => i18n::history::nothing_moved(lang),
    }
}

/// The title: the list's name and how many items it holds.
pub fn title(name: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(" {name}（{count}项） "),
        Lang::En if count == 1 => format!(" {name} (1 item) "),
        Lang::En => format!(" {name} ({count} items) "),
    }
}
