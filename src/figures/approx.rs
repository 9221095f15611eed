//! A figure the source gives as a lower bound (`approx = "more-than"`, the
//! report's "90余份"): en `90+`, zh `90余`, wherever the figure is shown.
//! The file's table declares the key and its words; this is their renderer.

use super::number::{number, number_width};
use crate::model::{Lang, Qualifiers, Task};

/// The sign after a figure that is a lower bound; nothing for an exact one.
pub fn approx_sign(qualifiers: &Qualifiers, lang: Lang) -> &'static str {
    at_least_sign(qualifiers.at_least(), lang)
}

/// The sign after a figure known to be a lower bound, however it became
/// one (written `more-than`, kept so by a revision, a sum with such a
/// part): en `+`, zh `余`; nothing when it is exact.
pub fn at_least_sign(at_least: bool, lang: Lang) -> &'static str {
    match (at_least, lang) {
        (true, Lang::En) => "+",
        (true, Lang::Zh) => "余",
        (false, _) => "",
    }
}

/// `value` as [`number`] writes it, with the sign of a lower bound when
/// `at_least`: `1,200+`, `1200余`.
pub fn at_least_number(value: f64, at_least: bool, lang: Lang) -> String {
    let mut shown = number(value, lang);
    shown.push_str(at_least_sign(at_least, lang));
    shown
}

/// `value` as [`number`] writes it, with the sign of a lower bound: `90+`,
/// `1,000+`, `90余`.
pub fn approx_number(value: f64, qualifiers: &Qualifiers, lang: Lang) -> String {
    at_least_number(value, qualifiers.at_least(), lang)
}

/// The display width of [`approx_number`], counted (余 is two columns).
pub fn approx_number_width(value: f64, qualifiers: &Qualifiers, lang: Lang) -> usize {
    number_width(value, lang) + crate::text::width(approx_sign(qualifiers, lang))
}

/// The sign before a figure worked out from a lower bound (a change, a
/// 同比, a share), whose exact amount is not known: en `≈`, `~` in ASCII
/// mode, zh `约` (a word, as `余` is).
pub fn approx_prefix(lang: Lang, ascii: bool) -> &'static str {
    match (lang, ascii) {
        (Lang::Zh, _) => "约",
        (Lang::En, false) => "≈",
        (Lang::En, true) => "~",
    }
}

/// A figure worked out from a lower bound as shown, after [`approx_prefix`]
/// when `approx`: `≈68%`, `约120`; `shown` as it is otherwise.
pub fn about(shown: String, approx: bool, lang: Lang, ascii: bool) -> String {
    match approx {
        true => format!("{}{shown}", approx_prefix(lang, ascii)),
        false => shown,
    }
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

    #[test]
    fn a_figure_from_a_lower_bound_reads_approximate() {
        assert_eq!(approx_prefix(Lang::En, false), "≈");
        assert_eq!(approx_prefix(Lang::En, true), "~");
        assert_eq!(approx_prefix(Lang::Zh, false), "约");
        assert_eq!(about("68%".into(), true, Lang::En, false), "≈68%");
        assert_eq!(about("120".into(), true, Lang::Zh, true), "约120");
        assert_eq!(about("120".into(), false, Lang::En, false), "120");
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
