use super::*;
use crate::model::Lang;

const CONTRACT: &str = r#"[rollup]
title = { zh = "全省污染防治攻坚战调度", en = "Province campaigns roll-up" }
as_of = 2024-12-31
stale_after_days = 40
[[unit]]
id = "qianjiang"
name = { zh = "潜江市", en = "Qianjiang" }
path = "units/qianjiang/campaigns.toml"
groups = ["national"]
[[unit]]
id = "xiantao"
name = { zh = "仙桃市", en = "Xiantao" }
ref = "refs/remotes/xiantao/main"
[[combine]]
item = "clear-water/yangtze-outfalls"
how = "sum"
[[combine]]
item = "blue-sky/pm25"
[[ranking]]
item = "blue-sky/pm25"
by = "value"
ties = "equal"
then = ["blue-sky/good-air-days"]
show = 5
group = "national"
[alias]
"qianjiang:blue-sky/pm2-5" = "blue-sky/pm25"
"#;

/// Every error of `source`, each as its one-line headline.
fn headlines(source: &str) -> Vec<String> {
    let read = parse(source);
    assert!(read.manifest.is_none(), "no manifest with errors");
    read.diagnostics
        .iter()
        .map(|d| d.headline(source, "rollup.toml", Lang::En))
        .collect()
}

#[test]
fn the_contract_example_reads() {
    let read = parse(CONTRACT);
    assert_eq!(read.diagnostics, vec![]);
    let manifest = read.manifest.expect("valid");
    assert_eq!(manifest.title.get(Lang::Zh), "全省污染防治攻坚战调度");
    assert_eq!(
        manifest.as_of.map(|d| d.to_string()).as_deref(),
        Some("2024-12-31")
    );
    assert_eq!(manifest.stale_after_days, Some(40));
    assert_eq!(manifest.units.len(), 2);
    assert_eq!(
        manifest.units[0].source,
        Source::Path("units/qianjiang/campaigns.toml".into())
    );
    assert_eq!(
        manifest.units[1].source,
        Source::Ref {
            reference: "refs/remotes/xiantao/main".into(),
            file: DEFAULT_FILE.into()
        }
    );
    assert_eq!(manifest.units[0].groups, vec!["national"]);
    assert_eq!(manifest.combine[0].how, How::Sum);
    assert_eq!(manifest.combine[1].how, How::None, "none is the default");
    let ranking = &manifest.rankings[0];
    assert_eq!(
        (ranking.by, ranking.show, ranking.group.as_deref()),
        (By::Value, Some(5), Some("national"))
    );
    assert_eq!(ranking.then, vec!["blue-sky/good-air-days"]);
    assert_eq!(
        manifest.canonical("qianjiang", "blue-sky/pm2-5"),
        "blue-sky/pm25"
    );
    assert_eq!(
        manifest.canonical("xiantao", "blue-sky/pm2-5"),
        "blue-sky/pm2-5"
    );
    assert!(is_manifest(CONTRACT));
    assert!(!is_manifest("[meta]\ntitle = \"x\"\n# [rollup]\n"));
    assert!(is_manifest("[ rollup ] # the head\n"));
}

#[test]
fn an_unknown_key_is_named_at_its_line_with_a_hint() {
    let source = CONTRACT.replace("stale_after_days", "stale_after_day");
    let read = parse(&source);
    let text = read.diagnostics[0].render(&source, "rollup.toml", false, Lang::En);
    assert!(text.contains("--> rollup.toml:4:1"), "{text}");
    assert!(text.contains("stale_after_day = 40"), "{text}");
    assert!(text.contains("did you mean `stale_after_days`?"), "{text}");
}

#[test]
fn every_rule_is_an_error_at_its_place() {
    let source = r#"[rollup]
title = "x"
stale_after_days = -1
[[unit]]
id = "Qian Jiang"
name = "潜江"
path = "a.toml"
[[unit]]
id = "b"
name = "B"
path = "b.toml"
ref = "refs/remotes/b/main"
[[unit]]
id = "c"
name = "C"
[[unit]]
id = "d"
name = "D"
ref = "refs/remotes/d/main"
file = "../etc/passwd"
[[combine]]
item = "blue-sky"
how = "summ"
[[ranking]]
item = "blue-sky/pm25"
by = "chnage"
show = 0
group = "nationl"
[alias]
"qianjang:blue-sky/x" = "blue-sky/y"
"#;
    let found = headlines(source);
    let expected = [
        "rollup.toml:3:20: error: `stale_after_days` must be a whole number of at least 0",
        "rollup.toml:5:6: error: id `Qian Jiang` is not made of a-z, 0-9 and -",
        "rollup.toml:12:7: error: a unit takes `path` or `ref`, not both",
        "rollup.toml:13:1: error: a unit needs `path` or `ref`",
        "rollup.toml:20:8: error: `file` must be a path inside the ref's tree",
        "rollup.toml:22:8: error: `blue-sky` is not an item like",
        "rollup.toml:23:7: error: `how` must be \"sum\" or \"count-met\" or \"none\", found `summ`",
        "rollup.toml:26:6: error: `by` must be \"value\" or \"change\", found `chnage`",
        "rollup.toml:27:8: error: `show` must be a whole number of at least 1",
        "rollup.toml:28:9: error: no unit is in the group `nationl`",
        "rollup.toml:30:1: error: no unit `qianjang` in the manifest",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (found, expected) in found.iter().zip(expected) {
        assert!(found.starts_with(expected), "{found}\nexpected {expected}");
    }
}

#[test]
fn a_missing_rollup_table_and_a_syntax_error_are_errors() {
    let found = headlines("[[unit]]\nid = \"a\"\nname = \"A\"\npath = \"a.toml\"\n");
    assert_eq!(
        found,
        ["rollup.toml:1:1: error: missing the [rollup] table"]
    );
    let found = headlines("[rollup]\ntitle = \"x\n");
    assert!(found[0].starts_with("rollup.toml:2:"), "{found:?}");
    assert!(found[0].contains("TOML syntax"), "{found:?}");
    let found = headlines(
        "[rollup]\ntitle = \"x\"\n[[unit]]\nid = \"a\"\nname = \"A\"\npath = \"a\"\n[[unit]]\nid = \"a\"\nname = \"A2\"\npath = \"b\"\n",
    );
    assert_eq!(found, ["rollup.toml:8:6: error: unit id `a` is used twice"]);
}
