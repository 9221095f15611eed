//! A task's figures: `110/113 个`, or the count alone, and its percentage.

use super::approx::{approx_number_width, task_done};
use super::assumed::mark;
use super::number::{number, number_width};
use super::percent::percent;
use super::unit::unit_for;
use crate::model::{Field, Lang, Task, TaskSchedule};

/// A task's unit in the reader's language, if it has one that is not blank.
pub fn task_unit(task: &Task, lang: Lang) -> Option<&str> {
    task.unit
        .as_ref()
        .map(|unit| unit.get(lang).trim())
        .filter(|unit| !unit.is_empty())
}

/// A task's figure for a list row or a table cell: `110/113 个`, or the
/// count alone (`39 个`, `236,500 people`, `90+ notices` when the source
/// gives more than 90) for a task without a total. The
/// unit stands apart from the fraction in both languages and follows the
/// total when there is one: `1/3 firms`, `1/1 firm`.
pub fn task_figure(task: &Task, lang: Lang) -> String {
    let figure = match task.total {
        Some(total) => format!("{}/{}", task_done(task, lang), number(total, lang)),
        None => task_done(task, lang),
    };
    with_task_unit(figure, counted(task), task, lang)
}

/// [`task_figure`] as the screen shows it: a done count or total the
/// source does not give carries the assumed marker after the figure,
/// `53/77 个*`, as the reports mark it.
pub fn marked_task_figure(task: &Task, lang: Lang) -> String {
    let mut figure = task_figure(task, lang);
    figure.push_str(figure_mark(task));
    figure
}

/// The marker of a task's figure: whether its done or total is assumed.
fn figure_mark(task: &Task) -> &'static str {
    mark(task.assumed.any(&[Field::Done, Field::Total]))
}

/// An amount of a task's work, set apart from the unit as in the task's
/// figure: `24 个` (what remains), `24 outfalls`, `1 outfall`, `24`.
pub fn task_amount(task: &Task, amount: f64, lang: Lang) -> String {
    with_task_unit(number(amount, lang), amount, task, lang)
}

/// The amount the unit of a task's figure is said of: its total, else
/// its count.
fn counted(task: &Task) -> f64 {
    task.total.unwrap_or(task.done)
}

fn with_task_unit(figure: String, amount: f64, task: &Task, lang: Lang) -> String {
    match task_unit(task, lang) {
        Some(unit) => format!("{figure} {}", unit_for(amount, unit, lang)),
        None => figure,
    }
}

/// The display width of [`marked_task_figure`] without writing it, for the
/// list's column (measured over every task at load).
pub fn task_figure_width(task: &Task, lang: Lang) -> usize {
    let total = task.total.map_or(0, |total| 1 + number_width(total, lang));
    let unit = task_unit(task, lang).map_or(0, |unit| {
        1 + crate::text::width(&unit_for(counted(task), unit, lang))
    });
    let done = approx_number_width(task.done, &task.qualifiers, lang);
    done + total + unit + figure_mark(task).len()
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
    fn the_unit_follows_the_total_into_the_singular() {
        let firms = Some(Text::from("firms"));
        assert_eq!(
            task_figure(&task(1.0, Some(3.0), firms.clone()), Lang::En),
            "1/3 firms"
        );
        assert_eq!(
            task_figure(&task(1.0, Some(1.0), firms.clone()), Lang::En),
            "1/1 firm"
        );
        assert_eq!(
            task_figure(&task(0.0, Some(1.0), firms.clone()), Lang::En),
            "0/1 firm"
        );
        assert_eq!(
            task_figure(&task(1.0, None, firms.clone()), Lang::En),
            "1 firm"
        );
        assert_eq!(
            task_figure(&task(2.0, None, firms.clone()), Lang::En),
            "2 firms"
        );
        let three = task(2.0, Some(3.0), firms);
        assert_eq!(task_amount(&three, 1.0, Lang::En), "1 firm");
        assert_eq!(task_amount(&three, 2.0, Lang::En), "2 firms");
        let unit = Some(Text::from("家"));
        assert_eq!(task_figure(&task(1.0, Some(1.0), unit), Lang::Zh), "1/1 家");
    }

    #[test]
    fn large_figures_are_grouped_for_the_reader() {
        let people = Some(Text::Translated(vec![
            ("zh".to_owned(), "人".to_owned()),
            ("en".to_owned(), "people".to_owned()),
        ]));
        let audience = task(236500.0, None, people.clone());
        assert_eq!(task_figure(&audience, Lang::En), "236,500 people");
        assert_eq!(task_figure(&audience, Lang::Zh), "23.65万 人");
        let survey = task(12000.0, Some(100000.0), people);
        assert_eq!(task_figure(&survey, Lang::En), "12,000/100,000 people");
        assert_eq!(task_figure(&survey, Lang::Zh), "1.2万/10万 人");
    }

    #[test]
    fn a_lower_bound_carries_its_sign_into_the_figure() {
        let mut notices = task(90.0, None, Some(Text::from("notices")));
        notices.qualifiers = crate::figures::approx::tests::more_than();
        assert_eq!(task_figure(&notices, Lang::En), "90+ notices");
        assert_eq!(task_figure_width(&notices, Lang::En), 11);
        notices.unit = Some(Text::from("份"));
        assert_eq!(task_figure(&notices, Lang::Zh), "90余 份");
        assert_eq!(task_figure_width(&notices, Lang::Zh), 7);
        notices.total = Some(100.0);
        assert_eq!(task_figure(&notices, Lang::En), "90+/100 份");
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
            let cases = [
                (task.done, task.total),
                (-0.004, Some(12.5)),
                (1e20, None),
                (1.0, Some(1.0)),
                (1.0, None),
                (236500.0, Some(1.5e8)),
            ];
            for ((done, total), assumed) in cases.into_iter().zip([true, false].iter().cycle()) {
                (task.done, task.total) = (done, total);
                let fields: &[Field] = if *assumed { &[Field::Total] } else { &[] };
                task.assumed = crate::model::Assumed::of(fields);
                for lang in [Lang::Zh, Lang::En] {
                    let figure = marked_task_figure(&task, lang);
                    assert_eq!(task_figure_width(&task, lang), crate::text::width(&figure));
                    measured += 1;
                }
            }
        }
        assert!(measured >= 2400);
    }
}
