//! A campaign's tasks rolled over, each by its fate, written in place.

use std::collections::HashSet;

use toml_edit::{Item, Table, Value};

use super::dates;
use super::fate::{Fate, fate};
use super::{Rolled, RolloverError};
use crate::load::format;
use crate::model::{Campaign, ItemPath, Plan, Task};

/// Keys that hold last year's figures: they stay in last year's revision,
/// with every qualifier of last year's figure (`approx`).
fn last_years() -> impl Iterator<Item = &'static str> {
    let qualifiers = format::TASK.qualifiers().map(|key| key.name);
    ["history", "closed"].into_iter().chain(qualifiers)
}

/// The tasks the draft leaves out: those finished.
pub fn left_out(plan: &Plan, year: i32) -> HashSet<ItemPath> {
    plan.campaigns
        .iter()
        .flat_map(|c| c.tasks.iter().map(move |t| (c, t)))
        .filter(|(c, t)| fate(t, c, year) == Fate::Finished)
        .map(|(c, t)| ItemPath::new(&c.id, &t.id))
        .collect()
}

/// Rolls the tasks of one `[[campaign]]` table over into `year`.
pub fn roll_tasks(
    table: &mut Table,
    campaign: &Campaign,
    year: i32,
    left_out: &HashSet<ItemPath>,
    changes: &mut Vec<Rolled>,
) -> Result<(), RolloverError> {
    let Some(item) = table.get_mut("task") else {
        return Ok(());
    };
    let tables = item.as_array_of_tables_mut().ok_or(RolloverError::Layout)?;
    if tables.len() != campaign.tasks.len() {
        return Err(RolloverError::Layout);
    }
    let mut finished = Vec::new();
    for (index, (table, task)) in tables.iter_mut().zip(&campaign.tasks).enumerate() {
        let path = ItemPath::new(&campaign.id, &task.id);
        let fate = fate(task, campaign, year);
        match fate {
            Fate::Finished => finished.push(index),
            Fate::Carried { remainder } => carry(table, &path, remainder, year),
            Fate::Reset => reset(table, year),
            Fate::Kept => move_dates(table, year),
        }
        if fate != Fate::Kept {
            changes.push(task_change(path.clone(), task, fate));
        }
        if let Some(named) = task.follows.as_ref().filter(|n| left_out.contains(n))
            && fate != Fate::Finished
            && !matches!(fate, Fate::Carried { .. })
        {
            table.remove("follows");
            changes.push(Rolled::FollowsDropped {
                path,
                named: named.clone(),
            });
        }
    }
    for index in finished.into_iter().rev() {
        tables.remove(index);
    }
    if tables.is_empty() {
        table.remove("task");
    }
    Ok(())
}

fn task_change(path: ItemPath, task: &Task, fate: Fate) -> Rolled {
    Rolled::Task {
        path,
        name: task.name.clone(),
        done: task.done,
        total: task.total,
        fate,
    }
}

/// What is left becomes the total, nothing done yet, from the year's start.
fn carry(table: &mut Table, path: &ItemPath, remainder: f64, year: i32) {
    forget_last_year(table);
    dates::set_keeping_decor(table, "done", Value::from(0));
    dates::set_keeping_decor(table, "total", number(remainder));
    if dates::read(table, "start").is_some_and(|s| s < dates::new_year(year)) {
        dates::write(table, "start", dates::new_year(year));
    }
    if let Some(due) = dates::read(table, "due") {
        dates::write(table, "due", dates::moved_into(due, year));
    }
    dates::set_keeping_decor(table, "follows", Value::from(path.to_string()));
}

/// A count of the closed year starts again, over the same period of the new one.
fn reset(table: &mut Table, year: i32) {
    forget_last_year(table);
    dates::set_keeping_decor(table, "done", Value::from(0));
    for key in ["start", "due"] {
        if let Some(date) = dates::read(table, key) {
            dates::write(table, key, dates::in_year(date, year));
        }
    }
}

/// A task already of the new year, or one that runs on: a date before the
/// year moves to its start (a due date into it).
fn move_dates(table: &mut Table, year: i32) {
    if dates::read(table, "start").is_some_and(|s| s < dates::new_year(year)) {
        dates::write(table, "start", dates::new_year(year));
    }
    if let Some(due) = dates::read(table, "due") {
        dates::write(table, "due", dates::moved_into(due, year));
    }
}

/// Takes away last year's figures, and their names from `assumed`.
fn forget_last_year(table: &mut Table) {
    for key in last_years() {
        table.remove(key);
    }
    let Some(assumed) = table.get_mut("assumed").and_then(Item::as_array_mut) else {
        return;
    };
    assumed.retain(|name| {
        !name
            .as_str()
            .is_some_and(|name| last_years().any(|k| k == name))
    });
    if assumed.is_empty() {
        table.remove("assumed");
    }
}

/// A whole number written without a fraction.
fn number(figure: f64) -> Value {
    if figure.fract() == 0.0 && figure.abs() < 1e15 {
        Value::from(figure as i64)
    } else {
        Value::from(figure)
    }
}
