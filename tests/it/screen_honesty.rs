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
