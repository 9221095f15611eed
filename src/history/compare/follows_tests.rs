use super::*;
use crate::load::{Opened, Options, Severity};
use crate::model::Lang;

fn document(tasks: &[(&str, Option<&str>)]) -> Document {
    let mut text = String::from("[meta]\ntitle = \"t\"\nas_of = 2025-12-31\n\n");
    text.push_str("[[campaign]]\nid = \"soil\"\nname = \"Soil\"\n");
    for (id, follows) in tasks {
        text.push_str(&format!(
            "\n[[campaign.task]]\nid = \"{id}\"\nname = \"{id}\"\ndone = 1\n"
        ));
        if let Some(path) = follows {
            text.push_str(&format!("follows = \"{path}\"\n"));
        }
    }
    let options = Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
    };
    Opened::parse(std::path::Path::new("plan.toml"), text, options)
        .into_document()
        .expect("the loader takes a follows naming nothing of its file")
}

fn found(plan: &Plan) -> LastYear<'_> {
    LastYear::Found(vec![Revision {
        as_of: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
        commit: "abc12345",
        plan,
    }])
}

fn headlines(document: &Document, problems: &[Diagnostic]) -> Vec<String> {
    problems
        .iter()
        .map(|d| d.headline(document.text(), "plan.toml", Lang::En))
        .collect()
}

#[test]
fn only_a_follows_naming_no_task_of_the_file_is_unresolved() {
    let this = document(&[
        ("a", None),
        ("b", Some("soil/a")),
        ("c", Some("soil/c")),
        ("d", Some("soil/old")),
    ]);
    assert_eq!(
        unresolved(this.plan()),
        [(ItemPath::new("soil", "d"), ItemPath::new("soil", "old"))]
    );
    let problems = check(&this, &LastYear::NotInGit);
    assert_eq!(problems.len(), 1, "only soil/old is looked for");
    assert!(problems[0].message.en.contains("`soil/old`"));
    let within = document(&[("a", None), ("b", Some("soil/a")), ("c", Some("soil/c"))]);
    assert!(unresolved(within.plan()).is_empty());
    assert!(check(&within, &LastYear::NotInGit).is_empty());
}

#[test]
fn without_last_years_revision_it_is_an_error_at_the_value_saying_why() {
    let this = document(&[("old-2025", None), ("rest", Some("soil/old-2024"))]);
    let day = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    for (last, why) in [
        (LastYear::NotInGit, "the file is not in git"),
        (
            LastYear::NoneBy(day),
            "none reports on or before 2024-12-31",
        ),
    ] {
        let problems = check(&this, &last);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Error);
        let line = &headlines(&this, &problems)[0];
        assert!(line.starts_with("plan.toml:18:11: error: `follows` names `soil/old-2024`, which is no task of this file; no last-year revision was found"), "{line}");
        assert!(line.contains(why), "{line}");
        let help = problems[0].help.as_ref().unwrap();
        assert_eq!(help.en, "did you mean `soil/old-2025`?");
        assert!(problems[0].message.zh.contains("未找到上年的版本可查"));
    }
}

#[test]
fn last_years_item_resolves_it_and_a_miss_is_named_with_both_years_ids() {
    let last = document(&[("black-water-2024", None)]);
    let this = document(&[("rest", Some("soil/black-water-2024"))]);
    assert!(check(&this, &found(last.plan())).is_empty());

    let typo = document(&[("rest", Some("soil/black-watr-2024"))]);
    let problems = check(&typo, &found(last.plan()));
    assert_eq!(problems.len(), 1);
    let line = &headlines(&typo, &problems)[0];
    assert!(
        line.ends_with("nor an item of last year's revision (2024-12-31, abc12345)"),
        "{line}"
    );
    let help = problems[0].help.as_ref().unwrap();
    assert_eq!(help.en, "did you mean `soil/black-water-2024`?");
    assert!(
        problems[0]
            .message
            .zh
            .contains("也不是上年版本（2024-12-31，abc12345）中的事项")
    );
}

#[test]
fn the_same_period_and_last_years_result_are_both_looked_in() {
    let june = document(&[("surveys", None)]);
    let december = document(&[("black-water-2024", None)]);
    let both = LastYear::Found(vec![
        Revision {
            as_of: NaiveDate::from_ymd_opt(2024, 6, 30).unwrap(),
            commit: "aaa11111",
            plan: june.plan(),
        },
        Revision {
            as_of: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
            commit: "bbb22222",
            plan: december.plan(),
        },
    ]);
    let this = document(&[
        ("a", Some("soil/surveys")),
        ("b", Some("soil/black-water-2024")),
    ]);
    assert!(check(&this, &both).is_empty());
    let typo = document(&[("a", Some("soil/survey"))]);
    let problems = check(&typo, &both);
    let line = &headlines(&typo, &problems)[0];
    assert!(
        line.ends_with(
            "nor an item of last year's revisions (2024-06-30, aaa11111; 2024-12-31, bbb22222)"
        ),
        "{line}"
    );
    let help = problems[0].help.as_ref().unwrap();
    assert_eq!(help.en, "did you mean `soil/surveys`?");
}

#[test]
fn a_loop_through_last_years_revision_is_a_warning_once() {
    // 2025's a follows 2024's b, which follows soil/a: round again.
    let last = document(&[("b", Some("soil/a"))]);
    let this = document(&[("a", Some("soil/b")), ("c", Some("soil/b"))]);
    let problems = check(&this, &found(last.plan()));
    let lines = headlines(&this, &problems);
    assert_eq!(
        lines,
        [
            "plan.toml:13:11: warning: `follows` goes round in a loop through last year's revision: soil/a → soil/b → soil/a"
        ]
    );
    // The same ids with no link back: no loop.
    let last = document(&[("b", None)]);
    assert!(check(&this, &found(last.plan())).is_empty());
}
