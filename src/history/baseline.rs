//! The revision to compare the current figures with, and loading the file
//! as it was there.

use chrono::NaiveDate;

use super::error::git_error;
use super::readings::Content;
use super::{History, HistoryError};
use crate::load::{self, Document, Opened};
use crate::text::sanitize_line;

/// Which revision is the baseline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    /// The last report before this one: the newest reporting date before
    /// the current one, found as [`Since::Date`] finds it (of that day's
    /// reports, the last committed).
    LastReport,
    /// The newest valid revision at or before this commit on the first-parent
    /// line (anything git names a commit by: a hash or its prefix, a branch,
    /// a tag, `HEAD~3`).
    Rev(String),
    /// A reporting date: the newest valid committed revision whose
    /// `meta.as_of` is on or before this day (of those, the last committed).
    Date(NaiveDate),
}

/// `YYYY-MM-DD` is a day; anything else names a commit (`--since`). A
/// label the screen shows, `since 2024-12-31 (ec33378)` or
/// `较2024-12-31（ec33378）`, reads back as its commit.
impl std::str::FromStr for Since {
    type Err = String;

    fn from_str(text: &str) -> Result<Since, String> {
        let text = text.trim();
        if let Some(commit) = label_commit(text) {
            return Ok(Since::Rev(commit.to_owned()));
        }
        if text.is_empty() {
            return Err(
                "`--since` needs a commit, a branch, a tag or a date like 2024-11-30".into(),
            );
        }
        // Ten characters shaped like a date but not one (2024-13-01) are a
        // typo, not a branch name.
        let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) => Ok(Since::Date(day)),
            Err(_) if shaped && text.bytes().filter(u8::is_ascii_digit).count() == 8 => {
                Err(format!("`{text}` is not a date like 2024-11-30"))
            }
            Err(_) => Ok(Since::Rev(text.to_owned())),
        }
    }
}

impl History {
    /// The index into `revisions` of the baseline `since` names;
    /// `current_as_of` is the reporting date of the figures compared (they
    /// may come with `--as-of`). `None` only for [`Since::LastReport`] when
    /// there is no earlier report; a REV or a DATE that finds no valid
    /// revision is an error, the same for the screen and every report.
    pub fn baseline(
        &self,
        since: &Since,
        current_as_of: NaiveDate,
    ) -> Result<Option<usize>, HistoryError> {
        let valid = |index: &usize| self.revisions[*index].valid;
        let path = || sanitize_line(&self.file.display().to_string());
        if !matches!(since, Since::LastReport) && self.revisions.iter().all(|r| r.commit.is_none())
        {
            return Err(HistoryError::NoCommits { path: path() });
        }
        let found = match since {
            // The last meeting is a reporting date, not a commit: a month
            // corrected after a later one was reported is not it.
            Since::LastReport => {
                let committed = (0..self.revisions.len())
                    .filter(valid)
                    .filter(|&index| self.revisions[index].commit.is_some());
                let dated =
                    committed.filter_map(|index| Some((self.revisions[index].as_of?, index)));
                return Ok(last_report(dated, current_as_of));
            }
            // The newest report on or before the day; of a day's reports
            // (a correction), the last committed.
            Since::Date(day) => (0..self.revisions.len())
                .filter(valid)
                .filter(|&index| self.revisions[index].commit.is_some())
                .filter_map(|index| Some((self.revisions[index].as_of?, index)))
                .filter(|(as_of, _)| as_of <= day)
                .max()
                .map(|(_, index)| index),
            Since::Rev(rev) => self
                .at_or_before(rev)?
                .and_then(|end| (0..=end).rev().find(valid)),
        };
        let before = match since {
            Since::Date(day) => format!("reporting on or before {}", day.format("%Y-%m-%d")),
            Since::Rev(rev) => format!("at or before `{}`", sanitize_line(rev)),
            Since::LastReport => String::new(),
        };
        found.map(Some).ok_or_else(|| HistoryError::NothingBefore {
            path: path(),
            before,
        })
    }

    /// The reporting dates of the valid committed revisions, as `--since
    /// DATE` finds them.
    /// The revision the commit `rev` names is at or after: the first commit
    /// on its first-parent line that touched the file.
    fn at_or_before(&self, rev: &str) -> Result<Option<usize>, HistoryError> {
        let repo = self.open()?;
        let unknown = || HistoryError::UnknownRevision {
            rev: sanitize_line(rev),
            repo: sanitize_line(&self.git_dir.display().to_string()),
        };
        let mut next = Some(
            repo.rev_parse_single(rev)
                .map_err(|_| unknown())?
                .object()
                .and_then(|object| object.peel_to_commit())
                .map_err(|_| unknown())?
                .id,
        );
        let shallow: std::collections::HashSet<gix::ObjectId> = repo
            .shallow_commits()
            .ok()
            .flatten()
            .map(|commits| commits.iter().copied().collect())
            .unwrap_or_default();
        // The commits walked: a cycle through `refs/replace/` ends the walk.
        let mut visited = std::collections::HashSet::new();
        while let Some(id) = next.filter(|&id| visited.insert(id)) {
            let hex = id.to_string();
            if let Some(index) = self
                .revisions
                .iter()
                .rposition(|revision| revision.commit.as_deref() == Some(hex.as_str()))
            {
                return Ok(Some(index));
            }
            if shallow.contains(&id) {
                break;
            }
            let commit = repo
                .find_commit(id)
                .map_err(|err| git_error(&repo, &format!("commit {id}"), err))?;
            next = commit.parent_ids().next().map(|parent| parent.detach());
        }
        Ok(None)
    }

    /// The file as it was at revision `index`, loaded whole with `options`
    /// (a baseline's figures beyond what the history keeps, such as a
    /// campaign's roll-up). `None` for an index past the end, or a revision
    /// where the file is not valid.
    pub fn load(
        &self,
        index: usize,
        options: load::Options,
    ) -> Result<Option<Document>, HistoryError> {
        if !self.revisions.get(index).is_some_and(|r| r.valid) {
            return Ok(None);
        }
        let content = match self.blobs[index] {
            Some(blob) => Content::of_blob(&self.open()?, blob),
            // The working copy, read again.
            None => load::read(&self.file).map_or(Content::Unreadable, Content::Text),
        };
        let Content::Text(text) = content else {
            return Ok(None);
        };
        Ok(Opened::parse(&self.file, text, options).into_document())
    }

    fn open(&self) -> Result<gix::Repository, HistoryError> {
        gix::open(&self.git_dir).map_err(|err| HistoryError::Git {
            repo: sanitize_line(&self.git_dir.display().to_string()),
            what: "opening the repository".to_owned(),
            message: sanitize_line(&err.to_string()),
        })
    }
}

/// The commit of a label the screen shows (`since 2024-12-31 (ec33378)`,
/// `较2024-12-31（ec33378）`, or without the word).
fn label_commit(text: &str) -> Option<&str> {
    let text = text
        .strip_prefix("since ")
        .or(text.strip_prefix("较"))
        .unwrap_or(text);
    let (day, rest) = text.split_at_checked(10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let rest = rest.trim_start();
    let inner = rest
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| rest.strip_prefix('（').and_then(|r| r.strip_suffix('）')))?;
    let commit = inner.trim();
    (!commit.is_empty() && commit.bytes().all(|b| b.is_ascii_hexdigit())).then_some(commit)
}

/// The last report before a reporting date, among `reports` (each a
/// report's date and its place in commit order, newer higher): the newest
/// earlier reporting date, and of that day's reports the last committed. A
/// month corrected after a later one was reported is not it. The history's
/// "last report" and a roll-up unit's previous report on its ref both ask
/// here.
pub fn last_report(
    reports: impl IntoIterator<Item = (NaiveDate, usize)>,
    current_as_of: NaiveDate,
) -> Option<usize> {
    let earlier = reports.into_iter().filter(|(day, _)| *day < current_as_of);
    earlier.max().map(|(_, index)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_reads_a_date_else_a_revision() {
        let day = NaiveDate::from_ymd_opt(2024, 11, 30).unwrap();
        assert_eq!("2024-11-30".parse(), Ok(Since::Date(day)));
        assert_eq!("HEAD~3".parse(), Ok(Since::Rev("HEAD~3".into())));
        assert_eq!("abc1234".parse(), Ok(Since::Rev("abc1234".into())));
        assert!("2024-13-01".parse::<Since>().is_err());
        assert!("".parse::<Since>().is_err());
    }

    #[test]
    fn a_label_on_screen_reads_back_as_its_commit() {
        let rev = |text: &str| text.parse::<Since>();
        assert_eq!(
            rev("since 2024-12-31 (ec33378)"),
            Ok(Since::Rev("ec33378".into()))
        );
        assert_eq!(
            rev("较2024-12-31（ec33378）"),
            Ok(Since::Rev("ec33378".into()))
        );
        assert_eq!(
            rev("2024-12-31 (ec33378)"),
            Ok(Since::Rev("ec33378".into()))
        );
        // The working copy is no commit: the label is no revision either.
        let working = "2024-12-31 (working copy)";
        assert_eq!(rev(working), Ok(Since::Rev(working.into())));
    }

    #[test]
    fn the_last_report_is_the_newest_earlier_date_last_committed_of_its_day() {
        let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
        // In commit order: September, October, November, a correction of
        // October committed after November, then December's report.
        let reports = [
            (day(9, 30), 0),
            (day(10, 31), 1),
            (day(11, 30), 2),
            (day(10, 31), 3),
            (day(12, 31), 4),
        ];
        assert_eq!(last_report(reports, day(12, 31)), Some(2));
        assert_eq!(last_report(reports, day(11, 30)), Some(3));
        assert_eq!(last_report(reports, day(9, 30)), None);
    }
}
