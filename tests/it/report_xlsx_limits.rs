//! The ledger at Excel's and the system's limits: campaign names measured
//! as Excel measures them (UTF-16 units: an emoji or a CJK Extension B
//! character is two), so such a name no longer refuses the whole workbook;
//! 1 100 campaigns under the usual 1 024 open files (each streamed sheet
//! held a temporary file open, and the ledger failed with "Too many open
//! files"); a running head too long for Excel cut to fit, with no library
//! warning on stderr and a header on every printed page.

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::{Command, Output};

use calamine::{Reader, Xlsx};

/// Sixty characters: with a long title, more than Excel keeps in a header.
const ORGANISATION: &str = "湖北省潜江市生态环境局污染防治攻坚战指挥部办公室督办组联络处湖北省潜江市生态环境局污染防治攻坚战指挥部办公室督办组三科室";

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

fn plan_with(title: &str, names: &[String]) -> String {
    let mut text = format!(
        "[meta]\ntitle = \"{title}\"\norganisation = \"{ORGANISATION}\"\nas_of = 2024-12-31\n"
    );
    for (n, name) in names.iter().enumerate() {
        text.push_str(&format!(
            "\n[[campaign]]\nid = \"c{n}\"\nname = \"{name}\"\n\n\
             [[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\ntotal = 2\n"
        ));
    }
    text
}

/// The ledger of `plan` on stdout, run through `sh` with `limits` first.
fn ledger(dir: &Path, plan: &str, limits: &str) -> Output {
    let path = dir.join("campaigns.toml");
    std::fs::write(&path, plan).unwrap();
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{limits}; exec \"$0\" report \"$1\" --format xlsx --lang en"
        ))
        .arg(crate::binary::path())
        .arg(&path)
        .env("XDG_CONFIG_HOME", crate::binary::no_config_home())
        .output()
        .unwrap()
}

fn sheet_names(output: &Output) -> Vec<String> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let book = Xlsx::new(Cursor::new(output.stdout.clone())).unwrap();
    book.sheet_names()
}

#[test]
fn names_of_emoji_and_cjk_extension_b_are_cut_by_excels_measure() {
    let names = vec![
        "🌳".repeat(20),
        format!("{}江镇攻坚", "𠀀".repeat(16)),
        format!("{}河镇攻坚", "𠀀".repeat(16)),
        "蓝天保卫战🌤️".to_owned(),
    ];
    let dir = tempfile::tempdir().unwrap();
    let sheets = sheet_names(&ledger(dir.path(), &plan_with("t", &names), "true"));
    assert_eq!(sheets.len(), 2 + names.len(), "{sheets:?}");
    let campaigns = &sheets[2..];
    assert_eq!(campaigns[0], "🌳".repeat(15));
    assert_eq!(campaigns[1], "𠀀".repeat(15));
    assert_eq!(campaigns[2], format!("{} (2)", "𠀀".repeat(13)));
    assert_eq!(campaigns[3], "蓝天保卫战🌤️");
    let mut lower: Vec<String> = sheets.iter().map(|s| s.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), sheets.len(), "unique: {sheets:?}");
    for name in &sheets {
        assert!(units(name) <= 31, "{name}: {} units", units(name));
    }
}

/// 1 100 campaigns, one sheet each, under `ulimit -n 1024`.
#[test]
fn eleven_hundred_campaigns_under_1024_open_files() {
    let names: Vec<String> = (0..1100).map(|n| format!("Campaign {n}")).collect();
    let dir = tempfile::tempdir().unwrap();
    let sheets = sheet_names(&ledger(
        dir.path(),
        &plan_with("t", &names),
        "ulimit -n 1024",
    ));
    assert_eq!(sheets.len(), 1102);
    assert_eq!(sheets[1101], "Campaign 1099");
}

/// A title of emoji and ampersands and a long organisation: the header is
/// cut to Excel's 255 units (the library refused it with a warning per
/// sheet on stderr, and the pages printed with no header).
#[test]
fn an_over_long_running_head_is_cut_and_printed() {
    let title = format!("{}{}", "🌳".repeat(100), "&".repeat(50));
    let names = vec!["One".to_owned(), "Two".to_owned()];
    let dir = tempfile::tempdir().unwrap();
    let output = ledger(dir.path(), &plan_with(&title, &names), "true");
    assert_eq!(sheet_names(&output).len(), 4);
    let mut zip = zip::ZipArchive::new(Cursor::new(output.stdout)).unwrap();
    for n in 1..=4 {
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        let start = xml.find("<oddHeader>").expect("a running head") + "<oddHeader>".len();
        let head = &xml[start..start + xml[start..].find("</oddHeader>").unwrap()];
        let head = head.replace("&amp;", "&");
        assert!(units(&head) <= 255, "{} units: {head}", units(&head));
        assert!(
            head.starts_with(&format!("&L{}", "🌳".repeat(50))),
            "{head}"
        );
        assert!(
            head.ends_with(&format!("…&R{ORGANISATION} · Reporting date: 2024-12-31")),
            "{head}"
        );
    }
}
