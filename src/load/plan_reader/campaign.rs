//! A `[[campaign]]` table and the lists of items under it.

use chrono::NaiveDate;

use super::PlanReader;
use super::ids::IdSet;
use crate::load::fields::{Fields, Value};
use crate::load::format;
use crate::load::{Diagnostic, Words};
use crate::model::{Campaign, Indicator, Task, Theme};

impl PlanReader<'_> {
    /// Reads a campaign; `items_elsewhere` when its tasks and indicators are
    /// not in `value` (its head re-read alone), so it is not "empty".
    pub(super) fn campaign(
        &mut self,
        value: Value<'_, '_>,
        as_of: NaiveDate,
        ids: &mut IdSet,
        items_elsewhere: bool,
    ) -> Option<Campaign> {
        let fields = self.out.table(value, &format::CAMPAIGN)?;
        // Asked before the tasks are read, so the line count runs through the file once.
        let line = self.line_of(&fields.span);
        let id = self.required_id(&fields, ids);
        let name = fields.get("name").and_then(|v| self.out.text(v, "name"));
        let theme = self.theme(&fields);
        let start = self.optional_date(&fields, "start");
        let end = self.optional_date(&fields, "end");
        self.check_campaign_dates(&fields, start, end);
        let lead = self.optional_text(&fields, "lead");
        let summary = self.optional_text(&fields, "summary");
        let assumed = self.assumed(&fields);
        // Ids of tasks and indicators share one namespace: `set` addresses both as CAMPAIGN/ITEM.
        let (indicators, tasks) = self.items(&fields, (start, end), as_of, &mut IdSet::default());
        if !items_elsewhere {
            self.warn_if_empty(&fields, id.as_deref());
        }
        Some(Campaign {
            id: id?,
            name: name?,
            theme: theme?,
            start,
            end,
            lead,
            summary,
            assumed: assumed?,
            indicators,
            tasks,
            line,
        })
    }

    /// `theme`, one of a few words, or `Other` when it is left out.
    fn theme(&mut self, fields: &Fields<'_, '_>) -> Option<Theme> {
        let Some(v) = fields.get("theme") else {
            return Some(Theme::Other);
        };
        let word = self.out.string(v, "theme")?;
        let theme = Theme::parse(&word);
        if theme.is_none() {
            self.out.error(
                Diagnostic::error(
                    v.span(),
                    Words::new(
                        format!("unknown theme `{word}`"),
                        format!("未知的 `theme`：`{word}`"),
                    ),
                    Words::new("unknown theme", "未知的类别"),
                )
                .with_help(Words::new(
                    "theme is one of: air, water, soil, other",
                    "`theme` 可选：`air`、`water`、`soil`、`other`",
                )),
            );
        }
        theme
    }

    fn check_campaign_dates(
        &mut self,
        fields: &Fields<'_, '_>,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) {
        if let (Some(start), Some(end), Some(end_value)) = (start, end, fields.get("end"))
            && start > end
        {
            self.out.error(Diagnostic::error(
                end_value.span(),
                Words::new(
                    format!("the campaign ends ({end}) before it starts ({start})"),
                    format!("攻坚战结束日期（{end}）早于开始日期（{start}）"),
                ),
                Words::new("end is before start", "结束早于开始"),
            ));
        }
    }

    /// A campaign with a good id and no items is worth a warning.
    fn warn_if_empty(&mut self, fields: &Fields<'_, '_>, id: Option<&str>) {
        let empty = fields.get("task").is_none() && fields.get("indicator").is_none();
        let Some(id) = id.filter(|_| empty) else {
            return;
        };
        self.out.error(Diagnostic::warning(
            fields.span.clone(),
            Words::new(
                format!("campaign `{id}` has no tasks and no indicators"),
                format!("攻坚战 `{id}` 没有任务，也没有指标"),
            ),
            Words::new("nothing to track here yet", "暂无可调度的内容"),
        ));
    }

    /// A campaign's indicators and tasks, as far as they are right.
    pub(super) fn items(
        &mut self,
        fields: &Fields<'_, '_>,
        window: (Option<NaiveDate>, Option<NaiveDate>),
        as_of: NaiveDate,
        ids: &mut IdSet,
    ) -> (Vec<Indicator>, Vec<Task>) {
        let mut indicators = Vec::new();
        if let Some(list) = fields.get("indicator") {
            for value in self
                .out
                .array(list, "indicator")
                .into_iter()
                .flat_map(|items| items.iter())
            {
                if let Some(indicator) = self.indicator(value, as_of, ids) {
                    indicators.push(indicator);
                }
            }
        }
        let mut tasks = Vec::new();
        if let Some(list) = fields.get("task") {
            for value in self
                .out
                .array(list, "task")
                .into_iter()
                .flat_map(|items| items.iter())
            {
                if let Some(task) = self.task(value, window, as_of, ids) {
                    tasks.push(task);
                }
            }
        }
        (indicators, tasks)
    }
}
