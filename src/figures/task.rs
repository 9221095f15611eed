//! A task's figures: `110/113 个`, or the count alone, and its percentage.

use super::number::{number, number_width};
use super::percent::percent;
use crate::model::{Lang, Task, TaskSchedule};

/// A task's unit in the reader's language, if it has one that is not blank.
pub fn task_unit(task: &Task, lang: Lang) -> Option<&str> {
    task.unit
        .as_ref()
        .map(|unit| unit.get(lang).trim())
        .filter(|unit| !unit.is_empty())
}

/// A task's figure for a list row or a table cell: `110/113 个`, or the
/// count alone (`39 个`) for a task without a total. The unit stands apart
/// from the fraction in both languages.
pub fn task_figure(task: &Task, lang: Lang) -> String {
    let figure = match task.total {
        Some(total) => format!("{}/{}", number(task.done), number(total)),
        None => number(task.done),
    };
    with_task_unit(figure, task, lang)
}

/// An amount of a task's work, set apart from the unit as in the task's
/// figure: `24 个` (what remains), `24 outfalls`, `24`.
pub fn task_amount(task: &Task, amount: f64, lang: Lang) -> String {
    with_task_unit(number(amount), task, lang)
}

fn with_task_unit(figure: String, task: &Task, lang: Lang) -> String {
    match task_unit(task, lang) {
        Some(unit) => format!("{figure} {unit}"),
        None => figure,
    }
}

/// The display width of [`task_figure`] without writing it, for the list's
/// column (measured over every task at load).
pub fn task_figure_width(task: &Task, lang: Lang) -> usize {
    let total = task.total.map_or(0, |total| 1 + number_width(total));
    let unit = task_unit(task, lang).map_or(0, |unit| 1 + crate::text::width(unit));
    number_width(task.done) + total + unit
}

/// A task's completion as a percentage; `None` for a plain count.
pub fn task_percent(schedule: &TaskSchedule) -> Option<String> {
    schedule.fraction.map(percent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn task(done: f64, total: Option<f64>, unit: Option<Text>) -> Task {
        let text = "[meta]\ntitle = \"t\"\n[[campaign]]\nid = \"c\"\nname = \"c\"\n\
                    [[campaign.task]]\nid = \"t\"\nname = \"t\"\ndone = 1\n";
        let today = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
        let plan = crate::load::parse(text, crate::load::Options { as_of: None, today }).plan;
        let mut task = plan.expect("a plan").campaigns.remove(0).tasks.remove(0);
        (task.done, task.total, task.unit) = (done, total, unit);
        task
    }

    #[test]
    fn the_unit_stands_apart_in_both_languages() {
        let unit = Some(Text::from("个"));
        let outfalls = task(110.0, Some(113.0), unit.clone());
        assert_eq!(task_figure(&outfalls, Lang::Zh), "110/113 个");
        assert_eq!(task_amount(&outfalls, 3.0, Lang::Zh), "3 个");
        assert_eq!(task_figure(&task(39.0, None, unit), Lang::Zh), "39 个");
        assert_eq!(task_figure(&task(2.0, Some(3.0), None), Lang::En), "2/3");
        let blank = task(7.0, None, Some(Text::from("  ")));
        assert_eq!(task_figure(&blank, Lang::En), "7");
        assert_eq!(task_unit(&blank, Lang::En), None);
    }

    #[test]
    fn figure_widths_are_those_of_the_figures() {
        let text = campaigns_synthetic::plan_text(campaigns_synthetic::Shape {
            tasks: 400,
            tasks_per_campaign: 400,
            seed: 11,
        });
        let today = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date");
        let options = crate::load::Options { as_of: None, today };
        let plan = crate::load::parse(&text, options).plan.expect("a plan");
        let mut measured = 0;
        for mut task in plan.campaigns.into_iter().flat_map(|c| c.tasks) {
            for (done, total) in [(task.done, task.total), (-0.004, Some(12.5)), (1e20, None)] {
                (task.done, task.total) = (done, total);
                for lang in [Lang::Zh, Lang::En] {
                    let figure = task_figure(&task, lang);
                    assert_eq!(task_figure_width(&task, lang), crate::text::width(&figure));
                    measured += 1;
                }
            }
        }
        assert!(measured >= 2400);
    }
}
