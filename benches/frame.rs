//! What the screen costs: one frame at 120×40 for the overview and a campaign
//! view, at 100 and at 100 000 tasks (cost should follow what is visible, not
//! what is loaded); the year view (`y`) over every item; filter and sort
//! over 100 000 tasks; a reload, whole and without its parse; a save that
//! changes one task, re-read alone.

use std::cell::Cell;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};

use campaigns::history::HistoryError;
use campaigns::load::{Opened, Options};
use campaigns::model::Lang;
use campaigns::tui::action::{Action, Command};
use campaigns::tui::app::{App, Settings};
use campaigns::tui::render::frame;
use campaigns_synthetic::{Shape, plan_text};

const SIZE: (u16, u16) = (120, 40);

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date")
}

fn settings() -> Settings {
    Settings {
        color: true,
        ..Settings::plain(Lang::En, options())
    }
}

fn options() -> Options {
    Options {
        as_of: None,
        today: today(),
    }
}

fn document(text: &str) -> Opened {
    Opened::parse(Path::new("bench.toml"), text.to_owned(), options())
}

/// An app on a plan of `tasks` tasks, `per_campaign` to a campaign, sized 120×40.
fn app(tasks: usize, per_campaign: usize) -> (App, String) {
    let text = plan_text(Shape {
        tasks,
        tasks_per_campaign: per_campaign,
        seed: 2024,
    });
    let mut app = App::new(PathBuf::from("bench.toml"), Ok(document(&text)), settings());
    app.update(Action::Resize(SIZE.0, SIZE.1));
    (app, text)
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame-120x40");
    for tasks in [100, 100_000] {
        // The overview: campaigns of 1 000 tasks (100 cards at 100 000 tasks).
        let (overview, _) = app(tasks, 1000);
        group.bench_function(BenchmarkId::new("overview", tasks), |b| {
            b.iter(|| black_box(frame(&overview, SIZE)))
        });
        // A campaign view holding every task.
        let (mut campaign, _) = app(tasks, tasks);
        campaign.update(Command::Jump(1).into());
        group.bench_function(BenchmarkId::new("campaign", tasks), |b| {
            b.iter(|| black_box(frame(&campaign, SIZE)))
        });
        // The year view, outside git: the file's own points a year back.
        let (mut year, _) = app(tasks, 1000);
        let not_in_git = HistoryError::NotInGit {
            path: "bench.toml".into(),
        };
        year.update(Action::HistoryRead {
            read: Box::new(Err(not_in_git)),
            rev_baseline: None,
        });
        year.update(Command::ToggleYear.into());
        group.bench_function(BenchmarkId::new("year", tasks), |b| {
            b.iter(|| black_box(frame(&year, SIZE)))
        });
    }
    group.finish();
}

fn filter_sort_reload(c: &mut Criterion) {
    let mut group = c.benchmark_group("100k-tasks");
    group.sample_size(10);
    let (mut base, text) = app(100_000, 100_000);
    base.update(Command::Jump(1).into());
    group.bench_function("filter", |b| {
        b.iter(|| {
            base.update(Command::StartFilter.into());
            for c in "batch 7".chars() {
                base.update(Command::Input(c).into());
            }
            base.update(Command::Back.into());
        })
    });
    group.bench_function("sort", |b| {
        b.iter(|| black_box(base.update(Command::CycleSort.into())))
    });
    // `y` and back: the year view's rows made and measured once, outside git.
    let mut year = app(100_000, 1000).0;
    let not_in_git = HistoryError::NotInGit {
        path: "bench.toml".into(),
    };
    year.update(Action::HistoryRead {
        read: Box::new(Err(not_in_git)),
        rev_baseline: None,
    });
    group.bench_function("year-open", |b| {
        b.iter(|| {
            year.update(Command::ToggleYear.into());
            year.update(Command::ToggleYear.into());
        })
    });
    group.bench_function("reload", |b| {
        b.iter_batched(
            || text.clone(),
            |text| base.update(Action::Loaded(Box::new(Ok(document(&text))))),
            BatchSize::PerIteration,
        )
    });
    // The part the screen owns: the plan parsed beforehand, only taken in.
    group.bench_function("reload-take-in", |b| {
        b.iter_batched(
            || Action::Loaded(Box::new(Ok(document(&text)))),
            |loaded| base.update(loaded),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// A saved change to one task's figure, re-read alone and taken in (what
/// the screen does after a save: the file read and compared, the task's
/// section parsed, its campaign's statuses, cards and rows recomputed), at
/// 100 000 tasks in one campaign and in 100 campaigns of 1 000.
fn reread(c: &mut Criterion) {
    let mut group = c.benchmark_group("100k-tasks");
    group.sample_size(20);
    for per_campaign in [100_000, 1000] {
        let (mut app, text) = app(100_000, per_campaign);
        app.update(Command::Jump(1).into());
        // The middle task's figure, changed and changed back in turn.
        let middle = (text.len() / 2..)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let at = middle + text[middle..].find("\ndone = ").expect("a task") + 8;
        let digit = text.as_bytes()[at];
        let other = if digit == b'9' { "8" } else { "9" };
        let mut texts = [text.clone(), text.clone()];
        texts[1].replace_range(at..at + 1, other);
        // The new text is the screen's own once read from the file: its
        // copy here is made outside the timing.
        let turn = Cell::new(0);
        group.bench_function(BenchmarkId::new("reread-one-task", per_campaign), |b| {
            b.iter_batched(
                || texts[(turn.get() + 1) % 2].clone(),
                |new| {
                    let shown = app.document().expect("a document");
                    let reread = shown.reread(&new).expect("one task changed");
                    app.update(Action::Reread {
                        reread: Box::new(reread),
                        text: new,
                    });
                    turn.set(turn.get() + 1);
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, frames, filter_sort_reload, reread);
criterion_main!(benches);
