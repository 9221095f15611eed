//! The `[meta]` table.

use super::PlanReader;
use crate::load::fields::{Fields, Value};
use crate::load::format;
use crate::load::{Diagnostic, Words};
use crate::model::{DEFAULT_AT_RISK_MARGIN, Meta};

impl PlanReader<'_> {
    pub(super) fn meta(&mut self, value: Value<'_, '_>) -> Option<Meta> {
        let fields = self.out.table(value, &format::META)?;
        let title = fields.get("title").and_then(|v| self.out.text(v, "title"));
        let organisation = self.optional_text(&fields, "organisation");
        let source = self.optional_text(&fields, "source");
        let as_of = fields.get("as_of").and_then(|v| self.out.date(v, "as_of"));
        let at_risk_margin = self.at_risk_margin(&fields);
        let due_soon_days = self.due_soon_days(&fields);
        let close_stages = self.close_stages(&fields);
        Some(Meta {
            title: title?,
            organisation,
            as_of,
            source,
            at_risk_margin: at_risk_margin?,
            due_soon_days: due_soon_days?,
            close_stages: close_stages?,
        })
    }

    /// `at_risk_margin`, a share between 0 and 1, or the default when it is left out.
    fn at_risk_margin(&mut self, fields: &Fields<'_, '_>) -> Option<f64> {
        let Some(v) = fields.get("at_risk_margin") else {
            return Some(DEFAULT_AT_RISK_MARGIN);
        };
        let margin = self.out.number(v, "at_risk_margin")?;
        if (0.0..=1.0).contains(&margin) {
            return Some(margin);
        }
        self.out.error(Diagnostic::error(
            v.span(),
            Words::new(
                "`at_risk_margin` must be between 0 and 1",
                "`at_risk_margin` 应在 0 到 1 之间",
            ),
            Words::new("a share, like 0.10", "比例，如 `0.10`"),
        ));
        None
    }

    /// `due_soon_days`, a whole number of days up to ten years: `Some(None)`
    /// when it is left out (the reader's config or the default then apply),
    /// `None` after an error.
    fn due_soon_days(&mut self, fields: &Fields<'_, '_>) -> Option<Option<u32>> {
        let Some(v) = fields.get("due_soon_days") else {
            return Some(None);
        };
        let days = self.out.number(v, "due_soon_days")?;
        if (0.0..=3660.0).contains(&days) && days.fract() == 0.0 {
            return Some(Some(days as u32));
        }
        self.out.error(Diagnostic::error(
            v.span(),
            Words::new(
                "`due_soon_days` must be a whole number of days from 0 to 3660",
                "`due_soon_days` 应为 0 到 3660 之间的整天数",
            ),
            Words::new("days, like 30", "天数，如 `30`"),
        ));
        None
    }
}
