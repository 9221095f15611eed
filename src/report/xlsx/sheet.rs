//! Writes one sheet of the ledger: the title block (merged rows), the
//! header row, the rows, then what makes it readable on screen and on
//! paper: column widths that fit CJK text, the header frozen and repeated
//! on every printed page, A4 landscape fitted to the page's width, and
//! status colours that only repeat what the status's symbol and word say.

use rust_xlsxwriter::{
    Color, ConditionalFormatText, ConditionalFormatTextRule, ExcelDateTime, Format, Worksheet,
    XlsxError,
};

use super::cells::Cell;
use super::error::LedgerError;
use super::formats::{Formats, Kind};
use crate::figures;

/// The rows of a sheet, made on demand: the writer goes over them twice
/// (widths, then cells), so a campaign of 100 000 tasks is never held as
/// cells in memory.
pub trait Rows {
    fn len(&self) -> usize;
    /// The cells of row `index`, one per header, into `out` (cleared first).
    fn row(&self, index: usize, out: &mut Vec<Cell>);
}

/// How a status colours its cell.
#[derive(Clone, Copy)]
pub enum Tone {
    Bad,
    Warning,
    Good,
}

/// What a sheet shows besides its rows.
pub struct Page {
    /// The first line is the title; the others (organisation, reporting
    /// date, source, legend) follow it, one merged row each.
    pub title: Vec<String>,
    /// `* 示例：非来源数据`, added to the title block when a cell below (or
    /// a title line, `marked`) carries the marker.
    pub legend: String,
    pub marked: bool,
    pub headers: Vec<String>,
    /// The column of statuses, and how each status (its text's beginning:
    /// symbol and word) colours it.
    pub statuses: Option<(usize, Vec<(String, Tone)>)>,
    /// Words at the top of each printed page: left (the sheet's title)
    /// and right (organisation and reporting date).
    pub running_head: (String, String),
    /// `Page &P of &N`.
    pub page_numbers: &'static str,
}

/// A column is never narrower than this, nor wider (a long note wraps).
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 48;
/// A header wraps onto at most this many lines rather than widen its column.
const HEADER_LINES: usize = 2;
/// Rows in a sheet (Excel's limit).
const MAX_ROWS: usize = 1_048_576;
/// The default row height in points, one line of the default font.
const LINE_HEIGHT: f64 = 15.0;
/// A row grows for a long note up to this many lines.
const MAX_LINES: usize = 8;
/// A4 in Excel's paper sizes.
const A4: u8 = 9;

pub fn write(
    sheet: &mut Worksheet,
    page: &Page,
    rows: &dyn Rows,
    formats: &mut Formats,
) -> Result<(), LedgerError> {
    // The title, the legend and the header row come first.
    let room = MAX_ROWS.saturating_sub(page.title.len() + 2);
    if rows.len() > room {
        return Err(LedgerError::TooManyRows {
            sheet: sheet.name(),
            rows: rows.len(),
            room,
        });
    }
    let columns = page.headers.len();
    let (widths, marked) = measure(page, rows);
    for (column, width) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, *width as f64)?;
    }
    let header_row = write_head(sheet, page, marked, formats)?;
    let mut cells = Vec::with_capacity(columns);
    for index in 0..rows.len() {
        rows.row(index, &mut cells);
        // Within `MAX_ROWS`, checked above.
        let row = header_row + 1 + index as u32;
        for (column, cell) in cells.iter().enumerate() {
            write_cell(sheet, row, column as u16, cell, formats)?;
        }
        // Spreadsheets keep a row one line high whatever its wrapped text
        // needs (LibreOffice's print does too): say how many it needs.
        let lines = row_lines(&cells, &widths);
        if lines > 1 {
            sheet.set_row_height(row, LINE_HEIGHT * lines as f64)?;
        }
    }
    let last_row = header_row + rows.len() as u32;
    if let Some((column, statuses)) = &page.statuses
        && rows.len() > 0
    {
        let column = *column as u16;
        for (text, tone) in statuses {
            let rule = ConditionalFormatText::new()
                .set_rule(ConditionalFormatTextRule::BeginsWith(text.clone()))
                .set_format(tone_format(*tone));
            sheet.add_conditional_format(header_row + 1, column, last_row, column, &rule)?;
        }
    }
    set_up_print(sheet, page, header_row)
}

/// The title block (with the legend when a cell is `marked`) and the
/// header row; the header row's index.
fn write_head(
    sheet: &mut Worksheet,
    page: &Page,
    marked: bool,
    formats: &Formats,
) -> Result<u32, LedgerError> {
    let last = u16::try_from(page.headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let mut title = page.title.clone();
    if marked || page.marked {
        title.push(page.legend.clone());
    }
    for (row, line) in title.iter().enumerate() {
        let format = if row == 0 {
            &formats.title
        } else {
            &formats.byline
        };
        let row = row as u32;
        if last > 0 {
            sheet.merge_range(row, 0, row, last, line, format)?;
        } else {
            sheet.write_string_with_format(row, 0, line, format)?;
        }
    }
    let header_row = title.len() as u32;
    for (column, header) in page.headers.iter().enumerate() {
        sheet.write_string_with_format(header_row, column as u16, header, &formats.header)?;
    }
    // Room for a header wrapped onto its second line.
    sheet.set_row_height(header_row, LINE_HEIGHT * HEADER_LINES as f64)?;
    Ok(header_row)
}

/// Frozen header, the header repeated on each printed page, landscape A4
/// fitted to the width, the running head and page numbers.
fn set_up_print(sheet: &mut Worksheet, page: &Page, header_row: u32) -> Result<(), LedgerError> {
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0)
        .set_header(running_head(&page.running_head.0, &page.running_head.1))
        .set_footer(format!("&C{}", page.page_numbers));
    Ok(())
}

/// Each column as wide as its widest cell in display columns (CJK counts
/// two), within bounds (a header may wrap onto two lines); and whether any
/// cell carries the assumed marker.
fn measure(page: &Page, rows: &dyn Rows) -> (Vec<usize>, bool) {
    let mut marked = false;
    let mut widths: Vec<usize> = page.headers.iter().map(|h| header_width(h)).collect();
    let mut cells = Vec::new();
    for index in 0..rows.len() {
        rows.row(index, &mut cells);
        for (width, cell) in widths.iter_mut().zip(&cells) {
            *width = (*width).max(cell.width());
            marked |= cell.marked();
        }
    }
    // Two columns of padding: Excel's unit is a little narrower than a
    // terminal column at the default font, and CJK glyphs are wider still.
    let widths = widths
        .into_iter()
        .map(|w| (w + 2).clamp(MIN_WIDTH, MAX_WIDTH))
        .collect();
    (widths, marked)
}

/// A header on at most two lines, broken between words only (a CJK
/// header breaks anywhere): `Tasks measured` needs the width of `measured`.
fn header_width(header: &str) -> usize {
    let half = crate::text::width(header).div_ceil(HEADER_LINES);
    let longest_word = header
        .split_whitespace()
        .filter(|word| word.is_ascii())
        .map(crate::text::width)
        .max()
        .unwrap_or(0);
    half.max(longest_word)
}

/// The lines the row's wrapped text takes in columns of `widths`.
fn row_lines(cells: &[Cell], widths: &[usize]) -> usize {
    let lines = cells.iter().zip(widths).map(|(cell, width)| match cell {
        Cell::Long(text) => {
            let room = width.saturating_sub(1).max(1);
            text.lines()
                .map(|line| crate::text::width(line).div_ceil(room).max(1))
                .sum()
        }
        _ => 1,
    });
    lines.max().unwrap_or(1).min(MAX_LINES)
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    cell: &Cell,
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {
            sheet.write_blank(row, column, formats.cell(Kind::Text, false))?;
        }
        Cell::Text(text) => {
            sheet.write_string_with_format(row, column, text, formats.cell(Kind::Text, false))?;
        }
        Cell::Long(text) => {
            sheet.write_string_with_format(row, column, text, formats.cell(Kind::Long, false))?;
        }
        Cell::Status(text) => {
            sheet.write_string_with_format(row, column, text, formats.cell(Kind::Status, false))?;
        }
        Cell::Number {
            value,
            shape,
            assumed,
        } => {
            let kind = Kind::Number {
                shape: *shape,
                whole: value.fract() == 0.0,
            };
            sheet.write_number_with_format(row, column, *value, formats.cell(kind, *assumed))?;
        }
        Cell::Date { date, assumed } => match excel_date(*date) {
            Some(excel) => {
                let format = formats.cell(Kind::Date, *assumed);
                sheet.write_datetime_with_format(row, column, &excel, format)?;
            }
            // Excel has no dates before 1900 or after 9999: the text, marked.
            None => {
                let text = crate::figures::mark(*assumed);
                let text = format!("{}{text}", figures::date(*date));
                sheet.write_string_with_format(
                    row,
                    column,
                    text,
                    formats.cell(Kind::Text, false),
                )?;
            }
        },
    }
    Ok(())
}

fn excel_date(date: chrono::NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike;
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// Light fills with dark text, legible in print and in grey.
fn tone_format(tone: Tone) -> Format {
    let (fill, font) = match tone {
        Tone::Bad => (0xFF_C7_CE, 0x9C_00_06),
        Tone::Warning => (0xFF_EB_9C, 0x9C_57_00),
        Tone::Good => (0xC6_EF_CE, 0x00_61_00),
    };
    Format::new()
        .set_background_color(Color::RGB(fill))
        .set_font_color(Color::RGB(font))
}

/// The printed page's header: `left` (the title) and `right` (the byline)
/// within the 255 UTF-16 units Excel keeps for the whole header, codes
/// included; a longer one is refused (with a line on stderr) and the page
/// prints with no header at all. The byline keeps up to half the room.
fn running_head(left: &str, right: &str) -> String {
    const ROOM: usize = 255 - "&L&R".len();
    let right = header_text(right, ROOM / 2);
    let left = header_text(left, ROOM - units(&right));
    format!("&L{left}&R{right}")
}

/// `text` for a header, in at most `room` UTF-16 units: `&` doubled (a
/// single one starts a code there), cut with `…` when it does not fit.
fn header_text(text: &str, room: usize) -> String {
    let escaped = text.replace('&', "&&");
    if units(&escaped) <= room {
        return escaped;
    }
    let mut out = String::new();
    let mut used = '…'.len_utf16();
    for c in text.chars() {
        let cost = if c == '&' { 2 } else { c.len_utf16() };
        if used + cost > room {
            break;
        }
        used += cost;
        out.push(c);
        if c == '&' {
            out.push('&');
        }
    }
    out.push('…');
    out
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Many(usize);

    impl Rows for Many {
        fn len(&self) -> usize {
            self.0
        }

        fn row(&self, _: usize, out: &mut Vec<Cell>) {
            out.clear();
        }
    }

    #[test]
    fn more_rows_than_a_sheet_holds_is_an_error_naming_the_sheet() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("蓝天保卫战").unwrap();
        let page = Page {
            title: vec!["t".into()],
            legend: String::new(),
            marked: false,
            headers: vec!["h".into()],
            statuses: None,
            running_head: (String::new(), String::new()),
            page_numbers: "",
        };
        let error = write(sheet, &page, &Many(MAX_ROWS), &mut Formats::new()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "sheet `蓝天保卫战` would need 1048576 rows; a sheet holds 1048573 below its title and header"
        );
    }

    /// Excel keeps 255 UTF-16 units of a header, codes and doubled `&`
    /// included; past that the library refuses the whole header with a
    /// line on stderr, and the pages printed with none.
    #[test]
    fn the_running_head_fits_what_excel_keeps() {
        let short = running_head("A & B", "局 · 报告日期：2024-12-31");
        assert_eq!(short, "&LA && B&R局 · 报告日期：2024-12-31");
        for (left, right) in [
            ("🌳".repeat(200), "潜江市生态环境局 · 2024-12-31".to_owned()),
            ("&".repeat(300), "&".repeat(300)),
            ("长".repeat(40), "𠀀".repeat(200)),
        ] {
            let head = running_head(&left, &right);
            assert!(units(&head) <= 255, "{} units", units(&head));
            assert!(head.contains('…'), "{head}");
            // Never a lone `&` (it would start a code) nor half a pair.
            let body = head.replacen("&L", "", 1).replacen("&R", "", 1);
            assert_eq!(body.matches('&').count() % 2, 0, "{head}");
        }
        let long = running_head(&"🌳".repeat(200), "byline");
        assert!(long.ends_with("…&Rbyline"), "{long}");
    }

    #[test]
    fn a_header_breaks_between_words() {
        assert_eq!(header_width("Tasks measured"), 8);
        assert_eq!(header_width("Planned"), 7);
        assert_eq!(header_width("差距（百分点）"), 7);
        assert_eq!(header_width("with a target"), 7);
    }

    #[test]
    fn a_long_note_asks_for_more_lines_within_bounds() {
        let note = Cell::Long("长".repeat(30));
        assert_eq!(row_lines(&[Cell::Empty, note.clone()], &[6, 21]), 3);
        assert_eq!(row_lines(&[Cell::Long("a\nb\nc".into())], &[10]), 3);
        assert_eq!(
            row_lines(&[Cell::Long("长".repeat(1000))], &[10]),
            MAX_LINES
        );
        assert_eq!(row_lines(&[note], &[100]), 1);
    }
}
