//! What each task had closed (销号) at the last meeting, read from the file
//! as it was then: the brief's baseline for what was closed since.

use std::collections::HashMap;

use chrono::NaiveDate;

/// What each task had closed at the last meeting: `campaign/task` → how
/// many (a task not there, or not closed then, had none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClosedThen {
    /// The last meeting's reporting date.
    pub as_of: NaiveDate,
    pub counts: HashMap<String, f64>,
}

impl ClosedThen {
    /// What `plan` (the file at the last meeting, reporting on `as_of`) had closed.
    pub fn of(plan: &crate::model::Plan, as_of: NaiveDate) -> ClosedThen {
        let counts = plan.campaigns.iter().flat_map(|campaign| {
            campaign.tasks.iter().filter_map(move |task| {
                let key = format!("{}/{}", campaign.id, task.id);
                Some((key, task.closed?.count()))
            })
        });
        ClosedThen {
            as_of,
            counts: counts.collect(),
        }
    }
}
