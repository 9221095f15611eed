//! A `[[campaign.task]]` table: a count done, out of a total or not.

use chrono::NaiveDate;

use super::PlanReader;
use super::ids::IdSet;
use crate::load::fields::{Fields, Value};
use crate::load::format;
use crate::load::{Diagnostic, Words};
use crate::model::{MAX_WEIGHT, Scale, Task, TaskPoint};

impl PlanReader<'_> {
    pub(super) fn task(
        &mut self,
        value: Value<'_, '_>,
        campaign_window: (Option<NaiveDate>, Option<NaiveDate>),
        as_of: NaiveDate,
        ids: &mut IdSet,
    ) -> Option<Task> {
        let fields = self.out.table(value, &format::TASK)?;
        let id = self.required_id(&fields, ids);
        let name = fields.get("name").and_then(|v| self.out.text(v, "name"));
        let done = fields.get("done").and_then(|v| {
            let done = self.out.number(v, "done")?;
            self.non_negative(v, "done", done)
        });
        let qualifiers = self.qualifiers(&fields, Scale::Number);
        let total = self.total(&fields);
        self.check_done_within_total(&fields, done, total);
        let closed = self.closed(&fields, done, total);
        let stage = self.stage(&fields);
        let notices = self.notices(&fields, as_of);
        let start = self.optional_date(&fields, "start");
        let due = self.optional_date(&fields, "due");
        self.check_task_dates(&fields, (start, due), campaign_window);
        let weight = match fields.get("weight") {
            None => Some(1.0),
            Some(v) => self
                .out
                .number(v, "weight")
                .and_then(|weight| self.weight(v, weight)),
        };
        let unit = self.optional_text(&fields, "unit");
        let lead = self.optional_text(&fields, "lead");
        let note = self.optional_text(&fields, "note");
        let history = match fields.get("history") {
            None => Some(Vec::new()),
            Some(list) => self.history(list, as_of, &format::TASK_POINT, |reader, point| {
                let done = point.get("done")?;
                let number = reader.out.number(done, "done")?;
                reader.non_negative(done, "done", number)
            }),
        };
        let follows = self.follows(&fields);
        let parts = self.parts(&fields, "done");
        let assumed = self.assumed(&fields);
        Some(Task {
            id: id?,
            name: name?,
            done: done?,
            qualifiers: qualifiers?,
            total,
            unit,
            start,
            due,
            weight: weight?,
            lead,
            note,
            history: history?
                .into_iter()
                .map(|(date, done)| TaskPoint { date, done })
                .collect(),
            follows: follows?,
            parts: parts?,
            assumed: assumed?,
            line: self.line_of(&fields.span),
            closed: closed?,
            stage: stage?,
            notices: notices?,
        })
    }

    /// A weight above 0 and at most [`MAX_WEIGHT`]: the roll-up's sums of
    /// weights stay finite, so progress is never lost to an overflow.
    fn weight(&mut self, v: Value<'_, '_>, weight: f64) -> Option<f64> {
        let problem = if weight <= 0.0 {
            Words::new(
                format!("`weight` must be more than 0, found {weight}"),
                format!("`weight` 应大于 0，实为 {weight}"),
            )
        } else if weight > MAX_WEIGHT {
            Words::new(
                format!("`weight` must be at most {MAX_WEIGHT}, found {weight:e}"),
                format!("`weight` 不能超过 {MAX_WEIGHT}，实为 {weight:e}"),
            )
        } else {
            return Some(weight);
        };
        self.out.error(
            Diagnostic::error(v.span(), problem, Words::new("out of range", "超出范围")).with_help(
                Words::new(
                    "a weight is a task's share of its campaign's progress, default 1",
                    "权重是任务在所属攻坚战进度中的占比，默认为 1",
                ),
            ),
        );
        None
    }

    /// `total`, which must be positive when it is there.
    fn total(&mut self, fields: &Fields<'_, '_>) -> Option<f64> {
        let v = fields.get("total")?;
        let total = self.out.number(v, "total")?;
        if total <= 0.0 {
            self.out.error(
                Diagnostic::error(
                    v.span(),
                    Words::new(
                        format!("`total` must be more than 0, found {total}"),
                        format!("`total` 应大于 0，实为 {total}"),
                    ),
                    Words::new("not a positive total", "总数须为正数"),
                )
                .with_help(Words::new(
                    "leave `total` out to make the task a plain count",
                    "不写 `total`，该任务即为单纯计数",
                )),
            );
            return None;
        }
        Some(total)
    }

    /// More done than the total is allowed, with a warning.
    fn check_done_within_total(
        &mut self,
        fields: &Fields<'_, '_>,
        done: Option<f64>,
        total: Option<f64>,
    ) {
        if let (Some(done), Some(total), Some(v)) = (done, total, fields.get("done"))
            && done > total
        {
            self.out.error(Diagnostic::warning(
                v.span(),
                Words::new(
                    format!("`done` ({done}) is more than `total` ({total})"),
                    format!("`done`（{done}）超过 `total`（{total}）"),
                ),
                Words::new("over-achieved", "超额完成"),
            ));
        }
    }

    /// A task's own dates, with the campaign's filling a gap, must not end
    /// before they start. Only a task that gives a date of its own is
    /// checked: the campaign's dates are checked with the campaign.
    fn check_task_dates(
        &mut self,
        fields: &Fields<'_, '_>,
        (start, due): (Option<NaiveDate>, Option<NaiveDate>),
        campaign_window: (Option<NaiveDate>, Option<NaiveDate>),
    ) {
        let (effective_start, effective_due) =
            (start.or(campaign_window.0), due.or(campaign_window.1));
        let own_dates = start.is_some() || due.is_some();
        if let (true, Some(s), Some(d)) = (own_dates, effective_start, effective_due)
            && s > d
        {
            let at = fields
                .get("due")
                .or(fields.get("start"))
                .map_or(fields.span.clone(), |v| v.span());
            self.out.error(Diagnostic::error(
                at,
                Words::new(
                    format!("the task is due ({d}) before it starts ({s})"),
                    format!("任务截止日期（{d}）早于开始日期（{s}）"),
                ),
                Words::new("due is before start", "截止早于开始"),
            ));
        }
    }
}
