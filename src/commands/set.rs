//! `campaigns set`: one update through the write-back path; the summary on
//! stdout, a refusal or failure on stderr.

use campaigns::edit;
use campaigns::text::sanitize_line;

use super::{COULD_NOT_RUN, INVALID, VALID, settings, to_stderr, to_stdout};
use crate::cli::{Common, SetArgs};

pub fn set(args: &SetArgs, common: &Common) -> anyhow::Result<u8> {
    let Some((campaign, item)) = args.target.split_once('/') else {
        to_stderr(&format!(
            "campaigns: `{}` is not CAMPAIGN/ITEM, e.g. clear-water/yangtze-outfalls",
            sanitize_line(&args.target)
        ));
        return Ok(INVALID);
    };
    let change = match (args.done, args.add, &args.value) {
        (Some(done), _, _) => Some(edit::Change::SetDone(done)),
        (_, Some(add), _) => Some(edit::Change::AddDone(add)),
        (_, _, Some(value)) => Some(edit::Change::SetValue(value.clone())),
        _ => None,
    };
    let request = edit::Edit {
        campaign: campaign.to_owned(),
        item: item.to_owned(),
        change,
        note: args.note.clone(),
        lang: settings::lang(common),
        record: args.record.then_some(edit::Record::ReportingDate),
    };
    match edit::apply(&args.file, &request, settings::dates(common), None) {
        Ok(saved) => {
            // The file has changed: the exit code says so even when the
            // summary cannot be printed, so a script does not apply it twice.
            if let Err(err) = to_stdout(format!("{}\n", saved.summary).as_bytes())
                && err.kind() != std::io::ErrorKind::BrokenPipe
            {
                to_stderr(&format!(
                    "campaigns: written, but the summary could not be printed: {err}"
                ));
            }
            Ok(VALID)
        }
        Err(err) => {
            to_stderr(&format!("campaigns: {err}"));
            Ok(if err.is_refusal() {
                INVALID
            } else {
                COULD_NOT_RUN
            })
        }
    }
}
