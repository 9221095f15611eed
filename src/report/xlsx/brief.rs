//! The brief (`report --brief --format xlsx`): one sheet, one line per row
//! in one wide column, set up to print on one portrait A4 page.

use rust_xlsxwriter::{Format, Workbook};

use super::LedgerError;
use super::cells::clean;
use crate::model::Lang;
use crate::report::Report;
use crate::report::brief::{self, Line};
use crate::report::marks::Marker;
use crate::report::words;

/// rust_xlsxwriter's number for A4 paper.
const A4: u8 = 9;

fn cell_text(text: &str) -> String {
    clean(text, false)
}

pub fn brief(report: &Report<'_>) -> Result<Vec<u8>, LedgerError> {
    let lang = report.lang;
    let marker = Marker::new("*");
    let brief = brief::build(report, cell_text, &marker);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(match lang {
        Lang::Zh => "调度简报",
        Lang::En => "Brief",
    })?;
    let title = Format::new().set_bold().set_font_size(14);
    let heading = Format::new().set_bold().set_font_size(12);
    let group = Format::new().set_bold();
    let wrapped = Format::new().set_text_wrap();
    sheet.set_column_width(0, 110)?;
    sheet
        .set_portrait()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 1);
    let mut row = 0u32;
    let mut write = |text: &str, format: &Format| -> Result<(), LedgerError> {
        sheet.write_string_with_format(row, 0, text, format)?;
        row += 1;
        Ok(())
    };
    write(&brief.title, &title)?;
    write(&brief.byline.join(" · "), &wrapped)?;
    if marker.used() {
        let legend = words::words(lang).assumed_legend;
        write(&format!("{} {legend}", marker.sign()), &wrapped)?;
    }
    for section in &brief.sections {
        write("", &wrapped)?;
        write(&section.heading, &heading)?;
        for line in &section.lines {
            match line {
                Line::Group(text) => write(text, &group)?,
                Line::Item(text) => write(&format!("• {text}"), &wrapped)?,
                Line::Note(text) => write(text, &wrapped)?,
            }
        }
    }
    Ok(workbook.save_to_buffer()?)
}
