//! The screen reader's glyph set (`--screen-reader`): ASCII where a glyph
//! must stay, blanks where a drawing only repeats a figure printed beside
//! it (borders, gauges, sparklines), and a status's word for its symbol.
//! Braille displays and Orca read the cells as text: `▼` or `█` would be
//! read out as character names.

use ratatui::symbols::border;

use super::{GaugeSymbols, Theme};
use crate::i18n;
use crate::model::{Lang, Status};

/// Borders of blanks: the panes keep their place and their titles.
pub const BLANK_BORDER: border::Set = border::Set {
    top_left: " ",
    top_right: " ",
    bottom_left: " ",
    bottom_right: " ",
    vertical_left: " ",
    vertical_right: " ",
    horizontal_top: " ",
    horizontal_bottom: " ",
};

/// A gauge of blanks: the percentage beside every gauge says it in words.
pub const BLANK_GAUGE: GaugeSymbols = GaugeSymbols {
    filled: " ",
    empty: " ",
    expected: " ",
};

impl Theme {
    /// Words for glyphs: ASCII for what remains of the glyphs, blanks for
    /// borders and gauges, a status's word for its symbol.
    pub fn with_words(self, words: bool) -> Theme {
        Theme {
            words,
            ascii: self.ascii || words,
            ..self
        }
    }

    /// A status as its symbol and word ("▼ behind"); in words, the word
    /// alone (a symbol before it would be read as a second word).
    pub fn status_label(&self, status: Status, lang: Lang) -> String {
        let word = i18n::status_word(status, lang);
        if self.words {
            word.to_owned()
        } else {
            format!("{} {word}", status.symbol(self.ascii))
        }
    }

    /// A status where its symbol stands alone, before an item's name: the
    /// symbol, or in words the status's word.
    pub fn status_symbol(&self, status: Status, lang: Lang) -> &'static str {
        if self.words {
            i18n::status_word(status, lang)
        } else {
            status.symbol(self.ascii)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_mode_writes_no_drawing_glyph() {
        let words = Theme::new(true, false).with_words(true);
        assert!(words.ascii, "words imply ASCII for the glyphs that stay");
        let b = words.border_set();
        let g = words.gauge();
        let mut all = vec![b.top_left, b.horizontal_top, b.vertical_left, g.filled];
        all.extend([g.empty, g.expected, words.ellipsis(), words.pointer()]);
        all.extend(words.spark_levels());
        assert!(all.iter().all(|s| s.is_ascii()), "{all:?}");
        assert!(all.iter().filter(|s| s.trim().is_empty()).count() >= 8);
        for status in Status::TASK.iter().chain(Status::INDICATOR.iter()) {
            let word = i18n::status_word(*status, Lang::En);
            assert_eq!(words.status_label(*status, Lang::En), word);
            assert_eq!(words.status_symbol(*status, Lang::En), word);
        }
        let plain = Theme::new(true, false);
        assert_eq!(plain.status_label(Status::Behind, Lang::En), "▼ behind");
        assert_eq!(plain.status_symbol(Status::Behind, Lang::En), "▼");
        assert_eq!(words.theme_mark(crate::model::Theme::Air), "");
    }
}
