//! `campaigns set`: each kind of edit changes exactly the bytes it should
//! (the rest of the file is compared byte for byte), refusals leave the
//! file untouched, and the file keeps its permissions and symlinks.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

#[path = "set_parses.rs"]
mod parses;

const PLAN: &str = r#"# 潜江市污染防治攻坚战 — reviewed monthly
[meta]
title = { zh = "潜江市污染防治攻坚战", en = "Qianjiang pollution-control campaigns" }
as_of = 2024-12-31        # reporting date

[[campaign]]
id = "clear-water"
name = { zh = "碧水保卫战", en = "Clear Water" }
theme = "water"
start = 2024-01-01
end = 2024-12-31

[[campaign.indicator]]
id = "han-river"
name = { zh = "汉江潜江段水质", en = "Han River water class" }
scale = "water-class"
value = "II"     # 国控断面
target = "II"

[[campaign.indicator]]
id = "dongjing"
name = "东荆河水质"
scale = "water-class"
value = "Ⅲ"
target = "Ⅲ"

[[campaign.task]]
id = "yangtze-outfalls"
name = { zh = "长江入河排污口整治", en = "Yangtze outfall rectification" }
done = 110 # 截至12月20日
total = 113
unit = { zh = "个", en = "outfalls" }
due = 2025-06-30
history = [
  { date = 2024-06-30, done = 80 },
  { date = 2024-09-30, done = 100 }, # 三季度
]

# 饮用水水源地
[[campaign.task]]
id = "water-sources"
name = "水源地规范化建设"
done = 4
total = 6
note = "两处待验收"

[[campaign]]
id = "blue-sky"
name = { zh = "蓝天保卫战", en = "Blue Sky" }
theme = "air"
indicator = [
  { id = "pm25", name = "PM2.5", unit = "μg/m³", value = 31.0, target = 35.0, better = "lower", note = { zh = "年均", en = "annual mean" } },
]
task = [
  { id = "coal-boilers", name = "燃煤锅炉淘汰", done = 12, total = 12 },
  { id = "dust-sites", name = "工地扬尘治理", done = 7.5 },
]
"#;

struct Plan {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn plan_file(text: &str) -> Plan {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    fs::write(&path, text).unwrap();
    Plan { _dir: dir, path }
}

fn campaigns() -> Command {
    let mut command = crate::binary::assert_command();
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8");
    command
}

fn set(path: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    campaigns().arg("set").arg(path).args(args).assert()
}

/// Where two texts differ, by whole lines (line endings included): the
/// index of the first differing line and the differing lines of each.
fn changed(old: &str, new: &str) -> (usize, Vec<String>, Vec<String>) {
    let old: Vec<&str> = old.split_inclusive('\n').collect();
    let new: Vec<&str> = new.split_inclusive('\n').collect();
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let owned = |lines: &[&str]| lines.iter().map(|line| line.to_string()).collect();
    (
        head,
        owned(&old[head..old.len() - tail]),
        owned(&new[head..new.len() - tail]),
    )
}

fn line_of(text: &str, needle: &str) -> usize {
    text.split_inclusive('\n')
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle}"))
}

/// Runs one `set` on the fixture and checks the only change is `old` → `new`
/// (whole lines) and the summary line printed. Returns the index of the
/// first changed line, for insertions (`old` empty) to check.
fn golden(source: &str, args: &[&str], old: &[&str], new: &[&str], summary: &str) -> usize {
    let plan = plan_file(source);
    set(&plan.path, args)
        .success()
        .stdout(format!("{summary}\n"))
        .stderr("");
    let written = fs::read_to_string(&plan.path).unwrap();
    let (at, was, now) = changed(source, &written);
    assert_eq!((was, now), (lines(old), lines(new)), "{args:?}");
    if let Some(first) = old.first() {
        assert_eq!(at, line_of(source, first.trim_end()), "{args:?}");
    }
    campaigns().arg("check").arg(&plan.path).assert().success();
    at
}

fn lines(list: &[&str]) -> Vec<String> {
    list.iter().map(|line| line.to_string()).collect()
}

#[test]
fn done_with_a_trailing_comment() {
    golden(
        PLAN,
        &["clear-water/yangtze-outfalls", "--done", "111"],
        &["done = 110 # 截至12月20日\n"],
        &["done = 111 # 截至12月20日\n"],
        "clear-water/yangtze-outfalls: done 110 → 111",
    );
}

#[test]
fn add_a_negative_number() {
    golden(
        PLAN,
        &["clear-water/water-sources", "--add", "-3"],
        &["done = 4\n"],
        &["done = 1\n"],
        "clear-water/water-sources: done 4 → 1",
    );
}

#[test]
fn add_to_a_float_in_an_inline_task() {
    golden(
        PLAN,
        &["blue-sky/dust-sites", "--add", "0.1"],
        &["  { id = \"dust-sites\", name = \"工地扬尘治理\", done = 7.5 },\n"],
        &["  { id = \"dust-sites\", name = \"工地扬尘治理\", done = 7.6 },\n"],
        "blue-sky/dust-sites: done 7.5 → 7.6",
    );
    golden(
        PLAN,
        &["blue-sky/coal-boilers", "--done", "11"],
        &["  { id = \"coal-boilers\", name = \"燃煤锅炉淘汰\", done = 12, total = 12 },\n"],
        &["  { id = \"coal-boilers\", name = \"燃煤锅炉淘汰\", done = 11, total = 12 },\n"],
        "blue-sky/coal-boilers: done 12 → 11",
    );
}

#[test]
fn value_a_number() {
    let line = |value: &str| {
        format!(
            "  {{ id = \"pm25\", name = \"PM2.5\", unit = \"μg/m³\", value = {value}, target = 35.0, better = \"lower\", note = {{ zh = \"年均\", en = \"annual mean\" }} }},\n"
        )
    };
    golden(
        PLAN,
        &["blue-sky/pm25", "--value", "30.5"],
        &[&line("31.0")],
        &[&line("30.5")],
        "blue-sky/pm25: value 31.0 → 30.5",
    );
    // A whole number is written whole, even over a decimal entry.
    golden(
        PLAN,
        &["blue-sky/pm25", "--value", "29"],
        &[&line("31.0")],
        &[&line("29")],
        "blue-sky/pm25: value 31.0 → 29",
    );
}

#[test]
fn value_a_water_class_in_either_numerals() {
    // Typed in Unicode numerals, written in the ASCII the value already uses.
    golden(
        PLAN,
        &["clear-water/han-river", "--value", "Ⅰ"],
        &["value = \"II\"     # 国控断面\n"],
        &["value = \"I\"     # 国控断面\n"],
        "clear-water/han-river: value II → I",
    );
    // Typed in ASCII, written in the Unicode numerals the value already uses.
    golden(
        PLAN,
        &["clear-water/dongjing", "--value", "iv"],
        &["value = \"Ⅲ\"\n"],
        &["value = \"Ⅳ\"\n"],
        "clear-water/dongjing: value Ⅲ → Ⅳ",
    );
    golden(
        PLAN,
        &["clear-water/dongjing", "--value", "劣V"],
        &["value = \"Ⅲ\"\n"],
        &["value = \"劣Ⅴ\"\n"],
        "clear-water/dongjing: value Ⅲ → 劣Ⅴ",
    );
}

#[test]
fn note_new_and_replaced() {
    // New: a line of its own after the task's last key (the history array).
    let plan = plan_file(PLAN);
    set(
        &plan.path,
        &[
            "clear-water/yangtze-outfalls",
            "--note",
            "余3个 \"年内\" 完成",
        ],
    )
    .success()
    .stdout("clear-water/yangtze-outfalls: note (zh) added\n");
    let written = fs::read_to_string(&plan.path).unwrap();
    let (at, was, now) = changed(PLAN, &written);
    assert_eq!(at, line_of(PLAN, "# 饮用水水源地") - 1);
    assert!(was.is_empty());
    assert_eq!(now, ["note = \"余3个 \\\"年内\\\" 完成\"\n"]);

    golden(
        PLAN,
        &["clear-water/water-sources", "--note", "全部完成"],
        &["note = \"两处待验收\"\n"],
        &["note = \"全部完成\"\n"],
        "clear-water/water-sources: note (zh) replaced",
    );
}

#[test]
fn note_in_translations_replaces_the_interface_language() {
    let line = |zh: &str, en: &str| {
        format!(
            "  {{ id = \"pm25\", name = \"PM2.5\", unit = \"μg/m³\", value = 31.0, target = 35.0, better = \"lower\", note = {{ zh = \"{zh}\", en = \"{en}\" }} }},\n"
        )
    };
    let plan = plan_file(PLAN);
    campaigns()
        .env("LANG", "zh_CN.UTF-8")
        .args(["set"])
        .arg(&plan.path)
        .args(["blue-sky/pm25", "--note", "年均浓度"])
        .assert()
        .success();
    let written = fs::read_to_string(&plan.path).unwrap();
    let (_, was, now) = changed(PLAN, &written);
    assert_eq!(was, [line("年均", "annual mean")]);
    assert_eq!(now, [line("年均浓度", "annual mean")]);

    golden(
        PLAN,
        &["blue-sky/pm25", "--note", "mean of the year"],
        &[&line("年均", "annual mean")],
        &[&line("年均", "mean of the year")],
        "blue-sky/pm25: note (en) replaced",
    );
}

/// `--lang` decides which translation a note replaces, whatever the
/// locale says: the zh entry changes and the en entry keeps its text.
#[test]
fn note_with_lang_zh_replaces_the_zh_entry_whatever_the_locale() {
    let line = |zh: &str, en: &str| {
        format!(
            "  {{ id = \"pm25\", name = \"PM2.5\", unit = \"μg/m³\", value = 31.0, target = 35.0, better = \"lower\", note = {{ zh = \"{zh}\", en = \"{en}\" }} }},\n"
        )
    };
    for locale in ["C.UTF-8", "en_US.UTF-8"] {
        let plan = plan_file(PLAN);
        campaigns()
            .env("LANG", locale)
            .arg("set")
            .arg(&plan.path)
            .args(["blue-sky/pm25", "--note", "年均浓度", "--lang", "zh"])
            .assert()
            .success()
            .stdout("blue-sky/pm25: note (zh) replaced\n");
        let written = fs::read_to_string(&plan.path).unwrap();
        let (_, was, now) = changed(PLAN, &written);
        assert_eq!(was, [line("年均", "annual mean")], "LANG={locale}");
        assert_eq!(now, [line("年均浓度", "annual mean")], "LANG={locale}");
    }
}

#[test]
fn record_a_new_point_and_replace_one_of_the_same_date() {
    golden(
        PLAN,
        &["clear-water/yangtze-outfalls", "--done", "111", "--record"],
        &[
            "done = 110 # 截至12月20日\n",
            "total = 113\n",
            "unit = { zh = \"个\", en = \"outfalls\" }\n",
            "due = 2025-06-30\n",
            "history = [\n",
            "  { date = 2024-06-30, done = 80 },\n",
            "  { date = 2024-09-30, done = 100 }, # 三季度\n",
        ],
        &[
            "done = 111 # 截至12月20日\n",
            "total = 113\n",
            "unit = { zh = \"个\", en = \"outfalls\" }\n",
            "due = 2025-06-30\n",
            "history = [\n",
            "  { date = 2024-06-30, done = 80 },\n",
            "  { date = 2024-09-30, done = 100 }, # 三季度\n",
            "  { date = 2024-12-31, done = 111 },\n",
        ],
        "clear-water/yangtze-outfalls: done 110 → 111, recorded 111 at 2024-12-31",
    );
    // --as-of picks the date; a point of that date is replaced in place.
    golden(
        PLAN,
        &[
            "clear-water/yangtze-outfalls",
            "--record",
            "--as-of",
            "2024-09-30",
        ],
        &["  { date = 2024-09-30, done = 100 }, # 三季度\n"],
        &["  { date = 2024-09-30, done = 110 }, # 三季度\n"],
        "clear-water/yangtze-outfalls: history 2024-09-30 replaced with 110",
    );
    // Between two points, the new one keeps the dates in order.
    let at = golden(
        PLAN,
        &[
            "clear-water/yangtze-outfalls",
            "--record",
            "--as-of",
            "2024-07-31",
        ],
        &[],
        &["  { date = 2024-07-31, done = 110 },\n"],
        "clear-water/yangtze-outfalls: recorded 110 at 2024-07-31",
    );
    assert_eq!(at, line_of(PLAN, "{ date = 2024-09-30"));
}

#[test]
fn record_starts_a_history_in_an_inline_task() {
    golden(
        PLAN,
        &["blue-sky/coal-boilers", "--record"],
        &["  { id = \"coal-boilers\", name = \"燃煤锅炉淘汰\", done = 12, total = 12 },\n"],
        &[
            "  { id = \"coal-boilers\", name = \"燃煤锅炉淘汰\", done = 12, total = 12, history = [{ date = 2024-12-31, done = 12 }] },\n",
        ],
        "blue-sky/coal-boilers: recorded 12 at 2024-12-31",
    );
}

#[test]
fn a_crlf_file_keeps_its_line_endings() {
    let crlf = PLAN.replace('\n', "\r\n");
    golden(
        &crlf,
        &["clear-water/yangtze-outfalls", "--add", "1"],
        &["done = 110 # 截至12月20日\r\n"],
        &["done = 111 # 截至12月20日\r\n"],
        "clear-water/yangtze-outfalls: done 110 → 111",
    );
    let at = golden(
        &crlf,
        &["clear-water/water-sources", "--record"],
        &[],
        &[
            "history = [\r\n",
            "  { date = 2024-12-31, done = 4 },\r\n",
            "]\r\n",
        ],
        "clear-water/water-sources: recorded 4 at 2024-12-31",
    );
    assert_eq!(at, line_of(&crlf, "note = \"两处待验收\"") + 1);
    let at = golden(
        &crlf,
        &["clear-water/yangtze-outfalls", "--record"],
        &[],
        &["  { date = 2024-12-31, done = 110 },\r\n"],
        "clear-water/yangtze-outfalls: recorded 110 at 2024-12-31",
    );
    assert_eq!(at, line_of(&crlf, "{ date = 2024-09-30") + 1);
}

#[test]
fn the_same_figure_again_leaves_the_file_alone() {
    let plan = plan_file(PLAN);
    let before = fs::metadata(&plan.path).unwrap();
    set(
        &plan.path,
        &["clear-water/yangtze-outfalls", "--done", "110"],
    )
    .success()
    .stdout("clear-water/yangtze-outfalls: done 110 → 110\n");
    let after = fs::metadata(&plan.path).unwrap();
    assert_eq!(fs::read_to_string(&plan.path).unwrap(), PLAN);
    use std::os::unix::fs::MetadataExt;
    assert_eq!(before.ino(), after.ino(), "the file was not rewritten");
}

/// Runs a `set` that must be refused: exit 1, the reason on stderr, the
/// file byte for byte as it was.
fn refused(args: &[&str], reason: &str) {
    let plan = plan_file(PLAN);
    let output = set(&plan.path, args)
        .code(1)
        .stdout("")
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains(reason), "{args:?}: {stderr}");
    assert_eq!(fs::read(&plan.path).unwrap(), PLAN.as_bytes(), "{args:?}");
}

#[test]
fn refusals_leave_the_file_untouched() {
    refused(
        &["clear-water/yangtze-outfall", "--add", "1"],
        "campaign `clear-water` has no task or indicator `yangtze-outfall` (did you mean `yangtze-outfalls`?)",
    );
    refused(
        &["clear-watre/yangtze-outfalls", "--add", "1"],
        "no campaign `clear-watre` in the file (did you mean `clear-water`?)",
    );
    refused(
        &["blue-sky/pm25", "--done", "3"],
        "`blue-sky/pm25` is an indicator: set its level with --value",
    );
    refused(
        &["blue-sky/coal-boilers", "--value", "3"],
        "`blue-sky/coal-boilers` is a task: record its progress with --done or --add",
    );
    refused(
        &["clear-water/han-river", "--value", "VI"],
        "`VI` is not a water class",
    );
    refused(
        &["blue-sky/pm25", "--value", "lots"],
        "`lots` is not a number",
    );
    refused(
        &["clear-water/yangtze-outfalls", "--done", "-1"],
        "done must be a number of 0 or more, not -1",
    );
    refused(
        &["clear-water/yangtze-outfalls", "--add", "-111"],
        "the file would not be valid after this change: ",
    );
    refused(
        &["clear-water/yangtze-outfalls", "--add", "-111"],
        "campaigns.toml:30:8: error: `done` must not be negative, found -1",
    );
    refused(&["clear-water/yangtze-outfalls"], "nothing to change");
    refused(&["yangtze-outfalls", "--add", "1"], "is not CAMPAIGN/ITEM");
}

#[test]
fn a_file_with_errors_is_refused_untouched() {
    let broken = PLAN.replace("total = 6", "total = 0");
    let plan = plan_file(&broken);
    let output = set(&plan.path, &["clear-water/yangtze-outfalls", "--add", "1"])
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("the file has errors, so it is left as it is; fix them first: ")
            && stderr.contains("campaigns.toml:44:9: error: `total` must be more than 0"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&plan.path).unwrap(), broken);
}

#[test]
fn a_missing_file_could_not_run() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.toml");
    set(&missing, &["clear-water/yangtze-outfalls", "--add", "1"])
        .code(2)
        .stderr(format!("campaigns: {}: no such file\n", missing.display()));
    assert!(!missing.exists());
}

#[test]
fn permissions_are_kept() {
    let plan = plan_file(PLAN);
    fs::set_permissions(&plan.path, fs::Permissions::from_mode(0o640)).unwrap();
    set(&plan.path, &["clear-water/yangtze-outfalls", "--add", "1"]).success();
    let mode = fs::metadata(&plan.path).unwrap().permissions().mode();
    assert_eq!(mode & 0o7777, 0o640);
    assert!(
        fs::read_to_string(&plan.path)
            .unwrap()
            .contains("done = 111 #")
    );
}

#[test]
fn writing_through_a_symlink_changes_its_target() {
    let plan = plan_file(PLAN);
    let links = tempfile::tempdir().unwrap();
    let link = links.path().join("campaigns.toml");
    std::os::unix::fs::symlink(&plan.path, &link).unwrap();
    set(&link, &["clear-water/yangtze-outfalls", "--add", "1"]).success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_link(&link).unwrap(), plan.path);
    assert!(
        fs::read_to_string(&plan.path)
            .unwrap()
            .contains("done = 111 #")
    );
    // The lock and temporary files live beside the target, not the link.
    let beside_link: Vec<_> = fs::read_dir(links.path()).unwrap().collect();
    assert_eq!(beside_link.len(), 1);
}

#[test]
fn a_held_lock_makes_set_give_up_after_the_timeout() {
    use std::os::fd::AsRawFd;
    let plan = plan_file(PLAN);
    // Writers lock the plan file itself.
    let lock = fs::File::open(&plan.path).unwrap();
    // SAFETY: flock on a descriptor this test owns.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);
    let started = std::time::Instant::now();
    let output = set(&plan.path, &["clear-water/yangtze-outfalls", "--add", "1"])
        .code(1)
        .get_output()
        .clone();
    let waited = started.elapsed();
    assert!(waited >= std::time::Duration::from_secs(5), "{waited:?}");
    assert!(waited < std::time::Duration::from_secs(9), "{waited:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("another update is still being written"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&plan.path).unwrap(), PLAN);
    drop(lock);
    set(&plan.path, &["clear-water/yangtze-outfalls", "--add", "1"]).success();
}

#[test]
fn a_directory_could_not_run() {
    let dir = tempfile::tempdir().unwrap();
    set(dir.path(), &["clear-water/yangtze-outfalls", "--add", "1"])
        .code(2)
        .stderr(format!(
            "campaigns: {}: is a directory, not a file\n",
            dir.path().display()
        ));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no lock file left"
    );
}

const SECTION_HISTORY: &str = r#"[meta]
title = "t"
as_of = 2024-12-31

[[campaign]]
id = "c"
name = "C"

[[campaign.task]]
id = "t"
name = "T"
done = 7
total = 10

[[campaign.task.history]]
date = 2024-03-31
done = 2

[[campaign.task.history]]   # half year
date = 2024-06-30
done = 5

[[campaign.task]]
id = "u"
name = "U"
done = 1
"#;

#[test]
fn record_in_history_sections() {
    let at = golden(
        SECTION_HISTORY,
        &["c/t", "--record"],
        &[],
        // The same bytes as a blank line then the section after `done = 5`:
        // a line diff cannot tell the two apart.
        &[
            "[[campaign.task.history]]\n",
            "date = 2024-12-31\n",
            "done = 7\n",
            "\n",
        ],
        "c/t: recorded 7 at 2024-12-31",
    );
    assert_eq!(at, line_of(SECTION_HISTORY, "done = 5") + 2);
    golden(
        SECTION_HISTORY,
        &["c/t", "--done", "6", "--record", "--as-of", "2024-06-30"],
        &[
            "done = 7\n",
            "total = 10\n",
            "\n",
            "[[campaign.task.history]]\n",
            "date = 2024-03-31\n",
            "done = 2\n",
            "\n",
            "[[campaign.task.history]]   # half year\n",
            "date = 2024-06-30\n",
            "done = 5\n",
        ],
        &[
            "done = 6\n",
            "total = 10\n",
            "\n",
            "[[campaign.task.history]]\n",
            "date = 2024-03-31\n",
            "done = 2\n",
            "\n",
            "[[campaign.task.history]]   # half year\n",
            "date = 2024-06-30\n",
            "done = 6\n",
        ],
        "c/t: done 7 → 6, history 2024-06-30 replaced with 6",
    );
}

#[test]
fn record_after_a_nested_table_in_an_inline_indicator() {
    golden(
        PLAN,
        &["blue-sky/pm25", "--value", "30", "--record"],
        &[
            "  { id = \"pm25\", name = \"PM2.5\", unit = \"μg/m³\", value = 31.0, target = 35.0, better = \"lower\", note = { zh = \"年均\", en = \"annual mean\" } },\n",
        ],
        &[
            "  { id = \"pm25\", name = \"PM2.5\", unit = \"μg/m³\", value = 30, target = 35.0, better = \"lower\", note = { zh = \"年均\", en = \"annual mean\" }, history = [{ date = 2024-12-31, value = 30 }] },\n",
        ],
        "blue-sky/pm25: value 31.0 → 30, recorded 30 at 2024-12-31",
    );
}

#[test]
fn note_and_history_added_together_in_that_order() {
    golden(
        PLAN,
        &[
            "clear-water/water-sources",
            "--note",
            "全部完成",
            "--record",
            "--add",
            "2",
        ],
        &["done = 4\n", "total = 6\n", "note = \"两处待验收\"\n"],
        &[
            "done = 6\n",
            "total = 6\n",
            "note = \"全部完成\"\n",
            "history = [\n",
            "  { date = 2024-12-31, done = 6 },\n",
            "]\n",
        ],
        "clear-water/water-sources: done 4 → 6, note (zh) replaced, recorded 6 at 2024-12-31",
    );
    let at = golden(
        SECTION_HISTORY,
        &["c/u", "--note", "n", "--record"],
        &[],
        &[
            "note = \"n\"\n",
            "history = [\n",
            "  { date = 2024-12-31, done = 1 },\n",
            "]\n",
        ],
        "c/u: note (en) added, recorded 1 at 2024-12-31",
    );
    assert_eq!(at, line_of(SECTION_HISTORY, "done = 1") + 1);
}
