//! 销号 and 督办 in the JSON report: a task's `closed` (a count), `closed_on`
//! (the day a task of one was closed), `stage`, and any item's `notices`.

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::cells::json_number as number;
use crate::model::{Lang, Notice, Task};

/// A task's closing, flattened into its JSON object.
#[derive(Serialize)]
pub struct ClosingJson<'a> {
    /// How many are closed; null when 销号 is not tracked.
    closed: Option<Value>,
    /// The day a task of one was closed.
    closed_on: Option<Day>,
    stage: Option<&'a str>,
    notices: Vec<NoticeJson<'a>>,
}

#[derive(Serialize)]
pub struct NoticeJson<'a> {
    date: Day,
    #[serde(rename = "ref")]
    reference: Option<&'a str>,
    note: Option<&'a str>,
}

/// A date written `YYYY-MM-DD`.
struct Day(chrono::NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

pub fn closing_json(task: &Task, lang: Lang) -> ClosingJson<'_> {
    ClosingJson {
        closed: task.closed.map(|closed| number(closed.count())),
        closed_on: task.closed.and_then(|closed| closed.date()).map(Day),
        stage: task.stage.as_deref(),
        notices: notices_json(&task.notices, lang),
    }
}

pub fn notices_json(notices: &[Notice], lang: Lang) -> Vec<NoticeJson<'_>> {
    notices
        .iter()
        .map(|notice| NoticeJson {
            date: Day(notice.date),
            reference: notice.reference.as_ref().map(|r| r.get(lang)),
            note: notice.note.as_ref().map(|n| n.get(lang)),
        })
        .collect()
}
