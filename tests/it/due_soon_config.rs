//! The due-soon window (临期) from the plan and from the config file: the
//! plan's `[meta] due_soon_days` wins where it is stated (the bureau's
//! meeting rhythm), the config's `due_soon_days` stands in where it is
//! not, else 30 days; the same on the screen's `t` list and in
//! `report --brief`.

use std::path::{Path, PathBuf};

use campaigns::load::{self, Opened};
use campaigns::model::Lang;
use campaigns::tui::{Action, App, Command, Settings};
use chrono::NaiveDate;

/// At 2024-07-01: tasks due in 0, 10, 20 and 45 days, none done.
const PLAN: &str = r#"[meta]
title = "Window"
as_of = 2024-07-01
{META}

[[campaign]]
id = "water"
name = "Water"
start = 2024-01-01
end = 2024-12-31

[[campaign.task]]
id = "in-0"
name = "In 0"
done = 0
total = 2
due = 2024-07-01

[[campaign.task]]
id = "in-10"
name = "In 10"
done = 0
total = 2
due = 2024-07-11

[[campaign.task]]
id = "in-20"
name = "In 20"
done = 0
total = 2
due = 2024-07-21

[[campaign.task]]
id = "in-45"
name = "In 45"
done = 0
total = 2
due = 2024-08-15
"#;

fn plan(meta: &str) -> String {
    PLAN.replace("{META}", meta)
}

fn options() -> load::Options {
    load::Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
    }
}

/// The `t` list's item ids and the days its title names.
fn on_screen(meta: &str, configured: Option<u32>) -> (Vec<String>, Option<u32>) {
    let settings = Settings {
        due_soon_days: configured,
        ..Settings::plain(Lang::En, options())
    };
    let opened = Opened::parse("plan.toml".as_ref(), plan(meta), options());
    let mut app = App::new(PathBuf::from("plan.toml"), Ok(opened), settings);
    app.update(Action::Resize(120, 40));
    app.update(Command::ToggleDueSoon.into());
    let ids = app
        .list_ids()
        .iter()
        .map(|(_, id)| id.to_string())
        .collect();
    (ids, app.due_soon_days())
}

#[test]
fn the_plan_wins_then_the_config_then_thirty_on_the_screen() {
    let (ids, days) = on_screen("due_soon_days = 14", Some(60));
    assert_eq!((ids, days), (vec!["in-0".into(), "in-10".into()], Some(14)));
    let (ids, days) = on_screen("", Some(60));
    assert_eq!(ids, ["in-0", "in-10", "in-20", "in-45"]);
    assert_eq!(days, Some(60));
    let (ids, days) = on_screen("", None);
    assert_eq!(ids, ["in-0", "in-10", "in-20"]);
    assert_eq!(days, Some(30));
}

fn brief(dir: &Path, meta: &str, config: Option<&str>) -> String {
    let file = dir.join("campaigns.toml");
    std::fs::write(&file, plan(meta)).unwrap();
    let mut command = crate::binary::assert_command();
    command
        .args(["report", "--brief", "--lang", "en"])
        .arg(&file);
    if let Some(text) = config {
        let path = dir.join("config.toml");
        std::fs::write(&path, text).unwrap();
        command.arg("--config").arg(path);
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let brief = String::from_utf8(output.stdout).unwrap();
    // The due-soon section, the last: the attention list above it lists
    // every item.
    let start = brief
        .find("## Due soon")
        .unwrap_or_else(|| panic!("{brief}"));
    brief[start..].to_owned()
}

#[test]
fn the_plan_wins_then_the_config_then_thirty_in_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let stated = brief(
        dir.path(),
        "due_soon_days = 14",
        Some("due_soon_days = 60\n"),
    );
    assert!(stated.contains("## Due soon (within 14 days)"), "{stated}");
    assert!(stated.contains("In 10:"), "{stated}");
    assert!(!stated.contains("In 20:"), "{stated}");
    let silent = brief(dir.path(), "", Some("due_soon_days = 60\n"));
    assert!(silent.contains("## Due soon (within 60 days)"), "{silent}");
    assert!(silent.contains("In 45:"), "{silent}");
    let neither = brief(dir.path(), "", None);
    assert!(
        neither.contains("## Due soon (within 30 days)"),
        "{neither}"
    );
    assert!(neither.contains("In 20:"), "{neither}");
    assert!(!neither.contains("In 45:"), "{neither}");
}

/// `campaigns config` prints the value in force, and a bad one stops
/// every command at its place.
#[test]
fn campaigns_config_prints_it_and_a_bad_value_stops_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "due_soon_days = 45\n").unwrap();
    let output = crate::binary::assert_command()
        .args(["config", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let printed = String::from_utf8(output.stdout).unwrap();
    assert!(printed.contains("\ndue_soon_days = 45\n"), "{printed}");

    std::fs::write(&path, "\ndue_soon_days = 4000\n").unwrap();
    let file = dir.path().join("campaigns.toml");
    std::fs::write(&file, plan("")).unwrap();
    let output = crate::binary::assert_command()
        .args(["report", "--brief", "--lang", "zh", "--config"])
        .arg(&path)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("config.toml:2:17"), "{stderr}");
    assert!(stderr.contains("应为 0 到 3660 之间的整天数"), "{stderr}");
}
