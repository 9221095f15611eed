//! `--ascii` on a done-open task (issue 25, item 17): the screen is ASCII
//! only, the task's symbol is its own (no other status draws `@`), and the
//! selection's marker is none of the statuses' symbols, so a selected
//! done-open row reads as neither another status nor a second marker.

use campaigns::model::Status;

const FIXTURE: &str = "tests/fixtures/report/closing.toml";

fn render(lang: &str) -> String {
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .args(["render", FIXTURE, "--ascii", "--size", "120x30"])
        .args(["--view", "inspection", "--select", "inspection/sites"])
        .args(["--lang", lang])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn every_status() -> impl Iterator<Item = Status> {
    Status::TASK.into_iter().chain(Status::INDICATOR)
}

#[test]
fn a_selected_done_open_task_reads_apart_in_ascii() {
    let own = Status::DoneOpen.symbol(true);
    for other in every_status().filter(|s| *s != Status::DoneOpen) {
        assert_ne!(other.symbol(true), own, "{other:?}");
    }
    for (lang, word) in [("en", "done-open"), ("zh", "已完成未销号")] {
        let screen = render(lang);
        // Outside Chinese words and punctuation, every glyph is ASCII.
        let glyphs: String = screen.chars().filter(|c| !c.is_ascii()).collect();
        assert!(
            glyphs
                .chars()
                .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || "（）：，、。·…".contains(c)),
            "{lang}: {glyphs}"
        );
        let selected = screen
            .lines()
            .find(|l| l.starts_with('|') && !l.starts_with("|  "))
            .unwrap_or_else(|| panic!("{lang}: no selected row\n{screen}"));
        assert!(
            selected.contains(&format!("{own} {word}")),
            "{lang}: {selected}"
        );
        let marker = selected.chars().nth(1).unwrap().to_string();
        for status in every_status() {
            assert_ne!(status.symbol(true), marker, "{lang}: {status:?}");
        }
        // Nor the assumed mark, nor a border's corner.
        assert!(!["*", "+", "|", "-"].contains(&marker.as_str()), "{marker}");
    }
}
