//! 销号 and 督办 as every view and report writes them: "131 done · 131
//! closed · 35 on schedule of 166" (zh "完成131 · 销号131 · 序时推进35 /
//! 166") and "2 notices · last 05-10" (zh "督办2次 · 最近05-10").

use chrono::{Datelike, NaiveDate};

use super::approx::task_done;
use super::number::number;
use crate::i18n::status_word;
use crate::model::{
    Campaign, CampaignStatus, Lang, Notice, Status, Task, TaskSchedule, last_notice,
};

/// How many of a task's items are closed, as a number is written: `131`;
/// `None` when the task does not track 销号.
pub fn closed_count(task: &Task, lang: Lang) -> Option<String> {
    task.closed.map(|closed| number(closed.count(), lang))
}

/// A list row's closing cell: "销号131" / "131 closed"; `None` when the
/// task does not track 销号.
pub fn closed_cell(task: &Task, lang: Lang) -> Option<String> {
    let closed = closed_count(task, lang)?;
    Some(match lang {
        Lang::En => format!("{closed} closed"),
        Lang::Zh => format!("销号{closed}"),
    })
}

/// The task's done, closed and what remains with the task's status, joined
/// by `dot`: "131 done · 131 closed · 35 on schedule of 166". `None` when the
/// task does not track 销号. What remains is left out once all is done; its
/// word carries `*` when the status rests on an assumed value.
pub fn closing_line(task: &Task, schedule: &TaskSchedule, lang: Lang, dot: &str) -> Option<String> {
    closing_parts(task, schedule, lang, true).map(|parts| parts.join(dot))
}

/// Done, closed, and (with `remainder`) what is not done yet, the last
/// of the total.
fn closing_parts(
    task: &Task,
    schedule: &TaskSchedule,
    lang: Lang,
    remainder: bool,
) -> Option<Vec<String>> {
    let closed = closed_count(task, lang)?;
    let done = task_done(task, lang);
    let mut parts = match lang {
        Lang::En => vec![format!("{done} done"), format!("{closed} closed")],
        Lang::Zh => vec![format!("完成{done}"), format!("销号{closed}")],
    };
    if let Some(total) = task.total {
        let remaining = (total - task.done).max(0.0);
        if remainder && remaining > 0.0 {
            let left = number(remaining, lang);
            let word = remaining_word(schedule.status, lang);
            let mark = super::mark(schedule.status_assumed);
            parts.push(match lang {
                Lang::En => format!("{left} {word}{mark}"),
                Lang::Zh => format!("{word}{left}{mark}"),
            });
        }
        let total = number(total, lang);
        let last = parts.last_mut().expect("done and closed");
        match lang {
            Lang::En => last.push_str(&format!(" of {total}")),
            Lang::Zh => last.push_str(&format!(" / {total}")),
        }
    }
    Some(parts)
}

/// What the items not yet done are doing: the source's "序时推进" (on
/// schedule) when the task is on track, else the task's status word.
fn remaining_word(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::OnTrack, Lang::En) => "on schedule",
        (Status::OnTrack, Lang::Zh) => "序时推进",
        (status, lang) => status_word(status, lang),
    }
}

/// "2 notices · last 05-10" / "督办2次 · 最近05-10"; the year is written
/// when the last notice is of another year than the reporting date. `None`
/// without notices.
pub fn notices_line(notices: &[Notice], as_of: NaiveDate, lang: Lang, dot: &str) -> Option<String> {
    let last = last_notice(notices)?.date;
    let day = if last.year() == as_of.year() {
        last.format("%m-%d").to_string()
    } else {
        last.format("%Y-%m-%d").to_string()
    };
    let count = notices.len();
    Some(match (lang, count) {
        (Lang::En, 1) => format!("1 notice{dot}last {day}"),
        (Lang::En, _) => format!("{count} notices{dot}last {day}"),
        (Lang::Zh, _) => format!("督办{count}次{dot}最近{day}"),
    })
}

/// A campaign's 销号 in a line of at most `width` columns where it can: the
/// one task's closing line when one task tracks it (without what remains
/// when that does not fit), else the sums of those that do ("131 closed of
/// 150 done" / "销号131 / 完成150"). `None` when no task does.
pub fn campaign_closing_line(
    campaign: &Campaign,
    status: &CampaignStatus,
    lang: Lang,
    (dot, width): (&str, usize),
) -> Option<String> {
    let mut closing = campaign
        .tasks
        .iter()
        .zip(&status.tasks)
        .filter(|(task, _)| task.closed.is_some());
    let (task, schedule) = closing.next()?;
    if closing.clone().next().is_none() {
        let line = closing_line(task, schedule, lang, dot)?;
        if crate::text::width(&line) <= width {
            return Some(line);
        }
        return closing_parts(task, schedule, lang, false).map(|parts| parts.join(dot));
    }
    let (done, closed) = [(task, schedule)]
        .into_iter()
        .chain(closing)
        .filter_map(|(task, _)| Some((task.done, task.closed?.count())))
        .fold((0.0, 0.0), |(d, c), (done, closed)| (d + done, c + closed));
    let (done, closed) = (number(done, lang), number(closed, lang));
    Some(match lang {
        Lang::En => format!("{closed} closed of {done} done"),
        Lang::Zh => format!("销号{closed} / 完成{done}"),
    })
}

/// An item's name in a list, with its notices when it has had any:
/// "Yangtze outfalls · 2 notices · last 05-10".
pub fn name_with_notices(
    name: &str,
    notices: &[Notice],
    as_of: NaiveDate,
    lang: Lang,
    dot: &str,
) -> String {
    match notices_line(notices, as_of, lang, dot) {
        Some(notices) => format!("{name}{dot}{notices}"),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    /// A schedule of `status`, resting on an assumed value or not.
    fn at(status: Status, status_assumed: bool) -> TaskSchedule {
        TaskSchedule {
            status,
            fraction: None,
            expected: None,
            start: None,
            due: None,
            days_left: None,
            assumed: crate::model::Assumed::NONE,
            status_assumed,
        }
    }

    fn task(extra: &str) -> Task {
        let text = format!(
            "[meta]\ntitle = \"t\"\n[[campaign]]\nid = \"c\"\nname = \"c\"\n\
             [[campaign.task]]\nid = \"t\"\nname = \"t\"\n{extra}"
        );
        let today = NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
        let plan = crate::load::parse(&text, crate::load::Options { as_of: None, today }).plan;
        plan.expect("a plan").campaigns.remove(0).tasks.remove(0)
    }

    #[test]
    fn the_source_s_closing_line_in_both_languages() {
        let t = task("done = 131\ntotal = 166\nclosed = 131\n");
        assert_eq!(
            closing_line(&t, &at(Status::OnTrack, false), Lang::Zh, " · ").as_deref(),
            Some("完成131 · 销号131 · 序时推进35 / 166")
        );
        assert_eq!(
            closing_line(&t, &at(Status::OnTrack, false), Lang::En, " · ").as_deref(),
            Some("131 done · 131 closed · 35 on schedule of 166")
        );
        assert_eq!(
            closing_line(&t, &at(Status::Behind, false), Lang::En, " - ").as_deref(),
            Some("131 done - 131 closed - 35 behind of 166")
        );
        assert_eq!(
            closing_line(&t, &at(Status::OnTrack, true), Lang::Zh, " · ").as_deref(),
            Some("完成131 · 销号131 · 序时推进35* / 166")
        );
    }

    #[test]
    fn a_done_task_reads_done_and_closed_of_its_total() {
        let t = task("done = 3\ntotal = 3\nclosed = 2\n");
        assert_eq!(
            closing_line(&t, &at(Status::DoneOpen, false), Lang::En, " · ").as_deref(),
            Some("3 done · 2 closed of 3")
        );
        assert_eq!(
            closing_line(&t, &at(Status::DoneOpen, false), Lang::Zh, " · ").as_deref(),
            Some("完成3 · 销号2 / 3")
        );
        let count = task("done = 90\napprox = \"more-than\"\nclosed = 80\n");
        assert_eq!(
            closing_line(&count, &at(Status::Count, false), Lang::Zh, " · ").as_deref(),
            Some("完成90余 · 销号80")
        );
        let plain = task("done = 3\n");
        assert_eq!(
            closing_line(&plain, &at(Status::Count, false), Lang::En, " · "),
            None
        );
    }

    #[test]
    fn notices_read_their_count_and_the_last_day() {
        let notice = |date: &str| Notice {
            date: date.parse().expect("a date"),
            reference: Some(Text::from("潜环督〔2024〕12号")),
            note: None,
        };
        let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
        let two = [notice("2024-03-01"), notice("2024-05-10")];
        assert_eq!(
            notices_line(&two, as_of, Lang::Zh, " · ").as_deref(),
            Some("督办2次 · 最近05-10")
        );
        assert_eq!(
            notices_line(&two, as_of, Lang::En, " · ").as_deref(),
            Some("2 notices · last 05-10")
        );
        let old = [notice("2023-11-02")];
        assert_eq!(
            notices_line(&old, as_of, Lang::En, " · ").as_deref(),
            Some("1 notice · last 2023-11-02")
        );
        assert_eq!(notices_line(&[], as_of, Lang::En, " · "), None);
    }
}
