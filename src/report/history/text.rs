//! The history as plain text: a summary line, the boundary when there is
//! one, the revisions, then each item's points; in English or Chinese.

use crate::history::short_commit;
use std::fmt::Write;

use crate::figures;
use crate::history::{Boundary, History, Point, PointFrom, Reported, Revision, Unread};
use crate::model::{Figure, Lang};
use crate::report::marks::Marker;
use crate::report::words as report_words;
use crate::text::sanitize_line;

/// The words of this output, in one language.
struct Words {
    revisions: &'static str,
    invalid: &'static str,
    deleted: &'static str,
    as_of: &'static str,
    working_copy: &'static str,
    written: &'static str,
    correction: &'static str,
    removed: &'static str,
    shallow: &'static str,
    renamed: &'static str,
    /// Why a revision was not read: too large (`{bytes}`), a bad object,
    /// a bad date.
    unread: [&'static str; 3],
}

const EN: Words = Words {
    revisions: "revisions, oldest first",
    invalid: "invalid",
    deleted: "deleted",
    as_of: "as of",
    working_copy: "working copy",
    written: "history array",
    correction: " (correction)",
    removed: "removed from",
    shallow: "history stops at the shallow clone's boundary: the parents of {commit} were not fetched",
    renamed: "history stops at the rename: {commit} renamed it from {from}",
    unread: [
        "{bytes} bytes, more than a plan may have",
        "its object cannot be read",
        "its commit date cannot be read",
    ],
};

const ZH: Words = Words {
    revisions: "版本(从旧到新)",
    invalid: "无效",
    deleted: "已删除",
    as_of: "截至",
    working_copy: "工作副本",
    written: "history 数组",
    correction: "（更正）",
    removed: "移除于",
    shallow: "历史止于浅克隆边界:{commit} 的父提交未获取",
    renamed: "历史止于改名:{commit} 由 {from} 改名而来",
    unread: [
        "{bytes} 字节,超过文件上限",
        "对象无法读取",
        "提交日期无法读取",
    ],
};

/// `ascii`: water classes in ASCII (`II`, not `Ⅱ类`).
pub fn render(history: &History, lang: Lang, ascii: bool) -> String {
    let words = match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    let mut out = String::new();
    let file = sanitize_line(&history.file.display().to_string());
    let invalid = history.revisions.iter().filter(|r| !r.valid).count();
    let _ = match lang {
        Lang::En => writeln!(
            out,
            "{file}: {} revisions (first parent from HEAD), {invalid} invalid",
            history.revisions.len()
        ),
        Lang::Zh => writeln!(
            out,
            "{file}:{} 个版本(自 HEAD 沿第一父提交),{invalid} 个无效",
            history.revisions.len()
        ),
    };
    if let Some(boundary) = &history.boundary {
        let line = match boundary {
            Boundary::Shallow { commit } => words.shallow.replace("{commit}", short_commit(commit)),
            Boundary::Renamed { commit, from } => words
                .renamed
                .replace("{commit}", short_commit(commit))
                .replace("{from}", &sanitize_line(from)),
        };
        let _ = writeln!(out, "{line}");
    }
    // The legend goes above the points it explains: they are written
    // first, then put after it.
    let marker = Marker::new("*");
    let points = points(history, lang, ascii, words, &marker);
    if marker.used() {
        let legend = report_words::words(lang).assumed_legend;
        let _ = writeln!(out, "{} {legend}", marker.sign());
    }
    let _ = writeln!(out, "\n{}", words.revisions);
    for revision in &history.revisions {
        let _ = writeln!(out, "  {}", revision_line(revision, words));
    }
    out.push_str(&points);
    out
}

/// Each item's points, marked where they rest on an assumed value.
fn points(history: &History, lang: Lang, ascii: bool, words: &Words, marker: &Marker) -> String {
    let mut out = String::new();
    for item in &history.items {
        let _ = write!(out, "\n{}", sanitize_line(&item.key));
        if let Some(revision) = item.removed.and_then(|i| history.revisions.get(i)) {
            let _ = write!(out, "  ({} {})", words.removed, label(revision, words));
        }
        out.push('\n');
        let reported = history.reported(item);
        let shown: Vec<String> = reported
            .iter()
            .map(|r| marker.mark(figure(&r.point, lang, ascii), r.point.figure_assumed()))
            .collect();
        let width = shown.iter().map(|s| crate::text::width(s)).max();
        for (Reported { point, corrects }, shown) in reported.iter().zip(&shown) {
            let pad = width.unwrap_or(0).saturating_sub(crate::text::width(shown));
            let status = marker.mark(point.status.as_str(), point.status_assumed);
            let _ = writeln!(
                out,
                "  {}  {}{shown}  {status:<11}  {}{}",
                point.as_of.format("%Y-%m-%d"),
                " ".repeat(pad),
                origin(point, words),
                if *corrects { words.correction } else { "" },
            );
        }
    }
    out
}

fn revision_line(revision: &Revision, words: &Words) -> String {
    let when = revision
        .committed
        .map(|time| time.format("%Y-%m-%d %H:%M %z").to_string())
        .unwrap_or_default();
    let state = if revision.deleted {
        words.deleted.to_owned()
    } else {
        match revision.as_of {
            Some(as_of) if revision.valid => {
                format!("{} {}", words.as_of, as_of.format("%Y-%m-%d"))
            }
            _ => match revision.unread {
                Some(why) => format!("{}: {}", words.invalid, unread(why, words)),
                None => words.invalid.to_owned(),
            },
        }
    };
    let name = revision
        .commit
        .as_deref()
        .map_or(words.working_copy, short_commit);
    format!("{name:<12}  {when:<22}  {state}")
}

fn unread(why: Unread, words: &Words) -> String {
    match why {
        Unread::TooLarge { bytes } => words.unread[0].replace("{bytes}", &bytes.to_string()),
        Unread::BadObject => words.unread[1].to_owned(),
        Unread::BadDate => words.unread[2].to_owned(),
    }
}

/// A revision as an item's line names it: its commit and date.
fn label(revision: &Revision, words: &Words) -> String {
    let name = revision
        .commit
        .as_deref()
        .map_or(words.working_copy, short_commit);
    match revision.as_of {
        Some(as_of) => format!("{name}, {}", as_of.format("%Y-%m-%d")),
        None => name.to_owned(),
    }
}

fn origin<'a>(point: &'a Point, words: &'a Words) -> &'a str {
    match point.from {
        PointFrom::Commit => point.commit.as_deref().map_or("", short_commit),
        PointFrom::WorkingCopy => words.working_copy,
        PointFrom::Written => words.written,
    }
}

/// The point's figure, with the sign of a lower bound when its revision
/// wrote one (`90+`, `90余`).
fn figure(point: &Point, lang: Lang, ascii: bool) -> String {
    let shown = match point.figure {
        Figure::Done(done) => figures::number(done, lang),
        Figure::Value(value) => figures::level(value, lang, ascii),
    };
    format!("{shown}{}", figures::at_least_sign(point.at_least, lang))
}
