use chrono::NaiveDate;

use super::*;

const PLAN: &str = r#"[meta]
title = "t"
as_of = 2024-12-31

[[campaign]]
id = "clear-water"
name = "Clear water"

[[campaign.indicator]]
id = "han-river"
name = "Han River"
scale = "water-class"
value = "Ⅱ"   # monthly reading
target = "II"

[[campaign.indicator]]
id = "pm25"
name = "PM2.5"
value = 31.0
target = 35.0
better = "lower"
note = { zh = "旧", en = "old" }

[[campaign.task]]
id = "outfalls"
name = "Outfalls"
done = 110 # checked 12-20
total = 113
history = [ { date = 2024-06-30, done = 80 }, { date = 2024-12-31, done = 109 } ]
"#;

fn options() -> Options {
    let day = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    Options {
        as_of: None,
        today: day,
    }
}

fn edit(item: &str, change: Option<Change>) -> Edit {
    Edit {
        campaign: "clear-water".into(),
        item: item.into(),
        change,
        note: None,
        lang: Lang::En,
        record: None,
    }
}

/// `source` loaded as `plan.toml` and edited as the write-back does it:
/// the new text, the summary line and what was written.
fn edit_text(
    source: &str,
    edit: &Edit,
    options: Options,
    shown: &str,
) -> Result<(String, String, Written), EditError> {
    let document = edited::loaded(Path::new(shown), source.to_owned(), options, shown)?;
    let (summary, written) = edited::edited(&document, edit, shown)?;
    Ok((written.text().to_owned(), summary, written))
}

fn run(edit: &Edit) -> Result<(String, String), EditError> {
    edit_text(PLAN, edit, options(), "plan.toml").map(|(text, summary, _)| (text, summary))
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn done_keeps_its_comment_and_kind() {
    let (text, summary) = run(&edit("outfalls", Some(Change::AddDone(1.0)))).unwrap();
    assert_eq!(text, PLAN.replace("done = 110 #", "done = 111 #"));
    assert_eq!(summary, "clear-water/outfalls: done 110 → 111");
    let (text, _) = run(&edit("outfalls", Some(Change::SetDone(100.5)))).unwrap();
    assert_eq!(text, PLAN.replace("done = 110 #", "done = 100.5 #"));
}

#[test]
fn water_class_keeps_the_file_style() {
    let (text, summary) = run(&edit("han-river", Some(Change::SetValue("III".into())))).unwrap();
    assert_eq!(text, PLAN.replace("value = \"Ⅱ\"", "value = \"Ⅲ\""));
    assert_eq!(summary, "clear-water/han-river: value Ⅱ → Ⅲ");
}

#[test]
fn a_whole_number_is_written_whole_over_a_decimal() {
    let (text, _) = run(&edit("pm25", Some(Change::SetValue("30".into())))).unwrap();
    assert_eq!(text, PLAN.replace("value = 31.0", "value = 30"));
    let (text, _) = run(&edit("pm25", Some(Change::SetValue("1_000".into())))).unwrap();
    assert_eq!(text, PLAN.replace("value = 31.0", "value = 1000"));
    let (text, _) = run(&edit("pm25", Some(Change::SetValue("30.5".into())))).unwrap();
    assert_eq!(text, PLAN.replace("value = 31.0", "value = 30.5"));
    let (text, _) = run(&edit("outfalls", Some(Change::SetDone(1e3)))).unwrap();
    assert_eq!(text, PLAN.replace("done = 110 #", "done = 1000 #"));
}

#[test]
fn note_in_translations_replaces_the_entry_of_the_edit_language() {
    let mut e = edit("pm25", None);
    e.note = Some("新 \"说明\"".into());
    e.lang = Lang::Zh;
    let (text, summary) = run(&e).unwrap();
    assert_eq!(
        text,
        PLAN.replace("zh = \"旧\"", "zh = \"新 \\\"说明\\\"\"")
    );
    assert_eq!(summary, "clear-water/pm25: note (zh) replaced");
    e.lang = Lang::En;
    let (text, _) = run(&e).unwrap();
    assert_eq!(
        text,
        PLAN.replace("en = \"old\"", "en = \"新 \\\"说明\\\"\"")
    );
}

#[test]
fn record_at_the_reporting_date_reads_meta_or_takes_as_of() {
    let mut e = edit("outfalls", None);
    e.record = Some(Record::ReportingDate);
    let (text, summary) = run(&e).unwrap();
    assert_eq!(
        summary,
        "clear-water/outfalls: history 2024-12-31 replaced with 110"
    );
    assert!(text.contains("{ date = 2024-12-31, done = 110 }"), "{text}");
    let later = Options {
        as_of: Some(date("2025-01-31")),
        ..options()
    };
    let (_, summary, _) = edit_text(PLAN, &e, later, "plan.toml").unwrap();
    assert_eq!(summary, "clear-water/outfalls: recorded 110 at 2025-01-31");
    let without = PLAN.replace("as_of = 2024-12-31\n", "");
    let today = Options {
        as_of: None,
        today: date("2025-02-28"),
    };
    let (_, summary, _) = edit_text(&without, &e, today, "plan.toml").unwrap();
    assert_eq!(summary, "clear-water/outfalls: recorded 110 at 2025-02-28");
}

#[test]
fn record_replaces_the_same_date_and_inserts_in_order() {
    let mut e = edit("outfalls", Some(Change::SetDone(112.0)));
    e.record = Some(Record::At(date("2024-12-31")));
    let (text, summary) = run(&e).unwrap();
    let expected = PLAN
        .replace("done = 110 #", "done = 112 #")
        .replace("done = 109 }", "done = 112 }");
    assert_eq!(text, expected);
    assert_eq!(
        summary,
        "clear-water/outfalls: done 110 → 112, history 2024-12-31 replaced with 112"
    );
    // A point added to a one-line array: the array one point per line,
    // each point's text as it was.
    let mut e = edit("outfalls", None);
    e.record = Some(Record::At(date("2024-09-30")));
    let (text, summary) = run(&e).unwrap();
    assert_eq!(
        text,
        PLAN.replace(
            "history = [ { date = 2024-06-30, done = 80 }, { date = 2024-12-31, done = 109 } ]",
            "history = [\n  { date = 2024-06-30, done = 80 },\n  { date = 2024-09-30, done = 110 },\n  { date = 2024-12-31, done = 109 },\n]"
        )
    );
    assert_eq!(summary, "clear-water/outfalls: recorded 110 at 2024-09-30");
}

/// In a section whose keys are indented, a fresh history's points sit
/// one indent deeper and its `]` under its key.
#[test]
fn record_writes_a_fresh_history_one_point_per_line_indented_like_its_key() {
    let at = PLAN.find("id = \"outfalls\"").unwrap();
    let section =
        "  id = \"outfalls\"\n  name = \"Outfalls\"\n  done = 110 # checked 12-20\n  total = 113\n";
    let source = format!("{}{section}", &PLAN[..at]);
    let mut e = edit("outfalls", None);
    e.record = Some(Record::At(date("2024-12-31")));
    let (text, _, _) = edit_text(&source, &e, options(), "plan.toml").unwrap();
    let history = "  history = [\n    { date = 2024-12-31, done = 110 },\n  ]\n";
    assert!(text.contains(&format!("total = 113\n{history}")), "{text}");
}

#[test]
fn record_starts_a_history() {
    let mut e = edit("han-river", None);
    e.record = Some(Record::At(date("2024-12-31")));
    let (text, _) = run(&e).unwrap();
    assert_eq!(
        text,
        PLAN.replace(
            "target = \"II\"\n",
            "target = \"II\"\nhistory = [\n  { date = 2024-12-31, value = \"Ⅱ\" },\n]\n"
        )
    );
}

#[test]
fn refusals_name_the_reason() {
    let refused = |e: &Edit| run(e).unwrap_err();
    assert!(matches!(
        refused(&edit("pm25", Some(Change::AddDone(1.0)))),
        EditError::WrongKind { .. }
    ));
    assert!(matches!(
        refused(&edit("outfalls", Some(Change::SetValue("3".into())))),
        EditError::WrongKind { .. }
    ));
    let bad_class = refused(&edit("han-river", Some(Change::SetValue("VI".into()))));
    assert!(
        bad_class.to_string().contains("`VI` is not a water class"),
        "{bad_class}"
    );
    assert!(matches!(
        refused(&edit("outfalls", Some(Change::SetDone(-1.0)))),
        EditError::InvalidValue(_)
    ));
    assert!(matches!(
        refused(&edit("outfalls", Some(Change::SetDone(f64::NAN)))),
        EditError::InvalidValue(_)
    ));
    assert!(matches!(
        refused(&edit("outfalls", None)),
        EditError::NothingToChange { .. }
    ));
    assert!(matches!(
        refused(&edit("outfall", Some(Change::AddDone(1.0)))),
        EditError::UnknownItem {
            suggestion: Some(_),
            ..
        }
    ));
}

#[test]
fn a_result_that_does_not_validate_is_refused_with_the_loader_headline() {
    match run(&edit("outfalls", Some(Change::AddDone(-111.0)))).unwrap_err() {
        EditError::WouldBeInvalid { headline } => assert_eq!(
            headline,
            "plan.toml:27:8: error: `done` must not be negative, found -1"
        ),
        other => panic!("expected WouldBeInvalid, got {other}"),
    }
}

#[test]
fn an_invalid_file_is_refused_before_any_change() {
    let broken = PLAN.replace("total = 113", "total = 0");
    let err = edit_text(
        &broken,
        &edit("outfalls", Some(Change::AddDone(1.0))),
        options(),
        "plan.toml",
    )
    .unwrap_err();
    match err {
        EditError::FileInvalid { headline } => {
            assert!(headline.starts_with("plan.toml:28:9: error:"), "{headline}");
            assert!(
                headline.contains("`total` must be more than 0"),
                "{headline}"
            );
        }
        other => panic!("expected FileInvalid, got {other}"),
    }
}

#[test]
fn a_byte_order_mark_is_kept() {
    let source = format!("\u{FEFF}{PLAN}");
    let (text, _, _) = edit_text(
        &source,
        &edit("outfalls", Some(Change::AddDone(2.0))),
        options(),
        "plan.toml",
    )
    .unwrap();
    assert_eq!(text, source.replace("done = 110 #", "done = 112 #"));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn task_table(source: &str) -> toml::Table {
        let root: toml::Table = toml::from_str(source).unwrap();
        root["campaign"][0]["task"][0].as_table().unwrap().clone()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_note_is_written_as_given(note in any::<String>()) {
            let mut e = edit("outfalls", None);
            e.note = Some(note.clone());
            let (text, _) = run(&e).unwrap();
            let task = task_table(&text);
            prop_assert_eq!(task["note"].as_str(), Some(note.as_str()));
            // Exactly one line was added.
            prop_assert_eq!(text.lines().count(), PLAN.lines().count() + 1);
        }

        #[test]
        fn any_value_text_is_refused_or_written(value in any::<String>()) {
            for item in ["pm25", "han-river"] {
                let e = edit(item, Some(Change::SetValue(value.clone())));
                match run(&e) {
                    Ok((text, _)) => prop_assert!(load::parse(&text, options()).plan.is_some()),
                    Err(err) => prop_assert!(err.is_refusal()),
                }
            }
        }

        #[test]
        fn adding_counts_from_the_file(delta in -200i64..200) {
            match run(&edit("outfalls", Some(Change::AddDone(delta as f64)))) {
                Ok((text, _)) => {
                    prop_assert_eq!(task_table(&text)["done"].as_integer(), Some(110 + delta));
                }
                Err(err) => {
                    prop_assert!(110 + delta < 0);
                    let refused_as_invalid = matches!(err, EditError::WouldBeInvalid { .. });
                    prop_assert!(refused_as_invalid);
                }
            }
        }
    }
}

/// The splices planned on the campaign's section alone, against those
/// planned on the whole file, for every kind of change on every item; the
/// section a loaded document gives, and the item's own section. A refusal
/// on the campaign's section is worded as on the whole file.
#[test]
fn a_section_plans_the_same_splices_as_the_whole_file() {
    let text = campaigns_synthetic::plan_text(campaigns_synthetic::Shape {
        tasks: 40,
        tasks_per_campaign: 10,
        seed: 7,
    });
    let sources = [PLAN.to_owned(), PLAN.replace('\n', "\r\n"), text];
    let document_changes = |kind_is_task: bool| -> Vec<Edit> {
        let change = if kind_is_task {
            Change::AddDone(2.0)
        } else {
            Change::SetValue("33.5".to_owned())
        };
        let wrong_kind = if kind_is_task {
            Change::SetValue("3".to_owned())
        } else {
            Change::AddDone(1.0)
        };
        vec![
            Edit {
                campaign: String::new(),
                item: String::new(),
                change: Some(wrong_kind),
                note: None,
                lang: Lang::En,
                record: None,
            },
            Edit {
                campaign: String::new(),
                item: String::new(),
                change: Some(change),
                note: None,
                lang: Lang::En,
                record: None,
            },
            Edit {
                campaign: String::new(),
                item: String::new(),
                change: None,
                note: Some("checked on site".to_owned()),
                lang: Lang::En,
                record: Some(Record::At(date("2024-12-31"))),
            },
        ]
    };
    let (mut compared, mut refused) = (0, 0);
    for source in &sources {
        let whole = toml_edit::Document::parse(source.as_str()).unwrap();
        let document = load::Opened::parse(Path::new("plan.toml"), source.clone(), options())
            .into_document()
            .expect("a valid plan");
        for campaign in locate::tables(&whole["campaign"]) {
            let campaign_id = campaign.str("id").unwrap();
            for (key, task) in [("task", true), ("indicator", false)] {
                for item in campaign.get(key).map(locate::tables).unwrap_or_default() {
                    let mut edits = document_changes(task);
                    // The same change on an item the campaign does not have.
                    edits.push(edits[1].clone());
                    for (at, mut edit) in edits.into_iter().enumerate() {
                        edit.campaign = campaign_id.to_owned();
                        edit.item = item.str("id").unwrap().to_owned();
                        if at == 3 {
                            edit.item.push('x');
                        }
                        if same_plans(source, whole.as_table(), &document, &edit) {
                            compared += 1;
                        } else {
                            refused += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(compared > 40, "only {compared} edits compared");
    assert!(refused > 40, "only {refused} refusals compared");
}

/// Checks that the campaign's section and the item's own section plan
/// `edit` as the whole file `root` does; `false` when all refuse it, in
/// the same words.
fn same_plans(source: &str, root: &toml_edit::Table, document: &Document, edit: &Edit) -> bool {
    let record = Some(date("2024-12-31"));
    let expected = change::plan(source, root, edit, record);
    let known = document.section_of(&edit.campaign);
    let planned = known
        .and_then(|section| edited::planned_in_section(source, section, edit, record))
        .expect("a section plan");
    let (planned, expected) = match (planned, expected) {
        (Ok(planned), Ok(expected)) => (planned, expected),
        (Err(section), Err(whole)) => {
            assert_eq!(section.to_string(), whole.to_string());
            return false;
        }
        (section, whole) => panic!("{edit:?}: {:?} against {:?}", section.err(), whole.err()),
    };
    assert_eq!(planned.splices, expected.splices, "{edit:?}");
    assert_eq!(planned.summary, expected.summary);
    let item = document.item_section_of(&edit.campaign, &edit.item);
    let item = item.expect("its own section");
    let planned = edited::planned_in_item(source, item, edit, record).expect("an item plan");
    assert_eq!(planned.splices, expected.splices, "{edit:?}");
    assert_eq!(planned.summary, expected.summary);
    true
}

/// With what the caller knows of the file, the same edit writes the same
/// bytes, says the same, refuses the same as without; the part re-read
/// gives the plan and diagnostics a whole parse of the written text gives.
/// Without a document, or with one of a file changed behind the caller's
/// back, what was written is a whole document.
#[test]
fn a_known_text_is_checked_by_rereading_what_changed() {
    let shipped =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/campaigns.toml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    let known = load::Opened::parse(&path, shipped.clone(), options())
        .into_document()
        .expect("the shipped file is valid");
    let plan = known.plan();
    let edits = every_kind_of_edit(plan);
    let mut reread = 0;
    for edit in &edits {
        std::fs::write(&path, &shipped).unwrap();
        let whole = apply(&path, edit, options(), None);
        let whole_text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, &shipped).unwrap();
        let fast = apply(&path, edit, options(), Some(&known));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            whole_text,
            "{edit:?}"
        );
        let (whole, fast) = match (whole, fast) {
            (Ok(whole), Ok(fast)) => (whole, fast),
            (Err(whole), Err(fast)) => {
                assert_eq!(whole.to_string(), fast.to_string());
                continue;
            }
            (whole, fast) => panic!("{edit:?}: {whole:?} against {fast:?}"),
        };
        assert_eq!(whole.written.text(), fast.written.text());
        assert_eq!(whole.summary, fast.summary);
        let Written::Whole(loaded) = whole.written else {
            panic!("{edit:?} was not parsed whole");
        };
        let Written::Reread { reread: part, text } = fast.written else {
            panic!("{edit:?} was not re-read alone");
        };
        let mut patched = known.clone();
        patched.take(part, text);
        assert_eq!(patched, loaded);
        let parsed = load::Opened::parse(&path, whole_text, options()).into_document();
        assert_eq!(Some(patched), parsed, "{edit:?}");
        reread += 1;
    }
    assert!(
        reread * 2 > edits.len(),
        "{reread} of {} re-read",
        edits.len()
    );

    // Changed on disk since it was loaded: parsed whole, from the disk's text.
    let elsewhere = shipped.replacen("as_of = 2024-12-31", "as_of = 2024-12-30", 1);
    std::fs::write(&path, &elsewhere).unwrap();
    let first = &plan.campaigns[0];
    let edit = Edit {
        campaign: first.id.clone(),
        ..edit(&first.tasks[0].id, Some(Change::AddDone(1.0)))
    };
    let saved = apply(&path, &edit, options(), Some(&known)).unwrap();
    assert!(saved.written.text().contains("as_of = 2024-12-30"));
    assert!(matches!(saved.written, Written::Whole(_)));
}

/// For each task, one step up and one far below zero; for each indicator,
/// a new level with a note and a history point.
fn every_kind_of_edit(plan: &crate::model::Plan) -> Vec<Edit> {
    use crate::model::Level;
    let mut edits = Vec::new();
    for campaign in &plan.campaigns {
        let at = |item: &str, change| Edit {
            campaign: campaign.id.clone(),
            ..edit(item, change)
        };
        for task in &campaign.tasks {
            edits.push(at(&task.id, Some(Change::AddDone(1.0))));
            edits.push(at(&task.id, Some(Change::AddDone(-1e6))));
        }
        for indicator in &campaign.indicators {
            let value = match indicator.value {
                Level::Number(_) => "12.5",
                Level::WaterClass(_) => "III",
            };
            let mut edit = at(&indicator.id, Some(Change::SetValue(value.into())));
            edit.note = Some("checked".into());
            edit.record = Some(Record::At(date("2024-12-31")));
            edits.push(edit);
        }
    }
    edits
}

#[test]
fn plus_on_a_file_whose_only_error_is_the_edited_done_is_refused() {
    // The screen still holds the last good text (110); the file on disk now
    // says `done = -1`: `+` must not write 0 over it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    let document = match load::Opened::parse(&path, PLAN.to_owned(), options()) {
        load::Opened::Valid(document) => document,
        load::Opened::Invalid(_) => panic!("the fixture is valid"),
    };
    let broken = PLAN.replace("done = 110", "done = -1");
    fs::write(&path, &broken).unwrap();
    let plus = edit("outfalls", Some(Change::AddDone(1.0)));
    let err = apply(&path, &plus, options(), Some(&document)).unwrap_err();
    assert!(matches!(err, EditError::FileInvalid { .. }), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    // The same for the whole-file path, without a document.
    let err = apply(&path, &plus, options(), None).unwrap_err();
    assert!(matches!(err, EditError::FileInvalid { .. }), "{err}");
}

#[test]
fn a_note_in_the_other_language_keeps_the_plain_one_beside_it() {
    let plain = PLAN.replace(
        "note = { zh = \"旧\", en = \"old\" }",
        "note = \"annual mean\"",
    );
    let mut e = edit("pm25", None);
    e.note = Some("年均".into());
    e.lang = Lang::Zh;
    let (text, summary, _) = edit_text(&plain, &e, options(), "plan.toml").unwrap();
    assert!(
        text.contains("note = { zh = \"年均\", en = \"annual mean\" }"),
        "{text}"
    );
    assert_eq!(summary, "clear-water/pm25: note (zh) added");
    // In the same language, the plain note is replaced.
    e.note = Some("yearly mean".into());
    e.lang = Lang::En;
    let (text, summary, _) = edit_text(&plain, &e, options(), "plan.toml").unwrap();
    assert!(text.contains("note = \"yearly mean\""), "{text}");
    assert_eq!(summary, "clear-water/pm25: note (en) replaced");
}

#[test]
fn restore_puts_the_figure_back_only_while_the_file_holds_what_was_written() {
    let undo = |from: &str| {
        edit(
            "outfalls",
            Some(Change::Restore {
                to: "109".into(),
                from: from.into(),
            }),
        )
    };
    let (text, _) = run(&undo("110")).unwrap();
    assert!(text.contains("done = 109 # checked 12-20"), "{text}");
    // Someone changed it since: refused, with what it is now.
    let err = run(&undo("111")).unwrap_err();
    assert!(err.to_string().contains("is 110 now, not 111"), "{err}");
    // A water class compares however it is written.
    let class = edit(
        "han-river",
        Some(Change::Restore {
            to: "III".into(),
            from: "II".into(),
        }),
    );
    let (text, _) = run(&class).unwrap();
    assert!(text.contains("value = \"Ⅲ\""), "{text}");
}
