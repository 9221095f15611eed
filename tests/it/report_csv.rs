//! The CSV report read back with a CSV parser: hostile names come back
//! intact, and no cell is a formula a spreadsheet would run.

const HOSTILE: &str = "tests/fixtures/report/hostile.toml";

fn csv(file: &str) -> Vec<csv::StringRecord> {
    let output = crate::binary::assert_command()
        .args([
            "report",
            file,
            "--format",
            "csv",
            "--lang",
            "en",
            "--as-of",
            "2024-12-31",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(output.stdout.as_slice());
    reader
        .records()
        .collect::<Result<_, _>>()
        .expect("the report is valid CSV")
}

/// Columns a spreadsheet reads as numbers (they may be negative).
// Issue 25 adds `closed` (12) and `notices` (13), numbers too.
const NUMERIC: [usize; 6] = [4, 5, 7, 11, 12, 13];

#[test]
fn hostile_names_come_back_intact_and_neutralised() {
    let rows = csv(HOSTILE);
    let name = |id: &str| {
        rows.iter()
            .find(|row| &row[2] == id)
            .map(|row| row[3].to_owned())
            .unwrap_or_else(|| panic!("no row for {id}"))
    };
    assert_eq!(
        name("formula"),
        "'=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    assert_eq!(name("plus"), "'+1+1");
    assert_eq!(name("at"), "'@SUM(A1:A9)");
    assert_eq!(
        name("quotes"),
        "say \"hello\", then | pipe * star _under_ [link](x) <b>bold</b>"
    );
    // Line breaks are kept inside the quoted cell (CRLF in a value is read as LF).
    assert_eq!(name("lines"), "line one\nline two\nline three");
    // The loader already dropped the escape sequences' ESC, the bidi
    // override, NUL and DEL; the tab became a space.
    assert_eq!(name("escape"), "[31mred[0m evil  tabnul");
    assert_eq!(name("minus"), "'-2+3");
    let row = rows.iter().find(|row| &row[2] == "minus").unwrap();
    // A negative value in a numeric column stays a number; the unit is text.
    assert_eq!(&row[4], "-5");
    assert_eq!(&row[6], "'=unit");
    // The campaign id begins with `-`: text, so neutralised.
    assert_eq!(&row[0], "'-x");
    let row = rows.iter().find(|row| &row[2] == "plus").unwrap();
    assert_eq!(&row[6], "'-pieces");
}

#[test]
fn no_cell_is_a_formula() {
    for file in [HOSTILE, "tests/fixtures/report/all-statuses.toml"] {
        let rows = csv(file);
        assert!(rows.len() > 1);
        for row in &rows[1..] {
            // Contract 3 adds `marked` before `assumed`; issue 25 `closed`,
            // `notices` and `last_notice` before `marked`; the qualifiers of
            // a figure (`approx`) follow `assumed`.
            assert_eq!(row.len(), 18, "{row:?}");
            for (column, cell) in row.iter().enumerate() {
                if NUMERIC.contains(&column) && !cell.is_empty() {
                    let is_class = cell.chars().all(|c| "IV劣".contains(c));
                    assert!(cell.parse::<f64>().is_ok() || is_class, "{cell:?}");
                    continue;
                }
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "column {column}: {cell:?}"
                );
            }
        }
    }
}

#[test]
fn starts_with_a_byte_order_mark_for_spreadsheets() {
    for lang in ["en", "zh"] {
        let output = crate::binary::assert_command()
            .args([
                "report",
                "campaigns.toml",
                "--format",
                "csv",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert!(output.status.success());
        // Excel and WPS on Chinese Windows read a CSV without it as GBK.
        assert_eq!(output.stdout[..3], [0xEF, 0xBB, 0xBF], "{lang}");
        // Once, and then the header.
        assert!(
            output.stdout[3..].starts_with(b"campaign,kind,id,"),
            "{lang}"
        );
    }
}

#[test]
fn one_row_per_task_and_indicator() {
    let rows = csv("tests/fixtures/report/all-statuses.toml");
    let header: Vec<&str> = rows[0].iter().collect();
    assert_eq!(
        header,
        [
            "campaign",
            "kind",
            "id",
            "name",
            "done_or_value",
            "total_or_target",
            "unit",
            "fraction",
            "status",
            "start",
            "due",
            "days_left",
            "closed",
            "notices",
            "last_notice",
            "marked",
            "assumed",
            "approx"
        ]
    );
    let tasks = rows.iter().filter(|row| &row[1] == "task").count();
    let indicators = rows.iter().filter(|row| &row[1] == "indicator").count();
    assert_eq!((tasks, indicators, rows.len()), (9, 5, 15));
    let overdue = rows.iter().find(|row| &row[2] == "outfalls").unwrap();
    assert_eq!(
        overdue.iter().collect::<Vec<_>>(),
        [
            "air",
            "task",
            "outfalls",
            "Yangtze outfall rectification",
            "110",
            "113",
            "outfalls",
            "0.9735",
            "overdue",
            "2024-01-01",
            "2024-06-30",
            "-184",
            "",
            "0",
            "",
            "",
            "",
            ""
        ]
    );
}
