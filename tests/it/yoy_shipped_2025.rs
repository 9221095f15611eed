//! Must show (issue 24): the shipped file with a 2025 plan revision
//! committed on top. The 2025 plan is `rollover 2025`'s draft as a clerk
//! finishes it: 2024's own task of the 7 black-and-odorous water bodies
//! taken out (the remaining 3 `follows` it, so only the 2024 revision holds
//! what they continue), and the 2025 plan's own new items from the seed
//! added. `check` passes by finding the followed item in the 2024
//! revision; every 2025 item pairs by id or `follows` with a 2024 item but
//! the new ones, and 2024's items without a pair are listed as ended, by
//! the pairing function and by `report --yoy`'s JSON alike.

use std::path::Path;

use campaigns::load::{Options, parse};
use campaigns::model::Plan;
use campaigns::model::pairs::{PairedBy, pair, path_of};
use serde_json::Value;

use crate::git_fixture::Fixture;

const FILE: &str = "campaigns.toml";

/// The 2025 plan's own items (seed, "The 2025 plan", headings 3 and 5), new
/// this year: no figure yet. The first two join the last campaign of the
/// draft (approvals), the others open a campaign of their own.
const NEW_ITEMS: &str = r#"
[[campaign.task]]
id = "waste-free-city"
name = { zh = "“无废城市”建设", en = "\"Waste-free city\" building" }
done = 0
unit = { zh = "项", en = "measures" }

[[campaign.task]]
id = "permit-reserve"
name = { zh = "排污权储备中心建设", en = "Emission-permit reserve centre" }
done = 0
unit = { zh = "项", en = "steps" }

[[campaign]]
id = "ecology"
name = { zh = "生态保护监管", en = "Ecological protection" }
start = 2025-01-01
end = 2025-12-31

[[campaign.task]]
id = "green-shield"
name = { zh = "“绿盾”自然保护地强化监督", en = "\"Green Shield\" nature-reserve supervision" }
done = 0
unit = { zh = "个", en = "sites" }

[[campaign.task]]
id = "biodiversity-survey"
name = { zh = "生物多样性本底调查", en = "Biodiversity baseline survey" }
done = 0
unit = { zh = "项", en = "surveys" }
"#;

const NEW: [&str; 4] = [
    "approvals/waste-free-city",
    "approvals/permit-reserve",
    "ecology/green-shield",
    "ecology/biodiversity-survey",
];

/// 2024's tasks finished within the year: the draft lists and leaves them out.
const ENDED: [&str; 5] = [
    "blue-sky/freight-shift",
    "clear-water/drinking-water-problems",
    "inspection/third-round-plans",
    "model-city/hazardous-waste-firms",
    "approvals/carbon-trading",
];

fn shipped() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/campaigns.toml")).unwrap()
}

/// Runs the binary in `dir`: (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The task `id`'s table, from its header to the next one.
fn without_task(text: &str, id: &str) -> String {
    let at = text.find(&format!("id = \"{id}\"")).unwrap();
    let start = text[..at].rfind("[[campaign.task]]").unwrap();
    let end = start + text[start..].find("\n\n").unwrap() + 2;
    format!("{}{}", &text[..start], &text[end..])
}

/// The repository: the shipped plan committed on its reporting date, then
/// five days later the 2025 plan (the draft finished) reporting on
/// 2025-01-06. Its first commit, the 2025 plan.
fn with_2025_plan() -> (Fixture, String, String) {
    let repo = Fixture::new();
    let first = repo.commit(FILE, &shipped(), "2024-12-31T18:00:00+08:00");
    let (code, _, stderr) = run(repo.path(), &["rollover", "2025", "-o", "draft.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let draft = std::fs::read_to_string(repo.file("draft.toml")).unwrap();
    std::fs::remove_file(repo.file("draft.toml")).unwrap();
    assert!(draft.contains("\nas_of = 2025-01-01\n"), "{draft}");
    let mut plan = without_task(&draft, "black-odorous-2024")
        .replace("\nas_of = 2025-01-01\n", "\nas_of = 2025-01-06\n");
    plan.push_str(NEW_ITEMS);
    assert!(plan.contains("follows = \"clean-soil/black-odorous-2024\""));
    repo.commit(FILE, &plan, "2025-01-06T09:00:00+08:00");
    (repo, first, plan)
}

fn load(text: &str) -> Plan {
    let today = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let loaded = parse(text, Options { as_of: None, today });
    assert!(
        loaded.errors().next().is_none(),
        "{:#?}",
        loaded.diagnostics
    );
    loaded.plan.unwrap()
}

fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list
}

fn strings(list: &[&str]) -> Vec<String> {
    sorted(list.iter().map(|s| s.to_string()).collect())
}

#[test]
fn check_finds_what_the_2025_plan_follows_in_the_2024_revision() {
    let (repo, first, plan) = with_2025_plan();
    let (code, stdout, stderr) = run(repo.path(), &["check", FILE]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("valid: 8 campaigns, 40 tasks, 11 indicators, 0 warnings"),
        "{stdout}"
    );
    assert!(!stderr.contains("error"), "{stderr}");

    // The same file outside git: nothing to find it in.
    let alone = tempfile::tempdir().unwrap();
    std::fs::write(alone.path().join(FILE), &plan).unwrap();
    let (code, _, stderr) = run(alone.path(), &["check", FILE]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("`follows` names `clean-soil/black-odorous-2024`, which is no task"),
        "{stderr}"
    );
    assert!(stderr.contains("(the file is not in git)"), "{stderr}");

    // A slip of the pen in git: named with the revision looked in.
    let slip = plan.replace(
        "follows = \"clean-soil/black-odorous-2024\"",
        "follows = \"clean-soil/black-odorous-2023\"",
    );
    std::fs::write(repo.file(FILE), slip).unwrap();
    let (code, _, stderr) = run(repo.path(), &["check", FILE]);
    assert_eq!(code, 1, "{stderr}");
    let short = &first[..7];
    assert!(
        stderr.contains(&format!(
            "nor an item of last year's revision (2024-12-31, {short})"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `clean-soil/black-odorous-2024`?"),
        "{stderr}"
    );
}

#[test]
fn every_2025_item_pairs_with_2024s_but_the_new_and_the_ended_are_listed() {
    let (repo, first, _) = with_2025_plan();
    let last = load(&repo.show("HEAD~1", FILE).unwrap());
    let this = load(&repo.show("HEAD", FILE).unwrap());
    let pairs = pair(&this, &last);
    let name = |plan: &Plan, at| path_of(plan, at).unwrap().to_string();
    let by_follows: Vec<String> = pairs
        .pairs
        .iter()
        .filter(|p| p.by == PairedBy::Follows)
        .map(|p| format!("{} → {}", name(&this, p.this), name(&last, p.last)))
        .collect();
    assert_eq!(
        by_follows,
        ["clean-soil/black-odorous-remaining → clean-soil/black-odorous-2024"]
    );
    let items: usize = this
        .campaigns
        .iter()
        .map(|c| c.tasks.len() + c.indicators.len())
        .sum();
    assert_eq!(pairs.pairs.len() + pairs.new.len(), items);
    let new: Vec<String> = pairs.new.iter().map(|&at| name(&this, at)).collect();
    assert_eq!(sorted(new.clone()), strings(&NEW));
    let ended: Vec<String> = pairs.ended.iter().map(|&at| name(&last, at)).collect();
    assert_eq!(sorted(ended.clone()), strings(&ENDED));

    // The JSON report lists the same, against the 2024 revision.
    let (code, stdout, stderr) = run(repo.path(), &["report", "--yoy", "--format", "json", FILE]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let yoy = &json["yoy"];
    assert_eq!(yoy["as_of"], "2025-01-06");
    assert_eq!(yoy["result"]["as_of"], "2024-12-31");
    assert_eq!(yoy["result"]["commit"], first.as_str());
    // No revision reports on or before 2024-01-06.
    assert_eq!(yoy["last_year"], Value::Null);
    let list = |key: &str| -> Vec<String> {
        let list = yoy[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key}: {yoy}"));
        list.iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(sorted(list("new")), sorted(new));
    assert_eq!(sorted(list("ended")), sorted(ended));
}
