//! History arrays: dated points of a task's count or an indicator's level.

use chrono::NaiveDate;

use super::PlanReader;
use crate::load::fields::{Fields, Value};
use crate::load::format;
use crate::load::{Diagnostic, Words};

impl PlanReader<'_> {
    /// A history array of `{ date = ..., <figure> = ... }` in date order.
    pub(super) fn history<T>(
        &mut self,
        list: Value<'_, '_>,
        as_of: NaiveDate,
        point: &'static format::Table,
        mut figure: impl FnMut(&mut Self, &Fields<'_, '_>) -> Option<T>,
    ) -> Option<Vec<(NaiveDate, T)>> {
        let items = self.out.array(list, "history")?;
        let mut points = Vec::with_capacity(items.len());
        let mut ok = true;
        let mut previous: Option<NaiveDate> = None;
        for item in items.iter() {
            let Some(fields) = self.out.table(item, point) else {
                ok = false;
                continue;
            };
            let date_value = fields.get("date");
            let date = date_value.and_then(|v| self.out.date(v, "date"));
            let value = figure(self, &fields);
            let (Some(date), Some(value), Some(date_value)) = (date, value, date_value) else {
                ok = false;
                continue;
            };
            ok &= self.check_point_date(date_value, date, previous, as_of);
            previous = Some(date);
            points.push((date, value));
        }
        ok.then_some(points)
    }

    /// Points must come oldest first, one per date (false when they do not);
    /// a point after the reporting date is only warned of.
    fn check_point_date(
        &mut self,
        date_value: Value<'_, '_>,
        date: NaiveDate,
        previous: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> bool {
        let mut in_order = true;
        if let Some(previous) = previous.filter(|previous| date <= *previous) {
            self.out.error(
                Diagnostic::error(
                    date_value.span(),
                    Words::new(
                        format!("history is out of date order: {date} comes after {previous}"),
                        format!("历史记录日期顺序有误：{date} 排在 {previous} 之后"),
                    ),
                    Words::new("out of order", "顺序颠倒"),
                )
                .with_help(Words::new(
                    "list history points from the oldest to the newest, one per date",
                    "历史记录按日期从早到晚排列，每个日期一条",
                )),
            );
            in_order = false;
        }
        if date > as_of {
            self.out.error(Diagnostic::warning(
                date_value.span(),
                Words::new(
                    format!("history point dated {date}, after the reporting date {as_of}"),
                    format!("历史记录日期 {date} 晚于报告日期 {as_of}"),
                ),
                Words::new("in the future", "晚于报告日期"),
            ));
        }
        in_order
    }
}
