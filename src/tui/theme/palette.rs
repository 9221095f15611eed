//! The colours of each theme a config file can choose, and the status
//! colours it can set. Only the 16 ANSI colours are used (they follow the
//! terminal's own scheme); `light` and `high-contrast` avoid the ones that
//! vanish on a white background (yellow, cyan, green in xterm's defaults).

use ratatui::style::{Color, Modifier, Style};

use crate::model::{Status, Theme as CampaignTheme};

/// A config file's `theme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeName {
    /// The palette the app always had (made for a dark background).
    #[default]
    Auto,
    /// For a dark background: every colour readable on black.
    Dark,
    /// For a light background: every colour readable on white.
    Light,
    /// Bold, and colours readable on black and on white alike.
    HighContrast,
}

impl ThemeName {
    pub const ALL: [ThemeName; 4] = [
        ThemeName::Auto,
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::HighContrast,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Auto => "auto",
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    pub fn parse(name: &str) -> Option<ThemeName> {
        ThemeName::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// The colours of the screen: a theme and the statuses' own colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Palette {
    pub theme: ThemeName,
    /// Per status (in `Status` order), a colour replacing the theme's.
    pub status: [Option<Color>; STATUSES],
}

/// How many statuses there are.
pub const STATUSES: usize = 12;

/// Every status, in the order of `Status` (and of `Palette::status`).
pub const ALL_STATUSES: [Status; STATUSES] = [
    Status::Overdue,
    Status::NotMet,
    Status::Behind,
    Status::AtRisk,
    Status::InProgress,
    Status::DoneOpen,
    Status::OnTrack,
    Status::Done,
    Status::Met,
    Status::NotStarted,
    Status::Count,
    Status::NoTarget,
];

/// The 16 ANSI colours by the names a config file uses (and `default`,
/// the terminal's own foreground).
pub const COLOR_NAMES: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("white", Color::Gray),
    ("bright-black", Color::DarkGray),
    ("bright-red", Color::LightRed),
    ("bright-green", Color::LightGreen),
    ("bright-yellow", Color::LightYellow),
    ("bright-blue", Color::LightBlue),
    ("bright-magenta", Color::LightMagenta),
    ("bright-cyan", Color::LightCyan),
    ("bright-white", Color::White),
];

pub fn color_name(color: Color) -> &'static str {
    COLOR_NAMES
        .iter()
        .find(|(_, c)| *c == color)
        .map_or("default", |(name, _)| name)
}

pub fn parse_color(name: &str) -> Option<Color> {
    COLOR_NAMES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, color)| *color)
}

/// A part of the screen that has a colour of its own.
#[derive(Clone, Copy, Debug)]
pub enum Role {
    Dim,
    Key,
    Error,
    Notice,
    Ok,
    Border,
    Accent(CampaignTheme),
}

const B: Modifier = Modifier::BOLD;

fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

impl Palette {
    /// A status's style in colour: the config file's colour if it set one,
    /// over the theme's (whose bold stays).
    pub fn status(&self, status: Status) -> Style {
        let style = theme_status(self.theme, status);
        match self.status[status as usize] {
            Some(color) => style.fg(color),
            None => style,
        }
    }

    pub fn role(&self, role: Role) -> Style {
        use Color::*;
        use ThemeName::*;
        let air_water_soil_other = |colors: [Color; 4]| match role {
            Role::Accent(CampaignTheme::Air) => fg(colors[0]),
            Role::Accent(CampaignTheme::Water) => fg(colors[1]),
            Role::Accent(CampaignTheme::Soil) => fg(colors[2]),
            _ => fg(colors[3]),
        };
        match (self.theme, role) {
            (Auto, Role::Accent(_)) => air_water_soil_other([Cyan, Blue, Yellow, Magenta]),
            (Dark, Role::Accent(_)) => air_water_soil_other([Cyan, LightBlue, Yellow, Magenta]),
            (Light, Role::Accent(_)) => {
                air_water_soil_other([LightBlue, Blue, Magenta, LightMagenta])
            }
            (HighContrast, Role::Accent(_)) => {
                air_water_soil_other([LightBlue, LightBlue, Magenta, LightMagenta]).add_modifier(B)
            }
            (_, Role::Dim) => fg(DarkGray),
            (Auto | Dark, Role::Key) => fg(Cyan).add_modifier(B),
            (Auto | Dark, Role::Error) => fg(Red).add_modifier(B),
            (Auto | Dark, Role::Notice) => fg(Yellow).add_modifier(B),
            (Auto | Dark, Role::Ok) => fg(Green),
            (Auto | Dark, Role::Border) => fg(Cyan),
            (Light, Role::Key) => fg(Blue).add_modifier(B),
            (Light, Role::Error) => fg(Red).add_modifier(B),
            (Light, Role::Notice) => fg(Magenta).add_modifier(B),
            (Light, Role::Ok) => fg(Blue),
            (Light, Role::Border) => fg(Blue),
            (HighContrast, Role::Key) => fg(LightBlue).add_modifier(B),
            (HighContrast, Role::Error) => fg(LightRed).add_modifier(B),
            (HighContrast, Role::Notice) => fg(Magenta).add_modifier(B),
            (HighContrast, Role::Ok) => fg(LightBlue).add_modifier(B),
            (HighContrast, Role::Border) => fg(LightBlue),
        }
    }
}

fn theme_status(theme: ThemeName, status: Status) -> Style {
    use Color::*;
    use Status::*;
    match theme {
        ThemeName::Auto | ThemeName::Dark => match status {
            Overdue | NotMet => fg(Red).add_modifier(B),
            Behind => fg(LightRed),
            AtRisk => fg(Yellow),
            InProgress | DoneOpen => fg(Cyan),
            OnTrack | Met => fg(Green),
            NotStarted => fg(DarkGray),
            Done => fg(Green).add_modifier(B),
            Count | NoTarget => Style::new(),
        },
        // No green, yellow or cyan: on white they fall under 3:1.
        ThemeName::Light => match status {
            Overdue | NotMet => fg(Red).add_modifier(B),
            Behind => fg(Red),
            AtRisk => fg(Magenta),
            InProgress | DoneOpen | OnTrack | Met => fg(Blue),
            Done => fg(Blue).add_modifier(B),
            NotStarted => fg(DarkGray),
            Count | NoTarget => Style::new(),
        },
        ThemeName::HighContrast => match status {
            Overdue | NotMet => fg(LightRed).add_modifier(B),
            Behind => fg(Red).add_modifier(B),
            AtRisk => fg(Magenta).add_modifier(B),
            InProgress | DoneOpen | OnTrack | Done | Met => fg(LightBlue).add_modifier(B),
            NotStarted => fg(DarkGray),
            Count | NoTarget => Style::new().add_modifier(B),
        },
    }
}

/// xterm's default RGB for each ANSI colour: the reference the contrast
/// test measures against (terminals differ; xterm's are the common default).
pub fn xterm_rgb(color: Color) -> Option<(u8, u8, u8)> {
    Some(match color {
        Color::Black => (0, 0, 0),
        Color::Red => (0xcd, 0, 0),
        Color::Green => (0, 0xcd, 0),
        Color::Yellow => (0xcd, 0xcd, 0),
        Color::Blue => (0, 0, 0xee),
        Color::Magenta => (0xcd, 0, 0xcd),
        Color::Cyan => (0, 0xcd, 0xcd),
        Color::Gray => (0xe5, 0xe5, 0xe5),
        Color::DarkGray => (0x7f, 0x7f, 0x7f),
        Color::LightRed => (0xff, 0, 0),
        Color::LightGreen => (0, 0xff, 0),
        Color::LightYellow => (0xff, 0xff, 0),
        Color::LightBlue => (0x5c, 0x5c, 0xff),
        Color::LightMagenta => (0xff, 0, 0xff),
        Color::LightCyan => (0, 0xff, 0xff),
        Color::White => (0xff, 0xff, 0xff),
        _ => return None,
    })
}

/// WCAG 2 contrast ratio of two sRGB colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let luminance = |(r, g, b): (u8, u8, u8)| {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
#[path = "palette_tests.rs"]
mod tests;
