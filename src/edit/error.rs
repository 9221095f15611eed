//! Why an edit was not written: refused (the request or the file is wrong,
//! or another writer is in the way) or could not run (I/O).

use std::io;
use std::time::Duration;

use crate::load::ReadError;

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("no campaign `{campaign}` in the file{}", did_you_mean(suggestion))]
    UnknownCampaign {
        campaign: String,
        suggestion: Option<String>,
    },
    #[error(
        "campaign `{campaign}` has no task or indicator `{item}`{}",
        did_you_mean(suggestion)
    )]
    UnknownItem {
        campaign: String,
        item: String,
        suggestion: Option<String>,
    },
    #[error("`{target}` is {kind}: {advice}")]
    WrongKind {
        target: String,
        kind: &'static str,
        advice: &'static str,
    },
    #[error("{0}")]
    InvalidValue(String),
    #[error("nothing to change for `{target}`: give a new figure, a note or a history point")]
    NothingToChange { target: String },
    #[error("the file has errors, so it is left as it is; fix them first: {headline}")]
    FileInvalid { headline: String },
    #[error("refused: the file would not be valid after this change: {headline}")]
    WouldBeInvalid { headline: String },
    #[error(
        "{path}: another update is still being written (lock {lock} held for more than {} s); try again",
        waited.as_secs_f64()
    )]
    LockTimeout {
        path: String,
        lock: String,
        waited: Duration,
    },
    #[error(
        "{path} is read-only (mode {mode:04o}): it is left as it is; give it a write bit (chmod u+w) to update it"
    )]
    ReadOnly { path: String, mode: u32 },
    #[error("{path}: the file kept changing while it was being updated; try again")]
    Conflict { path: String },
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{path}: could not {action}: {source}")]
    Io {
        path: String,
        action: &'static str,
        source: io::Error,
    },
}

impl EditError {
    /// Refused (exit 1): nothing was written because the request, the file
    /// or another writer stood in the way. Otherwise the edit could not run
    /// at all (exit 2).
    pub fn is_refusal(&self) -> bool {
        !matches!(self, EditError::Read(_) | EditError::Io { .. })
    }
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map_or_else(String::new, |id| format!(" (did you mean `{id}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_and_failures_are_told_apart() {
        let unknown = EditError::UnknownItem {
            campaign: "blue-sky".into(),
            item: "pm52".into(),
            suggestion: Some("pm25".into()),
        };
        assert!(unknown.is_refusal());
        assert_eq!(
            unknown.to_string(),
            "campaign `blue-sky` has no task or indicator `pm52` (did you mean `pm25`?)"
        );
        let timeout = EditError::LockTimeout {
            path: "p.toml".into(),
            lock: ".p.toml.lock".into(),
            waited: Duration::from_secs(5),
        };
        assert!(timeout.is_refusal());
        let missing = EditError::Read(ReadError::NotFound {
            path: "p.toml".into(),
        });
        assert!(!missing.is_refusal());
        let io = EditError::Io {
            path: "p.toml".into(),
            action: "replace the file",
            source: io::Error::other("disk full"),
        };
        assert!(!io.is_refusal());
    }
}
