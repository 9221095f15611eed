use super::*;
use crate::load::{Options, parse};

fn load(text: &str) -> Plan {
    let today = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let loaded = parse(text, Options { as_of: None, today });
    assert!(
        loaded.errors().next().is_none(),
        "{:#?}",
        loaded.diagnostics
    );
    loaded.plan.expect("a plan")
}

const PLAN: &str = r#"# the plan
[meta]
title = "t"
as_of = 2024-12-31   # reporting date

[[campaign]]
id = "water"
name = "Water"
start = 2024-01-01
end = 2024-12-31     # the year

# outfalls: not all done
[[campaign.task]]
id = "outfalls"
name = "Outfalls"
done = 53            # as reported
total = 77
due = 2024-12-31     # illustrative
history = [ { date = 2024-06-30, done = 20 } ]
assumed = ["due", "history"]

# all done
[[campaign.task]]
id = "problems"
name = "Problems"
done = 7
total = 7

# a count of the year
[[campaign.task]]
id = "visits"
name = "Visits"
done = 596
approx = "more-than"

[[campaign.task]]
id = "next"
name = "Next year's"
done = 0
total = 3
start = 2025-01-01
due = 2025-12-31
follows = "water/visits"
"#;

#[test]
fn the_draft_moves_dates_carries_the_remainder_resets_counts_and_leaves_out_what_is_done() {
    let rolled = roll_over(PLAN, &load(PLAN), 2025).expect("a draft");
    let expected = PLAN
        .replace("as_of = 2024-12-31   #", "as_of = 2025-01-01   #")
        .replace("start = 2024-01-01\nend = 2024-12-31 ", "start = 2025-01-01\nend = 2025-12-31 ")
        .replace(
            "done = 53            # as reported\ntotal = 77\ndue = 2024-12-31     # illustrative\nhistory = [ { date = 2024-06-30, done = 20 } ]\nassumed = [\"due\", \"history\"]\n",
            "done = 0            # as reported\ntotal = 24\ndue = 2025-12-31     # illustrative\nassumed = [\"due\"]\nfollows = \"water/outfalls\"\n",
        )
        .replace(
            "# all done\n[[campaign.task]]\nid = \"problems\"\nname = \"Problems\"\ndone = 7\ntotal = 7\n\n",
            "",
        )
        .replace("done = 596\napprox = \"more-than\"\n", "done = 0\n");
    assert_eq!(rolled.text, expected);
    let draft = load(&rolled.text);
    assert_eq!(draft.meta.as_of, NaiveDate::from_ymd_opt(2025, 1, 1));
    let fates: Vec<(String, Fate)> = rolled
        .changes
        .iter()
        .filter_map(|change| match change {
            Rolled::Task { path, fate, .. } => Some((path.to_string(), *fate)),
            _ => None,
        })
        .collect();
    assert_eq!(
        fates,
        [
            ("water/outfalls".into(), Fate::Carried { remainder: 24.0 }),
            ("water/problems".into(), Fate::Finished),
            ("water/visits".into(), Fate::Reset),
        ]
    );
}

#[test]
fn a_follows_that_names_a_task_left_out_is_taken_away() {
    let text = PLAN.replace("follows = \"water/visits\"", "follows = \"water/problems\"");
    let rolled = roll_over(&text, &load(&text), 2025).expect("a draft");
    assert!(!rolled.text.contains("water/problems"), "{}", rolled.text);
    assert!(rolled.changes.contains(&Rolled::FollowsDropped {
        path: ItemPath::new("water", "next"),
        named: ItemPath::new("water", "problems"),
    }));
    load(&rolled.text);
}

#[test]
fn a_rollover_goes_into_a_later_year_only() {
    let err = roll_over(PLAN, &load(PLAN), 2024).unwrap_err();
    assert!(matches!(err, RolloverError::NotLater { year: 2024, .. }));
}

#[test]
fn the_draft_keeps_a_byte_order_mark_and_crlf_line_ends() {
    let text = format!("\u{FEFF}{}", PLAN.replace('\n', "\r\n"));
    let rolled = roll_over(&text, &load(PLAN), 2025).expect("a draft");
    let plain = roll_over(PLAN, &load(PLAN), 2025).expect("a draft").text;
    assert_eq!(
        rolled.text,
        format!("\u{FEFF}{}", plain.replace('\n', "\r\n"))
    );
}

#[test]
fn inline_tables_of_tasks_are_refused_as_a_layout_it_cannot_keep() {
    let text = "campaign = [ { id = \"c\", name = \"c\", task = [ { id = \"t\", name = \"t\", done = 1 } ] } ]\n[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n";
    assert_eq!(
        roll_over(text, &load(text), 2025).unwrap_err(),
        RolloverError::Layout
    );
}

/// A comment beside a rewritten value that names the closed year is kept
/// and named in the summary; one beside an unchanged value, or naming no
/// year, is not.
#[test]
fn a_kept_comment_naming_the_closed_year_is_named() {
    let plan = PLAN
        .replace(
            "end = 2024-12-31     # the year",
            "end = 2024-12-31     # the whole of 2024",
        )
        .replace("total = 7\n", "total = 7               # counted in 2024\n")
        .replace(
            "due = 2024-12-31     # illustrative",
            "due = 2024-12-31     # illustrative, 2024",
        );
    let rolled = roll_over(&plan, &load(&plan), 2025).expect("a draft");
    assert!(
        rolled
            .text
            .contains("end = 2025-12-31     # the whole of 2024")
    );
    let stale: Vec<(&str, &str)> = rolled
        .changes
        .iter()
        .filter_map(|change| match change {
            Rolled::StaleComment { place, comment } => Some((place.as_str(), comment.as_str())),
            _ => None,
        })
        .collect();
    // `problems` is left out whole: its comment goes with it.
    assert_eq!(
        stale,
        [
            ("water end", "the whole of 2024"),
            ("water/outfalls due", "illustrative, 2024"),
        ]
    );
}
