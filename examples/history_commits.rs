//! Prints a `git fast-import` stream of N commits of a plan, each a clerk's
//! edit of one figure (a task's `done`, an indicator's `value`), with the
//! reporting date moved on every 100 commits (a monthly report):
//! `cargo run --release --example history_commits -- campaigns.toml 1000 | git fast-import`.
//! Deterministic, for `benches/history.sh`.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(Ok(commits))) = (args.first(), args.get(1).map(|n| n.parse::<usize>()))
    else {
        eprintln!("usage: history_commits FILE COMMITS | git fast-import");
        return ExitCode::from(2);
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("history_commits: cannot read {path}");
        return ExitCode::from(2);
    };
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // The lines a clerk edits: `done = N` and numeric `value = X`.
    let figures: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let line = &lines[i];
            (line.starts_with("done = ") || line.starts_with("value = "))
                && line
                    .split_whitespace()
                    .nth(2)
                    .is_some_and(|n| n.parse::<f64>().is_ok())
        })
        .collect();
    let as_of = lines.iter().position(|l| l.starts_with("as_of = "));
    let name = std::path::Path::new(path)
        .file_name()
        .map_or("campaigns.toml".into(), |n| {
            n.to_string_lossy().into_owned()
        });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let start: i64 = 1_704_067_200; // 2024-01-01
    for i in 0..commits {
        if i > 0 {
            let line = figures[(i * 7919) % figures.len()];
            let (key, rest) = lines[line].split_once(" = ").unwrap_or(("done", "0"));
            let (number, comment) = rest.split_once('#').map_or((rest, ""), |(n, c)| (n, c));
            let value: f64 = number.trim().parse().unwrap_or(0.0) + 1.0;
            let comment = if comment.is_empty() {
                String::new()
            } else {
                format!("   #{comment}")
            };
            lines[line] = format!("{key} = {value}{comment}");
        }
        if let Some(at) = as_of.filter(|_| i % 100 == 0 && i > 0) {
            let month = (i / 100) % 12 + 1;
            lines[at] = format!("as_of = 2025-{month:02}-28");
        }
        let mut body = lines.join("\n");
        body.push('\n');
        let when = start + 3600 * i as i64;
        let message = format!("figures {i}");
        let from = if i > 0 {
            format!("from :{i}\n")
        } else {
            String::new()
        };
        let written = write!(
            out,
            "commit refs/heads/main\nmark :{}\ncommitter Clerk <clerk@example.com> {when} +0800\ndata {}\n{message}\n{from}M 100644 inline {name}\ndata {}\n{body}\n",
            i + 1,
            message.len(),
            body.len()
        );
        if written.is_err() {
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
