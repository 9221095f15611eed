use super::*;

/// The threshold: WCAG 2's 3:1, the minimum for large text and for the
/// parts of an interface that must be told apart (1.4.3, 1.4.11). Status
/// never rests on colour alone (each has a symbol and a word), and the
/// colours that signal most are bold, so 3:1 is the bar a colour must clear
/// not to vanish; 4.5:1 would rule out the grey of secondary text on white.
const MIN_CONTRAST: f64 = 3.0;
const BLACK: (u8, u8, u8) = (0, 0, 0);
const WHITE: (u8, u8, u8) = (0xff, 0xff, 0xff);

/// Every foreground colour a palette can draw with.
fn colours(palette: &Palette) -> Vec<(String, Color)> {
    let mut styles: Vec<(String, Style)> = ALL_STATUSES
        .iter()
        .map(|s| (s.as_str().to_owned(), palette.status(*s)))
        .collect();
    let mut roles = vec![
        Role::Dim,
        Role::Key,
        Role::Error,
        Role::Notice,
        Role::Ok,
        Role::Border,
    ];
    roles.extend(CampaignTheme::ALL.map(Role::Accent));
    styles.extend(
        roles
            .into_iter()
            .map(|r| (format!("{r:?}"), palette.role(r))),
    );
    styles
        .into_iter()
        .filter_map(|(name, style)| style.fg.map(|c| (name, c)))
        .filter(|(_, c)| *c != Color::Reset)
        .collect()
}

fn assert_readable_on(theme: ThemeName, background: (u8, u8, u8)) {
    let palette = Palette {
        theme,
        ..Palette::default()
    };
    let colours = colours(&palette);
    assert!(colours.len() > 10, "{theme:?} draws in colour");
    for (what, color) in colours {
        let rgb = xterm_rgb(color).unwrap_or_else(|| panic!("{color:?} is not ANSI"));
        let ratio = contrast(rgb, background);
        assert!(
            ratio >= MIN_CONTRAST,
            "{theme:?}: {what} in {color:?} is {ratio:.2}:1 on {background:?}"
        );
    }
}

#[test]
fn the_dark_theme_reads_on_black() {
    assert_readable_on(ThemeName::Dark, BLACK);
}

#[test]
fn the_light_theme_reads_on_white() {
    assert_readable_on(ThemeName::Light, WHITE);
}

#[test]
fn the_high_contrast_theme_reads_on_black_and_white() {
    assert_readable_on(ThemeName::HighContrast, BLACK);
    assert_readable_on(ThemeName::HighContrast, WHITE);
}

#[test]
fn the_test_can_fail_on_yellow_on_white() {
    // The dark palette's yellow is what a light theme must not use.
    let yellow = xterm_rgb(Color::Yellow).unwrap();
    assert!(contrast(yellow, WHITE) < MIN_CONTRAST);
    assert!((contrast(BLACK, WHITE) - 21.0).abs() < 1e-9);
}

#[test]
fn a_status_colour_replaces_the_themes_and_keeps_bold() {
    let mut palette = Palette::default();
    palette.status[Status::Overdue as usize] = Some(Color::Magenta);
    let style = palette.status(Status::Overdue);
    assert_eq!(style.fg, Some(Color::Magenta));
    assert!(style.add_modifier.contains(Modifier::BOLD));
    assert_eq!(palette.status(Status::Behind).fg, Some(Color::LightRed));
}

#[test]
fn statuses_are_listed_in_their_own_order() {
    for (i, status) in ALL_STATUSES.iter().enumerate() {
        assert_eq!(*status as usize, i);
    }
}

#[test]
fn colour_names_read_back() {
    for (name, color) in COLOR_NAMES {
        assert_eq!(parse_color(name), Some(*color));
        assert_eq!(color_name(*color), *name);
    }
    assert_eq!(parse_color("orange"), None);
}
