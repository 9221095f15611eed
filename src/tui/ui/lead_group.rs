//! The heading of one group of a list by 责任单位 (lead): the lead, how
//! many items it answers for, their statuses, and how far its tasks are
//! short of 序时进度 in their units: `市生态环境局（2项）：差24个* · ✗ 未达标 1 · ▼ 滞后 1`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::cells::put;
use crate::figures;
use crate::i18n;
use crate::model::Lang;
use crate::model::by_lead::LeadGroup;
use crate::tui::theme::Theme;

/// The heading's text in `lang`.
pub fn heading_text(group: &LeadGroup, lang: Lang, theme: &Theme) -> String {
    let lead = group
        .lead
        .as_ref()
        .map_or(i18n::meeting::no_lead(lang), |lead| lead.get(lang));
    let lead = crate::text::sanitize_line(lead);
    let dot = theme.dot();
    // The shortfall first: the rows below show the statuses too.
    let mut parts: Vec<String> = group
        .short
        .iter()
        .map(|short| figures::shortfall(short, lang).to_string())
        .collect();
    if theme.words {
        // A screen reader hears the word once, without the symbol's name.
        let counts = group.counts.iter();
        parts
            .extend(counts.map(|(status, n)| format!("{} {n}", theme.status_label(*status, lang))));
    } else {
        parts.push(figures::status_counts(
            &group.counts,
            lang,
            theme.ascii,
            dot,
        ));
    }
    let (n, rest) = (group.len, parts.join(dot));
    match lang {
        Lang::Zh => format!("{lead}（{n}项）：{rest}"),
        Lang::En if n == 1 => format!("{lead} (1 item): {rest}"),
        Lang::En => format!("{lead} ({n} items): {rest}"),
    }
}

/// Draws the heading on `line`, beside where the rows' pointer goes.
pub fn heading(buf: &mut Buffer, line: Rect, group: &LeadGroup, lang: Lang, theme: &Theme) {
    let text = heading_text(group, lang, theme);
    let width = line.width.saturating_sub(1);
    put(
        buf,
        line.x + 1,
        line.y,
        width,
        &text,
        theme.title(),
        theme.ellipsis(),
    );
}
