//! The adversarial corpus in `tests/fixtures/hostile/` (and the big or
//! unreadable files built here in a temporary directory): for each, `check`,
//! `report` in every format and `render` answer with the right exit code and
//! a clear message, in bounded time, and no control character, escape sequence or
//! bidi control from the data reaches standard output or standard error.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const HOSTILE: &str = "tests/fixtures/hostile";

/// A small fixture is answered at once; these bounds only catch a hang or a
/// blow-up (debug build, 2 shared cores, which other builds may load to 4×:
/// a quadratic step at 100 000 items takes hours, not a minute).
const SMALL: Duration = Duration::from_secs(5);
const BIG: Duration = Duration::from_secs(60);

const FORMATS: [&str; 4] = ["md", "json", "csv", "text"];

/// What one run of the binary gave.
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    elapsed: Duration,
}

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    fn stderr(&self) -> String {
        String::from_utf8(self.stderr.clone()).expect("stderr is UTF-8")
    }
}

fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let started = Instant::now();
    let output = crate::binary::assert_command()
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .args(["--as-of", "2024-12-31", "--lang", "en"])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: output.stdout,
        stderr: output.stderr,
        elapsed: started.elapsed(),
    }
}

/// Characters that must never come out: C0 controls but line feed and tab
/// (and the carriage return of a CSV record's CRLF), DEL, C1 controls, and
/// the bidi controls that reorder what a reader sees.
fn forbidden(c: char, next: Option<char>) -> bool {
    match c {
        '\n' | '\t' => false,
        '\r' => next != Some('\n'),
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        '\u{200E}' | '\u{200F}' | '\u{061C}' => true,
        _ => false,
    }
}

/// Asserts `bytes` hold text with no forbidden character, and says where
/// the first one is when there is one.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => panic!("{what}: not UTF-8: {err}"),
    };
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|(_, c)| *c);
        if forbidden(c, next) {
            let context: String = text[at..].chars().take(40).collect();
            panic!(
                "{what}: raw {c:?} (U+{:04X}) at byte {at}, before {context:?}",
                c as u32
            );
        }
    }
}

fn assert_run_clean(what: &str, run: &Run, limit: Duration) {
    assert_clean(&format!("{what}: stdout"), &run.stdout);
    assert_clean(&format!("{what}: stderr"), &run.stderr);
    assert!(
        run.elapsed < limit,
        "{what}: took {:?} (limit {limit:?})",
        run.elapsed
    );
}

/// Every string in a JSON document, keys included.
fn json_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                out.push(key.clone());
                json_strings(v, out);
            }
        }
        _ => {}
    }
}

/// The report formats read back: JSON and CSV parse, and what they decode
/// to is clean as well (an escaped `\u001b` in JSON would decode to ESC).
/// Gives the JSON document, for a test to look further into.
fn assert_report_readable(what: &str, format: &str, stdout: &[u8]) -> Option<serde_json::Value> {
    match format {
        "json" => {
            let value: serde_json::Value = serde_json::from_slice(stdout)
                .unwrap_or_else(|err| panic!("{what}: JSON does not parse: {err}"));
            let mut strings = Vec::new();
            json_strings(&value, &mut strings);
            for s in strings {
                assert_clean(&format!("{what}: decoded JSON string"), s.as_bytes());
            }
            return Some(value);
        }
        "csv" => {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(stdout);
            for record in reader.records() {
                let record = record.unwrap_or_else(|err| panic!("{what}: CSV: {err}"));
                for field in &record {
                    assert_clean(&format!("{what}: decoded CSV field"), field.as_bytes());
                }
            }
        }
        _ => {}
    }
    None
}

/// What a fixture should give.
enum Expect {
    /// `check` exits 0; the text report shows each of these (the data made
    /// safe, not dropped).
    Valid { shows: &'static [&'static str] },
    /// `check` exits 1 naming `file:line:col` and saying this; reports refuse.
    Invalid {
        at: (usize, usize),
        says: &'static str,
    },
    /// Not read at all: exit 2 with this message.
    CouldNotRun { says: &'static str },
}

/// What `assert_fixture` ran, for a test to look further into without
/// running the binary again on a big file.
struct Runs {
    check: Run,
    /// The JSON report as read back, for a valid plan.
    json: Option<serde_json::Value>,
}

/// Runs `check`, `report` in every format and `render` on `path` and
/// asserts `expect`.
fn assert_fixture(path: &Path, expect: &Expect, limit: Duration) -> Runs {
    let shown = path.display().to_string();
    let check = run([OsStr::new("check"), path.as_os_str()]);
    assert_run_clean(&format!("check {shown}"), &check, limit);
    match expect {
        Expect::Valid { .. } => {
            assert_eq!(check.code, 0, "check {shown}: {}", check.stderr());
            assert!(
                check.stdout().starts_with(&format!("{shown}: valid: ")),
                "{}",
                check.stdout()
            );
        }
        Expect::Invalid {
            at: (line, column),
            says,
        } => {
            assert_eq!(check.code, 1, "check {shown}: {}", check.stderr());
            let stderr = check.stderr();
            assert!(
                stderr.contains(&format!("--> {shown}:{line}:{column}")),
                "check {shown}: expected {line}:{column}:\n{stderr}"
            );
            assert!(stderr.contains(says), "check {shown}: {says:?}:\n{stderr}");
            assert!(
                check.stdout().starts_with(&format!("{shown}: "))
                    && check.stdout().contains("error"),
                "{}",
                check.stdout()
            );
        }
        Expect::CouldNotRun { says } => {
            assert_eq!(check.code, 2, "check {shown}: {}", check.stderr());
            assert!(check.stdout.is_empty(), "{}", check.stdout());
            let stderr = check.stderr();
            assert!(stderr.starts_with("campaigns: "), "{stderr}");
            assert!(stderr.contains(says), "check {shown}: {says:?}:\n{stderr}");
        }
    }
    let mut json = None;
    for format in FORMATS {
        let what = format!("report --format {format} {shown}");
        let report = run([
            OsStr::new("report"),
            path.as_os_str(),
            OsStr::new("--format"),
            OsStr::new(format),
        ]);
        assert_run_clean(&what, &report, limit);
        match expect {
            Expect::Valid { shows } => {
                assert_eq!(report.code, 0, "{what}: {}", report.stderr());
                if let Some(value) = assert_report_readable(&what, format, &report.stdout) {
                    json = Some(value);
                }
                if format == "text" {
                    let stdout = report.stdout();
                    for piece in *shows {
                        let head: String = stdout.chars().take(2000).collect();
                        assert!(stdout.contains(piece), "{what}: {piece:?} in\n{head}");
                    }
                }
            }
            Expect::Invalid { .. } => {
                assert_eq!(report.code, 1, "{what}: {}", report.stderr());
                assert!(report.stdout.is_empty(), "{what}: {}", report.stdout());
                assert!(
                    report.stderr().contains("no report written"),
                    "{what}: {}",
                    report.stderr()
                );
            }
            Expect::CouldNotRun { says } => {
                assert_eq!(report.code, 2, "{what}: {}", report.stderr());
                assert!(report.stdout.is_empty(), "{what}: {}", report.stdout());
                assert!(
                    report.stderr().contains(says),
                    "{what}: {}",
                    report.stderr()
                );
            }
        }
    }
    let runs = Runs { check, json };
    assert_render(path, expect, &runs, limit);
    runs
}

/// The first campaign's id, for `render --view`, from the JSON report
/// (parsing a big file in-process again would cost as much as a run).
fn first_campaign(runs: &Runs) -> String {
    let report = runs.json.as_ref().expect("a JSON report of a valid plan");
    report["campaigns"][0]["id"].as_str().unwrap().to_owned()
}

/// `render` at 120×40: the overview, and (for a valid plan) the first
/// campaign's view, as plain text.
fn assert_render(path: &Path, expect: &Expect, runs: &Runs, limit: Duration) {
    let shown = path.display().to_string();
    let mut views = vec!["overview".to_owned()];
    if let Expect::Valid { .. } = expect {
        views.push(first_campaign(runs));
    }
    for view in views {
        let what = format!("render --view {view} {shown}");
        let render = run([
            OsStr::new("render"),
            path.as_os_str(),
            OsStr::new("--size"),
            OsStr::new("120x40"),
            OsStr::new("--view"),
            OsStr::new(&view),
        ]);
        assert_run_clean(&what, &render, limit);
        match expect {
            Expect::Valid { .. } => {
                assert_eq!(render.code, 0, "{what}: {}", render.stderr());
                let stdout = render.stdout();
                assert_eq!(stdout.lines().count(), 40, "{what}:\n{stdout}");
                for line in stdout.lines() {
                    let width = campaigns::text::width(line);
                    assert!(width <= 120, "{what}: a line {width} wide:\n{line}");
                }
            }
            Expect::Invalid { says, .. } => {
                assert_eq!(render.code, 1, "{what}: {}", render.stderr());
                assert!(
                    render.stderr().contains(says),
                    "{what}: {}",
                    render.stderr()
                );
            }
            Expect::CouldNotRun { says } => {
                assert_eq!(render.code, 2, "{what}: {}", render.stderr());
                assert!(
                    render.stderr().contains(says),
                    "{what}: {}",
                    render.stderr()
                );
            }
        }
    }
}

/// Each committed fixture and what it should give.
const CORPUS: &[(&str, Expect)] = &[
    // CSI, OSC 0 (title), OSC 52 (clipboard), DCS, BEL, DEL and C1 as TOML
    // escapes: valid, shown without the control characters.
    (
        "escapes.toml",
        Expect::Valid {
            shows: &[
                "[2J[31mTitle]0;pwned",
                "]52;c;cm0gLXJmIH4K\\Water",
                "task31m0;x",
            ],
        },
    ),
    // Raw ESC and BEL in a comment: TOML forbids them; the diagnostic line
    // shows a replacement character instead.
    (
        "raw-controls.toml",
        Expect::Invalid {
            at: (2, 31),
            says: "a raw escape \u{FFFD}[2J and bell \u{FFFD}",
        },
    ),
    (
        "raw-del.toml",
        Expect::Invalid {
            at: (2, 18),
            says: "raw DEL \u{FFFD} here",
        },
    ),
    // Raw C1 controls are legal TOML in strings.
    (
        "c1-raw.toml",
        Expect::Valid {
            shows: &["C1  title", "2J campaign 0;t", "tasknext"],
        },
    ),
    (
        "bidi.toml",
        Expect::Valid {
            shows: &["evil title", "Clear Water", "txt.exe"],
        },
    ),
    (
        "bidi-error.toml",
        Expect::Invalid {
            at: (3, 1),
            says: "\u{FFFD}elti\u{FFFD} = \"y\" # \u{FFFD}hidden\u{FFFD}",
        },
    ),
    // Zero-width and combining characters are not controls: kept.
    (
        "zero-width-combining.toml",
        Expect::Valid {
            shows: &["zero\u{200B}width", "cafe\u{301}", "algo"],
        },
    ),
    (
        "wide.toml",
        Expect::Valid {
            shows: &[
                "👨‍👩‍👧‍👦 🇨🇳",
                "Ｆｕｌｌｗｉｄｔｈ Ｂｌｕｅ Ｓｋｙ",
                "𠀀𠀁𠀂 长江入河排污口整治",
            ],
        },
    ),
    (
        "nul-escaped.toml",
        Expect::Valid {
            shows: &["title\n", "campaign:", "  - task: 3 of 10 u done"],
        },
    ),
    // The parser's error (line 4) is reported before the string's (line 2),
    // as `toml` orders them.
    (
        "nul-raw.toml",
        Expect::Invalid {
            at: (4, 4),
            says: "4 | \u{FFFD}\u{FFFD}\u{FFFD}",
        },
    ),
    (
        "bom.toml",
        Expect::Valid {
            shows: &["BOM and CRLF\n", "Task: 3 of 10"],
        },
    ),
    (
        "crlf.toml",
        Expect::Valid {
            shows: &["BOM and CRLF\n", "Task: 3 of 10"],
        },
    ),
    (
        "bom-crlf-error.toml",
        Expect::Invalid {
            at: (27, 8),
            says: "`done` must not be negative",
        },
    ),
    (
        "lone-cr.toml",
        Expect::Invalid {
            at: (2, 11),
            says: "title = \"a\u{FFFD}b\"",
        },
    ),
    // 10 000 levels: the TOML parser stops at its recursion limit.
    (
        "deep-inline-tables.toml",
        Expect::Invalid {
            at: (3, 485),
            says: "max recursion depth met",
        },
    ),
    (
        "deep-arrays.toml",
        Expect::Invalid {
            at: (3, 85),
            says: "max recursion depth met",
        },
    ),
    (
        "deep-dotted-keys.toml",
        Expect::Invalid {
            at: (1, 1),
            says: "TOML syntax: recursion limit",
        },
    ),
    (
        "deep-table-header.toml",
        Expect::Invalid {
            at: (1, 1),
            says: "TOML syntax: recursion limit",
        },
    ),
    // Hostile text in the places that are quoted back in messages.
    (
        "hostile-key.toml",
        Expect::Invalid {
            at: (3, 1),
            says: "unknown key `ti\u{FFFD}]0;pwned\u{FFFD}tle` in [meta]",
        },
    ),
    (
        "hostile-id.toml",
        Expect::Invalid {
            at: (5, 6),
            says: "id `\u{FFFD}[2J\u{FFFD}evil` is not made of a-z, 0-9 and -",
        },
    ),
    (
        "hostile-value.toml",
        Expect::Invalid {
            at: (7, 9),
            says: "`\u{FFFD}]0;x\u{FFFD}II` is not a water class",
        },
    ),
    (
        "not-utf8.toml",
        Expect::CouldNotRun {
            says: "not-utf8.toml:2:11: the file is not valid UTF-8",
        },
    ),
    (
        "extreme-numbers.toml",
        Expect::Invalid {
            at: (33, 8),
            says: "`done` must be a finite number",
        },
    ),
];

fn corpus(name: &str) -> &'static Expect {
    &CORPUS
        .iter()
        .find(|(file, _)| *file == name)
        .unwrap_or_else(|| panic!("{name} is not in CORPUS"))
        .1
}

fn fixture(name: &str) {
    assert_fixture(&Path::new(HOSTILE).join(name), corpus(name), SMALL);
}

#[test]
fn every_fixture_in_the_corpus_is_tested() {
    let on_disk: BTreeSet<String> = fs::read_dir(HOSTILE)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    let listed: BTreeSet<String> = CORPUS.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(on_disk, listed);
}

macro_rules! fixture_tests {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                fixture($file);
            }
        )*
    };
}

fixture_tests! {
    escapes => "escapes.toml",
    raw_controls => "raw-controls.toml",
    raw_del => "raw-del.toml",
    c1_raw => "c1-raw.toml",
    bidi => "bidi.toml",
    bidi_error => "bidi-error.toml",
    zero_width_combining => "zero-width-combining.toml",
    wide => "wide.toml",
    nul_escaped => "nul-escaped.toml",
    nul_raw => "nul-raw.toml",
    bom => "bom.toml",
    crlf => "crlf.toml",
    bom_crlf_error => "bom-crlf-error.toml",
    lone_cr => "lone-cr.toml",
    deep_inline_tables => "deep-inline-tables.toml",
    deep_arrays => "deep-arrays.toml",
    deep_dotted_keys => "deep-dotted-keys.toml",
    deep_table_header => "deep-table-header.toml",
    hostile_key => "hostile-key.toml",
    hostile_id => "hostile-id.toml",
    hostile_value => "hostile-value.toml",
    not_utf8 => "not-utf8.toml",
    extreme_numbers => "extreme-numbers.toml",
}

/// Nesting just under the TOML parser's recursion limit (80 levels here)
/// in places the plan reader looks into.
fn nested_just_under_the_limit() -> Vec<String> {
    let depth = 80;
    let array = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    let table = format!("{}1{}", "{ a = ".repeat(depth), " }".repeat(depth));
    let plan = |title: &str, history: &str| {
        format!(
            "[meta]\ntitle = {title}\n\n[[campaign]]\nid = \"c\"\nname = \"n\"\n\n\
             [[campaign.task]]\nid = \"t\"\nname = \"t\"\ndone = 1\nhistory = {history}\n"
        )
    };
    vec![
        plan(&table, "[]"),
        plan("\"x\"", &array),
        plan("\"x\"", &format!("[{table}]")),
        format!("[meta]\ntitle = \"x\"\nx = {array}\n"),
    ]
}

/// The parser's recursion limit holds on a thread with a small stack too
/// (1 MB, half a spawned thread's default): 10 000 levels never overflow,
/// and nesting just under the limit is answered with an error, not a crash.
/// (In a debug build 256 KB is not enough for the parser's 80 levels.)
#[test]
fn deep_nesting_does_not_overflow_a_small_stack() {
    let names = [
        "deep-inline-tables.toml",
        "deep-arrays.toml",
        "deep-dotted-keys.toml",
        "deep-table-header.toml",
    ];
    let mut sources: Vec<String> = names
        .iter()
        .map(|name| fs::read_to_string(Path::new(HOSTILE).join(name)).unwrap())
        .collect();
    sources.extend(nested_just_under_the_limit());
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            for source in &sources {
                let loaded = campaigns::load::parse(source, options());
                assert!(loaded.plan.is_none(), "{}", &source[..60]);
                assert!(loaded.errors().count() >= 1, "{}", &source[..60]);
                for diagnostic in &loaded.diagnostics {
                    diagnostic.render(source, "deep.toml", false, campaigns::model::Lang::En);
                }
            }
        })
        .unwrap();
    handle.join().expect("parsing deep nesting panicked");
}

/// `set` on deep nesting refuses (exit 1) and leaves the bytes alone.
#[test]
fn set_refuses_deep_nesting() {
    for (i, source) in nested_just_under_the_limit().iter().enumerate() {
        let (_dir, path) = temp_plan("deep.toml", source);
        let set = run([
            OsStr::new("set"),
            path.as_os_str(),
            OsStr::new("c/t"),
            OsStr::new("--add"),
            OsStr::new("1"),
        ]);
        assert_run_clean(&format!("set on nested case {i}"), &set, SMALL);
        assert_eq!(set.code, 1, "case {i}: {}", set.stderr());
        assert!(
            set.stderr().contains("the file has errors"),
            "{}",
            set.stderr()
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), *source);
    }
}

fn options() -> campaigns::load::Options {
    campaigns::load::Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    }
}

// ---------------------------------------------------------------------------
// Big files, generated into a temporary directory.

fn temp_plan(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    (dir, path)
}

const ONE_MB: usize = 1 << 20;

/// A 1 MB task name, a 1 MB campaign name and a 1 MB note made of 100 000
/// escape sequences.
#[test]
fn one_megabyte_strings() {
    let big = "潜".repeat(ONE_MB / 3);
    let escapes = "\\u001b[2J".repeat(ONE_MB / 10);
    let text = format!(
        "[meta]\ntitle = \"big\"\n\n[[campaign]]\nid = \"c\"\nname = \"{big}\"\n\n\
         [[campaign.task]]\nid = \"t\"\nname = \"x{big}\"\ndone = 1\ntotal = 2\nnote = \"{escapes}\"\n"
    );
    let (_dir, path) = temp_plan("big-strings.toml", &text);
    let runs = assert_fixture(&path, &Expect::Valid { shows: &["1 of 2"] }, BIG);
    let report = runs.json.as_ref().unwrap();
    let name = report["campaigns"][0]["tasks"][0]["name"].as_str().unwrap();
    // Kept whole in a report: cutting is for the screen.
    assert_eq!(name.chars().count(), ONE_MB / 3 + 1);
}

/// A syntax error at the end of a 1 MB line: the diagnostic shows a window
/// of the line, not a megabyte of it.
#[test]
fn a_syntax_error_on_a_one_megabyte_line() {
    let text = format!(
        "[meta]\ntitle = \"{}\" x\n",
        "\\u001b]0;".repeat(ONE_MB / 10)
    );
    let (_dir, path) = temp_plan("big-line.toml", &text);
    let column = text.lines().nth(1).unwrap().find(" x").unwrap() + 2;
    let runs = assert_fixture(
        &path,
        &Expect::Invalid {
            at: (2, column),
            says: "TOML syntax",
        },
        BIG,
    );
    let stderr = &runs.check.stderr;
    assert!(stderr.len() < 4096, "{} bytes", stderr.len());
}

/// 100 000 campaigns of one task each (an 11 MB file).
#[test]
fn one_hundred_thousand_campaigns() {
    let mut text = String::from("[meta]\ntitle = \"many\"\nas_of = 2024-12-31\n");
    for i in 0..100_000 {
        let _ = write!(
            text,
            "\n[[campaign]]\nid = \"c{i}\"\nname = \"Campaign \\u001b[{i}m{i}\"\n\n\
             [[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = {}\ntotal = 6\n",
            i % 7
        );
    }
    let (_dir, path) = temp_plan("many.toml", &text);
    let runs = assert_fixture(
        &path,
        &Expect::Valid {
            shows: &["Campaign [99999m99999: in-progress (1 measured task); progress 66%"],
        },
        BIG,
    );
    let check = &runs.check;
    assert!(
        check
            .stdout()
            .contains("valid: 100000 campaigns, 100000 tasks, 0 indicators"),
        "{}",
        check.stdout()
    );
}

/// 100 000 campaigns with nothing in them: 100 000 warnings, of which only
/// the first 50 are printed.
#[test]
fn one_hundred_thousand_warnings() {
    let mut text = String::from("[meta]\ntitle = \"many\"\nas_of = 2024-12-31\n");
    for i in 0..100_000 {
        let _ = write!(text, "\n[[campaign]]\nid = \"c{i}\"\nname = \"C{i}\"\n");
    }
    let (_dir, path) = temp_plan("empty-campaigns.toml", &text);
    let check = run([OsStr::new("check"), path.as_os_str()]);
    assert_run_clean("check 100 000 empty campaigns", &check, BIG);
    assert_eq!(check.code, 0);
    assert!(
        check.stdout().contains("100000 warnings"),
        "{}",
        check.stdout()
    );
    let stderr = check.stderr();
    assert_eq!(stderr.matches("warning: ").count(), 50, "{stderr}");
    assert!(stderr.contains("... and 99950 more warnings"), "{stderr}");
}

// ---------------------------------------------------------------------------
// Files that are not plain readable files.

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    fs::create_dir(&path).unwrap();
    assert_fixture(
        &path,
        &Expect::CouldNotRun {
            says: "is a directory, not a file",
        },
        SMALL,
    );
}

/// Opening a FIFO for reading would block until a writer comes: it is
/// refused before it is opened.
#[test]
fn a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    let c_path = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    assert_fixture(
        &path,
        &Expect::CouldNotRun {
            says: "not a regular file",
        },
        SMALL,
    );
}

/// A device is not a plan either (and /dev/zero would never end).
#[test]
fn a_device() {
    assert_fixture(
        Path::new("/dev/zero"),
        &Expect::CouldNotRun {
            says: "/dev/zero: not a regular file",
        },
        SMALL,
    );
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn no_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = temp_plan(
        "campaigns.toml",
        "[meta]\ntitle = \"secret\"\n\n[[campaign]]\nid = \"c\"\nname = \"C\"\n\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = 1\n",
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if is_root() {
        // Root reads a mode-000 file: the file is simply read.
        eprintln!("note: running as root, so a mode-000 file is readable: checking that instead");
        assert_fixture(&path, &Expect::Valid { shows: &["secret"] }, SMALL);
    } else {
        assert_fixture(
            &path,
            &Expect::CouldNotRun {
                says: "permission denied",
            },
            SMALL,
        );
    }
}

/// A file name with escape sequences in it (a file from a hostile archive):
/// every message that names the file shows it made safe.
#[test]
fn hostile_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone\u{1b}]0;pwned\u{7}.toml");
    assert_fixture(
        &missing,
        &Expect::CouldNotRun {
            says: "gone\u{FFFD}]0;pwned\u{FFFD}.toml: no such file",
        },
        SMALL,
    );
    let directory = dir.path().join("dir\u{1b}[2J\u{202E}");
    fs::create_dir(&directory).unwrap();
    assert_fixture(
        &directory,
        &Expect::CouldNotRun {
            says: "dir\u{FFFD}[2J\u{FFFD}: is a directory",
        },
        SMALL,
    );
    let invalid = dir.path().join("bad\u{9b}31m.toml");
    fs::write(&invalid, "[meta]\ntitle = \"x\"\ntitel = 1\n").unwrap();
    let check = run([OsStr::new("check"), invalid.as_os_str()]);
    assert_run_clean("check a hostile file name", &check, SMALL);
    assert_eq!(check.code, 1);
    assert!(
        check.stderr().contains("bad\u{FFFD}31m.toml:3:1"),
        "{}",
        check.stderr()
    );
    // `set` names the file in its refusals too.
    let set = run([
        OsStr::new("set"),
        missing.as_os_str(),
        OsStr::new("c/t"),
        OsStr::new("--add"),
        OsStr::new("1"),
    ]);
    assert_run_clean("set on a hostile file name", &set, SMALL);
    assert_eq!(set.code, 2);
    assert!(set.stderr().contains("no such file"), "{}", set.stderr());
    // And `report --output` when it cannot write there.
    let output = dir.path().join("no-such-dir\u{1b}[2J").join("out.md");
    let report = run([
        OsStr::new("report"),
        Path::new(HOSTILE).join("bom.toml").as_os_str(),
        OsStr::new("--output"),
        output.as_os_str(),
    ]);
    assert_run_clean("report --output to a hostile path", &report, SMALL);
    assert_eq!(report.code, 2);
}

/// `set` on every fixture, with a hostile note: a valid plan is updated
/// and still valid, a file with errors is refused (exit 1) and one that
/// cannot be read could not run (exit 2), both with the bytes untouched.
#[test]
fn set_on_every_fixture() {
    let note = "\u{1b}]52;c;cm0gLXJm\u{7}\u{202E}note\u{9b}";
    for (name, expect) in CORPUS {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("campaigns.toml");
        fs::copy(Path::new(HOSTILE).join(name), &path).unwrap();
        let before = fs::read(&path).unwrap();
        let set = run([
            OsStr::new("set"),
            path.as_os_str(),
            OsStr::new("c/t"),
            OsStr::new("--add"),
            OsStr::new("1"),
            OsStr::new("--note"),
            OsStr::new(note),
            OsStr::new("--record"),
        ]);
        assert_run_clean(&format!("set {name}"), &set, SMALL);
        match expect {
            Expect::Valid { .. } => {
                assert_eq!(set.code, 0, "{name}: {}", set.stderr());
                assert!(
                    set.stdout().starts_with("c/t: done 3 → 4"),
                    "{}",
                    set.stdout()
                );
                let after = fs::read_to_string(&path).unwrap();
                let plan = campaigns::load::parse(&after, options())
                    .plan
                    .unwrap_or_else(|| panic!("{name}: invalid after set:\n{after}"));
                let task = &plan.campaigns[0].tasks[0];
                assert_eq!(task.done, 4.0, "{name}");
                let shown = task.note.as_ref().unwrap().get(campaigns::model::Lang::En);
                assert_eq!(shown, "]52;c;cm0gLXJmnote", "{name}");
            }
            Expect::Invalid { .. } => {
                assert_eq!(set.code, 1, "{name}: {}", set.stderr());
                assert!(
                    set.stderr().contains("the file has errors"),
                    "{}",
                    set.stderr()
                );
                assert_eq!(fs::read(&path).unwrap(), before, "{name}");
            }
            Expect::CouldNotRun { .. } => {
                assert_eq!(set.code, 2, "{name}: {}", set.stderr());
                assert_eq!(fs::read(&path).unwrap(), before, "{name}");
            }
        }
    }
}
