//! The roll-up as CSV: every unit's rows of the plan's own CSV report
//! (`report --format csv`), each after a `unit_id` column (the unit's id:
//! the plan CSV's `unit` is already the unit of count), under one header;
//! a unit that did not load has no rows, a stale one keeps its rows. With
//! an office (`[rollup] office`), each summed item it states gains a row
//! of the units' sum (`unit_id` `(units' sum)`, `kind` `units-sum`,
//! `status` `agrees-with-office` or `differs-from-office`) below the
//! office's own rows; its qualifier columns say what the sum carries from
//! its parts (`more-than` when one is a lower bound). The plan CSV's rules hold (byte-order mark, CRLF,
//! quoting, neutralised text).

use super::RollupReport;
use crate::figures::exact;
use crate::report::cells::{neutralise, push_field};
use crate::report::{Format, Report};
use crate::rollup::Combined;

const BYTE_ORDER_MARK: char = '\u{FEFF}';

pub fn render(report: &RollupReport<'_>) -> String {
    let mut out = String::from(BYTE_ORDER_MARK);
    let mut header_written = false;
    let mut columns = Vec::new();
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
            columns = header.split(',').map(str::to_owned).collect();
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
    for combined in &report.combined {
        units_sum_row(&mut out, report, &columns, combined);
    }
    out
}

/// The units' sum of an item the office states, in the plan CSV's columns
/// (named in its header, which has no quoted names).
fn units_sum_row(out: &mut String, report: &RollupReport<'_>, columns: &[String], c: &Combined) {
    let (Some(sum), Some(apart)) = (c.done, c.difference) else {
        return;
    };
    let (campaign, id) = c.item.split_once('/').unwrap_or((&c.item, ""));
    let lang = report.lang;
    push_field(out, "(units' sum)");
    for column in columns {
        out.push(',');
        let cell = match column.as_str() {
            "campaign" => campaign.to_owned(),
            "kind" => "units-sum".to_owned(),
            "id" => id.to_owned(),
            "name" => c
                .name
                .as_ref()
                .map_or_else(String::new, |n| n.get(lang).to_owned()),
            "done_or_value" => exact(sum),
            "total_or_target" => c.total.map(exact).unwrap_or_default(),
            "unit" => c
                .unit_word
                .as_ref()
                .map_or_else(String::new, |u| u.get(lang).to_owned()),
            "fraction" => c.total.map(|t| fraction(sum / t)).unwrap_or_default(),
            "status" if apart == 0.0 => "agrees-with-office".to_owned(),
            "status" => "differs-from-office".to_owned(),
            // A qualifier's column: what the sum carries from its parts.
            key => c.qualifiers.word(key).unwrap_or_default().to_owned(),
        };
        push_field(out, &neutralise(&cell));
    }
    out.push_str("\r\n");
}

/// A fraction to four decimals, as the plan CSV writes it.
fn fraction(value: f64) -> String {
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
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
