//! The ledger beside a lower bound (`approx = "more-than"`): each cell
//! keeps its number and the number format writes the sign, as the screen
//! does: a change since the baseline or a 同比 from one `≈` (约), a sum with
//! such a part `+` (余), a shortfall from one `≈`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

/// The number formats of the cells holding `value` on the row whose cell
/// reads `name`, over every sheet of `workbook`.
pub fn formats_beside(workbook: Vec<u8>, name: &str, value: f64) -> Vec<String> {
    let mut book = Xlsx::new(Cursor::new(workbook)).unwrap();
    let mut found = Vec::new();
    for sheet in book.sheet_names() {
        let cells = book.worksheet_range(&sheet).unwrap();
        let styles = book.worksheet_style(&sheet).unwrap();
        let (top, left) = cells.start().unwrap_or((0, 0));
        let rows: Vec<usize> = cells
            .used_cells()
            .filter(|(_, _, cell)| **cell == Data::String(name.to_owned()))
            .map(|(row, _, _)| row)
            .collect();
        for (r, c, cell) in cells.used_cells() {
            if rows.contains(&r) && *cell == Data::Float(value) {
                let at = (r as u32 + top, c as u32 + left);
                let format = styles
                    .get(at)
                    .and_then(|style| style.number_format.as_ref())
                    .map(|format| format.format_code.clone())
                    .unwrap_or_default();
                found.push(format);
            }
        }
    }
    found
}

#[test]
fn a_change_from_a_lower_bound_reads_approximate_in_the_ledger() {
    let fixture = crate::lower_bound_change::notices_grown(true, true);
    for (lang, name, sign) in [
        ("en", "Supervision notices sent", "\"≈\""),
        ("zh", "下发督办通知", "\"约\""),
    ] {
        let output = crate::binary::assert_command()
            .current_dir(fixture.path())
            .args(["report", "campaigns.toml", "--since", "2024-12-31"])
            .args(["--format", "xlsx", "--lang", lang])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let formats = formats_beside(output.stdout.clone(), name, 30.0);
        assert!(
            !formats.is_empty(),
            "{lang}: the change of 30 is on the row"
        );
        assert!(
            formats.iter().all(|f| f.starts_with(sign)),
            "{lang}: {formats:?}"
        );
        // 上次调度: the baseline's 90余 keeps its sign too.
        let formats = formats_beside(output.stdout, name, 90.0);
        assert!(
            formats
                .iter()
                .any(|f| f.ends_with("\"+\"") || f.ends_with("\"余\"")),
            "{lang}: {formats:?}"
        );
    }
}

#[test]
fn last_years_lower_bound_and_its_yoy_keep_their_signs_in_the_ledger() {
    let fixture = crate::lower_bound_yoy::a_year_later(true, true);
    let output = crate::binary::assert_command()
        .current_dir(fixture.path())
        .args([
            "report",
            "campaigns.toml",
            "--yoy",
            "--format",
            "xlsx",
            "--lang",
            "zh",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let book = output.stdout;
    let last_year = formats_beside(book.clone(), "下发督办通知", 90.0);
    assert!(
        last_year.iter().any(|f| f.ends_with("\"余\"")),
        "{last_year:?}"
    );
    // Up 30 of 90: the same arithmetic as the 同比's.
    let yoy = formats_beside(book, "下发督办通知", 30.0 / 90.0 * 100.0);
    assert!(
        !yoy.is_empty() && yoy.iter().all(|f| f.starts_with("\"约\"+")),
        "{yoy:?}"
    );
}
