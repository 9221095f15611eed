//! Comments the draft keeps beside a value it rewrote, when they name the
//! closed year: `start = 2025-01-01  # the report covers the year 2024`
//! would mislead next year's reader. They stay (a comment is the bureau's
//! own words), and the summary names each one to be read again.

use toml_edit::{DocumentMut, Item, Table};

use super::Rolled;

/// The draft's rewritten values whose kept comment names `closed_year`, in
/// the file's order: `[meta]`, then each campaign and its tasks, matched
/// to the source by id (a task left out has nothing to say).
pub fn stale_comments(source: &DocumentMut, draft: &DocumentMut, closed_year: i32) -> Vec<Rolled> {
    let year = closed_year.to_string();
    let mut found = Vec::new();
    if let (Some(before), Some(after)) = (meta(source), meta(draft)) {
        compare("meta.", before, after, &year, &mut found);
    }
    let before = campaigns(source);
    for after in campaigns(draft) {
        let id = id_of(after);
        let Some(was) = before.iter().find(|t| id_of(t) == id) else {
            continue;
        };
        compare(&format!("{id} "), was, after, &year, &mut found);
        for task in tasks(after) {
            let task_id = id_of(task);
            if let Some(was_task) = tasks(was).into_iter().find(|t| id_of(t) == task_id) {
                compare(
                    &format!("{id}/{task_id} "),
                    was_task,
                    task,
                    &year,
                    &mut found,
                );
            }
        }
    }
    found
}

/// The values of `after` that differ from `before`'s and keep a comment
/// naming `year`.
fn compare(place: &str, before: &Table, after: &Table, year: &str, found: &mut Vec<Rolled>) {
    for (key, item) in after.iter() {
        let Item::Value(value) = item else {
            continue;
        };
        let was = before.get(key).and_then(Item::as_value);
        let rewritten = was.is_some_and(|was| was.to_string().trim() != value.to_string().trim());
        let comment = value
            .decor()
            .suffix()
            .and_then(|s| s.as_str())
            .map(str::trim);
        if let (true, Some(comment)) = (rewritten, comment.filter(|c| c.contains(year))) {
            found.push(Rolled::StaleComment {
                place: format!("{place}{key}"),
                comment: crate::text::sanitize_line(comment.trim_start_matches('#').trim()),
            });
        }
    }
}

fn meta(doc: &DocumentMut) -> Option<&Table> {
    doc.get("meta").and_then(Item::as_table)
}

fn campaigns(doc: &DocumentMut) -> Vec<&Table> {
    let tables = doc.get("campaign").and_then(Item::as_array_of_tables);
    tables.map(|t| t.iter().collect()).unwrap_or_default()
}

fn id_of(table: &Table) -> String {
    let id = table.get("id").and_then(Item::as_str).unwrap_or_default();
    crate::text::sanitize_line(id)
}

fn tasks(campaign: &Table) -> Vec<&Table> {
    let tables = campaign.get("task").and_then(Item::as_array_of_tables);
    tables.map(|t| t.iter().collect()).unwrap_or_default()
}
