//! The problems panel: every error and warning of the file, each as the
//! loader's rustc-style block (the line, a caret under the place, the
//! "did you mean" hint) in the language of the moment, over the body.
//! Only the blocks in view are rendered, so a file with thousands of
//! errors costs no more to draw than one with three.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::cells::{inner, put};
use crate::i18n;
use crate::load::{Diagnostic, LineIndex, summary};
use crate::model::Lang;
use crate::tui::app::App;
use crate::tui::app::problems::Problems;
use crate::tui::theme::Theme;

/// The columns left of each block: the pointer of the selected one.
const GUTTER: u16 = 2;

/// One diagnostic's lines as the panel shows them.
fn block(problems: &Problems, index: &LineIndex, d: &Diagnostic, lang: Lang) -> Vec<String> {
    d.render_indexed(problems.text, index, &problems.path, false, lang)
        .lines()
        .enumerate()
        .map(|(n, line)| labelled(n, line, lang))
        .collect()
}

/// The block's level ("错误") and its hint ("= 提示") joined to what follows
/// by the interface's colon, as the banner writes them: the rustc-style
/// renderer writes a half-width `: ` in every language.
fn labelled(n: usize, line: &str, lang: Lang) -> String {
    let hint = line.trim_start_matches([' ', '|']).starts_with("= ");
    let colon = i18n::strings(lang).colon;
    match line.split_once(": ") {
        Some((label, rest)) if n == 0 || hint => format!("{label}{colon}{rest}"),
        _ => line.to_owned(),
    }
}

/// The first block shown: the earliest from which the selected one still
/// fits whole (the selected one itself when it alone is taller).
fn first_shown(blocks: &[Vec<String>], selected: usize, height: usize) -> usize {
    let mut used = 0;
    let mut first = selected;
    for i in (0..=selected).rev() {
        // A blank line between two blocks.
        used += blocks[i].len() + usize::from(i != selected);
        if used > height {
            break;
        }
        first = i;
    }
    first
}

/// " Problems: campaigns.toml · 1 error, 2 warnings ".
fn title(problems: Option<&Problems>, lang: Lang, theme: &Theme) -> String {
    let name = i18n::problems_title(lang);
    let Some(p) = problems else {
        return format!(" {name} ");
    };
    let (errors, warnings) = summary(&p.diagnostics);
    let path = crate::text::sanitize_line(&p.path);
    let colon = i18n::strings(lang).colon;
    let counts = i18n::problem_counts(lang, errors, warnings);
    format!(" {name}{colon}{path}{}{counts} ", theme.dot())
}

/// Gives where the selected problem's headline (or the panel's one line)
/// was drawn.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let lang = app.settings().lang;
    let ell = theme.ellipsis();
    super::overlay::clear(area, buf);
    let problems = app.problems();
    Block::bordered()
        .border_set(theme.border_set())
        .border_style(theme.border(true))
        .title(Line::styled(
            title(problems.as_ref(), lang, theme),
            theme.title(),
        ))
        .render(area, buf);
    let inner = inner(area);
    if inner.width <= GUTTER || inner.height == 0 {
        return None;
    }
    let (x, width) = (inner.x + GUTTER, inner.width - GUTTER);
    if let Some(reason) = app.unreadable() {
        put(buf, x, inner.y, width, reason, theme.error(), ell);
        return Some(Position::new(x, inner.y));
    }
    match problems.filter(|p| !p.diagnostics.is_empty()) {
        Some(problems) => {
            let selected = app.problems_selected().unwrap_or(0);
            let selected = selected.min(problems.diagnostics.len() - 1);
            draw_blocks(buf, inner, &problems, selected, lang, theme)
        }
        None => {
            let words = i18n::no_problems(lang);
            put(buf, x, inner.y, width, words, theme.ok(), ell);
            Some(Position::new(x, inner.y))
        }
    }
}

/// The blocks from the first that lets the selected one show whole, the
/// selected one's headline marked.
fn draw_blocks(
    buf: &mut Buffer,
    inner: Rect,
    problems: &Problems,
    selected: usize,
    lang: Lang,
    theme: &Theme,
) -> Option<Position> {
    let ell = theme.ellipsis();
    let (x, width) = (inner.x + GUTTER, inner.width - GUTTER);
    let mut cursor = None;
    let height = usize::from(inner.height);
    let index = LineIndex::new(problems.text);
    // The blocks before the selected one that can share the panel with it,
    // at most a panel's height of them.
    let earliest = selected.saturating_sub(height);
    let before: Vec<Vec<String>> = problems.diagnostics[earliest..=selected]
        .iter()
        .map(|d| block(problems, &index, d, lang))
        .collect();
    let first = earliest + first_shown(&before, selected - earliest, height);
    let mut y = inner.y;
    for (i, d) in problems.diagnostics.iter().enumerate().skip(first) {
        if y >= inner.bottom() {
            break;
        }
        let lines = match i.checked_sub(earliest).and_then(|k| before.get(k)) {
            Some(lines) => lines.clone(),
            None => block(problems, &index, d, lang),
        };
        let head = if d.is_error() {
            theme.error()
        } else {
            theme.notice()
        };
        for (n, line) in lines
            .iter()
            .enumerate()
            .take(usize::from(inner.bottom() - y))
        {
            let style = match (n, i == selected) {
                (0, true) => head.patch(theme.selected()),
                (0, false) => head,
                _ => Default::default(),
            };
            if n == 0 && i == selected {
                put(buf, inner.x, y, GUTTER, theme.pointer(), theme.key(), ell);
                cursor = Some(Position::new(x, y));
            }
            put(buf, x, y, width, line, style, ell);
            y += 1;
        }
        // A blank line between blocks.
        y += 1;
    }
    cursor
}

#[cfg(test)]
mod tests {
    use super::{first_shown, labelled};
    use crate::model::Lang;

    #[test]
    fn the_level_and_the_hint_take_the_interfaces_colon() {
        assert_eq!(
            labelled(0, "错误: `done` 不能为负数", Lang::Zh),
            "错误：`done` 不能为负数"
        );
        assert_eq!(
            labelled(6, "    = 提示: 是否应为 `total`？", Lang::Zh),
            "    = 提示：是否应为 `total`？"
        );
        assert_eq!(
            labelled(0, "error: `done` must not", Lang::En),
            "error: `done` must not"
        );
        // The source line itself is the file's text, kept as it is.
        assert_eq!(
            labelled(3, "90 | a = \"x: y\"", Lang::Zh),
            "90 | a = \"x: y\""
        );
    }

    fn blocks(heights: &[usize]) -> Vec<Vec<String>> {
        heights.iter().map(|h| vec![String::new(); *h]).collect()
    }

    #[test]
    fn the_list_starts_at_the_top_while_the_selected_block_fits() {
        // 5 + 1 + 5 + 1 + 5 = 17 lines fit in 20.
        assert_eq!(first_shown(&blocks(&[5, 5, 5]), 2, 20), 0);
    }

    #[test]
    fn it_scrolls_just_enough_to_show_the_selected_block_whole() {
        // In 12 lines: the third block (5) and the second (5 + gap) fit, not the first.
        assert_eq!(first_shown(&blocks(&[5, 5, 5]), 2, 12), 1);
        // A block taller than the panel is shown from its start.
        assert_eq!(first_shown(&blocks(&[5, 30]), 1, 12), 1);
    }
}
