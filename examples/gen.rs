//! Prints a synthetic plan: `cargo run --example gen -- --tasks 100000 [--seed N] > big.toml`.

use std::io::Write;

use campaigns_synthetic::{Shape, plan_text};

fn main() -> std::process::ExitCode {
    let mut shape = Shape::tasks(1000);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (flag.as_str(), value) {
            ("--tasks", Some(n)) => shape.tasks = n as usize,
            ("--seed", Some(n)) => shape.seed = n,
            ("--per-campaign", Some(n)) => shape.tasks_per_campaign = n as usize,
            _ => {
                eprintln!("usage: gen [--tasks N] [--seed N] [--per-campaign N]");
                return std::process::ExitCode::from(2);
            }
        }
    }
    let text = plan_text(shape);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gen: {err}");
            std::process::ExitCode::from(2)
        }
    }
}
