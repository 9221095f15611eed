//! A `campaigns set` killed with SIGKILL at any moment leaves the plan as it
//! was or as it should be (never half written, never invalid), and no lock
//! that blocks the next `set`.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

const TRIALS: usize = 200;

fn plan(done: u64) -> String {
    format!(
        "# crash test — keep this comment\n[meta]\ntitle = \"崩溃测试\"\nas_of = 2024-12-31\n\n[[campaign]]\nid = \"c\"\nname = \"C\"\n\n[[campaign.task]]\nid = \"t\"\nname = \"T\"\ndone = {done} # the figure\ntotal = 100000\n\n# trailing comment\n"
    )
}

fn set(binary: &Path, path: &Path) -> Command {
    let mut command = Command::new(binary);
    command.env("XDG_CONFIG_HOME", crate::binary::no_config_home());
    command.arg("set").arg(path).args(["c/t", "--add", "1"]);
    command
}

/// A `set` run to the end succeeds quickly: no lock is left held.
fn assert_unblocked(binary: &Path, path: &Path) {
    let started = Instant::now();
    let output = set(binary, path).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "a lock was left held"
    );
}

/// xorshift64*: enough randomness for kill delays, with a seed to report.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound.max(1)
    }
}

fn done_of(text: &str) -> u64 {
    let options = campaigns::load::Options {
        as_of: None,
        today: NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    };
    let loaded = campaigns::load::parse(text, options);
    let plan = loaded
        .plan
        .unwrap_or_else(|| panic!("not a valid plan:\n{text}"));
    plan.campaigns[0].tasks[0].done as u64
}

#[test]
fn a_killed_set_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaigns.toml");
    fs::write(&path, plan(0)).unwrap();
    let binary = crate::binary::path();

    // How long one run takes here, so kills land before, during and after
    // the write.
    let mut runs: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            assert_unblocked(&binary, &path);
            started.elapsed()
        })
        .collect();
    runs.sort();
    let typical = runs[runs.len() / 2].as_micros() as u64;

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut random = Random(seed);
    let (mut kept_old, mut got_new, mut mid_write) = (0, 0, 0);
    let mut done = done_of(&fs::read_to_string(&path).unwrap());
    for trial in 0..TRIALS {
        let mut child = set(&binary, &path).spawn().unwrap();
        let delay = random.below(typical * 5 / 4);
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill();
        child.wait().unwrap();

        let text = fs::read_to_string(&path).unwrap();
        let now = done_of(&text);
        if fs::read_dir(dir.path()).unwrap().count() > 2 {
            // Killed between writing the temporary file and the rename.
            mid_write += 1;
        }
        assert!(
            text == plan(done) || text == plan(done + 1),
            "trial {trial} (seed {seed}, delay {delay} µs): neither old nor new:\n{text}"
        );
        if now == done {
            kept_old += 1;
        } else {
            got_new += 1;
            done = now;
        }
        if trial % 50 == 49 {
            assert_unblocked(&binary, &path);
            done += 1;
        }
    }
    assert_unblocked(&binary, &path);
    assert_eq!(fs::read_to_string(&path).unwrap(), plan(done + 1));
    eprintln!(
        "typical run {typical} µs; kept old {kept_old} (mid-write {mid_write}), got new {got_new}"
    );
    // Both outcomes happened, so kills did land on both sides of the rename.
    assert!(kept_old > 0 && got_new > 0, "old {kept_old}, new {got_new}");
    // Temporary files of killed runs were cleared by the next run.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["campaigns.toml"]);
}
