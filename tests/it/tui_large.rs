//! A plan of 100 000 tasks: loading sorts once, and a frame formats only
//! the rows on screen, so moving the selection stays cheap.

use std::path::PathBuf;
use std::time::Instant;

use campaigns::load::{self, Opened};
use campaigns::model::Lang;
use campaigns::tui::render::frame;
use campaigns::tui::{Action, App, Command, Effect, Settings};
use chrono::NaiveDate;

const TASKS: usize = 100_000;

fn big_source(tasks: usize) -> String {
    let mut source = String::from(
        "[meta]\ntitle = \"Big\"\nas_of = 2024-06-30\n[[campaign]]\nid = \"big\"\nname = { zh = \"大\", en = \"Big\" }\nstart = 2024-01-01\nend = 2024-12-31\n",
    );
    for i in 0..tasks {
        source.push_str(&format!(
            "[[campaign.task]]\nid = \"t{i}\"\nname = {{ zh = \"任务{i}\", en = \"Task {i}\" }}\ndone = {}\ntotal = 100\n",
            i % 101
        ));
    }
    source
}

#[test]
fn a_hundred_thousand_tasks_draw_only_what_is_visible() {
    let today = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
    let source = big_source(TASKS);
    let options = load::Options { as_of: None, today };
    let started = Instant::now();
    let document = Opened::parse("big.toml".as_ref(), source, options);
    let loaded = started.elapsed();
    let settings = Settings {
        color: true,
        ..Settings::plain(Lang::En, options)
    };
    let mut app = App::new(PathBuf::from("big.toml"), Ok(document), settings);
    app.update(Action::Resize(120, 40));
    let started = Instant::now();
    app.update(Command::Jump(1).into());
    let opened = started.elapsed();
    assert_eq!(app.row_ids().len(), TASKS);
    let first = frame(&app, (120, 40));
    // Draw after each of 200 moves: each frame costs the same as for a small plan.
    let started = Instant::now();
    let mut last = first.clone();
    for _ in 0..200 {
        assert_eq!(app.update(Command::Down.into()), Effect::Redraw);
        last = frame(&app, (120, 40));
    }
    let per_frame = started.elapsed() / 200;
    app.update(Command::Bottom.into());
    let bottom = frame(&app, (120, 40));
    assert_ne!(bottom, last);
    let started = Instant::now();
    app.update(Command::StartFilter.into());
    app.update(Command::Input('9').into());
    let filtered = started.elapsed();
    assert!(app.row_ids().len() < TASKS);
    eprintln!(
        "parse {loaded:?}, open (sort) {opened:?}, per move+frame {per_frame:?}, filter keystroke {filtered:?}"
    );
    // Generous: a frame of 120x40 in a debug build is well under this even on a busy machine.
    assert!(per_frame.as_millis() < 200, "{per_frame:?} per frame");
}
