//! `campaigns set`: one update through the write-back path the screen's
//! `+` takes; the summary on stdout, a refusal or failure on stderr.

use campaigns::edit;
use campaigns::text::sanitize_line;

use super::{COULD_NOT_RUN, INVALID, VALID, settings, to_stderr, to_stdout};
use crate::cli::{Common, SetArgs};

pub fn set(
    args: &SetArgs,
    common: &Common,
    config: &campaigns::config::Config,
) -> anyhow::Result<u8> {
    let Some((campaign, item)) = args.target.split_once('/') else {
        to_stderr(&format!(
            "campaigns: `{}` is not CAMPAIGN/ITEM, e.g. clear-water/yangtze-outfalls",
            sanitize_line(&args.target)
        ));
        return Ok(INVALID);
    };
    // Figures are read here, not by clap, so a typo is a refusal (exit 1)
    // like every other wrong value, not a usage error.
    let figure = |flag: &str, text: &str| {
        edit::parse_figure(text).ok_or_else(|| {
            format!(
                "campaigns: {flag} `{}` is not a number (write 12, 12.5, 1_000 or 1e3)",
                sanitize_line(text)
            )
        })
    };
    let change = match (&args.done, &args.add, &args.value) {
        (Some(done), _, _) => figure("--done", done).map(|n| Some(edit::Change::SetDone(n))),
        (_, Some(add), _) => figure("--add", add).map(|n| Some(edit::Change::AddDone(n))),
        (_, _, Some(value)) => Ok(Some(edit::Change::SetValue(value.clone()))),
        _ => Ok(None),
    };
    let change = match change {
        Ok(change) => change,
        Err(refusal) => {
            to_stderr(&refusal);
            return Ok(INVALID);
        }
    };
    let request = edit::Edit {
        campaign: campaign.to_owned(),
        item: item.to_owned(),
        change,
        note: args.note.clone(),
        // The note goes in the slot of --lang, else of the language it is
        // written in: never over the other language's text.
        lang: match (common.lang, &args.note) {
            (None, Some(note)) => campaigns::model::Lang::of_script(note),
            _ => settings::lang(common, config),
        },
        record: args.record.then_some(edit::Record::ReportingDate),
    };
    // The screen's route: with no document loaded here, the write-back loads
    // the file under its lock with the screen's loader, then edits that.
    match edit::apply(&args.file, &request, settings::dates(common), None) {
        Ok(saved) => {
            if let Some(note) = &saved.note {
                to_stderr(&format!("campaigns: {note}"));
            }
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
