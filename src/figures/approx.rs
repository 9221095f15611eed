//! A figure the source gives as a lower bound (`approx = "more-than"`, the
//! report's "90余份"): en `90+`, zh `90余`, wherever the figure is shown.

use super::number::{number, number_width};
use crate::model::{Approx, Lang, Task};

/// The sign after a figure that is a lower bound; nothing for an exact one.
pub fn approx_sign(approx: Option<Approx>, lang: Lang) -> &'static str {
    match (approx, lang) {
        (None, _) => "",
        (Some(Approx::MoreThan), Lang::En) => "+",
        (Some(Approx::MoreThan), Lang::Zh) => "余",
    }
}

/// `value` as [`number`] writes it, with the sign of a lower bound: `90+`,
/// `1,000+`, `90余`.
pub fn approx_number(value: f64, approx: Option<Approx>, lang: Lang) -> String {
    let mut shown = number(value, lang);
    shown.push_str(approx_sign(approx, lang));
    shown
}

/// The display width of [`approx_number`], counted (余 is two columns).
pub fn approx_number_width(value: f64, approx: Option<Approx>, lang: Lang) -> usize {
    number_width(value, lang) + crate::text::width(approx_sign(approx, lang))
}

/// What a task has done, as every view and report shows it: `90+`, `90余`.
pub fn task_done(task: &Task, lang: Lang) -> String {
    approx_number(task.done, task.approx, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lower_bound_reads_more_than() {
        let more = Some(Approx::MoreThan);
        assert_eq!(approx_number(90.0, more, Lang::En), "90+");
        assert_eq!(approx_number(90.0, more, Lang::Zh), "90余");
        assert_eq!(approx_number(1000.0, more, Lang::En), "1000+");
        assert_eq!(approx_number(236500.0, more, Lang::En), "236,500+");
        assert_eq!(approx_number(236500.0, more, Lang::Zh), "23.65万余");
        assert_eq!(approx_number(90.0, None, Lang::Zh), "90");
        for (value, approx) in [(90.0, more), (236500.0, more), (12.5, None)] {
            for lang in [Lang::En, Lang::Zh] {
                let shown = approx_number(value, approx, lang);
                let width = approx_number_width(value, approx, lang);
                assert_eq!(width, crate::text::width(&shown), "{shown}");
            }
        }
    }
}
