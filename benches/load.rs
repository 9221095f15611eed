//! Load cost (read + parse + validate + schedule) against the floor any TOML
//! app pays: a bare `toml::Table` parse of the same bytes, measured side by side.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use campaigns::load::{self, Options};
use campaigns::model::PlanStatus;
use campaigns_synthetic::{Shape, plan_text};

fn options() -> Options {
    Options {
        as_of: None,
        today: chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("a date"),
    }
}

fn load_vs_bare_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for tasks in [100, 10_000, 100_000] {
        let text = plan_text(Shape::tasks(tasks));
        group.bench_with_input(
            BenchmarkId::new("toml-table-floor", tasks),
            &text,
            |b, text| {
                b.iter(|| black_box(toml::from_str::<toml::Table>(text).expect("valid TOML")))
            },
        );
        group.bench_with_input(BenchmarkId::new("campaigns", tasks), &text, |b, text| {
            b.iter(|| {
                let loaded = load::parse(text, options());
                let plan = loaded.plan.expect("a valid plan");
                let status = PlanStatus::compute(&plan, options().reporting_date(plan.meta.as_of));
                black_box((plan, status))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load_vs_bare_parse);
criterion_main!(benches);
