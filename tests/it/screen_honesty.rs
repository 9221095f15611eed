//! What the review screen shows of the shipped plan must not mislead: the
//! worst item on top, the assumed mark kept when text is cut, charts that
//! show change, and help and README that say what the app does. Drawn by
//! the real binary at the sizes, languages and glyph sets people use.

const PLAN: &str = "campaigns.toml";

/// One frame of the shipped plan, without colour.
pub(crate) fn render(size: &str, args: &[&str]) -> String {
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .args(["render", PLAN, "--size", size])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The list's rows: the lines inside the list's box, up to its bottom border.
fn list_rows(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .skip_while(|l| !l.contains("sort:") && !l.contains("排序"))
        .skip(1)
        .take_while(|l| !l.starts_with('╰') && !l.starts_with('+'))
        .collect()
}

#[test]
fn sort_by_status_puts_a_not_met_indicator_above_done_tasks() {
    for (lang, not_met) in [("en", "not-met"), ("zh", "未达标")] {
        for ascii in [&[][..], &["--ascii"][..]] {
            let args = [&["--view", "blue-sky", "--lang", lang][..], ascii].concat();
            let screen = render("80x24", &args);
            let rows = list_rows(&screen);
            assert!(
                rows.first().is_some_and(|row| row.contains(not_met)),
                "{lang} {ascii:?}: the not-met indicator is not first\n{screen}"
            );
        }
    }
}

/// Every line that shows Blue Sky's share of good-air days with a figure, or
/// a not-met status (its target is assumed), carries `*`, however the line
/// is cut.
#[test]
fn shortened_cells_keep_the_assumed_mark() {
    let views: [&[&str]; 6] = [
        &["--view", "overview"],
        &["--view", "attention"],
        &["--view", "by-lead"],
        &["--view", "blue-sky"],
        &["--view", "due-soon"],
        &["--select", "blue-sky/good-air-days"],
    ];
    for (lang, name, not_met) in [("en", "Share of", "not-m"), ("zh", "优良天数", "未达")] {
        for ascii in [&[][..], &["--ascii"][..]] {
            for view in views {
                let args = [view, &["--lang", lang][..], ascii].concat();
                let screen = render("80x24", &args);
                for line in screen.lines() {
                    let figure = line.contains(name) && line.contains("94");
                    if figure || line.contains(not_met) {
                        assert!(line.contains('*'), "{args:?}: {line}\n{screen}");
                    }
                }
                // The card's figure is whole: the target and its mark.
                if view == ["--view", "overview"] {
                    let card = screen.lines().find(|l| l.contains(name)).unwrap();
                    assert!(card.contains("95%*"), "{args:?}: {card}");
                }
            }
        }
    }
}

/// The help's `s` line names every order `s` cycles through, from the one
/// list of them, whole, in both languages and glyph sets.
#[test]
fn the_help_names_every_sort_order() {
    use campaigns::model::Lang;
    use campaigns::tui::rows::SortKey;
    for (lang, code, sort) in [(Lang::En, "en", "sort"), (Lang::Zh, "zh", "排序")] {
        for ascii in [&[][..], &["--ascii"][..]] {
            // Tall enough that the campaign's keys are on screen unscrolled.
            let args = [&["--view", "help", "--lang", code][..], ascii].concat();
            let screen = render("120x60", &args);
            let line = screen
                .lines()
                .find(|l| l.contains(&format!("s              {sort}")))
                .unwrap_or_else(|| panic!("{code} {ascii:?}: no sort line\n{screen}"));
            let words: Vec<&str> = SortKey::CYCLE.iter().map(|k| k.word(lang)).collect();
            let arrow = if ascii.is_empty() { "→" } else { "->" };
            assert!(
                line.contains(&words.join(arrow)),
                "{code} {ascii:?}: {line}"
            );
        }
    }
}

/// The README's legend (status, symbol, ASCII) is the app's glyph set, every
/// status in it; its ASCII paragraph names the same glyphs.
#[test]
fn the_readme_legend_is_the_apps_glyph_set() {
    use campaigns::model::Status;
    let readme = std::fs::read_to_string("README.md").unwrap();
    let unquote = |cell: &str| cell.trim().trim_matches('`').to_owned();
    let mut listed = Vec::new();
    let table = readme
        .lines()
        .skip_while(|l| !l.starts_with("| status | symbol | ASCII |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'));
    for row in table {
        let cells: Vec<&str> = row.split('|').collect();
        for at in [1, 5] {
            let word = unquote(cells[at]);
            if let Some(status) = Status::parse(&word) {
                assert_eq!(cells[at + 1].trim(), status.symbol(false), "{row}");
                assert_eq!(unquote(cells[at + 2]), status.symbol(true), "{row}");
                listed.push(status);
            } else if word.starts_with("status better") {
                let up = campaigns::figures::status_move(true, true);
                let down = campaigns::figures::status_move(false, true);
                assert_eq!(cells[at + 2].trim(), format!("`{up}` / `{down}`"), "{row}");
            }
        }
    }
    for status in Status::TASK.iter().chain(Status::INDICATOR.iter()) {
        assert!(
            listed.contains(status),
            "{status} is not in the README's legend"
        );
    }
    let paragraph: String = readme
        .lines()
        .skip_while(|l| !l.starts_with("- **ASCII**"))
        .take_while(|l| l.starts_with("- **ASCII**") || l.starts_with("  "))
        .collect::<Vec<_>>()
        .join(" ");
    let mut named = 0;
    for (at, _) in paragraph.match_indices(" `") {
        let word = paragraph[..at].rsplit([' ', ',', ':']).next().unwrap_or("");
        let glyph = paragraph[at + 2..].split('`').next().unwrap_or("");
        if let Some(status) = Status::parse(word) {
            assert_eq!(glyph, status.symbol(true), "README: {word} `{glyph}`");
            named += 1;
        }
    }
    assert!(named >= 5, "{paragraph}");
}

/// PM2.5's history (35, 37, 39, then 31) draws four different glyphs over
/// its own range, which the axis prints, in both glyph sets.
#[test]
fn the_history_chart_shows_every_change() {
    for (lang, label) in [("en", "History "), ("zh", "历史 ")] {
        for (ascii, range) in [(&[][..], "31–39"), (&["--ascii"][..], "31-39")] {
            let args = [&["--select", "blue-sky/pm25", "--lang", lang][..], ascii].concat();
            let screen = render("80x24", &args);
            let line = screen
                .lines()
                .find(|l| l.contains(label))
                .unwrap_or_else(|| panic!("{args:?}: no chart\n{screen}"));
            let chart = line.split(label).nth(1).unwrap();
            let chart = chart.split('*').next().unwrap();
            let mut glyphs: Vec<char> = chart.chars().collect();
            glyphs.dedup();
            assert_eq!(glyphs.len(), 4, "{args:?}: {line}");
            assert!(line.contains(range), "{args:?}: {line}");
        }
    }
}

/// The shipped file with the tasks `ids` taken out (each a `[[campaign.task]]`
/// table of its own) and, when `moved`, one figure changed.
fn without_tasks(ids: &[&str], moved: bool) -> String {
    let shipped = std::fs::read_to_string(PLAN).unwrap();
    let mut out = String::new();
    for (n, table) in shipped.split("\n[[campaign").enumerate() {
        let dropped = ids
            .iter()
            .any(|id| table.contains(&format!("\nid = \"{id}\"\n")));
        if n > 0 && table.starts_with(".task]]") && dropped {
            continue;
        }
        if n > 0 {
            out.push_str("\n[[campaign");
        }
        out.push_str(table);
    }
    if moved {
        out = out.replacen("done = 110\n", "done = 111\n", 1);
    }
    out
}

/// The removed items' names are read whole under the changes list at
/// 120x40, wrapped rather than cut, in both languages, and said even when
/// nothing else moved.
#[test]
fn removed_items_are_named_whole() {
    let removed = [
        "vehicle-test-cases",
        "straw-teams",
        "straw-use",
        "watershed-projects",
    ];
    for moved in [true, false] {
        let fixture = crate::git_fixture::Fixture::new();
        let shipped = std::fs::read_to_string(PLAN).unwrap();
        fixture.commit(PLAN, &shipped, "2024-12-01T10:00:00+08:00");
        let now = without_tasks(&removed, moved);
        fixture.commit(PLAN, &now, "2025-01-02T10:00:00+08:00");
        let options = campaigns::load::Options {
            as_of: None,
            today: chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(),
        };
        let opened = campaigns::load::Opened::load(PLAN.as_ref(), options).unwrap();
        let plan = opened.document().expect("the shipped file is valid").plan();
        for (lang, code, join) in [
            (campaigns::model::Lang::En, "en", " "),
            (campaigns::model::Lang::Zh, "zh", ""),
        ] {
            let output = crate::binary::assert_command()
                .env("NO_COLOR", "1")
                .arg("render")
                .arg(fixture.file(PLAN))
                .args(["--size", "120x40", "--view", "changes", "--since", "HEAD~1"])
                .args(["--lang", code])
                .output()
                .unwrap();
            assert!(output.status.success(), "{output:?}");
            let screen = String::from_utf8(output.stdout).unwrap();
            // The list's lines, without their borders, as one text.
            let body: Vec<&str> = screen
                .lines()
                .filter(|l| l.starts_with('│'))
                .map(|l| l.trim_matches('│').trim())
                .filter(|l| !l.is_empty())
                .collect();
            let text = body.join(join);
            for id in removed {
                let task = plan
                    .campaigns
                    .iter()
                    .flat_map(|c| &c.tasks)
                    .find(|t| t.id == id)
                    .unwrap();
                let name = task.name.get(lang);
                assert!(
                    text.contains(name),
                    "{code} moved={moved}: {name}\n{screen}"
                );
            }
        }
    }
}
