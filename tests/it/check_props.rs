//! Whatever the file holds, loading it returns (never panics), and every
//! diagnostic points inside the text it came from.

use campaigns::load::{self, Loaded, Options};
use campaigns::model::{Lang, PlanStatus};
use chrono::NaiveDate;
use proptest::prelude::*;

const SHIPPED: &str = include_str!("../../campaigns.toml");

fn options() -> Options {
    Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

/// Loads `source` and checks what every consumer relies on: spans inside the
/// source on character boundaries, renderable diagnostics, computable statuses.
fn load_and_check(source: &str) -> Result<Loaded, TestCaseError> {
    let loaded = load::parse(source, options());
    for diagnostic in &loaded.diagnostics {
        let span = &diagnostic.span;
        prop_assert!(span.start <= span.end, "{span:?} is backwards");
        prop_assert!(span.end <= source.len(), "{span:?} past {}", source.len());
        prop_assert!(
            source.is_char_boundary(span.start),
            "{span:?} splits a char"
        );
        let position = diagnostic.position(source);
        prop_assert!(position.line >= 1 && position.column >= 1);
        prop_assert!(position.line <= source.lines().count().max(1) + 1);
        let rendered = diagnostic.render(source, "campaigns.toml", false, Lang::En);
        prop_assert!(rendered.contains("campaigns.toml:"), "{rendered}");
        prop_assert!(!rendered.contains('\u{1b}'), "{rendered:?}");
        diagnostic.headline(source, "campaigns.toml", Lang::En);
    }
    let has_errors = loaded.errors().next().is_some();
    prop_assert_eq!(loaded.plan.is_none(), has_errors);
    if let Some(plan) = &loaded.plan {
        PlanStatus::compute(plan, options().reporting_date(plan.meta.as_of));
    }
    Ok(loaded)
}

/// Pieces of TOML, dates and text that are likely to trip a loader.
const FRAGMENTS: &[&str] = &[
    "=",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "\"",
    "'",
    ",",
    "#",
    "\n",
    "\r\n",
    " ",
    "\u{FEFF}",
    "[[campaign]]\n",
    "[[campaign.task]]\n",
    "[[campaign.indicator]]\n",
    "[meta]\n",
    "id = \"x\"\n",
    "done = -1\n",
    "total = 0\n",
    "value = \"劣V\"\n",
    "target = 1e400\n",
    "nan",
    "inf",
    "-0",
    "2024-02-30",
    "2024-12-31T12:00:00Z",
    "9999999999999999999999",
    "history = [ { date = 2025-01-01, done = 1 } ]\n",
    "\u{202e}",
    "\u{1b}[31m",
    "潜江",
];

#[derive(Clone, Debug)]
enum Mutation {
    DeleteBytes { at: usize, len: usize },
    InsertBytes { at: usize, bytes: Vec<u8> },
    ReplaceByte { at: usize, byte: u8 },
    InsertFragment { at: usize, fragment: usize },
    DeleteLine { line: usize },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        (at, 1usize..64).prop_map(|(at, len)| Mutation::DeleteBytes { at, len }),
        (at, prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::InsertBytes { at, bytes }),
        (at, any::<u8>()).prop_map(|(at, byte)| Mutation::ReplaceByte { at, byte }),
        (at, 0..FRAGMENTS.len())
            .prop_map(|(at, fragment)| Mutation::InsertFragment { at, fragment }),
        at.prop_map(|line| Mutation::DeleteLine { line }),
        at.prop_map(|line| Mutation::DuplicateLine { line }),
        (at, at).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match mutation {
        Mutation::DeleteBytes { at, len: n } => {
            let at = at % len;
            let end = (at + n).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Mutation::InsertBytes { at, bytes: new } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::ReplaceByte { at, byte } => {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] = *byte;
            }
        }
        Mutation::InsertFragment { at, fragment } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, FRAGMENTS[*fragment].bytes());
        }
        Mutation::DeleteLine { line } | Mutation::DuplicateLine { line } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let index = line % lines.len();
            if matches!(mutation, Mutation::DeleteLine { .. }) {
                lines.remove(index);
            } else {
                let copy = lines[index].clone();
                lines.insert(index, copy);
            }
            *bytes = lines.join(&b'\n');
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let count = lines.len();
            lines.swap(a % count, b % count);
            *bytes = lines.join(&b'\n');
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_load_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        load_and_check(&text)?;
    }

    #[test]
    fn any_text_loads_without_panicking(text in "\\PC{0,200}") {
        load_and_check(&text)?;
    }

    #[test]
    fn mutations_of_the_shipped_file_load_without_panicking(
        mutations in prop::collection::vec(mutation(), 1..6)
    ) {
        let mut bytes = SHIPPED.as_bytes().to_vec();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        let text = String::from_utf8_lossy(&bytes);
        load_and_check(&text)?;
    }
}

#[test]
fn the_shipped_file_itself_passes_the_same_checks() {
    let loaded = load_and_check(SHIPPED).unwrap();
    assert!(loaded.diagnostics.is_empty());
    assert!(loaded.plan.is_some());
}

/// Found by the properties above: a syntax error on the closing `\r` of a
/// CRLF line used to slice past the end of the line when rendered.
#[test]
fn an_error_at_a_trailing_carriage_return_renders() {
    let loaded = load_and_check(" \r").unwrap();
    assert_eq!(loaded.errors().count(), 1);
}
