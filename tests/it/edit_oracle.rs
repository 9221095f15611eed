//! What one `edit::apply` may do to a plan, checked from the outside: the
//! property tests (`tests/it/props_roundtrip.rs`) and the `set` fuzz target
//! (`fuzz/fuzz_targets/set.rs`, which includes this file) share it.
//!
//! Written: the file on disk is the saved text, it loads without errors,
//! the plan equals the old one except the edited item's figure, note and
//! history, each as asked, and every `#~` comment of the old text is still
//! there, in order. Refused: the file's bytes are the old ones and the
//! message holds no control character.

use campaigns::edit::{Change, Edit, EditError, Record, Saved};
use campaigns::load::{self, Options};
use campaigns::model::{Indicator, Lang, Level, Plan, SourceLine, Task, Text, WaterClass};
use chrono::NaiveDate;

pub fn options() -> Options {
    Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

/// The comments the generators mark with `#~`: each from the marker to the
/// end of its line.
pub fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|line| line.find("#~").map(|at| line[at..].trim_end_matches('\r')))
        .collect()
}

fn is_subsequence(needles: &[&str], haystack: &[&str]) -> bool {
    let mut rest = haystack.iter();
    needles.iter().all(|needle| rest.any(|line| line == needle))
}

/// Where `edit` points in a plan: (campaign index, task or indicator index).
enum Item {
    Task(usize, usize),
    Indicator(usize, usize),
}

fn find(plan: &Plan, edit: &Edit) -> Option<Item> {
    let c = plan.campaigns.iter().position(|c| c.id == edit.campaign)?;
    let campaign = &plan.campaigns[c];
    if let Some(t) = campaign.tasks.iter().position(|t| t.id == edit.item) {
        return Some(Item::Task(c, t));
    }
    let i = campaign.indicators.iter().position(|i| i.id == edit.item)?;
    Some(Item::Indicator(c, i))
}

/// The plan without the lines items start on (an inserted note moves them).
fn without_lines(mut plan: Plan) -> Plan {
    for campaign in &mut plan.campaigns {
        campaign.line = SourceLine::default();
        for task in &mut campaign.tasks {
            task.line = SourceLine::default();
        }
        for indicator in &mut campaign.indicators {
            indicator.line = SourceLine::default();
        }
    }
    plan
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn has_control(text: &str) -> bool {
    text.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    })
}

/// The note as the loader will read it back.
fn expected_note(note: &str) -> String {
    campaigns::text::sanitize(note)
}

fn note_in(text: &Option<Text>, lang: Lang) -> Option<&str> {
    text.as_ref().map(|text| text.get(lang))
}

/// Checks `outcome` of applying `edit` to a file that held `before` and
/// now holds `after`.
pub fn check(
    before: &str,
    after: &str,
    edit: &Edit,
    outcome: &Result<Saved, EditError>,
) -> Result<(), String> {
    let saved = match outcome {
        Err(err) => {
            if after != before {
                return Err(format!("refused ({err}) but the file changed"));
            }
            let message = err.to_string();
            if has_control(&message) {
                return Err(format!("control character in the message {message:?}"));
            }
            return Ok(());
        }
        Ok(saved) => saved,
    };
    if after != saved.written.text() {
        return Err("the file on disk is not the text `apply` says it saved".into());
    }
    if has_control(&saved.summary) {
        return Err(format!(
            "control character in the summary {:?}",
            saved.summary
        ));
    }
    written(before, after, edit)
}

/// Checks a written edit from the file's text before and after alone (the
/// binary's run gives no `Saved`).
pub fn written(before: &str, after: &str, edit: &Edit) -> Result<(), String> {
    let old = load::parse(before, options())
        .plan
        .ok_or("written although the old file had errors")?;
    let loaded = load::parse(after, options());
    if let Some(error) = loaded.errors().next() {
        return Err(format!(
            "written, but invalid: {}",
            error.headline(after, "after", Lang::En)
        ));
    }
    let new = loaded.plan.ok_or("written, but no plan")?;
    let record = edit.record.map(|record| match record {
        Record::At(date) => date,
        Record::ReportingDate => options().reporting_date(old.meta.as_of),
    });
    if !is_subsequence(&comments(before), &comments(after)) {
        return Err("a comment was lost or moved".into());
    }
    let old = without_lines(old);
    let new = without_lines(new);
    let mut expected = old.clone();
    match find(&old, edit).ok_or("written, but the item is not in the old plan")? {
        Item::Task(c, t) => {
            let (was, now) = (&old.campaigns[c].tasks[t], &new.campaigns[c].tasks[t]);
            task_written(was, now, edit, record)?;
            let task = &mut expected.campaigns[c].tasks[t];
            task.done = now.done;
            task.note = now.note.clone();
            task.history = now.history.clone();
        }
        Item::Indicator(c, i) => {
            let (was, now) = (
                &old.campaigns[c].indicators[i],
                &new.campaigns[c].indicators[i],
            );
            indicator_written(was, now, edit, record)?;
            let indicator = &mut expected.campaigns[c].indicators[i];
            indicator.value = now.value;
            indicator.note = now.note.clone();
            indicator.history = now.history.clone();
        }
    }
    if expected != new {
        return Err(format!(
            "something else changed:\nexpected {expected:#?}\n\nfound {new:#?}"
        ));
    }
    Ok(())
}

/// The edited task's figure, note and history, each as asked.
fn task_written(
    was: &Task,
    now: &Task,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Result<(), String> {
    match &edit.change {
        None if now.done != was.done => return Err("done changed unasked".into()),
        None => {}
        Some(Change::SetDone(n)) if now.done != *n => {
            return Err(format!("done is {}, asked {n}", now.done));
        }
        Some(Change::AddDone(delta)) if !close(now.done, was.done + delta) => {
            return Err(format!(
                "done is {}, asked {} + {delta}",
                now.done, was.done
            ));
        }
        Some(Change::SetValue(_)) => return Err("a task was given a value".into()),
        Some(_) => {}
    }
    check_note(&edit.note, &was.note, &now.note, edit.lang)?;
    let points = |history: &[campaigns::model::TaskPoint]| {
        history
            .iter()
            .map(|p| (p.date, Level::Number(p.done)))
            .collect::<Vec<_>>()
    };
    check_history(
        record,
        &points(&was.history),
        &points(&now.history),
        Level::Number(now.done),
    )
}

/// The edited indicator's level, note and history, each as asked.
fn indicator_written(
    was: &Indicator,
    now: &Indicator,
    edit: &Edit,
    record: Option<NaiveDate>,
) -> Result<(), String> {
    match &edit.change {
        None if now.value != was.value => return Err("value changed unasked".into()),
        None => {}
        Some(Change::SetValue(text)) => {
            let asked = match now.value {
                Level::WaterClass(_) => WaterClass::parse(text.trim()).map(Level::WaterClass),
                Level::Number(_) => text.trim().parse().ok().map(Level::Number),
            };
            if asked != Some(now.value) {
                return Err(format!("value is {:?}, asked {text:?}", now.value));
            }
        }
        Some(_) => return Err("an indicator was given a done count".into()),
    }
    check_note(&edit.note, &was.note, &now.note, edit.lang)?;
    let points = |history: &[campaigns::model::IndicatorPoint]| {
        history
            .iter()
            .map(|p| (p.date, p.value))
            .collect::<Vec<_>>()
    };
    check_history(
        record,
        &points(&was.history),
        &points(&now.history),
        now.value,
    )
}

fn check_note(
    asked: &Option<String>,
    was: &Option<Text>,
    now: &Option<Text>,
    lang: Lang,
) -> Result<(), String> {
    match asked {
        None if was != now => Err("the note changed unasked".into()),
        None => Ok(()),
        Some(note) => {
            let wanted = expected_note(note);
            match note_in(now, lang) {
                Some(found) if found == wanted => {}
                found => return Err(format!("note is {found:?}, asked {wanted:?}")),
            }
            // A table of translations changes in the asked language alone.
            if let (Some(Text::Translated(was)), Some(Text::Translated(now))) = (was, now) {
                let others = |all: &[(String, String)]| {
                    all.iter()
                        .filter(|(code, _)| code != lang.code())
                        .cloned()
                        .collect::<Vec<_>>()
                };
                if others(was) != others(now) {
                    return Err(format!("a note in another language changed: {now:?}"));
                }
            }
            Ok(())
        }
    }
}

/// The new history is the old one with a point at `record` (replaced or
/// inserted in date order) holding the item's new figure.
fn check_history(
    record: Option<NaiveDate>,
    was: &[(NaiveDate, Level)],
    now: &[(NaiveDate, Level)],
    figure: Level,
) -> Result<(), String> {
    let mut expected = was.to_vec();
    if let Some(date) = record {
        match expected.iter().position(|(d, _)| *d == date) {
            Some(at) => expected[at].1 = figure,
            None => {
                let at = expected.partition_point(|(d, _)| *d < date);
                expected.insert(at, (date, figure));
            }
        }
    }
    if expected == now {
        Ok(())
    } else {
        Err(format!("history is {now:?}, expected {expected:?}"))
    }
}
