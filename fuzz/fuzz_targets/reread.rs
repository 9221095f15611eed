//! A valid generated plan (`campaigns_synthetic::plan_text`, at random with
//! CRLF line ends, a byte-order mark and its items' histories written as
//! `[[campaign.task.history]]` sections) and a chain of arbitrary edits
//! (bytes cut and bytes put anywhere) → after each edit, what
//! `Document::reread` gives, when it gives anything, taken in by
//! `Document::take`, is exactly the document a whole parse of the new text
//! gives: the plan, the diagnostics, the sections, the text, and the count
//! of warnings. A text with errors leaves the last good document, as on the
//! screen. The property test
//! `tests/it/reread_differential.rs` checks the same in CI, bounded.

#![no_main]

use arbitrary::Arbitrary;
use std::path::Path;

use campaigns::load::{Document, Opened, Options};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

mod generated;

use generated::GeneratedPlan;

#[derive(Arbitrary, Debug)]
struct Edit {
    /// Where, as a share of the text's length (0 to 65 535).
    at: u16,
    cut: u8,
    put: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    plan: GeneratedPlan,
    history_sections: bool,
    edits: Vec<Edit>,
}

fn options() -> Options {
    Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

/// Histories as `[[campaign.task.history]]` (or indicator) sections: the
/// generator writes them inline, one line per item.
fn history_sections(text: &str) -> String {
    let mut out = String::new();
    let mut points: Vec<String> = Vec::new();
    let mut kind = "task";
    for line in text.lines() {
        if let Some(list) = line
            .strip_prefix("history = [ ")
            .and_then(|l| l.strip_suffix(" ]"))
        {
            points.extend(
                list.split("}, ")
                    .map(|p| p.trim_matches(['{', '}', ' ']).to_owned()),
            );
            continue;
        }
        if line.starts_with('[') || line.is_empty() {
            flush(&mut out, &mut points, kind);
        }
        if line.starts_with("[[campaign.indicator]]") {
            kind = "indicator";
        } else if line.starts_with("[[campaign.task]]") {
            kind = "task";
        }
        out.push_str(line);
        out.push('\n');
    }
    flush(&mut out, &mut points, kind);
    out
}

/// Writes the points read as sections of the item's `kind`.
fn flush(out: &mut String, points: &mut Vec<String>, kind: &str) {
    for point in points.drain(..) {
        out.push_str(&format!("\n[[campaign.{kind}.history]]\n"));
        for field in point.split(", ") {
            out.push_str(field);
            out.push('\n');
        }
    }
}

fuzz_target!(|input: Input| {
    let mut text = input.plan.text(|text| match input.history_sections {
        true => history_sections(text),
        false => text.to_owned(),
    });
    let document = |text: &str| -> Option<Document> {
        Opened::parse(Path::new("plan.toml"), text.to_owned(), options()).into_document()
    };
    let mut shown = document(&text).expect("the generated plan is valid");
    for edit in input.edits.iter().take(8) {
        let at = text.len() * usize::from(edit.at) / usize::from(u16::MAX);
        let at = (at..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        let end = (at + usize::from(edit.cut)).min(text.len());
        let end = (end..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        let mut new = text.clone();
        new.replace_range(at..end, &String::from_utf8_lossy(&edit.put));
        let whole = document(&new);
        match shown.reread(&new) {
            Some(part) => {
                let whole = whole.expect("re-read, so a whole parse has no errors");
                assert_eq!(part.warnings(), whole.warnings().len());
                shown.take(part, new.clone());
                assert_eq!(shown, whole);
            }
            None => {
                if let Some(whole) = whole {
                    shown = whole;
                }
            }
        }
        text = new;
    }
});
