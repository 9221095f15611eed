//! One history read at a time: `r` pressed ten times on a repository whose
//! history takes a while to read runs one reader thread at a time (a newer
//! read cancels the older), and the process's peak memory stays within
//! 1.2× the peak of the first read. Before, each `r` started a thread of
//! its own and none was cancelled: 6 → 12 threads, 270 MB → 1.16 GB on 40
//! commits of a 100 000-task plan. And `--since REV`, checked before the
//! terminal is touched, hands the history it read to the screen rather than
//! reading it twice. Run with `--nocapture` for the figures.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::pty_support::{Options, Pty};

/// Tasks in the plan, and commits of it: a read of about a second in a
/// debug build here.
const TASKS: usize = 6_000;
const COMMITS: usize = 40;

/// The plan at commit `i`: five campaigns, a reporting date a month on
/// every ten commits, and the `done` of one task moved on at each commit.
fn plan(i: usize) -> String {
    let mut text = format!(
        "[meta]\ntitle = \"Big\"\nas_of = 2024-{:02}-28\n",
        i / 10 + 1
    );
    for c in 0..5 {
        text.push_str(&format!(
            "\n[[campaign]]\nid = \"c{c}\"\nname = \"Campaign {c}\"\nstart = 2024-01-01\nend = 2024-12-31\n"
        ));
        for t in 0..TASKS / 5 {
            let n = c * TASKS / 5 + t;
            let done = if n == (i * 7919) % TASKS {
                50 + i
            } else {
                n % 50
            };
            text.push_str(&format!(
                "\n[[campaign.task]]\nid = \"t{n}\"\nname = \"Task {n}\"\ndone = {done}\ntotal = 100\n"
            ));
        }
    }
    text
}

/// A repository of `COMMITS` commits of `campaigns.toml`, checked out.
fn repository(dir: &Path) {
    let git = |args: &[&str]| {
        let mut command = Command::new("git");
        command
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["-c", "init.defaultBranch=main"])
            .args(args);
        command
    };
    assert!(git(&["init", "-q"]).status().unwrap().success());
    let mut import = git(&["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stream = std::io::BufWriter::new(import.stdin.take().unwrap());
    for i in 0..COMMITS {
        let body = plan(i);
        let from = if i > 0 {
            format!("from :{i}\n")
        } else {
            String::new()
        };
        let when = 1_704_067_200 + 3600 * i;
        write!(
            stream,
            "commit refs/heads/main\nmark :{}\ncommitter C <c@example.com> {when} +0800\ndata 1\nx\n{from}M 100644 inline campaigns.toml\ndata {}\n{body}\n",
            i + 1,
            body.len()
        )
        .unwrap();
    }
    drop(stream);
    assert!(import.wait().unwrap().success());
    assert!(git(&["checkout", "-q", "main"]).status().unwrap().success());
}

/// The names of the process's threads.
fn threads(pid: i32) -> Vec<String> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    tasks
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .map(|name| name.trim().to_owned())
        .collect()
}

/// A `kB` figure of /proc/PID/status (`VmHWM`, `VmRSS`).
fn status_kb(pid: i32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with(field))
        .unwrap_or_else(|| panic!("no {field} in\n{status}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Threads freeing memory aside come and go; every other thread counts.
fn counted(names: &[String]) -> usize {
    names.iter().filter(|n| !n.starts_with("drop-")).count()
}

fn readers(names: &[String]) -> usize {
    names.iter().filter(|n| *n == "history").count()
}

/// Waits until no reader thread has run for a while: every read ended.
fn wait_reads_ended(pty: &Pty) {
    let start = Instant::now();
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_millis(500) {
        if readers(&threads(pty.pid())) > 0 {
            quiet_since = Instant::now();
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the history reads never ended"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn r_ten_times_reads_one_history_at_a_time_within_the_memory_of_one() {
    let dir = tempfile::tempdir().unwrap();
    repository(dir.path());
    let path = dir.path().join("campaigns.toml");
    let path = path.to_str().unwrap();
    let mut pty = Pty::spawn(Options {
        size: (100, 30),
        args: &["--lang", "en", path],
        ..Options::default()
    });
    let pid = pty.pid();
    pty.wait_for("Campaign 0");
    let started = Instant::now();
    wait_reads_ended(&pty);
    pty.wait_for("since 2024-03-28");
    let one_read = started.elapsed();
    let idle = threads(pid);
    let (peak_one, rss_one) = (status_kb(pid, "VmHWM"), status_kb(pid, "VmRSS"));

    // Watch the threads while `r` is pressed ten times.
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let (mut most_readers, mut most_threads) = (0, 0);
            while !stop.load(Ordering::Relaxed) {
                let names = threads(pid);
                most_readers = most_readers.max(readers(&names));
                most_threads = most_threads.max(counted(&names));
                std::thread::sleep(Duration::from_millis(2));
            }
            (most_readers, most_threads)
        })
    };
    for _ in 0..10 {
        pty.send("r");
        std::thread::sleep(Duration::from_millis(100));
    }
    wait_reads_ended(&pty);
    stop.store(true, Ordering::Relaxed);
    let (most_readers, most_threads) = watcher.join().unwrap();
    pty.wait_for("since 2024-03-28");
    let (peak_ten, rss_ten) = (status_kb(pid, "VmHWM"), status_kb(pid, "VmRSS"));
    println!(
        "one read {one_read:?}; idle threads {} ({idle:?}); while r ×10: at most {most_readers} reader(s), {most_threads} threads; \
         peak {peak_one} kB after one read, {peak_ten} kB after ten; RSS {rss_one} kB → {rss_ten} kB",
        counted(&idle)
    );
    assert!(most_readers <= 1, "{most_readers} reader threads at once");
    assert!(
        most_threads <= counted(&idle) + 1,
        "{most_threads} threads, {} when idle: {idle:?}",
        counted(&idle)
    );
    assert!(
        peak_ten * 10 <= peak_one * 12,
        "peak {peak_ten} kB after ten reads, {peak_one} kB after one"
    );
    // What the reads let go is given back: well below the peak once idle
    // (before, the pages stayed: RSS was the peak).
    assert!(
        rss_ten * 10 <= peak_ten * 8,
        "RSS {rss_ten} kB after ten reads, at a peak of {peak_ten} kB"
    );
    pty.send("q");
    pty.wait_exit(Duration::from_secs(10)).expect("it quits");
}

/// The CPU the app spends from its start until the history is shown and
/// nothing more runs (in clock ticks).
fn cpu_until_shown(path: &str, args: &[&str]) -> u64 {
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    all.push(path);
    let mut pty = Pty::spawn(Options {
        size: (100, 30),
        args: &all,
        ..Options::default()
    });
    pty.wait_for("Campaign 0");
    wait_reads_ended(&pty);
    pty.wait_for("since 2024-03-28");
    let ticks = pty.cpu_ticks();
    pty.send("q");
    pty.wait_exit(Duration::from_secs(10)).expect("it quits");
    ticks
}

#[test]
fn since_rev_reads_the_history_once() {
    let dir = tempfile::tempdir().unwrap();
    repository(dir.path());
    let path = dir.path().join("campaigns.toml");
    let path = path.to_str().unwrap();
    // The last report is ten commits back: the same baseline both ways.
    let once = cpu_until_shown(path, &[]);
    let since = cpu_until_shown(path, &["--since", "HEAD~10"]);
    println!("CPU until the history is shown: {once} ticks, {since} with --since HEAD~10");
    // Read twice, it took about twice the CPU.
    assert!(
        since * 10 <= once * 14,
        "{since} ticks with --since, {once} without"
    );
}
