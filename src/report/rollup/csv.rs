//! The roll-up as CSV: every unit's rows of the plan's own CSV report
//! (`report --format csv`), each after a `unit_id` column (the unit's id:
//! the plan CSV's `unit` is already the unit of count), under one header;
//! a unit that did not load has no rows, a stale one keeps its rows. The
//! plan CSV's rules hold (byte-order mark, CRLF, quoting, neutralised text).

use super::RollupReport;
use crate::report::cells::{neutralise, push_field};
use crate::report::{Format, Report};

const BYTE_ORDER_MARK: char = '\u{FEFF}';

pub fn render(report: &RollupReport<'_>) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    let mut header_written = false;
    for unit in &report.rollup.units {
        let Some(document) = unit.document() else {
            continue;
        };
        let plan = Report::new(document.plan(), document.as_of(), report.lang).ascii(report.ascii);
        let text = plan.render(Format::Csv);
        let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(&text);
        let mut records = records(text);
        let header = records.next().unwrap_or_default();
        if !header_written {
            out.push_str("unit_id,");
            out.push_str(header);
            out.push_str("\r\n");
            header_written = true;
        }
        for record in records {
            push_field(&mut out, &neutralise(&unit.id));
            out.push(',');
            out.push_str(record);
            out.push_str("\r\n");
        }
    }
    if !header_written {
        out.push_str("unit_id\r\n");
    }
    out
}

/// The records of a CSV text, each without its CRLF; a line break inside
/// a quoted field stays in its record.
fn records(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut quoted = false;
        let bytes = rest.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'"' => quoted = !quoted,
                b'\r' if !quoted && bytes.get(at + 1) == Some(&b'\n') => break,
                _ => {}
            }
            at += 1;
        }
        let record = &rest[..at];
        rest = rest.get(at + 2..).unwrap_or("");
        Some(record)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn records_keep_a_quoted_line_break() {
        let text = "a,b\r\n\"x\r\ny\",z\r\nlast,1\r\n";
        let records: Vec<&str> = super::records(text).collect();
        assert_eq!(records, ["a,b", "\"x\r\ny\",z", "last,1"]);
    }
}
