//! Arbitrary valid plans, written in every layout the format allows (inline
//! tables or sections, histories inline, spread over lines or as
//! `[[...history]]` sections, texts plain or translated, CRLF, a byte-order
//! mark, comments everywhere) with bilingual names full of hostile
//! characters: `check` finds them valid, and any edit through the write-back
//! path leaves a valid file in which only the edited value changed and every
//! comment survived (the check is `tests/it/edit_oracle.rs`, shared with
//! the `set` fuzz target).

use campaigns::edit::{self, Change, Edit, Record};
use campaigns::load;
use campaigns::model::Lang;
use chrono::Days;
use proptest::prelude::*;

use crate::edit_oracle;
use crate::plan_gen::*;

/// Cases per property: enough to cover every layout and edit kind in CI,
/// bounded in time (each case writes a file and parses it three times).
const CASES: u32 = 200;

// ---------------------------------------------------------------------------
// Edits.

/// What to do to which item; resolved against the generated plan.
#[derive(Clone, Debug)]
struct GenEdit {
    campaign: usize,
    item: usize,
    figure: GenFigure,
    note: Option<String>,
    /// Days from 2023-01-01.
    record: Option<u16>,
    /// The language of the note: Chinese, else English.
    zh: bool,
}

#[derive(Clone, Debug)]
enum GenFigure {
    None,
    /// A new figure of the right kind: done for a task, value for an indicator.
    Set(Num, usize),
    /// A task's done plus this many hundredths, never below zero.
    Add(i32),
    /// A figure of the wrong kind: refused.
    WrongKind,
    /// Not a number or not a class: refused.
    Garbage(String),
}

fn gen_edit() -> impl Strategy<Value = GenEdit> {
    let figure = prop_oneof![
        1 => Just(GenFigure::None),
        4 => (num(), 0usize..6).prop_map(|(n, c)| GenFigure::Set(n, c)),
        3 => (-50_000i32..50_000).prop_map(GenFigure::Add),
        1 => Just(GenFigure::WrongKind),
        1 => words().prop_map(GenFigure::Garbage),
    ];
    (
        any::<usize>(),
        any::<usize>(),
        figure,
        prop::option::of(words()),
        prop::option::of(0u16..1000),
        any::<bool>(),
    )
        .prop_map(|(campaign, item, figure, note, record, zh)| GenEdit {
            campaign,
            item,
            figure,
            note,
            record,
            zh,
        })
}

/// The request, and whether it must be written (true) or refused (false);
/// `current` is the plan as the file holds it now (after earlier edits).
fn request(
    plan: &GenPlan,
    wanted: &GenEdit,
    current: &campaigns::model::Plan,
) -> Option<(Edit, bool)> {
    let c = wanted.campaign % plan.campaigns.len();
    let campaign = &plan.campaigns[c];
    let count = campaign.tasks.len() + campaign.indicators.len();
    if count == 0 {
        return None;
    }
    let k = wanted.item % count;
    let task = campaign.tasks.get(k);
    let indicator = k
        .checked_sub(campaign.tasks.len())
        .map(|i| (i, &campaign.indicators[i]));
    let item = match (task, indicator) {
        (Some(_), _) => format!("t{k}"),
        (None, Some((i, _))) => format!("i{i}"),
        (None, None) => return None,
    };
    let (change, valid) = match (&wanted.figure, task, indicator) {
        (GenFigure::None, ..) => (None, true),
        (GenFigure::Set(n, _), Some(_), _) => (Some(Change::SetDone(n.value())), true),
        (GenFigure::Set(n, c), None, Some((_, indicator))) => match indicator.level {
            GenLevel::Number { .. } => (Some(Change::SetValue(n.literal())), true),
            GenLevel::Class { .. } => (Some(Change::SetValue(CLASSES[*c].to_owned())), true),
        },
        (GenFigure::Add(h), Some(_), _) => {
            let done = current.campaigns[c].tasks[k].done;
            let delta = f64::from(*h) / 100.0;
            let delta = if done + delta < 0.0 { -done } else { delta };
            (Some(Change::AddDone(delta)), true)
        }
        (GenFigure::Add(_) | GenFigure::WrongKind, None, _) => (Some(Change::AddDone(1.0)), false),
        (GenFigure::WrongKind, Some(_), _) => (Some(Change::SetValue("1".into())), false),
        (GenFigure::Garbage(text), Some(_), _) => (Some(Change::SetValue(text.clone())), false),
        (GenFigure::Garbage(text), None, Some((_, indicator))) => {
            let text = text.trim();
            let accepted = match indicator.level {
                GenLevel::Number { .. } => text.parse::<f64>().is_ok_and(f64::is_finite),
                GenLevel::Class { .. } => campaigns::model::WaterClass::parse(text).is_some(),
            };
            (Some(Change::SetValue(text.to_owned())), accepted)
        }
        (GenFigure::Set(..) | GenFigure::Garbage(_), None, None) => return None,
    };
    let record = wanted
        .record
        .map(|days| Record::At(history_start() + Days::new(u64::from(days))));
    let edit = Edit {
        campaign: format!("c{c}"),
        item,
        change,
        note: wanted.note.clone(),
        lang: if wanted.zh { Lang::Zh } else { Lang::En },
        record,
    };
    // Nothing asked is refused.
    let valid = valid && (edit.change.is_some() || edit.note.is_some() || edit.record.is_some());
    Some((edit, valid))
}

// ---------------------------------------------------------------------------
// Properties.

fn assert_valid(source: &str) -> Result<(), TestCaseError> {
    let loaded = load::parse(source, edit_oracle::options());
    let errors: Vec<String> = loaded
        .errors()
        .map(|e| e.headline(source, "generated", Lang::En))
        .collect();
    prop_assert!(errors.is_empty(), "{errors:#?}\n{source}");
    prop_assert!(loaded.plan.is_some());
    Ok(())
}

/// The shipped file with its comments marked `#~` for the oracle.
fn shipped_with_marked_comments() -> String {
    include_str!("../../campaigns.toml")
        .lines()
        .map(|line| match line.strip_prefix('#') {
            Some(rest) => format!("#~{rest}\n"),
            None => format!("{line}\n"),
        })
        .collect()
}

/// A small change to a text: bytes deleted, a fragment inserted, a line
/// dropped or repeated.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, fragment: usize },
    DropLine(usize),
    RepeatLine(usize),
}

const FRAGMENTS: &[&str] = &[
    "=",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    ",",
    "#",
    "\n",
    "\r\n",
    "-",
    "0",
    "1e400",
    "nan",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{0}",
    "[[campaign.task]]\n",
    "done = -1\n",
    "history = [",
    "total = 0\n",
    "id = \"x\"\n",
    "note = \"n\"\n",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 0..FRAGMENTS.len())
            .prop_map(|(at, fragment)| Mutation::Insert { at, fragment }),
        any::<usize>().prop_map(Mutation::DropLine),
        any::<usize>().prop_map(Mutation::RepeatLine),
    ]
}

fn mutate(text: &str, mutation: &Mutation) -> String {
    let floor = |mut at: usize| {
        at %= text.len() + 1;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match mutation {
        Mutation::Delete { at, len } => {
            let start = floor(*at);
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            format!("{}{}", &text[..start], &text[end..])
        }
        Mutation::Insert { at, fragment } => {
            let at = floor(*at);
            format!("{}{}{}", &text[..at], FRAGMENTS[*fragment], &text[at..])
        }
        Mutation::DropLine(line) | Mutation::RepeatLine(line) => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            let index = line % lines.len();
            if matches!(mutation, Mutation::DropLine(_)) {
                lines.remove(index);
            } else {
                lines.insert(index, lines[index]);
            }
            lines.concat()
        }
    }
}

/// Edits of the shipped file's items, by id.
const SHIPPED_TARGETS: &[(&str, &str)] = &[
    ("blue-sky", "pm25"),
    ("blue-sky", "key-tasks"),
    ("clear-water", "han-river"),
    ("clear-water", "yangtze-outfalls"),
];

/// Runs the real `campaigns set` for `request`: its exit code.
fn set_through_the_binary(path: &std::path::Path, request: &Edit) -> (i32, String) {
    let mut command = crate::binary::command();
    command
        .arg("set")
        .arg(path)
        .arg(format!("{}/{}", request.campaign, request.item));
    match &request.change {
        Some(Change::SetDone(n)) => command.arg(format!("--done={n}")),
        Some(Change::AddDone(n)) => command.arg(format!("--add={n}")),
        Some(Change::SetValue(text)) => command.arg(format!("--value={text}")),
        Some(Change::Restore { .. }) => unreachable!("`set` has no undo; the strategy makes none"),
        None => &mut command,
    };
    if let Some(note) = &request.note {
        command.arg(format!("--note={note}"));
    }
    command.arg(format!("--lang={}", request.lang.code()));
    if let Some(Record::At(date)) = request.record {
        command.arg("--record").arg(format!("--as-of={date}"));
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        ..ProptestConfig::default()
    })]

    /// The same round trip through the real binary: `set` exits 0 exactly
    /// when the library writes, the oracle holds, and `check` then passes.
    #[test]
    fn set_and_check_through_the_binary(plan in plan(), wanted in gen_edit()) {
        let before = toml(&plan);
        let current = load::parse(&before, edit_oracle::options()).plan.unwrap();
        let Some((mut request, must_write)) = request(&plan, &wanted, &current) else {
            return Ok(());
        };
        // A command line cannot carry NUL.
        request.note = request.note.map(|note| note.replace('\0', ""));
        if let Some(Change::SetValue(text)) = &mut request.change {
            *text = text.replace('\0', "");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("campaigns.toml");
        std::fs::write(&path, &before).unwrap();
        let (code, stderr) = set_through_the_binary(&path, &request);
        let after = std::fs::read_to_string(&path).unwrap();
        prop_assert!(code == 0 || code == 1, "exit {code}: {stderr}");
        if code == 0 {
            // What the library would have answered: written.
            let written = edit_oracle::written(&before, &after, &request);
            prop_assert!(written.is_ok(), "{:?}\n{request:?}", written);
        } else {
            prop_assert_eq!(&after, &before, "refused, yet changed: {}", stderr);
        }
        // A refusal the generator did not expect may only be a value that
        // lost its NUL and became acceptable; nothing else.
        if must_write {
            prop_assert_eq!(code, 0, "{}", stderr);
        }
        let check = crate::binary::command()
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        prop_assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        ..ProptestConfig::default()
    })]

    /// The shipped file with a few mutations, then an edit: a file with
    /// errors is refused untouched; a valid one is edited as asked.
    #[test]
    fn edits_of_a_mutated_shipped_file(
        mutations in prop::collection::vec(mutation(), 1..4),
        target in 0..SHIPPED_TARGETS.len(),
        note in prop::option::of(words()),
        add in -5i32..50,
    ) {
        let mut before = shipped_with_marked_comments();
        for mutation in &mutations {
            before = mutate(&before, mutation);
        }
        let (campaign, item) = SHIPPED_TARGETS[target];
        let change = if item == "han-river" {
            Change::SetValue("III".into())
        } else if item == "pm25" {
            Change::SetValue(format!("{}.5", 20 + add))
        } else {
            Change::AddDone(f64::from(add))
        };
        let request = Edit {
            campaign: campaign.into(),
            item: item.into(),
            change: Some(change),
            note,
            lang: Lang::Zh,
            record: Some(Record::ReportingDate),
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("campaigns.toml");
        std::fs::write(&path, &before).unwrap();
        let outcome = edit::apply(&path, &request, edit_oracle::options(), None);
        let after = std::fs::read_to_string(&path).unwrap();
        if let Err(problem) = edit_oracle::check(&before, &after, &request, &outcome) {
            return Err(TestCaseError::fail(format!("{problem}\nrequest {request:?}\nmutations {mutations:?}")));
        }
        let valid_before = load::parse(&before, edit_oracle::options()).plan.is_some();
        if !valid_before {
            prop_assert!(outcome.is_err(), "an invalid file was written");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: CASES,
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    /// Every generated plan is valid, its figures are as written, and its
    /// texts come out of the loader without a control character.
    #[test]
    fn generated_plans_are_valid(plan in plan()) {
        let source = toml(&plan);
        assert_valid(&source)?;
        let loaded = load::parse(&source, edit_oracle::options()).plan.unwrap();
        prop_assert_eq!(loaded.campaigns.len(), plan.campaigns.len());
        for (campaign, generated) in loaded.campaigns.iter().zip(&plan.campaigns) {
            prop_assert_eq!(campaign.tasks.len(), generated.tasks.len());
            for (task, generated_task) in campaign.tasks.iter().zip(&generated.tasks) {
                prop_assert_eq!(task.done, generated_task.done.value());
                for text in [Some(&task.name), task.note.as_ref(), task.unit.as_ref()].into_iter().flatten() {
                    for lang in [campaigns::model::Lang::Zh, campaigns::model::Lang::En] {
                        let shown = text.get(lang);
                        prop_assert!(
                            !shown.chars().any(|c| campaigns::text::is_unsafe(c) && c != '\n'),
                            "{shown:?}"
                        );
                    }
                }
            }
        }
    }

    /// Any edit of a generated plan: written as asked with nothing else
    /// changed, or refused with the bytes left alone.
    #[test]
    fn edits_change_only_their_item(plan in plan(), edits in prop::collection::vec(gen_edit(), 1..4)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("campaigns.toml");
        let mut before = toml(&plan);
        std::fs::write(&path, &before).unwrap();
        for wanted in &edits {
            let current = load::parse(&before, edit_oracle::options()).plan.unwrap();
            let Some((request, must_write)) = request(&plan, wanted, &current) else { continue };
            let outcome = edit::apply(&path, &request, edit_oracle::options(), None);
            let after = std::fs::read_to_string(&path).unwrap();
            if let Err(problem) = edit_oracle::check(&before, &after, &request, &outcome) {
                return Err(TestCaseError::fail(format!(
                    "{problem}\nrequest {request:?}\noutcome {outcome:?}\nbefore:\n{before}\nafter:\n{after}"
                )));
            }
            prop_assert_eq!(
                outcome.is_ok(),
                must_write,
                "request {:?}: {:?}\n{}",
                request,
                outcome.as_ref().err().map(ToString::to_string),
                before
            );
            if outcome.is_ok() {
                assert_valid(&after)?;
            }
            before = after;
        }
    }
}
