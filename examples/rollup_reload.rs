//! Times the roll-up screen's answer to one unit's file saved: 114 path
//! units of 1 000 generated tasks (benches/rollup.sh's roll-up, written to
//! a temporary folder), one unit's file saved by rename, then read again
//! and the figures computed again (`RollupScreen::reread_unit` + `run` +
//! `units_reloaded`: what the reader thread and the screen do, no frame
//! drawn). Beside it, in the same run: the whole roll-up read again (what a
//! unit's save cost before), and the plan's own reload of one 1 000-task
//! file (read + parse + validate + schedule). Release build:
//!   cargo run --release --example rollup_reload [UNITS] [TASKS] [RUNS]
use std::time::{Duration, Instant};

use campaigns::model::Lang;
use campaigns::rollup::Rollup;
use campaigns::tui::Settings;
use campaigns::tui::rollup::RollupScreen;
use campaigns_synthetic::{Shape, plan_text};

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().ok());
    let units = args.next().flatten().unwrap_or(114);
    let tasks = args.next().flatten().unwrap_or(1000);
    let runs = args.next().flatten().unwrap_or(9);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut manifest = String::from(
        "[rollup]\ntitle = \"Bench\"\nas_of = 2024-12-31\nstale_after_days = 40\n\n\
         [[combine]]\nitem = \"campaign-0/task-1\"\nhow = \"sum\"\n\n\
         [[ranking]]\nitem = \"campaign-0/pm25\"\nshow = 10\n",
    );
    for i in 1..=units {
        let folder = dir.path().join(format!("units/u{i}"));
        std::fs::create_dir_all(&folder).expect("a unit's folder");
        let mut shape = Shape::tasks(tasks);
        shape.seed = i as u64;
        std::fs::write(folder.join("campaigns.toml"), plan_text(shape)).expect("a unit");
        manifest.push_str(&format!(
            "\n[[unit]]\nid = \"u{i}\"\nname = \"Unit {i}\"\npath = \"units/u{i}/campaigns.toml\"\n"
        ));
    }
    let path = dir.path().join("rollup.toml");
    std::fs::write(&path, &manifest).expect("the manifest");
    let options = campaigns::load::Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 15).expect("a date"),
    };
    let load = || {
        let read = campaigns::rollup::parse(&manifest);
        Rollup::load(read.manifest.expect("a manifest"), &path, options)
    };
    let settings = Settings::plain(Lang::En, options);
    let mut screen = RollupScreen::new(load(), settings);
    let middle = units / 2;
    let unit_file = dir
        .path()
        .join(format!("units/u{}/campaigns.toml", middle + 1));
    let text = std::fs::read_to_string(&unit_file).expect("the unit's file");
    let (mut one, mut whole, mut plan) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        // Saved by rename, as vim and `sed -i` do; a figure changes.
        let saved = text.replacen("done = ", &format!("done = {}", run + 1), 1);
        let temporary = unit_file.with_extension("tmp");
        std::fs::write(&temporary, saved).expect("the save");
        std::fs::rename(&temporary, &unit_file).expect("the rename");
        let start = Instant::now();
        let read = screen.reread_unit(middle).run();
        screen.units_reloaded(read);
        one.push(start.elapsed());
        let start = Instant::now();
        screen.reloaded(load());
        whole.push(start.elapsed());
        let start = Instant::now();
        let opened = campaigns::load::Opened::load(&unit_file, options).expect("the plan");
        let document = opened.document().expect("a valid plan");
        let status = campaigns::model::PlanStatus::compute(document.plan(), document.as_of());
        std::hint::black_box(status);
        plan.push(start.elapsed());
    }
    println!("{units} units x {tasks} tasks, {runs} runs, ms min / median / max:");
    println!(
        "  one unit saved: read again + figures again: {}",
        spread(&mut one)
    );
    println!(
        "  the whole roll-up read again (before):     {}",
        spread(&mut whole)
    );
    println!(
        "  the plan's one-file load of that unit:     {}",
        spread(&mut plan)
    );
}

fn spread(times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
    let (first, middle, last) = (&times[0], &times[times.len() / 2], &times[times.len() - 1]);
    format!("{:.1} / {:.1} / {:.1}", ms(first), ms(middle), ms(last))
}
