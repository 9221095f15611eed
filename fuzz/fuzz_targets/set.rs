//! A valid generated plan (`campaigns_synthetic::plan_text`, with `#~`
//! comments and, at random, CRLF line ends and a byte-order mark) and an
//! arbitrary edit → `campaigns::edit::apply` on a file in a temporary
//! directory. Never panics; a written file loads, and only the edited
//! item's figure, note and history changed, as asked; a refusal leaves
//! the bytes as they were. The check is `tests/it/edit_oracle.rs`, shared
//! with the property tests.

#![no_main]

use arbitrary::Arbitrary;
use campaigns::edit::{self, Change, Edit, Record};
use campaigns::model::Lang;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/edit_oracle.rs"]
mod edit_oracle;
mod generated;

use generated::GeneratedPlan;

#[derive(Arbitrary, Debug)]
enum Figure {
    None,
    SetDone(f64),
    AddDone(f64),
    SetDoneInteger(u32),
    AddDoneInteger(i32),
    SetValue(String),
    SetValueNumber(f64),
    SetValueClass(u8),
}

#[derive(Arbitrary, Debug)]
struct Input {
    plan: GeneratedPlan,
    /// An index into the plan's campaigns, or an arbitrary id.
    campaign: Result<u8, String>,
    /// An index into the campaign's tasks then indicators, or an arbitrary id.
    item: Result<u16, String>,
    figure: Figure,
    note: Option<String>,
    /// Days from 2024-01-01.
    record: Option<i16>,
    /// The note's language: Chinese, else English.
    zh: bool,
}

/// The generated text with a `#~` comment before each section and after
/// each `done`, so the check can see comments survive.
fn commented(text: &str) -> String {
    let mut out = String::from("#~ generated plan\n");
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('[') {
            out.push_str(&format!("#~ section at line {n}\n"));
        }
        out.push_str(line);
        if line.starts_with("done = ") {
            out.push_str(&format!(" #~ figure {n}"));
        }
        out.push('\n');
    }
    out
}

const CLASSES: [&str; 11] = [
    "I", "II", "III", "IV", "V", "劣V", "Ⅰ", "Ⅱ", "Ⅲ", "劣Ⅴ", " ii ",
];

fuzz_target!(|input: Input| {
    let text = input.plan.text(commented);
    let plan = campaigns::load::parse(&text, edit_oracle::options())
        .plan
        .expect("the generated plan is valid");
    let campaign = match &input.campaign {
        Ok(index) => plan.campaigns[usize::from(*index) % plan.campaigns.len()].clone(),
        Err(id) => match plan.campaign(id) {
            Some(campaign) => campaign.clone(),
            None => plan.campaigns[0].clone(),
        },
    };
    let ids: Vec<&str> = campaign
        .tasks
        .iter()
        .map(|t| t.id.as_str())
        .chain(campaign.indicators.iter().map(|i| i.id.as_str()))
        .collect();
    let item = match (&input.item, ids.is_empty()) {
        (Ok(index), false) => ids[usize::from(*index) % ids.len()].to_owned(),
        (Ok(_), true) => "task-0".to_owned(),
        (Err(id), _) => id.clone(),
    };
    let change = match &input.figure {
        Figure::None => None,
        Figure::SetDone(n) => Some(Change::SetDone(*n)),
        Figure::AddDone(n) => Some(Change::AddDone(*n)),
        Figure::SetDoneInteger(n) => Some(Change::SetDone(f64::from(*n))),
        Figure::AddDoneInteger(n) => Some(Change::AddDone(f64::from(*n))),
        Figure::SetValue(text) => Some(Change::SetValue(text.clone())),
        Figure::SetValueNumber(n) => Some(Change::SetValue(n.to_string())),
        Figure::SetValueClass(k) => Some(Change::SetValue(
            CLASSES[usize::from(*k) % CLASSES.len()].to_owned(),
        )),
    };
    let record = input.record.map(|days| {
        Record::At(
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(i64::from(days)),
        )
    });
    let request = Edit {
        campaign: campaign.id.clone(),
        item,
        change,
        note: input.note.clone(),
        lang: if input.zh { Lang::Zh } else { Lang::En },
        record,
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    std::fs::write(&path, &text).unwrap();
    let outcome = edit::apply(&path, &request, edit_oracle::options(), None);
    let after = std::fs::read_to_string(&path).unwrap();
    if let Err(problem) = edit_oracle::check(&text, &after, &request, &outcome) {
        panic!("{problem}\nrequest: {request:?}\noutcome: {outcome:?}");
    }
});
