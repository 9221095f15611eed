//! How the ledger workbook prints, read from its own XML (no spreadsheet or
//! PDF renderer is installed here to draw the page): every sheet A4
//! landscape fitted to one page wide, its header row frozen and repeated on
//! every printed page, a running head with the organisation and reporting
//! date, page numbers below, and column widths set.

use std::io::{Cursor, Read};

use zip::ZipArchive;

fn workbook(lang: &str) -> ZipArchive<Cursor<Vec<u8>>> {
    let output = crate::binary::command()
        .args([
            "report",
            "campaigns.toml",
            "--format",
            "xlsx",
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    ZipArchive::new(Cursor::new(output.stdout)).unwrap()
}

fn part(book: &mut ZipArchive<Cursor<Vec<u8>>>, name: &str) -> String {
    let mut text = String::new();
    book.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The value of `attribute` in the first `<element …>` of `xml`.
fn attribute<'a>(xml: &'a str, element: &str, attribute: &str) -> Option<&'a str> {
    let start = xml.find(&format!("<{element} "))?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let key = format!(" {attribute}=\"");
    let at = tag.find(&key)? + key.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

#[test]
fn every_sheet_prints_on_a4_landscape_one_page_wide_with_its_header_repeated() {
    for (lang, organisation, page) in [
        ("zh", "潜江市生态环境局", "第 &amp;P 页，共 &amp;N 页"),
        (
            "en",
            "Qianjiang Ecology and Environment Bureau",
            "Page &amp;P of &amp;N",
        ),
    ] {
        let mut book = workbook(lang);
        let workbook_xml = part(&mut book, "xl/workbook.xml");
        let sheets: Vec<String> = book
            .file_names()
            .map(|n| n.unwrap().into_owned())
            .filter(|n| n.starts_with("xl/worksheets/sheet"))
            .collect();
        // Overview, attention list, seven campaigns.
        assert_eq!(sheets.len(), 9, "{sheets:?}");
        for name in sheets {
            let xml = part(&mut book, &name);
            let at = |element, key| attribute(&xml, element, key);
            assert_eq!(at("pageSetup", "paperSize"), Some("9"), "A4: {name}");
            assert_eq!(at("pageSetup", "orientation"), Some("landscape"), "{name}");
            // One page wide, as many long as it takes.
            assert_eq!(at("pageSetUpPr", "fitToPage"), Some("1"), "{name}");
            assert_eq!(at("pageSetup", "fitToHeight"), Some("0"), "{name}");
            assert_eq!(at("pane", "state"), Some("frozen"), "{name}");
            let frozen: usize = at("pane", "ySplit").unwrap().parse().unwrap();
            // The frozen rows end with the header row, the one each page repeats.
            let index: usize = name
                .trim_start_matches("xl/worksheets/sheet")
                .trim_end_matches(".xml")
                .parse()
                .unwrap();
            let titles = format!("localSheetId=\"{}\">", index - 1);
            let defined = workbook_xml
                .split("<definedName ")
                .find(|d| d.contains("_xlnm.Print_Titles") && d.contains(&titles))
                .unwrap_or_else(|| panic!("no print titles for {name}"));
            assert!(
                defined.contains(&format!("!${frozen}:${frozen}<")),
                "{name}: {defined}"
            );
            assert!(xml.contains("<oddHeader>"), "{name}");
            assert!(xml.contains(organisation), "{name}");
            assert!(xml.contains("2024-12-31"), "{name}");
            assert!(xml.contains(page), "{name}: page numbers");
            assert!(
                xml.contains("<col ") && xml.contains("customWidth=\"1\""),
                "{name}"
            );
        }
    }
}
