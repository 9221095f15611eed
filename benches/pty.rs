//! The real binary in a pseudo-terminal at 120×40, at 100 and 100 000 tasks:
//! bytes written for the first frame and per key, the cost of 10 s idle
//! (bytes, CPU ticks, context switches of every thread), and how long a
//! rename-save takes to reach the screen. `cargo bench --bench pty` (the
//! release binary); prints the figures for BENCHMARKS.md.

// The pty support runs the binary the way the tests do (no config file).
#[path = "../tests/common/binary.rs"]
#[allow(dead_code)]
mod binary;
// The pty tests' harness, of which this bench uses only a part.
#[allow(dead_code)]
#[path = "../tests/pty/pty_support.rs"]
mod pty_support;

use std::time::{Duration, Instant};

use pty_support::{Options, Pty};

fn switches(pid: i32) -> (u64, usize) {
    let mut total = 0;
    let mut threads = 0;
    for entry in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap() {
        let status = std::fs::read_to_string(entry.unwrap().path().join("status")).unwrap();
        threads += 1;
        for line in status.lines() {
            if line.starts_with("voluntary_ctxt_switches")
                || line.starts_with("nonvoluntary_ctxt_switches")
            {
                total += line
                    .split_whitespace()
                    .last()
                    .unwrap()
                    .parse::<u64>()
                    .unwrap();
            }
        }
    }
    (total, threads)
}

fn measure(label: &str, plan: &std::path::Path, first: &str) {
    let path = plan.to_str().unwrap().to_owned();
    let started = Instant::now();
    let mut pty = Pty::spawn(Options {
        size: (120, 40),
        args: &["--lang", "en", "--as-of", "2024-12-31", &path],
        ..Options::default()
    });
    pty.wait_for(first);
    let shown = started.elapsed();
    let quiet = Duration::from_millis(400);
    pty.settle(quiet);
    let first_frame = pty.bytes();
    let step = |pty: &mut Pty, keys: &str| {
        let before = pty.bytes();
        pty.send(keys);
        pty.settle(quiet);
        pty.bytes() - before
    };
    let esc = step(&mut pty, "\u{1b}");
    let l = step(&mut pty, "l");
    let h = step(&mut pty, "h");
    let enter = step(&mut pty, "\r");
    let j = step(&mut pty, "j");
    let k = step(&mut pty, "k");
    let help = step(&mut pty, "?");
    let close = step(&mut pty, "?");
    // Idle: 10 s.
    let pid = pty.pid();
    let (bytes, ticks, (cs, threads)) = (pty.bytes(), pty.cpu_ticks(), switches(pid));
    std::thread::sleep(Duration::from_secs(10));
    let (cs2, threads2) = switches(pid);
    println!(
        "{label}: first frame {first_frame} B (shown after {shown:?}); Esc {esc} B; l {l} B; h {h} B; Enter {enter} B; j {j} B; k {k} B; ? {help} B; ? close {close} B; idle 10s: {} B, {} ticks, {} context switches in {threads}/{threads2} threads",
        pty.bytes() - bytes,
        pty.cpu_ticks() - ticks,
        cs2 - cs,
    );
    // Rename-save: a changed name in the open campaign's head, then the
    // plan's title in `[meta]` (every campaign's statuses taken in again).
    let text = std::fs::read_to_string(plan).unwrap();
    assert!(text.contains("campaign 0\""), "the plan names campaign 0");
    for round in 0..3 {
        let name = ("campaign 0\"", "campaign 0 renamed\"");
        let took = rename_save(&pty, plan, round, name, "renamed");
        println!("{label}: rename-save to redraw {took:?}");
    }
    for round in 0..2 {
        let title = ("Province pollution-control", "Province retitled");
        let took = rename_save(&pty, plan, round, title, "retitled");
        println!("{label}: title rename-save to redraw {took:?}");
    }
    // `+` on the selected task: written through the write-back path, read
    // back, and the outcome in the footer.
    for _ in 0..2 {
        pty.settle(quiet);
        let start = Instant::now();
        pty.send("+");
        pty.wait_for("saved: ");
        println!("{label}: `+` to saved on screen {:?}", start.elapsed());
        pty.send("j");
        pty.wait_gone("saved: ");
    }
    pty.send("qq");
    pty.wait_exit(Duration::from_secs(10));
}

/// Saves `plan` as editors do (a new file renamed over it) with `from`
/// replaced by `to` on even rounds and back on odd ones; gives the time
/// until the screen shows `marker` (a word of `to`), or no longer shows it.
fn rename_save(
    pty: &Pty,
    plan: &std::path::Path,
    round: usize,
    (from, to): (&str, &str),
    marker: &str,
) -> Duration {
    let (from, to) = if round.is_multiple_of(2) {
        (from, to)
    } else {
        (to, from)
    };
    let current = std::fs::read_to_string(plan).unwrap();
    assert!(current.contains(from), "the plan holds {from}");
    let tmp = plan.with_extension("tmp");
    std::fs::write(&tmp, current.replacen(from, to, 1)).unwrap();
    pty.settle(Duration::from_millis(400));
    std::fs::rename(&tmp, plan).unwrap();
    if round.is_multiple_of(2) {
        pty.wait_for(marker)
    } else {
        pty.wait_gone(marker)
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it bare:
    // only measure when asked to.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (tasks, per_campaign) in [(100, 1000), (100_000, 1000), (100_000, 100_000)] {
        let text = campaigns_synthetic::plan_text(campaigns_synthetic::Shape {
            tasks,
            tasks_per_campaign: per_campaign,
            seed: 2024,
        });
        let plan = dir.path().join(format!("plan-{tasks}-{per_campaign}.toml"));
        std::fs::write(&plan, text).unwrap();
        let campaigns = tasks.div_ceil(per_campaign);
        measure(
            &format!("{tasks} tasks in {campaigns} campaigns"),
            &plan,
            "campaign 0",
        );
    }
}
