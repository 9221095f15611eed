//! `follows = "campaign/item"`: read on the task, checked once the whole
//! plan is read, since it may name a task of any campaign.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::PlanReader;
use crate::load::fields::{Fields, did_you_mean};
use crate::load::words::did_you_mean_help;
use crate::load::{Diagnostic, Words};
use crate::model::{ItemPath, Plan};

impl PlanReader<'_> {
    /// The task's `follows`, when it is two ids; its span is kept for the
    /// check of the whole plan. The outer `None` is an error.
    pub(super) fn follows(&mut self, fields: &Fields<'_, '_>) -> Option<Option<ItemPath>> {
        let Some(v) = fields.get("follows") else {
            return Some(None);
        };
        let text = self.out.string(v, "follows")?;
        let Some(path) = ItemPath::parse(&text) else {
            self.out.error(
                Diagnostic::error(
                    v.span(),
                    Words::new(
                        format!("`follows` must be \"campaign/item\", found \"{text}\""),
                        format!("`follows` 应写作 \"攻坚战/事项\"，实为 \"{text}\""),
                    ),
                    Words::new("not campaign/item", "不是“攻坚战/事项”"),
                )
                .with_help(Words::new(
                    "two ids joined by /, e.g. \"clean-soil/black-odorous-2024\"",
                    "用 / 连接两个 id，如 \"clean-soil/black-odorous-2024\"",
                )),
            );
            return None;
        };
        self.follows.push(v.span());
        Some(Some(path))
    }

    /// Every `follows` names a task of the plan (a task that names its own
    /// path continues last year's item of the same id), and a chain of them
    /// that comes back to where it started is worth a warning.
    pub(super) fn check_follows(&mut self, plan: &Plan) {
        let written: Vec<(ItemPath, &ItemPath)> = plan
            .campaigns
            .iter()
            .flat_map(|c| c.tasks.iter().map(move |t| (c, t)))
            .filter_map(|(c, t)| Some((ItemPath::new(&c.id, &t.id), t.follows.as_ref()?)))
            .collect();
        // A task that did not read leaves its span without a task: the
        // plan is refused for that error, so nothing is checked here.
        if written.len() != self.follows.len() {
            return;
        }
        let spans = std::mem::take(&mut self.follows);
        let tasks: HashSet<ItemPath> = plan
            .campaigns
            .iter()
            .flat_map(|c| c.tasks.iter().map(|t| ItemPath::new(&c.id, &t.id)))
            .collect();
        for ((_, target), span) in written.iter().zip(&spans) {
            if !tasks.contains(target) {
                self.names_nothing(target, span.clone(), &tasks);
            }
        }
        let next: HashMap<&ItemPath, &ItemPath> = written.iter().map(|(o, t)| (o, *t)).collect();
        for ((owner, _), span) in written.iter().zip(spans) {
            if let Some(chain) = loop_from(owner, &next) {
                self.loops(chain, span);
            }
        }
    }

    fn names_nothing(&mut self, target: &ItemPath, span: Range<usize>, tasks: &HashSet<ItemPath>) {
        let written = target.to_string();
        let known: Vec<String> = tasks.iter().map(ItemPath::to_string).collect();
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        let diagnostic = Diagnostic::error(
            span,
            Words::new(
                format!("`follows` names `{written}`, which is no task of this file"),
                format!("`follows` 所指的 `{written}` 不是本文件中的任务"),
            ),
            Words::new("names nothing", "指向不存在的任务"),
        );
        self.out.error(match did_you_mean(&written, &known) {
            Some(candidate) => diagnostic.with_help(did_you_mean_help(candidate)),
            None => diagnostic.with_help(Words::new(
                "name a task as campaign/item, e.g. \"clean-soil/black-odorous-2024\"",
                "以“攻坚战/任务”指明任务，如 \"clean-soil/black-odorous-2024\"",
            )),
        });
    }

    fn loops(&mut self, chain: Vec<&ItemPath>, span: Range<usize>) {
        let shown: Vec<String> = chain.iter().map(|path| path.to_string()).collect();
        let shown = shown.join(" → ");
        self.out.error(Diagnostic::warning(
            span,
            Words::new(
                format!("`follows` goes round in a loop: {shown}"),
                format!("`follows` 形成循环：{shown}"),
            ),
            Words::new("a loop", "循环"),
        ));
    }
}

/// The loop of `follows` that starts at `owner`, when it comes back to
/// `owner` through another task and `owner` is its first task in path
/// order (so each loop is reported once): `a → b → a`.
fn loop_from<'p>(
    owner: &'p ItemPath,
    next: &HashMap<&'p ItemPath, &'p ItemPath>,
) -> Option<Vec<&'p ItemPath>> {
    let mut chain = vec![owner];
    let mut at = *next.get(owner)?;
    while at != owner {
        if chain.contains(&at) || at < owner {
            return None;
        }
        chain.push(at);
        at = next.get(at)?;
    }
    (chain.len() > 1).then(|| {
        chain.push(owner);
        chain
    })
}
