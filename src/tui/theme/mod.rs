//! Colours and symbols. Colours are the 16 ANSI ones, drawn on the
//! terminal's own background (no background colour is ever set for the
//! screen); the monochrome theme carries everything with symbols, words and
//! bold/reverse; ASCII mode swaps every symbol, border and gauge; words
//! mode (`--screen-reader`) is ASCII with blank borders and gauges and
//! status words for symbols (`words`). Which colours: `palette` (the config
//! file's theme and status colours).

mod palette;
mod words;

pub use palette::{
    ALL_STATUSES, COLOR_NAMES, Palette, Role, ThemeName, color_name, contrast, parse_color,
    xterm_rgb,
};

use ratatui::style::{Modifier, Style};
use ratatui::symbols::border;

use crate::model::{Status, Theme as CampaignTheme};

/// How the screen looks: colour or monochrome, Unicode or ASCII.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
    /// Words for glyphs, for a screen reader: implies `ascii`.
    pub words: bool,
    /// Used only with `color`: monochrome (NO_COLOR) wins over any theme.
    pub palette: Palette,
}

/// Borders drawn with `+ - |` only.
pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// The characters a gauge is drawn with.
#[derive(Clone, Copy, Debug)]
pub struct GaugeSymbols {
    pub filled: &'static str,
    pub empty: &'static str,
    /// Where the task should be by now.
    pub expected: &'static str,
}

impl Theme {
    pub fn new(color: bool, ascii: bool) -> Theme {
        Theme {
            color,
            ascii,
            words: false,
            palette: Palette::default(),
        }
    }

    pub fn with_palette(self, palette: Palette) -> Theme {
        Theme { palette, ..self }
    }

    /// A role's colour; in monochrome, plain.
    fn fg(&self, role: Role) -> Style {
        if self.color {
            self.palette.role(role)
        } else {
            Style::new()
        }
    }

    /// A status in its colour; in monochrome the statuses that need
    /// attention are bold, the rest plain (the symbol and word carry them).
    pub fn status(&self, status: Status) -> Style {
        if !self.color {
            return if status.needs_attention() {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
        }
        self.palette.status(status)
    }

    /// A campaign's own colour (air, water, soil, other).
    pub fn accent(&self, theme: CampaignTheme) -> Style {
        self.fg(Role::Accent(theme))
    }

    /// A small mark for a campaign's theme, beside its name.
    pub fn theme_mark(&self, theme: CampaignTheme) -> &'static str {
        if self.words {
            return "";
        }
        match (theme, self.ascii) {
            (CampaignTheme::Air, false) => "☁",
            (CampaignTheme::Water, false) => "≈",
            (CampaignTheme::Soil, false) => "▤",
            (CampaignTheme::Other, false) => "◆",
            (CampaignTheme::Air, true) => "A",
            (CampaignTheme::Water, true) => "W",
            (CampaignTheme::Soil, true) => "S",
            (CampaignTheme::Other, true) => "O",
        }
    }

    /// The selected row or card: reverse video reads in every terminal.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text (labels, hints). Monochrome keeps it plain.
    pub fn dim(&self) -> Style {
        self.fg(Role::Dim)
    }

    pub fn key(&self) -> Style {
        if self.color {
            self.fg(Role::Key)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn error(&self) -> Style {
        if self.color {
            self.fg(Role::Error)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        }
    }

    pub fn notice(&self) -> Style {
        if self.color {
            self.fg(Role::Notice)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn ok(&self) -> Style {
        self.fg(Role::Ok)
    }

    /// A focused pane's border stands out; an unfocused one recedes.
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => self.fg(Role::Border),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    pub fn border_set(&self) -> border::Set<'static> {
        if self.words {
            words::BLANK_BORDER
        } else if self.ascii {
            ASCII_BORDER
        } else {
            border::ROUNDED
        }
    }

    pub fn gauge(&self) -> GaugeSymbols {
        if self.words {
            words::BLANK_GAUGE
        } else if self.ascii {
            GaugeSymbols {
                filled: "#",
                empty: ".",
                expected: "|",
            }
        } else {
            GaugeSymbols {
                filled: "█",
                empty: "░",
                expected: "┃",
            }
        }
    }

    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "~" } else { "…" }
    }

    /// Separates fields on one line.
    pub fn dot(&self) -> &'static str {
        if self.ascii { " - " } else { " · " }
    }

    /// Marks the selected row for readers without reverse video.
    pub fn pointer(&self) -> &'static str {
        // `>` is on-track's symbol in ASCII: the pointer must not read as a status.
        if self.ascii { ")" } else { "▸" }
    }

    /// Where a prompt's next character goes; blank for a screen reader,
    /// whose own cursor stands there.
    pub fn input_mark(&self) -> &'static str {
        if self.words {
            " "
        } else if self.ascii {
            "_"
        } else {
            "▏"
        }
    }

    /// Marks a level on the water-class scale.
    pub fn marker(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("^", "T")
        } else {
            ("▲", "△")
        }
    }

    /// A sparkline's levels, lowest first, each its own glyph so that every
    /// step of a chart shows (ASCII has five, Unicode eight; words mode
    /// draws none: the figures beside the chart say it).
    pub fn spark_levels(&self) -> &'static [&'static str] {
        if self.words {
            &[" "; 8]
        } else if self.ascii {
            &["_", ".", "-", "=", "#"]
        } else {
            &["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        }
    }

    pub fn warning_mark(&self) -> &'static str {
        if self.ascii { "!" } else { "⚠" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_sets_no_colour() {
        let mono = Theme::new(false, false);
        for status in Status::TASK.iter().chain(Status::INDICATOR.iter()) {
            let style = mono.status(*status);
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert_eq!(mono.accent(CampaignTheme::Water).fg, None);
        assert_eq!(mono.dim().fg, None);
    }

    #[test]
    fn no_style_sets_a_background() {
        for theme in [Theme::new(true, false), Theme::new(false, true)] {
            for status in Status::TASK.iter().chain(Status::INDICATOR.iter()) {
                assert_eq!(theme.status(*status).bg, None);
            }
            for style in [theme.title(), theme.dim(), theme.error(), theme.key()] {
                assert_eq!(style.bg, None);
            }
        }
    }

    #[test]
    fn ascii_symbols_are_ascii() {
        let ascii = Theme::new(true, true);
        let g = ascii.gauge();
        let mut all = vec![
            g.filled,
            g.empty,
            g.expected,
            ascii.ellipsis(),
            ascii.pointer(),
        ];
        all.extend(ascii.spark_levels());
        all.extend([
            ascii.marker().0,
            ascii.marker().1,
            ascii.warning_mark(),
            ascii.dot(),
        ]);
        let b = ascii.border_set();
        all.extend([b.top_left, b.horizontal_top, b.vertical_left]);
        for theme in crate::model::Theme::ALL {
            all.push(ascii.theme_mark(theme));
        }
        assert!(all.iter().all(|s| s.is_ascii()), "{all:?}");
    }
}
