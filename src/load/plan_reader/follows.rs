//! `follows = "campaign/item"`: read on the task; its loops are looked for
//! once the whole plan is read, since it may name a task of any campaign.

use std::collections::HashMap;
use std::ops::Range;

use super::PlanReader;
use crate::load::fields::Fields;
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

    /// A chain of `follows` within the plan that comes back to where it
    /// started is worth a warning. A `follows` naming no task of this file
    /// is left as written: it may name last year's item, which only the
    /// file's history holds (`history::compare::follows` checks it there,
    /// for `check` and the screen).
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
        let next: HashMap<&ItemPath, &ItemPath> = written.iter().map(|(o, t)| (o, *t)).collect();
        for ((owner, _), span) in written.iter().zip(spans) {
            if let Some(chain) = loop_from(owner, &next) {
                self.loops(chain, span);
            }
        }
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
