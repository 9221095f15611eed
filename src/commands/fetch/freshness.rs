//! How fresh each `ref` unit of a loaded roll-up is, as `check` prints it:
//! the commit its file was read at and when `campaigns fetch` last brought
//! its ref up to date (the record `rollup::fetched` reads), or that it
//! never did. A path unit is read from disk and has no line.

use campaigns::history::short_commit;
use std::path::Path;

use chrono::{DateTime, Utc};

use campaigns::model::Lang;
use campaigns::rollup::{self, Rollup, Source};
use campaigns::text::sanitize_line;

/// One line per `ref` unit, in the manifest's order; empty when there is
/// none.
pub fn lines(rollup: &Rollup, lang: Lang) -> String {
    let refs: Vec<(&str, &str)> = rollup
        .manifest
        .units
        .iter()
        .filter_map(|spec| match &spec.source {
            Source::Ref { reference, .. } => Some((spec.id.as_str(), reference.as_str())),
            Source::Path(_) => None,
        })
        .collect();
    if refs.is_empty() {
        return String::new();
    }
    let folder = match rollup.path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let fetched = rollup::fetched(folder);
    let mut text = String::new();
    for (id, reference) in refs {
        let commit = rollup
            .units
            .iter()
            .find(|unit| unit.id == id)
            .and_then(|unit| unit.commit.as_deref());
        text.push_str(&line(id, reference, commit, fetched.get(reference), lang));
    }
    text
}

fn line(
    id: &str,
    reference: &str,
    commit: Option<&str>,
    fetched: Option<&DateTime<Utc>>,
    lang: Lang,
) -> String {
    let reference = sanitize_line(reference);
    let commit = sanitize_line(commit.map_or("-", short_commit));
    let at = fetched.map(|at| at.format("%Y-%m-%d %H:%M UTC").to_string());
    match (lang, at) {
        (Lang::En, Some(at)) => format!("{id}: {reference} at {commit}, fetched {at}\n"),
        (Lang::En, None) => {
            format!("{id}: {reference} at {commit}, never fetched by `campaigns fetch`\n")
        }
        (Lang::Zh, Some(at)) => format!("{id}：{reference}（{commit}），获取于 {at}\n"),
        (Lang::Zh, None) => {
            format!("{id}：{reference}（{commit}），从未用 `campaigns fetch` 获取\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_says_the_commit_and_when_it_was_fetched() {
        let at = DateTime::parse_from_rfc3339("2026-12-07T07:30:59Z")
            .unwrap()
            .to_utc();
        let commit = Some("aa78ce59e0b1");
        assert_eq!(
            line(
                "wuhan",
                "refs/remotes/wuhan/main",
                commit,
                Some(&at),
                Lang::En
            ),
            "wuhan: refs/remotes/wuhan/main at aa78ce5, fetched 2026-12-07 07:30 UTC\n"
        );
        assert_eq!(
            line("wuhan", "refs/remotes/wuhan/main", None, None, Lang::Zh),
            "wuhan：refs/remotes/wuhan/main（-），从未用 `campaigns fetch` 获取\n"
        );
    }
}
