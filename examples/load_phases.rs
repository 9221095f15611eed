//! Times the phases of loading a plan: `cargo run --release --example load_phases -- FILE`.

use std::time::Instant;

use campaigns::load::{self, Options};
use campaigns::model::PlanStatus;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load_phases FILE");
        std::process::exit(2);
    };
    let started = Instant::now();
    let source = load::read(path.as_ref()).unwrap_or_else(|err| {
        eprintln!("{err}");
        std::process::exit(2)
    });
    let read = started.elapsed();
    let options = Options {
        as_of: None,
        today: chrono::Local::now().date_naive(),
    };
    let loaded = load::parse(&source, options);
    let parsed = started.elapsed();
    let plan = loaded.plan.expect("a valid plan");
    let status = PlanStatus::compute(&plan, options.reporting_date(plan.meta.as_of));
    let scheduled = started.elapsed();
    println!(
        "read {read:?}, parse+validate {:?}, schedule {:?}, {} campaigns",
        parsed - read,
        scheduled - parsed,
        status.campaigns.len()
    );
}
