//! 销号 and 督办: a task's `closed` and `stage`, `[meta] close_stages`, and
//! the `notices` of any item.

use chrono::NaiveDate;

use super::PlanReader;
use crate::load::fields::{Fields, Value, backticked, did_you_mean};
use crate::load::format;
use crate::load::tree::Item;
use crate::load::{Diagnostic, Words, did_you_mean_help};
use crate::model::{Closed, Notice};

impl PlanReader<'_> {
    /// `closed`: a count no more than `done`, or on a task of one
    /// (`total = 1`) the day it was closed. `Some(None)` when not written.
    pub(super) fn closed(
        &mut self,
        fields: &Fields<'_, '_>,
        done: Option<f64>,
        total: Option<f64>,
    ) -> Option<Option<Closed>> {
        let Some(v) = fields.get("closed") else {
            return Some(None);
        };
        let closed = match v.item() {
            Item::Datetime(_) => {
                let date = self.out.date(v, "closed")?;
                if total != Some(1.0) {
                    self.closed_date_needs_one(v);
                    return None;
                }
                Closed::On(date)
            }
            Item::Integer(_) | Item::Float(_) => {
                let count = self.out.number(v, "closed")?;
                Closed::Count(self.non_negative(v, "closed", count)?)
            }
            _ => {
                self.out.wrong_type(
                    v,
                    Words::new(
                        "`closed` must be a count or a date",
                        "`closed` 应为销号数量或销号日期",
                    ),
                    Words::new("a number or a date", "数字或日期"),
                );
                return None;
            }
        };
        if let Some(done) = done
            && closed.count() > done
        {
            let count = closed.count();
            self.out.error(
                Diagnostic::error(
                    v.span(),
                    Words::new(
                        format!("`closed` ({count}) is more than `done` ({done})"),
                        format!("销号数（{count}）超过完成数（{done}）"),
                    ),
                    Words::new("more closed than done", "销号多于完成"),
                )
                .with_help(Words::new(
                    "only what is done can be closed (销号)",
                    "只有已完成整改的才能销号",
                )),
            );
            return None;
        }
        Some(Some(closed))
    }

    fn closed_date_needs_one(&mut self, v: Value<'_, '_>) {
        self.out.error(
            Diagnostic::error(
                v.span(),
                Words::new(
                    "`closed = DATE` is for a task of one (`total = 1`)",
                    "`closed = 日期` 只用于总数为 1 的任务（`total = 1`）",
                ),
                Words::new("a date closes one item", "日期只能为单项销号"),
            )
            .with_help(Words::new(
                "write how many are closed, e.g. closed = 131",
                "请写销号数量，如 `closed = 131`",
            )),
        );
    }

    /// `[meta] close_stages`: distinct names of the steps of 销号.
    pub(super) fn close_stages(&mut self, fields: &Fields<'_, '_>) -> Option<Vec<String>> {
        let Some(list) = fields.get("close_stages") else {
            return Some(Vec::new());
        };
        let items = self.out.array(list, "close_stages")?;
        let mut stages: Vec<String> = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items.iter() {
            match self.out.string(item, "close_stages") {
                Some(stage) if stages.contains(&stage) => {
                    self.out.error(Diagnostic::error(
                        item.span(),
                        Words::new(
                            format!("stage `{stage}` is listed twice"),
                            format!("步骤 `{stage}` 重复"),
                        ),
                        Words::new("listed before", "前面已列出"),
                    ));
                    ok = false;
                }
                Some(stage) => stages.push(stage),
                None => ok = false,
            }
        }
        ok.then_some(stages)
    }

    /// A task's `stage`: one of `[meta] close_stages`. `Some(None)` when
    /// not written.
    pub(super) fn stage(&mut self, fields: &Fields<'_, '_>) -> Option<Option<String>> {
        let Some(v) = fields.get("stage") else {
            return Some(None);
        };
        let stage = self.out.string(v, "stage")?;
        if self.close_stages.contains(&stage) {
            return Some(Some(stage));
        }
        let known: Vec<&str> = self.close_stages.iter().map(String::as_str).collect();
        let diagnostic = Diagnostic::error(
            v.span(),
            Words::new(
                format!("`stage` must be one of [meta] close_stages, found `{stage}`"),
                format!("`stage` 应为 `[meta] close_stages` 中的一项，实为 `{stage}`"),
            ),
            Words::new("unknown stage", "未知的销号步骤"),
        );
        let help = match did_you_mean(&stage, &known) {
            Some(candidate) => did_you_mean_help(candidate),
            None if known.is_empty() => Words::new(
                "list the steps first: [meta] close_stages = [\"...\"]",
                "请先在 `[meta]` 中列出步骤：`close_stages = [\"...\"]`",
            ),
            None => Words::new(
                format!("close_stages: {}", known.join(", ")),
                format!("销号步骤：{}", backticked(&known)),
            ),
        };
        self.out.error(diagnostic.with_help(help));
        None
    }

    /// `notices`: 督办 notices, oldest first (two on one day are allowed).
    pub(super) fn notices(
        &mut self,
        fields: &Fields<'_, '_>,
        as_of: NaiveDate,
    ) -> Option<Vec<Notice>> {
        let Some(list) = fields.get("notices") else {
            return Some(Vec::new());
        };
        let items = self.out.array(list, "notices")?;
        let mut notices: Vec<Notice> = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items.iter() {
            let Some(notice) = self.out.table(item, &format::NOTICE) else {
                ok = false;
                continue;
            };
            let date_value = notice.get("date");
            let date = date_value.and_then(|v| self.out.date(v, "date"));
            let reference = self.optional_text(&notice, "ref");
            let note = self.optional_text(&notice, "note");
            let (Some(date), Some(date_value)) = (date, date_value) else {
                ok = false;
                continue;
            };
            let previous = notices.last().map(|notice| notice.date);
            ok &= self.check_notice_date(date_value, date, previous, as_of);
            notices.push(Notice {
                date,
                reference,
                note,
            });
        }
        ok.then_some(notices)
    }

    /// Notices come oldest first (false when not); one dated after the
    /// reporting date is only warned of.
    fn check_notice_date(
        &mut self,
        v: Value<'_, '_>,
        date: NaiveDate,
        previous: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> bool {
        if date > as_of {
            self.out.error(Diagnostic::warning(
                v.span(),
                Words::new(
                    format!("notice dated {date}, after the reporting date {as_of}"),
                    format!("督办通知日期 {date} 晚于报告日期 {as_of}"),
                ),
                Words::new("in the future", "晚于报告日期"),
            ));
        }
        let Some(previous) = previous.filter(|previous| date < *previous) else {
            return true;
        };
        self.out.error(
            Diagnostic::error(
                v.span(),
                Words::new(
                    format!("notices are out of date order: {date} comes after {previous}"),
                    format!("督办通知日期顺序有误：{date} 排在 {previous} 之后"),
                ),
                Words::new("out of order", "顺序颠倒"),
            )
            .with_help(Words::new(
                "list notices from the oldest to the newest",
                "督办通知按日期从早到晚排列",
            )),
        );
        false
    }
}

#[cfg(test)]
#[path = "closing_tests.rs"]
mod tests;
