//! Re-reading what changed (`Document::reread`, then `Document::take`,
//! what the screen does on a save) must give exactly the document a whole
//! parse of the new text gives: the same plan, the same diagnostics at the
//! same places, the same sections, the same text. Checked over arbitrary plans in every layout and chains of
//! arbitrary edits, valid or not; and a figure changed in place must be
//! re-read alone, or the fast path would be dead code.

use std::path::Path;

use campaigns::load::{self, Document, Opened, Options, Replacement};
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::plan_gen::*;

const CASES: u32 = 300;

fn shipped() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/campaigns.toml"))
        .expect("the shipped file")
}

fn options() -> Options {
    Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

/// `text` loaded whole, when it has no errors.
fn document(text: &str) -> Option<Document> {
    Opened::parse(Path::new("plan.toml"), text.to_owned(), options()).into_document()
}

/// Texts an editor might put anywhere: some keep the file valid, some
/// break it, some open or close a string or a bracket, some add a header.
const SNIPPETS: &[&str] = &[
    "\n",
    "\r\n",
    "# a note [[campaign]]\n",
    "  ",
    "x = 1\n",
    "done = 3\n",
    "id = \"c0\"\n",
    "[[campaign]]\nid = \"extra\"\nname = \"E\"\ntask = []\n",
    "[[campaign]]\nid = \"c0\"\nname = \"E\"\n",
    "[meta.more]\n",
    "[campaign.x]\n",
    "[[campaign.task]]\nid = \"added\"\nname = \"N\"\ndone = 1\ntotal = 4\n",
    "[[campaign.task]]\nid = \"t0\"\nname = \"N\"\ndone = 1\n",
    "[[campaign.task]]\nid = \"late\"\nname = \"L\"\ndone = 1\nhistory = [{ date = 2025-06-01, done = 1 }]\n",
    "\"\"\"",
    "'''",
    "\"",
    "[",
    "]",
    "{",
    "}",
    "=",
    "\u{FEFF}",
    "名",
];

#[derive(Clone, Debug)]
enum Change {
    /// Replace a digit with another.
    Digit(Index, u8),
    /// Insert a snippet at the start of a line.
    AtLineStart(Index, usize),
    /// Insert a snippet at any character boundary.
    Anywhere(Index, usize),
    /// Delete up to this many bytes from a character boundary.
    Delete(Index, usize),
    DeleteLine(Index),
    DuplicateLine(Index),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..10).prop_map(|(at, d)| Change::Digit(at, d)),
        2 => (any::<Index>(), 0..SNIPPETS.len()).prop_map(|(at, s)| Change::AtLineStart(at, s)),
        1 => (any::<Index>(), 0..SNIPPETS.len()).prop_map(|(at, s)| Change::Anywhere(at, s)),
        1 => (any::<Index>(), 1usize..40).prop_map(|(at, n)| Change::Delete(at, n)),
        1 => any::<Index>().prop_map(Change::DeleteLine),
        1 => any::<Index>().prop_map(Change::DuplicateLine),
    ]
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .filter(|&at| at < text.len())
        .collect()
}

fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect()
}

fn applied(text: &str, change: &Change) -> String {
    let mut out = text.to_owned();
    match change {
        Change::Digit(at, digit) => {
            let digits: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if !digits.is_empty() {
                let i = digits[at.index(digits.len())];
                out.replace_range(i..i + 1, &char::from(b'0' + digit).to_string());
            }
        }
        Change::AtLineStart(at, snippet) => {
            let starts = line_starts(text);
            if !starts.is_empty() {
                out.insert_str(starts[at.index(starts.len())], SNIPPETS[*snippet]);
            }
        }
        Change::Anywhere(at, snippet) => {
            let all = boundaries(text);
            out.insert_str(all[at.index(all.len())], SNIPPETS[*snippet]);
        }
        Change::Delete(at, len) => {
            let all = boundaries(text);
            let from = at.index(all.len());
            let to = (from + len).min(all.len() - 1);
            out.replace_range(all[from]..all[to], "");
        }
        Change::DeleteLine(at) | Change::DuplicateLine(at) => {
            let starts = line_starts(text);
            if !starts.is_empty() {
                let k = at.index(starts.len());
                let line = starts[k]..starts.get(k + 1).copied().unwrap_or(text.len());
                let copy = text[line.clone()].to_owned();
                match change {
                    Change::DeleteLine(_) => out.replace_range(line, ""),
                    _ => out.insert_str(line.start, &copy),
                }
            }
        }
    }
    out
}

/// Follows `changes` from `text`, re-reading whenever the document allows
/// and checking each re-read against a whole parse; gives how many edits
/// were re-read. A text with errors leaves the last good document shown,
/// and the next text is re-read against that one, as on the screen.
fn follow(text: String, changes: &[Change]) -> Result<usize, TestCaseError> {
    let mut old = text;
    let mut shown = document(&old);
    let mut reread = 0;
    for change in changes {
        let new = applied(&old, change);
        let whole = document(&new);
        let part = shown.as_ref().and_then(|shown| shown.reread(&new));
        match (part, shown.as_mut()) {
            (Some(part), Some(shown)) => {
                reread += 1;
                let whole = whole.as_ref();
                prop_assert!(whole.is_some(), "re-read, but a whole parse finds errors");
                prop_assert_eq!(part.warnings(), whole.map_or(0, |w| w.warnings().len()));
                shown.take(part, new.clone());
                prop_assert_eq!(Some(&*shown), whole, "after {:?}", change);
            }
            _ => {
                if whole.is_some() {
                    shown = whole;
                }
            }
        }
        old = new;
    }
    Ok(reread)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn a_reread_gives_what_a_whole_parse_gives(
        plan in plan(),
        changes in prop::collection::vec(change(), 1..8),
    ) {
        follow(toml(&plan), &changes)?;
    }

    #[test]
    fn a_figure_changed_in_a_campaign_is_reread_alone(
        plan in plan(),
        picks in prop::collection::vec((any::<Index>(), 0u8..10), 1..5),
    ) {
        // Digits of `done = N` figures: inside a campaign whatever the layout.
        let mut old = toml(&plan);
        let shown = document(&old);
        prop_assert!(shown.is_some(), "a generated plan is valid");
        let mut shown = shown.unwrap();
        for (at, digit) in picks {
            let figures: Vec<usize> = old
                .match_indices("done = ")
                .map(|(i, m)| i + m.len())
                .collect();
            if figures.is_empty() {
                break;
            }
            let i = figures[at.index(figures.len())];
            let mut new = old.clone();
            new.replace_range(i..i + 1, &char::from(b'1' + digit % 9).to_string());
            if new == old {
                continue;
            }
            let Some(whole) = document(&new) else {
                // (a done above the total): a whole parse says where.
                prop_assert!(shown.reread(&new).is_none());
                continue;
            };
            let part = shown.reread(&new);
            prop_assert!(part.is_some(), "a figure in a campaign is re-read alone");
            let part = part.unwrap();
            // In a task's own section, the task alone is re-read.
            let alone = matches!(
                &part.patch.replacement,
                Replacement::Items { new_tasks, new_indicators, .. }
                    if new_tasks.len() == 1 && new_indicators.is_empty()
            );
            prop_assert_eq!(alone, !plan.layout.inline_items);
            shown.take(part, new.clone());
            prop_assert_eq!(&shown, &whole);
            old = new;
        }
    }
}

#[test]
fn the_shipped_file_rereads_an_edit_in_each_campaign() {
    let old = shipped();
    let shown = document(&old).expect("the shipped file is valid");
    for (index, campaign) in shown.plan().campaigns.iter().enumerate() {
        // A comment line added after the campaign's header moves every
        // later line by one.
        let header = old
            .match_indices("[[campaign]]\n")
            .nth(index)
            .map(|(at, m)| at + m.len())
            .expect("each campaign has its header");
        let mut new = old.clone();
        new.insert_str(header, "# reviewed\n");
        let part = shown.reread(&new).expect("one campaign changed");
        assert_eq!(part.campaign(), Some(index), "{}", campaign.id);
        assert!(matches!(part.patch.replacement, Replacement::Head(..)));
        assert_eq!(part.patch.line_delta, 1);
        let mut patched = shown.clone();
        patched.take(part, new.clone());
        assert_eq!(Some(patched), document(&new));
    }
}

#[test]
fn the_shipped_file_rereads_an_edit_in_each_task_alone() {
    let mut old = shipped();
    let mut shown = document(&old).expect("the shipped file is valid");
    let tasks: Vec<(String, String)> = shown
        .plan()
        .campaigns
        .iter()
        .flat_map(|c| c.tasks.iter().map(|t| (c.id.clone(), t.id.clone())))
        .collect();
    for (campaign, task) in tasks {
        // A note line added after the task's id: every later line moves.
        let id_line = format!("id = \"{task}\"");
        let at = old.find(&id_line).expect("the task's id") + id_line.len();
        let new = format!("{}\n# seen{}", &old[..at], &old[at..]);
        let part = shown.reread(&new).expect("one task changed");
        let index = shown
            .plan()
            .campaigns
            .iter()
            .position(|c| c.id == campaign)
            .unwrap();
        assert_eq!(part.campaign(), Some(index));
        assert!(
            matches!(&part.patch.replacement, Replacement::Items { new_tasks, .. }
                if new_tasks.len() == 1 && new_tasks[0].id == task),
            "{campaign}/{task}: {:?}",
            part.patch.replacement
        );
        assert_eq!(part.patch.line_delta, 1);
        shown.take(part, new.clone());
        assert_eq!(Some(&shown), document(&new).as_ref(), "{campaign}/{task}");
        old = new;
    }
}

/// Re-reads `new` against `old` and checks the result against a whole parse;
/// gives the kind of part re-read.
fn reread_kind(old: &str, new: &str) -> Option<&'static str> {
    let mut shown = document(old).expect("valid before");
    let part = shown.reread(new)?;
    let kind = match &part.patch.replacement {
        Replacement::Meta(_) => "meta",
        Replacement::Campaigns { range, new } if range.len() == 1 && new.len() == 1 => "campaign",
        Replacement::Campaigns { .. } => "campaigns",
        Replacement::Head(..) => "head",
        Replacement::Items { .. } => "items",
    };
    assert_eq!(
        part.warnings(),
        load::parse(new, options()).warnings().count()
    );
    shown.take(part, new.to_owned());
    assert_eq!(Some(shown), document(new), "{kind}");
    Some(kind)
}

#[test]
fn each_kind_of_part_is_reread_alone() {
    let old = shipped();
    let task = "[[campaign.task]]\nid = \"yangtze-outfalls\"";
    let cases = [
        (
            "meta",
            old.replacen(
                "en = \"Qianjiang pollution-control campaigns\"",
                "en = \"Qianjiang\"",
                1,
            ),
        ),
        (
            "meta",
            old.replacen("at_risk_margin = 0.10", "at_risk_margin = 0.25", 1),
        ),
        (
            "head",
            old.replacen(
                "name = { zh = \"蓝天保卫战\", en = \"Blue Sky\" }",
                "name = { zh = \"蓝天保卫战\", en = \"Blue Sky 2024\" }\n# renamed",
                1,
            ),
        ),
        // New dates for a campaign: its tasks are checked against them again.
        (
            "campaign",
            old.replacen("start = 2024-01-01", "start = 2024-02-01", 1),
        ),
        // A task added before another, and one taken out.
        (
            "items",
            old.replacen(
                task,
                &format!("[[campaign.task]]\nid = \"new\"\nname = \"N\"\ndone = 1\n\n{task}"),
                1,
            ),
        ),
        ("items", {
            let start = old.find(task).unwrap();
            let end = start + old[start..].find("\n\n").unwrap() + 2;
            format!("{}{}", &old[..start], &old[end..])
        }),
    ];
    for (kind, new) in cases {
        assert_ne!(new, old);
        assert_eq!(reread_kind(&old, &new), Some(kind));
    }
}

#[test]
fn campaigns_added_removed_or_changed_together_are_reread_as_a_run() {
    let old = shipped();
    let blue_sky = "[[campaign]]\nid = \"blue-sky\"";
    let second = old.match_indices("\n[[campaign]]\n").nth(1).unwrap().0 + 1;
    let third = old.match_indices("\n[[campaign]]\n").nth(2).unwrap().0 + 1;
    let cases = [
        // A campaign added before the first one's keys, and one at the end.
        old.replacen(
            blue_sky,
            &format!("[[campaign]]\nid = \"x\"\nname = \"X\"\n{blue_sky}"),
            1,
        ),
        format!("{old}\n[[campaign]]\nid = \"new\"\nname = \"New\"\ntask = []\n"),
        // The second campaign taken out.
        format!("{}{}", &old[..second], &old[third..]),
        // One save that touches two campaigns.
        old.replacen("done = 53", "done = 54", 1)
            .replacen("done = 13", "done = 14", 1),
    ];
    for new in cases {
        assert_ne!(new, old);
        assert_eq!(reread_kind(&old, &new), Some("campaigns"));
    }
}

#[test]
fn an_item_whose_history_lies_past_another_item_is_reread_with_its_campaign() {
    // `[[campaign.indicator.history]]` after a task still belongs to the
    // indicator: the indicator's own section does not hold all of it.
    let old = "[meta]\ntitle = \"t\"\nas_of = 2024-12-31\n\n[[campaign]]\nid = \"c\"\nname = \"C\"\n\n\
               [[campaign.indicator]]\nid = \"i\"\nname = \"I\"\nvalue = 3\n\n\
               [[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\n\n\
               [[campaign.indicator.history]]\ndate = 2024-06-30\nvalue = 2\n";
    let new = old.replace("value = 3", "value = 4");
    assert_eq!(reread_kind(old, &new), Some("campaign"));
    let new = old.replace("done = 1", "done = 2");
    assert_eq!(reread_kind(old, &new), Some("campaign"));
}

#[test]
fn changes_no_one_section_can_take_are_left_to_a_whole_parse() {
    let old = shipped();
    let shown = document(&old).expect("the shipped file is valid");
    let cases = [
        old.replace("as_of = 2024-12-31", "as_of = 2024-06-30"),
        old.replacen("id = \"blue-sky\"", "id = \"clear-water\"", 1),
        format!("{old}\n[meta.more]\n"),
        // A comment that now swallows the next task's header: the change is
        // at the end of one task's section, and the next one's keys fall
        // into it (a duplicate `id`).
        old.replacen(
            "\n[[campaign.task]]\nid = \"yangtze",
            "\n#[[campaign.task]]\nid = \"yangtze",
            1,
        ),
    ];
    for new in cases {
        assert_ne!(new, old);
        assert!(shown.reread(&new).is_none(), "{new:.200}");
    }
    assert!(shown.reread(&old).is_none(), "nothing changed");
}
