//! Pieces both kinds of item use in the detail pane: labels, the status,
//! the room a history sparkline gets and the note.

use ratatui::text::{Line, Span};

use crate::i18n;
use crate::model::{Lang, Status, Text};
use crate::text;
use crate::tui::theme::Theme;

/// A dim label followed by a space: "Due ", "截止 ".
pub fn label(text_: &str, theme: &Theme) -> Span<'static> {
    Span::styled(format!("{text_} "), theme.dim())
}

/// The status as its symbol and word, in its colour.
/// "▼ behind", with `*` when the status rests on an assumed value.
pub fn status_span(status: Status, assumed: bool, lang: Lang, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!(
            "{} {}{}",
            status.symbol(theme.ascii),
            i18n::status_word(status, lang),
            crate::figures::mark(assumed)
        ),
        theme.status(status),
    )
}

/// How many cells a history sparkline may take after its label.
pub fn sparkline_room(width: u16, lang: Lang) -> usize {
    let s = i18n::strings(lang);
    usize::from(width)
        .saturating_sub(text::width(s.history) + 1)
        .clamp(1, 60)
}

/// The note under a blank line and its label, a line per paragraph.
pub fn note_lines(note: Option<&Text>, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let Some(note) = note else {
        return Vec::new();
    };
    let s = i18n::strings(lang);
    let mut out = vec![Line::raw(""), Line::from(label(s.note, theme))];
    out.extend(note.get(lang).lines().map(|p| Line::raw(p.to_owned())));
    out
}
