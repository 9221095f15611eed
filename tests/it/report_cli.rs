//! `campaigns report`, `schema` and `completions` as a script runs them:
//! exit codes, stdout and stderr, files, pipes and hostile text.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use assert_cmd::Command;

const ALL: &str = "tests/fixtures/report/all-statuses.toml";
const HOSTILE: &str = "tests/fixtures/report/hostile.toml";

fn campaigns() -> Command {
    let mut command = crate::binary::assert_command();
    command
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    command
}

#[test]
fn unknown_campaign_exits_1_with_a_suggestion() {
    let output = campaigns()
        .args(["report", ALL, "--campaign", "air", "--campaign", "watr"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("no campaign `watr`"), "{stderr}");
    assert!(stderr.contains("did you mean `water`?"), "{stderr}");
}

#[test]
fn a_file_with_errors_gets_its_diagnostics_and_exit_1() {
    for format in ["md", "json", "csv", "text"] {
        let output = campaigns()
            .args([
                "report",
                "tests/fixtures/report/invalid.toml",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(output.stdout.is_empty(), "{format}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("unknown key `totl`"), "{stderr}");
        assert!(stderr.contains("invalid.toml:13:1"), "{stderr}");
        assert!(stderr.contains("did you mean `total`?"), "{stderr}");
    }
}

#[test]
fn an_unreadable_file_exits_2() {
    let output = campaigns()
        .args(["report", "tests/fixtures/report/no-such-file.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("no such file"), "{stderr}");
}

#[test]
fn output_writes_the_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulletin.md");
    let output = campaigns()
        .args([
            "report",
            ALL,
            "--lang",
            "en",
            "--as-of",
            "2024-12-31",
            "--output",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    let stdout = campaigns()
        .args(["report", ALL, "--lang", "en", "--as-of", "2024-12-31"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(written.as_bytes(), stdout.as_slice());
    assert!(written.starts_with("# Every status\n"));
}

#[test]
fn output_into_a_missing_directory_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("out.csv");
    let output = campaigns()
        .args(["report", ALL, "--format", "csv", "--output"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn language_comes_from_the_locale_when_not_given() {
    let output = campaigns()
        .env("LANG", "zh_CN.UTF-8")
        .args(["report", ALL, "--format", "text", "--as-of", "2024-12-31"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("全状态示例\n"), "{text}");
    assert!(
        text.contains("113个长江入河排污口整治已完成110个"),
        "{text}"
    );
    let output = campaigns()
        .env("LANG", "en_GB.UTF-8")
        .args(["report", ALL, "--format", "text", "--as-of", "2024-12-31"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Yangtze outfall rectification: 110 of 113 outfalls done (97%), overdue"),
        "{text}"
    );
}

/// A plan large enough that its report overflows a pipe's buffer.
fn large_plan(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::from(
        "[meta]\ntitle = \"Large\"\n\n[[campaign]]\nid = \"c\"\nname = \"C\"\nstart = 2024-01-01\nend = 2024-12-31\n",
    );
    for i in 0..3000 {
        text.push_str(&format!(
            "\n[[campaign.task]]\nid = \"task-{i}\"\nname = \"Task number {i} with a longish name\"\ndone = {}\ntotal = 100\n",
            i % 101
        ));
    }
    let path = dir.join("large.toml");
    std::fs::File::create(&path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .unwrap();
    path
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    let plan = large_plan(dir.path());
    for format in ["md", "json", "csv", "text"] {
        let mut child = crate::binary::command()
            .args([
                "report",
                "--format",
                format,
                "--as-of",
                "2024-06-30",
                "--lang",
                "en",
            ])
            .arg(&plan)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, as `| head -1` does, then close the pipe.
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}");
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{format}: {:?}", output.status);
        assert!(
            output.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn no_control_byte_from_the_data_reaches_any_format() {
    for format in ["md", "json", "csv", "text"] {
        for lang in ["en", "zh"] {
            let output = campaigns()
                .args(["report", HOSTILE, "--format", format, "--lang", lang])
                .args(["--as-of", "2024-12-31"])
                .output()
                .unwrap();
            assert!(output.status.success());
            let text = String::from_utf8(output.stdout).unwrap();
            let bytes = text.as_bytes();
            for (i, &byte) in bytes.iter().enumerate() {
                let allowed = byte == b'\n'
                    // CSV rows end in CRLF (RFC 4180).
                    || (format == "csv" && byte == b'\r' && bytes.get(i + 1) == Some(&b'\n'));
                assert!(
                    !(byte < 0x20 || byte == 0x7f) || allowed,
                    "{format} {lang}: byte {byte:#04x} at {i}"
                );
            }
            for bidi in ['\u{202E}', '\u{202C}', '\u{2066}', '\u{200F}'] {
                assert!(!text.contains(bidi), "{format} {lang}");
            }
            assert!(!text.contains("\u{9b}"), "{format} {lang}: C1 CSI");
        }
    }
}

#[test]
fn markdown_cells_cannot_break_the_table() {
    let output = campaigns()
        .args(["report", HOSTILE, "--format", "md", "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    // Every table row has its header's number of unescaped pipes.
    let pipes = |line: &str| {
        let bytes = line.as_bytes();
        (0..bytes.len())
            .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
            .count()
    };
    let mut tables: Vec<Vec<&str>> = Vec::new();
    let mut in_table = false;
    for line in text.lines() {
        match (line.starts_with("| "), in_table) {
            (true, true) => tables.last_mut().unwrap().push(line),
            (true, false) => tables.push(vec![line]),
            _ => {}
        }
        in_table = line.starts_with("| ");
    }
    // Tasks with a total, indicators, plain figures: header, rule, rows.
    let sizes: Vec<usize> = tables.iter().map(Vec::len).collect();
    assert_eq!(sizes, [2 + 5, 2 + 1, 2 + 1], "{text}");
    for table in &tables {
        let header = pipes(table[0]);
        for row in table {
            assert_eq!(pipes(row), header, "{row}\n{text}");
        }
    }
    assert!(
        text.contains("say \"hello\", then \\| pipe \\* star"),
        "{text}"
    );
    assert!(text.contains("| line one line two line three |"), "{text}");
}

#[test]
fn schema_is_json_schema_2020_12() {
    let output = campaigns().arg("schema").output().unwrap();
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = campaigns().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(script.contains("campaigns"), "{shell}");
        assert!(script.contains("report"), "{shell}");
    }
    let output = campaigns().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn ascii_mode_keeps_symbols_and_comparisons_ascii() {
    let output = campaigns()
        .args([
            "report",
            ALL,
            "--lang",
            "en",
            "--as-of",
            "2024-12-31",
            "--ascii",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    for symbol in ['✔', '✖', '▲', '▼', '●', '○', '◔', '≥', '≤'] {
        assert!(!text.contains(symbol), "{symbol} in {text}");
    }
    assert!(text.contains("| = done |"), "{text}");
    // `<` is escaped like any markdown-active character.
    // And the unit's signs are ASCII too (issue 25).
    assert!(text.contains("| \\<= 35 ug/m3 |"), "{text}");
}

#[test]
fn every_command_help_has_an_example() {
    for command in ["report", "schema", "completions"] {
        let output = campaigns().args([command, "--help"]).output().unwrap();
        assert!(output.status.success());
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(help.contains("Example"), "{command}: {help}");
    }
}

#[test]
fn a_closed_stderr_does_not_panic() {
    // `campaigns report 2>&1 | true`: the reader is gone before anything is
    // written, so the warnings on stderr and the report on stdout both meet
    // a closed pipe. The report still ends quietly with success.
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("warnings.toml");
    std::fs::write(
        &plan,
        "[meta]\ntitle = \"Warnings\"\n\n[[campaign]]\nid = \"empty\"\nname = \"Empty\"\n",
    )
    .unwrap();
    let status_file = dir.path().join("status");
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"(sleep 0.3; "$0" report --format text --lang en "$1"; echo $? > "$2") 2>&1 | true"#)
        .arg(crate::binary::path())
        .env("XDG_CONFIG_HOME", crate::binary::no_config_home())
        .arg(&plan)
        .arg(&status_file)
        .output()
        .unwrap();
    assert!(output.status.success());
    let status = std::fs::read_to_string(&status_file).unwrap();
    assert_eq!(status.trim(), "0");
}
