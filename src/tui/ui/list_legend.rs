//! The legend under a list across campaigns: what `*` and the gap mean and
//! which items were removed since the baseline, on the line under the rows,
//! wrapped into the free lines above it when it is longer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::cells::put_spans;
use super::wrap::wrap;
use crate::i18n;
use crate::model::Lang;
use crate::tui::app::attention::AttentionList;
use crate::tui::theme::Theme;

/// The line under the rows: the `*` first (DESIGN asks for its legend
/// wherever it shows), the gap's meaning, the items removed since the
/// baseline.
pub(crate) fn text(list: &AttentionList, gap_shown: bool, lang: Lang, theme: &Theme) -> String {
    let s = i18n::strings(lang);
    let mut text = Vec::new();
    if list.any_assumed {
        text.push(s.assumed_legend.to_owned());
    }
    if list.any_gap && gap_shown {
        text.push(s.attention_gap_legend.to_owned());
    }
    if !list.removed.is_empty() {
        let names: Vec<String> = list
            .removed
            .iter()
            .map(|name| name.get(lang).to_owned())
            .collect();
        text.push(i18n::history::removed_items(&names, lang));
    }
    text.join(theme.dot())
}

/// The legend on its line, wrapped upwards into the `spare` free lines above
/// it when it is longer than a line, so removed items' names are read whole;
/// cut with the ellipsis only when even those are too few.
pub fn draw(buf: &mut Buffer, legend: Rect, spare: u16, text: &str, theme: &Theme) {
    let width = legend.width.saturating_sub(1);
    let room = usize::from(spare) + 1;
    let lines = wrap(&[(text, theme.dim())], width, room, theme.ellipsis());
    let top = legend.bottom().saturating_sub(lines.len() as u16);
    for (n, line) in lines.iter().enumerate() {
        let spans: Vec<(&str, Style)> = line.iter().map(|(t, st)| (t.as_str(), *st)).collect();
        let at = Rect {
            x: legend.x + 1,
            y: top + n as u16,
            width,
            height: 1,
        };
        put_spans(buf, at, at.y, &spans, theme.ellipsis());
    }
}
