//! `parts = ["campaign/item", ...]` on a task or an indicator: items of the
//! same file whose figures add up to this one's (29 cases = 20 decisions +
//! 9 minor). Read on the item; checked once the whole plan is read, since
//! a part may be an item of any campaign: each part must name an item of
//! the same kind (an indicator's in the same unit, never a water class),
//! and a whole that differs from the sum of its parts is a warning.

use std::collections::HashMap;
use std::ops::Range;

use super::PlanReader;
use crate::load::fields::{Fields, did_you_mean};
use crate::load::words::did_you_mean_help;
use crate::load::{Diagnostic, Words};
use crate::model::{ItemPath, Level, Plan, Text, whole_contradicts};

/// Where one item's `parts` are written, kept for the check of the plan.
#[derive(Debug)]
pub(super) struct WrittenParts {
    /// Its figure (`done` or `value`), where a sum that differs is shown.
    figure: Range<usize>,
    /// The whole list.
    list: Range<usize>,
    /// Each part, in the list's order.
    each: Vec<Range<usize>>,
}

/// What a whole or a part adds up: its figure, whether that is a lower
/// bound (`approx`), its unit, and whether it can be added at all.
#[derive(Clone, Copy)]
struct Figure<'p> {
    task: bool,
    amount: Option<f64>,
    lower_bound: bool,
    unit: Option<&'p Text>,
}

impl PlanReader<'_> {
    /// The item's `parts`: distinct `campaign/item` paths. `figure` is the
    /// key of the figure they add up to (`done`, `value`). The outer
    /// `None` is an error.
    pub(super) fn parts(&mut self, fields: &Fields<'_, '_>, figure: &str) -> Option<Vec<ItemPath>> {
        let Some(list) = fields.get("parts") else {
            return Some(Vec::new());
        };
        let items = self.out.array(list, "parts")?;
        let mut paths: Vec<ItemPath> = Vec::with_capacity(items.len());
        let mut each = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items.iter() {
            let Some(text) = self.out.string(item, "parts") else {
                ok = false;
                continue;
            };
            match ItemPath::parse(&text) {
                Some(path) if paths.contains(&path) => {
                    self.out.error(Diagnostic::error(
                        item.span(),
                        Words::new(
                            format!("`{path}` is listed twice in `parts`"),
                            format!("`parts` 中 `{path}` 重复"),
                        ),
                        Words::new("listed before", "前面已列出"),
                    ));
                    ok = false;
                }
                Some(path) => {
                    paths.push(path);
                    each.push(item.span());
                }
                None => {
                    self.not_a_path(item.span(), &text);
                    ok = false;
                }
            }
        }
        let figure = fields.get(figure).map_or(list.span(), |v| v.span());
        let list = list.span();
        ok.then(|| {
            self.parts.push(WrittenParts { figure, list, each });
            paths
        })
    }

    fn not_a_path(&mut self, span: Range<usize>, text: &str) {
        self.out.error(
            Diagnostic::error(
                span,
                Words::new(
                    format!("a part must be \"campaign/item\", found \"{text}\""),
                    format!("`parts` 的每一项应写作 \"攻坚战/事项\"，实为 \"{text}\""),
                ),
                Words::new("not campaign/item", "不是“攻坚战/事项”"),
            )
            .with_help(Words::new(
                "two ids joined by /, e.g. \"enforcement/penalty-decisions\"",
                "用 / 连接两个 id，如 \"enforcement/penalty-decisions\"",
            )),
        );
    }

    /// Every item's `parts` against the whole plan: each names an item of
    /// this file that can be added to it, and the whole is their sum.
    pub(super) fn check_parts(&mut self, plan: &Plan) {
        let mut figures: HashMap<ItemPath, Figure<'_>> = HashMap::new();
        let mut wholes: Vec<(ItemPath, &[ItemPath])> = Vec::new();
        // The reader's order: each campaign's indicators, then its tasks.
        for campaign in &plan.campaigns {
            for indicator in &campaign.indicators {
                let path = ItemPath::new(&campaign.id, &indicator.id);
                if !indicator.parts.is_empty() {
                    wholes.push((path.clone(), &indicator.parts));
                }
                let amount = match indicator.value {
                    Level::Number(n) => Some(n),
                    Level::WaterClass(_) => None,
                };
                let lower_bound = indicator.qualifiers.at_least();
                let unit = indicator.unit.as_ref();
                figures.insert(path, Figure::new(false, amount, lower_bound, unit));
            }
            for task in &campaign.tasks {
                let path = ItemPath::new(&campaign.id, &task.id);
                if !task.parts.is_empty() {
                    wholes.push((path.clone(), &task.parts));
                }
                let lower_bound = task.qualifiers.at_least();
                let unit = task.unit.as_ref();
                figures.insert(path, Figure::new(true, Some(task.done), lower_bound, unit));
            }
        }
        // An item that did not read leaves its spans without an item: the
        // plan is refused for that error, so nothing is checked here.
        if wholes.len() != self.parts.len() {
            return;
        }
        let written = std::mem::take(&mut self.parts);
        for ((whole, parts), spans) in wholes.iter().zip(&written) {
            self.check_whole(whole, parts, spans, &figures);
        }
    }

    fn check_whole(
        &mut self,
        whole: &ItemPath,
        parts: &[ItemPath],
        spans: &WrittenParts,
        figures: &HashMap<ItemPath, Figure<'_>>,
    ) {
        let Some(&of) = figures.get(whole) else {
            return;
        };
        if of.amount.is_none() {
            self.out.error(Diagnostic::error(
                spans.list.clone(),
                Words::new(
                    "a water class does not add up: it cannot have parts",
                    "水质类别不能相加，不能有 `parts`",
                ),
                Words::new("not a number", "不是数值"),
            ));
            return;
        }
        let mut found = Vec::with_capacity(parts.len());
        for (part, span) in parts.iter().zip(&spans.each) {
            if let Some(figure) = self.part(whole, of, part, span.clone(), figures) {
                found.push((part, figure));
            }
        }
        if found.len() == parts.len() {
            self.compare(of, &found, spans.figure.clone());
        }
    }

    /// The figure of one part, when it can be added to the whole `of`;
    /// else an error at the part.
    fn part<'f>(
        &mut self,
        whole: &ItemPath,
        of: Figure<'_>,
        part: &ItemPath,
        span: Range<usize>,
        figures: &'f HashMap<ItemPath, Figure<'f>>,
    ) -> Option<Figure<'f>> {
        let problem = match figures.get(part) {
            None => {
                self.part_names_nothing(part, span, figures);
                return None;
            }
            Some(_) if part == whole => Words::new(
                format!("`{part}` is this item itself: it cannot be one of its parts"),
                format!("`{part}` 即本项，不能作为自身的组成部分"),
            ),
            Some(figure) if figure.task != of.task => Words::new(
                format!(
                    "`{part}` is {}, and the parts of {} are {}",
                    kind(figure.task),
                    kind(of.task),
                    plural(of.task)
                ),
                format!(
                    "`{part}` 不是{}，不能作为{}的组成部分",
                    kind_zh(of.task),
                    kind_zh(of.task)
                ),
            ),
            Some(figure) if figure.amount.is_none() => Words::new(
                format!("`{part}` is a water class, which does not add up"),
                format!("`{part}` 是水质类别，不能相加"),
            ),
            Some(figure) if !of.task && figure.unit != of.unit => Words::new(
                format!(
                    "`{part}` is measured in {}, this indicator in {}",
                    unit_name(figure.unit),
                    unit_name(of.unit)
                ),
                format!(
                    "`{part}` 的单位是{}，本指标的单位是{}",
                    unit_name_zh(figure.unit),
                    unit_name_zh(of.unit)
                ),
            ),
            Some(figure) => return Some(*figure),
        };
        let label = Words::new("cannot be added to this item", "不能计入本项");
        self.out.error(Diagnostic::error(span, problem, label));
        None
    }

    fn part_names_nothing(
        &mut self,
        part: &ItemPath,
        span: Range<usize>,
        figures: &HashMap<ItemPath, Figure<'_>>,
    ) {
        let written = part.to_string();
        let known: Vec<String> = figures.keys().map(ItemPath::to_string).collect();
        let mut known: Vec<&str> = known.iter().map(String::as_str).collect();
        // The same hint whatever the map's order.
        known.sort_unstable();
        let diagnostic = Diagnostic::error(
            span,
            Words::new(
                format!("`parts` names `{written}`, which is no item of this file"),
                format!("`parts` 所指的 `{written}` 不是本文件中的事项"),
            ),
            Words::new("names nothing", "指向不存在的事项"),
        );
        self.out.error(match did_you_mean(&written, &known) {
            Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
            None => diagnostic.with_help(Words::new(
                "name an item as campaign/item, e.g. \"enforcement/penalty-decisions\"",
                "以“攻坚战/事项”指明事项，如 \"enforcement/penalty-decisions\"",
            )),
        });
    }

    /// The warning when the whole is not the sum of its parts. A lower
    /// bound (`approx`) is only checked the way it can be wrong: parts that
    /// are at least S contradict a whole below S, a whole of more than W
    /// contradicts parts that add up to less than W.
    fn compare(&mut self, of: Figure<'_>, parts: &[(&ItemPath, Figure<'_>)], at: Range<usize>) {
        let whole = of.amount.unwrap_or_default();
        let sum: f64 = parts.iter().filter_map(|(_, f)| f.amount).sum();
        let parts_lower_bound = parts.iter().any(|(_, f)| f.lower_bound);
        if !whole_contradicts((whole, of.lower_bound), (sum, parts_lower_bound)) {
            return;
        }
        let (w, s, d) = (shown(whole), shown(sum), shown((whole - sum).abs()));
        let listed: Vec<String> = parts
            .iter()
            .map(|(path, f)| format!("{path} {}", shown(f.amount.unwrap_or_default())))
            .collect();
        let listed = listed.join(" + ");
        self.out.error(
            Diagnostic::warning(
                at,
                Words::new(
                    format!("{w} ≠ sum of parts {s}, {d} apart"),
                    format!("{w} ≠ 各部分合计{s}，差{d}"),
                ),
                Words::new("not the sum of its parts", "与各部分合计不符"),
            )
            .with_help(Words::new(
                format!("parts: {listed}"),
                format!("各部分：{listed}"),
            )),
        );
    }
}

impl<'p> Figure<'p> {
    fn new(task: bool, amount: Option<f64>, lower_bound: bool, unit: Option<&'p Text>) -> Self {
        Figure {
            task,
            amount,
            lower_bound,
            unit,
        }
    }
}

fn kind(task: bool) -> &'static str {
    if task { "a task" } else { "an indicator" }
}

fn plural(task: bool) -> &'static str {
    if task { "tasks" } else { "indicators" }
}

fn kind_zh(task: bool) -> &'static str {
    if task { "任务" } else { "指标" }
}

fn unit_name(unit: Option<&Text>) -> String {
    unit.map_or_else(
        || "no unit".to_owned(),
        |u| format!("\"{}\"", u.get(crate::model::Lang::En)),
    )
}

fn unit_name_zh(unit: Option<&Text>) -> String {
    unit.map_or_else(
        || "无".to_owned(),
        |u| format!("“{}”", u.get(crate::model::Lang::Zh)),
    )
}

/// A figure as a message shows it: digits grouped by threes with a space
/// (`1 200`), at most six decimals, no trailing zeros.
fn shown(n: f64) -> String {
    let fixed = format!("{:.6}", n.abs());
    let fixed = fixed.trim_end_matches('0').trim_end_matches('.');
    let (whole, fraction) = fixed.split_once('.').unwrap_or((fixed, ""));
    let mut out = String::new();
    if n < 0.0 && fixed != "0" {
        out.push('-');
    }
    for (at, digit) in whole.chars().enumerate() {
        if at > 0 && (whole.len() - at) % 3 == 0 {
            out.push(' ');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn figures_are_grouped_by_threes() {
        assert_eq!(super::shown(1200.0), "1 200");
        assert_eq!(super::shown(1187.0), "1 187");
        assert_eq!(super::shown(13.0), "13");
        assert_eq!(super::shown(236500.0), "236 500");
        assert_eq!(super::shown(0.30000000000000004), "0.3");
        assert_eq!(super::shown(-1234.5), "-1 234.5");
        assert_eq!(super::shown(0.0), "0");
    }
}
