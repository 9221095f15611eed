//! Synthetic plans of any size, deterministic from a seed: realistic enough
//! (bilingual names, units, histories, every status) to measure load and
//! draw costs and to feed property tests. Used by `examples/gen.rs`, the
//! benchmarks, the tests and the fuzz targets of `campaigns`; kept out of
//! its library because the product never needs it.
//!
//! It cannot load what it writes (it does not depend on `campaigns`): the
//! check that generated plans load without errors is among `campaigns`'
//! own unit tests, in `src/load/load_tests.rs`.

use std::fmt::Write;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub tasks: usize,
    pub tasks_per_campaign: usize,
    pub seed: u64,
}

impl Shape {
    pub fn tasks(tasks: usize) -> Shape {
        Shape {
            tasks,
            tasks_per_campaign: 1000,
            seed: 2024,
        }
    }
}

/// A small, fast, deterministic generator (xorshift64*): no dependency needed
/// for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const PLACES: [(&str, &str); 8] = [
    ("潜江", "Qianjiang"),
    ("仙桃", "Xiantao"),
    ("天门", "Tianmen"),
    ("荆州", "Jingzhou"),
    ("宜昌", "Yichang"),
    ("襄阳", "Xiangyang"),
    ("孝感", "Xiaogan"),
    ("黄冈", "Huanggang"),
];

const WORKS: [(&str, &str, &str, &str); 6] = [
    ("入河排污口整治", "outfall rectification", "个", "outfalls"),
    (
        "黑臭水体治理",
        "black-and-odorous water treatment",
        "条",
        "water bodies",
    ),
    ("地块土壤污染状况调查", "plot soil survey", "个", "plots"),
    (
        "行政村生活污水治理",
        "village sewage treatment",
        "个",
        "villages",
    ),
    (
        "非道路移动机械标牌核发",
        "non-road machinery labels",
        "个",
        "labels",
    ),
    (
        "督察问题整改",
        "inspection findings closed",
        "项",
        "findings",
    ),
];

const THEMES: [&str; 4] = ["air", "water", "soil", "other"];

/// A `campaigns.toml` text with `shape.tasks` tasks.
pub fn plan_text(shape: Shape) -> String {
    let mut rng = Rng(shape.seed.max(1));
    let mut out = String::with_capacity(shape.tasks * 300 + 1024);
    out.push_str(
        "[meta]\ntitle = { zh = \"全省污染防治攻坚战\", en = \"Province pollution-control campaigns\" }\n\
         organisation = { zh = \"省生态环境厅\", en = \"Provincial Ecology and Environment Department\" }\n\
         as_of = 2024-12-31\n",
    );
    let per = shape.tasks_per_campaign.max(1);
    let campaigns = shape.tasks.div_ceil(per).max(1);
    let mut remaining = shape.tasks;
    for c in 0..campaigns {
        let (place_zh, place_en) = PLACES[c % PLACES.len()];
        let theme = THEMES[c % THEMES.len()];
        let _ = write!(
            out,
            "\n[[campaign]]\nid = \"campaign-{c}\"\nname = {{ zh = \"{place_zh}{c}号攻坚战\", en = \"{place_en} campaign {c}\" }}\n\
             theme = \"{theme}\"\nstart = 2024-01-01\nend = 2024-12-31\n"
        );
        if c % 2 == 0 {
            let value = 25 + rng.below(20);
            let _ = write!(
                out,
                "\n[[campaign.indicator]]\nid = \"pm25\"\nname = {{ zh = \"PM2.5 年均浓度\", en = \"PM2.5 annual mean\" }}\n\
                 unit = \"μg/m³\"\nvalue = {value}.0\ntarget = 35.0\nbetter = \"lower\"\n\
                 history = [ {{ date = 2023-12-31, value = {}.0 }} ]\n",
                value + 2
            );
        }
        let count = remaining.min(per);
        remaining -= count;
        for t in 0..count {
            let (work_zh, work_en, unit_zh, unit_en) = WORKS[(t + c) % WORKS.len()];
            let total = 10 + rng.below(190);
            // Spread the figures so that every status appears.
            let done = match rng.below(100) {
                0..10 => 0,
                10..20 => total,
                // Over-achieved: allowed, with a warning.
                20 => total + 1 + rng.below(5),
                _ => rng.below(total),
            };
            let _ = write!(
                out,
                "\n[[campaign.task]]\nid = \"task-{t}\"\nname = {{ zh = \"{place_zh}第{t}批{work_zh}\", en = \"{place_en} batch {t} {work_en}\" }}\n\
                 unit = {{ zh = \"{unit_zh}\", en = \"{unit_en}\" }}\ndone = {done}\n"
            );
            if rng.below(8) != 0 {
                let _ = writeln!(out, "total = {total}");
            }
            match rng.below(6) {
                0 => out.push_str("start = 2025-03-01\ndue = 2025-12-31\n"),
                1 => out.push_str("due = 2024-09-30\n"),
                2 => out.push_str("due = 2025-06-30\n"),
                _ => {}
            }
            if rng.below(3) == 0 {
                out.push_str("note = \"按季度推进，月度通报。\"\n");
            }
            if rng.below(2) == 0 {
                let _ = writeln!(
                    out,
                    "history = [ {{ date = 2024-03-31, done = {} }}, {{ date = 2024-06-30, done = {} }} ]",
                    done / 4,
                    done / 2
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_text() {
        assert_eq!(plan_text(Shape::tasks(50)), plan_text(Shape::tasks(50)));
        let other = Shape {
            seed: 7,
            ..Shape::tasks(50)
        };
        assert_ne!(plan_text(Shape::tasks(50)), plan_text(other));
    }
}
