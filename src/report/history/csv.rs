//! The history as CSV: one row per point, oldest first within each item;
//! UTF-8 with a byte-order mark (Excel and WPS on Chinese Windows read a
//! file without one in the system code page), RFC 4180 quoting, and text
//! cells a spreadsheet would run as a formula neutralised, as the CSV
//! report does. Figures are written exactly (`figures::exact`), never with
//! the assumed marker: `marked` names the point's figures that rest on an
//! assumed value and `assumed` the item's fields not from the source,
//! joined by `;`, as the CSV report's columns do.

use crate::figures;
use crate::history::History;
use crate::model::{Figure, Level};
use crate::report::cells::{neutralise, push_field};
use crate::report::marks;

const HEADER: [&str; 9] = [
    "item", "as_of", "done", "value", "status", "commit", "from", "marked", "assumed",
];

pub fn render(history: &History) -> String {
    let mut out = String::from("\u{FEFF}");
    row(&mut out, &HEADER.map(|h| Cell::Text(h.to_owned())));
    for item in &history.items {
        for reported in history.reported(item) {
            let point = &reported.point;
            let (done, value) = match point.figure {
                Figure::Done(done) => (Cell::Number(figures::exact(done)), Cell::Empty),
                Figure::Value(Level::Number(value)) => {
                    (Cell::Empty, Cell::Number(figures::exact(value)))
                }
                Figure::Value(Level::WaterClass(class)) => {
                    (Cell::Empty, Cell::Text(class.as_str().to_owned()))
                }
            };
            row(
                &mut out,
                &[
                    Cell::Text(item.key.clone()),
                    Cell::Number(point.as_of.format("%Y-%m-%d").to_string()),
                    done,
                    value,
                    Cell::Text(point.status.as_str().to_owned()),
                    point.commit.clone().map_or(Cell::Empty, Cell::Number),
                    Cell::Text(point.from.as_str().to_owned()),
                    words(marks::point_marked(point)),
                    words(point.assumed.fields().map(|f| f.as_str()).collect()),
                ],
            );
        }
    }
    out
}

/// Keys or field names joined by `;`, as the CSV report writes them.
fn words(names: Vec<&'static str>) -> Cell {
    match names.is_empty() {
        true => Cell::Empty,
        false => Cell::Number(names.join(";")),
    }
}

/// A cell: text (neutralised) or a figure this program wrote.
enum Cell {
    Text(String),
    Number(String),
    Empty,
}

fn row(out: &mut String, cells: &[Cell]) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(text) => push_field(out, &neutralise(&crate::text::sanitize_line(text))),
            Cell::Number(text) => push_field(out, text),
            Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}
