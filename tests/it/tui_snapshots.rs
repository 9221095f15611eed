//! Whole frames of the review screen as text (insta), at the sizes people
//! use, in both languages and in ASCII mode; styles checked on cells; and
//! every size from 0×0 up drawn without a panic.

use std::path::PathBuf;

use campaigns::load::{self, Opened};
use campaigns::model::Lang;
use campaigns::tui::render::{frame, show, to_text};
use campaigns::tui::{Action, App, Command, Settings};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

pub(crate) const FIXTURE: &str = "tests/fixtures/tui/plan.toml";

pub(crate) fn settings(lang: Lang, ascii: bool, color: bool) -> Settings {
    Settings {
        ascii,
        color,
        ..Settings::plain(
            lang,
            load::Options {
                as_of: None,
                today: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            },
        )
    }
}

pub(crate) fn app_with(settings: Settings, size: (u16, u16), view: &str) -> App {
    let document = Opened::load(FIXTURE.as_ref(), settings.dates);
    let mut app = App::new(PathBuf::from(FIXTURE), document, settings);
    app.update(Action::Resize(size.0, size.1));
    show(&mut app, view).unwrap();
    app
}

pub(crate) fn text(app: &App, size: (u16, u16)) -> String {
    to_text(&frame(app, size))
}

fn snapshot(lang: Lang, ascii: bool, size: (u16, u16), view: &str) -> String {
    let app = app_with(settings(lang, ascii, true), size, view);
    text(&app, size)
}

#[test]
fn frames_at_common_sizes_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        for size in [(120, 40), (80, 24), (60, 20)] {
            for view in ["overview", "clear-water", "help"] {
                let name = format!("{view}_{}x{}_{}", size.0, size.1, lang.code());
                insta::assert_snapshot!(name, snapshot(lang, false, size, view));
            }
        }
    }
}

#[test]
fn ascii_frames() {
    for view in ["overview", "blue-sky", "help"] {
        let name = format!("ascii_{view}_80x24_en");
        let frame = snapshot(Lang::En, true, (80, 24), view);
        insta::assert_snapshot!(name, frame);
    }
}

#[test]
fn ascii_mode_draws_no_symbol_outside_ascii() {
    // The English interface over data whose text is ASCII: every cell is ASCII.
    for view in ["overview", "blue-sky", "clear-water", "clean-soil", "help"] {
        let app = app_with(settings(Lang::En, true, false), (100, 30), view);
        let buffer = frame(&app, (100, 30));
        for cell in buffer.content() {
            let symbol = cell.symbol();
            // Data text from the file (Chinese lead names, units) may be non-ASCII.
            let from_data = symbol.chars().all(|c| !c.is_ascii())
                && symbol
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "μ³".contains(c));
            assert!(symbol.is_ascii() || from_data, "{view}: {symbol:?}");
        }
    }
}

#[test]
fn tiny_frames() {
    for (w, h) in [(1, 1), (10, 3)] {
        for lang in [Lang::Zh, Lang::En] {
            let name = format!("tiny_{w}x{h}_{}", lang.code());
            insta::assert_snapshot!(name, snapshot(lang, false, (w, h), "overview"));
        }
    }
}

#[test]
fn a_detail_pane_for_an_indicator_shows_the_class_scale() {
    let app = app_with(settings(Lang::En, false, true), (120, 40), "clear-water");
    // Not met: worst first, above the tasks.
    assert_eq!(app.selected_id(), Some("tianguan-river"));
    insta::assert_snapshot!("indicator_detail_120x40_en", text(&app, (120, 40)));
    // In Chinese the bureau's class words: Ⅳ类, 达到或优于Ⅲ类, the scale Ⅰ … 劣Ⅴ;
    // ASCII mode keeps the words with ASCII numerals (IV类).
    for (ascii, name) in [
        (false, "indicator_detail_120x40_zh"),
        (true, "indicator_detail_ascii_100x30_zh"),
    ] {
        let size = if ascii { (100, 30) } else { (120, 40) };
        let app = app_with(settings(Lang::Zh, ascii, true), size, "clear-water");
        // Not met: worst first, above the tasks.
        assert_eq!(app.selected_id(), Some("tianguan-river"));
        insta::assert_snapshot!(name, text(&app, size));
    }
    // A numeric indicator with history: the trend scaled to its own range.
    let mut app = app_with(settings(Lang::Zh, false, true), (80, 24), "blue-sky");
    app.update(Command::Bottom.into());
    // Met, above the plain count at the bottom.
    app.update(Command::Up.into());
    assert_eq!(app.selected_id(), Some("pm25"));
    insta::assert_snapshot!("indicator_history_80x24_zh", text(&app, (80, 24)));
}

#[test]
fn prompts_banner_and_notice_are_drawn() {
    let mut app = app_with(settings(Lang::Zh, false, true), (80, 24), "clear-water");
    let source = std::fs::read_to_string(FIXTURE).unwrap();
    let broken = source.replace("done = 110", "done = \"many\"");
    let document = Opened::parse(FIXTURE.as_ref(), broken, app.settings().dates);
    app.update(Action::Loaded(Box::new(Ok(document))));
    app.update(Action::FileMissing);
    // The task above the last row (the met indicator).
    app.update(Command::Bottom.into());
    app.update(Command::Up.into());
    app.update(Command::StartUpdate.into());
    app.update(Command::Input('x').into());
    app.update(Command::Submit.into());
    insta::assert_snapshot!("update_prompt_banner_80x24_zh", text(&app, (80, 24)));
    app.update(Command::Back.into());
    app.update(Command::StartFilter.into());
    for c in "outfall".chars() {
        app.update(Command::Input(c).into());
    }
    insta::assert_snapshot!("filter_prompt_80x24_zh", text(&app, (80, 24)));
}

fn find(buffer: &Buffer, needle: &str) -> (u16, u16) {
    let area = buffer.area;
    for y in 0..area.height {
        let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(byte) = line.find(needle) {
            let x = line[..byte].chars().count() as u16;
            return (x, y);
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn status_colours_and_the_selection_are_on_the_cells() {
    let app = app_with(settings(Lang::En, false, true), (120, 40), "clear-water");
    let buffer = frame(&app, (120, 40));
    // The first row is selected: reversed across the row, pointer shown.
    let (x, y) = find(&buffer, "▸ ✗ not-met");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(buffer[(x + 30, y)].modifier.contains(Modifier::REVERSED));
    // The next row is not selected.
    assert!(!buffer[(x + 2, y + 1)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buffer, "▼ behind");
    assert_eq!(buffer[(x, y)].fg, Color::LightRed, "behind is light red");
    let (x, y) = find(&buffer, "● on-track");
    assert_eq!(buffer[(x, y)].fg, Color::Green);
    let (x, y) = find(&buffer, "✗ not-met");
    assert_eq!(buffer[(x, y)].fg, Color::Red);
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buffer, "▲ at-risk");
    assert_eq!(buffer[(x, y)].fg, Color::Yellow);
}

#[test]
fn the_selected_card_is_reversed_on_the_overview() {
    let mut app = app_with(settings(Lang::En, false, true), (120, 40), "overview");
    app.update(Command::Right.into());
    let buffer = frame(&app, (120, 40));
    let (x, y) = find(&buffer, "≈ Clear Water");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buffer[(x, y)].fg, Color::Blue, "water accent");
    let (x, y) = find(&buffer, "☁ Blue Sky");
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn monochrome_has_no_colour_and_still_marks_selection_and_status() {
    for view in ["overview", "clear-water", "help"] {
        let app = app_with(settings(Lang::En, false, false), (120, 40), view);
        let buffer = frame(&app, (120, 40));
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "{view}: {:?}", cell.symbol());
            assert_eq!(cell.bg, Color::Reset, "{view}: {:?}", cell.symbol());
        }
    }
    let app = app_with(settings(Lang::En, false, false), (120, 40), "clear-water");
    let buffer = frame(&app, (120, 40));
    let (x, y) = find(&buffer, "▸ ✗ not-met");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buffer, "✗ not-met");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn no_background_colour_is_ever_set() {
    for view in ["overview", "clear-water", "help"] {
        let app = app_with(settings(Lang::Zh, false, true), (120, 40), view);
        let buffer = frame(&app, (120, 40));
        assert!(
            buffer.content().iter().all(|c| c.bg == Color::Reset),
            "{view}"
        );
    }
}

#[test]
fn one_selection_move_changes_few_cells() {
    let mut app = app_with(settings(Lang::En, false, true), (120, 40), "clear-water");
    let before = frame(&app, (120, 40));
    app.update(Command::Down.into());
    let after = frame(&app, (120, 40));
    let changed = before.diff(&after).len();
    eprintln!("one move at 120x40: {changed} cells changed");
    // Two list rows change style, and the detail pane shows another task.
    assert!(changed < 120 * 40 / 4, "{changed} cells changed");
}

#[test]
fn every_size_draws_without_panic() {
    // Each state in one language and mode, alternating, over every size
    // from 0x0 to 130x45, then a few extreme ones.
    let states: [(&str, &str, Lang, bool); 7] = [
        ("overview", "", Lang::Zh, false),
        ("overview", "jL", Lang::En, true),
        ("clear-water", "", Lang::En, false),
        ("clear-water", "jjjjjl", Lang::Zh, true),
        ("blue-sky", "u", Lang::Zh, false),
        ("clean-soil", "/x", Lang::En, false),
        ("help", "j", Lang::Zh, false),
    ];
    for (view, keys, lang, ascii) in states {
        let mut app = app_with(settings(lang, ascii, true), (80, 24), view);
        for c in keys.chars() {
            app.update(Action::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
        for w in 0..=130u16 {
            for h in 0..=45u16 {
                app.update(Action::Resize(w, h));
                let _ = frame(&app, (w, h));
            }
        }
        for (w, h) in [
            (400, 150),
            (1000, 3),
            (3, 1000),
            (u16::MAX, 1),
            (1, u16::MAX),
        ] {
            app.update(Action::Resize(w, h));
            let _ = frame(&app, (w, h));
        }
    }
}

#[test]
fn the_help_lists_every_binding_of_the_key_table() {
    use campaigns::tui::keymap::BINDINGS;
    for lang in [Lang::Zh, Lang::En] {
        let app = app_with(settings(lang, false, true), (200, 80), "help");
        let screen = text(&app, (200, 80));
        for binding in BINDINGS {
            assert!(
                screen.contains(binding.help(lang)),
                "{}",
                binding.help(lang)
            );
            assert!(
                screen.contains(&binding.keys_shown(false)),
                "{:?}",
                binding.keys
            );
        }
    }
}

#[test]
fn hostile_text_in_the_file_never_reaches_the_screen() {
    let source = std::fs::read_to_string(FIXTURE)
        .unwrap()
        .replace(
            "name = { zh = \"长江入河排污口整治\", en = \"Yangtze outfall rectification\" }",
            "name = \"evil\\u001b]0;pwned\\u0007\\u001b[2J\\u202Ename\\r\\nnext\"\nlead = \"\\u009b31m\\u2066x\"",
        );
    assert!(source.contains("\\u001b"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let path = PathBuf::from("evil\u{1b}[31m.toml");
    let document = Opened::parse(&path, source, load::Options { as_of: None, today });
    assert!(document.document().is_some());
    for view in ["overview", "clear-water", "help"] {
        let mut app = App::new(
            PathBuf::from("evil\u{1b}[31m.toml"),
            Ok(document.clone()),
            settings(Lang::En, false, true),
        );
        app.update(Action::Resize(120, 40));
        show(&mut app, view).unwrap();
        // Select the hostile task so the detail pane shows its name and lead.
        for _ in 0..4 {
            app.update(Command::Down.into());
        }
        let buffer = frame(&app, (120, 40));
        let screen = to_text(&buffer);
        assert!(view != "clear-water" || screen.contains("evil"), "{screen}");
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(campaigns::text::is_unsafe),
                "{view}: {:?}",
                cell.symbol()
            );
        }
    }
}

#[test]
fn the_detail_pane_scrolls_when_focused() {
    let mut app = app_with(settings(Lang::En, false, true), (80, 24), "blue-sky");
    // The labels task has history and a note: more than the pane shows at 80x24.
    app.update(Command::Down.into());
    assert_eq!(app.selected_id(), Some("machinery-labels"));
    app.update(Command::Enter.into());
    let before = text(&app, (80, 24));
    assert_eq!(
        app.update(Command::Down.into()),
        campaigns::tui::Effect::Redraw
    );
    let after = text(&app, (80, 24));
    assert_ne!(before, after);
    assert_eq!(
        app.selected_id(),
        Some("machinery-labels"),
        "the selection stays"
    );
    app.update(Command::Bottom.into());
    assert!(text(&app, (80, 24)).contains("year-end drive"));
    assert_eq!(
        app.update(Command::Down.into()),
        campaigns::tui::Effect::None
    );
    app.update(Command::Top.into());
    assert_eq!(text(&app, (80, 24)), before);
}

#[test]
fn empty_plans_and_campaigns_say_so() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let make = |source: &str| {
        let document = Opened::parse(
            "empty.toml".as_ref(),
            source.to_owned(),
            load::Options { as_of: None, today },
        );
        App::new(
            PathBuf::from("empty.toml"),
            Ok(document),
            settings(Lang::En, false, true),
        )
    };
    let app = make("[meta]\ntitle = \"Nothing yet\"\n");
    assert!(text(&app, (80, 24)).contains("the plan has no campaigns"));
    let mut app = make("[meta]\ntitle = \"t\"\n[[campaign]]\nid = \"c\"\nname = \"C\"\n");
    app.update(Command::Jump(1).into());
    for (w, h) in [(80, 24), (120, 40), (40, 10)] {
        app.update(Action::Resize(w, h));
        let screen = text(&app, (w, h));
        assert!(screen.contains("this campaign has no"), "{screen}");
    }
    for command in [
        Command::Down,
        Command::Increment,
        Command::StartUpdate,
        Command::Enter,
    ] {
        app.update(command.into());
        let _ = text(&app, (80, 24));
    }
}

#[test]
fn columns_line_up_with_mixed_chinese_and_latin_names() {
    for lang in [Lang::Zh, Lang::En] {
        for size in [(120, 40), (80, 24), (60, 20)] {
            let app = app_with(settings(lang, false, true), size, "clear-water");
            let buffer = frame(&app, size);
            // The cell where each task row's percentage ends.
            let mut ends = Vec::new();
            for y in 0..size.1 {
                let cells: Vec<&str> = (0..size.0).map(|x| buffer[(x, y)].symbol()).collect();
                if let Some(x) = cells.iter().position(|s| *s == "%") {
                    ends.push(x);
                }
            }
            // The five task rows come first; the detail pane's figures follow.
            assert!(ends.len() >= 5, "{lang:?} {size:?}: {ends:?}");
            let rows = &ends[..5];
            assert!(
                rows.iter().all(|x| *x == rows[0]),
                "{lang:?} {size:?}: {ends:?}"
            );
        }
    }
}

#[test]
fn only_the_sixteen_ansi_colours_are_used() {
    for view in ["overview", "clear-water", "help"] {
        let app = app_with(settings(Lang::Zh, false, true), (120, 40), view);
        for cell in frame(&app, (120, 40)).content() {
            assert!(
                !matches!(cell.fg, Color::Indexed(_) | Color::Rgb(..)),
                "{view}: {:?}",
                cell.fg
            );
        }
    }
}

#[test]
fn the_footer_counts_warnings_and_shows_the_load_time() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let source = std::fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("done = 110\n", "done = 120\n");
    let document = Opened::parse(
        FIXTURE.as_ref(),
        source,
        load::Options { as_of: None, today },
    );
    assert_eq!(document.diagnostics().len(), 1, "done > total warns");
    let mut app = App::new(
        PathBuf::from(FIXTURE),
        Ok(document),
        settings(Lang::En, false, true),
    );
    app.update(Action::LoadedAt(
        chrono::NaiveTime::from_hms_opt(9, 5, 7).unwrap(),
    ));
    let screen = text(&app, (120, 40));
    let footer = screen.lines().last().unwrap();
    // With the key of the problems panel, where they can be read.
    assert!(
        footer.contains("⚠ 1 warning (p) · loaded 09:05:07"),
        "{footer}"
    );
    assert!(footer.contains("? help"), "{footer}");
}

#[test]
fn a_file_missing_from_the_start_says_so() {
    let gone = campaigns::load::ReadError::NotFound {
        path: "nowhere.toml".into(),
    };
    let app = App::new(
        PathBuf::from("nowhere.toml"),
        Err(gone),
        settings(Lang::En, false, true),
    );
    let screen = text(&app, (80, 24));
    assert!(screen.contains("no such file: nowhere.toml"), "{screen}");
    assert!(screen.contains("no plan to show"), "{screen}");
}

/// The banner wraps instead of being cut at the terminal's edge: the place,
/// the whole message and what the screen shows meanwhile are all there, at
/// 60 and 80 columns, in both languages, and the footer is still drawn.
#[test]
fn the_banner_wraps_to_show_the_whole_message() {
    let source = std::fs::read_to_string(FIXTURE).unwrap();
    let broken = source.replace("done = 110", "done = \"many\"");
    for (lang, message, after, footer) in [
        (
            Lang::En,
            "`done` must be a number",
            "still showing the last good data",
            "? help",
        ),
        (
            Lang::Zh,
            "`done` 应为数字",
            "仍显示上次载入的数据",
            "? 帮助",
        ),
    ] {
        for width in [60, 80] {
            let size = (width, 24);
            let mut app = app_with(settings(lang, false, true), size, "clear-water");
            let document = Opened::parse(FIXTURE.as_ref(), broken.clone(), app.settings().dates);
            app.update(Action::Loaded(Box::new(Ok(document))));
            let screen = text(&app, size);
            // The banner's lines read as one, from under the header (spaces
            // aside: a line break stands for the one it replaced).
            let joined: String = screen
                .lines()
                .skip_while(|l| !l.starts_with('✖'))
                .take_while(|l| !l.starts_with('╭'))
                .flat_map(str::chars)
                .filter(|c| *c != ' ')
                .collect();
            let has = |words: &str| joined.contains(&words.replace(' ', ""));
            assert!(has(FIXTURE), "{width}: {screen}");
            assert!(has(message), "{width}: {screen}");
            assert!(has(after), "{width}: {screen}");
            assert!(!joined.contains('…'), "{width}: {screen}");
            assert!(screen.lines().last().unwrap().contains(footer), "{screen}");
        }
    }
}
