//! The roll-up's ledger (`campaigns report rollup.toml --format xlsx`)
//! read back with calamine, every cell compared with the JSON report of the
//! same roll-up: the matrix (units × campaigns: status and progress), the
//! combined items with the office's figure, each ranking with the units
//! left out, and who drags with each unit's freshness. `-o` gets a whole
//! workbook or keeps what it held.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use campaigns::model::{Lang, Status};
use serde_json::Value;

use crate::binary::assert_command;
use crate::rollup_fixture::{GROUP_RANKING, HEAD, UnitFigures, folder_of, unit_plan, write_unit};

/// The province's own file, five cities (one of them stale) and one that
/// does not load.
fn province(dir: &std::path::Path) -> std::path::PathBuf {
    let head = format!("{HEAD}{GROUP_RANKING}").replace(
        "stale_after_days = 40\n",
        "stale_after_days = 40\noffice = \"hubei\"\n",
    );
    let manifest = folder_of(
        dir,
        &head,
        &[
            ("hubei", &[], UnitFigures::new(170, 300, 29.0, 305)),
            ("a", &["national"], UnitFigures::new(80, 100, 30.0, 300)),
            ("b", &["national"], UnitFigures::new(20, 50, 28.0, 310)),
            ("c", &[], UnitFigures::new(40, 40, 30.0, 300)),
            ("d", &["national"], UnitFigures::new(10, 10, 35.0, 290)),
            ("old", &[], UnitFigures::new(1, 100, 20.0, 350)),
            ("broken", &[], UnitFigures::new(1, 1, 1.0, 1)),
        ],
    );
    let old = UnitFigures {
        as_of: "2024-06-30",
        ..UnitFigures::new(1, 100, 20.0, 350)
    };
    write_unit(dir, "old", &unit_plan("old", &old, "yangtze-outfalls"));
    write_unit(dir, "broken", "[meta\ntitle = \"x\"\n");
    manifest
}

fn report(manifest: &std::path::Path, lang: &str, format: &str, out: &std::path::Path) {
    assert_command()
        .args(["report", "--format", format, "--lang", lang, "-o"])
        .arg(out)
        .arg(manifest)
        .assert()
        .success();
}

/// Each sheet by name, its header row found by its first header.
fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str, first: &str) -> (Range<Data>, u32) {
    let cells = book.worksheet_range(name).unwrap();
    let header = (0..10)
        .find(|&row| cells.get_value((row, 0)) == Some(&Data::String(first.into())))
        .unwrap_or_else(|| panic!("{name}: no header row"));
    (cells, header)
}

fn cell(cells: &Range<Data>, row: u32, column: u32) -> Data {
    cells
        .get_value((row, column))
        .cloned()
        .unwrap_or(Data::Empty)
}

/// A number cell against a JSON number (or null: an empty cell).
fn same_number(cell: &Data, json: &Value, what: &str) {
    let value = match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::Empty => None,
        other => panic!("{what}: not a number: {other:?}"),
    };
    assert_eq!(value, json.as_f64(), "{what}");
}

/// A percentage cell: the JSON's exact fraction floored to a percent.
fn same_percent(cell: &Data, json: &Value, what: &str) {
    let shown = json.as_f64().map(|f| (f * 100.0 + 1e-9).floor() / 100.0);
    match (cell, shown) {
        (Data::Float(f), Some(shown)) => assert!((f - shown).abs() < 1e-9, "{what}: {f} {shown}"),
        (Data::Empty, None) => {}
        (cell, shown) => panic!("{what}: {cell:?} against {shown:?}"),
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(text) => text.clone(),
        Data::Empty => String::new(),
        other => panic!("not text: {other:?}"),
    }
}

fn check(lang: Lang) {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path());
    let code = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    let (xlsx, json) = (dir.path().join("ledger.xlsx"), dir.path().join("r.json"));
    report(&manifest, code, "xlsx", &xlsx);
    report(&manifest, code, "json", &json);
    let json: Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    let mut book = Xlsx::new(Cursor::new(std::fs::read(xlsx).unwrap())).unwrap();
    let say = |en: &'static str, zh: &'static str| if lang == Lang::En { en } else { zh };
    let names = book.sheet_names();
    let expected = [
        say("Units", "各单位"),
        say("Combined", "汇总"),
        say("Ranking 1 pm25", "排名1 pm25"),
        say("Ranking 2 pm25", "排名2 pm25"),
        say("Drags and freshness", "拖后腿与报送"),
    ];
    assert_eq!(names, expected);

    let units = json["units"].as_array().unwrap();
    let (cells, header) = sheet(&mut book, expected[0], say("Unit", "单位"));
    for (at, unit) in units.iter().enumerate() {
        let row = header + 1 + at as u32;
        assert_eq!(text(&cell(&cells, row, 0)), unit["name"].as_str().unwrap());
        assert_eq!(text(&cell(&cells, row, 1)), unit["id"].as_str().unwrap());
        let as_of = unit["as_of"].as_str().map(|d| {
            let date = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            (date - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
        });
        let date = match cell(&cells, row, 2) {
            Data::DateTime(excel) => Some(excel.as_f64()),
            Data::Empty => None,
            other => panic!("{at}: {other:?} is no date"),
        };
        assert_eq!(date, as_of, "{at}: as_of");
        // The campaigns follow the standing, two columns each, in the
        // order the units first name them: every unit here names both.
        for (k, campaign) in unit["campaigns"].as_array().unwrap().iter().enumerate() {
            let column = 5 + 2 * k as u32;
            let status = campaign["status"].as_str().map_or(String::new(), |word| {
                let status = Status::parse(word).unwrap();
                format!(
                    "{} {}",
                    status.symbol(false),
                    campaigns::i18n::status_word(status, lang)
                )
            });
            assert_eq!(text(&cell(&cells, row, column)), status, "{at}/{k}: status");
            same_percent(
                &cell(&cells, row, column + 1),
                &campaign["progress"],
                "progress",
            );
        }
    }
    let standing = |row: usize| text(&cell(&cells, header + 1 + row as u32, 4));
    assert_eq!(standing(0), say("the office", "本级"));
    assert_eq!(standing(1), say("reported", "已报送"));
    assert_eq!(standing(5), say("not reported", "未报送"));
    assert_eq!(standing(6), say("errors", "有错误"));

    let (cells, header) = sheet(&mut book, expected[1], say("Item", "项目"));
    for (at, combined) in json["combined"].as_array().unwrap().iter().enumerate() {
        let row = header + 1 + at as u32;
        assert_eq!(
            text(&cell(&cells, row, 0)),
            combined["item"].as_str().unwrap()
        );
        assert_eq!(
            text(&cell(&cells, row, 2)),
            combined["how"].as_str().unwrap()
        );
        same_number(&cell(&cells, row, 3), &combined["done"], "done");
        same_number(&cell(&cells, row, 4), &combined["total"], "total");
        same_number(&cell(&cells, row, 6), &combined["office"], "office");
        same_number(&cell(&cells, row, 7), &combined["difference"], "difference");
    }
    same_number(
        &cell(&cells, header + 1, 7),
        &Value::from(20),
        "170 less 150",
    );

    for (k, ranking) in json["rankings"].as_array().unwrap().iter().enumerate() {
        let (cells, header) = sheet(&mut book, expected[2 + k], say("Rank", "名次"));
        let rows = ranking["rows"].as_array().unwrap();
        for (at, row) in rows.iter().enumerate() {
            let r = header + 1 + at as u32;
            same_number(&cell(&cells, r, 0), &row["rank"], "rank");
            assert_eq!(text(&cell(&cells, r, 2)), row["unit"].as_str().unwrap());
            same_number(&cell(&cells, r, 3), &row["figure"], "figure");
            let tied = if row["tied"] == true {
                say("tied", "并列")
            } else {
                ""
            };
            assert_eq!(text(&cell(&cells, r, 4)), tied);
        }
        for (at, left) in ranking["left_out"].as_array().unwrap().iter().enumerate() {
            let r = header + 1 + (rows.len() + at) as u32;
            assert_eq!(cell(&cells, r, 0), Data::Empty);
            assert_eq!(text(&cell(&cells, r, 2)), left["unit"].as_str().unwrap());
            assert!(!text(&cell(&cells, r, 5)).is_empty(), "why {left}");
        }
        let ranked: Vec<String> = (0..rows.len() + ranking["left_out"].as_array().unwrap().len())
            .map(|at| text(&cell(&cells, header + 1 + at as u32, 2)))
            .collect();
        assert!(
            !ranked.contains(&"hubei".to_owned()),
            "the office is no ranked unit"
        );
    }

    let (cells, header) = sheet(&mut book, expected[4], say("Unit", "单位"));
    let drag = &json["drags"][0];
    for (at, unit) in units.iter().enumerate() {
        let row = header + 1 + at as u32;
        let share = drag["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|share| share["unit"] == unit["id"]);
        let (short, part) = share.map_or((Value::Null, Value::Null), |s| {
            (s["shortfall"].clone(), s["share"].clone())
        });
        same_number(&cell(&cells, row, 5), &short, "shortfall");
        same_percent(&cell(&cells, row, 6), &part, "share");
    }
}

#[test]
fn every_cell_of_the_ledger_agrees_with_the_json_en() {
    check(Lang::En);
}

#[test]
fn every_cell_of_the_ledger_agrees_with_the_json_zh() {
    check(Lang::Zh);
}

#[test]
fn the_output_gets_a_whole_workbook_or_keeps_what_it_held() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = province(dir.path());
    let out = dir.path().join("ledger.xlsx");
    std::fs::write(&out, "the old ledger").unwrap();
    // A manifest with an error: no report, the old file as it was.
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[rollup]\ntitle = \"t\"\nstale = 3\n").unwrap();
    assert_command()
        .args(["report", "--format", "xlsx", "-o"])
        .arg(&out)
        .arg(&broken)
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the old ledger");
    report(&manifest, "en", "xlsx", &out);
    let bytes = std::fs::read(&out).unwrap();
    assert!(Xlsx::new(Cursor::new(bytes)).is_ok(), "a workbook");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
