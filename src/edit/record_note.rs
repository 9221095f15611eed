//! What a recorded point cannot say in the file: `assumed` names whole
//! fields, so a point recorded into a `history` listed there is shown with
//! `*` (not from the source) like the illustrative points beside it. The
//! record is still written (it is the clerk's figure), and the clerk is told.

use super::{Edit, Record};
use crate::load::Document;
use crate::model::Field;
use crate::text::sanitize_line;

/// The note for `edit` on `document`, when it records into an assumed
/// `history`; `None` otherwise.
pub(super) fn assumed_history(document: &Document, edit: &Edit) -> Option<String> {
    let date = match edit.record? {
        Record::At(date) => date,
        Record::ReportingDate => document.as_of(),
    };
    let campaign = document.plan().campaign(&edit.campaign)?;
    let assumed = match (campaign.task(&edit.item), campaign.indicator(&edit.item)) {
        (Some(task), _) => task.assumed,
        (None, Some(indicator)) => indicator.assumed,
        (None, None) => return None,
    };
    if !assumed.contains(Field::History) {
        return None;
    }
    let target = sanitize_line(&format!("{}/{}", edit.campaign, edit.item));
    Some(format!(
        "note: {target} lists `history` in `assumed`: every point of it, the one recorded \
         at {date} too, reads as not from the source (*); `assumed` cannot \
         mark one point, so take `history` out of it once its points are from the source"
    ))
}
