//! The statuses a card lists, "✔ done 3" each, flowed across its lines;
//! the grid asks how many lines they take of every card on every frame.

use crate::model::{CampaignStatus, Lang, Status};
use crate::text;
use crate::tui::theme::Theme;

/// The statuses present, "✔ done 3" each, flowed across lines of `width`.
pub(super) fn status_lines(
    status: &CampaignStatus,
    lang: Lang,
    width: u16,
    theme: &Theme,
) -> Vec<Vec<(String, Status)>> {
    let mut lines: Vec<Vec<(String, Status)>> = Vec::new();
    let entries = status.rollup.status_counts.iter().map(|(s, n)| {
        let entry = format!("{} {n}", theme.status_label(*s, lang));
        (entry, *s)
    });
    let widths = status_entry_widths(status, lang, theme);
    for ((entry, s), line) in entries.zip(wrap(widths, width)) {
        if line == lines.len() {
            lines.push(Vec::new());
        }
        if let Some(last) = lines.last_mut() {
            last.push((entry, s));
        }
    }
    lines
}

/// How many lines [`status_lines`] takes, without formatting: the grid asks
/// this of every campaign on every frame.
pub fn status_line_count(status: &CampaignStatus, lang: Lang, width: u16, theme: &Theme) -> usize {
    wrap(status_entry_widths(status, lang, theme), width)
        .last()
        .map_or(0, |line| line + 1)
}

/// The display width of each "symbol word count" entry, with its gap.
fn status_entry_widths<'a>(
    status: &'a CampaignStatus,
    lang: Lang,
    theme: &'a Theme,
) -> impl Iterator<Item = usize> + 'a {
    status.rollup.status_counts.iter().map(move |(s, n)| {
        let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
        text::width(&theme.status_label(*s, lang)) + 1 + digits + 2
    })
}

/// The line each entry of `widths` goes on, wrapping at `width`.
fn wrap(widths: impl Iterator<Item = usize>, width: u16) -> impl Iterator<Item = usize> {
    let mut used = 0usize;
    let mut line: Option<usize> = None;
    widths.map(move |w| match line {
        Some(current) if used + w <= usize::from(width) + 2 => {
            used += w;
            current
        }
        _ => {
            let next = line.map_or(0, |l| l + 1);
            line = Some(next);
            used = w;
            next
        }
    })
}
