//! A figure the source gives as a lower bound (`approx = "more-than"`, the
//! report's "90余份"): en `90+`, zh `90余`, wherever the figure is shown.
//! The file's table declares the key and its words; this is their renderer.

use super::number::{number, number_width};
use crate::model::{Lang, Qualifiers, Task};

/// The sign after a figure that is a lower bound; nothing for an exact one.
pub fn approx_sign(qualifiers: &Qualifiers, lang: Lang) -> &'static str {
    match (qualifiers.word("approx"), lang) {
        (Some("more-than"), Lang::En) => "+",
        (Some("more-than"), Lang::Zh) => "余",
        _ => "",
    }
}

/// `value` as [`number`] writes it, with the sign of a lower bound: `90+`,
/// `1,000+`, `90余`.
pub fn approx_number(value: f64, qualifiers: &Qualifiers, lang: Lang) -> String {
    let mut shown = number(value, lang);
    shown.push_str(approx_sign(qualifiers, lang));
    shown
}

/// The display width of [`approx_number`], counted (余 is two columns).
pub fn approx_number_width(value: f64, qualifiers: &Qualifiers, lang: Lang) -> usize {
    number_width(value, lang) + crate::text::width(approx_sign(qualifiers, lang))
}

/// What a task has done, as every view and report shows it: `90+`, `90余`.
pub fn task_done(task: &Task, lang: Lang) -> String {
    approx_number(task.done, &task.qualifiers, lang)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::load::format::{INDICATOR, Key, TASK};

    /// An item's qualifiers with `approx = "more-than"`, as the table
    /// declares it.
    pub(crate) fn more_than() -> Qualifiers {
        let key = TASK.key("approx").expect("approx is a key of a task");
        Qualifiers::new(key.qualifier("more-than").into_iter().collect())
    }

    #[test]
    fn a_lower_bound_reads_more_than() {
        let more = &more_than();
        let exact = &Qualifiers::default();
        assert_eq!(approx_number(90.0, more, Lang::En), "90+");
        assert_eq!(approx_number(90.0, more, Lang::Zh), "90余");
        assert_eq!(approx_number(1000.0, more, Lang::En), "1000+");
        assert_eq!(approx_number(236500.0, more, Lang::En), "236,500+");
        assert_eq!(approx_number(236500.0, more, Lang::Zh), "23.65万余");
        assert_eq!(approx_number(90.0, exact, Lang::Zh), "90");
        for (value, approx) in [(90.0, more), (236500.0, more), (12.5, exact)] {
            for lang in [Lang::En, Lang::Zh] {
                let shown = approx_number(value, approx, lang);
                let width = approx_number_width(value, approx, lang);
                assert_eq!(width, crate::text::width(&shown), "{shown}");
            }
        }
    }

    /// Every word the table declares for `approx` is shown, in both
    /// languages: a word added to the table without a sign here fails.
    #[test]
    fn every_declared_word_has_a_sign() {
        let keys: Vec<&Key> = [&TASK, &INDICATOR]
            .into_iter()
            .flat_map(|table| table.qualifiers())
            .collect();
        assert_eq!(keys.len(), 2, "approx on tasks and indicators");
        for key in keys {
            assert_eq!(key.name, "approx", "a qualifier without a renderer");
            for word in key.words() {
                let written = Qualifiers::new(key.qualifier(word).into_iter().collect());
                for lang in [Lang::En, Lang::Zh] {
                    assert_ne!(approx_sign(&written, lang), "", "{word} in {lang:?}");
                }
            }
        }
    }
}
