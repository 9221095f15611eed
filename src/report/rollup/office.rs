//! The office's own figures against its units' sum (`[rollup] office`):
//! one sentence per summed item the office states, naming both places
//! ("湖北省1 200 ≠ 各单位合计1 187，差13"), as `check` prints it and the
//! bulletins write it.

use super::RollupReport;
use crate::figures::{at_least_number, number};
use crate::model::Lang;
use crate::rollup::Combined;

impl RollupReport<'_> {
    /// The office's name, when the manifest names an office.
    pub fn office_name(&self) -> Option<String> {
        let office = self.rollup.manifest.office.as_deref()?;
        Some(self.unit_name(office))
    }

    /// Each summed item the office states, with whether it agrees: (the
    /// sentence, whether the figures differ). Item names are given as
    /// `name` words them (escaped for markdown, kept to one line).
    pub fn office_checks(&self, name: impl Fn(&Combined) -> String) -> Vec<(String, bool)> {
        let Some(office) = self.office_name() else {
            return Vec::new();
        };
        self.combined
            .iter()
            .filter_map(|c| {
                let (figure, sum, apart) = (c.office?, c.done?, c.difference?);
                let item = name(c);
                // Each with the sign of a lower bound it is (1,200+).
                let figure = at_least_number(figure, c.office_at_least, self.lang);
                let sum = at_least_number(sum, c.at_least(), self.lang);
                Some((
                    self.office_check(&item, &office, (&figure, &sum), apart),
                    apart != 0.0,
                ))
            })
            .collect()
    }

    fn office_check(
        &self,
        item: &str,
        office: &str,
        (figure, sum): (&str, &str),
        apart: f64,
    ) -> String {
        let lang = self.lang;
        let gap = number(apart.abs(), lang);
        match (lang, apart == 0.0) {
            (Lang::En, false) => {
                format!("{item}: {office} {figure} ≠ units' sum {sum}, {gap} apart")
            }
            (Lang::Zh, false) => format!("{item}：{office}{figure} ≠ 各单位合计{sum}，差{gap}"),
            (Lang::En, true) => format!("{item}: {office} {figure} agrees with the units' sum"),
            (Lang::Zh, true) => format!("{item}：{office}{figure}，与各单位合计一致"),
        }
    }
}
