//! "More than N" (`approx = "more-than"`, DESIGN contract 3): the shipped
//! file's 90余 notices and 1000余 brochures read `90+` / `90余` on the
//! screen and in the reports, and JSON says `approx`.

use serde_json::Value;

const SHIPPED: &str = "campaigns.toml";

fn run(args: &[&str]) -> String {
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .args(args)
        .args(["--as-of", "2024-12-31"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_screen_shows_a_lower_bound_with_its_sign() {
    for (lang, size, notices, brochures) in [
        ("en", "80x24", "90+ notices", "1000+ brochures"),
        ("zh", "120x40", "90余 份", "1000余 册"),
    ] {
        let screen = |view| {
            let args = [
                "render", SHIPPED, "--size", size, "--lang", lang, "--view", view,
            ];
            run(&args)
        };
        assert!(screen("inspection").contains(notices), "{lang} {size}");
        assert!(screen("model-city").contains(brochures), "{lang} {size}");
    }
}

#[test]
fn every_human_report_shows_a_lower_bound_with_its_sign() {
    for (format, lang, expected) in [
        ("md", "en", ["90+ notices", "1000+ brochures"]),
        ("md", "zh", ["90余 份", "1000余 册"]),
        ("text", "en", ["90+ notices", "1000+ brochures"]),
        ("text", "zh", ["90余份", "1000余册"]),
    ] {
        let report = run(&["report", SHIPPED, "--format", format, "--lang", lang]);
        for figure in expected {
            assert!(report.contains(figure), "{format} {lang}: {figure}");
        }
    }
}

#[test]
fn json_items_say_approx() {
    let report: Value =
        serde_json::from_str(&run(&["report", SHIPPED, "--format", "json"])).unwrap();
    let mut lower_bounds = Vec::new();
    for campaign in report["campaigns"].as_array().unwrap() {
        let items = campaign["tasks"].as_array().unwrap().iter();
        for item in items.chain(campaign["indicators"].as_array().unwrap()) {
            match &item["approx"] {
                Value::Null => {}
                Value::String(word) => {
                    assert_eq!(word, "more-than");
                    lower_bounds.push(item["id"].as_str().unwrap().to_owned());
                }
                other => panic!("approx {other}"),
            }
        }
    }
    assert_eq!(lower_bounds, ["supervision-notices", "publicity-brochures"]);
}

#[test]
fn a_word_other_than_more_than_is_refused_with_a_hint() {
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .args(["check", "tests/fixtures/invalid/approx-word.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("`approx` must be \"more-than\", found `more than`"),
        "{stderr}"
    );
    assert!(stderr.contains("approx-word.toml:12:10"), "{stderr}");
    assert!(stderr.contains("did you mean `more-than`?"), "{stderr}");
}

/// The ledger keeps the number in the cell and writes the sign in its
/// number format, as the screen writes it: `90+` (en), `90余` (zh).
#[test]
fn the_ledger_writes_a_lower_bound_with_its_sign() {
    use calamine::{Data, Reader, Xlsx};
    for (lang, name, sign) in [
        ("en", "Supervision notices sent", "\"+\""),
        ("zh", "下发督办通知", "\"余\""),
    ] {
        let output = crate::binary::assert_command()
            .args(["report", SHIPPED, "--format", "xlsx", "--lang", lang])
            .output()
            .unwrap();
        assert!(output.status.success(), "{lang}");
        let mut book = Xlsx::new(std::io::Cursor::new(output.stdout)).unwrap();
        let mut found = false;
        for sheet in book.sheet_names() {
            let cells = book.worksheet_range(&sheet).unwrap();
            let styles = book.worksheet_style(&sheet).unwrap();
            let (top, left) = cells.start().unwrap_or((0, 0));
            let Some((row, _, _)) = cells
                .used_cells()
                .find(|(_, _, cell)| **cell == Data::String(name.to_owned()))
            else {
                continue;
            };
            let at = cells
                .used_cells()
                .find(|(r, _, cell)| *r == row && **cell == Data::Float(90.0))
                .map(|(r, c, _)| (r as u32 + top, c as u32 + left))
                .expect("the number 90 on the row");
            let format = styles
                .get(at)
                .and_then(|style| style.number_format.as_ref())
                .map(|format| format.format_code.clone())
                .unwrap_or_default();
            assert!(format.ends_with(sign), "{lang}: {format}");
            found = true;
        }
        assert!(found, "{lang}: the notices are on a sheet");
    }
}
