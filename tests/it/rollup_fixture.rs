//! Roll-ups built for the tests: unit plans written into a temporary
//! folder beside a manifest, with the figures each test chooses.

use std::path::{Path, PathBuf};

/// One unit's figures.
#[derive(Clone, Debug)]
pub struct UnitFigures {
    pub as_of: &'static str,
    pub done: u32,
    pub total: u32,
    pub pm25: f64,
    pub good_days: u32,
}

impl UnitFigures {
    pub fn new(done: u32, total: u32, pm25: f64, good_days: u32) -> UnitFigures {
        UnitFigures {
            as_of: "2024-12-31",
            done,
            total,
            pm25,
            good_days,
        }
    }
}

/// A unit's `campaigns.toml` with these figures; `outfalls` is the id its
/// outfalls task goes by.
pub fn unit_plan(title: &str, figures: &UnitFigures, outfalls: &str) -> String {
    let UnitFigures {
        as_of,
        done,
        total,
        pm25,
        good_days,
    } = figures;
    format!(
        r#"[meta]
title = "{title}"
as_of = {as_of}

[[campaign]]
id = "clear-water"
name = {{ zh = "碧水保卫战", en = "Clear Water" }}
start = 2024-01-01
end = 2024-12-31

[[campaign.task]]
id = "{outfalls}"
name = {{ zh = "长江入河排污口整治", en = "Yangtze outfall rectification" }}
done = {done}
total = {total}
unit = {{ zh = "个", en = "outfalls" }}

[[campaign]]
id = "blue-sky"
name = {{ zh = "蓝天保卫战", en = "Blue Sky" }}

[[campaign.indicator]]
id = "pm25"
name = "PM2.5"
unit = "μg/m³"
value = {pm25:?}
target = 35.0
better = "lower"

[[campaign.indicator]]
id = "good-air-days"
name = {{ zh = "优良天数", en = "Good air days" }}
value = {good_days}
target = 300
better = "higher"
"#
    )
}

/// A manifest's head and combine/ranking tables, before its units.
pub const HEAD: &str = r#"[rollup]
title = { zh = "全省污染防治攻坚战调度", en = "Province campaigns roll-up" }
as_of = 2024-12-31
stale_after_days = 40

[[combine]]
item = "clear-water/yangtze-outfalls"
how = "sum"

[[combine]]
item = "blue-sky/pm25"
how = "count-met"

[[ranking]]
item = "blue-sky/pm25"
by = "value"
ties = "equal"
then = ["blue-sky/good-air-days"]
show = 2
"#;

/// A ranking of the units of the group `national` only.
pub const GROUP_RANKING: &str = r#"
[[ranking]]
item = "blue-sky/pm25"
group = "national"
"#;

/// A `[[unit]]` table reading `units/ID/campaigns.toml`.
pub fn path_unit(id: &str, groups: &[&str]) -> String {
    let groups: Vec<String> = groups.iter().map(|g| format!("\"{g}\"")).collect();
    format!(
        "\n[[unit]]\nid = \"{id}\"\nname = {{ zh = \"{id}市\", en = \"{id} city\" }}\npath = \"units/{id}/campaigns.toml\"\ngroups = [{}]\n",
        groups.join(", ")
    )
}

/// Writes `units/ID/campaigns.toml` under `dir`.
pub fn write_unit(dir: &Path, id: &str, text: &str) {
    let folder = dir.join("units").join(id);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("campaigns.toml"), text).unwrap();
}

/// A folder with a manifest (`rollup.toml`: `head`, then one path unit per
/// entry) and each unit's plan; the manifest's path.
pub fn folder_of(dir: &Path, head: &str, units: &[(&str, &[&str], UnitFigures)]) -> PathBuf {
    let mut manifest = head.to_owned();
    for (id, groups, figures) in units {
        manifest.push_str(&path_unit(id, groups));
        write_unit(dir, id, &unit_plan(id, figures, "yangtze-outfalls"));
    }
    let path = dir.join("rollup.toml");
    std::fs::write(&path, manifest).unwrap();
    path
}

/// Reads and loads the manifest at `path` as of its own date.
pub fn load(path: &Path) -> campaigns::rollup::Rollup {
    let text = std::fs::read_to_string(path).unwrap();
    let read = campaigns::rollup::parse(&text);
    assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
    let options = campaigns::load::Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
    };
    campaigns::rollup::Rollup::load(read.manifest.unwrap(), path, options)
}
