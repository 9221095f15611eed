//! Times, in a 120×40 pseudo-terminal, a unit's file saved by rename until
//! the screen shows it: the roll-up of 114 path units of 1 000 generated
//! tasks (benches/rollup.sh's), with the first unit open on its own
//! screen, against the plan screen on that same file alone (the plan's
//! one-file reload). The save changes the plan's title; the time runs from
//! the rename to the new title on screen. Release build:
//!   cargo build --release && cargo run --release --example rollup_reload_pty [UNITS] [RUNS]
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use campaigns_synthetic::{Shape, plan_text};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const TITLE: &str = "Province pollution-control campaigns";

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().ok());
    let units = args.next().flatten().unwrap_or(114);
    let runs = args.next().flatten().unwrap_or(7);
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/campaigns");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut manifest = String::from("[rollup]\ntitle = \"Bench\"\nas_of = 2024-12-31\n");
    for i in 1..=units {
        let folder = dir.path().join(format!("units/u{i}"));
        std::fs::create_dir_all(&folder).expect("a unit's folder");
        let mut shape = Shape::tasks(1000);
        shape.seed = i as u64;
        std::fs::write(folder.join("campaigns.toml"), plan_text(shape)).expect("a unit");
        manifest.push_str(&format!(
            "\n[[unit]]\nid = \"u{i}\"\nname = \"Unit {i}\"\npath = \"units/u{i}/campaigns.toml\"\n"
        ));
    }
    let path = dir.path().join("rollup.toml");
    std::fs::write(&path, &manifest).expect("the manifest");
    let unit = dir.path().join("units/u1/campaigns.toml");
    let text = std::fs::read_to_string(&unit).expect("the unit");

    let rollup = Screen::start(&bin, &path);
    rollup.wait(|s| s.contains("Units × campaigns"));
    rollup.send(b"\r");
    rollup.wait(|s| s.contains(TITLE));
    let in_rollup = saves(&rollup, &unit, &text, runs, "roll-up");
    rollup.stop();
    let plan = Screen::start(&bin, &unit);
    plan.wait(|s| s.contains(TITLE));
    let alone = saves(&plan, &unit, &text, runs, "plan");
    plan.stop();
    println!(
        "{units} units x 1000 tasks, {runs} saves each, rename to redraw, ms min / median / max:"
    );
    println!(
        "  roll-up, the unit open on its own screen: {}",
        spread(in_rollup)
    );
    println!(
        "  the plan screen on that file alone:       {}",
        spread(alone)
    );
}

/// Saves the unit `runs` times by rename, each with a new title: how long
/// each took to show.
fn saves(screen: &Screen, unit: &Path, text: &str, runs: usize, label: &str) -> Vec<Duration> {
    (1..=runs)
        .map(|run| {
            let marker = format!("{label} save {run}");
            let saved = text.replacen(TITLE, &format!("{TITLE} {marker}"), 1);
            let temporary = unit.with_extension("swp");
            std::fs::write(&temporary, saved).expect("the save");
            let start = Instant::now();
            std::fs::rename(&temporary, unit).expect("the rename");
            screen.wait(|s| s.contains(&marker));
            let took = start.elapsed();
            std::thread::sleep(Duration::from_millis(300));
            took
        })
        .collect()
}

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Mutex<Box<dyn std::io::Write + Send>>,
    child: Mutex<Box<dyn portable_pty::Child + Send + Sync>>,
}

impl Screen {
    fn start(bin: &Path, file: &Path) -> Screen {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut command = CommandBuilder::new(bin);
        command.args(["--lang", "en", "--as-of", "2024-12-31"]);
        command.arg(file);
        command.env("TERM", "xterm-256color");
        command.env("XDG_CONFIG_HOME", "/nonexistent");
        let child = pty.slave.spawn_command(command).expect("the app starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(40).expect("rows"),
            std::num::NonZeroU16::new(120).expect("columns"),
            0,
        )));
        let shared = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                shared.lock().expect("the screen").process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("a writer");
        // The master must live as long as the app: leaked for the run.
        std::mem::forget(pty.master);
        Screen {
            parser,
            writer: Mutex::new(writer),
            child: Mutex::new(child),
        }
    }

    fn send(&self, keys: &[u8]) {
        let mut writer = self.writer.lock().expect("the writer");
        writer.write_all(keys).expect("keys sent");
        writer.flush().expect("keys sent");
    }

    fn wait(&self, shown: impl Fn(&str) -> bool) {
        let limit = Instant::now() + Duration::from_secs(60);
        loop {
            let contents = self.parser.lock().expect("the screen").screen().contents();
            if shown(&contents) {
                return;
            }
            assert!(Instant::now() < limit, "not shown:\n{contents}");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn stop(&self) {
        let mut child = self.child.lock().expect("the app");
        let _ = child.kill();
        let _ = child.wait();
    }
}

fn spread(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
    let (first, middle, last) = (&times[0], &times[times.len() / 2], &times[times.len() - 1]);
    format!("{:.0} / {:.0} / {:.0}", ms(first), ms(middle), ms(last))
}
